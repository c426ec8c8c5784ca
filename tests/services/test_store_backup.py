"""Backup and restore: one archive with tables and evidence; every hash checked before writing."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from store_fixtures import full_ratings_balance

from ecg_desktop.balance.model import Organisation
from ecg_desktop.services.balance_service import BalanceService, SchemaError, ServiceError


def _filled(service, tmp_path: Path) -> int:
    balance_id = service.import_balance(full_ratings_balance(1))
    evidence = tmp_path / "energie.csv"
    evidence.write_bytes(b"monat;kwh\n2024-01;1700\n")
    service.attach_evidence(balance_id, ["E3.1"], evidence, "Energiekennzahlen")
    service.submit_for_review(balance_id)
    service.set_auditor_comment(balance_id, "E3.1", "geprüft")
    return balance_id


def test_backup_and_restore_round_trip_across_engines(service, tmp_path, request):
    balance_id = _filled(service, tmp_path)
    archive = tmp_path / "sicherung.ecgz"
    steps = []
    service.backup(archive, lambda done, total: steps.append((done, total)))
    assert steps and steps[-1][0] == steps[-1][1]
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest["format"] == "ecg-desktop-backup/1" and len(manifest["evidence"]) == 1
    assert "tables/change_log.jsonl" in names
    # restore into a fresh SQLite folder (whatever the source engine was)
    target = tmp_path / "wiederhergestellt"
    BalanceService.restore(archive, target)
    restored = BalanceService.open(target)
    try:
        assert restored.get_balance(balance_id) == service.get_balance(balance_id)
        assert [c.status for c in restored.verify_evidence()] == ["ok"]
        assert restored.verify_log().ok
        assert len(restored.history()) == len(service.history())
        restored.set_rating(balance_id, "A1.1", Decimal(9))  # ids go on after the restored ones
        new_balance = restored.create_balance(restored.balance_info(balance_id).organisation_id, "5.1")
        assert new_balance > balance_id
    finally:
        restored.close()


@pytest.mark.postgres
def test_restore_into_postgresql(tmp_path, pg_url):
    source = BalanceService.open(tmp_path / "lokal")
    balance_id = _filled(source, tmp_path)
    archive = tmp_path / "s.ecgz"
    source.backup(archive)
    BalanceService.restore(archive, tmp_path / "x", pg_url)
    team = BalanceService.open(tmp_path / "x", pg_url)
    try:
        assert team.get_balance(balance_id) == source.get_balance(balance_id)
        assert [c.status for c in team.verify_evidence()] == ["ok"]
        assert team.verify_log().ok
        team.set_rating(balance_id, "A1.1", Decimal(2))
        assert team.create_organisation(Organisation(name="Neu")) > 1
    finally:
        team.close()
        source.close()


def _rewrite(archive: Path, out: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info.filename))


def test_tampered_archive_is_refused_before_anything_is_written(service, tmp_path):
    _filled(service, tmp_path)
    archive = tmp_path / "s.ecgz"
    service.backup(archive)
    with zipfile.ZipFile(archive) as zf:
        evidence_member = next(n for n in zf.namelist() if n.startswith("evidence/"))
        ratings = zf.read("tables/ratings.jsonl").replace(b'"level": "1"', b'"level": "9"', 1)
    for member, data in ((evidence_member, b"anders\n"), ("tables/ratings.jsonl", ratings)):
        bad = tmp_path / f"bad-{member.replace('/', '_')}.ecgz"
        _rewrite(archive, bad, member, data)
        target = tmp_path / f"ziel-{bad.stem}"
        with pytest.raises(ServiceError) as info:
            BalanceService.restore(bad, target)
        assert info.value.code == "backup_hash_mismatch" and member in str(info.value)
        assert not target.exists()


def test_restore_refuses_a_store_with_data_and_bad_archives(service, tmp_path):
    _filled(service, tmp_path)
    archive = tmp_path / "s.ecgz"
    service.backup(archive)
    with pytest.raises(ServiceError) as info:
        BalanceService.restore(archive, **_args_of(service))
    assert info.value.code == "backup_target_not_empty"
    junk = tmp_path / "kein.ecgz"
    junk.write_bytes(b"no zip")
    with pytest.raises(ServiceError) as info:
        BalanceService.restore(junk, tmp_path / "z")
    assert info.value.code == "backup_bad_archive"
    newer = tmp_path / "neu.ecgz"
    with zipfile.ZipFile(archive) as src:
        manifest = json.loads(src.read("manifest.json"))
    manifest["schema"] = "9999"
    _rewrite(archive, newer, "manifest.json", json.dumps(manifest).encode())
    with pytest.raises(SchemaError):
        BalanceService.restore(newer, tmp_path / "z2")
    assert not (tmp_path / "z2").exists()


def _args_of(service) -> dict:
    if service.team_mode:
        return {"data_dir": service._core.folder, "database_url": service._core.db.engine.url.render_as_string(False)}
    return {"data_dir": service._core.folder}


def test_archive_of_an_older_schema_is_restored_and_upgraded(tmp_path):
    from sqlalchemy import text

    from ecg_desktop.storage.db import Database, make_engine, sqlite_url, upgrade

    old_dir = tmp_path / "alt"
    old_dir.mkdir()
    engine = make_engine(sqlite_url(old_dir / "ecg-desktop.sqlite"))
    upgrade(Database(engine, engine.execution_options(ecg_write=True), None, "alt"), "0001")
    engine.dispose()
    # build an archive as revision 0001 would have written it
    service = BalanceService.open(tmp_path / "neu")
    service.create_organisation(Organisation(name="Alt eG"))
    archive = tmp_path / "neu.ecgz"
    service.backup(archive)
    service.close()
    with zipfile.ZipFile(archive) as src:
        manifest = json.loads(src.read("manifest.json"))
    manifest["schema"] = "0001"
    del manifest["tables"]["settings"]
    old_archive = tmp_path / "alt.ecgz"
    _rewrite(archive, old_archive, "manifest.json", json.dumps(manifest).encode())
    target = tmp_path / "ziel"
    BalanceService.restore(old_archive, target)
    restored = BalanceService.open(target)
    try:
        assert [o.name for o in restored.list_organisations()] == ["Alt eG"]
        restored.set_setting("x", "1")
        with restored._core.db.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    finally:
        restored.close()
