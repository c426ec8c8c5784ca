"""The parity report: the official tool's own cached results beside our score, theme by theme.

A workbook (and a web-calculator response) carries the numbers the official tool computed:
points and maximum per theme, the stakeholder weights, the total. After an import we score the
balance ourselves and put both side by side. A line is "equal" when points and maximum agree
within 0.01 points and the weights are the same. Where they differ we name the reason when we
know it: the workbook looks only at the first own-sector row for sectors K, B and F
(official-formats.md section 1). The reason is not guessed: the balance is scored again with
the weights the workbook's rule gives, and only lines that then agree are put down to it.
Every other difference is reported as unexplained.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ecg_desktop.balance.model import Balance, OwnSector
from ecg_desktop.errors import Location, Problem
from ecg_desktop.scoring.numbers import round_half_away

TOLERANCE = Decimal("0.01")
FIRST_ROW_SECTOR_THEMES = {"K": ("B1", "B3"), "B": ("E4",), "F": ("E4",)}
STATUSES = ("equal", "different", "missing")


@dataclass(frozen=True)
class ThemeFigures:
    """What the official tool computed for one theme (None: the file holds no number there)."""

    points: Decimal | None
    max_points: Decimal | None
    weight: Decimal | None


@dataclass(frozen=True)
class ExternalResults:
    """The official tool's own results, as read from its file.

    `first_sector_only` is True for the Excel workbook, whose themes B1, B3 and E4 look only at
    the first own-sector row; `first_sector` is that row's sector code (None when blank).
    """

    source: str  # "workbook" or "ecalc"
    themes: Mapping[str, ThemeFigures]
    stakeholder_weights: Mapping[str, Decimal | None]
    total: Decimal | None
    first_sector_only: bool = False
    first_sector: str | None = None
    size_text: str | None = None

    @property
    def has_numbers(self) -> bool:
        return self.total is not None or any(
            t.points is not None or t.max_points is not None for t in self.themes.values()
        )


@dataclass(frozen=True)
class ParityLine:
    """One compared line: a stakeholder row (weight only), a theme, or the total."""

    code: str
    kind: str  # "stakeholder", "theme" or "total"
    theirs_points: Decimal | None
    theirs_max: Decimal | None
    theirs_weight: Decimal | None
    ours_points: Decimal | None
    ours_max: Decimal | None
    ours_weight: Decimal | None
    status: str  # "equal", "different" or "missing"
    reason: str | None = None  # "first_sector_row" or "unexplained" for a different line

    @property
    def difference(self) -> Decimal | None:
        """Our points minus theirs (None when either is missing)."""
        if self.ours_points is None or self.theirs_points is None:
            return None
        return self.ours_points - self.theirs_points


@dataclass(frozen=True)
class ParityReport:
    """Our score beside the official tool's own results, with the reasons for every difference."""

    source: str  # "workbook" or "ecalc"
    file: str | None
    calculator_version: str | None
    balance_type: str
    lines: tuple[ParityLine, ...]
    reasons: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = field(default=())
    tolerance: Decimal = TOLERANCE

    @property
    def comparable(self) -> bool:
        """False when the file held no results at all (nothing could be compared)."""
        return any(line.status != "missing" for line in self.lines)

    @property
    def all_equal(self) -> bool:
        """Every theme, stakeholder weight and the total agree (and at least something was compared)."""
        return self.comparable and all(line.status == "equal" for line in self.lines)

    @property
    def differences(self) -> tuple[ParityLine, ...]:
        return tuple(line for line in self.lines if line.status == "different")

    @property
    def unexplained(self) -> tuple[ParityLine, ...]:
        return tuple(line for line in self.differences if line.reason == "unexplained")

    def line(self, code: str) -> ParityLine:
        return next(line for line in self.lines if line.code == code)

    # ---- presentation (CLI, app, PDF share these)

    def title(self, lang: str = "en") -> str:
        source = {
            ("workbook", "en"): "the workbook's own results",
            ("workbook", "de"): "den eigenen Ergebnissen der Arbeitsmappe",
            ("ecalc", "en"): "the web calculator's own results",
            ("ecalc", "de"): "den eigenen Ergebnissen des Online-Rechners",
        }[(self.source, "de" if lang == "de" else "en")]
        if lang == "de":
            return f"Abgleich mit {source} (Toleranz {_num(self.tolerance, lang)} Punkte)"
        return f"Comparison with {source} (tolerance {_num(self.tolerance, lang)} points)"

    def summary(self, lang: str = "en") -> str:
        de = lang == "de"
        if not self.comparable:
            return Problem("parity_no_results").message(lang)
        themes = [line for line in self.lines if line.kind == "theme"]
        equal = sum(1 for line in themes if line.status == "equal")
        if self.all_equal:
            return (
                f"Alle {len(themes)} Themen, die Zeilengewichte und die Summe stimmen überein."
                if de
                else f"All {len(themes)} themes, the row weights and the total agree."
            )
        explained = len(self.differences) - len(self.unexplained)
        count = len(self.differences)
        if de:
            differ = "1 Zeile weicht ab" if count == 1 else f"{count} Zeilen weichen ab"
            return (
                f"{equal} von {len(themes)} Themen stimmen überein; {differ}"
                f" ({explained} mit bekanntem Grund, {len(self.unexplained)} ohne)."
            )
        differ = "1 line differs" if count == 1 else f"{count} lines differ"
        return (
            f"{equal} of {len(themes)} themes agree; {differ}"
            f" ({explained} with a known reason, {len(self.unexplained)} without)."
        )

    def header(self, lang: str = "en") -> tuple[str, ...]:
        if lang == "de":
            return (
                "Zeile",
                "Arbeitsmappe" if self.source == "workbook" else "Online-Rechner",
                "ECG Desktop",
                "Differenz",
                "Ergebnis",
            )
        return (
            "Line",
            "Workbook" if self.source == "workbook" else "Web calculator",
            "ECG Desktop",
            "Difference",
            "Result",
        )

    def rows(self, lang: str = "en") -> list[tuple[str, ...]]:
        """The table as text cells (header() names the columns): one row per compared line."""
        out: list[tuple[str, ...]] = []
        for line in self.lines:
            if line.kind == "stakeholder":
                label = ("Zeile " if lang == "de" else "Row ") + line.code
                theirs = _weight_text(line.theirs_weight, lang)
                ours = _weight_text(line.ours_weight, lang)
                diff = ""
            else:
                label = ("Summe" if lang == "de" else "Total") if line.kind == "total" else line.code
                theirs = _points_text(line.theirs_points, line.theirs_max, line.theirs_weight, lang)
                ours = _points_text(line.ours_points, line.ours_max, line.ours_weight, lang)
                diff = "" if line.difference is None else _signed(line.difference, lang)
            out.append((label, theirs, ours, diff, _status_text(line, lang)))
        return out

    def text_lines(self, lang: str = "en") -> list[str]:
        """The report as plain text lines (CLI)."""
        header = self.header(lang)
        rows = self.rows(lang)
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = [self.title(lang)]
        lines.append("  ".join(h.ljust(widths[i]) for i, h in enumerate(header)).rstrip())
        for row in rows:
            lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
        lines.append(self.summary(lang))
        for reason in self.reasons:
            lines.append(("Grund: " if lang == "de" else "Reason: ") + reason.message(lang))
        for note in self.notes:
            lines.append(("Hinweis: " if lang == "de" else "Note: ") + note.text(lang))
        return lines

    def to_data(self, lang: str = "en") -> dict[str, Any]:
        """Plain JSON data (Decimals stay exact; write with balance.json_format.dumps)."""
        return {
            "source": self.source,
            "file": self.file,
            "calculator_version": self.calculator_version,
            "type": self.balance_type,
            "tolerance": self.tolerance,
            "all_equal": self.all_equal,
            "comparable": self.comparable,
            "summary": self.summary(lang),
            "lines": [
                {
                    "code": line.code,
                    "kind": line.kind,
                    "theirs": _without_none(
                        {"points": line.theirs_points, "max_points": line.theirs_max, "weight": line.theirs_weight}
                    ),
                    "ours": _without_none(
                        {"points": line.ours_points, "max_points": line.ours_max, "weight": line.ours_weight}
                    ),
                    "status": line.status,
                    **({"reason": line.reason} if line.reason else {}),
                }
                for line in self.lines
            ],
            "reasons": [{"code": r.code, "params": dict(r.params), "text": r.message(lang)} for r in self.reasons],
            "notes": [{"code": n.code, "params": dict(n.params), "text": n.text(lang)} for n in self.notes],
        }


def report_from_data(data: Mapping[str, Any]) -> ParityReport:
    """Rebuild a report written by ParityReport.to_data (e.g. kept with a stored balance for the PDF)."""

    def dec(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    lines = []
    for item in data["lines"]:
        theirs, ours = item.get("theirs", {}), item.get("ours", {})
        lines.append(
            ParityLine(
                code=item["code"],
                kind=item["kind"],
                theirs_points=dec(theirs.get("points")),
                theirs_max=dec(theirs.get("max_points")),
                theirs_weight=dec(theirs.get("weight")),
                ours_points=dec(ours.get("points")),
                ours_max=dec(ours.get("max_points")),
                ours_weight=dec(ours.get("weight")),
                status=item["status"],
                reason=item.get("reason"),
            )
        )
    return ParityReport(
        source=data["source"],
        file=data.get("file"),
        calculator_version=data.get("calculator_version"),
        balance_type=data["type"],
        lines=tuple(lines),
        reasons=tuple(Problem(r["code"], Location(), dict(r.get("params", {}))) for r in data.get("reasons", [])),
        notes=tuple(
            Problem(n["code"], Location(), dict(n.get("params", {})), "warning") for n in data.get("notes", [])
        ),
        tolerance=dec(data.get("tolerance")) or TOLERANCE,
    )


# ---- comparing


def compare(
    balance: Balance,
    results: ExternalResults,
    *,
    file: str | None = None,
    notes: tuple[Problem, ...] = (),
) -> ParityReport:
    """Score `balance` and compare it with `results`, naming the reason of every difference we know."""
    from ecg_desktop.scoring import score

    ours = score(balance)
    lines = _lines(ours, results)
    reasons: list[Problem] = []
    if any(line.status == "different" for line in lines):
        explained: set[str] = set()
        quirk = _first_sector_variant(balance, results) if results.first_sector_only else None
        if quirk is not None:
            variant, themes = quirk
            variant_lines = {line.code: line for line in _lines(score(variant), results)}
            explained = {
                line.code for line in lines if line.status == "different" and variant_lines[line.code].status == "equal"
            }
            if explained:
                reasons.append(
                    Problem(
                        "parity_first_sector_row",
                        Location(sheet="2. Company Facts", row=41, column="B"),
                        {
                            "first": results.first_sector or "–",
                            "sectors": ", ".join(_sector_list(balance.company.sectors)),
                            "themes": ", ".join(themes),
                        },
                    )
                )
        lines = [
            line
            if line.status != "different"
            else _with_reason(line, "first_sector_row" if line.code in explained else "unexplained")
            for line in lines
        ]
        unexplained = sum(1 for line in lines if line.reason == "unexplained")
        if unexplained:
            reasons.append(Problem("parity_unexplained", Location(), {"count": unexplained}))
    if not results.has_numbers:
        reasons.append(Problem("parity_no_results", Location(file=file)))
    return ParityReport(
        source=results.source,
        file=file,
        calculator_version=balance.calculator_version,
        balance_type=balance.type,
        lines=tuple(lines),
        reasons=tuple(reasons),
        notes=tuple(notes),
    )


def _with_reason(line: ParityLine, reason: str) -> ParityLine:
    return replace(line, reason=reason)


def _close(a: Decimal | None, b: Decimal | None, tolerance: Decimal = TOLERANCE) -> bool | None:
    if a is None or b is None:
        return None
    return abs(a - b) <= tolerance


def _status(*checks: bool | None) -> str:
    known = [c for c in checks if c is not None]
    if not known:
        return "missing"
    return "equal" if all(known) else "different"


def _lines(ours: Any, results: ExternalResults) -> list[ParityLine]:
    lines: list[ParityLine] = []
    for code, stakeholder in ours.stakeholders.items():
        theirs = results.stakeholder_weights.get(code)
        lines.append(
            ParityLine(
                code=code,
                kind="stakeholder",
                theirs_points=None,
                theirs_max=None,
                theirs_weight=theirs,
                ours_points=None,
                ours_max=None,
                ours_weight=stakeholder.weight,
                status=_status(_close(stakeholder.weight, theirs, Decimal(0))),
            )
        )
    for code, theme in ours.themes.items():
        figures = results.themes.get(code, ThemeFigures(None, None, None))
        lines.append(
            ParityLine(
                code=code,
                kind="theme",
                theirs_points=figures.points,
                theirs_max=figures.max_points,
                theirs_weight=figures.weight,
                ours_points=theme.points,
                ours_max=theme.max_points,
                ours_weight=theme.weight,
                status=_status(
                    _close(theme.points, figures.points),
                    _close(theme.max_points, figures.max_points),
                    _close(theme.weight, figures.weight, Decimal(0)),
                ),
            )
        )
    lines.append(
        ParityLine(
            code="total",
            kind="total",
            theirs_points=results.total,
            theirs_max=None,
            theirs_weight=None,
            ours_points=ours.total,
            ours_max=None,
            ours_weight=None,
            status=_status(_close(ours.total, results.total)),
        )
    )
    return lines


def _first_sector_variant(balance: Balance, results: ExternalResults) -> tuple[Balance, list[str]] | None:
    """The balance with B1, B3 and E4 weighted as the workbook's first-row rule gives, if that differs.

    Returns None when the rule changes nothing (the sectors K, B and F are found the same way).
    Weights the user set by hand are left alone: the rule only touches computed weights.
    """
    from ecg_desktop.scoring import score

    own = {s.sector for s in balance.company.sectors}
    first = results.first_sector
    affected: list[str] = []
    for sector, themes in FIRST_ROW_SECTOR_THEMES.items():
        if (sector in own) != (first == sector):
            affected.extend(t for t in themes if t not in balance.weights and t not in affected)
    if not affected:
        return None
    first_only = replace(balance.company, sectors=(OwnSector(first, Decimal(1)),) if first else ())
    computed = score(balance.with_changes(company=first_only))
    weights = dict(balance.weights)
    for theme in affected:
        weights[theme] = computed.themes[theme].computed_weight
    order = ("B1", "B3", "E4")
    return balance.with_changes(weights=weights), sorted(affected, key=order.index)


def _sector_list(sectors: tuple[OwnSector, ...]) -> list[str]:
    return [s.sector or "–" for s in sectors] or ["–"]


# ---- number texts


def _num(value: Decimal, lang: str) -> str:
    from ecg_desktop.balance.json_format import decimal_text

    text = decimal_text(value)
    return text.replace(".", ",") if lang == "de" else text


def _two(value: Decimal, lang: str) -> str:
    text = f"{round_half_away(value, 2):.2f}"
    if text in ("-0.00",):
        text = "0.00"
    return text.replace(".", ",") if lang == "de" else text


def _signed(value: Decimal, lang: str) -> str:
    text = _two(value, lang)
    return text if text.startswith("-") or text in ("0.00", "0,00") else "+" + text


def _points_text(points: Decimal | None, maximum: Decimal | None, weight: Decimal | None, lang: str) -> str:
    if points is None and maximum is None:
        return "–"
    text = f"{'–' if points is None else _two(points, lang)} / {'–' if maximum is None else _two(maximum, lang)}"
    if weight is not None:
        text += f" (w {_num(weight, lang)})" if lang != "de" else f" (G {_num(weight, lang)})"
    return text


def _weight_text(weight: Decimal | None, lang: str) -> str:
    if weight is None:
        return "–"
    return ("Gewicht " if lang == "de" else "weight ") + _num(weight, lang)


def _status_text(line: ParityLine, lang: str) -> str:
    de = lang == "de"
    if line.status == "equal":
        return "gleich" if de else "equal"
    if line.status == "missing":
        return "kein Wert" if de else "no value"
    if line.reason == "first_sector_row":
        return "abweichend: erste Branchenzeile" if de else "differs: first sector row"
    return "abweichend: ungeklärt" if de else "differs: unexplained"


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}
