"""Service-layer rules on both engines: edits, validation, workflow, locking, copies, imports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from store_fixtures import full_ratings_balance, new_balance, small_facts

from ecg_desktop.balance.model import Balance, CompanyFacts, EvidenceRef, Organisation, Period
from ecg_desktop.errors import InputError
from ecg_desktop.scoring import score
from ecg_desktop.scoring.tax import Band, TaxSchedule, linear_schedule
from ecg_desktop.services.balance_service import (
    BalanceService,
    ConcurrentEditError,
    LockedError,
    NotFoundError,
    ServiceError,
)


def test_organisations_create_list_update_archive(service):
    first = service.create_organisation(Organisation(name="Zöllner & Söhne", website="https://z.example"))
    second = service.create_organisation(Organisation(name="Alpha eG"))
    assert [o.name for o in service.list_organisations()] == ["Alpha eG", "Zöllner & Söhne"]
    service.update_organisation(first, Organisation(name="Zöllner & Töchter"))
    assert service.get_organisation(first).name == "Zöllner & Töchter"
    assert service.get_organisation(first).website == ""
    service.archive_organisation(second)
    assert [o.id for o in service.list_organisations()] == [first]
    assert {o.id for o in service.list_organisations(include_archived=True)} == {first, second}
    with pytest.raises(InputError) as info:
        service.create_organisation(Organisation(name="  "))
    assert info.value.problems[0].location.field == "organisation.name"
    with pytest.raises(NotFoundError):
        service.get_organisation(9999)


def test_edits_are_stored_exactly_and_bump_the_version(service):
    balance_id = new_balance(service)
    start = service.balance_info(balance_id).version
    v1 = service.set_rating(balance_id, "A1.1", Decimal("7.25"))
    v2 = service.set_reasoning(balance_id, "A1.1", "Regionale Höfe, faire Preise.", expected_version=v1)
    v3 = service.set_auditor_rating(balance_id, "A1.1", Decimal("6.5"), expected_version=v2)
    v4 = service.set_auditor_comment(balance_id, "A1.1", "Belege vollständig.", expected_version=v3)
    v5 = service.set_aspect_weight(balance_id, "C3.1", Decimal(0), "Keine Verpflegung möglich.", expected_version=v4)
    v6 = service.set_theme_weight(balance_id, "E4", Decimal("1.5"), "Politisch aktiv.", expected_version=v5)
    v7 = service.set_stakeholder_weight(balance_id, "B", Decimal("0.5"), "Kaum Finanzierung.", expected_version=v6)
    v8 = service.set_rating(balance_id, "A1.2", Decimal(-40), expected_version=v7)
    v9 = service.set_company_facts(balance_id, small_facts(), expected_version=v8)
    assert [v1, v2, v3, v4, v5, v6, v7, v8, v9] == list(range(start + 1, start + 10))
    b = service.get_balance(balance_id)
    assert b.ratings == {"A1.1": Decimal("7.25"), "A1.2": Decimal(-40)}
    assert str(b.ratings["A1.1"]) == "7.25"
    assert b.reasoning["A1.1"] == "Regionale Höfe, faire Preise."
    assert b.auditor_ratings == {"A1.1": Decimal("6.5")}
    assert b.auditor_comments == {"A1.1": "Belege vollständig."}
    assert b.aspect_weights == {"C3.1": Decimal(0)}
    assert b.weights == {"E4": Decimal("1.5")}
    assert b.stakeholder_weights == {"B": Decimal("0.5")}
    assert b.justifications == {
        "C3.1": "Keine Verpflegung möglich.",
        "E4": "Politisch aktiv.",
        "B": "Kaum Finanzierung.",
    }
    assert b.company.turnover == Decimal("1500000.25")
    # clearing: None removes the override and its justification; an empty text removes a reasoning
    service.set_theme_weight(balance_id, "E4", None)
    service.set_reasoning(balance_id, "A1.1", "")
    b = service.get_balance(balance_id)
    assert "E4" not in b.weights and "E4" not in b.justifications and "A1.1" not in b.reasoning
    # the same value again is no change: no new version
    version = service.balance_info(balance_id).version
    assert service.set_rating(balance_id, "A1.1", Decimal("7.250")) == version


def test_not_applicable_is_weight_zero_with_justification(service):
    balance_id = new_balance(service)
    service.set_not_applicable(balance_id, "D1.2", "Kein Publikumsverkehr.")
    b = service.get_balance(balance_id)
    assert b.aspect_weights["D1.2"] == 0 and b.justifications["D1.2"] == "Kein Publikumsverkehr."
    assert score(b).aspects["D1.2"].max_points == 0


def test_invalid_edits_are_refused_with_location_and_change_nothing(service):
    balance_id = new_balance(service)
    service.set_rating(balance_id, "A1.1", Decimal(3))
    before = service.balance_info(balance_id).version
    history = len(service.history())
    cases = [
        lambda: service.set_rating(balance_id, "A1.1", Decimal(11)),
        lambda: service.set_rating(balance_id, "Z9.9", Decimal(1)),
        lambda: service.set_theme_weight(balance_id, "A1", Decimal("0.7")),
        lambda: service.set_company_facts(balance_id, CompanyFacts(employees=Decimal(-1))),
        lambda: service.set_period(balance_id, Period(date(2024, 1, 1), date(2023, 1, 1))),
    ]
    fields = []
    for case in cases:
        with pytest.raises(InputError) as info:
            case()
        fields.append(info.value.problems[0].location.field)
    assert fields == ["ratings.A1.1", "ratings.Z9.9", "weights.A1", "company.employees", "period.end"]
    assert service.get_balance(balance_id).ratings == {"A1.1": Decimal(3)}
    assert service.balance_info(balance_id).version == before
    assert len(service.history()) == history


def test_stale_write_is_refused_with_who_and_when(store_args):
    one = BalanceService.open(**store_args, user="Anna Müller")
    two = BalanceService.open(**store_args, user="Bernd")
    try:
        balance_id = new_balance(one)
        seen = two.balance_info(balance_id).version
        one.set_rating(balance_id, "A1.1", Decimal(5), expected_version=seen)
        with pytest.raises(ConcurrentEditError) as info:
            two.set_rating(balance_id, "A1.1", Decimal(2), expected_version=seen)
        assert "changed by Anna Müller at " in str(info.value)
        assert info.value.user == "Anna Müller"
        assert "geändert" in info.value.text("de")
        assert two.get_balance(balance_id).ratings["A1.1"] == Decimal(5)
        fresh = two.balance_info(balance_id).version
        two.set_rating(balance_id, "A1.1", Decimal(2), expected_version=fresh)
        assert one.get_balance(balance_id).ratings["A1.1"] == Decimal(2)
        assert one.balance_info(balance_id).updated_by == "Bernd"
    finally:
        one.close()
        two.close()


def test_workflow_audit_locks_and_every_change_is_refused(service, tmp_path):
    balance_id = new_balance(service)
    service.set_rating(balance_id, "A1.1", Decimal(4))
    with pytest.raises(ServiceError):
        service.record_audit(balance_id, "peer", "Prüfgruppe", date(2025, 3, 1))  # still a draft
    service.submit_for_review(balance_id)
    assert service.balance_info(balance_id).status == "in_review"
    service.record_audit(balance_id, "external", "Auditorin Dr. Groß", date(2024, 2, 29))
    info = service.balance_info(balance_id)
    assert (info.status, info.audit_kind, info.locked) == ("audited", "external", True)
    audit = service.get_balance(balance_id).audit
    assert audit.auditor == "Auditorin Dr. Groß"
    assert audit.valid_until == date(2026, 2, 28)
    evidence = tmp_path / "beleg.txt"
    evidence.write_text("Beleg")
    version = info.version
    edits = [
        lambda: service.set_rating(balance_id, "A1.1", Decimal(9)),
        lambda: service.set_reasoning(balance_id, "A1.1", "x"),
        lambda: service.set_auditor_rating(balance_id, "A1.1", Decimal(1)),
        lambda: service.set_auditor_comment(balance_id, "A1.1", "x"),
        lambda: service.set_theme_weight(balance_id, "A1", Decimal(2), "x"),
        lambda: service.set_stakeholder_weight(balance_id, "A", Decimal(2), "x"),
        lambda: service.set_aspect_weight(balance_id, "A1.1", Decimal(2), "x"),
        lambda: service.set_justification(balance_id, "A1.1", "x"),
        lambda: service.set_company_facts(balance_id, small_facts()),
        lambda: service.set_period(balance_id, None),
        lambda: service.set_tax_schedule(balance_id, linear_schedule()),
        lambda: service.replace_balance_content(balance_id, service.get_balance(balance_id)),
        lambda: service.import_many([(balance_id, service.get_balance(balance_id))]),
        lambda: service.attach_evidence(balance_id, ["A1.1"], evidence),
        lambda: service.submit_for_review(balance_id),
        lambda: service.record_audit(balance_id, "self", "x", date(2025, 1, 1)),
        lambda: service.delete_balance(balance_id),
    ]
    for edit in edits:
        with pytest.raises(LockedError):
            edit()
    assert service.balance_info(balance_id).version == version
    assert service.get_balance(balance_id).ratings == {"A1.1": Decimal(4)}
    with pytest.raises(ServiceError):
        service.delete_organisation(info.organisation_id)
    # a new revision is an editable draft; the audited one stays as it was
    revision = service.new_revision(balance_id)
    rev_info = service.balance_info(revision)
    assert (rev_info.revision, rev_info.status, rev_info.locked) == (2, "draft", False)
    service.set_rating(revision, "A1.1", Decimal(6))
    assert service.get_balance(balance_id).ratings["A1.1"] == Decimal(4)
    with pytest.raises(ServiceError):
        service.new_revision(revision)  # not locked


def test_lock_shortcut_records_a_self_audit_today(service):
    balance_id = new_balance(service)
    service.lock(balance_id)
    info = service.balance_info(balance_id)
    assert info.locked and info.status == "audited"
    assert service.get_balance(balance_id).audit.auditor == "Tester"
    service.lock(balance_id)  # idempotent


def test_copy_to_next_period_and_previous_balance(service):
    balance_id = new_balance(service, year=2021)
    service.set_rating(balance_id, "A1.1", Decimal(3))
    service.set_reasoning(balance_id, "A1.1", "Text")
    service.set_auditor_comment(balance_id, "A1.1", "Prüfnotiz")
    service.set_company_facts(balance_id, small_facts())
    following = service.copy_to_next_period(balance_id)
    copy = service.get_balance(following)
    assert copy.period == Period(date(2023, 1, 1), date(2024, 12, 31))
    assert copy.ratings == {"A1.1": Decimal(3)} and copy.reasoning == {"A1.1": "Text"}
    assert copy.auditor_comments == {} and copy.audit.status == "draft"
    assert copy.company == small_facts()
    assert service.previous_balance(following) == balance_id
    assert service.previous_balance(balance_id) is None
    odd = service.create_balance(
        service.balance_info(balance_id).organisation_id, "5.1", "compact", Period(date(2020, 7, 1), date(2021, 6, 30))
    )
    assert service.get_balance(service.copy_to_next_period(odd)).period == Period(date(2021, 7, 1), date(2022, 6, 30))
    no_period = service.create_balance(service.balance_info(balance_id).organisation_id, "5.1")
    with pytest.raises(ServiceError):
        service.copy_to_next_period(no_period)


def test_import_creates_organisation_and_round_trips(service):
    balance = full_ratings_balance(3).with_changes(
        justifications={"C3.1": "Begründung"}, aspect_weights={"C3.1": Decimal(0)}, calculator_version="5.10"
    )
    balance_id = service.import_balance(balance)
    stored = service.get_balance(balance_id)
    assert stored == balance
    assert service.list_organisations()[0].name == balance.organisation.name
    again = service.import_balance(balance)  # same organisation name: same organisation
    assert service.balance_info(again).organisation_id == service.balance_info(balance_id).organisation_id
    assert service.score(balance_id).total == score(balance).total


def test_import_reports_evidence_not_in_vault_and_invalid_content(service):
    missing = EvidenceRef(sha256="a" * 64, name="fehlt.pdf", size=3, codes=("A1.1",))
    with pytest.raises(InputError) as info:
        service.import_balance(full_ratings_balance().with_changes(evidence=(missing,)))
    assert info.value.problems[0].code == "evidence_not_in_vault"
    assert info.value.problems[0].location.field == "evidence[0]"
    bad = full_ratings_balance().with_changes(ratings={"A1.1": Decimal(12)})
    with pytest.raises(InputError):
        service.import_balance(bad)
    assert service.list_organisations() == [] and service.list_balances() == []


def test_import_many_is_all_or_nothing(service):
    existing = service.import_balance(full_ratings_balance(0))
    good = full_ratings_balance(1)
    bad = full_ratings_balance(2).with_changes(ratings={"A1.1": Decimal(99)})
    count = len(service.list_balances())
    with pytest.raises(InputError) as info:
        service.import_many([(existing, good), (None, good), (None, bad)])
    assert info.value.problems[0].location.field == "balances[2].ratings.A1.1"
    assert len(service.list_balances()) == count
    assert service.get_balance(existing).ratings == full_ratings_balance(0).ratings
    ids = service.import_many([(existing, good), (None, good)])
    assert ids[0] == existing and len(ids) == 2
    assert service.get_balance(existing).ratings == good.ratings


def test_replace_content_logs_every_changed_field(service):
    balance_id = service.import_balance(full_ratings_balance(0))
    current = service.get_balance(balance_id)
    changed = current.with_changes(
        ratings={**current.ratings, "A1.1": Decimal(10), "B1.1": Decimal(1)},
        reasoning={**current.reasoning, "E4.1": "Neu"},
    )
    before = len(service.history(balance_id))
    service.replace_balance_content(balance_id, changed, expected_version=service.balance_info(balance_id).version)
    entries = service.history(balance_id)[before:]
    assert sorted(e.field for e in entries) == ["ratings.A1.1", "ratings.B1.1", "reasoning.E4.1"]
    a11 = next(e for e in entries if e.field == "ratings.A1.1")
    assert (a11.old, a11.new, a11.user) == (str(current.ratings["A1.1"]), "10", "Tester")
    with pytest.raises(ServiceError):
        service.replace_balance_content(balance_id, replace(changed, type="compact"))


def test_tax_schedule_and_settings(service):
    balance_id = new_balance(service)
    assert service.get_tax_schedule(balance_id).kind == "bands"
    schedule = TaxSchedule(
        kind="bands", name="Eigene Stufen", bands=(Band(None, Decimal(30)), Band(Decimal(500), Decimal("12.5")))
    )
    service.set_tax_schedule(balance_id, schedule)
    assert service.get_tax_schedule(balance_id) == schedule
    with pytest.raises(InputError):
        service.set_tax_schedule(balance_id, TaxSchedule(kind="bands", bands=(Band(None, Decimal(120)),)))
    service.set_tax_schedule(balance_id, None)
    assert service.get_tax_schedule(balance_id).name.startswith("ECG VAT")
    assert service.get_setting("default_matrix") is None
    service.set_setting("default_matrix", "5.1")
    assert service.get_setting("default_matrix") == "5.1"


def test_delete_balance_and_organisation(service):
    balance_id = new_balance(service)
    org_id = service.balance_info(balance_id).organisation_id
    other = service.create_balance(org_id, "4.1")
    service.delete_balance(balance_id)
    with pytest.raises(NotFoundError):
        service.get_balance(balance_id)
    assert [b.id for b in service.list_balances()] == [other]
    service.delete_organisation(org_id)
    assert service.list_organisations(include_archived=True) == []
    assert service.list_balances() == []
    assert service.history()[-1].action == "delete_organisation"


def test_list_balances_and_info(service):
    first = new_balance(service, "Beta AG", 2020)
    second = new_balance(service, "Alpha GmbH", 2022)
    infos = service.list_balances()
    assert [i.id for i in infos] == [second, first]
    assert infos[0].organisation_name == "Alpha GmbH" and infos[0].matrix == "5.1"
    assert infos[0].updated_by == "Tester" and infos[0].updated_at.tzinfo is not None
    assert service.list_organisations()[0].balance_count == 1
    assert [i.id for i in service.list_balances(infos[1].organisation_id)] == [first]


def test_get_balance_is_the_domain_object_scored_like_the_file(service):
    balance_id = service.import_balance(full_ratings_balance(7))
    result = service.score(balance_id)
    assert result.total == score(service.get_balance(balance_id)).total
    assert isinstance(service.get_balance(balance_id), Balance)
