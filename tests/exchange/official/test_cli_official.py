"""`ecg-desktop convert` and `ecg-desktop import` with the official tools' files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from official_builder import Spec, build, filled

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.cli.main import run_cli
from ecg_desktop.exchange.official.ecalc_json import load_ecalc

ROOT = Path(__file__).resolve().parents[3]


def test_convert_workbook_to_balance_prints_parity_and_writes_report(tmp_path, capsys):
    source = tmp_path / "bilanz.xlsx"
    source.write_bytes(build(filled()))
    out, report = tmp_path / "balance.json", tmp_path / "parity.json"
    assert run_cli(["convert", str(source), "-o", str(out), "--report-json", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "Comparison with the workbook's own results" in printed
    assert "All 20 themes, the row weights and the total agree." in printed
    balance = load_balance(out.read_bytes(), str(out))
    assert balance.organisation.name == "Muster GmbH" and balance.calculator_version == "5.08"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["all_equal"] is True and data["source"] == "workbook"
    assert len([line for line in data["lines"] if line["kind"] == "theme"]) == 20


def test_convert_to_ecalc_and_back_in_german(tmp_path, capsys):
    source = tmp_path / "bilanz.xlsx"
    source.write_bytes(build(filled(lang="de")))
    out = tmp_path / "upload.json"
    args = ["--lang", "de", "convert", str(source), "-o", str(out), "--to", "ecalc"]
    assert run_cli([*args, "--contact-name", "Ada", "--contact-email", "ada@example.org"]) == 0
    assert "Abgleich mit den eigenen Ergebnissen der Arbeitsmappe" in capsys.readouterr().out
    balance, _results, _notes = load_ecalc(out.read_bytes())
    assert balance.organisation.contact_person == "Ada" and balance.calculator_version == "5.08"
    back = tmp_path / "back.json"
    assert run_cli(["convert", str(out), "-o", str(back)]) == 0  # detected as web-calculator JSON by content
    assert load_balance(back.read_bytes()).ratings == balance.ratings


def test_convert_refuses_bad_input_with_status_2_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(build(filled(overrides={("2. Company Facts", "C7"): "viel"})))
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "ecg_desktop", "convert", str(bad), "-o", str(out)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "sheet 2. Company Facts, row 7, column C" in done.stderr
    assert not out.exists()


def test_convert_to_ecalc_without_contact_names_the_missing_fields(tmp_path, capsys):
    source = tmp_path / "bilanz.xlsx"
    source.write_bytes(build(filled()))
    assert run_cli(["convert", str(source), "-o", str(tmp_path / "x.json"), "--to", "ecalc"]) == 2
    err = capsys.readouterr().err
    assert "organisation.contact_person" in err and "organisation.contact_email" in err


def test_import_command_takes_a_workbook_and_prints_the_id_last(tmp_path, capsys):
    source = tmp_path / "Kompakt.xlsx"
    source.write_bytes(build(Spec(type="compact", lang="de", ratings={"A1.1": 5})))
    code = run_cli(["--data-dir", str(tmp_path / "data"), "import", str(source)])
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].strip().isdigit()
    assert any("All 20 themes" in line for line in lines)
