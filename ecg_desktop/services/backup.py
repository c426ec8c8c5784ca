"""Backup and restore: one .ecgz archive (ZIP) with every table and every evidence file.

Layout: manifest.json (format, app version, schema revision, each member's SHA-256),
tables/<name>.jsonl (one JSON object per row, read in one snapshot), evidence/<sha256> (the
bytes, named by their hash). Restore reads and checks every hash before it writes anything,
and only restores into an empty store; an archive of an older schema is loaded at its own
schema revision and then upgraded like any old database.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, func, select, text
from sqlalchemy import types as satypes

from ecg_desktop import __version__
from ecg_desktop.services._impl import ServiceCore
from ecg_desktop.services.balance_service import SchemaError, ServiceError
from ecg_desktop.storage.db import current_revision, downgrade, known_revisions, upgrade
from ecg_desktop.storage.models import Base, EvidenceFileRow

FORMAT = "ecg-desktop-backup/1"
SKIPPED_TABLES = frozenset({"evidence_chunks", "alembic_version"})  # evidence bytes travel as files
Progress = Callable[[int, int], None]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        raise TypeError("binary column in a backed-up table")
    return value


def write_backup(core: ServiceCore, out: Path, progress: Progress | None = None) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with core.read() as s, zipfile.ZipFile(temp, "w", allowZip64=True) as zf:
            revision = current_revision(core.db.engine)
            tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]
            shas = list(s.execute(select(EvidenceFileRow.sha256).order_by(EvidenceFileRow.sha256)).scalars())
            total = len(tables) + len(shas)
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "app_version": __version__,
                "schema": revision,
                "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "source": "postgresql" if not core.db.is_sqlite else "sqlite",
                "tables": {},
                "evidence": {},
            }
            done = 0
            for table in tables:
                member = f"tables/{table.name}.jsonl"
                digest, rows = hashlib.sha256(), 0
                info = zipfile.ZipInfo(member)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zf.open(info, "w", force_zip64=True) as handle:
                    order = list(table.primary_key.columns)
                    for row in s.execute(select(table).order_by(*order)).mappings():
                        line = (json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n").encode()
                        digest.update(line)
                        handle.write(line)
                        rows += 1
                manifest["tables"][table.name] = {"member": member, "sha256": digest.hexdigest(), "rows": rows}
                done += 1
                if progress:
                    progress(done, total)
            for sha in shas:
                member = f"evidence/{sha}"
                info = zipfile.ZipInfo(member)
                info.compress_type = zipfile.ZIP_STORED
                size = 0
                with zf.open(info, "w", force_zip64=True) as handle:
                    for chunk in core.vault.read_chunks(sha, s):
                        handle.write(chunk)
                        size += len(chunk)
                manifest["evidence"][sha] = {"member": member, "size": size}
                done += 1
                if progress:
                    progress(done, total)
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _hash_member(zf: zipfile.ZipFile, member: str) -> str:
    digest = hashlib.sha256()
    with zf.open(member) as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(archive: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    try:
        zf = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ServiceError("backup_bad_archive", file=str(archive), reason=str(exc)) from exc
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        zf.close()
        raise ServiceError("backup_bad_archive", file=str(archive), reason="no readable manifest.json") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        zf.close()
        raise ServiceError("backup_bad_archive", file=str(archive), reason=f"format is not {FORMAT}")
    return zf, manifest


def verify_archive(zf: zipfile.ZipFile, manifest: dict[str, Any], archive: Path, progress: Progress | None) -> None:
    """Every table member matches its recorded hash, every evidence member hashes to its name."""
    names = set(zf.namelist())
    checks: list[tuple[str, str]] = [
        (entry["member"], entry["sha256"]) for entry in manifest.get("tables", {}).values()
    ] + [(entry["member"], sha) for sha, entry in manifest.get("evidence", {}).items()]
    for index, (member, expected) in enumerate(checks):
        if member not in names:
            raise ServiceError("backup_bad_archive", file=str(archive), reason=f"{member} is missing")
        try:
            found = _hash_member(zf, member)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:  # CRC errors land here too
            raise ServiceError("backup_hash_mismatch", file=str(archive), member=member) from exc
        if found != expected:
            raise ServiceError("backup_hash_mismatch", file=str(archive), member=member)
        if progress:
            progress(index + 1, 2 * len(checks))


def _convert(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, satypes.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, satypes.Date):
        return date.fromisoformat(value)
    if isinstance(column.type, satypes.Boolean) and not isinstance(value, bool):
        return bool(value)
    return value


def restore_backup(
    archive: Path,
    data_dir: str | Path | None,
    database_url: str | None,
    progress: Progress | None = None,
) -> None:
    zf, manifest = read_manifest(archive)
    with zf:
        schema = manifest.get("schema")
        known = known_revisions()
        if schema not in known:
            raise SchemaError("store_schema_newer", location=str(archive), found=schema, known=known[-1])
        verify_archive(zf, manifest, archive, progress)
        core = ServiceCore.open(data_dir, database_url, None)
        try:
            _restore_into(core, zf, manifest, schema, progress)
        finally:
            core.close()


def _restore_into(
    core: ServiceCore, zf: zipfile.ZipFile, manifest: dict[str, Any], schema: str, progress: Progress | None
) -> None:
    with core.read() as s:
        used = sum(
            s.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
            if table.name != "alembic_version"
        )
    if used:
        raise ServiceError("backup_target_not_empty", location=core.location)
    head = known_revisions()[-1]
    if schema != head:
        downgrade(core.db, schema)
    entries = list(manifest.get("tables", {}).items())
    evidence = list(manifest.get("evidence", {}).items())
    total = 2 * (len(entries) + len(evidence))
    done = total // 2
    with core.write() as s:
        connection = s.connection()
        metadata = MetaData()
        metadata.reflect(connection)
        order = [t.name for t in metadata.sorted_tables]
        for name, entry in sorted(entries, key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)):
            table = metadata.tables.get(name)
            if table is None:
                raise ServiceError("backup_bad_archive", file=name, reason="unknown table")
            batch: list[dict[str, Any]] = []
            with zf.open(entry["member"]) as handle:
                for line in handle:
                    data = json.loads(line)
                    batch.append({k: _convert(table.c[k], v) for k, v in data.items() if k in table.c})
                    if len(batch) >= 1000:
                        connection.execute(table.insert(), batch)
                        batch = []
            if batch:
                connection.execute(table.insert(), batch)
            done += 1
            if progress:
                progress(done, total)
        for sha, entry in evidence:
            with zf.open(entry["member"]) as handle:
                core.vault.put_chunks(sha, iter(lambda h=handle: h.read(1024 * 1024), b""), s)
            done += 1
            if progress:
                progress(done, total)
        if connection.dialect.name == "postgresql":
            for table in metadata.sorted_tables:
                if "id" in table.c and table.c["id"].autoincrement is not False:
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false) "
                            f"WHERE pg_get_serial_sequence('{table.name}', 'id') IS NOT NULL"
                        )
                    )
    if schema != head:
        upgrade(core.db, head)
