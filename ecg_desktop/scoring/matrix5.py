"""Matrix 5.0 / 5.1 scoring, exactly as shared/reference/scoring.md part 1 describes the official calculator.

Pure: Decimal in, Decimal out, no I/O. Section numbers in comments refer to scoring.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecg_desktop.balance.model import AMOUNT_FIELDS, Balance, CompanyFacts
from ecg_desktop.balance.validate import fmt
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.matrix.model import Matrix, Text
from ecg_desktop.matrix.tables import CONTINENT_AVERAGES, WORLD, countries, sectors
from ecg_desktop.scoring.numbers import (
    HUNDRED,
    ONE,
    THOUSAND,
    ZERO,
    clean_zero,
    german_decimals,
    round_half_away,
    scoring_context,
    sig15,
)
from ecg_desktop.scoring.result import AspectScore, Explanation, ScoreResult, StakeholderScore, ThemeScore

WORLD_PPP = Decimal("1.00304566871495")  # 1.3: PPP index of a blank country (the World value)
BLANK_SUPPLIER_ITUC = Decimal("2.99")  # 1.3 / 1.6: ITUC of a blank supplier country, every version
WORLD_ITUC_50 = Decimal("2.99")  # 1.6: ITUC of AWO in 5.0 (5.06, 5.08)
LAST_STAFF_COUNTRY = "LKA"  # 1.6: staff countries sorting after this add 0 (a spreadsheet range quirk)
FLOOR = Decimal(-3600)
NEGATIVE_SCALE = Decimal(50)
LOWEST_DEDUCTION = Decimal(-200)
D = Decimal


def _t(en: str, de: str) -> Text:
    return Text(en, german_decimals(de))


@dataclass(frozen=True)
class _Weight:
    value: Decimal
    explanation: Explanation


# ---- company size (1.5)


def size_class(facts: CompanyFacts) -> str:
    """micro, small, medium or large, tried in this order (note "or", not "and")."""
    employees = facts.amount("employees")
    turnover = facts.amount("turnover")
    assets = facts.amount("total_assets")
    if employees < 10 and (turnover <= D(2_000_000) or assets <= D(2_000_000)):
        return "micro"
    if employees < 50 and (turnover <= D(10_000_000) or assets <= D(10_000_000)):
        return "small"
    if employees < 250 and (turnover <= D(50_000_000) or assets <= D(43_000_000)):
        return "medium"
    return "large"


SIZE_NAMES = {
    "micro": _t("micro", "Kleinstunternehmen"),
    "small": _t("small", "Kleinunternehmen"),
    "medium": _t("medium-sized", "mittleres Unternehmen"),
    "large": _t("large", "Großunternehmen"),
}


def facts_are_empty(facts: CompanyFacts) -> bool:
    """1.3: every number 0 (list entries and the rest of purchases included) and every yes/no "no"."""
    numbers = [facts.amount(name) for name in AMOUNT_FIELDS]
    numbers += [s.costs for s in facts.supply_fractions]
    numbers += [s.share for s in facts.staff_countries]
    numbers += [s.share for s in facts.sectors]
    numbers.append(facts.amount("total_purchases") - sum((s.costs for s in facts.supply_fractions), ZERO))
    return all(n.is_zero() for n in numbers) and not facts.b2b and not facts.canteen


def _ppp(code: str | None) -> Decimal:
    if code is None:
        return WORLD_PPP
    return countries()[code].ppp_index


def _supplier_ituc(code: str | None, world_ituc: Decimal) -> Decimal:
    if code is None:
        return BLANK_SUPPLIER_ITUC
    if code == WORLD:
        return world_ituc
    return countries()[code].ituc


def world_ituc_for(balance: Balance) -> Decimal:
    """1.6 / 1.1: AWO counts 2.99 in 5.0 (5.06, 5.08) but the table value in 5.1 and in 5.09."""
    if balance.matrix == "5.1" or balance.calculator_version == "5.09":
        return countries()[WORLD].ituc
    return WORLD_ITUC_50


# ---- stakeholder weights (1.4)


def _row_weight(r: Decimal) -> Decimal:
    r15 = sig15(r)
    r15 = min(max(r15, D(60)), D(300))
    if r15 == 60:
        return D("0.5")
    if r15 == 300:
        return D(2)
    if r15 < 180:
        return ONE
    return D("1.5")


def _stakeholder_weights(facts: CompanyFacts) -> tuple[dict[str, _Weight], dict[str, Decimal]]:
    purchases = facts.amount("total_purchases")
    listed = sum((s.costs for s in facts.supply_fractions), ZERO)
    rest = purchases - listed
    origin = facts.main_origin_of_other_suppliers or WORLD
    s_value = sum((s.costs * _ppp(s.country) for s in facts.supply_fractions), ZERO) + rest * _ppp(origin)
    staff_costs = facts.amount("total_staff_costs")
    shares = [s.share / HUNDRED for s in facts.staff_countries]
    p_value = (
        sum(
            (staff_costs * f * _ppp(s.country) for f, s in zip(shares, facts.staff_countries, strict=True)),
            ZERO,
        )
        + (ONE - sum(shares, ZERO)) * WORLD_PPP * staff_costs
    )
    fi_value = (
        facts.amount("profit")
        + facts.amount("financial_costs")
        + facts.amount("income_from_financial_investments")
        + facts.amount("additions_to_fixed_assets")
    )
    d_value = s_value + p_value + fi_value
    if d_value.is_zero():
        ratios = {"A": D(100), "B": D(100), "C": D(100)}
    else:
        ratios = {
            "A": (D(60) * s_value / d_value) * 5,
            "B": (D(60) * fi_value / d_value) * 10,
            "C": (D(60) * p_value / d_value) * 10,
        }
    names = {
        "A": ("purchases weighted by purchasing power", "kaufkraftbereinigte Einkäufe", s_value),
        "B": ("financial flows", "Finanzflüsse", fi_value),
        "C": ("staff costs weighted by purchasing power", "kaufkraftbereinigte Personalkosten", p_value),
    }
    weights: dict[str, _Weight] = {}
    for row, r in ratios.items():
        weight = _row_weight(r)
        en_name, de_name, part = names[row]
        inputs = {"share": fmt(part), "D": fmt(d_value), "r": fmt(sig15(r))}
        if d_value.is_zero():
            text = _t(
                f"Row {row}: weight {fmt(weight)} (no financial facts entered, so the ratio counts as 100).",
                f"Zeile {row}: Gewichtung {fmt(weight)} (keine Finanzdaten erfasst, das Verhältnis zählt als 100).",
            )
        else:
            text = _t(
                f"Row {row}: weight {fmt(weight)} because the ratio of {en_name} is {fmt(round_half_away(sig15(r), 2))}"
                " (0.5 at 60 or less, 1 below 180, 1.5 from 180, 2 at 300 or more).",
                f"Zeile {row}: Gewichtung {fmt(weight)}, weil das Verhältnis der {de_name} "
                f"{fmt(round_half_away(sig15(r), 2))} beträgt (0,5 bis 60, 1 unter 180, 1,5 ab 180, 2 ab 300).",
            )
        weights[row] = _Weight(weight, Explanation(f"stakeholder.{row}", text, inputs))
    for row in ("D", "E"):
        weights[row] = _Weight(
            ONE,
            Explanation(f"stakeholder.{row}", _t(f"Row {row} always weighs 1.", f"Zeile {row} wiegt immer 1.")),
        )
    return weights, {"S": s_value, "P": p_value, "Fi": fi_value, "D": d_value, "rest": rest}


# ---- theme weights (1.6)


def _theme_weights(balance: Balance, flows: dict[str, Decimal], size: str) -> dict[str, _Weight]:
    facts = balance.company
    weights: dict[str, _Weight] = {}

    def put(code: str, value: Decimal, en: str, de: str, **inputs: str) -> None:
        weights[code] = _Weight(value, Explanation(f"weight.{code}", _t(en, de), inputs))

    for code in ("A1", "A2", "C1", "C2", "D1", "D2", "E1"):
        put(code, ONE, f"{code} always weighs 1.", f"{code} wiegt immer 1.")

    # A3: supply-chain risk of the listed fractions, weighted by costs x PPP
    fractions = facts.supply_fractions
    table = sectors()
    if len(fractions) < 5 or any(f.sector is None for f in fractions):
        value_a3 = ONE
        reason_en = "fewer than five supply fractions with a sector are listed, so the risk counts as 1"
        reason_de = "weniger als fünf Zulieferanteile mit Branche sind erfasst, das Risiko zählt daher als 1"
    else:
        weighted = [f.costs * _ppp(f.country) for f in fractions]
        total = sum(weighted, ZERO)
        value_a3 = (
            sum(
                (w * table[f.sector].supply_chain_risk for w, f in zip(weighted, fractions, strict=True)),
                ZERO,
            )
            / total
        )  # type: ignore[index]
        reason_en = f"the supply-chain risk is {fmt(round_half_away(sig15(value_a3), 2))}"
        reason_de = f"das Lieferkettenrisiko beträgt {fmt(round_half_away(sig15(value_a3), 2))}"
    v = sig15(value_a3)
    a3 = D(2) if v > D("1.5") else D("1.5") if v > D("1.25") else D("0.5") if v < D("0.75") else ONE
    put(
        "A3",
        a3,
        f"A3 weight {fmt(a3)} because {reason_en} (above 1.5: 2; above 1.25: 1.5; below 0.75: 0.5).",
        f"A3 Gewichtung {fmt(a3)}, weil {reason_de} (über 1,5: 2; über 1,25: 1,5; unter 0,75: 0,5).",
        risk=fmt(v),
    )

    # A4: ITUC average of suppliers, including the rest of purchases
    s_value = flows["S"]
    world = world_ituc_for(balance)
    origin = facts.main_origin_of_other_suppliers or WORLD
    if s_value.is_zero():
        ituc = ZERO
        why_en, why_de = (
            "no purchases are entered, so the average counts as 0",
            "es sind keine Einkäufe erfasst, der Durchschnitt zählt als 0",
        )
    else:
        ituc = sum((f.costs * _ppp(f.country) / s_value * _supplier_ituc(f.country, world) for f in fractions), ZERO)
        ituc += flows["rest"] * _ppp(origin) / s_value * _supplier_ituc(origin, world)
        shown = fmt(round_half_away(sig15(ituc), 2))
        why_en, why_de = (
            f"the suppliers' ITUC average is {shown}",
            f"der ITUC-Durchschnitt der Lieferant*innen beträgt {shown}",
        )
    i = sig15(ituc)
    a4 = D("0.5") if i < D("1.5") else ONE if i < D("3.26") else D("1.5") if i < D("4.5") else D(2)
    put(
        "A4",
        a4,
        f"A4 weight {fmt(a4)} because {why_en} (below 1.5: 0.5; below 3.26: 1; below 4.5: 1.5; else 2).",
        f"A4 Gewichtung {fmt(a4)}, weil {why_de} (unter 1,5: 0,5; unter 3,26: 1; unter 4,5: 1,5; sonst 2).",
        ituc_average=fmt(i),
    )

    own = {s.sector for s in facts.sectors}
    turnover = facts.amount("turnover")
    assets = facts.amount("total_assets")
    profit = facts.amount("profit")

    # B1
    if "K" in own:
        put(
            "B1",
            D(2),
            "B1 weight 2 because the organisation works in financial services (sector K).",
            "B1 Gewichtung 2, weil die Organisation Finanzdienstleistungen erbringt (Branche K).",
        )
    else:
        q = D("0.3") if assets.is_zero() else turnover / assets
        q15 = sig15(q)
        b1 = D("1.5") if q15 < D("0.1") else D("0.5") if q15 > D("0.5") else ONE
        put(
            "B1",
            b1,
            f"B1 weight {fmt(b1)} because turnover / total assets is {fmt(round_half_away(q15, 3))}"
            " (below 0.1: 1.5; above 0.5: 0.5; else 1).",
            f"B1 Gewichtung {fmt(b1)}, weil Umsatz / Bilanzsumme {fmt(round_half_away(q15, 3))} beträgt"
            " (unter 0,1: 1,5; über 0,5: 0,5; sonst 1).",
            ratio=fmt(q15),
        )

    # B2 (oddity 6: a loss switches the theme off)
    if turnover.is_zero():
        put(
            "B2",
            ONE,
            "B2 weighs 1 because no turnover is entered.",
            "B2 wiegt 1, weil kein Umsatz erfasst ist.",
        )
    else:
        m = sig15(profit / turnover)
        b2 = D("1.5") if m > D("0.1") else ZERO if m < D("0.001") else D("0.5") if m < D("0.03") else ONE
        put(
            "B2",
            b2,
            f"B2 weight {fmt(b2)} because the profit margin is {fmt(round_half_away(m * HUNDRED, 2))} %"
            " (above 10 %: 1.5; below 0.1 %: 0, the theme does not apply; below 3 %: 0.5; else 1).",
            f"B2 Gewichtung {fmt(b2)}, weil die Umsatzrendite {fmt(round_half_away(m * HUNDRED, 2))} % beträgt"
            " (über 10 %: 1,5; unter 0,1 %: 0, das Thema entfällt; unter 3 %: 0,5; sonst 1).",
            margin=fmt(m),
        )

    # B3
    if "K" in own:
        put(
            "B3",
            D(2),
            "B3 weight 2 because the organisation works in financial services (sector K).",
            "B3 Gewichtung 2, weil die Organisation Finanzdienstleistungen erbringt (Branche K).",
        )
    else:
        invest = facts.amount("additions_to_fixed_assets") + facts.amount("financial_assets_and_cash")
        q = D("0.2") if assets.is_zero() else invest / assets
        q15 = sig15(q)
        b3 = D("0.5") if q15 < D("0.1") else D("1.5") if q15 > D("0.25") else ONE
        put(
            "B3",
            b3,
            f"B3 weight {fmt(b3)} because (additions to fixed assets + financial assets) / total assets"
            f" is {fmt(round_half_away(q15, 3))} (below 0.1: 0.5; above 0.25: 1.5; else 1).",
            f"B3 Gewichtung {fmt(b3)}, weil (Anlagenzugänge + Finanzanlagen) / Bilanzsumme"
            f" {fmt(round_half_away(q15, 3))} beträgt (unter 0,1: 0,5; über 0,25: 1,5; sonst 1).",
            ratio=fmt(q15),
        )

    size_en, size_de = SIZE_NAMES[size].en, SIZE_NAMES[size].de
    b4 = D("0.5") if size == "micro" else ONE
    put(
        "B4",
        b4,
        f"B4 weight {fmt(b4)} because the organisation is {size_en} (micro: 0.5; else 1).",
        f"B4 Gewichtung {fmt(b4)}, weil die Organisation ein {size_de} ist (Kleinstunternehmen: 0,5; sonst 1).",
    )

    commute = facts.amount("average_commute_km")
    if commute < 10 and not facts.canteen:
        c3, why_en, why_de = (
            D("0.5"),
            "the commute is under 10 km and there is no canteen",
            "der Arbeitsweg unter 10 km liegt und es keine Kantine gibt",
        )
    elif commute > 25:
        c3, why_en, why_de = (
            D("1.5"),
            "the average commute is over 25 km",
            "der durchschnittliche Arbeitsweg über 25 km liegt",
        )
    else:
        c3, why_en, why_de = (
            ONE,
            "neither rule applies (commute under 10 km without canteen; over 25 km)",
            "keine Regel greift (unter 10 km ohne Kantine; über 25 km)",
        )
    put(
        "C3",
        c3,
        f"C3 weight {fmt(c3)} because {why_en}.",
        f"C3 Gewichtung {fmt(c3)}, weil {why_de}.",
        commute_km=fmt(commute),
    )

    staff_ituc = ZERO
    for entry in facts.staff_countries:
        code = entry.country
        if code is None or code == WORLD or code in CONTINENT_AVERAGES or code > LAST_STAFF_COUNTRY:
            continue
        staff_ituc += entry.share / HUNDRED * countries()[code].ituc
    employees = facts.amount("employees")
    if employees == 1:
        c4, why_en, why_de = (
            ZERO,
            "the organisation has exactly one employee",
            "die Organisation genau eine*n Mitarbeitende*n hat",
        )
    elif size == "micro":
        c4, why_en, why_de = (
            D("0.5"),
            "the organisation is micro",
            "die Organisation ein Kleinstunternehmen ist",
        )
    elif sig15(staff_ituc) > D("3.25"):
        c4, why_en, why_de = (
            D("1.5"),
            f"the staff ITUC average {fmt(round_half_away(sig15(staff_ituc), 2))} is above 3.25",
            f"der ITUC-Durchschnitt der Belegschaft {fmt(round_half_away(sig15(staff_ituc), 2))} über 3,25 liegt",
        )
    else:
        c4, why_en, why_de = (
            ONE,
            f"the staff ITUC average {fmt(round_half_away(sig15(staff_ituc), 2))} is 3.25 or less",
            f"der ITUC-Durchschnitt der Belegschaft {fmt(round_half_away(sig15(staff_ituc), 2))} höchstens 3,25 beträgt",
        )
    put(
        "C4",
        c4,
        f"C4 weight {fmt(c4)} because {why_en}.",
        f"C4 Gewichtung {fmt(c4)}, weil {why_de}.",
        staff_ituc_average=fmt(sig15(staff_ituc)),
    )

    shares = [s.share / HUNDRED for s in facts.sectors]
    design = sum(
        (f * (table[s.sector].product_design if s.sector else ONE) for f, s in zip(shares, facts.sectors, strict=True)),
        ZERO,
    ) + (ONE - sum(shares, ZERO))
    e15 = sig15(design)
    d3 = D("0.5") if e15 < D("0.75") else ONE if e15 < D("1.25") else D(2) if e15 > D("1.75") else D("1.5")
    for code in ("D3", "E3"):
        put(
            code,
            d3,
            f"{code} weight {fmt(d3)} because the product-design factor of the own sectors is"
            f" {fmt(round_half_away(e15, 2))} (below 0.75: 0.5; below 1.25: 1; above 1.75: 2; else 1.5).",
            f"{code} Gewichtung {fmt(d3)}, weil der Produktgestaltungsfaktor der eigenen Branchen"
            f" {fmt(round_half_away(e15, 2))} beträgt (unter 0,75: 0,5; unter 1,25: 1; über 1,75: 2; sonst 1,5).",
            design_factor=fmt(e15),
        )

    d4 = D("1.5") if facts.b2b else ONE
    put(
        "D4",
        d4,
        f"D4 weight {fmt(d4)} because the customers are {'mainly' if facts.b2b else 'not mainly'} businesses.",
        f"D4 Gewichtung {fmt(d4)}, weil die Kund*innen {'überwiegend' if facts.b2b else 'nicht überwiegend'} Unternehmen sind.",
    )

    if turnover.is_zero():
        put(
            "E2",
            ONE,
            "E2 weighs 1 because no turnover is entered.",
            "E2 wiegt 1, weil kein Umsatz erfasst ist.",
        )
    else:
        m = sig15(profit / turnover)
        e2 = D("0.5") if m < D("0.05") else D("1.5") if m > D("0.1") else ONE
        put(
            "E2",
            e2,
            f"E2 weight {fmt(e2)} because the profit margin is {fmt(round_half_away(m * HUNDRED, 2))} %"
            " (below 5 %: 0.5; above 10 %: 1.5; else 1).",
            f"E2 Gewichtung {fmt(e2)}, weil die Umsatzrendite {fmt(round_half_away(m * HUNDRED, 2))} % beträgt"
            " (unter 5 %: 0,5; über 10 %: 1,5; sonst 1).",
            margin=fmt(m),
        )

    if own & {"B", "F"}:
        put(
            "E4",
            D("1.5"),
            "E4 weight 1.5 because the organisation works in mining or construction (sector B or F).",
            "E4 Gewichtung 1,5, weil die Organisation im Bergbau oder Bauwesen tätig ist (Branche B oder F).",
        )
    else:
        e4 = D("0.5") if size in ("micro", "small") else ONE
        put(
            "E4",
            e4,
            f"E4 weight {fmt(e4)} because the organisation is {size_en} (micro or small: 0.5; else 1).",
            f"E4 Gewichtung {fmt(e4)}, weil die Organisation ein {size_de} ist (Kleinst- oder Kleinunternehmen: 0,5; sonst 1).",
        )
    return weights


# ---- points (1.7 - 1.9)


def _percentage(points: Decimal, maximum: Decimal, version: str) -> Decimal | None:
    """1.9: only when the maximum is not 0 and the (15-decimal) points are not negative."""
    if maximum.is_zero():
        return None
    p15 = round_half_away(points, 15)
    if p15 < 0:
        return None
    v = round_half_away(p15 / round_half_away(maximum, 15), 15)
    places = 2 if version == "5.1" else 1
    return clean_zero((round_half_away(v, places) * HUNDRED).quantize(ONE))


def score5(matrix: Matrix, balance: Balance, ratings: dict[str, Decimal], basis: str) -> ScoreResult:
    """Score a 5.0 or 5.1 balance (full or compact)."""
    with scoring_context():
        return _score5(matrix, balance, ratings, basis)


def _score5(matrix: Matrix, balance: Balance, ratings: dict[str, Decimal], basis: str) -> ScoreResult:
    facts = balance.company
    size = size_class(facts)
    empty = facts_are_empty(facts)
    computed_rows, flows = _stakeholder_weights(facts)
    computed_themes = _theme_weights(balance, flows, size)
    explanations: list[Explanation] = [
        Explanation(
            "size",
            _t(
                f"Company size: {SIZE_NAMES[size].en} (EU-style classes by staff, turnover and total assets).",
                f"Unternehmensgröße: {SIZE_NAMES[size].de} (EU-Klassen nach Mitarbeitenden, Umsatz und Bilanzsumme).",
            ),
            {"size_class": size},
        )
    ]
    if empty:
        explanations.append(
            Explanation(
                "empty_facts",
                _t(
                    "No company facts are entered, so every computed weight is 1.",
                    "Es sind keine Unternehmensdaten erfasst, daher ist jede berechnete Gewichtung 1.",
                ),
            )
        )
        empty_text = _t("No company facts are entered: weight 1.", "Keine Unternehmensdaten erfasst: Gewichtung 1.")
        computed_themes = {c: _Weight(ONE, Explanation(f"weight.{c}", empty_text)) for c in computed_themes}

    stakeholders: dict[str, StakeholderScore] = {}
    for group in matrix.stakeholders:
        computed = computed_rows[group.code]
        user = balance.stakeholder_weights.get(group.code)
        if user is not None:
            explanation = Explanation(
                f"stakeholder.{group.code}",
                _t(
                    f"Row {group.code}: weight {fmt(user)} set by hand (computed: {fmt(computed.value)}).",
                    f"Zeile {group.code}: Gewichtung {fmt(user)} von Hand gesetzt (berechnet: {fmt(computed.value)}).",
                ),
                {
                    "computed": fmt(computed.value),
                    "justification": balance.justifications.get(group.code, ""),
                },
            )
        else:
            explanation = computed.explanation
        stakeholders[group.code] = StakeholderScore(
            group.code,
            user if user is not None else computed.value,
            computed.value,
            user is not None,
            explanation,
        )

    theme_weight: dict[str, Decimal] = {}
    theme_expl: dict[str, Explanation] = {}
    for theme in matrix.themes:
        computed = computed_themes[theme.code]
        user = balance.weights.get(theme.code)
        theme_weight[theme.code] = user if user is not None else computed.value
        if user is not None:
            theme_expl[theme.code] = Explanation(
                f"weight.{theme.code}",
                _t(
                    f"{theme.code} weight {fmt(user)} set by hand (computed: {fmt(computed.value)}).",
                    f"{theme.code} Gewichtung {fmt(user)} von Hand gesetzt (berechnet: {fmt(computed.value)}).",
                ),
                {
                    "computed": fmt(computed.value),
                    "justification": balance.justifications.get(theme.code, ""),
                },
            )
        else:
            theme_expl[theme.code] = computed.explanation

    total_weight = sum((stakeholders[t.stakeholder].weight * theme_weight[t.code] for t in matrix.themes), ZERO)
    if total_weight.is_zero():
        raise InputError([Problem("total_weight_zero", Location(field="weights"))])

    aspect_weights = _aspect_weights(matrix, balance)
    aspects: dict[str, AspectScore] = {}
    themes: dict[str, ThemeScore] = {}
    total = ZERO
    for theme in matrix.themes:
        row_weight = stakeholders[theme.stakeholder].weight
        max_t = row_weight * theme_weight[theme.code] / total_weight * THOUSAND
        theme_aspects = matrix.aspects_of(theme.code, balance.type)
        weight_sum = sum((aspect_weights[a.code] for a in theme_aspects if a.positive), ZERO)
        points_t = ZERO
        for aspect in theme_aspects:
            rating = ratings.get(aspect.code, ZERO)
            if aspect.positive:
                w_a = aspect_weights[aspect.code]
                max_a = ZERO if weight_sum.is_zero() else max_t * w_a / weight_sum
                points_a = max_a * rating / 10
                text = _t(
                    f"{aspect.code}: level {fmt(rating)} of 10 on a maximum of {fmt(round_half_away(max_a, 2))}"
                    f" points (aspect weight {fmt(w_a)} of {fmt(weight_sum)} in {theme.code}).",
                    f"{aspect.code}: Stufe {fmt(rating)} von 10 bei höchstens {fmt(round_half_away(max_a, 2))}"
                    f" Punkten (Aspektgewichtung {fmt(w_a)} von {fmt(weight_sum)} in {theme.code}).",
                )
                aspects[aspect.code] = AspectScore(
                    aspect.code,
                    theme.code,
                    True,
                    w_a,
                    rating,
                    max_a,
                    clean_zero(points_a),
                    Explanation(f"points.{aspect.code}", text, {"max": fmt(max_a), "rating": fmt(rating)}),
                )
            else:
                points_a = rating * max_t / NEGATIVE_SCALE
                lowest = LOWEST_DEDUCTION * max_t / NEGATIVE_SCALE
                text = _t(
                    f"{aspect.code}: deduction {fmt(rating)} (of -200) scaled by the theme maximum"
                    f" {fmt(round_half_away(max_t, 2))} / 50.",
                    f"{aspect.code}: Abzug {fmt(rating)} (von -200), skaliert mit dem Themenmaximum"
                    f" {fmt(round_half_away(max_t, 2))} / 50.",
                )
                aspects[aspect.code] = AspectScore(
                    aspect.code,
                    theme.code,
                    False,
                    None,
                    rating,
                    clean_zero(lowest),
                    clean_zero(points_a),
                    Explanation(f"points.{aspect.code}", text, {"theme_max": fmt(max_t), "deduction": fmt(rating)}),
                )
            points_t += points_a
        total += points_t
        percentage = _percentage(points_t, max_t, matrix.version)
        points_text = _t(
            f"{theme.code}: {fmt(round_half_away(points_t, 2))} of {fmt(round_half_away(max_t, 2))} points;"
            f" maximum = row weight {fmt(row_weight)} x theme weight {fmt(theme_weight[theme.code])}"
            f" / {fmt(total_weight)} x 1000.",
            f"{theme.code}: {fmt(round_half_away(points_t, 2))} von {fmt(round_half_away(max_t, 2))} Punkten;"
            f" Maximum = Zeilengewichtung {fmt(row_weight)} x Themengewichtung {fmt(theme_weight[theme.code])}"
            f" / {fmt(total_weight)} x 1000.",
        )
        themes[theme.code] = ThemeScore(
            code=theme.code,
            weight=theme_weight[theme.code],
            computed_weight=computed_themes[theme.code].value,
            weight_set_by_user=theme.code in balance.weights,
            stakeholder_weight=row_weight,
            max_points=clean_zero(max_t),
            points=clean_zero(points_t),
            percentage=percentage,
            weight_explanation=theme_expl[theme.code],
            points_explanation=Explanation(
                f"points.{theme.code}", points_text, {"T": fmt(total_weight), "max": fmt(max_t)}
            ),
        )
    floored = max(total, FLOOR)
    if floored != total:
        explanations.append(
            Explanation(
                "floor",
                _t(
                    f"The total {fmt(round_half_away(total, 2))} is raised to the floor of -3600.",
                    f"Die Summe {fmt(round_half_away(total, 2))} wird auf die Untergrenze -3600 angehoben.",
                ),
            )
        )
    from ecg_desktop.balance.validate import validate_balance

    warnings = tuple(p for p in validate_balance(balance) if p.severity == "warning")
    return ScoreResult(
        matrix=matrix.version,
        type=balance.type,
        basis=basis,
        themes=themes,
        aspects=aspects,
        stakeholders=stakeholders,
        total=clean_zero(floored),
        total_before_floor=clean_zero(total),
        max_total=THOUSAND,
        size_class=size,
        explanations=tuple(explanations),
        warnings=warnings,
    )


def _aspect_weights(matrix: Matrix, balance: Balance) -> dict[str, Decimal]:
    """1.7: weight 1 unless set; 5.1 B1.2 defaults to 0 but takes 1 when B1.1 is switched off."""
    weights: dict[str, Decimal] = {}
    for aspect in matrix.aspects(balance.type):
        if aspect.positive:
            weights[aspect.code] = balance.aspect_weights.get(aspect.code, aspect.default_weight)
    b12_unset = "B1.2" in weights and "B1.2" not in balance.aspect_weights
    if matrix.version == "5.1" and b12_unset and balance.aspect_weights.get("B1.1") == 0:
        weights["B1.2"] = ONE
    return weights
