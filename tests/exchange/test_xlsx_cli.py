"""The CLI: export --format xlsx, import FILE.xlsx [--as-new], portfolio -o; located errors, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecg_desktop.cli.main import run_cli
from ecg_desktop.paths import resource_root

SAMPLE = resource_root().parent / "examples" / "sample-5.1.json"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsx_corpus"


def test_export_edit_import_and_portfolio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    data = ["--data-dir", str(tmp_path / "db")]
    assert run_cli([*data, "import", str(SAMPLE)]) == 0
    out = tmp_path / "balance.xlsx"
    assert run_cli([*data, "export", "1", "--format", "xlsx", "-o", str(tmp_path / "en.xlsx")]) == 0
    assert "Ratings" in load_workbook(tmp_path / "en.xlsx").sheetnames
    assert run_cli([*data, "export", "1", "--format", "xlsx-de", "-o", str(out)]) == 0
    workbook = load_workbook(out)
    assert "Bewertungen" in workbook.sheetnames
    workbook["Bewertungen"]["H2"] = 2  # auditor level of A1.1
    workbook["Bewertungen"]["F2"] = 9  # self level: ignored without --self-assessment
    workbook.save(out)
    capsys.readouterr()
    assert run_cli([*data, "import", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "1"
    assert "self-assessment" in captured.err  # the ignored change is reported
    assert run_cli([*data, "import", str(out), "--as-new", "--self-assessment"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2"
    table = tmp_path / "portfolio.csv"
    assert run_cli([*data, "portfolio", "-o", str(table)]) == 0
    assert len(table.read_text(encoding="utf-8-sig").splitlines()) == 1 + 2 * 20

    from ecg_desktop.services import BalanceService

    with BalanceService.open(data_dir=tmp_path / "db") as service:
        assert service.get_balance(1).auditor_ratings["A1.1"] == 2
        assert service.get_balance(1).ratings["A1.1"] == 4
        assert service.get_balance(2).ratings["A1.1"] == 9


def test_a_malformed_workbook_exits_2_with_located_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "db")]
    assert run_cli([*data, "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert run_cli([*data, "--lang", "de", "import", str(CORPUS / "level_out_of_range.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "Blatt Ratings, Zeile 3, Spalte F" in err and "außerhalb" in err
    assert run_cli([*data, "import", str(CORPUS / "wrong_matrix_version.xlsx")]) == 2
    assert "uses matrix 5.0, the balance uses matrix 5.1" in capsys.readouterr().err
