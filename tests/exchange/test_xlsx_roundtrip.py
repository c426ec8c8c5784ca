"""Export -> import -> export gives identical cells, for generated balances of every matrix and type."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_helpers import balances, workbook_cells

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.balance.model import Balance
from ecg_desktop.exchange.xlsx_export import build_balance_workbook, export_balance_xlsx
from ecg_desktop.exchange.xlsx_import import read_balance_workbook
from ecg_desktop.matrix import VERSIONS, load_matrix
from ecg_desktop.paths import resource_root

COMBINATIONS = [(v, t) for v in VERSIONS for t in load_matrix(v).types]


def _export(balance: Balance, lang: str = "en", balance_id: int | None = 42) -> bytes:
    stream = io.BytesIO()
    export_balance_xlsx(balance, stream, balance_id=balance_id, balance_version=3, lang=lang)
    return stream.getvalue()


@pytest.mark.parametrize(("version", "kind"), COMBINATIONS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), lang=st.sampled_from(("en", "de")))
def test_round_trip_keeps_every_cell_and_the_balance(version: str, kind: str, data: st.DataObject, lang: str) -> None:
    balance = data.draw(balances(version, kind))
    first = _export(balance, lang)
    parsed = read_balance_workbook(first, file="first.xlsx")
    assert parsed.meta.balance_id == "42"
    assert parsed.meta.matrix == version and parsed.meta.type == kind
    again = parsed.as_new_balance()
    assert again == balance  # exact Decimals and full texts, even where a cell cannot hold them
    assert parsed.apply(balance, include_self=True) == balance
    assert parsed.self_changes == 0
    second = _export(again, lang)
    assert workbook_cells(io.BytesIO(first)) == workbook_cells(io.BytesIO(second))


def test_sample_balance_round_trips_in_both_languages() -> None:
    sample = load_balance((resource_root().parent / "examples" / "sample-5.1.json").read_bytes())
    for lang in ("en", "de"):
        parsed = read_balance_workbook(_export(sample, lang))
        assert parsed.as_new_balance() == sample


def test_auditor_columns_update_and_self_columns_only_when_chosen() -> None:
    from openpyxl import load_workbook

    balance = Balance(
        matrix="5.1",
        ratings={"A1.1": Decimal(4), "C1.4": Decimal(-20)},
        reasoning={"A1.1": "we pay fair prices", "A1": "narrative of the theme"},
    )
    workbook = load_workbook(io.BytesIO(_export(balance)))
    ratings = workbook["Ratings"]
    header = [c.value for c in ratings[1]]
    col = {name: header.index(name) + 1 for name in header}
    row = next(r for r in range(2, ratings.max_row + 1) if ratings.cell(r, 1).value == "A1.1")
    ratings.cell(row, col["Auditor level"], 3)
    ratings.cell(row, col["Auditor comment"], "=not a formula")
    ratings.cell(row, col["Auditor comment"]).data_type = "s"
    ratings.cell(row, col["Self level"], 7)
    negatives = workbook["Negative aspects"]
    nrow = next(r for r in range(2, negatives.max_row + 1) if negatives.cell(r, 1).value == "C1.4")
    negatives.cell(nrow, 6, -10)  # Auditor deduction
    stream = io.BytesIO()
    workbook.save(stream)
    parsed = read_balance_workbook(stream.getvalue())
    assert parsed.self_changes == 1
    updated = parsed.apply(balance)
    assert updated.auditor_ratings == {"A1.1": Decimal(3), "C1.4": Decimal(-10)}
    assert updated.auditor_comments == {"A1.1": "=not a formula"}
    assert updated.ratings == balance.ratings  # self-assessment untouched by default
    with_self = parsed.apply(balance, include_self=True)
    assert with_self.ratings == {"A1.1": Decimal(7), "C1.4": Decimal(-20)}
    assert with_self.reasoning["A1"] == "narrative of the theme"  # theme texts are not in the sheet: kept


def test_workbook_is_readable_protected_and_typed() -> None:
    balance = Balance(matrix="4.1", ratings={"A1.1": Decimal(50), "N1": Decimal(-200)}, reasoning={"A1.1": "@x"})
    workbook = build_balance_workbook(balance, balance_id=5, lang="de")
    assert workbook.sheetnames == [
        "Übersicht",
        "Bewertungen",
        "Negativaspekte",
        "Unternehmensdaten",
        "Nachweise",
        "Matrix",
        "_meta",
    ]
    assert workbook["_meta"].sheet_state == "hidden"
    ratings = workbook["Bewertungen"]
    assert ratings["F1"].value == "Stufe Selbsteinschätzung"
    assert ratings.freeze_panes == "B2"
    assert ratings.protection.sheet
    assert ratings["F2"].protection.locked is False and ratings["J2"].protection.locked is True
    assert ratings["G2"].value == "@x" and ratings["G2"].data_type == "s" and ratings["G2"].quotePrefix
    lists = {v.formula1 for v in ratings.data_validations.dataValidation}
    assert '"0,10,20,30,40,50,60,70,80,90,100"' in lists
    criteria = {v.formula1 for v in workbook["Negativaspekte"].data_validations.dataValidation}
    assert '"0,-200"' in criteria
    assert ratings.column_dimensions["C"].width >= 40
    grid = workbook["Matrix"]
    assert any(str(r).startswith("B2:") for r in grid.merged_cells.ranges)  # 4.1 A1 spans every value column
    assert grid["B2"].fill.fgColor.rgb.endswith(("FCE4D6", "FFF2CC", "E2EFDA", "A9D08E", "63BE7B"))


def test_formula_looking_texts_are_stored_as_text_in_the_file() -> None:
    import zipfile

    balance = Balance(matrix="5.0", reasoning={"A1.1": "=1+1"}, auditor_comments={"A1.1": "=SUM(1,2)"})
    data = _export(balance)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets  # no formula element anywhere
