"""Golden tests for Matrix 5.0 / 5.1 scoring, computed by hand from shared/reference/scoring.md.

Each expected number is written as the arithmetic of the rule (section numbers refer to
scoring.md part 1). Table values used: PPP USA 1 (ITUC 4), AWO/blank 1.00304566871495 (AWO ITUC
2.99 in 5.0, 3.23809523809524 in 5.1; blank 2.99), DEU 1.11788030334198 (ITUC 1), AFG
3.46739486547185 (ITUC 5), CHN 2.35233446735832 (ITUC 5), LKA ITUC 4, TUR ITUC 5, BMU PPP
1.00304566871495 (ITUC 3.52); sectors: risk A 2, M 1; design F 2, G 2, Ce 1.5, A 1, L 2.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.balance.model import Balance, CompanyFacts, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.errors import InputError
from ecg_desktop.matrix.tables import Sector, sectors
from ecg_desktop.scoring import matrix5, score
from ecg_desktop.scoring.numbers import sig15

D = Decimal
WORLD_PPP = D("1.00304566871495")
AWO_51 = D("3.23809523809524")


def facts(**values: object) -> CompanyFacts:
    converted = {
        k: D(str(v))
        if isinstance(v, int | float | str) and not isinstance(v, bool) and k != "main_origin_of_other_suppliers"
        else v
        for k, v in values.items()
    }
    return CompanyFacts(**converted)  # type: ignore[arg-type]


def weights(matrix: str = "5.1", **values: object) -> dict[str, Decimal]:
    result = score(Balance(matrix=matrix, company=facts(**values)))
    return {code: t.weight for code, t in result.themes.items()}


def rows(matrix: str = "5.1", **values: object) -> dict[str, Decimal]:
    result = score(Balance(matrix=matrix, company=facts(**values)))
    return {code: s.weight for code, s in result.stakeholders.items()}


def exact(value: Decimal) -> Fraction:
    return Fraction(value)


def near(ours: Decimal, expected: Fraction, digits: int = 25) -> bool:
    """ours equals the exact rational `expected` to `digits` decimals (Decimal keeps 34 digits)."""
    return abs(Fraction(ours) - expected) < Fraction(1, 10**digits)


# ---- 1.4 stakeholder row weights


def test_purchases_only_give_r_a_exactly_300() -> None:
    """S = 1000 x 1.00304566871495, P = Fi = 0, so D = S and r_A = 60 x S / S x 5 = 300 -> 2; r_B = r_C = 0 -> 60 -> 0.5."""
    assert rows(total_purchases=1000) == {"A": D(2), "B": D("0.5"), "C": D("0.5"), "D": D(1), "E": D(1)}


def test_r_a_a_hair_below_300_counts_as_300() -> None:
    """Profit 1e-18: r_A = 300 x S / (S + 1e-18) = 300 - 2.99e-19, which is 300 at 15 significant digits -> 2."""
    result = score(Balance(matrix="5.1", company=facts(total_purchases=1000, profit="0.000000000000000001")))
    s = exact(WORLD_PPP) * 1000
    r_a = Fraction(60) * s / (s + Fraction(1, 10**18)) * 5
    assert r_a < 300  # the exact value is below 300 ...
    assert result.stakeholders["A"].weight == 2  # ... but counts as 300
    assert result.stakeholders["A"].explanation.inputs["r"] == "300"


@pytest.mark.parametrize(
    ("r", "weight"),
    [
        ("299.99999999999994", "2"),  # the float noise of 300: 15 significant digits -> 300
        ("299.9999999999", "1.5"),  # really below 300
        ("300.1", "2"),  # clamped to 300
        ("59.999999999999996", "0.5"),  # 60 at 15 digits
        ("59.999", "0.5"),  # clamped to 60
        ("60.4", "1"),
        ("179.99", "1"),
        ("180", "1.5"),
        ("100", "1"),  # D = 0
        ("-300", "0.5"),  # clamped to 60
    ],
)
def test_row_weight_thresholds(r: str, weight: str) -> None:
    """clamp r to [60, 300]; 0.5 at 60, 2 at 300, 1 below 180, 1.5 otherwise (compared at 15 digits)."""
    assert matrix5._row_weight(D(r)) == D(weight)


def test_row_weights_at_60_and_180_exactly() -> None:
    # S = 20 (USA, PPP 1), Fi = 80: D = 100; r_A = 60 x 20/100 x 5 = 60 -> 0.5; r_B = 60 x 80/100 x 10 = 480 -> 2
    assert rows(total_purchases=20, main_origin_of_other_suppliers="USA", profit=80) == {
        "A": D("0.5"),
        "B": D(2),
        "C": D("0.5"),
        "D": D(1),
        "E": D(1),
    }
    # S = 60, Fi = 40: r_A = 60 x 0.6 x 5 = 180 -> 1.5; r_B = 60 x 0.4 x 10 = 240 -> 1.5
    assert rows(total_purchases=60, main_origin_of_other_suppliers="USA", profit=40) == {
        "A": D("1.5"),
        "B": D("1.5"),
        "C": D("0.5"),
        "D": D(1),
        "E": D(1),
    }


def test_staff_costs_p_with_blank_and_unassigned_shares() -> None:
    """P = 1000 x 0.5 x PPP(DEU) + 1000 x 0.2 x WORLD (blank) + (1 - 0.7) x WORLD x 1000; only fact -> r_C = 600 -> 2."""
    result = score(
        Balance(
            matrix="5.1",
            company=CompanyFacts(
                total_staff_costs=D(1000),
                staff_countries=(StaffCountry("DEU", D(50)), StaffCountry(None, D(20))),
            ),
        )
    )
    p = D(1000) * D("0.5") * D("1.11788030334198") + D(1000) * D("0.2") * WORLD_PPP + D("0.3") * WORLD_PPP * 1000
    assert p == D("1060.462986028465")  # 558.94015167099 + 200.60913374299 + 300.913700614485
    assert D(result.stakeholders["C"].explanation.inputs["share"]) == p
    assert result.stakeholders["C"].weight == 2
    assert result.stakeholders["A"].weight == result.stakeholders["B"].weight == D("0.5")


def test_mixed_rows_and_a_loss_taken_literally() -> None:
    # S = 100 (USA), P = 100 (USA 100 %), Fi = 100: D = 300; r_A = 60/3 x 5 = 100 -> 1; r_B = r_C = 60/3 x 10 = 200 -> 1.5
    assert rows(
        total_purchases=100,
        main_origin_of_other_suppliers="USA",
        total_staff_costs=100,
        profit=100,
        staff_countries=(StaffCountry("USA", D(100)),),
    ) == {"A": D(1), "B": D("1.5"), "C": D("1.5"), "D": D(1), "E": D(1)}
    # a loss larger than the purchases: S = 50, Fi = -100, D = -50; r_A = 60 x 50/-50 x 5 = -300 -> 60 -> 0.5;
    # r_B = 60 x -100/-50 x 10 = 1200 -> 300 -> 2 (the formula of 1.4 has no exception for D < 0)
    assert rows(total_purchases=50, main_origin_of_other_suppliers="USA", profit=-100)["B"] == 2


def test_user_row_weight_replaces_only_that_row() -> None:
    # purchases only: computed A 2, B 0.5, C 0.5; the user sets A to 0.5 and leaves B and C alone
    balance = Balance(matrix="5.1", company=facts(total_purchases=1000), stakeholder_weights={"A": D("0.5")})
    result = score(balance)
    assert result.stakeholders["A"].weight == D("0.5")
    assert result.stakeholders["A"].computed_weight == 2
    assert result.stakeholders["A"].set_by_user
    assert result.stakeholders["B"].weight == D("0.5")
    assert not result.stakeholders["B"].set_by_user


# ---- 1.5 company size


@pytest.mark.parametrize(
    ("employees", "turnover", "assets", "size"),
    [
        (9, 51_000_000, 2_000_000, "micro"),  # assets <= 2M is enough: "or"
        (9, 2_000_000, 44_000_000, "micro"),  # turnover <= 2M is enough (boundary included)
        ("9.5", 3_000_000, 3_000_000, "small"),  # full-time equivalents; both above 2M
        (10, 1, 1, "small"),  # 10 is not < 10
        (49, 11_000_000, 10_000_000, "small"),
        (49, 11_000_000, 11_000_000, "medium"),
        (249, 51_000_000, 43_000_000, "medium"),  # assets <= 43M
        (249, 51_000_000, 44_000_000, "large"),
        (250, 1, 1, "large"),
        (0, 0, 0, "micro"),
    ],
)
def test_size_class_or_rule(employees: object, turnover: int, assets: int, size: str) -> None:
    assert matrix5.size_class(facts(employees=employees, turnover=turnover, total_assets=assets)) == size


# ---- 1.6 theme weights


def _five(*sectors_and_costs: tuple[str | None, int], country: str = "USA") -> tuple[SupplyFraction, ...]:
    return tuple(SupplyFraction(country, sector, D(costs)) for sector, costs in sectors_and_costs)


@pytest.mark.parametrize(
    ("fractions", "weight"),
    [
        # USA (PPP 1) only, so V = sum(costs x risk) / sum(costs)
        ((("A", 100), ("A", 100), ("A", 100), ("M", 100), ("M", 100)), "2"),  # (2+2+2+1+1)/5 = 1.6 > 1.5
        ((("A", 200), ("M", 50), ("M", 50), ("M", 50), ("M", 50)), "1.5"),  # (400+200)/400 = 1.5, not > 1.5
        ((("A", 100), ("A", 100), ("M", 100), ("M", 100), ("M", 100)), "1.5"),  # 7/5 = 1.4 > 1.25
        ((("A", 100), ("M", 75), ("M", 75), ("M", 75), ("M", 75)), "1"),  # (200+300)/400 = 1.25, not > 1.25
        ((("A", 100), ("M", 100), ("M", 100), ("M", 100), ("M", 100)), "1"),  # 6/5 = 1.2
        ((("A", 100), ("A", 100), ("A", 100), ("A", 100)), "1"),  # four fractions: fewer than five -> 1
        ((("A", 100), ("A", 100), ("A", 100), ("A", 100), (None, 100)), "1"),  # one without sector -> 1
    ],
)
def test_a3_supply_chain_risk(fractions: tuple[tuple[str | None, int], ...], weight: str) -> None:
    total = sum(c for _, c in fractions)
    assert weights(total_purchases=total, supply_fractions=_five(*fractions))["A3"] == D(weight)


def test_a3_weighs_by_ppp_and_ignores_the_rest() -> None:
    """A from AFG (PPP 3.46739486547185), four M from USA, 100 each.

    V = (100 x 3.46739486547185 x 2 + 400 x 1) / (346.739486547185 + 400) = 1093.47897309437 / 746.739486547185
      = 1.4643... > 1.25 -> 1.5 (by costs alone it would be 600/500 = 1.2 -> 1). A rest of 10000 from AFG
    changes nothing (A3 looks at the listed fractions only).
    """
    fractions = (SupplyFraction("AFG", "A", D(100)), *_five(("M", 100), ("M", 100), ("M", 100), ("M", 100)))
    v = (Fraction("346.739486547185") * 2 + 400) / (Fraction("346.739486547185") + 400)
    for purchases, origin in ((500, "USA"), (10500, "AFG")):
        result = score(
            Balance(
                matrix="5.1",
                company=facts(
                    total_purchases=purchases, main_origin_of_other_suppliers=origin, supply_fractions=fractions
                ),
            )
        )
        assert result.themes["A3"].weight == D("1.5")
        assert D(result.themes["A3"].weight_explanation.inputs["risk"]) == sig15(D(v.numerator) / D(v.denominator))


def test_a3_and_d3_below_075_with_a_low_factor_sector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real table never goes below 1 (oddity 8); a sector with factor 0.5 shows the 0.5 rule is there."""
    table = {**sectors(), "ZZ": Sector("ZZ", sectors()["A"].name, D("0.5"), D("0.5"))}
    monkeypatch.setattr(matrix5, "sectors", lambda: table)
    w = weights(total_purchases=500, supply_fractions=_five(*[("ZZ", 100)] * 5), sectors=(OwnSector("ZZ", D(100)),))
    assert w["A3"] == D("0.5")  # V = 0.5 < 0.75
    assert w["D3"] == w["E3"] == D("0.5")  # E = 1 x 0.5 + 0 = 0.5 < 0.75


def test_a4_no_purchases_counts_as_zero() -> None:
    """Facts entered (employees 5) but no purchases: S = 0, the average counts as 0 -> 0.5 (oddity 5)."""
    assert weights(employees=5)["A4"] == D("0.5")


def test_a4_world_ituc_differs_between_versions() -> None:
    """One fraction AWO 100 (PPP 1.00304566871495), rest 10 from USA (PPP 1, ITUC 4): S = 110.304566871495.

    5.0 (5.06/5.08): I = (100.304566871495 x 2.99 + 10 x 4) / S = 3.0815... < 3.26 -> 1
    5.1 and 5.09:    I = (100.304566871495 x 3.23809523809524 + 40) / S = 3.3072... -> 1.5
    A blank supplier country is 2.99 in every version, so with it 5.1 gives 1.
    """
    s = 100 * WORLD_PPP + 10
    i50 = (100 * WORLD_PPP * D("2.99") + 40) / s
    i51 = (100 * WORLD_PPP * AWO_51 + 40) / s
    assert D("3.08") < i50 < D("3.09")
    assert D("3.30") < i51 < D("3.31")
    awo = facts(
        total_purchases=110,
        main_origin_of_other_suppliers="USA",
        supply_fractions=(SupplyFraction("AWO", "A", D(100)),),
    )
    blank = replace(awo, supply_fractions=(SupplyFraction(None, "A", D(100)),))
    for matrix, version, company, expected_i, weight in (
        ("5.0", "5.08", awo, i50, "1"),
        ("5.0", None, awo, i50, "1"),
        ("5.0", "5.09", awo, i51, "1.5"),
        ("5.1", "5.10", awo, i51, "1.5"),
        ("5.1", None, awo, i51, "1.5"),
        ("5.1", None, blank, i50, "1"),
    ):
        theme = score(Balance(matrix=matrix, calculator_version=version, company=company)).themes["A4"]
        assert theme.weight == D(weight), (matrix, version)
        assert D(theme.weight_explanation.inputs["ituc_average"]) == sig15(expected_i)


def test_a4_threshold_at_15_digits() -> None:
    """Blank (2.99) 26 and BMU (3.52) 27, same PPP: I = (26 x 2.99 + 27 x 3.52) / 53 = 172.78 / 53 = 3.26 exactly.

    The Decimal quotient carries noise in the 34th digit; at 15 digits it is 3.26, which is not < 3.26 -> 1.5.
    """
    company = facts(
        total_purchases=53, supply_fractions=(SupplyFraction(None, "A", D(26)), SupplyFraction("BMU", "A", D(27)))
    )
    assert Fraction(26 * 299 + 27 * 352, 53 * 100) == Fraction("3.26")
    theme = score(Balance(matrix="5.0", company=company)).themes["A4"]
    assert theme.weight == D("1.5")
    assert theme.weight_explanation.inputs["ituc_average"] == "3.26"


@pytest.mark.parametrize(
    ("origin", "weight"),
    [("DEU", "0.5"), ("USA", "1.5"), ("AFG", "2"), ("AWO", "1")],  # I = 1, 4, 5, 3.238...
)
def test_a4_thresholds(origin: str, weight: str) -> None:
    assert weights(total_purchases=100, main_origin_of_other_suppliers=origin)["A4"] == D(weight)


@pytest.mark.parametrize(
    ("values", "b1", "b3"),
    [
        ({"turnover": 5, "total_assets": 100}, "1.5", "0.5"),  # q = 0.05 < 0.1; B3 q = 0 < 0.1
        ({"turnover": 10, "total_assets": 100}, "1", "0.5"),  # q = 0.1: not < 0.1
        ({"turnover": 50, "total_assets": 100}, "1", "0.5"),  # q = 0.5: not > 0.5
        ({"turnover": 51, "total_assets": 100}, "0.5", "0.5"),
        ({"turnover": 5}, "1", "1"),  # assets 0: q = 0.3 -> 1; B3 q = 0.2 -> 1
        ({"total_assets": 100, "financial_assets_and_cash": 10}, "1.5", "1"),  # B3 q = 0.1: not < 0.1
        ({"total_assets": 100, "additions_to_fixed_assets": 20, "financial_assets_and_cash": 5}, "1.5", "1"),  # 0.25
        ({"total_assets": 100, "additions_to_fixed_assets": 26}, "1.5", "1.5"),  # 0.26 > 0.25
        ({"total_assets": 100, "additions_to_fixed_assets": -50, "financial_assets_and_cash": 10}, "1.5", "0.5"),
    ],
)
def test_b1_and_b3_ratios(values: dict[str, int], b1: str, b3: str) -> None:
    w = weights(**values)
    assert (w["B1"], w["B3"]) == (D(b1), D(b3))


def test_b1_b3_sector_k_in_any_row_whatever_its_share() -> None:
    """K as the second of two own sectors with 1 % of turnover still makes B1 and B3 weigh 2 (oddity 7)."""
    w = weights(turnover=51, total_assets=100, sectors=(OwnSector("A", D(90)), OwnSector("K", D(1))))
    assert (w["B1"], w["B3"]) == (D(2), D(2))


@pytest.mark.parametrize(
    ("profit", "b2", "e2"),
    [
        (11, "1.5", "1.5"),  # m = 0.11
        (10, "1", "1"),  # m = 0.1: not > 0.1
        (5, "1", "1"),  # 0.05: B2 1 (>= 0.03), E2 not < 0.05
        ("4.9", "1", "0.5"),
        (3, "1", "0.5"),  # 0.03: not < 0.03
        ("2.99", "0.5", "0.5"),
        ("0.1", "0.5", "0.5"),  # 0.001: not < 0.001
        ("0.099", "0", "0.5"),  # 0.00099 < 0.001 -> B2 switched off
        (0, "0", "0.5"),
        (-20, "0", "0.5"),  # a loss -> B2 0 (oddity 6)
    ],
)
def test_b2_and_e2_margin(profit: object, b2: str, e2: str) -> None:
    w = weights(turnover=100, profit=profit)
    assert (w["B2"], w["E2"]) == (D(b2), D(e2))


def test_b2_and_e2_without_turnover() -> None:
    w = weights(profit=-500)
    assert (w["B2"], w["E2"]) == (D(1), D(1))


def test_b4_and_e4_by_size() -> None:
    assert weights(employees=2)["B4"] == D("0.5")  # micro
    assert weights(employees=20, turnover=3_000_000, total_assets=3_000_000)["B4"] == 1  # small
    assert weights(employees=2)["E4"] == D("0.5")  # micro
    assert weights(employees=20, turnover=3_000_000, total_assets=3_000_000)["E4"] == D("0.5")  # small
    assert weights(employees=100, turnover=20_000_000, total_assets=20_000_000)["E4"] == 1  # medium
    assert weights(employees=300)["E4"] == 1  # large


@pytest.mark.parametrize("sector", ["B", "F"])
def test_e4_mining_or_construction_in_any_row(sector: str) -> None:
    """B or F with 1 % in the second row -> 1.5, even for a micro organisation."""
    w = weights(employees=2, sectors=(OwnSector("M", D(99)), OwnSector(sector, D(1))))
    assert w["E4"] == D("1.5")


@pytest.mark.parametrize(
    ("commute", "canteen", "weight"),
    [
        (9, False, "0.5"),
        (9, None, "0.5"),  # not answered = no (1.3)
        (9, True, "1"),
        (10, False, "1"),  # 10 is not < 10
        (25, False, "1"),  # 25 is not > 25
        ("25.5", False, "1.5"),
        ("25.5", True, "1.5"),
    ],
)
def test_c3_commute_and_canteen(commute: object, canteen: bool | None, weight: str) -> None:
    assert weights(profit=1, average_commute_km=commute, canteen=canteen)["C3"] == D(weight)


SMALL = {"employees": 20, "turnover": 3_000_000, "total_assets": 3_000_000}


@pytest.mark.parametrize(
    ("staff", "weight"),
    [
        ((("CHN", 70),), "1.5"),  # 0.7 x 5 = 3.5 > 3.25
        ((("CHN", 65),), "1"),  # 0.65 x 5 = 3.25: not > 3.25
        ((("LKA", 100),), "1.5"),  # LKA itself counts: 4
        ((("TUR", 100),), "1"),  # TUR sorts after LKA: adds 0
        ((("AAS", 100),), "1"),  # continental average: adds 0
        ((("AWO", 100),), "1"),  # world: adds 0
        (((None, 100),), "1"),  # blank: adds 0
        ((("CHN", 50), ("TUR", 50)), "1"),  # 2.5
        ((("CHN", 50), ("LKA", 50)), "1.5"),  # 2.5 + 2 = 4.5
    ],
)
def test_c4_staff_ituc(staff: tuple[tuple[str | None, int], ...], weight: str) -> None:
    entries = tuple(StaffCountry(c, D(s)) for c, s in staff)
    assert weights(staff_countries=entries, **SMALL)["C4"] == D(weight)


def test_c4_one_employee_and_micro() -> None:
    assert weights(employees=1)["C4"] == 0  # exactly 1 employee
    assert weights(employees="1.0", turnover=3_000_000, total_assets=3_000_000)["C4"] == 0  # small, still 1
    assert weights(employees=2, staff_countries=(StaffCountry("CHN", D(100)),))["C4"] == D("0.5")  # micro first


@pytest.mark.parametrize(
    ("own", "weight"),
    [
        ((("F", 100),), "2"),  # E = 2 > 1.75
        ((("F", 76),), "2"),  # 1.52 + 0.24 = 1.76
        ((("F", 75),), "1.5"),  # 1.5 + 0.25 = 1.75: not > 1.75
        ((("G", 50),), "1.5"),  # 1 + 0.5
        ((("Ce", 50),), "1.5"),  # 0.75 + 0.5 = 1.25: not < 1.25
        ((("Ce", 48),), "1"),  # 0.72 + 0.52 = 1.24
        ((("F", 20), ("A", 40)), "1"),  # 0.4 + 0.4 + 0.4 = 1.2
        ((("L", 80), (None, 20)), "2"),  # 1.6 + 0.2 x 1 = 1.8
        (((None, 100),), "1"),
    ],
)
def test_d3_e3_product_design(own: tuple[tuple[str | None, int], ...], weight: str) -> None:
    w = weights(profit=1, sectors=tuple(OwnSector(s, D(f)) for s, f in own))
    assert (w["D3"], w["E3"]) == (D(weight), D(weight))


def test_d4_b2b() -> None:
    assert weights(b2b=True)["D4"] == D("1.5")
    assert weights(profit=1, b2b=False)["D4"] == 1


def test_constant_themes() -> None:
    w = weights(employees=1, turnover=100, profit=-5, total_purchases=10, b2b=True)
    assert all(w[c] == 1 for c in ("A1", "A2", "C1", "C2", "D1", "D2", "E1"))


# ---- 1.3 empty facts


def test_empty_facts_all_weights_one_but_user_weights_apply() -> None:
    """All numbers 0, yes/no "no", a main origin code (codes do not count): every computed weight 1, rows 1.

    The user's A1 = 2 and row B = 0.5 still apply: T = A (2+1+1+1) + B 0.5 x 4 + C 4 + D 4 + E 4 = 19,
    Max_A1 = 1 x 2 / 19 x 1000 = 2000/19, Max_B1 = 0.5 x 1 / 19 x 1000 = 500/19.
    """
    company = facts(employees=0, turnover=0, profit=0, b2b=False, canteen=False, main_origin_of_other_suppliers="DEU")
    plain = score(Balance(matrix="5.1", company=company))
    assert {t.weight for t in plain.themes.values()} == {D(1)}
    assert {s.weight for s in plain.stakeholders.values()} == {D(1)}
    assert {t.max_points for t in plain.themes.values()} == {D(50)}
    assert any(e.rule == "empty_facts" for e in plain.explanations)
    user = score(Balance(matrix="5.1", company=company, weights={"A1": D(2)}, stakeholder_weights={"B": D("0.5")}))
    assert user.themes["A1"].weight == 2
    assert near(user.themes["A1"].max_points, Fraction(2000, 19))
    assert near(user.themes["B1"].max_points, Fraction(500, 19))


def test_a_list_entry_makes_facts_non_empty() -> None:
    """A staff share is a number inside a list entry: the facts are not empty, so A4 = 0.5 (no purchases)."""
    w = weights(staff_countries=(StaffCountry("DEU", D(10)),))
    assert w["A4"] == D("0.5")
    assert w["C3"] == D("0.5")  # commute 0 and no canteen


# ---- 1.7 overrides and aspect weights


def test_theme_override_keeps_the_computed_value() -> None:
    result = score(
        Balance(matrix="5.1", company=facts(employees=1), weights={"C4": D("1.5")}, justifications={"C4": "x"})
    )
    theme = result.themes["C4"]
    assert (theme.weight, theme.computed_weight, theme.weight_set_by_user) == (D("1.5"), D(0), True)


def test_aspect_weight_override_and_percentages() -> None:
    """Empty facts (theme max 50); A2.1 weight 2, A2.2 weight 1: Max = 50 x 2/3 and 50 x 1/3.

    A2.1 rated 10: P = 100/3 = 33.33...; v = 0.666666666666667 -> 5.0: R_1 = 0.7 -> 70 %; 5.1: R_2 = 0.67 -> 67 %.
    """
    for matrix, percent in (("5.0", 70), ("5.1", 67)):
        result = score(Balance(matrix=matrix, aspect_weights={"A2.1": D(2)}, ratings={"A2.1": D(10)}))
        assert near(result.aspects["A2.1"].max_points, Fraction(100, 3))
        assert near(result.aspects["A2.2"].max_points, Fraction(50, 3))
        assert near(result.themes["A2"].points, Fraction(100, 3))
        assert result.themes["A2"].percentage == percent


def test_all_positive_aspects_weight_zero_keeps_the_theme_share() -> None:
    """A2.1 and A2.2 weight 0: Max_a = 0 (sum 0), the theme keeps 50 and can only reach 0 or less."""
    result = score(
        Balance(
            matrix="5.0",
            aspect_weights={"A2.1": D(0), "A2.2": D(0)},
            ratings={"A2.1": D(10), "A2.3": D(-10)},
            justifications={"A2.1": "a", "A2.2": "b"},
        )
    )
    assert result.themes["A2"].max_points == 50
    assert result.aspects["A2.1"].max_points == 0
    assert result.aspects["A2.1"].points == 0
    assert result.themes["A2"].points == -10  # -10 x 50 / 50
    assert result.themes["A2"].percentage is None
    assert result.total == -10


def test_negative_aspect_weight_is_ignored_with_a_warning() -> None:
    result = score(Balance(matrix="5.1", aspect_weights={"A1.2": D(2)}, ratings={"A1.2": D(-100)}))
    assert result.aspects["A1.2"].weight is None
    assert result.aspects["A1.2"].points == -100
    assert [w.code for w in result.warnings] == ["negative_weight_ignored"]


def test_b1_rule_of_51() -> None:
    """5.1: B1.2 defaults to 0; B1.1 = 0 and no weight for B1.2 -> B1.2 = 1; 5.0 has no such rule.

    5.1 B1 has B1.1-B1.4. Default: B1.1, B1.3, B1.4 weigh 1 -> each 50/3; B1.2 0.
    B1.1 = 0: B1.2, B1.3, B1.4 each 50/3. B1.1 = 0, B1.2 = 2: B1.2 = 50 x 2/4 = 25, B1.3 = B1.4 = 12.5.
    """
    ratings = {"B1.1": D(10), "B1.2": D(10)}
    default = score(Balance(matrix="5.1", ratings=ratings))
    assert (default.aspects["B1.1"].weight, default.aspects["B1.2"].weight) == (1, 0)
    assert near(default.aspects["B1.1"].max_points, Fraction(50, 3))
    assert near(default.themes["B1"].points, Fraction(50, 3))  # B1.2's 10 counts nothing
    switched = score(
        Balance(matrix="5.1", ratings=ratings, aspect_weights={"B1.1": D(0)}, justifications={"B1.1": "sgo"})
    )
    assert (switched.aspects["B1.1"].weight, switched.aspects["B1.2"].weight) == (0, 1)
    assert near(switched.aspects["B1.2"].max_points, Fraction(50, 3))
    both = score(Balance(matrix="5.1", aspect_weights={"B1.1": D(0), "B1.2": D(2)}))
    assert both.aspects["B1.2"].max_points == 25
    assert both.aspects["B1.3"].max_points == D("12.5")
    old = score(Balance(matrix="5.0", aspect_weights={"B1.1": D(0)}, justifications={"B1.1": "x"}))
    assert old.aspects["B1.2"].weight == 1
    assert near(old.aspects["B1.2"].max_points, Fraction(25))  # 5.0: B1.2 and B1.3 share 50


@pytest.mark.parametrize(
    "aspect_weights",
    ['{"B1.2": 1}', '{"B1.1": 1, "B1.2": 1}', '{"B1.1": 2, "B1.2": 0.5}'],
)
def test_b1_invalid_combinations_are_refused(aspect_weights: str) -> None:
    with pytest.raises(InputError) as info:
        load_balance(f'{{"matrix": "5.1", "aspect_weights": {aspect_weights}}}')
    assert [(p.code, p.location.field) for p in info.value.problems] == [("b1_exclusive", "aspect_weights.B1.2")]


def test_b1_both_weighted_is_fine_in_50() -> None:
    balance = load_balance('{"matrix": "5.0", "aspect_weights": {"B1.1": 1, "B1.2": 1}}')
    assert score(balance).aspects["B1.2"].weight == 1


# ---- 1.8 points


def test_filled_51_balance_by_hand() -> None:
    """A small company, scored by hand.

    Facts: 20 staff, turnover 5,000,000, total assets 2,000,000, profit 300,000, purchases 1,000,000 (rest from
    USA), staff costs 1,000,000 (USA 100 %), b2b, no canteen, commute 12 km -> small.
    Rows: S = 1e6, P = 1e6, Fi = 3e5, D = 2.3e6: r_A = 60/2.3 x 5 = 130.4 -> 1; r_B = 60 x 0.3/2.3 x 10 = 78.3 -> 1;
    r_C = 60/2.3 x 10 = 260.9 -> 1.5.
    Themes: A3 1 (no fractions), A4 1.5 (I = 4), B1 0.5 (q = 2.5), B2 1 (m = 0.06), B3 0.5 (q = 0), B4 1, C3 1,
    C4 1 (USA sorts after LKA), D3 = E3 = 1, D4 1.5, E2 1, E4 0.5 (small).
    T = A (1+1+1+1.5) + B (0.5+1+0.5+1) + C 1.5 x 4 + D (1+1+1+1.5) + E (1+1+1+0.5) = 4.5+3+6+4.5+3.5 = 21.5
    Ratings: A1.1 7 -> 7/10 x 1000/21.5 = 700/21.5; C1.1 10 -> (1.5 x 1000/21.5)/3 = 500/21.5;
    C1.4 -20 -> -20 x (1500/21.5)/50 = -600/21.5; D4.1 5 -> (1500/21.5)/2 x 0.5 = 375/21.5;
    E4.3 -200 -> -200 x (500/21.5)/50 = -2000/21.5.
    Total = (700 + 500 - 600 + 375 - 2000) / 21.5 = -1025/21.5 = -47.674...
    """
    company = facts(
        employees=20,
        turnover=5_000_000,
        total_assets=2_000_000,
        profit=300_000,
        total_purchases=1_000_000,
        main_origin_of_other_suppliers="USA",
        total_staff_costs=1_000_000,
        staff_countries=(StaffCountry("USA", D(100)),),
        b2b=True,
        canteen=False,
        average_commute_km=12,
    )
    ratings = {"A1.1": D(7), "C1.1": D(10), "C1.4": D(-20), "D4.1": D(5), "E4.3": D(-200)}
    result = score(Balance(matrix="5.1", company=company, ratings=ratings))
    assert result.size_class == "small"
    assert {c: s.weight for c, s in result.stakeholders.items()} == {"A": 1, "B": 1, "C": D("1.5"), "D": 1, "E": 1}
    expected_weights = {
        "A1": 1,
        "A2": 1,
        "A3": 1,
        "A4": "1.5",
        "B1": "0.5",
        "B2": 1,
        "B3": "0.5",
        "B4": 1,
        "C1": 1,
        "C2": 1,
        "C3": 1,
        "C4": 1,
        "D1": 1,
        "D2": 1,
        "D3": 1,
        "D4": "1.5",
        "E1": 1,
        "E2": 1,
        "E3": 1,
        "E4": "0.5",
    }
    assert {c: t.weight for c, t in result.themes.items()} == {c: D(str(w)) for c, w in expected_weights.items()}
    t = Fraction(215, 10)
    assert near(result.themes["A4"].max_points, Fraction(3, 2) / t * 1000)
    assert near(result.themes["C1"].max_points, Fraction(3, 2) / t * 1000)
    assert near(result.aspects["C1.4"].max_points, Fraction(-200) * (Fraction(1500) / t) / 50)
    assert near(result.themes["A1"].points, 700 / t)
    assert near(result.themes["C1"].points, (500 - 600) / t)
    assert near(result.themes["D4"].points, 375 / t)
    assert near(result.themes["E4"].points, -2000 / t)
    assert near(result.total, Fraction(-1025) / t)
    assert result.shown_total == -48
    # 5.1 percentages: A1 0.7 -> 70 %; D4 375/1500 = 0.25 -> 25 %; C1 and E4 negative -> none; unrated -> 0 %
    shown = {c: th.percentage for c, th in result.themes.items()}
    assert shown["A1"] == 70
    assert shown["D4"] == 25
    assert shown["C1"] is None
    assert shown["E4"] is None
    assert shown["B3"] == 0
    # the same balance in 5.0 (A4: USA has no AWO part) shows D4 at R_1(0.25) = 0.3 -> 30 %
    old = score(Balance(matrix="5.0", company=company, ratings=ratings))
    assert old.themes["D4"].percentage == 30
    assert near(old.total, Fraction(-1025) / t)


def test_negative_aspects_scale_with_the_theme_maximum() -> None:
    """Empty facts, A1 weight 2: T = 21, Max_A1 = 2000/21; A1.2 = -200 -> -200 x (2000/21)/50 = -8000/21,
    and its reported max_points is the lowest possible value -200 x Max_t / 50 = -8000/21."""
    result = score(Balance(matrix="5.1", weights={"A1": D(2)}, ratings={"A1.2": D(-200)}))
    assert near(result.aspects["A1.2"].points, Fraction(-8000, 21))
    assert near(result.aspects["A1.2"].max_points, Fraction(-8000, 21))
    assert near(result.aspects["A2.3"].max_points, Fraction(-4000, 21))  # weight-1 theme: -200 x (1000/21) / 50
    light = score(Balance(matrix="5.1", weights={"A1": D("0.5")}, ratings={"A1.2": D(-100)}))
    # T = 19.5, Max = 500/19.5; -100 x Max / 50
    assert near(light.aspects["A1.2"].points, Fraction(-100) * Fraction(500, 1) / Fraction(195, 10) / 50)


def test_theme_weight_zero_costs_nothing() -> None:
    """A1 weight 0 (with a reason): Max 0, its negative aspect costs 0, no percentage, T = 19."""
    result = score(
        Balance(
            matrix="5.0",
            weights={"A1": D(0)},
            justifications={"A1": "not relevant"},
            ratings={"A1.1": D(10), "A1.2": D(-200), "A2.1": D(10)},
        )
    )
    a1 = result.themes["A1"]
    assert (a1.max_points, a1.points, a1.percentage, a1.not_applicable) == (0, 0, None, True)
    assert result.aspects["A1.2"].max_points == 0
    assert near(result.themes["A2"].max_points, Fraction(1000, 19))
    assert near(result.total, Fraction(1000, 19) / 2)  # A2.1 is half of A2


def test_zero_percent_when_points_cancel_and_none_when_negative() -> None:
    # A1.1 10 -> 50, A1.2 -50 -> -50 x 50/50 = -50: P = 0 -> 0 %; A2.1 10 -> 25, A2.3 -50 -> P = -25 -> none
    result = score(Balance(matrix="5.1", ratings={"A1.1": D(10), "A1.2": D(-50), "A2.1": D(10), "A2.3": D(-50)}))
    assert result.themes["A1"].points == 0
    assert result.themes["A1"].percentage == 0
    assert result.themes["A2"].percentage is None


@pytest.mark.parametrize(
    ("matrix", "aspect_weights", "ratings", "percent"),
    [
        # A2 (two positive aspects of 25): 1 and 2 -> (2.5 + 5) / 50 = 0.15 -> 5.0: 20 % (not 10 %); 5.1: 15 %
        ("5.0", {}, {"A2.1": 1, "A2.2": 2}, 20),
        ("5.1", {}, {"A2.1": 1, "A2.2": 2}, 15),
        # weights 0.5 / 1.5 (Max 12.5 / 37.5), ratings 2 and 1 -> (2.5 + 3.75) / 50 = 0.125 -> 5.1: 13 % (not 12 %)
        ("5.1", {"A2.1": "0.5", "A2.2": "1.5"}, {"A2.1": 2, "A2.2": 1}, 13),
        ("5.0", {"A2.1": "0.5", "A2.2": "1.5"}, {"A2.1": 2, "A2.2": 1}, 10),  # R_1(0.125) = 0.1
        ("5.0", {}, {"A2.1": 5}, 30),  # 0.25 -> 0.3 (halves away from zero)
        ("5.0", {}, {"A2.1": 10, "A2.2": 10}, 100),
    ],
)
def test_percentage_rounding(
    matrix: str, aspect_weights: dict[str, str], ratings: dict[str, int], percent: int
) -> None:
    balance = Balance(
        matrix=matrix,
        aspect_weights={k: D(v) for k, v in aspect_weights.items()},
        ratings={k: D(v) for k, v in ratings.items()},
    )
    assert score(balance).themes["A2"].percentage == percent


@pytest.mark.parametrize(
    ("points", "maximum", "version", "percent"),
    [
        ("7.499999999999999999", "50", "5.0", 20),  # R_15(P) = 7.5 -> 0.15 -> 20 %
        ("7.49999999999999", "50", "5.0", 20),  # v = 0.1499999999999998 (16 decimals) -> R_15 = 0.15
        ("7.4999999999999", "50", "5.0", 10),  # v = 0.149999999999998: really below 0.15
        ("6.25", "50", "5.1", 13),
        ("14.499999999999998", "50", "5.1", 29),  # 0.28999999999999996 -> R_15 0.29 -> 29 %
        ("-0.0000000000000001", "50", "5.1", 0),  # R_15(P_t) = -0 is not below 0: shown as 0 %
        ("-0.000000000000001", "50", "5.1", None),  # 1e-15 is a real loss
        ("10", "0", "5.0", None),  # no maximum
        ("10", "60", "5.0", 20),  # 0.1666 -> 0.2
    ],
)
def test_percentage_helper(points: str, maximum: str, version: str, percent: int | None) -> None:
    result = matrix5._percentage(D(points), D(maximum), version)
    assert result == (None if percent is None else D(percent))
    if result is not None:
        assert str(result) == str(percent)  # no "-0", no "20.0"


def test_total_floor() -> None:
    """Every negative aspect at -200 with every weight 1: 19 x -200 = -3800, raised to -3600."""
    for matrix in ("5.0", "5.1"):
        from ecg_desktop.matrix import load_matrix

        negatives = [a.code for a in load_matrix(matrix).aspects("full") if not a.positive]
        assert len(negatives) == 19
        result = score(Balance(matrix=matrix, ratings={c: D(-200) for c in negatives}))
        assert result.total_before_floor == -3800
        assert result.total == -3600
        assert any(e.rule == "floor" for e in result.explanations)


def test_all_ten_gives_1000_with_any_weights() -> None:
    from ecg_desktop.matrix import load_matrix

    company = facts(
        employees=20,
        turnover=5_000_000,
        total_assets=2_000_000,
        profit=300_000,
        total_purchases=1_000_000,
        main_origin_of_other_suppliers="AFG",
        b2b=True,
    )
    for matrix in ("5.0", "5.1"):
        positives = [a.code for a in load_matrix(matrix).aspects("full") if a.positive]
        result = score(Balance(matrix=matrix, company=company, ratings={c: D(10) for c in positives}))
        assert abs(result.total - 1000) < D("1e-25")
        assert result.shown_total == 1000
        assert {t.percentage for t in result.themes.values() if not t.not_applicable} == {D(100)}


# ---- 1.10 compact


def test_compact_50_has_its_own_numbering() -> None:
    """Compact 5.0: A2.1 is the whole theme (Max 50), A2.2 is the negative aspect "abuse of market power"."""
    result = score(Balance(matrix="5.0", type="compact", ratings={"A2.1": D(10), "A2.2": D(-200)}))
    assert result.aspects["A2.1"].max_points == 50
    assert result.aspects["A2.2"].positive is False
    assert result.aspects["A2.2"].points == -200
    assert result.themes["A2"].points == -150
    full = score(Balance(matrix="5.0", type="full", ratings={"A2.1": D(10), "A2.2": D(10)}))
    assert full.aspects["A2.2"].positive is True
    assert full.themes["A2"].points == 50
    with pytest.raises(InputError) as info:
        load_balance('{"matrix": "5.0", "type": "compact", "ratings": {"A2.3": -10}}')
    assert info.value.problems[0].location.field == "ratings.A2.3"


def test_compact_51_scores_like_full() -> None:
    company = facts(employees=20, turnover=5_000_000, total_assets=2_000_000, profit=300_000, b2b=True)
    ratings = {"A1.1": D(7), "B1.3": D(4), "C1.4": D(-20), "E2.3": D(-10)}
    full = score(Balance(matrix="5.1", type="full", company=company, ratings=ratings))
    compact = score(Balance(matrix="5.1", type="compact", company=company, ratings=ratings))
    assert compact.total == full.total
    assert {c: (t.weight, t.max_points, t.points, t.percentage) for c, t in compact.themes.items()} == {
        c: (t.weight, t.max_points, t.points, t.percentage) for c, t in full.themes.items()
    }
