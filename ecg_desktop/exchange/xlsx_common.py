"""What the balance workbook writer and reader share: sheet and column names, limits, safe text,
and the checks that run on the raw file before openpyxl reads a single cell.

The workbook format is versioned (`FORMAT_VERSION`, written to the hidden `_meta` sheet). A
reader for every format version ever written lives in xlsx_import.READERS; a new version adds
a reader and keeps the old ones. Column headers are matched in either UI language, so a
workbook exported in German imports in an English app and the other way round.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from ecg_desktop.errors import InputError, Location, Problem

FORMAT_VERSION = 1
META_SHEET = "_meta"
LISTS_SHEET = "_lists"
EXCEL_MAX_TEXT = 32_767  # the most characters one cell holds in Excel
JSON_CHUNK = 30_000  # characters of the embedded balance JSON per _meta cell

CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE2: encrypted OOXML or a legacy .xls
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True)
class Limits:
    """How much of a file the reader accepts before refusing it (fast, without reading cells)."""

    file_bytes: int = 50_000_000
    uncompressed_bytes: int = 200_000_000
    compression_ratio: int = 1_000  # a part that unpacks to more than 1000x its size is a zip bomb
    shared_strings_bytes: int = 20_000_000
    rows: int = 5_000
    columns: int = 64
    json_chunks: int = 2_000


BALANCE_LIMITS = Limits()
PORTFOLIO_LIMITS = Limits(
    file_bytes=500_000_000,
    uncompressed_bytes=2_000_000_000,
    shared_strings_bytes=400_000_000,
    rows=500_000,
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet: a stable key, its header in both languages, width, editable or computed."""

    key: str
    en: str
    de: str
    width: int = 12
    editable: bool = False

    def header(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


# Sheet key -> (English name, German name). The reader accepts either name.
SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("Overview", "Übersicht"),
    "facts": ("Company facts", "Unternehmensdaten"),
    "ratings": ("Ratings", "Bewertungen"),
    "negative": ("Negative aspects", "Negativaspekte"),
    "evidence": ("Evidence", "Nachweise"),
    "matrix": ("Matrix", "Matrix"),
}


def sheet_name(key: str, lang: str) -> str:
    en, de = SHEETS[key]
    return de if lang == "de" else en


RATING_COLUMNS: tuple[Column, ...] = (
    Column("code", "Code", "Code", 9),
    Column("theme", "Theme", "Thema", 8),
    Column("name", "Aspect", "Aspekt", 42),
    Column("weight", "Weight", "Gewichtung", 10),
    Column("why", "Why this weight", "Warum diese Gewichtung", 44),
    Column("self", "Self level", "Stufe Selbsteinschätzung", 14, editable=True),
    Column("reasoning", "Reasoning", "Begründung", 50, editable=True),
    Column("auditor", "Auditor level", "Stufe Auditor", 14, editable=True),
    Column("comment", "Auditor comment", "Kommentar Auditor", 50, editable=True),
    Column("points", "Points", "Punkte", 10),
    Column("auditor_points", "Auditor points", "Punkte Auditor", 12),
    Column("max", "Maximum", "Maximum", 10),
)
NEGATIVE_COLUMNS: tuple[Column, ...] = (
    Column("code", "Code", "Code", 9),
    Column("theme", "Theme", "Thema", 8),
    Column("name", "Negative aspect", "Negativaspekt", 42),
    Column("self", "Self deduction", "Abzug Selbsteinschätzung", 14, editable=True),
    Column("reasoning", "Reasoning", "Begründung", 50, editable=True),
    Column("auditor", "Auditor deduction", "Abzug Auditor", 14, editable=True),
    Column("comment", "Auditor comment", "Kommentar Auditor", 50, editable=True),
    Column("points", "Points", "Punkte", 10),
    Column("auditor_points", "Auditor points", "Punkte Auditor", 12),
    Column("limit", "Largest deduction", "Größter Abzug", 12),
)
EVIDENCE_COLUMNS: tuple[Column, ...] = (
    Column("name", "File name", "Dateiname", 36),
    Column("sha256", "SHA-256", "SHA-256", 66),
    Column("size", "Size (bytes)", "Größe (Bytes)", 14),
    Column("codes", "Linked aspects", "Verknüpfte Aspekte", 28),
    Column("description", "Description", "Beschreibung", 40),
    Column("added_at", "Added", "Hinzugefügt", 22),
)
# Keys of the _meta sheet (column A key, column B value), in the order written.
META_KEYS = (
    "format_version",
    "app_version",
    "balance_id",
    "balance_version",
    "matrix",
    "matrix_revision",
    "type",
    "period_start",
    "period_end",
    "lang",
    "balance_json_parts",
)


def header_index(columns: tuple[Column, ...]) -> dict[str, str]:
    """Header text (case-folded, trimmed, either language) -> column key."""
    index: dict[str, str] = {}
    for column in columns:
        index[normalise_header(column.en)] = column.key
        index[normalise_header(column.de)] = column.key
    return index


def normalise_header(text: str) -> str:
    return " ".join(text.split()).casefold()


# ---- text that Excel and XML accept

# XML 1.0 forbids these characters; openpyxl refuses them. Lone surrogates cannot be encoded.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@")


def cell_text(text: str) -> str:
    """`text` as one cell can hold it: characters XML cannot carry become U+FFFD, and a text over
    Excel's 32,767 characters is cut (the full text travels in the embedded balance JSON; an
    unchanged cell imports as the original, see xlsx_import)."""
    cleaned = _NOT_XML.sub("\ufffd", text)
    if len(cleaned) > EXCEL_MAX_TEXT:
        cleaned = cleaned[: EXCEL_MAX_TEXT - 1] + "…"
    return cleaned


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def cell_number(value: Decimal) -> int | float:
    """A Decimal as the number a cell stores (Excel keeps binary doubles)."""
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    return float(value)


def written_number(value: Decimal) -> float:
    """The number a cell holds after openpyxl wrote `value` (it writes 16 significant digits)."""
    return float("%.16g" % cell_number(value))  # noqa: UP031 - the exact format openpyxl uses


def same_number(cell_value: Any, original: Decimal | None) -> bool:
    """True when a cell still holds what the writer put there for `original`."""
    if original is None or isinstance(cell_value, bool) or not isinstance(cell_value, int | float):
        return False
    return float(cell_value) == written_number(original)


# ---- checks on the raw file


def read_source(
    source: str | os.PathLike[str] | bytes | IO[bytes], file: str | None, limits: Limits
) -> tuple[bytes, str | None]:
    """The bytes of a workbook given as bytes, a path or a binary stream (size-checked first)."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), file
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        file = file or path
        try:
            size = os.path.getsize(path)
            if size > limits.file_bytes:
                raise InputError(
                    [Problem("xlsx_too_large", Location(file=file), {"size": size, "limit": limits.file_bytes})]
                )
            with open(path, "rb") as handle:
                return handle.read(), file
        except OSError as exc:
            raise InputError(
                [Problem("file_unreadable", Location(file=file), {"reason": exc.strerror or str(exc)})]
            ) from exc
    return source.read(limits.file_bytes + 1), file


def _problem(code: str, file: str | None, **params: Any) -> Problem:
    return Problem(code, Location(file=file), params)


def check_container(data: bytes, file: str | None, limits: Limits) -> zipfile.ZipFile:
    """Open `data` as a zip after checking what can be checked without unpacking anything.

    Refused, each with a message: too large, an encrypted (password-protected) workbook or a
    legacy .xls, not a zip at all, a truncated or damaged zip, a part that unpacks to far more
    than its size (zip bomb), a workbook without its workbook part, an oversized shared-strings
    part. The parts' declared sizes bound what zipfile later unpacks.
    """
    import io

    if len(data) > limits.file_bytes:
        raise InputError([_problem("xlsx_too_large", file, size=len(data), limit=limits.file_bytes)])
    if data.startswith(CFB_SIGNATURE):
        code = "xlsx_encrypted" if "EncryptionInfo".encode("utf-16-le") in data[:65536] else "xlsx_legacy_format"
        raise InputError([_problem(code, file)])
    if not data.startswith(ZIP_SIGNATURES):
        raise InputError([_problem("xlsx_not_a_zip", file)])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError([_problem("xlsx_damaged", file, detail=str(exc) or type(exc).__name__)]) from exc
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:
            raise InputError([_problem("xlsx_encrypted", file)])
        name = info.filename.lower()
        if name.endswith("sharedstrings.xml") and info.file_size > limits.shared_strings_bytes:
            raise InputError(
                [
                    _problem(
                        "xlsx_shared_strings_too_large",
                        file,
                        size=info.file_size,
                        limit=limits.shared_strings_bytes,
                    )
                ]
            )
        if info.file_size > limits.compression_ratio * max(info.compress_size, 1) and info.file_size > 1_000_000:
            raise InputError([_problem("xlsx_zip_bomb", file, part=info.filename, size=info.file_size)])
    if total > limits.uncompressed_bytes:
        raise InputError([_problem("xlsx_too_large", file, size=total, limit=limits.uncompressed_bytes)])
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError([_problem("xlsx_not_a_workbook", file)])
    bad = archive.testzip() if len(data) < 5_000_000 else None  # CRC of every part (cheap for a balance)
    if bad is not None:
        raise InputError([_problem("xlsx_damaged", file, detail=f"bad CRC in {bad}")])
    return archive


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+\d+:[A-Z]+\d+)\"")


@dataclass(frozen=True)
class SheetFacts:
    """What the raw sheet part says about itself: claimed size and merged ranges."""

    rows: int
    columns: int
    merged: tuple[str, ...]


_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d+)\"")
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")


def sheet_facts(archive: zipfile.ZipFile, part: str) -> SheetFacts:
    """The rows and columns a sheet part claims, and its merged cell ranges, from the raw XML.

    Rows: the larger of the dimension's claim, the last row number and the number of row
    elements (a sheet without a dimension still cannot hide a row far down). Merged ranges sit
    after the cells. The part's size is already bounded by check_container.
    """
    rows = columns = 0
    merged: set[str] = set()
    row_elements = 0
    last_row = 0
    with archive.open(part) as handle:
        chunk = handle.read(4096)
        found = _DIMENSION.search(chunk)
        if found:
            end_col, end_row = found.group(3), found.group(4)
            if end_row is None:
                end_col, end_row = found.group(1), found.group(2)
            rows = int(end_row) if end_row else 0
            columns = column_number(end_col.decode()) if end_col else 0
        tail = b""
        while chunk:
            window = tail + chunk
            # count row starts only in the new bytes (the tail was counted with the previous chunk)
            row_elements += len(_ROW_START.findall(window)) - len(_ROW_START.findall(tail))
            numbers = _ROW.findall(window)
            if numbers:
                last_row = max(last_row, int(numbers[-1]))
            if b"mergeCell" in window:
                merged.update(m.decode() for m in _MERGE.findall(window))
            tail = window[-200:]
            chunk = handle.read(1 << 20)
    return SheetFacts(max(rows, last_row, row_elements), columns, tuple(sorted(merged)))


def column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (ord(char.upper()) - 64)
    return number


def column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name inside the zip, from workbook.xml and its relationships."""
    from openpyxl.xml.functions import fromstring  # defusedxml when installed, as openpyxl reads

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels_xml = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels_xml}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        target = targets.get(sheet.get(f"{ns_rel}id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[sheet.get("name", "")] = part
    return parts


def workbook_kind(path: str | os.PathLike[str]) -> str | None:
    """ "balance" for a balance workbook of this app, "portfolio" for a portfolio workbook, else None.

    Looks only at the sheet names in workbook.xml, so it is cheap and safe on any file.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo("xl/workbook.xml").file_size > 10_000_000:
                return None
            names = set(sheet_parts(archive))
    except (OSError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile):
        return None
    if META_SHEET in names and "_balances" in names:
        return "portfolio"
    if META_SHEET in names and names & set(SHEETS["ratings"]):
        return "balance"
    return None


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while bulk work builds many long-lived objects.

    Reading a 1,000-balance portfolio and storing it creates about a million objects; every
    full collection then walks all of them while holding the GIL (60-100 ms each, several per
    import), which freezes the UI thread even though the work runs on a worker thread.
    Reference counting still frees everything that is not in a cycle. Nestable and
    thread-safe: collection resumes when the last pause ends (if it was on before).
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def iter_sheet_rows(ws: Any, limits: Limits) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column number: cell}) of a read-only worksheet, only the cells the file holds.

    Reads at most `limits.rows` + 1 rows and `limits.columns` columns, so neither a sparse row
    far down the sheet nor a row a million cells wide costs time; the caller reports a row
    number beyond the limit.
    """
    for row in ws.iter_rows(max_row=limits.rows + 1, max_col=limits.columns):
        cells = {c.column: c for c in row if getattr(c, "row", None) is not None and c.value is not None}
        if cells:
            yield next(iter(cells.values())).row, cells


__all__ = [
    "BALANCE_LIMITS",
    "EVIDENCE_COLUMNS",
    "FORMAT_VERSION",
    "META_KEYS",
    "META_SHEET",
    "NEGATIVE_COLUMNS",
    "PORTFOLIO_LIMITS",
    "RATING_COLUMNS",
    "SHEETS",
    "Column",
    "Limits",
    "SheetFacts",
    "cell_number",
    "cell_text",
    "check_container",
    "column_letter",
    "gc_paused",
    "header_index",
    "iter_sheet_rows",
    "looks_like_formula",
    "same_number",
    "sheet_facts",
    "sheet_name",
    "sheet_parts",
    "workbook_kind",
]
