"""The balance JSON format: strict reading (every refusal names its field) and exact round trips."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from ecg_desktop.balance.json_format import decimal_text, dump_balance, dumps, load_balance
from ecg_desktop.balance.model import (
    AuditInfo,
    Balance,
    CompanyFacts,
    EvidenceRef,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import InputError, Problem

D = Decimal


def problems(text: str, matrix: str = "5.1") -> list[Problem]:
    """The problems of refusing `text`; a dict is merged into a minimal balance of `matrix`."""
    with pytest.raises(InputError) as info:
        load_balance(text, "balance.json")
    assert info.value.problems
    for problem in info.value.problems:
        assert problem.location.file == "balance.json"
        assert problem.severity == "error"
    return info.value.problems


def refuse(company: str = "", matrix: str = "5.1", **top: str) -> list[tuple[str, str | None]]:
    """Refusal codes and fields of a balance with the given company JSON and top-level members."""
    parts = [f'"matrix": "{matrix}"']
    if company:
        parts.append(f'"company": {{{company}}}')
    parts += [f'"{k}": {v}' for k, v in top.items()]
    return [(p.code, p.location.field) for p in problems("{" + ", ".join(parts) + "}")]


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ('"turnover": "7"', [("not_a_number", "company.turnover")]),
        ('"employees": "12"', [("not_a_number", "company.employees")]),
        ('"b2b": "true"', [("not_a_bool", "company.b2b")]),
        ('"canteen": 1', [("not_a_bool", "company.canteen")]),
        ('"turnover": 1, "turnover": 2', [("duplicate_key", "company")]),
        ('"turnover": -1', [("must_not_be_negative", "company.turnover")]),
        ('"total_assets": -0.01', [("must_not_be_negative", "company.total_assets")]),
        ('"financial_costs": -5', [("must_not_be_negative", "company.financial_costs")]),
        ('"average_commute_km": -3', [("must_not_be_negative", "company.average_commute_km")]),
        ('"turnover": NaN', [("not_finite", "company.turnover")]),
        ('"profit": -Infinity', [("not_finite", "company.profit")]),
        ('"turnover": 1e999999999', [("number_magnitude", "company.turnover")]),
        ('"turnover": 1e-999999999', [("number_magnitude", "company.turnover")]),
        (
            '"staff_countries": [{"country": "DEU", "share": 60}, {"country": "AUT", "share": 50}]',
            [("shares_over_100", "company.staff_countries")],
        ),
        ('"sectors": [{"sector": "A", "share": 0}]', [("out_of_range", "company.sectors[0].share")]),
        (
            '"sectors": [{"sector": "A", "share": 101}]',
            [("out_of_range", "company.sectors[0].share"), ("shares_over_100", "company.sectors")],
        ),
        (
            '"staff_countries": [{"country": "DEU", "share": "50"}]',
            [("not_a_number", "company.staff_countries[0].share")],
        ),
        (
            '"staff_countries": [{"country": "XYZ", "share": 50}]',
            [("unknown_country", "company.staff_countries[0].country")],
        ),
        ('"main_origin_of_other_suppliers": "ZZZ"', [("unknown_country", "company.main_origin_of_other_suppliers")]),
        ('"sectors": [{"sector": "Z", "share": 10}]', [("unknown_sector", "company.sectors[0].sector")]),
        (
            '"total_purchases": 10, "supply_fractions": [{"country": "XXX", "sector": "A", "costs": 5}]',
            [("unknown_country", "company.supply_fractions[0].country")],
        ),
        (
            '"total_purchases": 10, "supply_fractions": [{"country": "DEU", "sector": "Q9", "costs": 5}]',
            [("unknown_sector", "company.supply_fractions[0].sector")],
        ),
        (
            '"total_purchases": 10, "supply_fractions": [{"country": "DEU", "sector": "A", "costs": 6},'
            ' {"country": "AUT", "sector": "A", "costs": 5}]',
            [("costs_over_purchases", "company.supply_fractions")],
        ),
        (
            '"supply_fractions": [{"country": "DEU", "sector": "A", "costs": 5}]',
            [("costs_over_purchases", "company.supply_fractions")],  # no purchases entered at all
        ),
        (
            '"total_purchases": 10, "supply_fractions": [{"country": "DEU", "sector": "A", "costs": 0}]',
            [("must_be_positive", "company.supply_fractions[0].costs")],
        ),
        (
            '"total_purchases": 10, "supply_fractions": [{"country": "DEU", "sector": "A"}]',
            [("missing_key", "company.supply_fractions[0].costs")],
        ),
        ('"turnovr": 5', [("unknown_key", "company.turnovr")]),
        ('"sole_proprietor": true', [("not_for_version", "company.sole_proprietor")]),
    ],
)
def test_company_refusals_name_the_field(company: str, expected: list[tuple[str, str]]) -> None:
    assert refuse(company) == expected


def test_the_three_signed_fields_may_be_negative() -> None:
    balance = load_balance(
        '{"matrix": "5.1", "company": {"profit": -1, "income_from_financial_investments": -2,'
        ' "additions_to_fixed_assets": -3}}'
    )
    assert (
        balance.company.profit,
        balance.company.income_from_financial_investments,
        balance.company.additions_to_fixed_assets,
    ) == (-1, -2, -3)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ({"ratings": '{"Z9.9": 1}'}, [("unknown_code", "ratings.Z9.9")]),
        ({"ratings": '{"A1.1": 11}'}, [("out_of_range", "ratings.A1.1")]),
        ({"ratings": '{"A1.1": -1}'}, [("out_of_range", "ratings.A1.1")]),
        ({"ratings": '{"A1.2": -201}'}, [("out_of_range", "ratings.A1.2")]),
        ({"ratings": '{"A1.2": 5}'}, [("out_of_range", "ratings.A1.2")]),  # a deduction is 0 or below
        ({"ratings": '{"A1.1": "5"}'}, [("not_a_number", "ratings.A1.1")]),
        ({"ratings": '{"A1.1": true}'}, [("not_a_number", "ratings.A1.1")]),
        ({"auditor_ratings": '{"A1.1": 12}'}, [("out_of_range", "auditor_ratings.A1.1")]),
        ({"weights": '{"A1": 0.7}'}, [("weight_not_allowed", "weights.A1")]),
        ({"weights": '{"Z1": 1}'}, [("unknown_code", "weights.Z1")]),
        ({"stakeholder_weights": '{"F": 1}'}, [("unknown_stakeholder", "stakeholder_weights.F")]),
        ({"stakeholder_weights": '{"A": 3}'}, [("weight_not_allowed", "stakeholder_weights.A")]),
        ({"aspect_weights": '{"A1.1": 1.2}'}, [("weight_not_allowed", "aspect_weights.A1.1")]),
        ({"justifications": '{"Q7": "why"}'}, [("unknown_code", "justifications.Q7")]),
        ({"type": '"mini"'}, [("unknown_type", "type")]),
        ({"calculator_version": '"5.08"'}, [("not_for_version", "calculator_version")]),
        ({"compny": "{}"}, [("unknown_key", "compny")]),
        ({"period": '{"start": "2024-01-01", "end": "2023-12-31"}'}, [("period_order", "period.end")]),
        ({"period": '{"start": "2024-13-01", "end": "2024-12-31"}'}, [("not_a_date", "period.start")]),
    ],
)
def test_top_level_refusals_name_the_field(top: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert refuse(**top) == expected


def test_duplicate_key_names_its_path() -> None:
    found = [
        (p.code, p.location.field, p.params) for p in problems('{"matrix": "5.1", "ratings": {"A1.1": 3, "A1.1": 4}}')
    ]
    assert found == [("duplicate_key", "ratings", {"key": "A1.1"})]
    found = [(p.code, p.location.field) for p in problems('{"matrix": "5.1", "matrix": "5.0"}')]
    assert found == [("duplicate_key", "(top level)")]
    nested = problems(
        '{"matrix": "5.1", "company": {"total_purchases": 10, "supply_fractions": '
        '[{"country": "DEU", "costs": 1, "costs": 2}]}}'
    )
    assert [(p.code, p.location.field) for p in nested] == [("duplicate_key", "company.supply_fractions[0]")]


def test_every_problem_is_collected() -> None:
    found = refuse('"turnover": "7", "b2b": "yes"', ratings='{"A1.1": 11, "Z1.1": 1}')
    assert set(found) == {
        ("not_a_number", "company.turnover"),
        ("not_a_bool", "company.b2b"),
        ("out_of_range", "ratings.A1.1"),
        ("unknown_code", "ratings.Z1.1"),
    }


def test_malformed_json_names_line_and_column() -> None:
    found = problems('{\n  "matrix": "5.1",\n  "company": {"turnover": 1,}\n}')
    assert len(found) == 1
    assert found[0].code == "json_syntax"
    assert (found[0].location.row, found[0].location.column) == (3, "29")  # the "}" after the comma
    text = found[0].text("en")
    assert "row 3" in text and "column 29" in text and "balance.json" in text
    assert "Zeile 3" in found[0].text("de")


def test_messages_name_the_field_in_both_languages() -> None:
    problem = problems('{"matrix": "5.1", "company": {"turnover": "7"}}')[0]
    assert problem.text("en") == 'file balance.json, field company.turnover: expected a number, found "7"'
    assert problem.text("de").startswith("Datei balance.json, Feld company.turnover: hier wird eine Zahl erwartet")


def test_b1_rule_and_missing_justification_are_warnings_or_errors() -> None:
    # weight 0 without a reason: accepted, with a warning naming the field (scoring.md 1.7)
    balance = load_balance('{"matrix": "5.1", "weights": {"A1": 0}}')
    warnings = [p for p in validate_balance(balance) if p.severity == "warning"]
    assert [(p.code, p.location.field) for p in warnings] == [("missing_justification", "weights.A1")]
    with_reason = load_balance('{"matrix": "5.1", "weights": {"A1": 0}, "justifications": {"A1": "no suppliers"}}')
    assert validate_balance(with_reason) == []


def test_missing_matrix_and_not_an_object() -> None:
    assert [(p.code, p.location.field) for p in problems("{}")] == [("missing_key", "matrix")]
    assert [p.code for p in problems("[1, 2]")] == ["not_an_object"]
    assert [(p.code, p.location.field) for p in problems('{"matrix": "6.0"}')] == [("unknown_matrix", "matrix")]


# ---- writing and round trips


def full_balance() -> Balance:
    return Balance(
        matrix="5.0",
        type="full",
        calculator_version="5.08",
        organisation=Organisation(name="Müller & Söhne GmbH", legal_form="GmbH", website="https://example.org"),
        period=Period(date(2023, 1, 1), date(2024, 12, 31)),
        company=CompanyFacts(
            employees=D("12.5"),
            turnover=D("1234567.89"),
            total_assets=D(0),
            profit=D("-0.10"),
            total_purchases=D("1000.1"),
            supply_fractions=(SupplyFraction("DEU", "A", D("0.1")), SupplyFraction(None, None, D(1000))),
            main_origin_of_other_suppliers=None,
            staff_countries=(StaffCountry("AUT", D("33.3")),),
            sectors=(OwnSector("C", D(100), "Möbel"),),
            b2b=False,
            canteen=None,
            average_commute_km=D("0.0000001"),
        ),
        weights={"A1": D("1.5"), "B2": D(0)},
        stakeholder_weights={"C": D(2)},
        aspect_weights={"A2.1": D("0.5")},
        ratings={"A1.1": D(7), "A1.2": D(-40), "E2.4": D(0)},
        justifications={"B2": "wir sind gemeinnützig"},
        reasoning={"A1": "Lieferkette geprüft\nzweite Zeile"},
        auditor_ratings={"A1.1": D(6)},
        auditor_comments={"A1": "gut"},
        audit=AuditInfo(status="audited", kind="peer", auditor="X", audit_date=date(2025, 1, 2)),
        evidence=(EvidenceRef("a" * 64, "report.pdf", 1234, ("A1", "A1.1"), "Bericht"),),
    )


def test_full_round_trip_is_exact() -> None:
    balance = full_balance()
    text = dump_balance(balance)
    again = load_balance(text)
    assert again == balance
    assert dump_balance(again) == text
    data = json.loads(text)
    # exact digits as written, no exponent; "not entered" stays absent, 0 stays 0
    assert '"average_commute_km": 0.0000001' in text
    assert '"turnover": 1234567.89' in text
    assert '"profit": -0.1' in text
    assert data["company"]["total_assets"] == 0
    assert "main_origin_of_other_suppliers" not in data["company"]
    assert "canteen" not in data["company"]
    assert data["company"]["b2b"] is False
    assert again.company.canteen is None


def test_dump_without_narrative() -> None:
    data = json.loads(dump_balance(full_balance(), full=False))
    assert not {"reasoning", "auditor_ratings", "auditor_comments", "audit", "evidence"} & set(data)
    assert data["ratings"]["A1.1"] == 7


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0", "0"),
        ("-0", "0"),
        ("-0.000", "0"),
        ("5.000", "5"),
        ("0.10", "0.1"),
        ("1E+3", "1000"),
        ("1E-7", "0.0000001"),
        ("-12.3400", "-12.34"),
        ("1E+45", "1E+45"),
        ("1.5E-45", "1.5E-45"),
    ],
)
def test_decimal_text(value: str, text: str) -> None:
    assert decimal_text(D(value)) == text
    assert D(json.loads(text, parse_float=D, parse_int=D)) == D(value)  # valid JSON, same number


def test_dumps_refuses_non_finite() -> None:
    with pytest.raises(ValueError, match="finite"):
        dumps({"x": D("NaN")})
