"""The portfolio: every organisation and balance of a database in one table, and back.

Export: one row per balance x theme (organisation, balance, matrix, type, period, status, theme,
weights, points, maximum, percentage, balance total) as .xlsx or .csv. The table is built with
pandas (imported inside the functions); the workbook is streamed with openpyxl's write-only
mode. A workbook also carries, on the hidden sheet `_balances`, each balance as balance JSON,
so importing a portfolio creates or updates many balances in one transaction. The visible
table is computed and not read back: change balances in the app or in their own workbooks.

CSV cells that start with = + - @ (as text) get a leading apostrophe so a spreadsheet never
runs them as formulas.
"""

from __future__ import annotations

import io
import math
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from ecg_desktop import __version__
from ecg_desktop.balance.json_format import balance_from_data, balance_to_data, dumps, parse_json_text
from ecg_desktop.balance.model import Balance
from ecg_desktop.errors import ECGError, InputError, Location, Problem
from ecg_desktop.exchange.xlsx_common import (
    JSON_CHUNK,
    PORTFOLIO_LIMITS,
    Column,
    Limits,
    cell_text,
    check_container,
    column_letter,
    gc_paused,
    iter_sheet_rows,
    looks_like_formula,
    normalise_header,
    read_source,
    sheet_facts,
    sheet_parts,
)
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring.numbers import round_half_away
from ecg_desktop.scoring.result import ScoreResult

Progress = Callable[[int, int], None]
PORTFOLIO_FORMAT = "ecg-desktop-portfolio"
PORTFOLIO_FORMAT_VERSION = 1
BALANCES_SHEET = "_balances"
META_SHEET = "_meta"
TABLE_SHEET = ("Portfolio", "Portfolio")
JSON_COLUMNS = 60  # up to 60 x 30,000 characters of JSON per balance

TABLE_COLUMNS: tuple[Column, ...] = (
    Column("organisation", "Organisation", "Organisation", 28),
    Column("balance_id", "Balance", "Bilanz", 9),
    Column("matrix", "Matrix", "Matrix", 8),
    Column("type", "Type", "Art", 9),
    Column("period_start", "Period from", "Zeitraum von", 12),
    Column("period_end", "Period to", "Zeitraum bis", 12),
    Column("status", "Status", "Status", 10),
    Column("stakeholder", "Stakeholder", "Berührungsgruppe", 8),
    Column("theme", "Theme", "Thema", 8),
    Column("theme_name", "Theme name", "Themenname", 40),
    Column("stakeholder_weight", "Stakeholder weight", "Gewichtung Berührungsgruppe", 12),
    Column("theme_weight", "Theme weight", "Gewichtung Thema", 10),
    Column("points", "Points", "Punkte", 10),
    Column("max_points", "Maximum", "Maximum", 10),
    Column("percentage", "Reached (%)", "Erreicht (%)", 10),
    Column("total", "Balance total", "Bilanzsumme", 12),
    Column("max_total", "Balance maximum", "Bilanzmaximum", 12),
)
BALANCE_HEADERS = ("balance_id", "version", "organisation", *(f"json_{i}" for i in range(1, JSON_COLUMNS + 1)))


@dataclass(frozen=True)
class PortfolioEntry:
    """One balance of the portfolio with its score (None when it cannot be scored)."""

    balance_id: Any
    version: int | None
    organisation: str
    balance: Balance
    result: ScoreResult | None


def collect_portfolio(service: Any, progress: Progress | None = None) -> list[PortfolioEntry]:
    """Every balance of the database, scored (self-assessment, or the auditor's where given)."""
    from ecg_desktop.scoring import score

    infos = list(service.list_balances())
    entries = []
    for done, info in enumerate(infos, start=1):
        balance = service.get_balance(info.id)
        try:
            result = score(balance, basis="auditor" if balance.auditor_ratings else "self")
        except InputError:
            result = None
        entries.append(PortfolioEntry(info.id, info.version, info.organisation_name, balance, result))
        if progress is not None:
            progress(done, len(infos))
    return entries


def _two(value: Decimal | None) -> float | None:
    return None if value is None else float(round_half_away(value, 2))


def portfolio_records(entries: Iterable[PortfolioEntry], lang: str = "en") -> Iterator[tuple[Any, ...]]:
    """The table rows (one per balance x theme) in TABLE_COLUMNS order, values as cells hold them."""
    names: dict[tuple[str, str], str] = {}
    for entry in entries:
        balance, result = entry.balance, entry.result
        matrix = load_matrix(balance.matrix)
        start = balance.period.start.isoformat() if balance.period else None
        end = balance.period.end.isoformat() if balance.period else None
        head = (
            entry.organisation or balance.organisation.name,
            entry.balance_id,
            balance.matrix,
            balance.type,
            start,
            end,
            balance.audit.status,
        )
        total = _two(result.total) if result else None
        max_total = _two(result.max_total) if result else None
        for theme in matrix.themes:
            key = (balance.matrix, theme.code)
            if key not in names:
                names[key] = theme.name.get(lang)
            scored = result.themes.get(theme.code) if result else None
            stake = result.stakeholders.get(theme.stakeholder) if result else None
            yield (
                *head,
                theme.stakeholder,
                theme.code,
                names[key],
                float(stake.weight) if stake else None,
                float(scored.weight) if scored else None,
                _two(scored.points) if scored else None,
                _two(scored.max_points) if scored else None,
                _two(scored.percentage) if scored and scored.percentage is not None else None,
                total,
                max_total,
            )


def portfolio_frame(entries: Iterable[PortfolioEntry], lang: str = "en") -> Any:
    """The portfolio table as a pandas DataFrame with headers in `lang`."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(portfolio_records(entries, lang)), columns=[c.key for c in TABLE_COLUMNS])
    frame.columns = [c.header(lang) for c in TABLE_COLUMNS]
    return frame


def write_portfolio(
    entries: Iterable[PortfolioEntry],
    target: str | os.PathLike[str] | IO[bytes],
    *,
    lang: str = "en",
    fmt: str | None = None,
) -> None:
    """Write the portfolio as .xlsx (table + hidden balance JSON) or .csv (table only).

    `fmt` is "xlsx" or "csv"; by default it follows the file name's suffix.
    """
    entries = list(entries)
    if fmt is None:
        name = os.fspath(target) if isinstance(target, str | os.PathLike) else ""
        fmt = "csv" if str(name).lower().endswith(".csv") else "xlsx"
    frame = portfolio_frame(entries, lang)
    if fmt == "csv":
        safe = frame.map(_csv_safe) if hasattr(frame, "map") else frame.applymap(_csv_safe)
        if isinstance(target, str | os.PathLike):
            safe.to_csv(target, index=False, encoding="utf-8-sig")
        else:
            target.write(safe.to_csv(index=False).encode("utf-8-sig"))
        return
    _write_xlsx(frame, entries, target, lang)


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def _write_xlsx(frame: Any, entries: list[PortfolioEntry], target: Any, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook(write_only=True)
    table = workbook.create_sheet(TABLE_SHEET[1] if lang == "de" else TABLE_SHEET[0])
    table.freeze_panes = "C2"
    for i, column in enumerate(TABLE_COLUMNS, start=1):
        table.column_dimensions[column_letter(i)].width = column.width
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E78")
    wrap = Alignment(wrap_text=True, vertical="center")
    headers = []
    for text in frame.columns:
        cell = WriteOnlyCell(table, value=str(text))
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        headers.append(cell)
    table.append(headers)
    text_columns = {i for i, c in enumerate(TABLE_COLUMNS) if c.key in ("organisation", "theme_name")}
    for record in frame.itertuples(index=False, name=None):
        row = []
        for i, value in enumerate(record):
            if value is None or (isinstance(value, float) and math.isnan(value)):  # NaN: empty
                row.append(None)
            elif i in text_columns and isinstance(value, str):
                row.append(_text_cell(table, value, WriteOnlyCell))
            else:
                row.append(value.item() if hasattr(value, "item") else value)
        table.append(row)
    table.auto_filter.ref = f"A1:{column_letter(len(TABLE_COLUMNS))}{len(frame) + 1}"
    balances = workbook.create_sheet(BALANCES_SHEET)
    balances.sheet_state = "hidden"
    balances.append(list(BALANCE_HEADERS))
    for entry in entries:
        text = dumps(balance_to_data(entry.balance, full=True), indent=None)
        parts = [text[i : i + JSON_CHUNK] for i in range(0, len(text), JSON_CHUNK)]
        if len(parts) > JSON_COLUMNS:
            raise InputError(
                [
                    Problem(
                        "text_too_long",
                        Location(field=f"balance {entry.balance_id}"),
                        {"length": len(text), "limit": JSON_CHUNK * JSON_COLUMNS},
                    )
                ]
            )
        ident = "" if entry.balance_id is None else str(entry.balance_id)
        balances.append(
            [
                ident,
                entry.version,
                _text_cell(balances, entry.organisation or entry.balance.organisation.name, WriteOnlyCell),
                *(_text_cell(balances, part, WriteOnlyCell) for part in parts),
            ]
        )
    meta = workbook.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    meta.append(["format", PORTFOLIO_FORMAT])
    meta.append(["format_version", PORTFOLIO_FORMAT_VERSION])
    meta.append(["app_version", __version__])
    meta.append(["balances", len(entries)])
    workbook.save(target)


def _text_cell(ws: Any, value: str, cell_type: Any) -> Any:
    """A write-only cell that holds `value` as text, never as a formula."""
    if not looks_like_formula(value) and value == cell_text(value):
        return value
    cell = cell_type(ws, value=cell_text(value))
    cell.data_type = "s"
    return cell


# ---- reading


@dataclass(frozen=True)
class PortfolioItem:
    """One balance read from a portfolio workbook: its id there (None = new), version, row."""

    balance_id: str | None
    version: int | None
    balance: Balance
    row: int


def read_portfolio(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    file: str | None = None,
    limits: Limits = PORTFOLIO_LIMITS,
    progress: Progress | None = None,
) -> list[PortfolioItem]:
    """Every balance of a portfolio workbook, validated; InputError lists every problem found."""
    from openpyxl import load_workbook

    data, file = read_source(source, file, limits)
    archive = check_container(data, file, limits)
    try:
        parts = sheet_parts(archive)
    except (KeyError, ValueError, SyntaxError) as exc:
        raise InputError([Problem("xlsx_damaged", Location(file=file), {"detail": str(exc)})]) from exc
    for needed in (BALANCES_SHEET, META_SHEET):
        if needed not in parts:
            raise InputError([Problem("xlsx_missing_sheet", Location(file=file), {"sheet": needed})])
    facts = sheet_facts(archive, parts[BALANCES_SHEET])
    if facts.rows > limits.rows:
        raise InputError(
            [
                Problem(
                    "xlsx_too_many_rows",
                    Location(file=file, sheet=BALANCES_SHEET),
                    {"rows": facts.rows, "limit": limits.rows},
                )
            ]
        )
    problems: list[Problem] = []
    items: list[PortfolioItem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it drops; they are not read
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
        except Exception as exc:  # malformed parts surface as many exception types
            raise InputError([Problem("xlsx_unreadable", Location(file=file), {"detail": str(exc)[:200]})]) from exc
        try:
            _check_meta(workbook[META_SHEET], file)
            total = max(facts.rows - 1, 1)
            rows = _rows(workbook[BALANCES_SHEET], limits, file)
            header = next(rows, None)
            if header is None or header[0] != 1 or _header(header[1]) != list(BALANCE_HEADERS[:3]):
                raise InputError(
                    [
                        Problem(
                            "xlsx_missing_column",
                            Location(file=file, sheet=BALANCES_SHEET, row=1),
                            {"header": ", ".join(BALANCE_HEADERS[:3])},
                        )
                    ]
                )
            seen: dict[str, int] = {}
            for number, cells in rows:
                item = _balance_row(number, cells, file, problems, seen)
                if item is not None:
                    items.append(item)
                if progress is not None and number % 50 == 0:
                    progress(min(number - 1, total), total)
        finally:
            workbook.close()
    if problems:
        raise InputError(problems)
    if progress is not None:
        progress(total, total)
    return items


def _rows(ws: Any, limits: Limits, file: str | None) -> Iterator[tuple[int, dict[int, Any]]]:
    rows = iter_sheet_rows(ws, Limits(rows=limits.rows, columns=len(BALANCE_HEADERS)))
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # malformed sheet XML
            raise InputError(
                [Problem("xlsx_unreadable", Location(file=file, sheet=BALANCES_SHEET), {"detail": str(exc)[:200]})]
            ) from exc
        yield item


def _header(cells: Mapping[int, Any]) -> list[str]:
    return [normalise_header(str(cells[c].value)) if c in cells else "" for c in (1, 2, 3)]


def _check_meta(ws: Any, file: str | None) -> None:
    values = {}
    for _, cells in _rows(ws, Limits(rows=50, columns=2), file):
        if 1 in cells and 2 in cells:
            values[str(cells[1].value)] = cells[2].value
    where = Location(file=file, sheet=META_SHEET)
    if values.get("format") != PORTFOLIO_FORMAT:
        raise InputError([Problem("xlsx_meta_missing", where, {"key": "format"})])
    version = values.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise InputError([Problem("xlsx_format_unknown", where, {"found": version})])
    if version > PORTFOLIO_FORMAT_VERSION:
        raise InputError(
            [Problem("xlsx_format_newer", where, {"version": version, "supported": PORTFOLIO_FORMAT_VERSION})]
        )


def _balance_row(
    number: int, cells: Mapping[int, Any], file: str | None, problems: list[Problem], seen: dict[str, int]
) -> PortfolioItem | None:
    def where(column: int, field: str | None = None) -> Location:
        return Location(file=file, sheet=BALANCES_SHEET, row=number, column=column_letter(column), field=field)

    ident_cell = cells.get(1)
    ident = None
    if ident_cell is not None:
        value = ident_cell.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        ident = str(value).strip() or None
        if ident in seen:
            problems.append(Problem("portfolio_duplicate_balance", where(1), {"id": ident, "first_row": seen[ident]}))
            return None
        if ident is not None:
            seen[ident] = number
    version_cell = cells.get(2)
    version = None
    if version_cell is not None:
        if isinstance(version_cell.value, bool) or not isinstance(version_cell.value, int | float):
            problems.append(Problem("not_a_number", where(2), {"found": str(version_cell.value)[:60]}))
        else:
            version = int(version_cell.value)
    texts = []
    for column in range(4, len(BALANCE_HEADERS) + 1):
        cell = cells.get(column)
        if cell is None:
            break
        if cell.data_type == "f" or not isinstance(cell.value, str):
            problems.append(Problem("not_a_string", where(column, "balance_json"), {"found": str(cell.value)[:60]}))
            return None
        texts.append(cell.value)
    if not texts:
        problems.append(Problem("missing_key", where(4), {"key": "json_1"}))
        return None
    try:
        balance = balance_from_data(parse_json_text("".join(texts), file), file)
    except InputError as exc:
        for problem in exc.problems:
            problems.append(Problem(problem.code, where(4, problem.location.field), problem.params))
        return None
    return PortfolioItem(ident, version, balance, number)


# ---- applying


def import_portfolio(
    service: Any,
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    as_new: bool = False,
    file: str | None = None,
    progress: Progress | None = None,
) -> list[Any]:
    """Create or update every balance of a portfolio workbook in one transaction.

    A row without a balance id creates a balance. A row with an id updates that balance, which
    must exist and have the same organisation, matrix, type and period; otherwise the whole
    import is refused (choose `as_new` to create every balance as a new one instead).
    """
    with gc_paused():  # keeps full collections from stalling the UI thread (see gc_paused)
        return _import_portfolio(service, source, as_new, file, progress)


def _import_portfolio(
    service: Any,
    source: str | os.PathLike[str] | bytes | IO[bytes],
    as_new: bool,
    file: str | None,
    progress: Progress | None,
) -> list[Any]:
    items = read_portfolio(source, file=file, progress=progress)
    pairs: list[tuple[Any, Balance]] = []
    problems: list[Problem] = []
    for item in items:
        if as_new or item.balance_id is None:
            pairs.append((None, item.balance))
            continue
        where = Location(file=file or _name(source), sheet=BALANCES_SHEET, row=item.row, column="A")
        identifier: Any = int(item.balance_id) if item.balance_id.isdigit() else item.balance_id
        try:
            info = service.balance_info(identifier)
        except (ECGError, LookupError):
            problems.append(Problem("xlsx_unknown_balance", where, {"id": item.balance_id}))
            continue
        balance = item.balance
        same = (
            info.matrix == balance.matrix
            and info.type == balance.type
            and info.period == balance.period
            and info.organisation_name == balance.organisation.name
        )
        if not same:
            problems.append(Problem("xlsx_other_balance", where, {"found": item.balance_id, "expected": info.id}))
            continue
        pairs.append((identifier, balance))
    if problems:
        raise InputError(problems)
    return list(service.import_many(pairs))


def _name(source: Any) -> str | None:
    return os.fspath(source) if isinstance(source, str | os.PathLike) else None


__all__ = [
    "TABLE_COLUMNS",
    "PortfolioEntry",
    "PortfolioItem",
    "collect_portfolio",
    "import_portfolio",
    "portfolio_frame",
    "portfolio_records",
    "read_portfolio",
    "write_portfolio",
]
