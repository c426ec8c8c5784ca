"""Check a Balance against its matrix and the country/sector tables; every problem is located.

Errors make the input invalid (it is refused, nothing is stored); warnings are shown and kept
(a missing justification never changes or blocks the score: scoring.md 1.7).
"""

from __future__ import annotations

from decimal import Decimal

from ecg_desktop.balance.json_format import decimal_text
from ecg_desktop.balance.model import AMOUNT_FIELDS, BALANCE_TYPES, SIGNED_FIELDS, Balance
from ecg_desktop.errors import Location, Problem
from ecg_desktop.matrix import VERSIONS, Matrix, load_matrix
from ecg_desktop.matrix.tables import countries, sectors

HUNDRED = Decimal(100)
CALCULATOR_VERSIONS = {"5.0": ("5.06", "5.08", "5.09"), "5.1": ("5.10",)}
STAKEHOLDER_CODES = ("A", "B", "C", "D", "E")
MAX_TEXT = 100_000


def usable(value: Decimal) -> bool:
    """A finite number whose size scoring and messages can handle (10^-40 <= |x| < 10^18, or 0)."""
    # adjusted() is the exponent of the leading digit; it needs no arithmetic (abs() could overflow)
    return value.is_finite() and (value.is_zero() or -40 <= value.adjusted() < 18)


def fmt(value: Decimal) -> str:
    """A Decimal for a message: plain digits, no exponent."""
    return decimal_text(value)


class _Checker:
    def __init__(self, balance: Balance, file: str | None) -> None:
        self.balance = balance
        self.file = file
        self.problems: list[Problem] = []

    def add(self, problem: str, field: str, severity: str = "error", /, **params: object) -> None:
        # positional-only: many templates take a parameter named "code" (unknown_country, ...)
        self.problems.append(Problem(problem, Location(file=self.file, field=field), dict(params), severity))


def validate_balance(balance: Balance, file: str | None = None) -> list[Problem]:
    """All problems of `balance` (errors and warnings), each with the field it concerns."""
    c = _Checker(balance, file)
    if balance.matrix not in VERSIONS:
        c.add("unknown_matrix", "matrix", found=balance.matrix, known=", ".join(VERSIONS))
        return c.problems
    matrix = load_matrix(balance.matrix)
    if balance.type not in BALANCE_TYPES or balance.type not in matrix.types:
        c.add("unknown_type", "type", found=balance.type, known=", ".join(matrix.types))
        return c.problems
    if balance.calculator_version is not None:
        allowed = CALCULATOR_VERSIONS.get(balance.matrix, ())
        if balance.calculator_version not in allowed:
            c.add("not_for_version", "calculator_version", key=balance.calculator_version, matrix=balance.matrix)
    if not _check_magnitudes(c):
        return c.problems
    _check_company(c, matrix)
    _check_weights(c, matrix)
    _check_ratings(c, matrix, balance.ratings, "ratings")
    _check_ratings(c, matrix, balance.auditor_ratings, "auditor_ratings")
    codes = set(matrix.rated_codes(balance.type)) | {t.code for t in matrix.themes} | set(STAKEHOLDER_CODES)
    for name in ("justifications", "reasoning", "auditor_comments"):
        for code, text in getattr(balance, name).items():
            if code not in codes and code != "balance":
                c.add("unknown_code", f"{name}.{code}", code=code, matrix=balance.matrix, type=balance.type)
            if len(text) > MAX_TEXT:
                c.add("text_too_long", f"{name}.{code}", length=len(text), limit=MAX_TEXT)
    for i, ref in enumerate(balance.evidence):
        for code in ref.codes:
            if code not in codes:
                c.add(
                    "unknown_code",
                    f"evidence[{i}].codes",
                    code=code,
                    matrix=balance.matrix,
                    type=balance.type,
                )
    return c.problems


def _check_magnitudes(c: _Checker) -> bool:
    """Every number is of a usable size (an amount of 10^999999 would overflow scoring); False if not."""
    balance = c.balance
    facts = balance.company
    numbers: list[tuple[str, Decimal | None]] = [(f"company.{n}", getattr(facts, n)) for n in AMOUNT_FIELDS]
    numbers.append(("company.n2_turnover_share", facts.n2_turnover_share))
    numbers += [(f"company.supply_fractions[{i}].costs", s.costs) for i, s in enumerate(facts.supply_fractions)]
    numbers += [(f"company.staff_countries[{i}].share", s.share) for i, s in enumerate(facts.staff_countries)]
    numbers += [(f"company.sectors[{i}].share", s.share) for i, s in enumerate(facts.sectors)]
    for name in ("weights", "stakeholder_weights", "aspect_weights", "ratings", "auditor_ratings"):
        numbers += [(f"{name}.{code}", value) for code, value in getattr(balance, name).items()]
    ok = True
    for path, value in numbers:
        if value is not None and not usable(value):
            c.add("number_magnitude", path, value=str(value))
            ok = False
    return ok


def _check_company(c: _Checker, matrix: Matrix) -> None:
    facts = c.balance.company
    table_countries = countries()
    table_sectors = sectors()
    for name in AMOUNT_FIELDS:
        value = getattr(facts, name)
        if value is not None and value < 0 and name not in SIGNED_FIELDS:
            c.add("must_not_be_negative", f"company.{name}", value=fmt(value))
    costs_total = Decimal(0)
    for i, item in enumerate(facts.supply_fractions):
        path = f"company.supply_fractions[{i}]"
        if item.costs <= 0:
            c.add("must_be_positive", f"{path}.costs", value=fmt(item.costs))
        costs_total += item.costs
        if item.country is not None and item.country not in table_countries:
            c.add("unknown_country", f"{path}.country", code=item.country)
        if item.sector is not None and item.sector not in table_sectors:
            c.add("unknown_sector", f"{path}.sector", code=item.sector)
    purchases = facts.amount("total_purchases")
    if facts.supply_fractions and costs_total > purchases:
        c.add(
            "costs_over_purchases",
            "company.supply_fractions",
            total=fmt(costs_total),
            purchases=fmt(purchases),
        )
    origin = facts.main_origin_of_other_suppliers
    if origin is not None and origin not in table_countries:
        c.add("unknown_country", "company.main_origin_of_other_suppliers", code=origin)
    _check_shares(c, "company.staff_countries", [s.share for s in facts.staff_countries])
    for i, item in enumerate(facts.staff_countries):
        if item.country is not None and item.country not in table_countries:
            c.add("unknown_country", f"company.staff_countries[{i}].country", code=item.country)
    _check_shares(c, "company.sectors", [s.share for s in facts.sectors])
    for i, item in enumerate(facts.sectors):
        if item.sector is not None and item.sector not in table_sectors:
            c.add("unknown_sector", f"company.sectors[{i}].sector", code=item.sector)
    if facts.n2_turnover_share is not None and not (0 <= facts.n2_turnover_share <= HUNDRED):
        c.add("out_of_range", "company.n2_turnover_share", value=fmt(facts.n2_turnover_share), low=0, high=100)
    if matrix.family == "5":
        for name in ("sole_proprietor", "n2_turnover_share"):
            if getattr(facts, name) is not None:
                c.add("not_for_version", f"company.{name}", key=name, matrix=matrix.version)


def _check_shares(c: _Checker, path: str, shares: list[Decimal]) -> None:
    total = Decimal(0)
    for i, share in enumerate(shares):
        if not (1 <= share <= HUNDRED):
            c.add("out_of_range", f"{path}[{i}].share", value=fmt(share), low=1, high=100)
        total += share
    if total > HUNDRED:
        c.add("shares_over_100", path, total=fmt(total))


def _check_weights(c: _Checker, matrix: Matrix) -> None:
    balance = c.balance
    allowed = matrix.allowed_weights
    allowed_text = ", ".join(fmt(w) for w in allowed)
    if matrix.family == "4":
        for code in balance.weights:
            c.add("not_for_version", f"weights.{code}", key="weights", matrix=matrix.version)
        for code in balance.stakeholder_weights:
            c.add(
                "not_for_version",
                f"stakeholder_weights.{code}",
                key="stakeholder_weights",
                matrix=matrix.version,
            )
    else:
        theme_allowed = (Decimal(0), Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2))
        for code, weight in balance.weights.items():
            if not matrix.has_theme(code):
                c.add("unknown_code", f"weights.{code}", code=code, matrix=matrix.version, type=balance.type)
            elif weight not in theme_allowed:
                c.add("weight_not_allowed", f"weights.{code}", value=fmt(weight), allowed=allowed_text)
            elif weight == 0 and not balance.justifications.get(code, "").strip():
                c.add("missing_justification", f"weights.{code}", "warning", code=code, value=fmt(weight))
        for code, weight in balance.stakeholder_weights.items():
            if code not in STAKEHOLDER_CODES:
                c.add("unknown_stakeholder", f"stakeholder_weights.{code}", code=code)
            elif weight not in theme_allowed:
                c.add(
                    "weight_not_allowed",
                    f"stakeholder_weights.{code}",
                    value=fmt(weight),
                    allowed=allowed_text,
                )
            elif weight == 0 and not balance.justifications.get(code, "").strip():
                c.add(
                    "missing_justification",
                    f"stakeholder_weights.{code}",
                    "warning",
                    code=code,
                    value=fmt(weight),
                )
    for code, weight in balance.aspect_weights.items():
        aspect = matrix.aspect(code, balance.type)
        if aspect is None:
            c.add("unknown_code", f"aspect_weights.{code}", code=code, matrix=matrix.version, type=balance.type)
        elif not aspect.positive:
            c.add("negative_weight_ignored", f"aspect_weights.{code}", "warning", code=code)
        elif weight not in allowed:
            c.add("weight_not_allowed", f"aspect_weights.{code}", value=fmt(weight), allowed=allowed_text)
        elif weight == 0 and not balance.justifications.get(code, "").strip():
            c.add("missing_justification", f"aspect_weights.{code}", "warning", code=code, value=fmt(weight))
    if matrix.version == "5.1":
        b11 = balance.aspect_weights.get("B1.1", Decimal(1))
        b12 = balance.aspect_weights.get("B1.2")
        if b12 is not None and b12 > 0 and b11 > 0:
            c.add("b1_exclusive", "aspect_weights.B1.2", b11=fmt(b11), b12=fmt(b12))


def _check_ratings(c: _Checker, matrix: Matrix, ratings: dict[str, Decimal] | object, name: str) -> None:
    balance = c.balance
    low, high = matrix.rating_range
    for code, value in ratings.items():  # type: ignore[attr-defined]
        path = f"{name}.{code}"
        aspect = matrix.aspect(code, balance.type)
        if aspect is not None:
            if aspect.positive:
                if not (low <= value <= high):
                    c.add("out_of_range", path, value=fmt(value), low=fmt(low), high=fmt(high))
            else:
                d_low, d_high = matrix.deduction_range
                if not (d_low <= value <= d_high):
                    c.add("out_of_range", path, value=fmt(value), low=fmt(d_low), high=fmt(d_high))
            continue
        criterion = matrix.negative_criterion(code)
        if criterion is not None:
            if not (criterion.deduction <= value <= 0):
                c.add("out_of_range", path, value=fmt(value), low=fmt(criterion.deduction), high=0)
            elif value not in (0, criterion.deduction) and not balance.justifications.get(code, "").strip():
                c.add("missing_justification", path, "warning", code=code, value=fmt(value))
            continue
        c.add("unknown_code", path, code=code, matrix=matrix.version, type=balance.type)
