"""The evidence vault on both engines: de-duplication, refusal of links and special files,
verification (missing / changed), nothing deleted silently, names that cannot escape."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_fixtures import new_balance

from ecg_desktop.errors import InputError
from ecg_desktop.evidence.vault import FolderVault, hash_file, safe_name
from ecg_desktop.services.balance_service import LockedError, ServiceError

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _tamper(service, sha: str, data: bytes | None) -> None:
    """Change (or, with None, remove) the stored bytes behind the service's back."""
    if service.team_mode:
        from sqlalchemy import text

        with service._core.db.engine.begin() as connection:
            if data is None:
                connection.execute(text("DELETE FROM evidence_chunks WHERE sha256 = :s"), {"s": sha})
            else:
                connection.execute(
                    text("UPDATE evidence_chunks SET data = :d WHERE sha256 = :s AND seq = 0"), {"s": sha, "d": data}
                )
        return
    path = service._core.vault.path_of(sha)
    path.chmod(0o600)
    if data is None:
        path.unlink()
    else:
        path.write_bytes(data)


def test_attach_deduplicates_and_links_several_codes(service, tmp_path):
    balance_id = new_balance(service)
    other = new_balance(service, "Zweite GmbH")
    first = service.attach_evidence(
        balance_id, ["A1.1", "A2.1"], _file(tmp_path, "Liste Ä.txt", b"Hof 1\n"), "Lieferanten"
    )
    again = service.attach_evidence(other, ["E1.1"], _file(tmp_path, "kopie.txt", b"Hof 1\n"), "gleicher Inhalt")
    assert first.sha256 == again.sha256 and first.codes == ("A1.1", "A2.1") and first.size == 6
    assert first.description == "Lieferanten" and first.name == "Liste Ä.txt"
    assert again.name == "Liste Ä.txt"  # stored once, under the first name
    checks = service.verify_evidence()
    assert len(checks) == 1 and checks[0].status == "ok" and checks[0].balance_ids == (balance_id, other)
    if not service.team_mode:
        stored = [p for p in service._core.vault.root.rglob("*") if p.is_file()]
        assert len(stored) == 1 and stored[0].name == first.sha256
    service.link_evidence(balance_id, first.sha256, "B1.1")
    service.unlink_evidence(balance_id, first.sha256, "A2.1")
    assert service.get_balance(balance_id).evidence[0].codes == ("A1.1", "B1.1")
    opened = service.evidence_file(first.sha256)
    assert opened.name == "Liste Ä.txt" and opened.read_bytes() == b"Hof 1\n"


def test_unknown_codes_and_missing_codes_are_refused(service, tmp_path):
    balance_id = new_balance(service)
    path = _file(tmp_path, "a.txt", b"x")
    with pytest.raises(InputError):
        service.attach_evidence(balance_id, ["Q9.9"], path)
    with pytest.raises(ServiceError):
        service.attach_evidence(balance_id, [], path)
    assert service.unreferenced_evidence() == [] and service.verify_evidence() == []


def test_symlinks_and_special_files_are_refused(service, tmp_path):
    balance_id = new_balance(service)
    target = _file(tmp_path, "echt.txt", b"echt")
    link = tmp_path / "verweis.txt"
    link.symlink_to(target)
    fifo = tmp_path / "rohr"
    os.mkfifo(fifo)
    codes = []
    for bad in (link, fifo, tmp_path, tmp_path / "gibt-es-nicht.txt"):
        with pytest.raises(ServiceError) as info:
            service.attach_evidence(balance_id, ["A1.1"], bad)
        codes.append(info.value.code)
    assert codes == ["evidence_symlink", "evidence_not_regular", "evidence_not_regular", "evidence_unreadable"]
    assert service.verify_evidence() == []


def test_tampered_and_missing_files_are_reported(service, tmp_path):
    balance_id = new_balance(service)
    changed = service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "a.csv", b"1;2;3\n"))
    missing = service.attach_evidence(balance_id, ["A2.1"], _file(tmp_path, "b.md", b"# Richtlinie\n"))
    intact = service.attach_evidence(balance_id, ["A3.1"], _file(tmp_path, "c.txt", b"ok\n"))
    _tamper(service, changed.sha256, b"1;2;4\n")
    _tamper(service, missing.sha256, None)
    progress = []
    status = {c.name: c.status for c in service.verify_evidence(balance_id, lambda i, n: progress.append((i, n)))}
    assert status == {"a.csv": "changed", "b.md": "missing", "c.txt": "ok"}
    assert progress[-1] == (3, 3)
    problems = service.export(balance_id, "json", tmp_path / "out.json")
    assert {p.sha256 for p in problems} == {changed.sha256, missing.sha256}
    assert intact.sha256 not in {p.sha256 for p in problems}
    # attaching the original bytes again repairs the vault copy
    service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "a2.csv", b"1;2;3\n"))
    assert {c.name: c.status for c in service.verify_evidence(balance_id)}["a.csv"] == "ok"


def test_nothing_leaves_the_vault_silently(service, tmp_path):
    balance_id = new_balance(service)
    ref = service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "a.txt", b"Beleg"))
    with pytest.raises(ServiceError) as info:
        service.purge_evidence(ref.sha256, confirm=True)
    assert info.value.code == "evidence_in_use"
    service.unlink_evidence(balance_id, ref.sha256)
    assert [r.sha256 for r in service.unreferenced_evidence()] == [ref.sha256]
    with pytest.raises(ServiceError) as info:
        service.purge_evidence(ref.sha256, confirm=False)
    assert info.value.code == "evidence_confirm"
    assert service.verify_evidence()[0].status == "ok"
    service.purge_evidence(ref.sha256, confirm=True)
    assert service.verify_evidence() == [] and service.unreferenced_evidence() == []
    if not service.team_mode:
        assert not service._core.vault.path_of(ref.sha256).exists()
    assert service.history()[-1].action == "purge_evidence"


def test_deleting_a_balance_keeps_its_files(service, tmp_path):
    balance_id = new_balance(service)
    ref = service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "a.txt", b"Beleg"))
    service.delete_balance(balance_id)
    assert [r.sha256 for r in service.unreferenced_evidence()] == [ref.sha256]
    assert service.verify_evidence()[0].status == "ok"


def test_locked_balance_refuses_evidence_changes(service, tmp_path):
    balance_id = new_balance(service)
    ref = service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "a.txt", b"Beleg"))
    service.lock(balance_id)
    for change in (
        lambda: service.attach_evidence(balance_id, ["A1.1"], _file(tmp_path, "b.txt", b"neu")),
        lambda: service.link_evidence(balance_id, ref.sha256, "A2.1"),
        lambda: service.unlink_evidence(balance_id, ref.sha256),
    ):
        with pytest.raises(LockedError):
            change()


def test_stored_names_never_escape_the_vault(tmp_path):
    vault = FolderVault(tmp_path / "vault")
    for bad in ("../" * 3 + "etc/passwd", "a" * 63 + "/", "/" + "a" * 63, "A" * 64, ""):
        with pytest.raises(ServiceError):
            vault.path_of(bad)
    assert vault.path_of("ab" * 32).parent.parent == tmp_path / "vault"
    assert safe_name("../../boot/evil.txt") == "evil.txt"
    assert safe_name("C:\\Users\\x\\Bericht 2024.pdf") == "Bericht 2024.pdf"
    assert safe_name("..") == "evidence" and safe_name("a\x00b") == "a_b"


def test_hash_file_streams_in_chunks(tmp_path):
    import hashlib

    data = os.urandom(3 * 1024 * 1024 + 17)
    path = _file(tmp_path, "gross.bin", data)
    seen = []
    assert hash_file(path, seen.append) == (hashlib.sha256(data).hexdigest(), len(data))
    assert max(seen) <= 1024 * 1024 and len(seen) == 4


MEMORY_PROBE = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from ecg_desktop.services.balance_service import BalanceService
    from store_fixtures import new_balance
    service = BalanceService.open(sys.argv[1], sys.argv[3] or None)
    balance_id = new_balance(service)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ref = service.attach_evidence(balance_id, ["A1.1"], Path(sys.argv[2]))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    check = service.verify_evidence(balance_id)[0].status
    print(json.dumps({"before_kib": before, "after_kib": after, "size": ref.size, "check": check}))
    """
)


def test_attaching_a_big_file_keeps_memory_flat(store_args, tmp_path):
    """256 MiB (sparse) attached in a fresh process: peak RSS grows far less than the file."""
    import json

    size = 256 * 1024 * 1024
    big = tmp_path / "gross.bin"
    with open(big, "wb") as handle:
        handle.truncate(size)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests" / "storage"), os.environ.get("PYTHONPATH", "")]),
    }
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(store_args["data_dir"]), str(big), store_args.get("database_url", "")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["size"] == size and result["check"] == "ok"
    growth_mib = (result["after_kib"] - result["before_kib"]) / 1024
    assert growth_mib < 64, f"peak RSS grew by {growth_mib:.0f} MiB while attaching 256 MiB"
