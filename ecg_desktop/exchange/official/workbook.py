"""Read ECG's Excel calculator workbook ("Bilanzrechner", versions 5.06-5.08) into a Balance.

The layout is described in shared/reference/official-formats.md, section 1. Only cell values
are read (openpyxl, data_only=True: the numbers Excel last calculated); no formula is ever
evaluated. Reading is all-or-nothing: every problem found is collected and raised together as
an InputError whose problems name sheet, row and column; nothing is returned (and so nothing
can be stored) while one remains.

Number rule. Excel keeps 15 significant digits, and a cell may hold 0.46 as the binary float
0.45999999999999996. Every number is read as Decimal(repr(float)) and then rounded to 15
significant digits, which gives back the digits Excel shows (0.46). Shares are stored in the
workbook as fractions; they become percentages by an exact multiplication by 100 (0.46 -> 46).

Aspects are identified by their position in the rating sheet (theme, then its aspects in
matrix order), not by the code cell: the 5.08 full sheet labels D4.3 as "D4.2", and a compact
sheet repeats the theme code on its aspect row.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from pathlib import Path
from typing import Any

from ecg_desktop.balance.model import Balance, CompanyFacts, Organisation, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.balance.validate import fmt, validate_balance
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.exchange.official.parity import ExternalResults, ThemeFigures
from ecg_desktop.matrix import load_matrix
from ecg_desktop.matrix.tables import CONTINENT_AVERAGES, countries, sectors

INTRO = "0. Intro"
GENERAL = "1. General"
FACTS = "2. Company Facts"
CALC = "3. Calc"
WEIGHTING = "9. Weighting"
REQUIRED_SHEETS = (INTRO, FACTS, CALC, WEIGHTING)

# Workbook version -> the calculator version kept with the balance. 5.07 has no web-calculator
# counterpart; it scores like 5.08 (official-formats.md: workbooks 5.06-5.08 share the layout).
VERSIONS = {"5.06": "5.06", "5.07": "5.08", "5.08": "5.08"}
VERSION_CELL = (3, "C")

FIRST_CALC_ROW = 9
LAST_ROW = {"full": 93, "compact": 72}
TOTAL_CELL = (95, "I")
STAKEHOLDER_WEIGHT_ROWS = {"A": 49, "B": 50, "C": 51, "D": 52, "E": 53}

AMOUNT_CELLS: dict[str, int] = {  # column C of the facts sheet
    "total_purchases": 7,
    "profit": 18,
    "financial_costs": 19,
    "income_from_financial_investments": 20,
    "total_assets": 21,
    "additions_to_fixed_assets": 22,
    "financial_assets_and_cash": 23,
    "employees": 26,
    "total_staff_costs": 27,
    "average_commute_km": 33,
    "turnover": 37,
}
FLAG_CELLS = {"canteen": 34, "b2b": 38}
SUPPLY_ROWS = range(10, 15)
OTHER_SUPPLIERS_ROW = 15
STAFF_ROWS = range(30, 33)
SECTOR_ROWS = range(41, 44)
SIZE_ROW = 46

YES = {"yes", "ja", "si", "sì", "sí", "oui", "true", "wahr"}
NO = {"no", "nein", "non", "false", "falsch"}
PLACEHOLDERS = {
    "",
    "please choose",
    "please enter",
    "bitte auswählen",
    "bitte auswaehlen",
    "bitte wählen",
    "bitte eingeben",
    "-",
}
AVERAGE_WORDS = {
    "africa": "AAF",
    "afrika": "AAF",
    "afrique": "AAF",
    "americas": "AAM",
    "america": "AAM",
    "amerika": "AAM",
    "américa": "AAM",
    "amérique": "AAM",
    "amériques": "AAM",
    "asia": "AAS",
    "asien": "AAS",
    "asie": "AAS",
    "europe": "AEU",
    "europa": "AEU",
    "oceania": "AOC",
    "ozeanien": "AOC",
    "océanie": "AOC",
}
NAME_LABELS = {
    "company",
    "company name",
    "name of the company",
    "name of the organisation",
    "name of the organization",
    "organisation",
    "organization",
    "organisation name",
    "organization name",
    "unternehmen",
    "unternehmensname",
    "name des unternehmens",
    "name der organisation",
    "firmenname",
    "firma",
    "organisation / unternehmen",
}
CHANGED_PREFIXES = ("weighting changed", "gewichtung geändert")

_SIG15 = Context(prec=15)


def excel_number(value: int | float) -> Decimal:
    """A cell's number as Decimal at Excel's 15 significant digits (0.45999999999999996 -> 0.46)."""
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    rounded = _SIG15.plus(exact)
    if rounded == rounded.to_integral_value():
        return Decimal(int(rounded))
    return rounded.normalize()


@dataclass(frozen=True)
class CalcRow:
    """One row of the rating sheet as the layout expects it."""

    row: int
    kind: str  # "stakeholder", "theme" or "aspect"
    code: str  # our code (A, A1, A1.1, ...)
    theme: str | None = None
    positive: bool = True


def calc_layout(balance_type: str) -> list[CalcRow]:
    """The rows of `3. Calc` from row 9: each stakeholder, then each theme followed by its aspects."""
    matrix = load_matrix("5.0")
    rows: list[CalcRow] = []
    row = FIRST_CALC_ROW
    for group in matrix.stakeholders:
        rows.append(CalcRow(row, "stakeholder", group.code))
        row += 1
        for theme in (t for t in matrix.themes if t.stakeholder == group.code):
            rows.append(CalcRow(row, "theme", theme.code, theme.code))
            row += 1
            for aspect in matrix.aspects_of(theme.code, balance_type):
                rows.append(CalcRow(row, "aspect", aspect.code, theme.code, aspect.positive))
                row += 1
    return rows


@dataclass(frozen=True)
class WorkbookImport:
    """A read workbook: the balance, the workbook's own results, and notes for the user."""

    balance: Balance
    results: ExternalResults
    notes: tuple[Problem, ...] = ()
    workbook_version: str = ""


class _Sheet:
    """The values of one sheet's cells in a block, read once (read-only mode, values only)."""

    def __init__(self, name: str, worksheet: Any, max_row: int, max_col: int) -> None:
        self.name = name
        self.cells: dict[tuple[int, int], Any] = {}
        for r, values in enumerate(
            worksheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True), start=1
        ):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    self.cells[(r, c)] = value

    def get(self, row: int, column: str) -> Any:
        return self.cells.get((row, _col(column)))

    def text(self, row: int, column: str) -> str:
        value = self.get(row, column)
        if value is None:
            return ""
        if isinstance(value, float):
            return repr(value)
        return str(value).strip()


def _col(letter: str) -> int:
    number = 0
    for ch in letter:
        number = number * 26 + ord(ch) - 64
    return number


class _Reader:
    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        # balance JSON field path -> workbook location, to relocate the validator's problems
        self.origins: dict[str, Location] = {}

    def at(self, sheet: str, row: int | None = None, column: str | None = None, field: str | None = None) -> Location:
        return Location(file=self.file, sheet=sheet, row=row, column=column, field=field)

    def problem(self, message: str, location: Location, /, **params: Any) -> None:
        self.problems.append(Problem(message, location, params))

    def note(self, message: str, location: Location, /, **params: Any) -> None:
        self.notes.append(Problem(message, location, params, "warning"))

    def number(self, sheet: _Sheet, row: int, column: str) -> Decimal | None:
        """A number cell: empty -> None; text, a date or a yes/no where a number belongs -> problem."""
        value = sheet.get(row, column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem("not_a_number", self.at(sheet.name, row, column), found=_describe(value))
            return None
        return excel_number(value)

    @staticmethod
    def result(sheet: _Sheet, row: int, column: str) -> Decimal | None:
        """A computed cell (the workbook's own result): a number, else None (nothing to compare)."""
        value = sheet.get(row, column)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return excel_number(value)

    def flag(self, sheet: _Sheet, row: int, column: str) -> bool | None:
        value = sheet.get(row, column)
        if isinstance(value, bool):
            return value
        text = _norm(value)
        if text in YES:
            return True
        if text in NO:
            return False
        if text not in PLACEHOLDERS:
            self.note("official_choice_not_recognised", self.at(sheet.name, row, column), found=str(value).strip())
        return None

    def sector(self, sheet: _Sheet, row: int, column: str) -> str | None:
        """An industry choice "CODE - name": the code before the first " - " (trimmed)."""
        text = sheet.text(row, column)
        if not text or _norm(text) in PLACEHOLDERS:
            return None
        if " - " not in text:
            if text in sectors():
                return text
            self.note("official_choice_not_recognised", self.at(sheet.name, row, column), found=text)
            return None
        code = text.split(" - ", 1)[0].strip()
        if code not in sectors():
            self.problem("unknown_sector", self.at(sheet.name, row, column), code=code)
            return None
        return code

    def country(self, sheet: _Sheet, row: int, column: str) -> str | None:
        """A region choice "CODE Name ": the first word; continental averages by their name."""
        text = sheet.text(row, column)
        if not text or _norm(text) in PLACEHOLDERS:
            return None
        table = countries()
        first = text.split()[0]
        if len(first) == 3 and first.isalpha() and first.isupper():
            if first not in table:
                self.problem("unknown_country", self.at(sheet.name, row, column), code=first)
                return None
            return first
        average = _average_code(text)
        if average is not None:
            return average
        self.note("official_choice_not_recognised", self.at(sheet.name, row, column), found=text)
        return None

    def share(self, sheet: _Sheet, row: int, column: str) -> Decimal | None:
        """A share cell (a fraction: 0.46 means 46 %) as a percentage; empty or 0 -> None."""
        fraction = self.number(sheet, row, column)
        if fraction is None or fraction.is_zero():
            return None
        percent = _plain(fraction * 100)
        if not (1 <= percent <= 100):
            self.problem("official_share_range", self.at(sheet.name, row, column), value=fmt(percent))
            return None
        return percent


def _norm(value: Any) -> str:
    return "" if value is None else str(value).strip().casefold()


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _plain(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _average_code(text: str) -> str | None:
    """ "Average Africa", "Afrika (Durchschnitt)", "Europe" ... -> the aggregate's code."""
    folded = text.strip().casefold()
    table = countries()
    for code in (*CONTINENT_AVERAGES, "AWO"):
        names = {table[code].name.en.casefold(), table[code].name.de.casefold()}
        if folded in names:
            return code
    words = folded.replace("(", " ").replace(")", " ").split()
    found = {AVERAGE_WORDS[w] for w in words if w in AVERAGE_WORDS}
    if len(found) == 1 and len(words) <= 3:
        return found.pop()
    return None


# ---- reading


def read_workbook(source: bytes | str | Path, file: str | None = None) -> WorkbookImport:
    """Read an official calculator workbook (bytes or a path) into a balance and its cached results.

    Raises InputError naming sheet, row and column of every problem; returns only a valid balance.
    """
    if not isinstance(source, bytes):
        path = Path(source)
        file = file or str(path)
        try:
            source = path.read_bytes()
        except OSError as exc:
            raise InputError(
                [Problem("file_unreadable", Location(file=file), {"reason": exc.strerror or str(exc)})]
            ) from exc
    book = _open(source, file)
    try:
        names = list(book.sheetnames)
        missing = [name for name in REQUIRED_SHEETS if name not in names]
        if missing:
            raise InputError(
                [Problem("official_missing_sheet", Location(file=file, sheet=m), {"sheet": m}) for m in missing]
            )
        intro = _Sheet(INTRO, book[INTRO], 40, 12)
        facts = _Sheet(FACTS, book[FACTS], 50, 10)
        calc = _Sheet(CALC, book[CALC], 100, 16)
        weighting = _Sheet(WEIGHTING, book[WEIGHTING], 60, 20)
        general = _Sheet(GENERAL, book[GENERAL], 40, 10) if GENERAL in names else None
    finally:
        book.close()
    return _read(intro, facts, calc, weighting, general, file)


def _open(data: bytes, file: str | None) -> Any:
    from ecg_desktop.exchange.official.detect import CFB_SIGNATURE, ZIP_SIGNATURE

    if data.startswith(CFB_SIGNATURE):
        raise InputError([Problem("official_legacy_file", Location(file=file))])
    if not data.startswith(ZIP_SIGNATURE):
        raise InputError([Problem("file_unreadable", Location(file=file), {"reason": "not an .xlsx workbook"})])
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation and styles it skips
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for a broken file; all mean "cannot read it"
        raise InputError(
            [Problem("file_unreadable", Location(file=file), {"reason": f"not a readable .xlsx workbook ({exc})"})]
        ) from exc


def _read(
    intro: _Sheet, facts: _Sheet, calc: _Sheet, weighting: _Sheet, general: _Sheet | None, file: str | None
) -> WorkbookImport:
    r = _Reader(file)
    raw_version = intro.get(*VERSION_CELL)
    version_text = (f"{raw_version:.2f}" if isinstance(raw_version, float) else str(raw_version or "")).strip()
    if version_text not in VERSIONS:
        r.problem(
            "official_unsupported_version",
            r.at(INTRO, VERSION_CELL[0], VERSION_CELL[1]),
            found=version_text or "–",
            known=", ".join(VERSIONS),
        )
        raise InputError(r.problems)
    calculator_version = VERSIONS[version_text]
    if calculator_version != version_text:
        r.note("official_version_mapped", r.at(INTRO, *VERSION_CELL), found=version_text, kept=calculator_version)

    balance_type = _balance_type(r, calc)
    if balance_type is None:
        raise InputError(r.problems)
    company, first_sector = _company(r, facts)
    layout = calc_layout(balance_type)
    ratings, weights, aspect_weights, theme_figures, stakeholder_used = _ratings(
        r, calc, layout, LAST_ROW[balance_type]
    )
    stakeholder_weights = _stakeholder_weights(r, weighting)
    for code, row in STAKEHOLDER_WEIGHT_ROWS.items():
        if stakeholder_used.get(code) is None:  # the rating sheet shows none: take the weighting sheet's
            stakeholder_used[code] = r.result(weighting, row, "R")
    organisation = Organisation(name=_organisation_name([intro, *([general] if general else []), facts]))
    if r.problems:
        raise InputError(r.problems)
    balance = Balance(
        matrix="5.0",
        type=balance_type,
        organisation=organisation,
        company=company,
        weights=weights,
        stakeholder_weights=stakeholder_weights,
        aspect_weights=aspect_weights,
        ratings=ratings,
        calculator_version=calculator_version,
    )
    errors = [p for p in validate_balance(balance, file) if p.severity == "error"]
    if errors:
        raise InputError([_relocate(p, r.origins) for p in errors])
    results = ExternalResults(
        source="workbook",
        themes=theme_figures,
        stakeholder_weights=stakeholder_used,
        total=r.result(calc, *TOTAL_CELL),
        first_sector_only=True,
        first_sector=first_sector,
        size_text=facts.text(SIZE_ROW, "C") or None,
    )
    return WorkbookImport(balance, results, tuple(r.notes), version_text)


def _relocate(problem: Problem, origins: dict[str, Location]) -> Problem:
    field = problem.location.field or ""
    location = origins.get(field)
    while location is None and field:
        field = field.rsplit(".", 1)[0] if "." in field else ""
        location = origins.get(field)
    if location is None:
        return problem
    return Problem(problem.code, location, problem.params, problem.severity)


def _balance_type(r: _Reader, calc: _Sheet) -> str | None:
    full = calc.text(LAST_ROW["full"], "B")
    compact = calc.text(LAST_ROW["compact"], "B")
    if full.startswith("E4"):
        return "full"
    if compact.startswith("E4"):
        return "compact"
    r.problem("official_layout_type", r.at(CALC, LAST_ROW["full"], "B"))
    return None


def _company(r: _Reader, facts: _Sheet) -> tuple[CompanyFacts, str | None]:
    amounts: dict[str, Decimal | None] = {}
    for name, row in AMOUNT_CELLS.items():
        amounts[name] = r.number(facts, row, "C")
        r.origins[f"company.{name}"] = r.at(FACTS, row, "C")
    flags: dict[str, bool | None] = {}
    for name, row in FLAG_CELLS.items():
        flags[name] = r.flag(facts, row, "C")
        r.origins[f"company.{name}"] = r.at(FACTS, row, "C")

    supply: list[SupplyFraction] = []
    for row in SUPPLY_ROWS:
        costs = r.number(facts, row, "F")
        sector = r.sector(facts, row, "B")
        country = r.country(facts, row, "D")
        if costs is None or costs.is_zero():
            if sector or country:
                r.note("official_row_ignored", r.at(FACTS, row, "F"), what="a sector or region", amount="costs")
            continue
        index = len(supply)
        r.origins[f"company.supply_fractions[{index}].costs"] = r.at(FACTS, row, "F")
        r.origins[f"company.supply_fractions[{index}].country"] = r.at(FACTS, row, "D")
        r.origins[f"company.supply_fractions[{index}].sector"] = r.at(FACTS, row, "B")
        supply.append(SupplyFraction(country, sector, costs))
    r.origins["company.supply_fractions"] = r.at(FACTS, field="F10:F14, C7")
    origin = r.country(facts, OTHER_SUPPLIERS_ROW, "D")
    r.origins["company.main_origin_of_other_suppliers"] = r.at(FACTS, OTHER_SUPPLIERS_ROW, "D")

    staff: list[StaffCountry] = []
    for row in STAFF_ROWS:
        share = r.share(facts, row, "D")
        country = r.country(facts, row, "B")
        if share is None:
            continue
        index = len(staff)
        r.origins[f"company.staff_countries[{index}].share"] = r.at(FACTS, row, "D")
        r.origins[f"company.staff_countries[{index}].country"] = r.at(FACTS, row, "B")
        staff.append(StaffCountry(country, share))
    r.origins["company.staff_countries"] = r.at(FACTS, field="D30:D32")

    own: list[OwnSector] = []
    first_sector: str | None = None
    for row in SECTOR_ROWS:
        share = r.share(facts, row, "D")
        sector = r.sector(facts, row, "B")
        if row == SECTOR_ROWS[0]:
            first_sector = sector
        description = facts.text(row, "C")
        if _norm(description) in PLACEHOLDERS:
            description = ""
        if share is None:
            if sector:
                r.note("official_row_ignored", r.at(FACTS, row, "D"), what="a sector", amount="a share")
            continue
        index = len(own)
        r.origins[f"company.sectors[{index}].share"] = r.at(FACTS, row, "D")
        r.origins[f"company.sectors[{index}].sector"] = r.at(FACTS, row, "B")
        own.append(OwnSector(sector, share, description))
    r.origins["company.sectors"] = r.at(FACTS, field="D41:D43")

    facts_value = CompanyFacts(
        **amounts,  # type: ignore[arg-type]
        **flags,  # type: ignore[arg-type]
        supply_fractions=tuple(supply),
        main_origin_of_other_suppliers=origin,
        staff_countries=tuple(staff),
        sectors=tuple(own),
    )
    return facts_value, first_sector


def _ratings(
    r: _Reader, calc: _Sheet, layout: list[CalcRow], last_row: int
) -> tuple[
    dict[str, Decimal], dict[str, Decimal], dict[str, Decimal], dict[str, ThemeFigures], dict[str, Decimal | None]
]:
    ratings: dict[str, Decimal] = {}
    weights: dict[str, Decimal] = {}
    aspect_weights: dict[str, Decimal] = {}
    themes: dict[str, ThemeFigures] = {}
    stakeholders: dict[str, Decimal | None] = {}
    allowed = load_matrix("5.0").allowed_weights
    allowed_text = ", ".join(fmt(w) for w in allowed)
    layout = _match_rows(r, calc, layout, last_row)
    for item in layout:
        if item.kind == "stakeholder":
            stakeholders[item.code] = r.result(calc, item.row, "D")
            continue
        used = r.number(calc, item.row, "D") if item.kind == "theme" or item.positive else None
        if used is not None and used not in allowed:
            r.problem("weight_not_allowed", r.at(CALC, item.row, "D"), value=fmt(used), allowed=allowed_text)
            used = None
        if item.kind == "theme":
            computed = r.result(calc, item.row, "L")
            if computed is None:
                computed = r.result(calc, item.row, "F")
            if used is not None and _changed(used, computed, calc.text(item.row, "N")):
                weights[item.code] = used
                r.origins[f"weights.{item.code}"] = r.at(CALC, item.row, "D")
            themes[item.code] = ThemeFigures(
                points=r.result(calc, item.row, "I"),
                max_points=r.result(calc, item.row, "J"),
                weight=r.result(calc, item.row, "D"),
            )
            continue
        rating = r.number(calc, item.row, "H")
        location = r.at(CALC, item.row, "H")
        r.origins[f"ratings.{item.code}"] = location
        if rating is not None:
            low, high = (Decimal(0), Decimal(10)) if item.positive else (Decimal(-200), Decimal(0))
            if not (low <= rating <= high):
                r.problem("out_of_range", location, value=fmt(rating), low=fmt(low), high=fmt(high))
            else:
                ratings[item.code] = rating
        if item.positive and used is not None:
            default = r.result(calc, item.row, "K")
            if _changed(used, Decimal(1) if default is None else default, calc.text(item.row, "N")):
                aspect_weights[item.code] = used
                r.origins[f"aspect_weights.{item.code}"] = r.at(CALC, item.row, "D")
    return ratings, weights, aspect_weights, themes, stakeholders


def _match_rows(r: _Reader, calc: _Sheet, layout: list[CalcRow], last: int) -> list[CalcRow]:
    """The expected rows placed on the sheet's filled rows, in order (a blank row in between is skipped).

    Each row's code cell must fit: the stakeholder or theme code itself, or for an aspect any
    code of its theme (so "D4.2" on D4.3's row and "A1" on a compact aspect row are fine).
    The first row that does not fit is reported and nothing of the sheet is read.
    """
    filled = [row for row in range(FIRST_CALC_ROW, last + 1) if calc.text(row, "B")]
    placed: list[CalcRow] = []
    for index, item in enumerate(layout):
        row = filled[index] if index < len(filled) else last
        found = calc.text(row, "B") if index < len(filled) else ""
        fits = found == item.code if item.kind != "aspect" else found.startswith(item.theme or "")
        if not fits:
            what = {"stakeholder": "the stakeholder row", "theme": "the theme", "aspect": "an aspect of"}[item.kind]
            expected = f"{what} {item.code if item.kind != 'aspect' else item.theme}"
            r.problem("official_layout", r.at(CALC, row, "B"), expected=expected, found=found or "–")
            return []
        placed.append(replace(item, row=row))
    return placed


def _changed(used: Decimal, computed: Decimal | None, note: str) -> bool:
    """Set by hand: the weight used differs from the computed one (the note decides only when none is given)."""
    if computed is not None:
        return used != computed
    return note.casefold().startswith(CHANGED_PREFIXES)


def _stakeholder_weights(r: _Reader, weighting: _Sheet) -> dict[str, Decimal]:
    """Rows 49-53: K the weight computed from the facts, R the weight used; a difference was set by hand."""
    allowed = load_matrix("5.0").allowed_weights
    allowed_text = ", ".join(fmt(w) for w in allowed)
    result: dict[str, Decimal] = {}
    for code, row in STAKEHOLDER_WEIGHT_ROWS.items():
        used = r.number(weighting, row, "R")
        computed = r.result(weighting, row, "K")
        r.origins[f"stakeholder_weights.{code}"] = r.at(WEIGHTING, row, "R")
        if used is None:
            continue
        if used not in allowed:
            r.problem("weight_not_allowed", r.at(WEIGHTING, row, "R"), value=fmt(used), allowed=allowed_text)
            continue
        if computed is None or used != computed:
            result[code] = used
    return result


def _organisation_name(sheets: Iterable[_Sheet]) -> str:
    """The organisation's name where the workbook has a labelled cell for it (first match wins)."""
    for sheet in sheets:
        for (row, column), value in sorted(sheet.cells.items()):
            if not isinstance(value, str):
                continue
            label = value.strip().rstrip(":*").strip().casefold()
            if label not in NAME_LABELS:
                continue
            for offset in range(1, 5):
                candidate = sheet.cells.get((row, column + offset))
                if isinstance(candidate, str) and candidate.strip() and _norm(candidate) not in PLACEHOLDERS:
                    return candidate.strip()
    return ""
