"""Generate the corpus of malformed balance workbooks and its manifest (expected problem and place).

Run from the repository root:  python tests/data/xlsx_corpus/make_corpus.py
The generated files are committed; tests/exchange/test_xlsx_corpus.py imports each of them into
a database holding `base_balance()` as balance 1 (and `other_balance()` as balance 2) and
checks that every file is refused with the expected located problem and changes nothing.

Big cases stay small on disk: a million rows is one sparse row whose dimension claims them,
huge shared strings and the zip bomb are long runs of one character that deflate a
thousandfold, the encrypted workbook is a minimal OLE2 container with an EncryptionInfo stream.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from ecg_desktop.balance.json_format import load_balance  # noqa: E402
from ecg_desktop.balance.model import Balance, Organisation, Period  # noqa: E402
from ecg_desktop.exchange.xlsx_common import sheet_parts  # noqa: E402
from ecg_desktop.exchange.xlsx_export import build_balance_workbook  # noqa: E402

FIXED_TIME = datetime(2025, 1, 1, 12, 0, 0)


def base_balance() -> Balance:
    """Balance 1 of the corpus database: the sample bakery, 2023-2024, with one auditor rating."""
    sample = load_balance((HERE.parents[2] / "examples" / "sample-5.1.json").read_bytes())
    return sample.with_changes(
        period=Period(date(2023, 1, 1), date(2024, 12, 31)),
        auditor_ratings={"A1.1": Decimal(3)},
        auditor_comments={"A1.1": "supplier visit report seen"},
    )


def other_balance() -> Balance:
    """Balance 2: another organisation, same matrix and period."""
    return base_balance().with_changes(organisation=Organisation(name="Weberei Schmidt"))


def workbook_bytes(balance: Balance, balance_id: int | str | None = 1, version: int = 1, lang: str = "en") -> bytes:
    workbook = build_balance_workbook(balance, balance_id=balance_id, balance_version=version, lang=lang)
    return save(workbook)


def save(workbook: Any) -> bytes:
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def edit(change: Callable[[Any], None], balance: Balance | None = None) -> bytes:
    """The base workbook loaded fully, changed by `change`, saved again."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(workbook_bytes(balance or base_balance())))
    change(workbook)
    return save(workbook)


def rezip(data: bytes, change: Callable[[dict[str, bytes]], None]) -> bytes:
    """Rewrite the zip parts of a workbook with `change(parts)`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


def part_of(data: bytes, sheet: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sheet_parts(archive)[sheet]


def row_of(ws: Any, code: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


# ---- an OLE2 compound file, as Office writes encrypted workbooks and legacy .xls files

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A minimal valid compound file (version 3, 512-byte sectors) holding `streams`.

    Each stream is padded to at least 4096 bytes so none goes to the mini stream.
    """
    padded = [(name, content.ljust(max(4096, -(-len(content) // 512) * 512), b"\0")) for name, content in streams]
    fat = [FATSECT, END]
    sector = 2
    starts = []
    for _, content in padded:
        count = len(content) // 512
        starts.append(sector)
        fat.extend([*range(sector + 1, sector + count), END])
        sector += count
    fat += [FREE] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, END, 0, END)
    struct.pack_into("<I", header, 72, 0)
    struct.pack_into("<109I", header, 76, 0, *([FREE] * 108))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le")
        raw[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded) + 2, kind, 1)
        struct.pack_into("<III", raw, 68, left, right, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    directory = entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)
    for i, ((name, _), start) in enumerate(zip(padded, starts, strict=True), start=1):
        right = i + 1 if i < len(padded) else NOSTREAM
        directory += entry(name, 2, NOSTREAM, right, NOSTREAM, start, len(streams[i - 1][1]))
    directory = directory.ljust(512, b"\0")
    body = struct.pack("<128I", *fat) + directory + b"".join(content for _, content in padded)
    return bytes(header) + body


ENCRYPTION_INFO = struct.pack("<HHI", 4, 4, 0x40) + (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
    b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
    b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
    b"</encryption>"
)


# ---- the cases


def cases() -> dict[str, tuple[bytes, dict[str, Any]]]:
    """File name -> (content, what the import must report)."""
    good = workbook_bytes(base_balance())
    ratings_part = part_of(good, "Ratings")
    out: dict[str, tuple[bytes, dict[str, Any]]] = {}

    def add(name: str, data: bytes, code: str, **where: Any) -> None:
        out[name] = (data, {"code": code, **where})

    add("not_a_zip.xlsx", b"Code;Self level\nA1.1;5\n", "xlsx_not_a_zip")
    add("empty_file.xlsx", b"", "xlsx_not_a_zip")
    add("truncated_zip.xlsx", good[: len(good) // 2], "xlsx_damaged")
    add(
        "encrypted.xlsx",
        compound_file([("EncryptionInfo", ENCRYPTION_INFO), ("EncryptedPackage", bytes(range(256)) * 16)]),
        "xlsx_encrypted",
    )
    add("legacy_xls.xlsx", compound_file([("Workbook", b"\x09\x08\x10\x00" + bytes(4092))]), "xlsx_legacy_format")

    def zip_of(parts: dict[str, bytes]) -> bytes:
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in parts.items():
                archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6]), content)
        return stream.getvalue()

    add("zip_not_a_workbook.xlsx", zip_of({"readme.txt": b"hello", "data/a.csv": b"1,2"}), "xlsx_not_a_workbook")

    def huge_strings(parts: dict[str, bytes]) -> None:
        parts["xl/sharedStrings.xml"] = (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
            b"<si><t>" + b"A" * 24_000_000 + b"</t></si></sst>"
        )

    add("huge_shared_strings.xlsx", rezip(good, huge_strings), "xlsx_shared_strings_too_large")

    def bomb(parts: dict[str, bytes]) -> None:
        parts["xl/media/image1.bin"] = b"\0" * 60_000_000

    add("zip_bomb.xlsx", rezip(good, bomb), "xlsx_zip_bomb")

    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(stored, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        padding = zipfile.ZipInfo("customXml/item1.xml", date_time=FIXED_TIME.timetuple()[:6])
        target.writestr(padding, b"<padding>" + b"P" * 200 + b"</padding>")  # stored, not compressed
    corrupt = bytearray(stored.getvalue())
    corrupt[corrupt.rindex(b"PPPP")] ^= 0x01  # one flipped bit: only the CRC notices
    add("bad_crc.xlsx", bytes(corrupt), "xlsx_damaged")

    add("missing_ratings_sheet.xlsx", edit(lambda wb: wb.remove(wb["Ratings"])), "xlsx_missing_sheet")
    add("missing_meta_sheet.xlsx", edit(lambda wb: wb.remove(wb["_meta"])), "xlsx_missing_sheet")

    def rename_header(wb: Any) -> None:
        wb["Ratings"]["H1"] = "Level of the auditor"

    add("renamed_header.xlsx", edit(rename_header), "xlsx_missing_column", sheet="Ratings", row=1)

    def header_down(wb: Any) -> None:
        wb["Ratings"].insert_rows(1, 2)

    add("header_moved_down.xlsx", edit(header_down), "xlsx_missing_column", sheet="Ratings", row=1)

    def duplicate_header(wb: Any) -> None:
        wb["Ratings"]["J1"] = "Self level"

    add("duplicate_header.xlsx", edit(duplicate_header), "xlsx_duplicate_column", sheet="Ratings", row=1, column="J")

    def merge(wb: Any) -> None:
        wb["Ratings"].merge_cells("F2:F4")

    add("merged_cells.xlsx", edit(merge), "xlsx_merged_cells", sheet="Ratings", row=2, column="F")

    def level_high(wb: Any) -> None:
        ws = wb["Ratings"]
        ws.cell(row_of(ws, "A2.1"), 6, 11)

    add("level_out_of_range.xlsx", edit(level_high), "out_of_range", sheet="Ratings", row=3, column="F")

    def deduction_low(wb: Any) -> None:
        ws = wb["Negative aspects"]
        ws.cell(row_of(ws, "C1.4"), 6, -250)

    add("deduction_out_of_range.xlsx", edit(deduction_low), "out_of_range", sheet="Negative aspects", column="F")

    def text_level(wb: Any) -> None:
        wb["Ratings"]["H2"] = "five"

    add("text_in_number_cell.xlsx", edit(text_level), "not_a_number", sheet="Ratings", row=2, column="H")

    def number_as_text(wb: Any) -> None:
        wb["Ratings"]["F3"] = "7"

    add("number_stored_as_text.xlsx", edit(number_as_text), "not_a_number", sheet="Ratings", row=3, column="F")

    def date_level(wb: Any) -> None:
        wb["Ratings"]["F3"] = datetime(2024, 3, 1)

    add("date_in_level.xlsx", edit(date_level), "not_a_number", sheet="Ratings", row=3, column="F")

    def formula_level(wb: Any) -> None:
        wb["Ratings"]["F3"] = "=2+3"

    add("formula_in_level.xlsx", edit(formula_level), "xlsx_formula", sheet="Ratings", row=3, column="F")

    def formula_comment(wb: Any) -> None:
        wb["Ratings"]["I2"] = '=HYPERLINK("http://example.org","x")'

    add("formula_in_comment.xlsx", edit(formula_comment), "xlsx_formula", sheet="Ratings", row=2, column="I")

    def boolean_level(wb: Any) -> None:
        wb["Negative aspects"]["D2"] = True

    add("boolean_in_level.xlsx", edit(boolean_level), "not_a_number", sheet="Negative aspects", row=2, column="D")

    def duplicate_row(wb: Any) -> None:
        ws = wb["Ratings"]
        ws.cell(row_of(ws, "A2.1"), 1, "A1.1")

    add("duplicate_aspect_row.xlsx", edit(duplicate_row), "xlsx_duplicate_row", sheet="Ratings", row=3, column="A")

    def drop_row(wb: Any) -> None:
        ws = wb["Ratings"]
        ws.delete_rows(row_of(ws, "B1.1"))

    add("missing_aspect_row.xlsx", edit(drop_row), "xlsx_missing_row", sheet="Ratings", column="A")

    def unknown_code(wb: Any) -> None:
        wb["Ratings"]["A3"] = "Z9.9"

    add("unknown_code.xlsx", edit(unknown_code), "unknown_code", sheet="Ratings", row=3, column="A")

    def wrong_sheet(wb: Any) -> None:
        ws = wb["Ratings"]
        ws.cell(ws.max_row + 1, 1, "C1.4")

    add("code_on_wrong_sheet.xlsx", edit(wrong_sheet), "xlsx_code_wrong_sheet", sheet="Ratings", column="A")

    def million(wb: Any) -> None:
        wb["Ratings"].cell(1_000_000, 1, "A1.1")

    million_rows = edit(million)
    add("million_rows.xlsx", million_rows, "xlsx_too_many_rows", sheet="Ratings")

    def no_dimension(parts: dict[str, bytes]) -> None:
        xml = parts[ratings_part]
        start = xml.index(b"<dimension")
        parts[ratings_part] = xml[:start] + xml[xml.index(b"/>", start) + 2 :]

    add(
        "million_rows_no_dimension.xlsx",
        rezip(million_rows, no_dimension),
        "xlsx_too_many_rows",
        sheet="Ratings",
    )

    def wide(wb: Any) -> None:
        wb["Ratings"].cell(2, 16_384, "x")

    add("sixteen_thousand_columns.xlsx", edit(wide), "xlsx_too_many_columns", sheet="Ratings")

    def broken_xml(parts: dict[str, bytes]) -> None:
        xml = parts[ratings_part]
        parts[ratings_part] = xml[: len(xml) // 2]

    add("broken_sheet_xml.xlsx", rezip(good, broken_xml), "xlsx_unreadable", sheet="Ratings")

    def newer(wb: Any) -> None:
        wb["_meta"]["B1"] = 99

    add("newer_format_version.xlsx", edit(newer), "xlsx_format_newer", sheet="_meta", row=1, column="B")

    def broken_json(wb: Any) -> None:
        ws = wb["_meta"]
        for row in range(1, ws.max_row + 1):
            if ws.cell(row, 1).value == "balance_json":
                ws.cell(row, 2).value = ws.cell(row, 2).value[:-5]
                break

    add("broken_embedded_json.xlsx", edit(broken_json), "json_syntax", sheet="_meta", column="B")

    def meta_matrix(wb: Any) -> None:
        ws = wb["_meta"]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "matrix")
        ws.cell(row, 2).value = "5.0"

    add("meta_disagrees_with_content.xlsx", edit(meta_matrix), "xlsx_meta_mismatch", sheet="_meta", column="B")

    old = base_balance().with_changes(matrix="5.0", ratings={"A1.1": Decimal(4)})
    add("wrong_matrix_version.xlsx", workbook_bytes(old), "xlsx_other_matrix", sheet="_meta")
    add("wrong_balance_id.xlsx", workbook_bytes(base_balance(), balance_id=999), "xlsx_unknown_balance", sheet="_meta")
    add(
        "other_balance.xlsx",
        workbook_bytes(other_balance(), balance_id=2),
        "xlsx_other_balance",
        sheet="_meta",
        target_id=1,
    )
    later = base_balance().with_changes(period=Period(date(2025, 1, 1), date(2026, 12, 31)))
    add("wrong_period.xlsx", workbook_bytes(later), "xlsx_other_period", sheet="_meta")
    compact = base_balance().with_changes(type="compact")
    add("wrong_balance_type.xlsx", workbook_bytes(compact), "xlsx_other_type", sheet="_meta")
    return out


def main() -> None:
    manifest = {}
    for name, (data, expected) in sorted(cases().items()):
        (HERE / name).write_bytes(data)
        manifest[name] = expected
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    total = sum((HERE / n).stat().st_size for n in manifest)
    print(f"{len(manifest)} files, {total} bytes")


if __name__ == "__main__":
    main()
