"""The sample organisation for first start."""

from __future__ import annotations

from ecg_desktop.matrix import load_matrix
from ecg_desktop.services.sample import create_sample_if_first_start, sample_balance, sample_evidence


def test_sample_balance_rates_every_51_aspect_in_german():
    balance = sample_balance()
    assert balance.organisation.name == "Bäckerei Sonnenkorn GmbH"
    assert (balance.matrix, balance.type) == ("5.1", "full")
    codes = {a.code for a in load_matrix("5.1").aspects("full")}
    assert set(balance.ratings) == codes and set(balance.reasoning) == codes
    for text in balance.reasoning.values():
        assert 20 < len(text) < 400 and text.count(".") <= 4
    assert any(ch in "".join(balance.reasoning.values()) for ch in "äöüß")
    assert balance.auditor_comments and set(balance.auditor_comments) < codes  # some notes left empty
    assert balance.company.employees and balance.company.supply_fractions


def test_first_start_creates_the_sample_once(service):
    balance_id = create_sample_if_first_start(service)
    assert balance_id is not None
    stored = service.get_balance(balance_id)
    assert len(stored.evidence) == len(sample_evidence()) >= 3
    assert {c.status for c in service.verify_evidence(balance_id)} == {"ok"}
    assert stored.ratings == sample_balance().ratings
    assert service.score(balance_id).total > 0
    assert create_sample_if_first_start(service) is None
    service.delete_organisation(service.balance_info(balance_id).organisation_id)
    assert create_sample_if_first_start(service) is None  # deleted by the user: not again
