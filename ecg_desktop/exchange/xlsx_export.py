"""Write one balance sheet as an .xlsx workbook (openpyxl, imported inside the functions).

Sheets: Overview (who, when, which matrix, status, totals, row sums, illustrative tax rate and
schedule), Ratings (one row per positive aspect or 4.1 sub-indicator), Negative aspects (5.x
negative aspects or 4.1 negative criteria), Company facts, Evidence, Matrix (coloured grid) and
the hidden `_meta` sheet that ties the workbook to its balance: format version, balance id and
version, matrix, type, period, app version, and the whole balance as JSON (json_format), so an
unchanged cell imports as exactly what was exported.

Only the level and text columns of Ratings and Negative aspects are unlocked; every other cell
is computed or informational and its sheet is protected (without a password: protection guards
against slips, not against people). Every text is written as text, never as a formula.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from ecg_desktop import __version__
from ecg_desktop.balance.json_format import balance_to_data, decimal_text, dumps
from ecg_desktop.balance.model import AMOUNT_FIELDS, Balance
from ecg_desktop.errors import InputError
from ecg_desktop.exchange.xlsx_common import (
    EVIDENCE_COLUMNS,
    FORMAT_VERSION,
    JSON_CHUNK,
    META_SHEET,
    NEGATIVE_COLUMNS,
    RATING_COLUMNS,
    Column,
    cell_number,
    cell_text,
    column_letter,
    looks_like_formula,
    sheet_name,
)
from ecg_desktop.matrix import Matrix, load_matrix
from ecg_desktop.matrix.model import Text
from ecg_desktop.presentation import schedule_name
from ecg_desktop.scoring.matrix5 import SIZE_NAMES
from ecg_desktop.scoring.numbers import round_half_away
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.scoring.tax import ILLUSTRATIVE, TaxSchedule, ecg_vat_example, tax_rate

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "1F4E78"
EDITABLE_FILL = "FFF7D6"
NOT_APPLICABLE_FILL = "D9D9D9"
# Percentage reached (lower bound) -> fill of the matrix grid, from red to green.
GRID_FILLS = ((80, "63BE7B"), (60, "A9D08E"), (40, "E2EFDA"), (20, "FFF2CC"), (0, "FCE4D6"))
NEGATIVE_FILL = "F8696B"

T = Text  # short alias for the many labels below

LABELS: dict[str, Text] = {
    "title": T("ECG balance sheet", "Gemeinwohl-Bilanz"),
    "organisation": T("Organisation", "Organisation"),
    "period": T("Period", "Zeitraum"),
    "matrix": T("Matrix version", "Matrix-Version"),
    "type": T("Balance type", "Bilanzart"),
    "status": T("Status", "Status"),
    "audit_kind": T("Audit", "Audit"),
    "auditor": T("Auditor", "Auditor"),
    "size_class": T("Size class", "Größenklasse"),
    "total_self": T("Total (self-assessment)", "Summe (Selbsteinschätzung)"),
    "total_auditor": T("Total (auditor)", "Summe (Auditor)"),
    "max_total": T("Maximum", "Maximum"),
    "not_scored": T("not scored: every theme weighs 0", "nicht bewertet: alle Themen wiegen 0"),
    "stakeholder": T("Stakeholder", "Berührungsgruppe"),
    "name": T("Name", "Name"),
    "weight": T("Weight", "Gewichtung"),
    "points": T("Points", "Punkte"),
    "auditor_points": T("Auditor points", "Punkte Auditor"),
    "maximum": T("Maximum", "Maximum"),
    "tax_rate": T("Tax rate (%)", "Steuersatz (%)"),
    "tax_schedule": T("Tax schedule", "Steuertarif"),
    "tax_why": T("How the rate follows", "Wie sich der Satz ergibt"),
    "from_points": T("From points", "Ab Punkten"),
    "rate": T("Rate (%)", "Satz (%)"),
    "linear": T("Linear", "Linear"),
    "field": T("Field", "Feld"),
    "value": T("Value", "Wert"),
    "supply_fractions": T("Largest purchases", "Größte Einkäufe"),
    "staff_countries": T("Staff by country", "Mitarbeitende nach Land"),
    "own_sectors": T("Own sectors", "Eigene Branchen"),
    "country": T("Country", "Land"),
    "sector": T("Sector", "Branche"),
    "costs": T("Costs", "Kosten"),
    "share": T("Share (%)", "Anteil (%)"),
    "description": T("Description", "Beschreibung"),
    "yes": T("yes", "ja"),
    "no": T("no", "nein"),
    "full": T("full balance", "Vollbilanz"),
    "compact": T("compact balance", "Kompaktbilanz"),
    "draft": T("draft", "Entwurf"),
    "in_review": T("in review", "in Prüfung"),
    "audited": T("audited", "auditiert"),
    "self": T("self-assessment", "Selbsteinschätzung"),
    "peer": T("peer evaluation", "Peer-Evaluierung"),
    "external": T("external audit", "externes Audit"),
    "level_prompt": T("Choose a level from the list", "Stufe aus der Liste wählen"),
    "level_error": T("This value is not one of the levels", "Dieser Wert ist keine der Stufen"),
    "edit_hint": T(
        "Only the yellow cells are imported back; the others are computed by ECG Desktop.",
        "Nur die gelben Zellen werden wieder eingelesen; die anderen berechnet ECG Desktop.",
    ),
}
FACT_LABELS: dict[str, Text] = {
    "employees": T("Employees (full-time equivalents)", "Mitarbeitende (Vollzeitäquivalente)"),
    "turnover": T("Turnover", "Umsatz"),
    "total_assets": T("Total assets", "Bilanzsumme"),
    "profit": T("Profit", "Gewinn"),
    "financial_costs": T("Financial costs", "Finanzierungskosten"),
    "income_from_financial_investments": T("Income from financial investments", "Erträge aus Finanzanlagen"),
    "additions_to_fixed_assets": T("Additions to fixed assets", "Zugänge zum Anlagevermögen"),
    "financial_assets_and_cash": T("Financial assets and cash", "Finanzanlagen und liquide Mittel"),
    "total_purchases": T("Total purchases", "Gesamteinkauf"),
    "total_staff_costs": T("Total staff costs", "Personalaufwand gesamt"),
    "average_commute_km": T("Average commute (km)", "Durchschnittlicher Arbeitsweg (km)"),
    "main_origin_of_other_suppliers": T("Main origin of other suppliers", "Hauptherkunft übriger Zulieferer"),
    "b2b": T("Sells mainly to businesses (B2B)", "Verkauft vorwiegend an Unternehmen (B2B)"),
    "canteen": T("Staff canteen", "Betriebskantine"),
    "sole_proprietor": T("Sole proprietor", "Ein-Personen-Unternehmen"),
    "n2_turnover_share": T("Turnover share concerned by N2 (%)", "Von N2 betroffener Umsatzanteil (%)"),
}


def export_balance_xlsx(
    balance: Balance,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    balance_id: int | str | None = None,
    balance_version: int | None = None,
    lang: str = "en",
    schedule: TaxSchedule | None = None,
) -> None:
    """Write `balance` as a workbook to a path or binary stream (see the module docstring)."""
    workbook = build_balance_workbook(
        balance, balance_id=balance_id, balance_version=balance_version, lang=lang, schedule=schedule
    )
    workbook.save(target)


def export_balance_file(service: Any, balance_id: int, out: os.PathLike[str] | str, lang: str = "en") -> None:
    """The exporter for services.exporters ("xlsx"): a stored balance with its id, version and tax
    schedule, written to a temporary file beside `out` and renamed (never half a file)."""
    import tempfile
    from pathlib import Path

    info = service.balance_info(balance_id)
    balance = service.get_balance(balance_id)
    schedule = service.get_tax_schedule(balance_id)
    workbook = build_balance_workbook(
        balance, balance_id=info.id, balance_version=info.version, lang=lang, schedule=schedule
    )
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".xlsx", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            workbook.save(handle)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_balance_file_de(service: Any, balance_id: int, out: os.PathLike[str] | str) -> None:
    """The exporter "xlsx-de": the same workbook with German sheet names and headers."""
    export_balance_file(service, balance_id, out, lang="de")


def build_balance_workbook(
    balance: Balance,
    *,
    balance_id: int | str | None = None,
    balance_version: int | None = None,
    lang: str = "en",
    schedule: TaxSchedule | None = None,
) -> Workbook:
    """The workbook of `balance` in memory (export_balance_xlsx saves it)."""
    from openpyxl import Workbook

    from ecg_desktop.scoring import score

    lang = "de" if lang == "de" else "en"
    matrix = load_matrix(balance.matrix)
    mine = _score_or_none(balance, "self", score)
    audited = _score_or_none(balance, "auditor", score) if balance.auditor_ratings else None
    workbook = Workbook()
    workbook.properties.creator = "ECG Desktop"
    writer = _Writer(workbook, lang)
    overview = workbook.active
    overview.title = sheet_name("overview", lang)
    writer.overview(overview, balance, matrix, mine, audited, schedule or ecg_vat_example())
    writer.ratings(workbook.create_sheet(sheet_name("ratings", lang)), balance, matrix, mine, audited)
    writer.negatives(workbook.create_sheet(sheet_name("negative", lang)), balance, matrix, mine, audited)
    writer.facts(workbook.create_sheet(sheet_name("facts", lang)), balance, matrix)
    writer.evidence(workbook.create_sheet(sheet_name("evidence", lang)), balance)
    writer.grid(workbook.create_sheet(sheet_name("matrix", lang)), matrix, audited or mine)
    writer.meta(workbook.create_sheet(META_SHEET), balance, matrix, balance_id, balance_version)
    for sheet in workbook.worksheets:
        # printed, every sheet fits the page width (landscape) instead of splitting its columns
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook


def _score_or_none(balance: Balance, basis: str, score: Any) -> ScoreResult | None:
    try:
        result: ScoreResult = score(balance, basis=basis)
    except InputError:  # every theme weighs 0: nothing to score, the workbook says so
        return None
    return result


def points_value(value: Decimal) -> float:
    """Points as shown in a cell: two decimals, halves away from zero."""
    return float(round_half_away(value, 2))


def rating_choices(matrix: Matrix, positive: bool, deduction: Decimal | None = None) -> str:
    """The drop-down list of a level cell (inline lists stay under Excel's 255 characters)."""
    if deduction is not None:
        return f"0,{decimal_text(deduction)}"
    if not positive:
        return ",".join(str(-step) for step in range(0, 201, 10))
    if matrix.family == "4":
        return ",".join(str(step) for step in range(0, 101, 10))
    low, high = matrix.rating_range
    return ",".join(str(step) for step in range(int(low), int(high) + 1))


class _Writer:
    """Shared styles and helpers of one workbook."""

    def __init__(self, workbook: Workbook, lang: str) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.workbook = workbook
        self.lang = lang
        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.editable_fill = PatternFill("solid", fgColor=EDITABLE_FILL)
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.unlocked = Protection(locked=False)
        thin = Side(style="thin", color="BFBFBF")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._fills: dict[str, Any] = {}
        self.pattern_fill = PatternFill

    def t(self, key: str) -> str:
        return LABELS[key].get(self.lang)

    def fill(self, colour: str) -> Any:
        if colour not in self._fills:
            self._fills[colour] = self.pattern_fill("solid", fgColor=colour)
        return self._fills[colour]

    # ---- cells

    def text(self, ws: Worksheet, row: int, column: int, value: str) -> Any:
        """A text cell that stays text: '=', '+', '-', '@' at the start never make a formula."""
        cell = ws.cell(row=row, column=column)
        if value == "":
            return cell
        cell.value = cell_text(value)
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited
        return cell

    def number(self, ws: Worksheet, row: int, column: int, value: Decimal | None, fmt: str | None = None) -> Any:
        cell = ws.cell(row=row, column=column)
        if value is not None:
            cell.value = cell_number(value)
            if fmt:
                cell.number_format = fmt
        return cell

    def points(self, ws: Worksheet, row: int, column: int, value: Decimal | None) -> Any:
        cell = ws.cell(row=row, column=column)
        if value is not None:
            cell.value = points_value(value)
            cell.number_format = "0.00"
        return cell

    def value(self, ws: Worksheet, row: int, column: int, value: object) -> Any:
        if isinstance(value, Decimal):
            return self.number(ws, row, column, value)
        if isinstance(value, bool):
            return self.text(ws, row, column, self.t("yes" if value else "no"))
        return self.text(ws, row, column, "" if value is None else str(value))

    def header_row(self, ws: Worksheet, row: int, headers: Iterable[str], widths: Iterable[int] = ()) -> None:
        for column, header in enumerate(headers, start=1):
            cell = self.text(ws, row, column, header)
            cell.font = self.header_font
            cell.fill = self.header_fill
            cell.alignment = self.centre
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[column_letter(column)].width = width

    def table(self, ws: Worksheet, columns: tuple[Column, ...]) -> None:
        self.header_row(ws, 1, (c.header(self.lang) for c in columns), (c.width for c in columns))
        ws.freeze_panes = "B2"
        ws.row_dimensions[1].height = 32

    def protect(self, ws: Worksheet) -> None:
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # people may still widen columns and rows
        ws.protection.formatRows = False
        ws.protection.autoFilter = False
        ws.protection.sort = False

    def edit(self, cell: Any) -> None:
        cell.protection = self.unlocked
        cell.fill = self.editable_fill
        cell.alignment = self.wrap

    # ---- sheets

    def overview(
        self,
        ws: Worksheet,
        balance: Balance,
        matrix: Matrix,
        mine: ScoreResult | None,
        audited: ScoreResult | None,
        schedule: TaxSchedule,
    ) -> None:
        lang = self.lang
        cell = self.text(ws, 1, 1, self.t("title"))
        cell.font = self.title_font
        period = balance.period
        period_text = f"{period.start.isoformat()} – {period.end.isoformat()}" if period else ""
        rows: list[tuple[str, object]] = [
            ("organisation", balance.organisation.name),
            ("period", period_text),
            ("matrix", matrix.name.get(lang)),
            ("type", self.t(balance.type) if balance.type in LABELS else balance.type),
            ("status", self.t(balance.audit.status)),
            ("audit_kind", self.t(balance.audit.kind)),
            ("auditor", balance.audit.auditor),
            ("size_class", SIZE_NAMES[mine.size_class].get(lang) if mine and mine.size_class else None),
        ]
        row = 3
        for key, value in rows:
            self.text(ws, row, 1, self.t(key)).font = self.bold
            self.value(ws, row, 2, value)
            row += 1
        self.text(ws, row, 1, self.t("total_self")).font = self.bold
        if mine is None:
            self.text(ws, row, 2, self.t("not_scored"))
        else:
            self.points(ws, row, 2, mine.total).font = self.bold
        row += 1
        if audited is not None:
            self.text(ws, row, 1, self.t("total_auditor")).font = self.bold
            self.points(ws, row, 2, audited.total).font = self.bold
            row += 1
        self.text(ws, row, 1, self.t("max_total")).font = self.bold
        self.points(ws, row, 2, mine.max_total if mine else None)
        row += 2
        result = audited or mine
        self.header_row(
            ws,
            row,
            (
                self.t("stakeholder"),
                self.t("name"),
                self.t("weight"),
                self.t("points"),
                self.t("auditor_points"),
                self.t("maximum"),
            ),
        )
        row += 1
        for group in matrix.stakeholders:
            self.text(ws, row, 1, group.code)
            self.text(ws, row, 2, group.name.get(lang))
            for column, scored in ((4, mine), (5, audited)):
                if scored is None:
                    continue
                themes = [t for c, t in scored.themes.items() if matrix.theme(c).stakeholder == group.code]
                stake = scored.stakeholders.get(group.code)
                if column == 4:
                    self.number(ws, row, 3, stake.weight if stake else None)
                    self.points(ws, row, 6, sum((t.max_points for t in themes), Decimal(0)))
                self.points(ws, row, column, sum((t.points for t in themes), Decimal(0)))
            row += 1
        row += 1
        if result is not None:
            tax = tax_rate(result.total, schedule)
            self.text(ws, row, 1, self.t("tax_rate")).font = self.bold
            rate = ws.cell(row=row, column=2, value=points_value(tax.rate))
            rate.number_format = "0.00"
            self.text(ws, row + 1, 1, self.t("tax_why")).font = self.bold
            self.text(ws, row + 1, 2, tax.explanation.get(lang))
            row += 2
        self.text(ws, row, 1, self.t("tax_schedule")).font = self.bold
        self.text(ws, row, 2, schedule_name(schedule, lang) or self.t("linear"))
        self.text(ws, row + 1, 1, ILLUSTRATIVE.get(lang)).font = self.bold
        row += 3
        self.header_row(ws, row, (self.t("from_points"), self.t("rate")))
        row += 1
        if schedule.kind == "bands":
            for i, band in enumerate(schedule.bands):
                start = band.min_points if i and band.min_points is not None else Decimal(-3600)
                self.number(ws, row, 1, start)
                self.number(ws, row, 2, band.rate, "0.00")
                row += 1
        else:
            self.number(ws, row, 1, schedule.from_points)
            self.number(ws, row, 2, schedule.highest_rate, "0.00")
            self.number(ws, row + 1, 1, schedule.to_points)
            self.number(ws, row + 1, 2, schedule.lowest_rate, "0.00")
            row += 2
        self.text(ws, row + 1, 1, self.t("edit_hint"))
        for column, width in zip("ABCDEF", (34, 60, 12, 12, 14, 12), strict=True):
            ws.column_dimensions[column].width = width
        for line in ws.iter_rows(min_row=3, max_row=row, min_col=2, max_col=2):
            for item in line:
                item.alignment = self.wrap
        self.protect(ws)

    def _rows(
        self,
        ws: Worksheet,
        columns: tuple[Column, ...],
        items: list[tuple[str, str, str, Decimal | None, str, str]],
        balance: Balance,
        mine: ScoreResult | None,
        audited: ScoreResult | None,
    ) -> None:
        """Rows of Ratings or Negative aspects: (code, theme, name, limit/weight, why, choices)."""
        from openpyxl.worksheet.datavalidation import DataValidation

        self.table(ws, columns)
        at = {c.key: i for i, c in enumerate(columns, start=1)}
        validations: dict[str, Any] = {}
        for row, (code, theme, name, number, why, choices) in enumerate(items, start=2):
            self.text(ws, row, at["code"], code).font = self.bold
            self.text(ws, row, at["theme"], theme)
            self.text(ws, row, at["name"], name).alignment = self.wrap
            if "weight" in at:
                self.number(ws, row, at["weight"], number)
                self.text(ws, row, at["why"], why).alignment = self.wrap
            else:
                self.number(ws, row, at["limit"], number)
            self.edit(self.number(ws, row, at["self"], balance.ratings.get(code)))
            self.edit(self.text(ws, row, at["reasoning"], balance.reasoning.get(code, "")))
            self.edit(self.number(ws, row, at["auditor"], balance.auditor_ratings.get(code)))
            self.edit(self.text(ws, row, at["comment"], balance.auditor_comments.get(code, "")))
            if mine is not None and code in mine.aspects:
                self.points(ws, row, at["points"], mine.aspects[code].points)
                if "max" in at:
                    self.points(ws, row, at["max"], mine.aspects[code].max_points)
            if audited is not None and code in balance.auditor_ratings and code in audited.aspects:
                self.points(ws, row, at["auditor_points"], audited.aspects[code].points)
            if choices not in validations:
                validation = DataValidation(
                    type="list",
                    formula1=f'"{choices}"',
                    allow_blank=True,
                    showErrorMessage=True,
                    errorStyle="warning",  # the domain allows values between the levels
                    errorTitle="ECG Desktop",
                    error=self.t("level_error"),
                    promptTitle="ECG Desktop",
                    prompt=self.t("level_prompt"),
                )
                ws.add_data_validation(validation)
                validations[choices] = validation
            for key in ("self", "auditor"):
                validations[choices].add(f"{column_letter(at[key])}{row}")
        if items:
            ws.auto_filter.ref = f"A1:{column_letter(len(columns))}{len(items) + 1}"
        self.fit_row_heights(ws, 2, len(items) + 1, len(columns))
        self.protect(ws)

    @staticmethod
    def fit_row_heights(ws: Worksheet, first: int, last: int, columns: int) -> None:
        """Give rows with wrapped text the height their longest cell needs.

        Excel and LibreOffice do not grow rows for wrapped text in a file they did not lay out
        themselves, so long reasoning would print as overlapping lines without this estimate.
        """
        widths = [ws.column_dimensions[column_letter(c)].width or 10 for c in range(1, columns + 1)]
        for row in range(first, last + 1):
            lines = 1
            for column, width in enumerate(widths, start=1):
                value = ws.cell(row=row, column=column).value
                if not isinstance(value, str) or not value:
                    continue
                per_line = max(int(width * 1.1), 8)
                needed = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
                lines = max(lines, needed)
            if lines > 1:
                ws.row_dimensions[row].height = min(409, 13 * lines + 2)

    def ratings(
        self, ws: Worksheet, balance: Balance, matrix: Matrix, mine: ScoreResult | None, audited: ScoreResult | None
    ) -> None:
        items = []
        for aspect in matrix.aspects(balance.type):
            if not aspect.positive:
                continue
            weight = mine.aspects[aspect.code].weight if mine and aspect.code in mine.aspects else None
            items.append(
                (
                    aspect.code,
                    aspect.theme,
                    aspect.name.get(self.lang),
                    weight,
                    self._why(balance, aspect.code, aspect.theme, mine),
                    rating_choices(matrix, True),
                )
            )
        self._rows(ws, RATING_COLUMNS, items, balance, mine, audited)

    def _why(self, balance: Balance, code: str, theme: str, result: ScoreResult | None) -> str:
        reasons = [balance.justifications[c] for c in (code, theme) if balance.justifications.get(c)]
        if result is not None and theme in result.themes:
            reasons.append(result.themes[theme].weight_explanation.text.get(self.lang))
        return "\n".join(reasons)

    def negatives(
        self, ws: Worksheet, balance: Balance, matrix: Matrix, mine: ScoreResult | None, audited: ScoreResult | None
    ) -> None:
        items = []
        for aspect in matrix.aspects(balance.type):
            if not aspect.positive:
                low = matrix.deduction_range[0]
                items.append(
                    (aspect.code, aspect.theme, aspect.name.get(self.lang), low, "", rating_choices(matrix, False))
                )
        for criterion in matrix.negative_criteria:
            items.append(
                (
                    criterion.code,
                    criterion.value,
                    criterion.name.get(self.lang),
                    criterion.deduction,
                    "",
                    rating_choices(matrix, False, criterion.deduction),
                )
            )
        self._rows(ws, NEGATIVE_COLUMNS, items, balance, mine, audited)

    def facts(self, ws: Worksheet, balance: Balance, matrix: Matrix) -> None:
        from ecg_desktop.matrix.tables import countries, sectors

        lang = self.lang
        country_names = {code: c.name.get(lang) for code, c in countries().items()}
        sector_names = {code: s.name.get(lang) for code, s in sectors().items()}
        facts = balance.company
        self.header_row(ws, 1, (self.t("field"), self.t("value"), "", ""), (44, 30, 16, 40))
        ws.freeze_panes = "A2"
        row = 2
        names: list[str] = list(AMOUNT_FIELDS)
        names += ["main_origin_of_other_suppliers", "b2b", "canteen"]
        if matrix.family == "4":
            names += ["sole_proprietor", "n2_turnover_share"]
        for name in names:
            value = getattr(facts, name)
            if name == "main_origin_of_other_suppliers" and value is not None:
                value = f"{value} {country_names.get(value, '')}".strip()
            self.text(ws, row, 1, FACT_LABELS[name].get(lang))
            self.value(ws, row, 2, value)
            row += 1
        sections: list[tuple[str, tuple[str, ...], list[tuple[object, ...]]]] = [
            (
                "supply_fractions",
                ("country", "sector", "costs"),
                [
                    (_coded(s.country, country_names), _coded(s.sector, sector_names), s.costs)
                    for s in facts.supply_fractions
                ],
            ),
            (
                "staff_countries",
                ("country", "share"),
                [(_coded(s.country, country_names), s.share) for s in facts.staff_countries],
            ),
            (
                "own_sectors",
                ("sector", "share", "description"),
                [(_coded(s.sector, sector_names), s.share, s.description) for s in facts.sectors],
            ),
        ]
        for title, headers, entries in sections:
            row += 1
            self.text(ws, row, 1, self.t(title)).font = self.bold
            row += 1
            self.header_row(ws, row, (self.t(h) for h in headers))
            row += 1
            for entry in entries:
                for column, item in enumerate(entry, start=1):
                    self.value(ws, row, column, item)
                row += 1
        self.protect(ws)

    def evidence(self, ws: Worksheet, balance: Balance) -> None:
        self.table(ws, EVIDENCE_COLUMNS)
        ws.freeze_panes = "A2"
        for row, ref in enumerate(balance.evidence, start=2):
            self.text(ws, row, 1, ref.name)
            self.text(ws, row, 2, ref.sha256)
            ws.cell(row=row, column=3, value=ref.size).number_format = "#,##0"
            self.text(ws, row, 4, ", ".join(ref.codes))
            self.text(ws, row, 5, ref.description).alignment = self.wrap
            self.text(ws, row, 6, ref.added_at.isoformat() if ref.added_at else "")
        self.protect(ws)

    def grid(self, ws: Worksheet, matrix: Matrix, result: ScoreResult | None) -> None:
        lang = self.lang
        values = list(matrix.values)
        self.header_row(ws, 1, ["", *(f"{v.code} {v.name.get(lang)}" for v in values)], [26] + [30] * len(values))
        ws.row_dimensions[1].height = 42
        ws.freeze_panes = "B2"
        column_of = {v.code: i for i, v in enumerate(values, start=2)}
        for row, group in enumerate(matrix.stakeholders, start=2):
            label = self.text(ws, row, 1, f"{group.code} {group.name.get(lang)}")
            label.font = self.header_font
            label.fill = self.header_fill
            label.alignment = self.centre
            ws.row_dimensions[row].height = 66
            for theme in matrix.themes:
                if theme.stakeholder != group.code:
                    continue
                spans = theme.value_columns or (theme.value,)
                first = column_of[spans[0]] if spans[0] in column_of else column_of[values[0].code]
                last = column_of.get(spans[-1], first)
                text = f"{theme.code} {theme.name.get(lang)}"
                colour = NOT_APPLICABLE_FILL
                if result is not None and theme.code in result.themes:
                    score = result.themes[theme.code]
                    shown = f"{points_value(score.points):.2f} / {points_value(score.max_points):.2f}"
                    text += f"\n{shown}"
                    if not score.not_applicable:
                        share = score.points / score.max_points * 100
                        text += f" ({round_half_away(share, 0)} %)"
                        colour = _grid_colour(share)
                cell = self.text(ws, row, first, text)
                cell.fill = self.fill(colour)
                cell.alignment = self.centre
                cell.border = self.border
                if last > first:
                    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        self.protect(ws)

    def meta(
        self,
        ws: Worksheet,
        balance: Balance,
        matrix: Matrix,
        balance_id: int | str | None,
        balance_version: int | None,
    ) -> None:
        data = escape_json(dumps(balance_to_data(balance, full=True), indent=None))
        parts = [data[i : i + JSON_CHUNK] for i in range(0, len(data), JSON_CHUNK)] or [""]
        values: dict[str, object] = {
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "balance_id": "" if balance_id is None else str(balance_id),
            "balance_version": balance_version,
            "matrix": balance.matrix,
            "matrix_revision": matrix.revision,
            "type": balance.type,
            "period_start": balance.period.start.isoformat() if balance.period else "",
            "period_end": balance.period.end.isoformat() if balance.period else "",
            "lang": self.lang,
            "balance_json_parts": len(parts),
        }
        row = 1
        for key, value in values.items():
            self.text(ws, row, 1, key)
            if isinstance(value, int):
                ws.cell(row=row, column=2, value=value)
            elif value is not None:
                self.text(ws, row, 2, str(value))
            row += 1
        for part in parts:
            self.text(ws, row, 1, "balance_json")
            self.text(ws, row, 2, part)
            row += 1
        ws.sheet_state = "hidden"
        self.protect(ws)


def escape_json(text: str) -> str:
    """JSON text with the characters XML cannot carry written as \\u escapes (same JSON value)."""
    import re

    return re.sub("[\ud800-\udfff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _coded(code: str | None, names: dict[str, str]) -> str:
    if code is None:
        return ""
    return f"{code} {names.get(code, '')}".strip()


def _grid_colour(share: Decimal) -> str:
    if share < 0:
        return NEGATIVE_FILL
    for low, colour in GRID_FILLS:
        if share >= low:
            return colour
    return GRID_FILLS[-1][1]


__all__ = [
    "build_balance_workbook",
    "export_balance_file",
    "export_balance_file_de",
    "export_balance_xlsx",
    "points_value",
    "rating_choices",
]
