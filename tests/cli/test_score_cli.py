"""`ecg-desktop score FILE [--json]`: output keys and numbers; bad input exits with 2 and names the field."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ecg_desktop.cli.main import run_cli

REPO = Path(__file__).resolve().parents[2]
D = Decimal

# The hand-scored 5.1 balance of tests/scoring/test_matrix5_golden.py::test_filled_51_balance_by_hand:
# T = 21.5, total = -1025 / 21.5 = -47.674418604651162790697674418604651...
FILLED = {
    "matrix": "5.1",
    "company": {
        "employees": 20,
        "turnover": 5000000,
        "total_assets": 2000000,
        "profit": 300000,
        "total_purchases": 1000000,
        "main_origin_of_other_suppliers": "USA",
        "total_staff_costs": 1000000,
        "staff_countries": [{"country": "USA", "share": 100}],
        "b2b": True,
        "canteen": False,
        "average_commute_km": 12,
    },
    "ratings": {"A1.1": 7, "C1.1": 10, "C1.4": -20, "D4.1": 5, "E4.3": -200},
}


def write(tmp_path: Path, data: object, name: str = "balance.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecg_desktop", *args], check=False, cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_score_json_in_a_subprocess(tmp_path: Path) -> None:
    done = run_module("score", str(write(tmp_path, FILLED)), "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    data = json.loads(done.stdout, parse_float=Decimal, parse_int=Decimal)
    assert {
        "matrix",
        "type",
        "basis",
        "size_class",
        "topics",
        "aspects",
        "stakeholder_weights",
        "total",
        "tax",
        "explanations",
        "warnings",
    } <= set(data)
    assert (data["matrix"], data["type"], data["basis"], data["size_class"]) == ("5.1", "full", "self", "small")
    assert abs(Fraction(data["total"]) - Fraction(-1025) / Fraction("21.5")) < Fraction(1, 10**25)
    assert data["stakeholder_weights"] == {"A": 1, "B": 1, "C": D("1.5"), "D": 1, "E": 1}
    a1 = data["topics"]["A1"]
    assert set(a1) == {"weight", "max_points", "points", "percentage"}
    assert a1["weight"] == 1
    assert abs(Fraction(a1["max_points"]) - Fraction(1000) / Fraction("21.5")) < Fraction(1, 10**25)
    assert a1["percentage"] == 70
    assert data["topics"]["C1"]["percentage"] is None  # negative points: no percentage
    assert data["topics"]["D4"]["percentage"] == 25
    assert set(data["aspects"]["E4.3"]) == {"max_points", "points"}
    assert abs(Fraction(data["aspects"]["E4.3"]["points"]) - Fraction(-2000) / Fraction("21.5")) < Fraction(1, 10**25)
    assert len(data["topics"]) == 20
    assert data["tax"]["rate"] == 80  # -48 points: the 0-and-below band of ECG's VAT example
    assert "weight.A4" in data["explanations"]
    assert data["warnings"] == []


def test_score_table_and_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write(tmp_path, FILLED))
    assert run_cli(["score", path]) == 0
    out = capsys.readouterr().out
    assert "Total: -47.67 / 1000" in out
    assert "Row weights: A 1, B 1, C 1.5, D 1, E 1" in out
    assert run_cli(["--lang", "de", "score", path]) == 0
    out = capsys.readouterr().out
    assert "Summe: -47,67 / 1000" in out  # German decimal comma
    assert "Größenklasse: Kleinunternehmen" in out


def test_score_41_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    balance = {
        "matrix": "4.1",
        "company": {"sole_proprietor": True},
        "ratings": {"B1.1": 100, "B1.2": 100, "B1.3": 100, "B1.4": 100, "N1": -200},
    }
    assert run_cli(["score", str(write(tmp_path, balance)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == -162  # 30 x 1000/790 = 37.97 -> 38; - 200
    assert data["topics"]["C4"]["percentage"] is None
    assert data["stakeholder_weights"] == {}


def test_auditor_basis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    balance = {"matrix": "5.1", "ratings": {"A1.1": 10}, "auditor_ratings": {"A1.1": 5}}
    path = str(write(tmp_path, balance))
    assert run_cli(["score", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 50
    assert run_cli(["score", path, "--json", "--basis", "auditor"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 25


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ('{"matrix": "5.1", "company": {"turnover": "7"}}', "field company.turnover"),
        ('{"matrix": "5.1", "company": {"b2b": "true"}}', "field company.b2b"),
        ('{"matrix": "5.1", "ratings": {"A1.1": 3, "A1.1": 4}}', "field ratings"),
        ('{"matrix": "5.1", "company": {"turnover": NaN}}', "field company.turnover"),
        ('{"matrix": "5.1", "company": {"total_purchases": 1e999999999}}', "field company.total_purchases"),
        ('{"matrix": "5.1",\n "ratings": {"A1.1": 3,}}', "row 2, column"),
        (
            '{"matrix": "5.1", "company": {"staff_countries": [{"country": "XXX", "share": 5}]}}',
            "field company.staff_countries[0].country",
        ),
        ('{"matrix": "5.1", "stakeholder_weights": {"A": 0, "B": 0, "C": 0, "D": 0, "E": 0}}', "field weights"),
    ],
)
def test_bad_input_exits_2_and_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, field: str
) -> None:
    path = write(tmp_path, content)
    assert run_cli(["score", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert field in captured.err
    if "stakeholder_weights" not in content:  # T = 0 is refused by scoring, which knows no file name
        assert str(path) in captured.err
    assert "Traceback" not in captured.err


def test_bad_input_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    done = run_module("--lang", "de", "score", str(write(tmp_path, '{"matrix": "5.1", "company": {"turnover": "7"}}')))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Feld company.turnover" in done.stderr
    assert "Traceback" not in done.stderr
    missing = run_module("score", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert "nope.json" in missing.stderr
    assert "Traceback" not in missing.stderr
