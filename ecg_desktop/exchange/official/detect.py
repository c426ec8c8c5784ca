"""Tell the three balance inputs apart by their content (never by the file name) and read any of them.

- an official calculator workbook: an .xlsx (zip) file with the sheet `3. Calc`;
- a web-calculator balance JSON: a JSON object with `companyFacts`, `ratings` or type Full/Compact;
- our balance JSON: a JSON object with `matrix` (and usually `format`).

`read_any_balance(path)` is the hook the `import` command and the app's import dialog use.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from ecg_desktop.balance.model import Balance
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.exchange.official.parity import ParityReport, compare

ZIP_SIGNATURE = b"PK\x03\x04"
CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE2: a legacy .xls or a password-protected .xlsx
KINDS = ("workbook", "ecalc", "balance")


@dataclass(frozen=True)
class OfficialImport:
    """What was read: the balance, which kind of input it was, the parity report (if any) and notes."""

    balance: Balance
    kind: str  # "workbook", "ecalc" or "balance"
    parity: ParityReport | None
    notes: tuple[Problem, ...] = ()


def detect_kind(data: bytes, file: str | None = None) -> str:
    """ "workbook", "ecalc" or "balance" from the bytes; InputError when it is none of them."""
    if data.startswith(CFB_SIGNATURE):
        raise InputError([Problem("official_legacy_file", Location(file=file))])
    if data.startswith(ZIP_SIGNATURE):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile as exc:
            raise InputError(
                [Problem("file_unreadable", Location(file=file), {"reason": f"a damaged zip file ({exc})"})]
            ) from exc
        if "xl/workbook.xml" in names:
            return "workbook"
        raise InputError([Problem("official_unknown_format", Location(file=file))])
    from ecg_desktop.balance.json_format import parse_json_text
    from ecg_desktop.exchange.official.ecalc_json import is_ecalc_data

    text = data.decode("utf-8-sig", errors="strict") if _is_text(data) else None
    if text is None or not text.lstrip().startswith("{"):
        raise InputError([Problem("official_unknown_format", Location(file=file))])
    parsed = parse_json_text(text, file)
    if is_ecalc_data(parsed):
        return "ecalc"
    if isinstance(parsed, dict) and ("matrix" in parsed or "format" in parsed):
        return "balance"
    raise InputError([Problem("official_unknown_format", Location(file=file))])


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def read_any(source: str | Path | bytes, file: str | None = None, *, name_from_file: bool = True) -> OfficialImport:
    """Read a workbook, a web-calculator JSON or our balance JSON; raise InputError with located problems.

    With `name_from_file`, a workbook or web-calculator file that names no organisation gets the
    file's name (without extension) as the organisation's name, and a note says so.
    """
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        file = file or str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(
                [Problem("file_unreadable", Location(file=file), {"reason": exc.strerror or str(exc)})]
            ) from exc
    kind = detect_kind(data, file)
    parity: ParityReport | None = None
    notes: tuple[Problem, ...] = ()
    if kind == "workbook":
        from ecg_desktop.exchange.official.workbook import read_workbook

        read = read_workbook(data, file)
        balance, notes = read.balance, read.notes
        balance, notes = _named(balance, notes, file, name_from_file)
        parity = compare(balance, read.results, file=file, notes=notes)
    elif kind == "ecalc":
        from ecg_desktop.exchange.official.ecalc_json import load_ecalc

        balance, results, notes = load_ecalc(data, file)
        balance, notes = _named(balance, notes, file, name_from_file)
        if results is not None:
            parity = compare(balance, results, file=file, notes=notes)
    else:
        from ecg_desktop.balance.json_format import load_balance

        balance = load_balance(data, file)
    return OfficialImport(balance, kind, parity, notes)


def read_any_balance(path: str | Path) -> tuple[Balance, ParityReport | None]:
    """The import hook: the balance in `path` (any of the three kinds) and the parity report, if any."""
    result = read_any(path)
    return result.balance, result.parity


def _named(
    balance: Balance, notes: tuple[Problem, ...], file: str | None, name_from_file: bool
) -> tuple[Balance, tuple[Problem, ...]]:
    if balance.organisation.name or not name_from_file or not file:
        return balance, notes
    name = Path(file).stem.strip()
    if not name:
        return balance, notes
    note = Problem("official_name_from_file", Location(file=file), {"name": name}, "warning")
    return balance.with_changes(organisation=replace(balance.organisation, name=name)), (*notes, note)
