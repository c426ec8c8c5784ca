"""The illustrative impact-based tax rate: a schedule maps the balance total to a rate.

This is not ECG policy. ECG's only concrete example maps points to five VAT classes; every
schedule here is illustrative, and the app says so wherever it shows a rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ecg_desktop.balance.validate import fmt
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.matrix.model import Text
from ecg_desktop.scoring.numbers import HUNDRED, ZERO, german_decimals, round_half_away, scoring_context, whole_points

LOWEST_TOTAL = Decimal(-3600)
HIGHEST_TOTAL = Decimal(1000)
ILLUSTRATIVE = Text(
    "Illustrative only: no tax law uses Common Good points today.",
    "Nur zur Veranschaulichung: heute knüpft kein Steuergesetz an Gemeinwohl-Punkte an.",
)


@dataclass(frozen=True)
class Band:
    """A rate that applies from `min_points` (whole points) up to the next band; None = from the lowest total."""

    min_points: Decimal | None
    rate: Decimal


@dataclass(frozen=True)
class TaxSchedule:
    """Either bands (rate by whole points) or a straight line from a highest to a lowest rate."""

    kind: str  # "bands" or "linear"
    name: str = ""
    bands: tuple[Band, ...] = ()
    highest_rate: Decimal = Decimal(80)
    lowest_rate: Decimal = ZERO
    from_points: Decimal = LOWEST_TOTAL
    to_points: Decimal = HIGHEST_TOTAL


@dataclass(frozen=True)
class TaxResult:
    rate: Decimal
    points: Decimal
    schedule: TaxSchedule
    explanation: Text


def ecg_vat_example() -> TaxSchedule:
    """ECG's five-class VAT example: 751-1000: 0 %, 501-750: 20 %, 251-500: 40 %, 1-250: 60 %, 0 and below: 80 %."""
    return TaxSchedule(
        kind="bands",
        name="ECG VAT example (five classes)",
        bands=(
            Band(None, Decimal(80)),
            Band(Decimal(1), Decimal(60)),
            Band(Decimal(251), Decimal(40)),
            Band(Decimal(501), Decimal(20)),
            Band(Decimal(751), ZERO),
        ),
    )


def linear_schedule(
    highest_rate: Decimal = Decimal(40),
    lowest_rate: Decimal = Decimal(10),
    from_points: Decimal = LOWEST_TOTAL,
) -> TaxSchedule:
    """A rate falling in a straight line from `highest_rate` at `from_points` to `lowest_rate` at 1000 points."""
    return TaxSchedule(
        kind="linear",
        name="Linear schedule",
        highest_rate=highest_rate,
        lowest_rate=lowest_rate,
        from_points=from_points,
        to_points=HIGHEST_TOTAL,
    )


PRESETS = {"ecg-vat-example": ecg_vat_example, "linear": linear_schedule}
DEFAULT_SCHEDULE = "ecg-vat-example"


def validate_schedule(schedule: TaxSchedule, field: str = "tax_schedule") -> list[Problem]:
    """Rates between 0 and 100 %, never rising as points rise; bands strictly ordered."""
    problems: list[Problem] = []

    def add(code: str, path: str, **params: object) -> None:
        problems.append(Problem(code, Location(field=path), dict(params)))

    if schedule.kind == "bands":
        if not schedule.bands:
            add("schedule_empty", f"{field}.bands")
        previous: Band | None = None
        for i, band in enumerate(schedule.bands):
            path = f"{field}.bands[{i}]"
            if not (0 <= band.rate <= HUNDRED):
                add("schedule_rate_range", f"{path}.rate", value=fmt(band.rate))
            # The first band always starts at the lowest total, whatever its own threshold says.
            current = Band(None, band.rate) if i == 0 else band
            if previous is not None:
                if current.min_points is None or (
                    previous.min_points is not None and current.min_points <= previous.min_points
                ):
                    add(
                        "schedule_bands_order",
                        f"{path}.min_points",
                        value=fmt(current.min_points) if current.min_points is not None else "-",
                        previous=fmt(previous.min_points) if previous.min_points is not None else "-",
                    )
                if current.rate > previous.rate:
                    add("schedule_rising", f"{path}.rate", low=fmt(previous.rate), high=fmt(current.rate))
            previous = current
    elif schedule.kind == "linear":
        for name in ("highest_rate", "lowest_rate"):
            value = getattr(schedule, name)
            if not (0 <= value <= HUNDRED):
                add("schedule_rate_range", f"{field}.{name}", value=fmt(value))
        if schedule.lowest_rate > schedule.highest_rate:
            add(
                "schedule_rising",
                f"{field}.lowest_rate",
                low=fmt(schedule.highest_rate),
                high=fmt(schedule.lowest_rate),
            )
        if schedule.from_points >= schedule.to_points:
            add(
                "schedule_points_order",
                f"{field}.from_points",
                start=fmt(schedule.from_points),
                end=fmt(schedule.to_points),
            )
    else:
        add("unknown_key", f"{field}.kind", key=schedule.kind)
    return problems


def tax_rate(total: Decimal, schedule: TaxSchedule) -> TaxResult:
    """The rate for a balance total. Bands compare the total as shown (whole points, halves away from 0)."""
    with scoring_context():
        if schedule.kind == "bands":
            shown = Decimal(whole_points(total))
            chosen = schedule.bands[0]
            for band in schedule.bands[1:]:
                if band.min_points is not None and shown >= band.min_points:
                    chosen = band
            index = schedule.bands.index(chosen)
            upper = schedule.bands[index + 1].min_points - 1 if index + 1 < len(schedule.bands) else None  # type: ignore[operator]
            low_text = fmt(chosen.min_points) if chosen.min_points is not None and index > 0 else "-3600"
            high_text = fmt(upper) if upper is not None else "1000"
            return TaxResult(
                chosen.rate,
                shown,
                schedule,
                Text(
                    f"{fmt(shown)} points fall in the band {low_text} to {high_text}: rate {fmt(chosen.rate)} %.",
                    german_decimals(
                        f"{fmt(shown)} Punkte liegen in der Stufe {low_text} bis {high_text}: Satz {fmt(chosen.rate)} %."
                    ),
                ),
            )
        span = schedule.to_points - schedule.from_points
        clamped = min(max(total, schedule.from_points), schedule.to_points)
        rate = (
            schedule.highest_rate
            + (schedule.lowest_rate - schedule.highest_rate) * (clamped - schedule.from_points) / span
        )
        shown_rate = round_half_away(rate, 2)
        return TaxResult(
            rate,
            total,
            schedule,
            Text(
                f"Linear from {fmt(schedule.highest_rate)} % at {fmt(schedule.from_points)} points to"
                f" {fmt(schedule.lowest_rate)} % at {fmt(schedule.to_points)} points: {fmt(shown_rate)} %.",
                german_decimals(
                    f"Linear von {fmt(schedule.highest_rate)} % bei {fmt(schedule.from_points)} Punkten bis"
                    f" {fmt(schedule.lowest_rate)} % bei {fmt(schedule.to_points)} Punkten: {fmt(shown_rate)} %."
                ),
            ),
        )


def schedule_to_data(schedule: TaxSchedule) -> dict[str, Any]:
    if schedule.kind == "bands":
        return {
            "kind": "bands",
            "name": schedule.name,
            "bands": [{"from": b.min_points, "rate": b.rate} for b in schedule.bands],
        }
    return {
        "kind": "linear",
        "name": schedule.name,
        "highest_rate": schedule.highest_rate,
        "lowest_rate": schedule.lowest_rate,
        "from_points": schedule.from_points,
        "to_points": schedule.to_points,
    }


def schedule_from_data(data: Any, field: str = "tax_schedule") -> TaxSchedule:
    """Read a schedule written by schedule_to_data (or by hand); refuse a bad one with the field named."""
    from ecg_desktop.balance.json_format import Reader

    r = Reader()
    obj = r.obj(data, field, ("kind", "name", "bands", "highest_rate", "lowest_rate", "from_points", "to_points"))
    if obj is None:
        raise InputError(r.problems)
    kind = r.string(obj.get("kind"), f"{field}.kind") or ""
    name = r.string(obj.get("name", ""), f"{field}.name") or ""
    if kind == "bands":
        bands = []
        for i, item in enumerate(r.items(obj.get("bands"), f"{field}.bands")):
            band = r.obj(item, f"{field}.bands[{i}]", ("from", "rate"))
            if band is None:
                continue
            start = None if band.get("from") is None else r.number(band["from"], f"{field}.bands[{i}].from")
            rate = r.number(band.get("rate"), f"{field}.bands[{i}].rate")
            if rate is not None:
                bands.append(Band(start, rate))
        schedule = TaxSchedule(kind="bands", name=name, bands=tuple(bands))
    else:
        values = {}
        for key in ("highest_rate", "lowest_rate", "from_points", "to_points"):
            if key in obj:
                number = r.number(obj[key], f"{field}.{key}")
                if number is not None:
                    values[key] = number
        schedule = TaxSchedule(kind=kind, name=name, **values)
    problems = r.problems + validate_schedule(schedule, field)
    if problems:
        raise InputError(problems)
    return schedule


__all__ = [
    "DEFAULT_SCHEDULE",
    "ILLUSTRATIVE",
    "PRESETS",
    "Band",
    "TaxResult",
    "TaxSchedule",
    "ecg_vat_example",
    "linear_schedule",
    "schedule_from_data",
    "schedule_to_data",
    "tax_rate",
    "validate_schedule",
]
