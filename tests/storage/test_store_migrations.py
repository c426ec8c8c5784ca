"""Schema: migrations equal the models; old schemas are backed up and upgraded; newer ones refused."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from ecg_desktop.services.balance_service import BalanceService, SchemaError
from ecg_desktop.storage.db import SQLITE_NAME, Database, head_revision, make_engine, sqlite_url, upgrade


def _database(url: str) -> Database:
    engine = make_engine(url)
    return Database(engine, engine.execution_options(ecg_write=True), None, url)


def test_migrations_create_exactly_the_models(store_args):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ecg_desktop.storage.models import Base

    service = BalanceService.open(**store_args)
    try:
        engine = service._core.db.engine
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
        assert diff == []
    finally:
        service.close()


def _file_hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_old_sqlite_schema_is_backed_up_then_upgraded(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / SQLITE_NAME
    old = _database(sqlite_url(path))
    upgrade(old, "0001")
    with old.write_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisations (id, name, legal_form, website, industry, head_office, ownership,"
                " contact_person, contact_email, archived, created_at, updated_at) VALUES"
                " (1, 'Altbestand eG', '', '', '', '', '', '', '', 0, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
            )
        )
    old.dispose()
    service = BalanceService.open(folder)
    try:
        assert [o.name for o in service.list_organisations()] == ["Altbestand eG"]
        service.set_setting("probe", "1")  # a table of revision 0002 exists now
    finally:
        service.close()
    backups = list(folder.glob(f"{SQLITE_NAME}.schema-0001-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM organisations").fetchall() == [("Altbestand eG",)]
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "settings" not in tables
    # opening again at the current schema makes no further backup
    BalanceService.open(folder).close()
    assert len(list(folder.glob("*.bak"))) == 1


@pytest.mark.postgres
def test_old_postgres_schema_is_upgraded(pg_url, tmp_path):
    old = _database(pg_url)
    upgrade(old, "0001")
    old.dispose()
    service = BalanceService.open(tmp_path, database_url=pg_url)
    try:
        service.set_setting("probe", "1")
        assert service.get_setting("probe") == "1"
    finally:
        service.close()


def test_newer_schema_is_refused_untouched(store_args):
    BalanceService.open(**store_args).close()
    url = store_args.get("database_url") or sqlite_url(store_args["data_dir"] / SQLITE_NAME)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    sqlite_file = store_args["data_dir"] / SQLITE_NAME
    before = _file_hash(sqlite_file) if "database_url" not in store_args else None
    with pytest.raises(SchemaError) as info:
        BalanceService.open(**store_args)
    assert "newer version" in str(info.value) and "9999" in str(info.value)
    assert head_revision() in str(info.value)
    if before is not None:
        assert _file_hash(sqlite_file) == before
        assert not list(store_args["data_dir"].glob("*.bak"))


def test_foreign_database_is_refused(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / SQLITE_NAME) as connection:
        connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY)")
    with pytest.raises(SchemaError) as info:
        BalanceService.open(folder)
    assert "not an ECG Desktop database" in str(info.value)


def test_decimals_are_stored_as_exact_text(service):
    from store_fixtures import new_balance

    balance_id = new_balance(service)
    service.set_rating(balance_id, "A1.1", Decimal("3.3333333333333333333333333"))
    with service._core.read() as s:
        stored = s.execute(text("SELECT level FROM ratings WHERE code = 'A1.1'")).scalar_one()
    assert stored == "3.3333333333333333333333333"
    assert service.get_balance(balance_id).ratings["A1.1"] == Decimal("3.3333333333333333333333333")
    assert service.get_balance(balance_id).period.start == date(2023, 1, 1)
