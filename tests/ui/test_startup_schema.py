"""The cheap schema check on the start-up path: an up-to-date store opens without importing Alembic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_schema_head_constant_is_alembics_head():
    from ecg_desktop.storage.db import SCHEMA_HEAD, head_revision, known_revisions

    assert SCHEMA_HEAD == head_revision()
    assert known_revisions()[-1] == SCHEMA_HEAD


def test_stored_revisions(tmp_path):
    from ecg_desktop.services import BalanceService
    from ecg_desktop.storage.db import SCHEMA_HEAD, make_engine, sqlite_url, stored_revisions

    empty = make_engine(sqlite_url(tmp_path / "empty.sqlite"))
    assert stored_revisions(empty) == []
    empty.dispose()
    with BalanceService.open(tmp_path / "store", None, "tester"):
        pass
    engine = make_engine(sqlite_url(tmp_path / "store" / "ecg-desktop.sqlite"))
    assert stored_revisions(engine) == [SCHEMA_HEAD]
    engine.dispose()


def test_opening_an_up_to_date_store_does_not_import_alembic(tmp_path):
    code = (
        "import sys\n"
        "from ecg_desktop.services import BalanceService\n"
        f"s = BalanceService.open({str(tmp_path / 'store')!r}, None, 't')\n"
        "s.list_balances(); s.close()\n"
        "print('alembic' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "True"  # a new store is created through the migrations
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "False"


def test_an_older_store_is_still_upgraded(tmp_path):
    from ecg_desktop.services import BalanceService
    from ecg_desktop.storage.db import SCHEMA_HEAD, downgrade, make_engine, open_database, sqlite_url, stored_revisions

    path = tmp_path / "store" / "ecg-desktop.sqlite"
    with BalanceService.open(tmp_path / "store", None, "tester"):
        pass
    database = open_database(sqlite_url(path), path)
    downgrade(database, "0001")
    database.dispose()
    engine = make_engine(sqlite_url(path))
    assert stored_revisions(engine) == ["0001"]
    engine.dispose()
    database = open_database(sqlite_url(path), path)
    database.dispose()
    engine = make_engine(sqlite_url(path))
    assert stored_revisions(engine) == [SCHEMA_HEAD]
    engine.dispose()
    assert list(path.parent.glob("ecg-desktop.sqlite.schema-0001-*.bak"))  # backed up before the upgrade
