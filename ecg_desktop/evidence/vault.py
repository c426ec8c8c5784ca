"""Where evidence bytes live: a content-addressed folder (local) or chunks in the database (team).

Files are read and hashed in chunks of 1 MiB, so a 2 GB file never sits in memory. A stored
file's place is derived only from its SHA-256 (checked to be 64 hex digits), so no name a
user chose can ever point outside the vault. Symbolic links and special files are refused.
Nothing here deletes a file unless the service asks for it after its checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

CHUNK_SIZE = 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def is_sha256(value: str) -> bool:
    return bool(_SHA.fullmatch(value))


def _check_sha(value: str) -> str:
    if not is_sha256(value):
        from ecg_desktop.services.balance_service import ServiceError

        raise ServiceError("evidence_bad_hash", sha256=value)
    return value


def safe_name(name: str) -> str:
    """A display/file name without folders, control or reserved characters (never empty)."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned[:200] or "evidence"


def open_regular_file(path: Path) -> BinaryIO:
    """Open `path` for reading; refuse symbolic links, folders, devices, pipes and sockets."""
    from ecg_desktop.services.balance_service import ServiceError

    try:
        info = os.lstat(path)
    except OSError as exc:
        raise ServiceError("evidence_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise ServiceError("evidence_symlink", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ServiceError("evidence_not_regular", path=str(path))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ServiceError("evidence_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    # The path might have been swapped between lstat and open: check what was opened.
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ServiceError("evidence_not_regular", path=str(path))
    return os.fdopen(fd, "rb")


def iter_chunks(handle: BinaryIO, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    while True:
        chunk = handle.read(size)
        if not chunk:
            return
        yield chunk


def hash_file(path: Path, progress: Callable[[int], None] | None = None) -> tuple[str, int]:
    """SHA-256 and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for chunk in iter_chunks(handle):
            digest.update(chunk)
            size += len(chunk)
            if progress:
                progress(len(chunk))
    return digest.hexdigest(), size


class Vault(Protocol):
    """What the service needs from a place that stores evidence bytes."""

    def ingest(self, source: Path, session: Session) -> tuple[str, int]:
        """Store the file; return its SHA-256 and size (storing the same bytes twice is a no-op)."""
        ...

    def put_chunks(self, sha256: str, chunks: Iterator[bytes], session: Session) -> None:
        """Store bytes known by their hash (restore); the caller has checked the hash."""
        ...

    def status(self, sha256: str, session: Session) -> str:
        """ "ok", "missing" or "changed"."""
        ...

    def read_chunks(self, sha256: str, session: Session) -> Iterator[bytes]: ...

    def readable_path(self, sha256: str, name: str, session: Session, scratch: Path) -> Path: ...

    def remove(self, sha256: str, session: Session) -> None: ...


class FolderVault:
    """Local mode: files under ROOT/ab/abcdef... (read-only copies), de-duplicated by hash."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        _check_sha(sha256)
        path = self.root / sha256[:2] / sha256
        # Belt and braces: the hash check above already makes escaping impossible.
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise ValueError("vault path escapes the vault")
        return path

    def _incoming(self) -> tuple[int, Path]:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        return fd, Path(name)

    def ingest(self, source: Path, session: Session) -> tuple[str, int]:  # noqa: ARG002 - same shape as DatabaseVault
        with open_regular_file(source) as handle:
            return self._store_stream(iter_chunks(handle), None)

    def put_chunks(self, sha256: str, chunks: Iterator[bytes], session: Session) -> None:  # noqa: ARG002
        self._store_stream(chunks, sha256)

    def _store_stream(self, chunks: Iterator[bytes], expected: str | None) -> tuple[str, int]:
        fd, temp = self._incoming()
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected is not None and sha != expected:
                raise ValueError(f"content does not match {expected}")
            final = self.path_of(sha)
            if final.exists() and self.status(sha, None) == "ok":  # type: ignore[arg-type]
                temp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                if final.exists():  # a changed copy: replace it with the good bytes
                    final.chmod(0o600)
                os.replace(temp, final)
                final.chmod(0o444)
            return sha, size
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise

    def status(self, sha256: str, session: Session | None) -> str:  # noqa: ARG002
        path = self.path_of(sha256)
        if not path.is_file() or path.is_symlink():
            return "missing"
        found, _size = hash_file(path)
        return "ok" if found == sha256 else "changed"

    def read_chunks(self, sha256: str, session: Session) -> Iterator[bytes]:  # noqa: ARG002
        with open(self.path_of(sha256), "rb") as handle:
            yield from iter_chunks(handle)

    def readable_path(self, sha256: str, name: str, session: Session, scratch: Path) -> Path:  # noqa: ARG002
        """A path with the original file name (so the OS picks the right program): a hard link or copy."""
        source = self.path_of(sha256)
        if not source.is_file():
            from ecg_desktop.services.balance_service import ServiceError

            raise ServiceError("evidence_missing_file", name=name, sha256=sha256)
        folder = scratch / sha256[:16]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / safe_name(name)
        if not target.exists():
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
                target.chmod(0o444)
        return target

    def remove(self, sha256: str, session: Session) -> None:  # noqa: ARG002
        path = self.path_of(sha256)
        if path.exists():
            path.chmod(0o600)
            path.unlink()


class DatabaseVault:
    """Team mode: the bytes live in the database (table evidence_chunks, 1 MiB per row)."""

    def __init__(self) -> None:
        from ecg_desktop.storage.models import EvidenceChunkRow

        self.table = EvidenceChunkRow.__table__

    def _exists(self, sha256: str, session: Session) -> bool:
        row = session.execute(
            select(self.table.c.seq).where(self.table.c.sha256 == sha256, self.table.c.seq == 0)
        ).first()
        return row is not None

    def ingest(self, source: Path, session: Session) -> tuple[str, int]:
        # First pass: the hash (do we have these bytes already?). Second pass: store them,
        # hashing again so a file that changed in between is never stored under a wrong hash.
        with open_regular_file(source) as handle:
            digest = hashlib.sha256()
            size = 0
            for chunk in iter_chunks(handle):
                digest.update(chunk)
                size += len(chunk)
        sha = digest.hexdigest()
        if self._exists(sha, session) and self.status(sha, session) == "ok":
            return sha, size
        with open_regular_file(source) as handle:
            self.put_chunks(sha, iter_chunks(handle), session)
        return sha, size

    def put_chunks(self, sha256: str, chunks: Iterator[bytes], session: Session) -> None:
        _check_sha(sha256)
        session.execute(delete(self.table).where(self.table.c.sha256 == sha256))
        digest = hashlib.sha256()
        for seq, chunk in enumerate(chunks):
            digest.update(chunk)
            session.execute(insert(self.table), {"sha256": sha256, "seq": seq, "data": chunk})
        if digest.hexdigest() != sha256:
            from ecg_desktop.services.balance_service import ServiceError

            raise ServiceError("evidence_unreadable", path=sha256, reason="the file changed while it was read")
        if not self._exists(sha256, session):  # an empty file still needs a row
            session.execute(insert(self.table), {"sha256": sha256, "seq": 0, "data": b""})

    def read_chunks(self, sha256: str, session: Session) -> Iterator[bytes]:
        seq = 0
        while True:
            row = session.execute(
                select(self.table.c.data).where(self.table.c.sha256 == sha256, self.table.c.seq == seq)
            ).first()
            if row is None:
                return
            yield bytes(row[0])
            seq += 1

    def status(self, sha256: str, session: Session) -> str:
        if not self._exists(sha256, session):
            return "missing"
        digest = hashlib.sha256()
        for chunk in self.read_chunks(sha256, session):
            digest.update(chunk)
        return "ok" if digest.hexdigest() == sha256 else "changed"

    def readable_path(self, sha256: str, name: str, session: Session, scratch: Path) -> Path:
        if not self._exists(_check_sha(sha256), session):
            from ecg_desktop.services.balance_service import ServiceError

            raise ServiceError("evidence_missing_file", name=name, sha256=sha256)
        folder = scratch / sha256[:16]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / safe_name(name)
        partial = target.with_name(target.name + ".part")
        with open(partial, "wb") as out:
            for chunk in self.read_chunks(sha256, session):
                out.write(chunk)
        os.replace(partial, target)
        return target

    def remove(self, sha256: str, session: Session) -> None:
        session.execute(delete(self.table).where(self.table.c.sha256 == _check_sha(sha256)))
