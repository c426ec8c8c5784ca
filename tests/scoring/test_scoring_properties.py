"""Property tests over generated balances of 4.1, 5.0 and 5.1 (full and compact).

Every generated balance is valid (validate_balance finds no error; the generator is checked too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Context, Decimal, localcontext

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ecg_desktop.balance.json_format import dump_balance, load_balance
from ecg_desktop.balance.model import Balance, CompanyFacts, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import InputError
from ecg_desktop.matrix import load_matrix
from ecg_desktop.matrix.tables import countries, sectors
from ecg_desktop.scoring import ScoreResult, score

D = Decimal
WEIGHTS = [D(0), D("0.5"), D(1), D("1.5"), D(2)]
COUNTRIES = sorted(countries())
SECTORS = sorted(sectors())
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
signed = st.decimals(min_value=-(10**8), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
maybe = st.one_of(st.none(), st.just(D(0)))


def shares(draw: st.DrawFn, count: int) -> list[Decimal]:
    """`count` percentages, each 1-100, together at most 100."""
    result: list[Decimal] = []
    left = D(100)
    for _ in range(count):
        if left < 1:
            break
        share = draw(st.decimals(min_value=1, max_value=left, places=1, allow_nan=False, allow_infinity=False))
        result.append(share)
        left -= share
    return result


@st.composite
def company5(draw: st.DrawFn) -> CompanyFacts:
    if draw(st.integers(0, 9)) == 0:
        return CompanyFacts()  # empty facts
    purchases = draw(st.one_of(st.none(), money))
    fractions: list[SupplyFraction] = []
    left = purchases or D(0)
    for _ in range(draw(st.integers(0, 7))):
        if left <= D("0.01"):
            break
        costs = draw(st.decimals(min_value=D("0.01"), max_value=left, places=2, allow_nan=False))
        left -= costs
        fractions.append(
            SupplyFraction(
                draw(st.one_of(st.none(), st.sampled_from(COUNTRIES))),
                draw(st.one_of(st.none(), st.sampled_from(SECTORS)))
                if draw(st.integers(0, 4)) == 0
                else draw(st.sampled_from(SECTORS)),
                costs,
            )
        )
    staff = [
        StaffCountry(draw(st.one_of(st.none(), st.sampled_from(COUNTRIES))), s)
        for s in shares(draw, draw(st.integers(0, 4)))
    ]
    own = [
        OwnSector(draw(st.one_of(st.none(), st.sampled_from(SECTORS))), s)
        for s in shares(draw, draw(st.integers(0, 3)))
    ]
    return CompanyFacts(
        employees=draw(
            st.one_of(st.none(), st.sampled_from([D(0), D(1), D(2), D(9), D(10), D(49), D(50), D(300)]), money)
        ),
        turnover=draw(st.one_of(maybe, money)),
        total_assets=draw(st.one_of(maybe, money)),
        profit=draw(st.one_of(maybe, signed)),
        financial_costs=draw(st.one_of(maybe, money)),
        income_from_financial_investments=draw(st.one_of(maybe, signed)),
        additions_to_fixed_assets=draw(st.one_of(maybe, signed)),
        financial_assets_and_cash=draw(st.one_of(maybe, money)),
        total_purchases=purchases,
        supply_fractions=tuple(fractions),
        main_origin_of_other_suppliers=draw(st.one_of(st.none(), st.sampled_from(COUNTRIES))),
        total_staff_costs=draw(st.one_of(maybe, money)),
        staff_countries=tuple(staff),
        sectors=tuple(own),
        b2b=draw(st.one_of(st.none(), st.booleans())),
        canteen=draw(st.one_of(st.none(), st.booleans())),
        average_commute_km=draw(st.one_of(maybe, st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))),
    )


@st.composite
def balances(draw: st.DrawFn, matrix: str | None = None) -> Balance:
    version = matrix or draw(st.sampled_from(["4.1", "5.0", "5.1"]))
    m = load_matrix(version)
    kind = draw(st.sampled_from(m.types))
    aspects = m.aspects(kind)
    ratings: dict[str, Decimal] = {}
    for aspect in aspects:
        if draw(st.integers(0, 2)) == 0:
            continue
        if m.family == "4":
            ratings[aspect.code] = D(draw(st.integers(0, 100)))
        elif aspect.positive:
            ratings[aspect.code] = D(draw(st.integers(0, 10)))
        else:
            ratings[aspect.code] = D(draw(st.sampled_from([0, -10, -50, -100, -200, -37])))
    for criterion in m.negative_criteria:
        if draw(st.integers(0, 3)) == 0:
            ratings[criterion.code] = draw(st.sampled_from([criterion.deduction, D(0)]))
    aspect_weights: dict[str, Decimal] = {}
    for aspect in aspects:
        if aspect.positive and draw(st.integers(0, 5)) == 0:
            aspect_weights[aspect.code] = draw(st.sampled_from(list(m.allowed_weights)))
    if version == "5.1" and aspect_weights.get("B1.2", D(0)) > 0 and aspect_weights.get("B1.1", D(1)) > 0:
        aspect_weights["B1.1"] = D(0)  # the B1.1 / B1.2 rule (1.7): the app switches B1.1 off
    if m.family == "4":
        company = CompanyFacts(
            sole_proprietor=draw(st.one_of(st.none(), st.booleans())),
            n2_turnover_share=draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1))),
        )
        weights: dict[str, Decimal] = {}
        rows: dict[str, Decimal] = {}
    else:
        company = draw(company5())
        weights = {t.code: draw(st.sampled_from(WEIGHTS)) for t in m.themes if draw(st.integers(0, 6)) == 0}
        rows = {r: draw(st.sampled_from(WEIGHTS)) for r in "ABCDE" if draw(st.integers(0, 8)) == 0}
    balance = Balance(
        matrix=version,
        type=kind,
        company=company,
        weights=weights,
        stakeholder_weights=rows,
        aspect_weights=aspect_weights,
        ratings=ratings,
        calculator_version=draw(st.sampled_from([None, "5.08", "5.09"])) if version == "5.0" else None,
    )
    errors = [p for p in validate_balance(balance) if p.severity == "error"]
    assert errors == [], [p.text() for p in errors]  # the generator only makes valid balances
    return balance


def scored(balance: Balance) -> ScoreResult:
    """Score, allowing only the one refusal a valid balance can meet: every row x theme weight 0 (T = 0)."""
    try:
        return score(balance)
    except InputError as exc:
        assert [p.code for p in exc.problems] == ["total_weight_zero"]
        assume(False)
        raise


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """A sum with more digits than the scoring context, so the test adds no rounding of its own."""
    with localcontext(Context(prec=60)):
        return sum(values, D(0))


def deductions(balance: Balance) -> Decimal:
    """The most a 4.1 balance can lose: its deductions (N2 scaled at most to 100 %)."""
    return sum((v for k, v in balance.ratings.items() if k.startswith("N")), D(0))


@SETTINGS
@given(balances())
def test_total_within_bounds(balance: Balance) -> None:
    result = scored(balance)
    if balance.matrix == "4.1":
        assert deductions(balance) <= result.total <= 1000
    else:
        assert D(-3600) <= result.total <= 1000
        assert result.total == max(result.total_before_floor, D(-3600))
        # the total is the sum of the unrounded theme points (1.9)
        theme_sum = exact_sum(t.points for t in result.themes.values())
        assert abs(result.total_before_floor - theme_sum) < D("1e-25")


@SETTINGS
@given(balances(), st.data())
def test_raising_one_rating_never_lowers_the_total(balance: Balance, data: st.DataObject) -> None:
    m = load_matrix(balance.matrix)
    codes = list(m.rated_codes(balance.type))
    code = data.draw(st.sampled_from(codes))
    current = balance.ratings.get(code, D(0))
    aspect = m.aspect(code, balance.type)
    if m.family == "4":
        top = D(100) if aspect is not None else D(0)
    else:
        top = D(10) if aspect is not None and aspect.positive else D(0)
    assume(current < top)
    higher = data.draw(st.decimals(min_value=current, max_value=top, places=0))
    raised = replace(balance, ratings={**balance.ratings, code: higher})
    assert scored(raised).total >= scored(balance).total


@SETTINGS
@given(balances(), st.data())
def test_a_theme_with_weight_0_contributes_nothing(balance: Balance, data: st.DataObject) -> None:
    m = load_matrix(balance.matrix)
    assume(m.family == "5")
    theme = data.draw(st.sampled_from([t.code for t in m.themes]))
    switched = replace(balance, weights={**balance.weights, theme: D(0)}, justifications={theme: "not relevant"})
    result = scored(switched)
    assert result.themes[theme].max_points == 0
    assert result.themes[theme].points == 0
    assert result.themes[theme].percentage is None
    assert all(a.points == 0 and a.max_points == 0 for a in result.aspects.values() if a.theme == theme)


@SETTINGS
@given(balances())
def test_negative_aspects_never_add_points(balance: Balance) -> None:
    result = scored(balance)
    negatives = [a for a in result.aspects.values() if not a.positive]
    assert all(a.points <= 0 for a in negatives)
    assert all(a.max_points <= a.points for a in negatives)  # never below the lowest possible value
    assert all(a.points >= 0 for a in result.aspects.values() if a.positive)
    positive = exact_sum(a.points for a in result.aspects.values() if a.positive)
    if balance.matrix != "4.1":  # 4.1 rounds indicators, so its total can exceed the raw sum
        assert result.total_before_floor <= positive + D("1e-25")


@SETTINGS
@given(balances())
def test_scoring_a_valid_balance_never_raises_and_weights_are_allowed(balance: Balance) -> None:
    result = scored(balance)
    if balance.matrix != "4.1":
        assert {t.weight for t in result.themes.values()} <= set(WEIGHTS)
        assert {s.weight for s in result.stakeholders.values()} <= set(WEIGHTS)
        assert abs(exact_sum(t.max_points for t in result.themes.values()) - 1000) < D("1e-25")
    for theme in result.themes.values():
        if theme.percentage is not None:
            assert 0 <= theme.percentage <= 100
            assert theme.percentage == theme.percentage.to_integral_value()
            step = 10 if balance.matrix in ("5.0", "4.1") else 1
            assert theme.percentage % step == 0


@SETTINGS
@given(balances())
def test_json_round_trip(balance: Balance) -> None:
    text = dump_balance(balance)
    again = load_balance(text)
    assert again == balance
    assert dump_balance(again) == text
    first, second = scored(balance), scored(again)
    assert first.total == second.total
    assert {c: (t.weight, t.points, t.percentage) for c, t in first.themes.items()} == {
        c: (t.weight, t.points, t.percentage) for c, t in second.themes.items()
    }
