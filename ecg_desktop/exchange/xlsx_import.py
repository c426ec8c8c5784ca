"""Read a balance workbook written by xlsx_export back, validating every cell it uses.

Reading never changes anything: `read_balance_workbook` returns a ParsedWorkbook or raises
InputError with every problem found, each located by sheet, row and column. Applying it is one
service call (`import_balance_workbook`), so an import is all-or-nothing.

- The raw file is checked before openpyxl reads a cell (xlsx_common.check_container,
  sheet_facts): not a zip, truncated, encrypted, zip bombs, oversized text tables, sheets that
  claim more rows or columns than a balance can have, merged cells.
- Cells are streamed (openpyxl read_only) with limits on rows and columns. Formulas are never
  evaluated: a formula in a cell that is read is a problem.
- Columns are found by their header, in English or German, wherever they were moved.
- A cell that still holds what the export wrote imports as the exact value that was exported
  (a number that a double cannot hold exactly, a text cut at Excel's 32,767 characters).
- The format version in `_meta` selects the reader (READERS); older versions keep theirs.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO, Any

from ecg_desktop.balance.json_format import balance_from_data, decimal_text, parse_json_text
from ecg_desktop.balance.model import Balance, Period
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import ECGError, InputError, Location, Problem
from ecg_desktop.exchange.xlsx_common import (
    BALANCE_LIMITS,
    EXCEL_MAX_TEXT,
    FORMAT_VERSION,
    META_KEYS,
    META_SHEET,
    NEGATIVE_COLUMNS,
    RATING_COLUMNS,
    SHEETS,
    Column,
    Limits,
    cell_text,
    check_container,
    column_letter,
    header_index,
    iter_sheet_rows,
    normalise_header,
    read_source,
    same_number,
    sheet_facts,
    sheet_parts,
)
from ecg_desktop.matrix import VERSIONS, Matrix, load_matrix

Progress = Callable[[int, int], None]
"""progress(done, total): called as the import advances (total steps known in advance)."""

EDITABLE_KEYS = ("self", "reasoning", "auditor", "comment")


@dataclass(frozen=True)
class WorkbookMeta:
    """What the hidden _meta sheet says about the workbook."""

    format_version: int
    app_version: str
    balance_id: str | None
    balance_version: int | None
    matrix: str
    matrix_revision: str
    type: str
    period: Period | None
    lang: str


@dataclass(frozen=True)
class ParsedWorkbook:
    """A validated workbook: the balance as exported plus the values of the editable columns.

    The four maps hold the values of every aspect/criterion row (a level None or a text "" is
    an empty cell). `locations` maps "ratings.A1.1"-style fields to the cell they came from.
    """

    meta: WorkbookMeta
    exported: Balance
    ratings: Mapping[str, Decimal | None]
    reasoning: Mapping[str, str]
    auditor_ratings: Mapping[str, Decimal | None]
    auditor_comments: Mapping[str, str]
    self_changes: int
    locations: Mapping[str, Location] = field(default_factory=dict)
    file: str | None = None

    def apply(self, current: Balance, *, include_self: bool = False) -> Balance:
        """`current` with the auditor columns (and the self-assessment columns if chosen) imported.

        Texts kept under other keys (theme narratives, the balance's own text) stay as they are.
        """
        changes: dict[str, Any] = {
            "auditor_ratings": _merge(current.auditor_ratings, self.auditor_ratings),
            "auditor_comments": _merge(current.auditor_comments, self.auditor_comments),
        }
        if include_self:
            changes["ratings"] = _merge(current.ratings, self.ratings)
            changes["reasoning"] = _merge(current.reasoning, self.reasoning)
        return current.with_changes(**changes)

    def as_new_balance(self) -> Balance:
        """The workbook as a balance of its own: everything exported, with every column imported."""
        return self.apply(self.exported, include_self=True)

    def problems_of(self, balance: Balance) -> list[Problem]:
        """Errors of `balance` (after apply), located at the cells they came from where possible."""
        return [self._locate(p) for p in validate_balance(balance, self.file) if p.severity == "error"]

    def warnings_of(self, balance: Balance) -> list[Problem]:
        return [self._locate(p) for p in validate_balance(balance, self.file) if p.severity == "warning"]

    def _locate(self, problem: Problem) -> Problem:
        where = self.locations.get(problem.location.field or "")
        if where is None:
            where = Location(file=self.file, sheet=META_SHEET, field=problem.location.field)
        return Problem(problem.code, where, problem.params, problem.severity)


def _merge(current: Mapping[str, Any], rows: Mapping[str, Any]) -> dict[str, Any]:
    merged = {k: v for k, v in current.items() if k not in rows}
    for code, value in rows.items():
        if value is not None and value != "":
            merged[code] = value
    return merged


# ---- reading


def read_balance_workbook(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    file: str | None = None,
    limits: Limits = BALANCE_LIMITS,
    progress: Progress | None = None,
) -> ParsedWorkbook:
    """Read and validate a balance workbook; raise InputError listing every problem found."""
    data, file = read_source(source, file, limits)
    step = _Steps(progress, 5)
    archive = check_container(data, file, limits)
    step()
    try:
        parts = sheet_parts(archive)
    except (KeyError, ValueError, SyntaxError) as exc:
        raise InputError([Problem("xlsx_damaged", Location(file=file), {"detail": str(exc)})]) from exc
    sheets = _find_sheets(parts, file)
    problems: list[Problem] = []
    for key, name in sheets.items():
        problems.extend(_check_sheet_part(archive, parts[name], name, key, file, limits))
    if problems:
        raise InputError(problems)
    step()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it drops; none of them is read
        workbook = _open(data, file)
        try:
            meta_rows = _read_meta_rows(workbook[sheets["meta"]], file, limits)
            version = _format_version(meta_rows, file)
            reader = READERS.get(version)
            if reader is None:  # a version between known ones that was never released
                raise InputError(
                    [_meta_problem(meta_rows, "format_version", "xlsx_format_unknown", file, found=version)]
                )
            return reader(workbook, sheets, meta_rows, file, limits, step)
        finally:
            workbook.close()


class _Steps:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done = min(self.done + 1, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total)


def _find_sheets(parts: Mapping[str, str], file: str | None) -> dict[str, str]:
    """Sheet key -> name in this workbook, for the sheets the reader needs."""
    found: dict[str, str] = {}
    problems = []
    wanted = {"meta": (META_SHEET, META_SHEET), "ratings": SHEETS["ratings"], "negative": SHEETS["negative"]}
    for key, names in wanted.items():
        match = next((n for n in parts if n in names), None)
        if match is None:
            lower = {normalise_header(n): n for n in parts}
            match = next((lower[normalise_header(n)] for n in names if normalise_header(n) in lower), None)
        if match is None:
            problems.append(
                Problem("xlsx_missing_sheet", Location(file=file), {"sheet": " / ".join(dict.fromkeys(names))})
            )
        else:
            found[key] = match
    if problems:
        raise InputError(problems)
    return found


def _check_sheet_part(archive: Any, part: str, name: str, key: str, file: str | None, limits: Limits) -> list[Problem]:
    try:
        facts = sheet_facts(archive, part)
    except KeyError:
        return [Problem("xlsx_damaged", Location(file=file, sheet=name), {"detail": f"{part} is missing"})]
    problems = []
    where = Location(file=file, sheet=name)
    if facts.rows > limits.rows:
        problems.append(Problem("xlsx_too_many_rows", where, {"rows": facts.rows, "limit": limits.rows}))
    if facts.columns > limits.columns:
        problems.append(Problem("xlsx_too_many_columns", where, {"columns": facts.columns, "limit": limits.columns}))
    if key != "meta":
        for ref in facts.merged:
            first = ref.split(":")[0]
            letters = first.rstrip("0123456789")
            problems.append(
                Problem(
                    "xlsx_merged_cells",
                    Location(file=file, sheet=name, row=int(first[len(letters) :]), column=letters),
                    {"range": ref},
                )
            )
    return problems


def _open(data: bytes, file: str | None) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on malformed parts; all mean "unreadable"
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise InputError([Problem("xlsx_unreadable", Location(file=file), {"detail": detail})]) from exc


def _rows(ws: Any, limits: Limits, file: str | None, sheet: str) -> Any:
    """iter_sheet_rows, with a failure of openpyxl to parse the sheet turned into a located problem."""
    rows = iter_sheet_rows(ws, limits)
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # malformed sheet XML surfaces as many exception types
            detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise InputError(
                [Problem("xlsx_unreadable", Location(file=file, sheet=sheet), {"detail": detail})]
            ) from exc
        yield item


MetaRows = dict[str, list[tuple[int, Any]]]


def _read_meta_rows(ws: Any, file: str | None, limits: Limits) -> MetaRows:
    rows: MetaRows = {}
    for number, cells in _rows(ws, Limits(rows=limits.json_chunks + 100, columns=4), file, META_SHEET):
        key_cell, value_cell = cells.get(1), cells.get(2)
        if key_cell is None or not isinstance(key_cell.value, str):
            continue
        rows.setdefault(key_cell.value.strip(), []).append((number, value_cell))
    return rows


def _meta_problem(rows: MetaRows, key: str, code: str, file: str | None, **params: Any) -> Problem:
    entries = rows.get(key)
    row = entries[0][0] if entries else None
    return Problem(code, Location(file=file, sheet=META_SHEET, row=row, column="B", field=key), params)


def _format_version(rows: MetaRows, file: str | None) -> int:
    entries = rows.get("format_version")
    if not entries:
        raise InputError(
            [Problem("xlsx_meta_missing", Location(file=file, sheet=META_SHEET), {"key": "format_version"})]
        )
    cell = entries[0][1]
    value = None if cell is None else cell.value
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) or value < 1:
        raise InputError([_meta_problem(rows, "format_version", "xlsx_format_unknown", file, found=value)])
    if value > FORMAT_VERSION:
        raise InputError(
            [
                _meta_problem(
                    rows, "format_version", "xlsx_format_newer", file, version=int(value), supported=FORMAT_VERSION
                )
            ]
        )
    return int(value)


# ---- format version 1


class _V1:
    """Reader of format version 1 (the first ECG Desktop workbook format)."""

    def __init__(self, sheets: Mapping[str, str], rows: MetaRows, file: str | None, limits: Limits) -> None:
        self.sheets, self.rows, self.file, self.limits = sheets, rows, file, limits
        self.problems: list[Problem] = []
        self.locations: dict[str, Location] = {}

    def at(self, sheet: str, row: int | None = None, column: int | None = None, field: str | None = None) -> Location:
        return Location(
            file=self.file, sheet=sheet, row=row, column=column_letter(column) if column else None, field=field
        )

    def add(self, message: str, where: Location, **params: Any) -> None:
        self.problems.append(Problem(message, where, params))

    # ---- _meta

    def meta(self) -> WorkbookMeta:
        values: dict[str, Any] = {}
        for key in META_KEYS:
            entries = self.rows.get(key)
            if not entries:
                if key not in ("balance_id", "balance_version", "app_version", "lang", "matrix_revision"):
                    self.add("xlsx_meta_missing", self.at(META_SHEET), key=key)
                values[key] = None
                continue
            row, cell = entries[0]
            value = None if cell is None else cell.value
            if cell is not None and cell.data_type == "f":
                self.add("xlsx_formula", self.at(META_SHEET, row, 2, key), formula=_short(value))
                value = None
            values[key] = value
        matrix = _as_text(values["matrix"])
        if values["matrix"] is not None and matrix not in VERSIONS:
            self.add("unknown_matrix", self._meta_at("matrix"), found=matrix, known=", ".join(VERSIONS))
        version = values["balance_version"]
        if version is not None and (isinstance(version, bool) or not isinstance(version, int | float)):
            self.add("not_a_number", self._meta_at("balance_version"), found=_describe(version))
            version = None
        period = None
        start, end = _as_text(values["period_start"]), _as_text(values["period_end"])
        if start or end:
            try:
                period = Period(date.fromisoformat(start), date.fromisoformat(end))
            except ValueError:
                self.add("not_a_date", self._meta_at("period_start"), found=f"{start} / {end}")
        identifier = _as_text(values["balance_id"]) or None
        return WorkbookMeta(
            format_version=1,
            app_version=_as_text(values["app_version"]),
            balance_id=identifier,
            balance_version=int(version) if version is not None else None,
            matrix=matrix,
            matrix_revision=_as_text(values["matrix_revision"]),
            type=_as_text(values["type"]),
            period=period,
            lang=_as_text(values["lang"]) or "en",
        )

    def _meta_at(self, key: str) -> Location:
        entries = self.rows.get(key)
        return self.at(META_SHEET, entries[0][0] if entries else None, 2, key)

    def exported(self, meta: WorkbookMeta) -> Balance | None:
        parts = self.rows.get("balance_json", [])
        if not parts:
            self.add("xlsx_meta_missing", self.at(META_SHEET), key="balance_json")
            return None
        declared = self.rows.get("balance_json_parts")
        count = declared[0][1].value if declared and declared[0][1] is not None else None
        if count != len(parts):
            self.add(
                "xlsx_meta_missing", self._meta_at("balance_json_parts"), key=f"balance_json ({len(parts)}/{count})"
            )
            return None
        texts = []
        for row, cell in parts:
            if cell is None or cell.value is None:
                texts.append("")
            elif cell.data_type == "f" or not isinstance(cell.value, str):
                self.add("not_a_string", self.at(META_SHEET, row, 2, "balance_json"), found=_describe(cell.value))
                return None
            else:
                texts.append(cell.value)
        first_row = parts[0][0]
        try:
            balance = balance_from_data(parse_json_text("".join(texts), self.file), self.file)
        except InputError as exc:
            for problem in exc.problems:
                self.problems.append(
                    Problem(
                        problem.code,
                        Location(
                            file=self.file,
                            sheet=META_SHEET,
                            row=first_row,
                            column="B",
                            field=problem.location.field or "balance_json",
                        ),
                        problem.params,
                    )
                )
            return None
        for key, theirs, ours in (
            ("matrix", meta.matrix, balance.matrix),
            ("type", meta.type, balance.type),
            ("period_start", meta.period.start.isoformat() if meta.period else "", _day(balance.period, "start")),
            ("period_end", meta.period.end.isoformat() if meta.period else "", _day(balance.period, "end")),
        ):
            if theirs != ours:
                self.add("xlsx_meta_mismatch", self._meta_at(key), key=key, meta=theirs or "-", content=ours or "-")
        return balance

    # ---- rating sheets

    def sheet(
        self,
        ws: Any,
        key: str,
        columns: tuple[Column, ...],
        matrix: Matrix,
        balance: Balance,
        expected: dict[str, tuple[Decimal, Decimal]],
        elsewhere: set[str],
        out: dict[str, dict[str, Any]],
    ) -> int:
        """Read one of Ratings / Negative aspects into `out`; return how many self cells changed."""
        name = self.sheets[key]
        headers = header_index(columns)
        where_of: dict[str, int] = {}
        seen: dict[str, int] = {}
        changed = 0
        header_done = False
        for number, cells in _rows(ws, self.limits, self.file, name):
            if number > self.limits.rows:
                self.add("xlsx_too_many_rows", self.at(name, number), rows=number, limit=self.limits.rows)
                break
            if not header_done:
                header_done = True
                if number != 1:
                    self.add("xlsx_missing_column", self.at(name, 1), header=columns[0].header("en"))
                    return 0
                where_of = self._header(name, cells, headers, columns)
                if any(k not in where_of for k in ("code", *EDITABLE_KEYS)):
                    return 0
                continue
            changed += self._row(name, number, cells, where_of, matrix, balance, expected, elsewhere, seen, out)
        if not header_done:
            self.add("xlsx_missing_column", self.at(name, 1), header=columns[0].header("en"))
            return 0
        for code in expected:
            if code not in seen:
                self.add("xlsx_missing_row", self.at(name, None, where_of.get("code", 1)), code=code)
        return changed

    def _header(
        self, sheet: str, cells: dict[int, Any], headers: dict[str, str], columns: tuple[Column, ...]
    ) -> dict[str, int]:
        found: dict[str, int] = {}
        for column, cell in sorted(cells.items()):
            text = cell.value if isinstance(cell.value, str) else str(cell.value)
            key = headers.get(normalise_header(text))
            if key is None:
                continue
            if key in found:
                self.add("xlsx_duplicate_column", self.at(sheet, 1, column), header=text)
                continue
            found[key] = column
        for wanted in columns:
            if wanted.key in ("code", *EDITABLE_KEYS) and wanted.key not in found:
                self.add("xlsx_missing_column", self.at(sheet, 1), header=f"{wanted.en} / {wanted.de}")
        return found

    def _row(
        self,
        sheet: str,
        number: int,
        cells: dict[int, Any],
        where_of: dict[str, int],
        matrix: Matrix,
        balance: Balance,
        expected: dict[str, tuple[Decimal, Decimal]],
        elsewhere: set[str],
        seen: dict[str, int],
        out: dict[str, dict[str, Any]],
    ) -> int:
        code_column = where_of["code"]
        code_cell = cells.get(code_column)
        used = [cells.get(where_of[k]) for k in EDITABLE_KEYS]
        if code_cell is None:
            if any(c is not None for c in used):
                self.add("missing_key", self.at(sheet, number, code_column), key="Code")
            return 0
        if code_cell.data_type == "f":
            self.add("xlsx_formula", self.at(sheet, number, code_column), formula=_short(code_cell.value))
            return 0
        code = _as_text(code_cell.value).strip()
        if code not in expected:
            if code in elsewhere:
                other = self.sheets["negative" if sheet == self.sheets["ratings"] else "ratings"]
                self.add("xlsx_code_wrong_sheet", self.at(sheet, number, code_column), code=code, sheet=other)
            else:
                self.add(
                    "unknown_code",
                    self.at(sheet, number, code_column),
                    code=code,
                    matrix=matrix.version,
                    type=balance.type,
                )
            return 0
        if code in seen:
            self.add("xlsx_duplicate_row", self.at(sheet, number, code_column), code=code, first_row=seen[code])
            return 0
        seen[code] = number
        low, high = expected[code]
        changed = 0
        for key, target, original in (
            ("self", "ratings", balance.ratings.get(code)),
            ("auditor", "auditor_ratings", balance.auditor_ratings.get(code)),
        ):
            column = where_of[key]
            value = self._level(cells.get(column), sheet, number, column, low, high, original)
            out[target][code] = value
            self.locations[f"{target}.{code}"] = self.at(sheet, number, column)
            if key == "self" and value != original:
                changed += 1
        for key, target, original_text in (
            ("reasoning", "reasoning", balance.reasoning.get(code, "")),
            ("comment", "auditor_comments", balance.auditor_comments.get(code, "")),
        ):
            column = where_of[key]
            text = self._text(cells.get(column), sheet, number, column, original_text)
            out[target][code] = text
            self.locations[f"{target}.{code}"] = self.at(sheet, number, column)
            if key == "reasoning" and text != original_text:
                changed += 1
        return changed

    def _level(
        self, cell: Any, sheet: str, row: int, column: int, low: Decimal, high: Decimal, original: Decimal | None
    ) -> Decimal | None:
        if cell is None or cell.value is None or cell.value == "":
            return None
        value = cell.value
        where = self.at(sheet, row, column)
        if cell.data_type == "f":
            self.add("xlsx_formula", where, formula=_short(value))
            return None
        if same_number(value, original):
            return original
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add("not_a_number", where, found=_describe(value))
            return None
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if not number.is_finite():
            self.add("not_finite", where, value=str(value))
            return None
        if not (low <= number <= high):
            self.add("out_of_range", where, value=decimal_text(number), low=decimal_text(low), high=decimal_text(high))
            return None
        return number

    def _text(self, cell: Any, sheet: str, row: int, column: int, original: str) -> str:
        value = None if cell is None else cell.value
        where = self.at(sheet, row, column)
        if cell is not None and cell.data_type == "f":
            self.add("xlsx_formula", where, formula=_short(value))
            return ""
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
            self.add("not_a_string", where, found=_describe(value))
            return ""
        text = _cell_string(value)
        if original and _lines(text) == _lines(cell_text(original)):
            return original  # unchanged: keep what was exported, even beyond what a cell holds
        if len(text) > EXCEL_MAX_TEXT:
            self.add("text_too_long", where, length=len(text), limit=EXCEL_MAX_TEXT)
            return ""
        return text


def _cell_string(value: str | float | None) -> str:
    """A text cell's content; a number typed into a text column counts as its digits."""
    if value is None:
        return ""
    return value if isinstance(value, str) else decimal_text(Decimal(repr(value)))


def _lines(text: str) -> str:
    """XML turns a carriage return into a line feed: compare texts with line ends unified."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_v1(
    workbook: Any, sheets: Mapping[str, str], rows: MetaRows, file: str | None, limits: Limits, step: _Steps
) -> ParsedWorkbook:
    reader = _V1(sheets, rows, file, limits)
    meta = reader.meta()
    exported = reader.exported(meta) if not reader.problems else None
    step()
    if exported is None or reader.problems:
        raise InputError(reader.problems)
    matrix = load_matrix(exported.matrix)
    positives: dict[str, tuple[Decimal, Decimal]] = {}
    negatives: dict[str, tuple[Decimal, Decimal]] = {}
    for aspect in matrix.aspects(exported.type):
        if aspect.positive:
            positives[aspect.code] = matrix.rating_range
        else:
            negatives[aspect.code] = matrix.deduction_range
    for criterion in matrix.negative_criteria:
        negatives[criterion.code] = (criterion.deduction, Decimal(0))
    out: dict[str, dict[str, Any]] = {k: {} for k in ("ratings", "reasoning", "auditor_ratings", "auditor_comments")}
    changed = reader.sheet(
        workbook[sheets["ratings"]], "ratings", RATING_COLUMNS, matrix, exported, positives, set(negatives), out
    )
    step()
    changed += reader.sheet(
        workbook[sheets["negative"]], "negative", NEGATIVE_COLUMNS, matrix, exported, negatives, set(positives), out
    )
    step()
    if reader.problems:
        raise InputError(reader.problems)
    parsed = ParsedWorkbook(
        meta=meta,
        exported=exported,
        ratings=out["ratings"],
        reasoning=out["reasoning"],
        auditor_ratings=out["auditor_ratings"],
        auditor_comments=out["auditor_comments"],
        self_changes=changed,
        locations=reader.locations,
        file=file,
    )
    errors = parsed.problems_of(parsed.as_new_balance())
    if errors:
        raise InputError(errors)
    return parsed


Reader = Callable[[Any, Mapping[str, str], MetaRows, str | None, Limits, _Steps], ParsedWorkbook]
# Format version -> reader. A new format adds its reader here and keeps every older one.
READERS: dict[int, Reader] = {1: _read_v1}


# ---- applying through the service


@dataclass(frozen=True)
class ImportOutcome:
    balance_id: Any
    created: bool
    warnings: tuple[Problem, ...] = ()


def import_balance_workbook(
    service: Any,
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    target_id: Any = None,
    as_new: bool = False,
    include_self: bool = False,
    file: str | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Import a workbook through the service in one transaction; nothing changes on any problem.

    Without `as_new` the workbook updates its own balance (or `target_id`, which must be the
    same balance): a workbook of another balance, matrix, type or period is refused. With
    `as_new` it becomes a new balance holding every column of the workbook.
    """
    parsed = read_balance_workbook(source, file=file, progress=progress)
    notes: list[Problem] = []
    if as_new:
        balance = parsed.as_new_balance()
        notes.extend(parsed.warnings_of(balance))
        kept = []
        for ref in balance.evidence:
            if _in_vault(service, ref.sha256):
                kept.append(ref)
            else:
                where = Location(file=parsed.file, sheet=META_SHEET, field="evidence")
                params = {"name": ref.name, "sha256": ref.sha256[:12]}
                notes.append(Problem("xlsx_evidence_dropped", where, params, "warning"))
        balance = balance.with_changes(evidence=tuple(kept))
        new_id = service.import_balance(balance)
        return ImportOutcome(new_id, True, tuple(notes))
    identifier = target_id if target_id is not None else parsed.meta.balance_id
    where = Location(file=parsed.file, sheet=META_SHEET, field="balance_id")
    if identifier is None:
        raise InputError([Problem("xlsx_no_balance_id", where)])
    identifier = _service_id(identifier)
    try:
        info = service.balance_info(identifier)
    except (ECGError, LookupError) as exc:
        raise InputError([Problem("xlsx_unknown_balance", where, {"id": identifier})]) from exc
    problems = check_target(parsed, info)
    if problems:
        raise InputError(problems)
    current = service.get_balance(identifier)
    balance = parsed.apply(current, include_self=include_self)
    errors = parsed.problems_of(balance)
    if errors:
        raise InputError(errors)
    notes.extend(parsed.warnings_of(balance))
    version = getattr(info, "version", None)
    if parsed.meta.balance_version is not None and version is not None and version != parsed.meta.balance_version:
        notes.append(
            Problem(
                "xlsx_changed_since_export",
                Location(file=parsed.file, sheet=META_SHEET, field="balance_version"),
                {"exported": parsed.meta.balance_version, "current": version},
                "warning",
            )
        )
    if parsed.self_changes and not include_self:
        notes.append(
            Problem("xlsx_self_ignored", Location(file=parsed.file), {"count": parsed.self_changes}, "warning")
        )
    service.replace_balance_content(identifier, balance, expected_version=version)
    return ImportOutcome(identifier, False, tuple(notes))


def check_target(parsed: ParsedWorkbook, info: Any) -> list[Problem]:
    """Problems that make the workbook belong to another balance than `info` describes."""
    meta = parsed.meta
    problems: list[Problem] = []

    def where(key: str) -> Location:
        return Location(file=parsed.file, sheet=META_SHEET, field=key)

    own_id = getattr(info, "id", None)
    if meta.balance_id is not None and own_id is not None and str(own_id) != meta.balance_id:
        problems.append(
            Problem("xlsx_other_balance", where("balance_id"), {"found": meta.balance_id, "expected": own_id})
        )
    matrix = getattr(info, "matrix", None)
    if matrix is not None and matrix != meta.matrix:
        problems.append(Problem("xlsx_other_matrix", where("matrix"), {"found": meta.matrix, "expected": matrix}))
    kind = getattr(info, "type", None)
    if kind is not None and kind != meta.type:
        problems.append(Problem("xlsx_other_type", where("type"), {"found": meta.type, "expected": kind}))
    period = getattr(info, "period", None)
    if period is not None and meta.period is not None and _period_text(period) != _period_text(meta.period):
        problems.append(
            Problem(
                "xlsx_other_period",
                where("period_start"),
                {"found": _period_text(meta.period), "expected": _period_text(period)},
            )
        )
    return problems


# ---- small helpers


def _in_vault(service: Any, sha256: str) -> bool:
    """True when the store already holds the evidence file (a new balance may only link those)."""
    try:
        service.evidence_file(sha256)
    except (ECGError, LookupError, OSError):
        return False
    return True


def _service_id(identifier: Any) -> Any:
    if isinstance(identifier, str) and identifier.strip().isdigit():
        return int(identifier.strip())
    return identifier


def _period_text(period: Any) -> str:
    start = getattr(period, "start", None)
    end = getattr(period, "end", None)
    if start is None and isinstance(period, tuple | list) and len(period) == 2:
        start, end = period
    return f"{_iso(start)} – {_iso(end)}"


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _day(period: Period | None, which: str) -> str:
    return getattr(period, which).isoformat() if period else ""


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value).strip()


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{_short(value)}"'  # quoted, so it reads the same inside an English or German message
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date):
        return value.isoformat()
    return _short(value)


__all__ = [
    "READERS",
    "ImportOutcome",
    "ParsedWorkbook",
    "WorkbookMeta",
    "check_target",
    "import_balance_workbook",
    "read_balance_workbook",
]
