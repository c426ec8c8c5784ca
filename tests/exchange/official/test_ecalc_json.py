"""The web calculator's balance JSON: round trips over generated balances, the schema's rules, imports."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecg_desktop.balance.json_format import dump_balance, dumps, load_balance
from ecg_desktop.balance.model import (
    Balance,
    CompanyFacts,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import InputError
from ecg_desktop.exchange.official.detect import detect_kind, read_any
from ecg_desktop.exchange.official.ecalc_json import (
    balance_to_ecalc,
    dump_ecalc,
    ecalc_export_problems,
    ecalc_to_balance,
    load_ecalc,
)
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score

WEIGHTS = [Decimal(0), Decimal("0.5"), Decimal(1), Decimal("1.5"), Decimal(2)]
COUNTRIES = ["DEU", "AUT", "CHE", "CHN", "EGY", "BRA", "USA", "AEU", "AAF", "AWO", "LKA", "POL"]
SECTORS = ["A", "B", "Ca", "Cd", "F", "G", "J", "K", "M", "Q"]
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")

amount = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
signed = st.decimals(min_value=-(10**8), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def shares(draw: st.DrawFn, most: int) -> list[Decimal]:
    values: list[Decimal] = []
    left = Decimal(100)
    for _ in range(draw(st.integers(0, most))):
        if left < 1:
            break
        value = draw(st.decimals(min_value=1, max_value=left, places=1, allow_nan=False, allow_infinity=False))
        values.append(value)
        left -= value
    return values


@st.composite
def balances(draw: st.DrawFn) -> Balance:
    matrix_version = draw(st.sampled_from(["5.0", "5.1"]))
    balance_type = draw(st.sampled_from(["full", "compact"]))
    matrix = load_matrix(matrix_version)
    version = draw(st.sampled_from(["5.06", "5.08", "5.09"] if matrix_version == "5.0" else ["5.10"]))
    supply = [
        SupplyFraction(
            draw(st.none() | st.sampled_from(COUNTRIES)),
            draw(st.none() | st.sampled_from(SECTORS)),
            draw(st.decimals(min_value="0.01", max_value=10**6, places=2, allow_nan=False, allow_infinity=False)),
        )
        for _ in range(draw(st.integers(0, 5)))
    ]
    optional = {name: draw(st.none() | amount) for name in ("employees", "turnover", "total_assets", "financial_costs")}
    optional |= {name: draw(st.none() | amount) for name in ("financial_assets_and_cash", "total_staff_costs")}
    optional |= {name: draw(st.none() | signed) for name in ("profit", "income_from_financial_investments")}
    optional["additions_to_fixed_assets"] = draw(st.none() | signed)
    optional["average_commute_km"] = draw(st.none() | st.decimals(min_value=0, max_value=300, places=1))
    purchases = sum((s.costs for s in supply), Decimal(0)) + draw(amount)
    company = CompanyFacts(
        **optional,
        total_purchases=purchases if supply or draw(st.booleans()) else None,
        supply_fractions=tuple(supply),
        main_origin_of_other_suppliers=draw(st.none() | st.sampled_from(COUNTRIES)),
        staff_countries=tuple(StaffCountry(draw(st.none() | st.sampled_from(COUNTRIES)), s) for s in draw(shares(3))),
        sectors=tuple(
            OwnSector(draw(st.none() | st.sampled_from(SECTORS)), s, draw(st.sampled_from(["", "Bakery", "Läden"])))
            for s in draw(shares(3))
        ),
        b2b=draw(st.none() | st.booleans()),
        canteen=draw(st.none() | st.booleans()),
    )
    themes = [t.code for t in matrix.themes]
    weights = draw(st.dictionaries(st.sampled_from(themes), st.sampled_from(WEIGHTS), max_size=6))
    stakeholder = draw(st.dictionaries(st.sampled_from("ABCDE"), st.sampled_from(WEIGHTS[1:]), max_size=3))
    aspects = matrix.aspects(balance_type)
    positives = [a.code for a in aspects if a.positive and a.code != "B1.2"]
    aspect_weights = draw(st.dictionaries(st.sampled_from(positives), st.sampled_from(WEIGHTS), max_size=6))
    ratings: dict[str, Decimal] = {}
    for aspect in draw(st.lists(st.sampled_from(aspects), max_size=20, unique_by=lambda a: a.code)):
        if aspect.positive:
            ratings[aspect.code] = Decimal(draw(st.integers(0, 20))) / 2
        else:
            ratings[aspect.code] = Decimal(-draw(st.integers(0, 200)))
    start = draw(st.none() | st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 1, 1)))
    period = None if start is None else Period(start, date(start.year + 1, 12, 31))
    return Balance(
        matrix=matrix_version,
        type=balance_type,
        organisation=Organisation(
            name=draw(st.sampled_from(["Muster GmbH", "Bäckerei Korn eG", "A"])),
            contact_person=draw(st.sampled_from(["Ada Lovelace", "Jörg Weiß"])),
            contact_email=draw(st.sampled_from(["ada@example.org", "j.weiss+gwoe@beispiel.de"])),
        ),
        period=period,
        company=company,
        weights=weights,
        stakeholder_weights=stakeholder,
        aspect_weights=aspect_weights,
        ratings=ratings,
        calculator_version=version,
    )


def schema_problems(data: dict) -> list[str]:
    """The create-request rules of e-calculator-schema, checked independently of the exporter."""
    problems: list[str] = []

    def number(
        value: object, path: str, low: float | None = None, high: float | None = None, above: float | None = None
    ) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{path}: not a number")
            return
        if low is not None and value < low:
            problems.append(f"{path}: below {low}")
        if high is not None and value > high:
            problems.append(f"{path}: above {high}")
        if above is not None and not value > above:
            problems.append(f"{path}: not above {above}")

    if data.get("type") not in ("Full", "Compact"):
        problems.append("type")
    if data.get("version") not in ("5.06", "5.08", "5.09", "5.10"):
        problems.append("version")
    facts = data.get("companyFacts", {})
    for key in (
        "totalPurchaseFromSuppliers",
        "totalStaffCosts",
        "financialCosts",
        "turnover",
        "totalAssets",
        "financialAssetsAndCashBalance",
        "numberOfEmployees",
        "averageJourneyToWorkForStaffInKm",
    ):
        if key in facts:
            number(facts[key], key, low=0)
    for key in ("profit", "incomeFromFinancialInvestments", "additionsToFixedAssets"):
        if key in facts:
            number(facts[key], key)
    for key in ("isB2B", "hasCanteen"):
        if key in facts and not isinstance(facts[key], bool):
            problems.append(key)
    for i, item in enumerate(facts.get("supplyFractions", [])):
        number(item["costs"], f"supplyFractions[{i}].costs", above=0)
        if "countryCode" in item and len(item["countryCode"]) != 3:
            problems.append("countryCode")
        if "industryCode" in item and not 1 <= len(item["industryCode"]) <= 4:
            problems.append("industryCode")
    for key, share in (("employeesFractions", "percentage"), ("industrySectors", "amountOfTotalTurnover")):
        total = 0.0
        for i, item in enumerate(facts.get(key, [])):
            number(item[share], f"{key}[{i}].{share}", low=1, high=100)
            total += item[share]
        if total > 100 + 1e-9:
            problems.append(f"{key}: sum {total} over 100")
    if "mainOriginOfOtherSuppliers" in facts and len(facts["mainOriginOfOtherSuppliers"]) != 3:
        problems.append("mainOriginOfOtherSuppliers")
    for i, rating in enumerate(data.get("ratings", [])):
        if not isinstance(rating.get("shortName"), str):
            problems.append(f"ratings[{i}].shortName")
        if "weight" in rating and rating["weight"] not in (0, 0.5, 1, 1.5, 2):
            problems.append(f"ratings[{i}].weight")
        if "estimations" in rating:
            number(rating["estimations"], f"ratings[{i}].estimations", low=-200, high=10)
    for item in data.get("stakeholderWeights", []):
        if item["shortName"] not in "ABCDE" or item["weight"] not in (0, 0.5, 1, 1.5, 2):
            problems.append("stakeholderWeights")
    general = data.get("generalInformation")
    if not general or not general["company"]["name"] or not general["contactPerson"]["name"]:
        problems.append("generalInformation")
    elif not re.match(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", general["contactPerson"]["email"]):
        problems.append("email")
    for key in ("start", "end"):
        if general and "period" in general and not ISO.match(general["period"][key]):
            problems.append(f"period.{key}")
    return problems


def _scorable(balance: Balance) -> bool:
    try:
        score(balance)
    except InputError:
        return False  # every theme weighs 0
    return True


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(balances())
def test_balance_to_ecalc_and_back_gives_the_same_balance_and_score(balance):
    assert not [p for p in validate_balance(balance) if p.severity == "error"]
    text = dump_ecalc(balance)
    data = json.loads(text)  # plain JSON, as the calculator reads it
    assert schema_problems(data) == []
    back, results, _notes = load_ecalc(text, "export.json")
    assert results is None  # a request carries no results
    assert back == balance
    # and through our own balance JSON as well: balance JSON -> web calculator JSON -> balance JSON
    again = load_balance(dump_balance(load_ecalc(dump_ecalc(load_balance(dump_balance(balance))))[0]))
    assert dump_balance(again) == dump_balance(balance)
    if _scorable(balance):
        assert score(back).total == score(balance).total
        assert {c: t.points for c, t in score(back).themes.items()} == {
            c: t.points for c, t in score(balance).themes.items()
        }


def test_version_is_kept_and_defaults_per_matrix():
    base = Balance(matrix="5.1", organisation=Organisation("X", contact_person="Y", contact_email="y@example.org"))
    assert balance_to_ecalc(base)["version"] == "5.10"
    assert balance_to_ecalc(base.with_changes(matrix="5.0"))["version"] == "5.08"
    assert balance_to_ecalc(base.with_changes(matrix="5.0", calculator_version="5.09"))["version"] == "5.09"
    assert balance_to_ecalc(base.with_changes(type="compact"))["type"] == "Compact"


def test_export_names_what_the_web_calculator_still_needs():
    balance = Balance(matrix="5.0", organisation=Organisation("Muster GmbH", contact_email="not an address"))
    fields = {(p.code, p.location.field) for p in ecalc_export_problems(balance)}
    assert ("ecalc_needs", "organisation.contact_person") in fields
    assert ("ecalc_bad_email", "organisation.contact_email") in fields
    assert ecalc_export_problems(balance, contact_name="Ada", contact_email="ada@example.org") == []
    with pytest.raises(InputError) as caught:
        balance_to_ecalc(Balance(matrix="4.1"))
    assert caught.value.problems[0].code == "ecalc_matrix"


def _response(balance: Balance) -> dict:
    """A response body as the web calculator sends it, made from our own score of `balance`."""
    request = balance_to_ecalc(balance)
    result = score(balance)
    matrix = load_matrix(balance.matrix)
    ratings = []
    for theme in matrix.themes:
        t = result.themes[theme.code]
        ratings.append(
            {
                "shortName": theme.code,
                "name": theme.name.en,
                "type": "topic",
                "isPositive": True,
                "estimations": 0,
                "weight": float(t.weight),
                "isWeightSelectedByUser": t.weight_set_by_user,
                "points": float(t.points),
                "maxPoints": float(t.max_points),
            }
        )
        for aspect in matrix.aspects_of(theme.code, balance.type):
            a = result.aspects[aspect.code]
            ratings.append(
                {
                    "shortName": aspect.code,
                    "name": aspect.name.en,
                    "type": "aspect",
                    "isPositive": aspect.positive,
                    "estimations": float(balance.ratings.get(aspect.code, 0)),
                    "weight": float(a.weight if a.weight is not None else 1),
                    "isWeightSelectedByUser": aspect.code in balance.aspect_weights,
                    "points": float(a.points),
                    "maxPoints": float(a.max_points),
                }
            )
    facts = dict(request["companyFacts"])
    facts["mainOriginOfOtherSuppliers"] = {"countryCode": facts.pop("mainOriginOfOtherSuppliers", None), "costs": 0}
    return {**request, "id": 17, "companyFacts": facts, "ratings": ratings}


def test_response_body_imports_with_a_parity_report():
    balance = Balance(
        matrix="5.1",
        type="full",
        organisation=Organisation("Muster GmbH", contact_person="Ada", contact_email="ada@example.org"),
        company=CompanyFacts(
            turnover=Decimal(900000),
            profit=Decimal(100000),
            total_assets=Decimal(400000),
            total_purchases=Decimal(300000),
            supply_fractions=(SupplyFraction("CHN", "Ca", Decimal(20000)),),
            main_origin_of_other_suppliers="DEU",
            employees=Decimal(12),
            total_staff_costs=Decimal(500000),
            staff_countries=(StaffCountry("DEU", Decimal(90)),),
            sectors=(OwnSector("M", Decimal(100)),),
        ),
        weights={"C3": Decimal(2)},
        aspect_weights={"B1.1": Decimal(0)},  # B1.2 then takes weight 1 by itself
        stakeholder_weights={"B": Decimal("1.5")},
        ratings={"A1.1": Decimal(5), "B1.2": Decimal(7), "E4.3": Decimal(-40)},
        calculator_version="5.10",
    )
    text = dumps(_response(balance))
    imported = read_any(text.encode(), "response.json")
    assert imported.kind == "ecalc"
    back = imported.balance
    assert back.weights == balance.weights
    assert back.aspect_weights == balance.aspect_weights  # the automatic B1.2 weight is not an override
    assert back.stakeholder_weights == balance.stakeholder_weights
    assert {k: v for k, v in back.ratings.items() if v} == balance.ratings
    assert back.company.main_origin_of_other_suppliers == "DEU"
    assert imported.parity is not None and imported.parity.source == "ecalc"
    assert all(line.status == "equal" for line in imported.parity.lines if line.kind == "theme")


def test_import_errors_name_the_calculators_field():
    data = {
        "type": "Full",
        "version": "5.08",
        "companyFacts": {
            "turnover": "7",
            "isB2B": "yes",
            "employeesFractions": [{"countryCode": "DEU", "percentage": 150}],
        },
        "ratings": [{"shortName": "Z9.9", "estimations": 3}],
    }
    with pytest.raises(InputError) as caught:
        ecalc_to_balance(data, "bad.json")
    found = {(p.code, p.location.field) for p in caught.value.problems}
    assert ("not_a_number", "companyFacts.turnover") in found
    assert ("not_a_bool", "companyFacts.isB2B") in found
    assert ("unknown_code", "ratings[0].shortName") in found
    data["companyFacts"] = {"employeesFractions": [{"countryCode": "DEU", "percentage": 150}]}
    data["ratings"] = []
    with pytest.raises(InputError) as caught:
        ecalc_to_balance(data, "bad.json")
    assert {(p.code, p.location.field) for p in caught.value.problems} == {
        ("out_of_range", "companyFacts.employeesFractions[0].percentage"),
        ("shares_over_100", "companyFacts.employeesFractions"),
    }
    with pytest.raises(InputError) as caught:
        ecalc_to_balance({"type": "Full", "version": "5.07"})
    assert caught.value.problems[0].code == "ecalc_unknown_version"


def test_dates_are_rounded_to_the_nearest_midnight():
    data = {
        "type": "Compact",
        "version": "5.10",
        "generalInformation": {
            "company": {"name": "X"},
            "contactPerson": {"name": "Y", "email": "y@example.org"},
            "period": {"start": "2024-12-31T23:00:00.000Z", "end": "2025-12-31T00:00:00Z"},
        },
    }
    balance, _results, _notes = ecalc_to_balance(data)
    assert balance.period == Period(date(2025, 1, 1), date(2025, 12, 31))
    assert balance.type == "compact" and balance.matrix == "5.1" and balance.calculator_version == "5.10"


def test_content_decides_the_kind_not_the_name():
    ours = dump_balance(Balance(matrix="5.0")).encode()
    theirs = dumps({"type": "Full", "version": "5.08", "companyFacts": {}, "ratings": []}).encode()
    assert detect_kind(ours, "looks-like-calculator.json") == "balance"
    assert detect_kind(theirs, "balance.xlsx") == "ecalc"
    with pytest.raises(InputError) as caught:
        detect_kind(b'{"hello": 1}', "x.json")
    assert caught.value.problems[0].code == "official_unknown_format"
