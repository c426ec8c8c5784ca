"""The change log as a hash chain: each entry hashes its content and the hash of the entry before.

Editing, deleting or reordering an entry breaks the chain at that entry or the next, and
verify_chain names the first broken one. (Whoever can rewrite the whole file can also
recompute the whole chain; the chain makes tampering visible, it does not prevent it.)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ecg_desktop.storage.models import ChangeLogRow

GENESIS = "0" * 64
_STATE_KEY = "ecg_log_tail"


def entry_hash(
    entry_id: int,
    prev_hash: str,
    at: str,
    user: str,
    action: str,
    balance_id: int | None,
    organisation_id: int | None,
    field: str,
    old: str | None,
    new: str | None,
) -> str:
    """SHA-256 of the entry's canonical JSON form (None and "" stay different)."""
    payload = json.dumps(
        [entry_id, prev_hash, at, user, action, balance_id, organisation_id, field, old, new],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def now_text() -> str:
    """The current time in UTC as ISO text with microseconds (what the log stores and hashes)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def append(
    session: Session,
    user: str,
    action: str,
    *,
    balance_id: int | None = None,
    organisation_id: int | None = None,
    field: str = "",
    old: str | None = None,
    new: str | None = None,
) -> ChangeLogRow:
    """Add one entry to the chain inside the caller's write transaction."""
    tail = session.info.get(_STATE_KEY)
    if tail is None:
        if session.get_bind().dialect.name == "postgresql":
            from ecg_desktop.storage.db import PG_LOG_LOCK

            # Held until commit: concurrent writers extend the chain one after the other.
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOG_LOCK})
        last = session.execute(
            select(ChangeLogRow.id, ChangeLogRow.hash).order_by(ChangeLogRow.id.desc()).limit(1)
        ).first()
        tail = (last[0], last[1]) if last else (0, GENESIS)
    entry_id, prev = tail[0] + 1, tail[1]
    at = now_text()
    digest = entry_hash(entry_id, prev, at, user, action, balance_id, organisation_id, field, old, new)
    row = ChangeLogRow(
        id=entry_id,
        at=at,
        user=user,
        action=action,
        balance_id=balance_id,
        organisation_id=organisation_id,
        field=field,
        old=old,
        new=new,
        prev_hash=prev,
        hash=digest,
    )
    session.add(row)
    session.info[_STATE_KEY] = (entry_id, digest)
    return row


def forget_tail(session: Session) -> None:
    """Drop the cached chain tail (after a rollback the next transaction reads it again)."""
    session.info.pop(_STATE_KEY, None)


@dataclass(frozen=True)
class ChainResult:
    ok: bool
    entries: int
    first_broken_id: int | None
    reason: str


def verify_chain(rows: Iterable[ChangeLogRow]) -> ChainResult:
    """Walk the entries in id order; report the first whose link or content hash does not match."""
    prev_hash, prev_id, count = GENESIS, 0, 0
    for row in rows:
        count += 1
        if row.id != prev_id + 1:
            return ChainResult(False, count, row.id, f"entry {prev_id + 1} is missing (next is {row.id})")
        if row.prev_hash != prev_hash:
            return ChainResult(False, count, row.id, "it does not point to the hash of the entry before")
        expected = entry_hash(
            row.id,
            row.prev_hash,
            row.at,
            row.user,
            row.action,
            row.balance_id,
            row.organisation_id,
            row.field,
            row.old,
            row.new,
        )
        if expected != row.hash:
            return ChainResult(False, count, row.id, "its content does not match its hash (edited)")
        prev_hash, prev_id = row.hash, row.id
    return ChainResult(True, count, None, "")
