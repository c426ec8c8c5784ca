"""SQLite set-up, crash safety and two writers; the location rules of the store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text
from store_fixtures import new_balance

from ecg_desktop import paths
from ecg_desktop.services.balance_service import BalanceService
from ecg_desktop.storage.db import SQLITE_NAME

ROOT = Path(__file__).resolve().parents[2]

EDITOR = textwrap.dedent(
    """
    import json, sys
    from ecg_desktop.services.balance_service import BalanceService
    args = json.loads(sys.argv[1])
    service = BalanceService.open(args["data_dir"], args.get("database_url"), user=args["who"])
    codes = args["codes"]
    for i in range(args["count"]):
        service.set_reasoning(args["balance"], codes[i % len(codes)], f"{args['who']} edit {i}")
        print(i, flush=True)  # acknowledged: the transaction has committed
    service.close()
    """
)


def _editor(store_args: dict, balance_id: int, who: str, count: int, codes: list[str]) -> subprocess.Popen:
    import json

    args = {
        "data_dir": str(store_args["data_dir"]),
        "database_url": store_args.get("database_url"),
        "who": who,
        "balance": balance_id,
        "count": count,
        "codes": codes,
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", EDITOR, json.dumps(args)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )


def _positive_codes() -> list[str]:
    from ecg_desktop.matrix import load_matrix

    return [a.code for a in load_matrix("5.1").aspects("full") if a.positive]


def test_sqlite_connection_settings(tmp_path):
    service = BalanceService.open(tmp_path / "data")
    try:
        with service._core.db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        service.close()


def test_default_location_is_the_user_data_folder():
    service = BalanceService.open()
    try:
        assert not service.team_mode
        assert Path(service.location) == paths.data_dir() / SQLITE_NAME
        assert (paths.data_dir() / SQLITE_NAME).is_file()
    finally:
        service.close()


def test_database_url_from_the_environment_means_team_mode(tmp_path, monkeypatch):
    shared = tmp_path / "shared.sqlite"
    monkeypatch.setenv(paths.DATABASE_URL_ENV, f"sqlite:///{shared}")
    service = BalanceService.open(tmp_path / "local")
    try:
        assert service.team_mode
        balance_id = new_balance(service)
        evidence = tmp_path / "beleg.csv"
        evidence.write_bytes(b"a;b\n1;2\n")
        ref = service.attach_evidence(balance_id, ["A1.1"], evidence)
        assert not (tmp_path / "local" / "evidence").exists()  # the bytes live in the database
        assert service.evidence_file(ref.sha256).read_bytes() == b"a;b\n1;2\n"
    finally:
        service.close()
    assert shared.is_file() and not (tmp_path / "local" / SQLITE_NAME).exists()


def test_sigkill_during_rapid_edits_keeps_every_acknowledged_edit(tmp_path):
    store = {"data_dir": tmp_path / "data"}
    service = BalanceService.open(**store)
    balance_id = new_balance(service)
    service.close()
    child = _editor(store, balance_id, "kill", 1000, _positive_codes())
    acknowledged: list[int] = []
    assert child.stdout is not None
    for line in child.stdout:
        acknowledged.append(int(line))
        if acknowledged[-1] >= 300:
            child.send_signal(signal.SIGKILL)
            break
    rest, _ = child.communicate(timeout=60)
    acknowledged += [int(line) for line in rest.split()]
    assert child.returncode == -signal.SIGKILL
    assert 300 <= max(acknowledged) < 999, "the process must die in the middle of its edits"
    database = store["data_dir"] / SQLITE_NAME
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    service = BalanceService.open(**store)
    try:
        logged = {entry.new for entry in service.history(balance_id)}
        missing = [i for i in acknowledged if f"kill edit {i}" not in logged]
        assert missing == []
        assert service.verify_log().ok
        last = max(acknowledged)
        codes = _positive_codes()
        assert service.get_balance(balance_id).reasoning[codes[last % len(codes)]] in {
            f"kill edit {last}",
            f"kill edit {last + 1}",  # committed just before the kill, not yet printed
        }
    finally:
        service.close()


def test_two_processes_writing_one_store_lose_nothing(store_args):
    service = BalanceService.open(**store_args)
    balance_id = new_balance(service)
    service.close()
    codes = _positive_codes()
    count = 150
    first = _editor(store_args, balance_id, "eins", count, codes[:20])
    second = _editor(store_args, balance_id, "zwei", count, codes[20:])
    out_first, _ = first.communicate(timeout=300)
    out_second, _ = second.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 0)
    assert len(out_first.split()) == len(out_second.split()) == count
    service = BalanceService.open(**store_args)
    try:
        entries = service.history(balance_id)
        for who in ("eins", "zwei"):
            assert {e.new for e in entries if e.user == who} == {f"{who} edit {i}" for i in range(count)}
        assert service.verify_log().ok  # one chain, no fork
        reasoning = service.get_balance(balance_id).reasoning
        assert reasoning[codes[(count - 1) % 20]] == f"eins edit {count - 1}"
        assert reasoning[codes[20 + (count - 1) % (len(codes) - 20)]] == f"zwei edit {count - 1}"
    finally:
        service.close()


def test_every_edit_is_its_own_transaction(service):
    """After an edit returns, a second connection sees it: nothing waits for a save."""
    balance_id = new_balance(service)
    level = Decimal("2.5")
    service.set_rating(balance_id, "A1.1", level)
    other = BalanceService.open(
        service._core.folder,
        None if not service.team_mode else str(service._core.db.engine.url.render_as_string(False)),
    )
    try:
        assert other.get_balance(balance_id).ratings["A1.1"] == level
    finally:
        other.close()
