"""`ecg-desktop list | import | export | evidence add/verify | lock | verify-log | backup | restore`
on both engines: outputs, exit statuses, and an unchanged database after errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))

import store_fixtures
from store_fixtures import cli_store_flags

from ecg_desktop.cli.main import run_cli
from ecg_desktop.paths import resource
from ecg_desktop.services.balance_service import BalanceService

SAMPLE = str(resource("sample", "balance.json"))

# the shared store fixtures (SQLite and PostgreSQL), see tests/storage/store_fixtures.py
engine_kind = store_fixtures.engine_kind
pg_url = store_fixtures.pg_url
store_args = store_fixtures.store_args


def run(capsys, flags: list[str], *args: str) -> tuple[int, str, str]:
    code = run_cli([*flags, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _state(store_args) -> tuple[int, int, int]:
    with BalanceService.open(**store_args) as service:
        return len(service.list_balances()), len(service.history()), len(service.verify_evidence())


def test_import_prints_the_id_last_then_list_export_lock(store_args, capsys, tmp_path):
    flags = cli_store_flags(store_args)
    code, out, _ = run(capsys, flags, "import", SAMPLE)
    assert code == 0
    balance_id = int(out.strip().splitlines()[-1])
    code, out, _ = run(capsys, flags, "list")
    assert code == 0 and "Bäckerei Sonnenkorn GmbH" in out and "2023-01-01" in out
    target = tmp_path / "export.json"
    code, out, _ = run(capsys, flags, "export", str(balance_id), "--format", "json", "-o", str(target))
    assert code == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["organisation"]["name"] == "Bäckerei Sonnenkorn GmbH"
    assert len(exported["ratings"]) == 61
    code, out, _ = run(capsys, flags, "lock", str(balance_id), "--auditor", "Peer-Gruppe", "--date", "2025-04-01")
    assert code == 0
    with BalanceService.open(**store_args) as service:
        info = service.balance_info(balance_id)
        assert info.locked and service.get_balance(balance_id).audit.valid_until.isoformat() == "2027-04-01"
    code, _, err = run(capsys, flags, "evidence", "add", str(balance_id), "A1.1", SAMPLE)
    assert code == 2 and "locked" in err


def test_evidence_add_and_verify_reports_tampering(store_args, capsys, tmp_path):
    flags = cli_store_flags(store_args)
    _, out, _ = run(capsys, flags, "import", SAMPLE)
    balance_id = out.strip().splitlines()[-1]
    proof = tmp_path / "nachweis.txt"
    proof.write_text("Fairtrade-Zertifikat 12345\n", encoding="utf-8")
    code, out, _ = run(
        capsys, flags, "evidence", "add", balance_id, "A1.1,A2.1", str(proof), "--description", "Zertifikat"
    )
    assert code == 0
    sha = out.split()[0]
    code, out, _ = run(capsys, flags, "evidence", "verify", balance_id)
    assert code == 0 and "1 files checked" in out
    with BalanceService.open(**store_args) as service:
        if service.team_mode:
            from sqlalchemy import text

            with service._core.db.engine.begin() as connection:
                connection.execute(
                    text("UPDATE evidence_chunks SET data = :d WHERE sha256 = :s"), {"d": b"x", "s": sha}
                )
        else:
            stored = service._core.vault.path_of(sha)
            stored.chmod(0o600)
            stored.write_text("gefälscht", encoding="utf-8")
    code, out, err = run(capsys, flags, "evidence", "verify")
    assert code == 1 and "CHANGED" in out and "nachweis.txt" in err
    code, out, err = run(capsys, flags, "--lang", "de", "evidence", "verify")
    assert code == 1 and "VERÄNDERT" in out and "verändert" in err


def test_verify_log_names_the_first_broken_entry(store_args, capsys):
    flags = cli_store_flags(store_args)
    run(capsys, flags, "import", SAMPLE)
    code, out, _ = run(capsys, flags, "verify-log")
    assert code == 0 and "intact" in out
    with BalanceService.open(**store_args) as service:
        from sqlalchemy import text

        with service._core.db.engine.begin() as connection:
            connection.execute(text("UPDATE change_log SET \"user\" = 'jemand' WHERE id = 2"))
    code, _, err = run(capsys, flags, "verify-log")
    assert code == 1 and "entry 2" in err


def test_backup_and_restore_commands(store_args, capsys, tmp_path):
    flags = cli_store_flags(store_args)
    _, out, _ = run(capsys, flags, "import", SAMPLE)
    archive = tmp_path / "s.ecgz"
    code, _, _ = run(capsys, flags, "backup", str(archive))
    assert code == 0 and archive.is_file()
    target = tmp_path / "neu"
    code, _, _ = run(capsys, ["--data-dir", str(target)], "restore", str(archive))
    assert code == 0
    code, out, _ = run(capsys, ["--data-dir", str(target)], "list")
    assert "Bäckerei Sonnenkorn GmbH" in out
    code, _, err = run(capsys, ["--data-dir", str(target)], "restore", str(archive))
    assert code == 2 and "already holds data" in err


@pytest.mark.parametrize(
    "args",
    [
        ["import", "gibt-es-nicht.json"],
        ["import", "{bad}"],
        ["export", "999", "-o", "x.json"],
        ["lock", "999"],
        ["evidence", "add", "1", "Z9.9", "{proof}"],
        ["evidence", "add", "1", "A1.1", "{missing}"],
        ["evidence", "verify", "999"],
        ["restore", "{bad}"],
    ],
)
def test_errors_exit_2_and_change_nothing(store_args, capsys, tmp_path, args):
    flags = cli_store_flags(store_args)
    run(capsys, flags, "import", SAMPLE)
    bad = tmp_path / "kaputt.json"
    bad.write_text('{"matrix": "5.1", "ratings": {"A1.1": 12}}', encoding="utf-8")
    proof = tmp_path / "p.txt"
    proof.write_text("p", encoding="utf-8")
    filled = [a.format(bad=bad, proof=proof, missing=tmp_path / "fehlt.txt") for a in args]
    before = _state(store_args)
    code, _, err = run(capsys, flags, *filled)
    assert code == 2 and err.strip()
    assert "Traceback" not in err
    assert _state(store_args) == before


def test_bad_import_names_the_field(store_args, capsys, tmp_path):
    bad = tmp_path / "kaputt.json"
    bad.write_text('{"matrix": "5.1", "ratings": {"A1.1": 12}}', encoding="utf-8")
    code, _, err = run(capsys, cli_store_flags(store_args), "import", str(bad))
    assert code == 2 and "ratings.A1.1" in err and "12" in err
