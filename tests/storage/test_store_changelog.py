"""The change log records who, when, what, old and new, and shows tampering."""

from __future__ import annotations

import itertools
from decimal import Decimal

from sqlalchemy import text
from store_fixtures import new_balance

from ecg_desktop.services.balance_service import BalanceService
from ecg_desktop.storage.changelog import GENESIS


def test_entries_record_who_when_what_old_new_and_chain(service):
    balance_id = new_balance(service)
    service.set_rating(balance_id, "A1.1", Decimal(2))
    service.user = "Zoë Übermut"
    service.set_rating(balance_id, "A1.1", Decimal(5))
    entries = service.history()
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    last = entries[-1]
    assert (last.user, last.action, last.balance_id, last.field, last.old, last.new) == (
        "Zoë Übermut",
        "set_ratings",
        balance_id,
        "ratings.A1.1",
        "2",
        "5",
    )
    assert last.at.tzinfo is not None
    assert [e.field for e in service.history(balance_id)][-2:] == ["ratings.A1.1", "ratings.A1.1"]
    check = service.verify_log()
    assert check.ok and check.entries == len(entries) and check.first_broken_id is None


def test_default_user_is_the_os_user(store_args):
    import getpass

    service = BalanceService.open(**store_args)
    try:
        assert service.user == getpass.getuser()
    finally:
        service.close()


def _tamper(service, sql: str) -> None:
    with service._core.db.engine.begin() as connection:
        connection.execute(text(sql))


def test_hand_edited_entry_is_detected(service):
    balance_id = new_balance(service)
    for level in range(5):
        service.set_rating(balance_id, "A1.1", Decimal(level))
    target = service.history()[3].id
    _tamper(service, f"UPDATE change_log SET new = '10' WHERE id = {target}")
    check = service.verify_log()
    assert not check.ok
    assert check.first_broken_id == target
    assert f"entry {target}" in check.message and "edited" in check.message


def test_recomputed_hash_still_breaks_the_next_link(service):
    balance_id = new_balance(service)
    for level in range(4):
        service.set_rating(balance_id, "A1.1", Decimal(level))
    entries = service.history()
    target = entries[2]
    from ecg_desktop.storage.changelog import entry_hash

    forged = entry_hash(
        target.id,
        target.prev_hash,
        target.at.isoformat(timespec="microseconds"),
        "Mallory",
        target.action,
        target.balance_id,
        target.organisation_id,
        target.field,
        target.old,
        target.new,
    )
    _tamper(service, f"UPDATE change_log SET \"user\" = 'Mallory', hash = '{forged}' WHERE id = {target.id}")
    check = service.verify_log()
    assert not check.ok and check.first_broken_id == entries[3].id


def test_deleted_entry_is_detected(service):
    balance_id = new_balance(service)
    for level in range(4):
        service.set_rating(balance_id, "A1.1", Decimal(level))
    entries = service.history()
    _tamper(service, f"DELETE FROM change_log WHERE id = {entries[2].id}")
    check = service.verify_log()
    assert not check.ok and check.first_broken_id == entries[3].id
