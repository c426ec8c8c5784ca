"""Sample balances for the PDF tests and the PDF benchmark (imported as `test_pdf_samples`), and their checks.

A realistic 5.1 balance with umlauts, ß, € and arrows, an audited 4.1 balance with negative
criteria, and a stress balance with 50 evidence files and very long reasoning texts.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal as D

from ecg_desktop.balance.model import AuditInfo, Balance, CompanyFacts, EvidenceRef, Organisation, Period
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.matrix import load_matrix

ORG_NAME = "Bäckerei Müller & Söhne GmbH – Brot für Groß und Klein"
AUDITOR = "Jörg Weiß"
GENERATED = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
REASONING = (
    "Wir beziehen 80 % unseres Mehls von regionalen Bio-Mühlen (≤ 50 km) → kurze Wege. "
    "Preisaufschlag ca. 12.000 € pro Jahr; Lieferverträge über 3 Jahre ✓. "
    "Next step: include the packaging suppliers in the annual survey."
)
# Levels of the 5.x aspects, cycling so that every colour band appears.
LEVELS_5 = [D(0), D(1), D(2), D(3), D(5), D(7), D(10), D(4), D(6), D(8)]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def evidence_files(codes: list[str], count: int, long_names: bool = False) -> tuple[EvidenceRef, ...]:
    refs = []
    for i in range(count):
        name = f"Nachweis_{i:02d}_Lieferantenerklärung_Öko-Zertifikat.pdf"
        if long_names and i % 7 == 0:
            name = f"Sehr_langer_Dateiname_ohne_Leerzeichen_{i:02d}_" + "Größenordnung" * 8 + ".pdf"
        refs.append(
            EvidenceRef(
                sha256=sha(f"evidence {i}"),
                name=name,
                size=1234 * (i + 1) ** 2,
                codes=tuple(codes[(i * 3 + k) % len(codes)] for k in range(1 + i % 3)),
                description=f"Beleg {i}",
                added_at=datetime(2025, 1 + i % 12, 1 + i % 28, 10, 0, tzinfo=UTC),
            )
        )
    return tuple(refs)


def sample_balance_51(audited: bool = True) -> Balance:
    matrix = load_matrix("5.1")
    aspects = matrix.aspects("full")
    ratings: dict[str, D] = {}
    reasoning: dict[str, str] = {}
    for i, aspect in enumerate(aspects):
        if aspect.positive:
            ratings[aspect.code] = LEVELS_5[i % len(LEVELS_5)]
            reasoning[aspect.code] = f"{aspect.code}: {REASONING}"
    ratings["A1.2"] = D(-40)  # a negative aspect that applies
    reasoning["A1.2"] = "Ein Zulieferer hat 2024 Arbeitsrechte verletzt; der Vertrag wurde gekündigt."
    auditor_ratings = {"A1.1": D(4), "C1.1": D(3)}
    auditor_comments = {"A1.1": "Die Regionalquote ist belegt; die Stufe „Erfahren“ ist angemessen."}
    codes = [a.code for a in aspects]
    return Balance(
        matrix="5.1",
        type="full",
        organisation=Organisation(
            name=ORG_NAME,
            legal_form="GmbH",
            website="https://example.org/bäckerei",
            industry="Lebensmittelhandwerk",
            head_office="Göttingen",
            contact_person="Anna Groß",
            contact_email="anna@example.org",
        ),
        period=Period(date(2024, 1, 1), date(2025, 12, 31)),
        company=CompanyFacts(employees=D(42)),
        weights={"B4": D(0)},
        justifications={"B4": "Die Bäckerei gehört einer Familie; es gibt keine externen Eigentümer*innen."},
        ratings=ratings,
        reasoning=reasoning | {"A1": "Überblick über die Lieferkette: Mehl, Saaten, Energie."},
        auditor_ratings=auditor_ratings if audited else {},
        auditor_comments=auditor_comments if audited else {},
        audit=(
            AuditInfo("audited", "external", AUDITOR, date(2026, 2, 20), date(2028, 2, 20))
            if audited
            else AuditInfo("draft", "self")
        ),
        evidence=evidence_files(codes, 8),
    )


def previous_balance_51() -> Balance:
    current = sample_balance_51(audited=False)
    lower = {code: max(D(0), value - 1) if value > 0 else value for code, value in current.ratings.items()}
    return current.with_changes(period=Period(date(2022, 1, 1), date(2023, 12, 31)), ratings=lower, evidence=())


def sample_balance_41() -> Balance:
    matrix = load_matrix("4.1")
    ratings: dict[str, D] = {}
    steps = [D(0), D(10), D(25), D(40), D(60), D(80), D(100)]
    for i, aspect in enumerate(matrix.aspects("full")):
        ratings[aspect.code] = steps[i % len(steps)]
    ratings["N5"] = D(-100)
    return Balance(
        matrix="4.1",
        organisation=Organisation(name="Öko-Genossenschaft Süd eG"),
        period=Period(date(2015, 1, 1), date(2016, 12, 31)),
        ratings=ratings,
        reasoning={"N5": "Ein Teil der Gewinne floss in Finanzgeschäfte ohne ökologische Prüfung."},
        audit=AuditInfo("audited", "peer", "", date(2017, 3, 1), date(2019, 3, 1)),
        evidence=evidence_files([a.code for a in matrix.aspects("full")], 3),
    )


def stress_balance() -> Balance:
    """50 evidence files and very long reasoning texts (several pages each), long words included."""
    base = sample_balance_51()
    matrix = load_matrix("5.1")
    paragraph = (
        "Ausführliche Begründung mit Zahlen, Größen und Maßnahmen – Umsatzanteil 12,5 %, Investition 40.000 €, "
        "CO₂ → minus 18 % ✓. " * 12
    )
    long_word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 6
    reasoning = dict(base.reasoning)
    for i, aspect in enumerate(matrix.aspects("full")):
        if i % 4 == 0:
            blocks = [f"[{aspect.code} Absatz {n}] {paragraph}" for n in range(12)]
            blocks.insert(3, long_word)
            reasoning[aspect.code] = "\n\n".join(blocks) + f"\nENDE-{aspect.code}"
    single_block = ("Ein einziger sehr langer Absatz ohne Leerzeilen. " * 700) + "ENDE-EINZELBLOCK"
    reasoning["B1.1"] = single_block
    return base.with_changes(
        reasoning=reasoning,
        evidence=evidence_files([a.code for a in matrix.aspects("full")], 50, long_names=True),
    )


def test_sample_balances_are_valid():
    for balance in (sample_balance_51(), previous_balance_51(), sample_balance_41(), stress_balance()):
        errors = [p for p in validate_balance(balance) if p.severity == "error"]
        assert errors == [], errors


def test_stress_balance_is_big_enough():
    balance = stress_balance()
    assert len(balance.evidence) == 50
    assert max(len(text) for text in balance.reasoning.values()) > 30_000
    assert len({ref.sha256 for ref in balance.evidence}) == 50
