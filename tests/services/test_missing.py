"""The "What's missing" rules, without Qt: one balance per rule, the exact items expected."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from ecg_desktop.balance.model import Balance, CompanyFacts, EvidenceRef
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.services.missing import (
    MIN_REASONING,
    NEGATIVE_CRITERIA_PAGE,
    done_themes,
    missing_items,
    pages,
)

LONG = "x" * MIN_REASONING


def _items(balance: Balance):
    matrix = load_matrix(balance.matrix)
    return missing_items(balance, matrix, score(balance))


def _complete51() -> Balance:
    """A 5.1 balance with every applicable aspect rated 3, reasoned and backed by one file per theme."""
    matrix = load_matrix("5.1")
    ratings = {a.code: D(3) for a in matrix.aspects() if a.positive}
    reasoning = dict.fromkeys(ratings, LONG)
    evidence = (EvidenceRef("a" * 64, "report.pdf", 10, codes=tuple(t.code for t in matrix.themes)),)
    return Balance(matrix="5.1", ratings=ratings, reasoning=reasoning, evidence=evidence)


def _codes(items, kind: str) -> list[str]:
    return [i.code for i in items if i.kind == kind]


def test_empty_51_balance_lacks_a_level_for_every_applicable_positive_aspect():
    matrix = load_matrix("5.1")
    items = _items(Balance(matrix="5.1"))
    expected = [a.code for a in matrix.aspects() if a.positive and a.code != "B1.2"]  # B1.2 weighs 0 by default
    assert _codes(items, "no_level") == expected
    assert {i.kind for i in items} == {"no_level"}
    first = items[0]
    assert first.theme == "A1"
    assert first.field == "level"
    assert first.location.en.startswith("A1 Human dignity")
    assert "›" in first.location.de
    assert first.message.de == "Es ist noch keine Stufe gewählt."


def test_complete_balance_has_nothing_missing_and_every_page_done():
    balance = _complete51()
    items = _items(balance)
    assert items == []
    assert done_themes(load_matrix("5.1"), items) == set(pages(load_matrix("5.1")))


def test_short_reasoning_is_reported_with_its_length():
    balance = _complete51()
    reasoning = dict(balance.reasoning)
    reasoning["C2.1"] = "  too short  "
    items = _items(balance.with_changes(reasoning=reasoning))
    assert [(i.kind, i.code, i.theme) for i in items] == [("short_reasoning", "C2.1", "C2")]
    assert "9 characters" in items[0].message.en
    assert f"mindestens {MIN_REASONING}" in items[0].message.de


def test_rating_above_zero_needs_evidence_linked_to_aspect_or_theme():
    balance = _complete51()
    ratings = dict(balance.ratings)
    ratings["A2.1"] = D(0)  # level 0 claims nothing: needs no evidence
    evidence = (EvidenceRef("b" * 64, "list.xlsx", 5, codes=("A1.1", "A3")),)
    items = _items(balance.with_changes(ratings=ratings, evidence=evidence))
    missing = _codes(items, "no_evidence")
    assert "A1.1" not in missing  # linked to the aspect
    assert "A3.1" not in missing  # linked through its theme
    assert "A2.1" not in missing  # level 0
    assert "A4.1" in missing
    assert all(i.field == "evidence" for i in items if i.kind == "no_evidence")


def test_exclusion_without_justification_is_missing_and_its_aspects_are_not():
    balance = _complete51()
    ratings = {k: v for k, v in balance.ratings.items() if not k.startswith("D2")}
    items = _items(balance.with_changes(ratings=ratings, weights={"D2": D(0)}))
    assert [(i.kind, i.code, i.field) for i in items] == [("no_justification", "D2", "weight")]
    assert "not applicable" in items[0].message.en
    justified = balance.with_changes(ratings=ratings, weights={"D2": D(0)}, justifications={"D2": "We sell nothing."})
    assert _items(justified) == []


def test_weight_override_needs_justification_but_choosing_the_computed_weight_does_not():
    balance = _complete51()
    items = _items(balance.with_changes(weights={"A1": D(2)}))
    assert [(i.kind, i.code) for i in items] == [("no_justification", "A1")]
    assert "computed 1" in items[0].message.en
    assert _items(balance.with_changes(weights={"A1": D(1)})) == []


def test_aspect_exclusion_and_stakeholder_weight_need_justification():
    balance = _complete51()
    items = _items(balance.with_changes(aspect_weights={"C1.2": D(0)}, stakeholder_weights={"B": D(2)}))
    assert [(i.kind, i.code, i.field, i.theme) for i in items] == [
        ("no_justification", "C1.2", "aspect_weight", "C1"),
        ("no_justification", "B", "stakeholder_weight", None),
    ]


def test_51_deduction_needs_a_justification():
    balance = _complete51()
    ratings = dict(balance.ratings)
    ratings["A1.2"] = D(-100)
    items = _items(balance.with_changes(ratings=ratings))
    assert [(i.kind, i.code, i.field) for i in items] == [("no_justification", "A1.2", "deduction")]
    assert "-100" in items[0].message.de


def test_not_applicable_theme_b2_by_loss_asks_for_nothing():
    balance = _complete51()
    facts = CompanyFacts(employees=D(20), turnover=D(1_000_000), profit=D(-5000), total_assets=D(500_000))
    ratings = {k: v for k, v in balance.ratings.items() if not k.startswith("B2")}
    result_items = _items(balance.with_changes(company=facts, ratings=ratings))
    assert result_items == []


@pytest.mark.parametrize(("value", "missing"), [(D(0), False), (D(-200), False), (D(-100), True)])
def test_41_reduced_negative_criterion_needs_a_reason(value, missing):
    matrix = load_matrix("4.1")
    ratings = {a.code: D(40) for a in matrix.aspects()}
    reasoning = dict.fromkeys(ratings, LONG)
    evidence = (EvidenceRef("c" * 64, "r.pdf", 1, codes=tuple(t.code for t in matrix.themes)),)
    n1 = matrix.negative_criteria[0]
    assert n1.code == "N1"
    ratings["N1"] = value if value != D(-200) else n1.deduction
    balance = Balance(matrix="4.1", ratings=ratings, reasoning=reasoning, evidence=evidence)
    items = _items(balance)
    if missing:
        assert [(i.kind, i.code, i.theme) for i in items] == [("no_justification", "N1", NEGATIVE_CRITERIA_PAGE)]
        assert NEGATIVE_CRITERIA_PAGE not in done_themes(matrix, items)
    else:
        assert items == []
        assert pages(matrix)[-1] == NEGATIVE_CRITERIA_PAGE


def test_41_sole_proprietor_skips_indicators_and_sub_indicators_that_do_not_apply():
    matrix = load_matrix("4.1")
    balance = Balance(matrix="4.1", company=CompanyFacts(sole_proprietor=True))
    asked = set(_codes(_items(balance), "no_level"))
    skipped = {a.code for a in matrix.aspects() if not a.sole_proprietor} | {
        a.code for t in matrix.themes if not t.sole_proprietor for a in matrix.aspects_of(t.code)
    }
    assert skipped, "matrix 4.1 has parts that do not apply to sole proprietors"
    assert asked == {a.code for a in matrix.aspects()} - skipped


def test_41_relevance_change_needs_a_justification():
    matrix = load_matrix("4.1")
    ratings = {a.code: D(40) for a in matrix.aspects()}
    reasoning = dict.fromkeys(ratings, LONG)
    evidence = (EvidenceRef("c" * 64, "r.pdf", 1, codes=tuple(t.code for t in matrix.themes)),)
    balance = Balance(
        matrix="4.1", ratings=ratings, reasoning=reasoning, evidence=evidence, aspect_weights={"A1.1": D(1)}
    )
    items = _items(balance)
    assert [(i.kind, i.code) for i in items] == [("no_justification", "A1.1")]
    assert "default 3" in items[0].message.en
