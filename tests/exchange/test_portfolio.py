"""The portfolio table (xlsx/csv) and the import of a portfolio workbook in one transaction."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from xlsx_helpers import database_checksum

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.balance.model import Balance, Organisation
from ecg_desktop.errors import InputError
from ecg_desktop.exchange.portfolio import collect_portfolio, import_portfolio, read_portfolio, write_portfolio
from ecg_desktop.paths import resource_root
from ecg_desktop.services import BalanceService


def _sample() -> Balance:
    return load_balance((resource_root().parent / "examples" / "sample-5.1.json").read_bytes())


@pytest.fixture
def service(tmp_path: Path) -> BalanceService:
    service = BalanceService.open(data_dir=tmp_path / "db")
    service.import_balance(_sample().with_changes(organisation=Organisation(name="=Bakery+1")))
    service.import_balance(Balance(matrix="4.1", organisation=Organisation(name="Weberei")))
    service.import_balance(Balance(matrix="5.0", type="compact", organisation=Organisation(name="Kiosk")))
    yield service
    service.close()


def test_csv_has_one_row_per_balance_and_theme_and_no_formulas(service: BalanceService, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.csv"
    write_portfolio(collect_portfolio(service), out, lang="de")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 20 + 17 + 20
    assert {r["Bilanz"] for r in rows} == {"1", "2", "3"}
    bakery = [r for r in rows if r["Bilanz"] == "1"]
    assert bakery[0]["Organisation"] == "'=Bakery+1"  # never a formula in a spreadsheet
    assert bakery[0]["Themenname"] == "Menschenwürde in der gesamten Lieferkette"
    total = float(bakery[0]["Bilanzsumme"])
    assert total == pytest.approx(sum(float(r["Punkte"]) for r in bakery), abs=0.1)


def test_xlsx_table_and_balances_round_trip(service: BalanceService, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "portfolio.xlsx"
    write_portfolio(collect_portfolio(service), out)
    workbook = load_workbook(out)
    table = workbook["Portfolio"]
    assert table.freeze_panes == "C2"
    assert table["A1"].value == "Organisation" and table["A2"].value == "=Bakery+1"
    assert table["A2"].data_type == "s"
    assert table.max_row == 1 + 57
    assert workbook["_balances"].sheet_state == "hidden"
    items = read_portfolio(out)
    assert sorted(i.balance_id for i in items) == ["1", "2", "3"]
    assert all(i.balance == service.get_balance(int(i.balance_id)) for i in items)


def test_import_creates_and_updates_in_one_transaction(service: BalanceService, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "portfolio.xlsx"
    write_portfolio(collect_portfolio(service), out)
    workbook = load_workbook(out)
    balances = workbook["_balances"]
    kiosk = _row(balances, 3)
    balances.cell(kiosk, 1).value = None  # the Kiosk row becomes a new balance
    stream = io.BytesIO()
    workbook.save(stream)
    ids = import_portfolio(service, stream.getvalue())
    assert sorted(ids)[:2] == [1, 2] and ids[kiosk - 2] == max(ids) == 4
    assert len(service.list_balances()) == 4
    assert min(import_portfolio(service, out, as_new=True)) > 4


def test_one_bad_row_refuses_the_whole_portfolio(service: BalanceService, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "portfolio.xlsx"
    write_portfolio(collect_portfolio(service), out)
    workbook = load_workbook(out)
    balances = workbook["_balances"]
    first, bad, missing = _row(balances, 1), _row(balances, 2), _row(balances, 3)
    balances.cell(first, 1).value = None  # would create a copy of balance 1 ...
    text = balances.cell(bad, 4).value
    balances.cell(bad, 4).value = text.replace('"matrix": "4.1"', '"matrix": "9.9"')  # ... but this row is bad
    balances.cell(missing, 1).value = 77  # and this one names a balance that does not exist
    stream = io.BytesIO()
    workbook.save(stream)
    database = Path(service.location)
    before = database_checksum(database)
    with pytest.raises(InputError) as caught:
        import_portfolio(service, stream.getvalue(), file="p.xlsx")
    assert database_checksum(database) == before
    places = {(p.code, p.location.sheet, p.location.row) for p in caught.value.problems}
    assert ("unknown_matrix", "_balances", bad) in places
    with pytest.raises(InputError) as caught:
        balances.cell(bad, 4).value = text
        stream = io.BytesIO()
        workbook.save(stream)
        import_portfolio(service, stream.getvalue(), file="p.xlsx")
    assert [(p.code, p.location.row, p.location.column) for p in caught.value.problems] == [
        ("xlsx_unknown_balance", missing, "A")
    ]
    assert database_checksum(database) == before


def _row(sheet: Any, balance_id: int) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == str(balance_id))


def test_a_balance_workbook_is_not_a_portfolio(tmp_path: Path) -> None:
    from ecg_desktop.exchange.xlsx_export import export_balance_xlsx

    path = tmp_path / "balance.xlsx"
    export_balance_xlsx(_sample(), path)
    with pytest.raises(InputError) as caught:
        read_portfolio(path)
    assert caught.value.problems[0].code == "xlsx_missing_sheet"
