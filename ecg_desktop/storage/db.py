"""Engines, sessions and schema upgrades for SQLite (one local file) and PostgreSQL (team mode).

SQLite: WAL journal, foreign keys on, a busy timeout, synchronous=FULL, and every write
transaction starts with BEGIN IMMEDIATE, so two processes on one file queue up instead of
failing half-way. Opening a database of an older schema first copies it next to itself, then
upgrades; a schema from a newer app is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

SQLITE_NAME = "ecg-desktop.sqlite"
BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "ecg_write"
PG_MIGRATION_LOCK = 0x6563_6701  # advisory lock key while a schema upgrade runs
PG_LOG_LOCK = 0x6563_6702  # advisory lock key while the change log grows
# The newest migration in migrations/versions (a test keeps it equal to Alembic's head). A store
# at this revision opens without importing Alembic (about 80 ms at every start of the app).
SCHEMA_HEAD = "0002"


@dataclass
class Database:
    """An open store: the engine, whether it is SQLite, and where it lives (for messages)."""

    engine: Engine
    write_engine: Engine
    sqlite_path: Path | None
    location: str

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (a consistent snapshot; no write lock)."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> list[str]:
    """Every schema revision this app knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def safe_location(url: str) -> str:
    """The URL without its password, fit for messages and the window title."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine with the project's connection settings (SQLite pragmas, BEGIN IMMEDIATE for writes)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's "begin" event below emit BEGIN itself (the driver's own
            # implicit transactions cannot take the write lock up front).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if parsed.database and parsed.database != ":memory:":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            write = connection.get_execution_options().get(WRITE_OPTION, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(url: str, sqlite_path: Path | None = None) -> Database:
    """Open the database at `url`, creating or upgrading its schema; refuse a newer one."""
    from ecg_desktop.services.balance_service import SchemaError

    location = str(sqlite_path) if sqlite_path is not None else safe_location(url)
    engine = make_engine(url)
    database = Database(engine, engine.execution_options(**{WRITE_OPTION: True}), sqlite_path, location)
    try:
        stored = stored_revisions(engine)
    except Exception as exc:
        engine.dispose()
        raise SchemaError("store_cannot_open", location=location, reason=_reason(exc)) from exc
    if stored == [SCHEMA_HEAD]:
        return database  # up to date: nothing for Alembic to do
    current = stored[0] if stored else None
    known = known_revisions()
    head = known[-1]
    if current is not None and current not in known:
        engine.dispose()
        raise SchemaError("store_schema_newer", location=location, found=current, known=head)
    if current is None and _has_foreign_tables(engine):
        engine.dispose()
        raise SchemaError("store_not_ecg_database", location=location)
    if current != head:
        if current is not None and sqlite_path is not None:
            backup_sqlite_file(sqlite_path, current)
        try:
            upgrade(database, head)
        except Exception:
            engine.dispose()
            raise
    return database


def _reason(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", None) or exc)
    return text_.splitlines()[0] if text_ else type(exc).__name__


def stored_revisions(engine: Engine) -> list[str]:
    """The revisions in the store's alembic_version table (empty without one), read without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return []
        return [str(row[0]) for row in connection.execute(text("SELECT version_num FROM alembic_version"))]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return heads[0] if heads else None


def _has_foreign_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"})


def upgrade(database: Database, target: str = "head") -> None:
    """Run the migrations up to `target` in one transaction holding the write lock."""
    from alembic import command

    with database.write_engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        command.upgrade(_alembic_config(connection), target)


def downgrade(database: Database, target: str) -> None:
    from alembic import command

    with database.write_engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        command.downgrade(_alembic_config(connection), target)


def backup_sqlite_file(path: Path, revision: str) -> Path:
    """Copy the database (consistently, with SQLite's backup API) next to itself before an upgrade."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.schema-{revision}-{stamp}.bak")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.schema-{revision}-{stamp}-{counter}.bak")
        counter += 1
    source = sqlite3.connect(str(path))
    try:
        destination = sqlite3.connect(str(target))
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


__all__ = [
    "SCHEMA_HEAD",
    "SQLITE_NAME",
    "Database",
    "backup_sqlite_file",
    "current_revision",
    "head_revision",
    "known_revisions",
    "make_engine",
    "open_database",
    "safe_location",
    "sqlite_url",
    "stored_revisions",
    "upgrade",
]
