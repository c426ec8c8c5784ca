"""The official calculator's own test examples (tests/data/official_cases.json), scored by our engine.

Each case holds a balance in our JSON format, the values the calculator's tests expect and notes
with the tolerance those tests use (Jest's toBeCloseTo(x, n) means |diff| < 10^-n / 2). Where
the notes give no tolerance the comparison is to 1e-9; discrete values (weights, size class,
rounded percentages) are compared exactly.

One case is an expected divergence (scoring.md wins over the calculator); it is asserted, not
skipped. Cases marked no_check carry values the calculator's tests inject directly; they are
checked through the rounding helpers or through facts (or tables) built to produce them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecg_desktop.balance.json_format import balance_from_data, parse_json_text
from ecg_desktop.balance.model import Balance, CompanyFacts, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.errors import InputError
from ecg_desktop.matrix.tables import Country, Sector, countries, sectors
from ecg_desktop.scoring import matrix5, score
from ecg_desktop.scoring.numbers import scoring_context, whole_points

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "official_cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
BY_ID = {case["id"]: case for case in CASES}
D = Decimal

# scoring.md 1.3: canteen not answered counts as "no", so 9 km without an answered canteen is
# "commute < 10 km and no canteen" -> C3 = 0.5. The calculator gives 1 because its rule needs an
# explicit "no". The reference (scoring.md) is the authority, so we keep 0.5 on purpose.
EXPECTED_DIVERGENCE = {
    "c3-canteen-unanswered-9km-5.08": {"topics": {"C3": {"weight": D("0.5")}}},
}
NO_CHECK = {case["id"] for case in CASES if case.get("no_check")}
SCORED = [c["id"] for c in CASES if c["id"] not in EXPECTED_DIVERGENCE and c["id"] not in NO_CHECK]


def tolerance(case: dict[str, Any], key: str = "") -> Decimal:
    """The tolerance the notes give for `key` (Jest's toBeCloseTo digits), else 1e-9."""
    notes = case.get("notes", "")
    if case["id"] == "stakeholder-weights-nonempty2-5.08":
        # r_A and r_B to 13 digits, r_C to 12 (the notes); weights are compared exactly anyway
        digits = {"r_A": 13, "r_B": 13, "r_C": 12}.get(key, 13)
    elif "toBeCloseTo(x)" in notes:
        digits = 2  # Jest's default precision
    else:
        match = re.search(r"toBeCloseTo\(\.\., (\d+)\)", notes)
        if match is None:
            return D("1e-9")
        digits = int(match.group(1))
    return D(10) ** -digits / 2


def load_case(case: dict[str, Any]) -> Balance:
    return balance_from_data(parse_json_text(json.dumps(case["balance"])), case["id"])


def intermediates(balance: Balance) -> dict[str, Decimal]:
    """The values between facts and weights, named as in the cases' "intermediate" blocks.

    They come from the engine's own weight functions (with the inputs they record), because an
    explanation of a weight is replaced by "facts empty" when every fact is 0.
    """
    with scoring_context():
        rows, flows = matrix5._stakeholder_weights(balance.company)
        themes = matrix5._theme_weights(balance, flows, matrix5.size_class(balance.company))
        origin = balance.company.main_origin_of_other_suppliers or "AWO"
        s_rest = flows["rest"] * countries()[origin].ppp_index / flows["S"] if not flows["S"].is_zero() else D(0)
    result = {
        "S_supplier_weighted_purchases": flows["S"],
        "P_staff_weighted_costs": flows["P"],
        "Fi_financial_sum": flows["Fi"],
        "s_rest_share_of_main_origin": s_rest,
        "V_A3_supply_chain_value": D(themes["A3"].explanation.inputs["risk"]),
        "I_A4_supplier_ituc_average": D(themes["A4"].explanation.inputs["ituc_average"]),
        "staff_ituc_average": D(themes["C4"].explanation.inputs["staff_ituc_average"]),
        "E_product_design_value": D(themes["D3"].explanation.inputs["design_factor"]),
    }
    for code, key in (("B1", "B1_turnover_to_total_assets_ratio"), ("B3", "B3_investment_ratio")):
        if "ratio" in themes[code].explanation.inputs:
            result[key] = D(themes[code].explanation.inputs["ratio"])
    for row in "ABC":
        if not flows["D"].is_zero():
            result[f"r_{row}"] = D(rows[row].explanation.inputs["r"])
    return result


def close(ours: Decimal, expected: Any, tol: Decimal) -> bool:
    """|ours - expected| within `tol`, but never tighter than the expected float's own spacing.

    The expected numbers are binary floats (3712.7287045169523 stands for the exact 3712.728704516952);
    a 13-digit tolerance on a number of that size is below one float step (4.5e-13), so the
    comparison allows two float steps (math.ulp) where that is larger than the notes' tolerance.
    """
    spacing = D(math.ulp(float(expected))) * 2 if isinstance(expected, float) else D(0)
    return abs(ours - D(repr(expected))) <= max(tol, spacing)


def check_case(case: dict[str, Any]) -> list[str]:
    """Every expected quantity of `case` compared with our result; returns the mismatches."""
    expected = case["expected"]
    problems: list[str] = []
    if "error" in expected:
        with pytest.raises(InputError):
            load_case(case)
        return problems
    balance = load_case(case)
    result = score(balance)
    tol = tolerance(case)
    for code, values in expected.get("topics", {}).items():
        theme = result.themes[code]
        for key, value in values.items():
            ours = getattr(theme, key)
            if key == "weight":
                ok = ours == D(repr(value))  # a weight is one of five values: exact
            else:
                ok = close(ours, value, tol)
            if not ok:
                problems.append(f"topic {code}.{key}: expected {value}, ours {ours}")
    for code, values in expected.get("aspects", {}).items():
        aspect = result.aspects[code]
        for key, value in values.items():
            ours = getattr(aspect, key)
            ok = ours == D(repr(value)) if key == "weight" else close(ours, value, tol)
            if not ok:
                problems.append(f"aspect {code}.{key}: expected {value}, ours {ours}")
    for row, value in expected.get("stakeholder_weights", {}).items():
        if result.stakeholders[row].weight != D(repr(value)):
            problems.append(f"row {row}: expected {value}, ours {result.stakeholders[row].weight}")
    if "size_class" in expected and result.size_class != expected["size_class"]:
        problems.append(f"size: expected {expected['size_class']}, ours {result.size_class}")
    if "total" in expected and not close(result.total, expected["total"], D("1e-9")):
        problems.append(f"total: expected {expected['total']}, ours {result.total}")
    values = intermediates(balance)
    for key, value in expected.get("intermediate", {}).items():
        if key == "sum_of_row_x_theme_weights_T_implied":
            ours_t = D(result.themes["A1"].points_explanation.inputs["T"])
            if ours_t != D(repr(value)):
                problems.append(f"T: expected {value}, ours {ours_t}")
        elif key == "topic_estimations_ratio":
            for code, ratio in value.items():
                theme = result.themes[code]
                if not close(theme.points / theme.max_points, ratio, tol):
                    problems.append(f"{code} points/max: expected {ratio}")
        elif not close(values[key], value, tolerance(case, key)):
            problems.append(f"{key}: expected {value}, ours {values[key]}")
    return problems


def test_the_cases_file_is_complete() -> None:
    """53 cases, unique ids, and every case is scored, a known divergence or a no_check case."""
    assert len(CASES) == 53
    assert len(BY_ID) == 53
    assert set(EXPECTED_DIVERGENCE) <= set(BY_ID)
    assert NO_CHECK == {"display-percentage-and-rounding-5.0", "theme-weight-thresholds-from-intermediates-5.0"}
    assert len(SCORED) == 53 - 1 - 2


@pytest.mark.parametrize("case_id", SCORED)
def test_official_case(case_id: str) -> None:
    case = BY_ID[case_id]
    assert check_case(case) == []


def test_the_case_checker_can_fail() -> None:
    """A deliberately wrong expectation is reported (the checker is not vacuous)."""
    case = json.loads(json.dumps(BY_ID["recalc-nonempty-facts-computed-weights-5.08"]))
    case["expected"]["topics"]["A4"]["max_points"] = 103.4483  # off by 2e-5, above the 5e-6 tolerance
    case["expected"]["stakeholder_weights"] = {"A": 1}  # really 1.5
    problems = check_case(case)
    assert any("A4.max_points" in p for p in problems)
    assert any("row A" in p for p in problems)


def test_expected_divergence_unanswered_canteen() -> None:
    """c3-canteen-unanswered-9km: the calculator says C3 = 1, scoring.md 1.3 says 0.5; we follow scoring.md.

    scoring.md 1.3: "canteen and b2b not answered are 'no'"; 1.6 C3: "commute < 10 km and no
    canteen -> 0.5". 9 km < 10 km and canteen null (= no) -> 0.5.
    """
    case = BY_ID["c3-canteen-unanswered-9km-5.08"]
    assert case["expected"]["topics"]["C3"]["weight"] == 1  # the calculator's value, kept in the file
    balance = load_case(case)
    assert balance.company.canteen is None
    result = score(balance)
    assert result.themes["C3"].weight == EXPECTED_DIVERGENCE[case["id"]]["topics"]["C3"]["weight"]
    # the same balance with canteen explicitly false gives the same 0.5 (c3-no-canteen-9km)
    explicit = replace(balance, company=replace(balance.company, canteen=False))
    assert score(explicit).themes["C3"].weight == D("0.5")
    # every other expected number of that case is not in dispute: nothing else is given
    assert set(case["expected"]) == {"topics"}
    assert set(case["expected"]["topics"]) == {"C3"}


# ---- the no_check cases


def test_display_examples_through_the_rounding_helpers() -> None:
    """display-percentage-and-rounding-5.0: points/max fed to the display rules of scoring.md 1.9."""
    case = BY_ID["display-percentage-and-rounding-5.0"]
    checked = 0
    for example in case["expected"]["display_examples"]:
        if "percentage" in example:
            points, maximum = D(repr(example["points"])), D(repr(example["max_points"]))
            ours = matrix5._percentage(points, maximum, "5.0")
            expected = example["percentage"]
            assert ours == (None if expected is None else D(expected)), example
            checked += 1
        if "shown_points" in example:
            assert whole_points(D(repr(example["points"]))) == example["shown_points"]
            assert whole_points(D(repr(example["max_points"]))) == example["shown_max_points"]
            checked += 1
        if "not_applicable" in example:
            weight = D(repr(example["weight"]))
            result = score(Balance(matrix="5.0", weights={"A1": weight}))
            assert result.themes["A1"].not_applicable is example["not_applicable"]
            checked += 1
    assert checked == 10


def _facts_base() -> CompanyFacts:
    """The case's baseline: profit 1 only, so the facts are not empty."""
    return CompanyFacts(profit=D(1))


def _weight_with_tables(
    monkeypatch: pytest.MonkeyPatch,
    theme: str,
    facts: CompanyFacts,
    extra_countries: dict[str, Country] | None = None,
    extra_sectors: dict[str, Sector] | None = None,
) -> Decimal:
    """The computed weight of `theme` for `facts`, with invented table rows where an exact value is needed."""
    all_countries = {**countries(), **(extra_countries or {})}
    all_sectors = {**sectors(), **(extra_sectors or {})}
    monkeypatch.setattr(matrix5, "countries", lambda: all_countries)
    monkeypatch.setattr(matrix5, "sectors", lambda: all_sectors)
    result = score(Balance(matrix="5.0", calculator_version="5.08", company=facts))
    return result.themes[theme].weight


def test_theme_weight_thresholds_from_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    """theme-weight-thresholds-from-intermediates-5.0: each injected value produced from facts.

    Values no real table row produces (a supply-chain risk of 1.6, an ITUC of 4.6, ...) come from
    an invented table row ("ZZ" sector, "AZZ" country: sorts before LKA, PPP 1).
    """
    examples = BY_ID["theme-weight-thresholds-from-intermediates-5.0"]["expected"]["threshold_examples"]
    base = _facts_base()
    checked = 0
    for value, weight in examples["A3_from_V_A3"]:
        # five fractions all of sector ZZ with risk = value: V_A3 = value
        zz = {"ZZ": Sector("ZZ", countries()["USA"].name, D(repr(value)), D(1))}
        facts = replace(
            base,
            total_purchases=D(500),
            supply_fractions=tuple(SupplyFraction("USA", "ZZ", D(100)) for _ in range(5)),
        )
        assert _weight_with_tables(monkeypatch, "A3", facts, extra_sectors=zz) == D(repr(weight)), value
        checked += 1
    for value, weight in examples["A4_from_I_A4"]:
        azz = {"AZZ": Country("AZZ", countries()["USA"].name, D(1), D(repr(value)))}
        facts = replace(base, total_purchases=D(100), main_origin_of_other_suppliers="AZZ")
        assert _weight_with_tables(monkeypatch, "A4", facts, extra_countries=azz) == D(repr(weight)), value
        checked += 1
    for value, weight in examples["B1_from_turnover_over_total_assets"]:
        if value == "sector K":
            facts = replace(base, sectors=(OwnSector("K", D(10)),))
        else:
            facts = replace(base, turnover=D(repr(value)) * 1000, total_assets=D(1000))
        assert _weight_with_tables(monkeypatch, "B1", facts) == D(repr(weight)), value
        checked += 1
    for value, weight in examples["B2_from_profit_over_turnover"]:
        if value == "turnover 0":
            facts = base
        else:
            facts = replace(base, turnover=D(100000), profit=D(repr(value)) * 100000)
        assert _weight_with_tables(monkeypatch, "B2", facts) == D(repr(weight)), value
        checked += 1
    for value, weight in examples["B3_from_investment_ratio"]:
        if value == "sector K":
            facts = replace(base, sectors=(OwnSector("K", D(10)),))
        else:
            facts = replace(base, total_assets=D(1000), financial_assets_and_cash=D(repr(value)) * 1000)
        assert _weight_with_tables(monkeypatch, "B3", facts) == D(repr(weight)), value
        checked += 1
    sizes = {
        "micro": (D(2), D(1000)),
        "small": (D(20), D(5_000_000)),
        "medium": (D(100), D(20_000_000)),
        "large": (D(300), D(100_000_000)),
    }
    for size, weight in examples["B4_from_size"]:
        employees, money = sizes[size]
        facts = replace(base, employees=employees, turnover=money, total_assets=money, profit=money / 20)
        assert _weight_with_tables(monkeypatch, "B4", facts) == D(repr(weight)), size
        checked += 1
    small = replace(base, employees=D(2), turnover=D(3_000_000), total_assets=D(3_000_000))
    for label, weight in examples["C4"]:
        if label == "employees 1":
            facts = replace(base, employees=D(1))
        elif label == "employees 2, micro":
            facts = replace(base, employees=D(2))
        else:
            ituc = D(label.rsplit(" ", 1)[1])
            azz = {"AZZ": Country("AZZ", countries()["USA"].name, D(1), ituc)}
            facts = replace(small, staff_countries=(StaffCountry("AZZ", D(100)),))
            assert _weight_with_tables(monkeypatch, "C4", facts, extra_countries=azz) == D(repr(weight)), label
            checked += 1
            continue
        assert _weight_with_tables(monkeypatch, "C4", facts) == D(repr(weight)), label
        checked += 1
    for value, weight in examples["D3_and_E3_from_E"]:
        zz = {"ZZ": Sector("ZZ", countries()["USA"].name, D(1), D(repr(value)))}
        facts = replace(base, sectors=(OwnSector("ZZ", D(100)),))
        for theme in ("D3", "E3"):
            assert _weight_with_tables(monkeypatch, theme, facts, extra_sectors=zz) == D(repr(weight)), value
        checked += 1
    for label, weight in examples["D4"]:
        facts = replace(base, b2b=label == "b2b")
        assert _weight_with_tables(monkeypatch, "D4", facts) == D(repr(weight)), label
        checked += 1
    for value, weight in examples["E2_from_profit_over_turnover"]:
        facts = base if value == "turnover 0" else replace(base, turnover=D(100000), profit=D(repr(value)) * 100000)
        assert _weight_with_tables(monkeypatch, "E2", facts) == D(repr(weight)), value
        checked += 1
    for label, weight in examples["E4"]:
        if label == "sector B or F":
            for code in ("B", "F"):
                facts = replace(base, sectors=(OwnSector(code, D(1)),))
                assert _weight_with_tables(monkeypatch, "E4", facts) == D(repr(weight)), code
        else:
            employees, money = sizes[label]
            facts = replace(base, employees=employees, turnover=money, total_assets=money)
            assert _weight_with_tables(monkeypatch, "E4", facts) == D(repr(weight)), label
        checked += 1
    for theme in ("A1", "A2", "C1", "C2", "D1", "D2", "E1"):
        assert _weight_with_tables(monkeypatch, theme, small) == examples["A1_A2_C1_C2_D1_D2_E1"]
    empty = score(Balance(matrix="5.0", company=CompanyFacts()))
    assert {t.weight for t in empty.themes.values()} == {D(1)}
    assert checked == 44  # every listed example


def test_b1_variants_of_the_defaults_and_reset_case() -> None:
    """b1-weights-5.10-defaults-and-reset: default 1/0; B1.1 = 0 -> B1.2 = 1 (not set by hand); both set; cleared."""
    case = BY_ID["b1-weights-5.10-defaults-and-reset"]
    base = load_case(case)
    for variant in case["expected"]["variants"]:
        weights = {k: D(repr(v)) for k, v in variant["aspect_weights"].items()}
        result = score(replace(base, aspect_weights=weights))
        assert result.aspects["B1.1"].weight == D(repr(variant["B1.1"]))
        assert result.aspects["B1.2"].weight == D(repr(variant["B1.2"]))
        if variant.get("B1.2_set_by_user") is False:
            assert "B1.2" not in weights  # the 1 is the rule's default, not an override


def test_b1_both_weighted_is_refused_with_the_field_named() -> None:
    with pytest.raises(InputError) as info:
        load_case(BY_ID["b1-weights-5.10-b11-1-b12-1"])
    assert [p.code for p in info.value.problems] == ["b1_exclusive"]
    assert info.value.problems[0].location.field == "aspect_weights.B1.2"
