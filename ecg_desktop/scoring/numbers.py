"""The one place where scoring rounds: Decimal helpers that mimic the spreadsheet's arithmetic."""

from __future__ import annotations

import re
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from functools import cache
from typing import Final

ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)
HALF: Final = Decimal("0.5")
HUNDRED: Final = Decimal(100)
THOUSAND: Final = Decimal(1000)
PRECISION: Final = 34  # digits for every scoring computation (scoring.md 1.1 asks for 28 or more)

_SIG15 = Context(prec=15, rounding=ROUND_HALF_EVEN)


def scoring_context() -> localcontext:  # type: ignore[type-arg]
    """A local Decimal context with enough digits for every scoring step."""
    return localcontext(Context(prec=PRECISION, rounding=ROUND_HALF_EVEN))


def sig15(value: Decimal) -> Decimal:
    """`value` rounded to 15 significant digits: what every threshold test compares (scoring.md 1.1)."""
    return _SIG15.plus(value)


@cache
def _quantum(places: int) -> tuple[Decimal, Context]:
    return Decimal(1).scaleb(-places), Context(prec=PRECISION + places + 10, rounding=ROUND_HALF_UP)


def round_half_away(value: Decimal, places: int) -> Decimal:
    """R_d of scoring.md 1.9: round to `places` decimals, halves away from zero (never Python's round())."""
    exponent, context = _quantum(places)
    return value.quantize(exponent, context=context)


def round_half_up_to_step(value: Decimal, step: Decimal) -> Decimal:
    """Round to a multiple of `step`, exact halves upwards (4.1 indicators: 0.35 -> 0.4)."""
    with localcontext(Context(prec=PRECISION)):
        return ((value / step) + HALF).to_integral_value(rounding=ROUND_FLOOR) * step


def clean_zero(value: Decimal) -> Decimal:
    """-0 shown as 0."""
    return ZERO if value.is_zero() else value


def whole_points(value: Decimal) -> int:
    """Points as shown in the matrix view: R_0, halves away from zero."""
    return int(round_half_away(value, 0))


_DECIMAL_POINT = re.compile(r"(?<![A-Za-z\d.])(-?\d+)\.(\d+)")


def _comma(match: re.Match[str]) -> str:
    return f"{match[1]},{match[2]}"


def german_decimals(text: str) -> str:
    """Write the decimal numbers of a German sentence with a comma (57.14 -> 57,14); codes like A1.1 stay."""
    return _DECIMAL_POINT.sub(_comma, text)
