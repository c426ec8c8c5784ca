"""Golden tests for Matrix 4.1 scoring (scoring.md part 2), computed by hand.

Indicator data (matrix-4.1.csv): A1 max 90, weights 3;2;1; B1 max 30, weights 2;1;3;1; C1 max 90,
2;2;2;2; C2 max 50, 2;1;1; D1 max 50, 3;2;2;2; E2 max 40, 3;3;1; sole proprietors drop C4 (60),
C5 (90), E4 (60) and the sub-indicators C1.4 and C2.2.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.balance.model import Balance, CompanyFacts
from ecg_desktop.errors import InputError
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.scoring.matrix41 import n2_factor

D = Decimal


def b41(
    ratings: dict[str, object] | None = None,
    *,
    sole: bool | None = None,
    n2: object = None,
    weights: dict[str, object] | None = None,
) -> Balance:
    return Balance(
        matrix="4.1",
        company=CompanyFacts(sole_proprietor=sole, n2_turnover_share=None if n2 is None else D(str(n2))),
        ratings={k: D(str(v)) for k, v in (ratings or {}).items()},
        aspect_weights={k: D(str(v)) for k, v in (weights or {}).items()},
    )


def test_relevance_weights_and_indicator_rounding() -> None:
    """A1: 50 % of 90 x 3/6 = 22.5, 20 % of 90 x 2/6 = 6 -> 28.5 / 90 = 0.3167 -> 30 % -> 27 points."""
    result = score(b41({"A1.1": 50, "A1.2": 20}))
    assert result.aspects["A1.1"].points == D("22.5")  # sub-indicator points are not rounded
    assert result.aspects["A1.2"].points == 6
    assert result.aspects["A1.1"].max_points == 45  # 90 x 3/6
    assert result.themes["A1"].percentage == 30
    assert result.themes["A1"].points == 27
    assert result.total == 27


@pytest.mark.parametrize(
    ("ratings", "percent", "points"),
    [
        ({"A1.1": 35, "A1.2": 35, "A1.3": 35}, 40, 36),  # 0.35 -> 40 % (halves up), 40 % of 90
        ({"A1.1": 25, "A1.2": 25, "A1.3": 25}, 30, 27),  # 0.25 -> 30 % (half-even would give 20 %)
        ({"A1.1": 34, "A1.2": 34, "A1.3": 34}, 30, 27),  # 0.34 -> 30 %
        ({"A1.1": 5}, 0, 0),  # 0.025 -> 0 %
        ({"A1.1": 10, "A1.2": 10, "A1.3": 10}, 10, 9),
        ({"A1.1": 100, "A1.2": 100, "A1.3": 100}, 100, 90),
        # B1 (weights 2;1;3;1, sum 7): 30 x (2 x 0.44 + 0.29 + 3 x 0.55 + 0.33) / 7 = 30 x 3.15 / 7 = 13.5 -> 0.45
        # -> 50 % -> 15. The Decimal sum of the four parts is 13.4999...9 (34 digits) and must still round up.
        ({"B1.1": 44, "B1.2": 29, "B1.3": 55, "B1.4": 33}, 50, 15),
    ],
)
def test_indicator_rounds_to_10_percent_halves_up(ratings: dict[str, int], percent: int, points: int) -> None:
    theme = next(iter(ratings))[:2]
    result = score(b41(ratings))
    assert result.themes[theme].percentage == percent
    assert result.themes[theme].points == points


@pytest.mark.parametrize("sole", [False, True])
def test_half_step_ratios_round_up_for_every_indicator(sole: bool) -> None:
    """For each indicator, ratings that make the exact ratio k/10 + 1/20 land on the upper step.

    Each sub-indicator rated r: ratio = r / 100 exactly; r = 5, 15, ..., 95 are all halves (also with
    the sole-proprietor weights such as 8/3, whose Decimal sums carry noise in the 34th digit).
    """
    matrix = load_matrix("4.1")
    for theme in matrix.themes:
        if sole and not theme.sole_proprietor:
            continue
        for r in range(5, 100, 10):
            ratings = {a.code: r for a in matrix.aspects_of(theme.code)}
            result = score(b41(ratings, sole=sole))
            assert result.themes[theme.code].percentage == r + 5, (theme.code, r)


def test_c2_weights_2_1_1() -> None:
    """C2 shares 50/25/25 %: C2.3 at 100 % -> 50 x 1/4 = 12.5 -> 0.25 -> 30 % -> 15 (3;2;1 would give 1/6 -> 20 %)."""
    result = score(b41({"C2.3": 100}))
    assert [result.aspects[c].max_points for c in ("C2.1", "C2.2", "C2.3")] == [25, D("12.5"), D("12.5")]
    assert result.themes["C2"].percentage == 30
    assert result.themes["C2"].points == 15


def test_user_weight_and_all_not_applicable() -> None:
    # A1.3 weight 0: A1.1 and A1.2 share 90 as 3:2 -> A1.1 at 100 % = 54 -> 0.6 -> 60 % -> 54
    changed = score(b41({"A1.1": 100, "A1.3": 100}, weights={"A1.3": 0}))
    assert changed.aspects["A1.1"].max_points == 54
    assert changed.aspects["A1.3"].points == 0
    assert changed.themes["A1"].points == 54
    # every sub-indicator of A1 does not apply: the indicator scores 0
    none = score(b41({"A1.1": 100}, weights={"A1.1": 0, "A1.2": 0, "A1.3": 0}))
    assert none.themes["A1"].points == 0
    assert none.themes["A1"].percentage == 0
    assert none.aspects["A1.1"].max_points == 0


@pytest.mark.parametrize(
    ("share", "factor"),
    [
        (None, "1"),
        ("0", "0.5"),
        ("0.5", "0.5"),
        ("1", "0.5"),
        ("1.5", "0.75"),
        ("2", "0.75"),
        ("2.5", "1"),
        ("100", "1"),
    ],
)
def test_n2_factor(share: str | None, factor: str) -> None:
    assert n2_factor(None if share is None else D(share)) == D(factor)


def test_negative_criteria() -> None:
    """N1 -200 in full; N2 -200 with 1.5 % of turnover -> 75 % -> -150; N3 -150: total -500."""
    result = score(b41({"N1": -200, "N2": -200, "N3": -150}, n2="1.5"))
    assert result.aspects["N2"].points == -150
    assert result.aspects["N2"].rating == -200
    assert result.total == -500
    assert result.negative_points == -500
    assert score(b41({"N2": -200}, n2=1)).total == -100  # up to 1 % -> 50 %
    assert score(b41({"N2": -200}, n2=3)).total == -200
    assert score(b41({"N2": -200})).total == -200  # share not given: in full


def test_deduction_out_of_range_is_refused() -> None:
    with pytest.raises(InputError) as info:
        load_balance('{"matrix": "4.1", "ratings": {"N5": -150}}')  # N5 is at most -100
    assert info.value.problems[0].location.field == "ratings.N5"


def test_total_at_most_1000() -> None:
    matrix = load_matrix("4.1")
    full = score(b41({a.code: 100 for a in matrix.aspects("full")}))
    assert full.total == 1000
    assert sum(t.max_points for t in full.themes.values()) == 1000


def test_sole_proprietor_drops_and_shares() -> None:
    """C1.4's weight 2 goes to C1.1-C1.3 in equal parts (2 + 2/3 each, sum 8); C2.2's 1 to C2.1 and C2.3
    (2.5 and 1.5 of 4: 62.5 / 37.5 %); C4, C5, E4 drop out."""
    result = score(b41({"C2.1": 100, "C2.2": 100, "C4.1": 100}, sole=True))
    assert abs(Fraction(result.aspects["C1.1"].weight) - Fraction(8, 3)) < Fraction(1, 10**30)
    assert abs(Fraction(result.aspects["C1.1"].max_points) - 30) < Fraction(1, 10**30)  # 90 x (8/3) / 8
    assert result.aspects["C1.4"].weight == 0
    assert result.aspects["C2.1"].weight == D("2.5")
    assert result.aspects["C2.3"].weight == D("1.5")
    assert result.aspects["C2.1"].max_points == D("31.25")  # 50 x 62.5 %
    assert result.aspects["C2.2"].points == 0  # dropped: its rating counts nothing
    # C2: 31.25 / 50 = 0.625 -> 60 % -> 30 points; scaled 30 x 1000 / 790 = 37.97 -> 38
    assert result.themes["C2"].points == 30
    for code in ("C4", "C5", "E4"):
        theme = result.themes[code]
        assert (theme.max_points, theme.points, theme.percentage) == (0, 0, None)
    assert result.total == 38


@pytest.mark.parametrize(
    ("ratings", "deductions", "total"),
    [
        ({}, {}, 0),
        ({"A1": 100}, {}, 114),  # 90 x 1000/790 = 113.92 -> 114
        ({"B1": 100, "E2": 50}, {}, 63),  # (30 + 20) x 1000/790 = 63.29 -> 63
        ({"B1": 100, "E2": 50}, {"N1": -200}, -137),  # deductions unscaled: 63 - 200
        ({"A1": 100, "D1": 50}, {}, 146),  # (90 + 25) x 1000/790 = 145.57 -> 146
    ],
)
def test_sole_proprietor_scaling(ratings: dict[str, int], deductions: dict[str, int], total: int) -> None:
    matrix = load_matrix("4.1")
    all_ratings: dict[str, object] = {a.code: pct for t, pct in ratings.items() for a in matrix.aspects_of(t)}
    all_ratings.update(deductions)
    assert score(b41(all_ratings, sole=True)).total == total


def test_sole_proprietor_all_full_is_1000() -> None:
    matrix = load_matrix("4.1")
    result = score(b41({a.code: 100 for a in matrix.aspects("full")}, sole=True))
    assert sum(t.points for t in result.themes.values()) == 790
    assert result.total == 1000


def test_facts_of_41_are_refused_in_5x_and_weights_of_5x_in_41() -> None:
    with pytest.raises(InputError) as info:
        load_balance('{"matrix": "5.1", "company": {"sole_proprietor": true}}')
    assert info.value.problems[0].location.field == "company.sole_proprietor"
    with pytest.raises(InputError) as info:
        load_balance('{"matrix": "4.1", "weights": {"A1": 2}}')
    assert info.value.problems[0].location.field == "weights.A1"
