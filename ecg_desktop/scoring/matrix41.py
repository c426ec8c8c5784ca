"""Matrix 4.1 scoring, as shared/reference/scoring.md part 2 describes it (exact decimal arithmetic)."""

from __future__ import annotations

from decimal import Decimal

from ecg_desktop.balance.model import Balance
from ecg_desktop.balance.validate import fmt
from ecg_desktop.matrix.model import Matrix, Text
from ecg_desktop.scoring.numbers import (
    HUNDRED,
    ONE,
    THOUSAND,
    ZERO,
    clean_zero,
    german_decimals,
    round_half_away,
    round_half_up_to_step,
    scoring_context,
)
from ecg_desktop.scoring.result import AspectScore, Explanation, ScoreResult, ThemeScore

TEN_PERCENT = Decimal("0.1")
RATIO_PLACES = 20  # decimals kept of an indicator ratio before rounding to 10 % steps


def _t(en: str, de: str) -> Text:
    return Text(en, german_decimals(de))


def n2_factor(share: Decimal | None) -> Decimal:
    """Rule 5: N2 applies in part by the turnover share concerned (German handbook text)."""
    if share is None or share > 2:
        return ONE
    if share <= 1:
        return Decimal("0.5")
    return Decimal("0.75")


def score41(matrix: Matrix, balance: Balance, ratings: dict[str, Decimal], basis: str) -> ScoreResult:
    """Score a Matrix 4.1 balance."""
    with scoring_context():
        return _score41(matrix, balance, ratings, basis)


def _score41(matrix: Matrix, balance: Balance, ratings: dict[str, Decimal], basis: str) -> ScoreResult:
    sole = bool(balance.company.sole_proprietor)
    aspects: dict[str, AspectScore] = {}
    themes: dict[str, ThemeScore] = {}
    explanations: list[Explanation] = []
    indicator_sum = ZERO
    for theme in matrix.themes:
        maximum = theme.max_points or ZERO
        applies = theme.sole_proprietor or not sole
        subs = matrix.aspects_of(theme.code)
        weights: dict[str, Decimal] = {}
        for sub in subs:
            weight = balance.aspect_weights.get(sub.code, sub.default_weight)
            weights[sub.code] = weight if applies and (sub.sole_proprietor or not sole) else ZERO
        if sole and applies:
            # Rule 7: a dropped sub-indicator's default weight goes in equal parts to the others.
            dropped = [s for s in subs if not s.sole_proprietor]
            kept = [s for s in subs if s.sole_proprietor and weights[s.code] > 0]
            for gone in dropped:
                share = balance.aspect_weights.get(gone.code, gone.default_weight)
                for other in kept:
                    weights[other.code] += share / len(kept)
        weight_sum = sum(weights.values(), ZERO)
        raw = ZERO
        for sub in subs:
            percent = ratings.get(sub.code, ZERO)
            w = weights[sub.code]
            points = ZERO if weight_sum.is_zero() else percent / HUNDRED * maximum * w / weight_sum
            sub_max = ZERO if weight_sum.is_zero() else maximum * w / weight_sum
            raw += points
            aspects[sub.code] = AspectScore(
                sub.code,
                theme.code,
                True,
                w,
                percent,
                clean_zero(sub_max),
                clean_zero(points),
                Explanation(
                    f"points.{sub.code}",
                    _t(
                        f"{sub.code}: {fmt(percent)} % of {fmt(round_half_away(sub_max, 2))} points"
                        f" (relevance weight {fmt(w)} of {fmt(weight_sum)}; not rounded).",
                        f"{sub.code}: {fmt(percent)} % von {fmt(round_half_away(sub_max, 2))} Punkten"
                        f" (Relevanzgewicht {fmt(w)} von {fmt(weight_sum)}; nicht gerundet).",
                    ),
                    {"weight": fmt(w), "weight_sum": fmt(weight_sum)},
                ),
            )
        if not applies:
            ratio = ZERO
            points_text = _t(
                f"{theme.code} does not apply to sole proprietors.",
                f"{theme.code} entfällt für Einzelunternehmen.",
            )
        elif weight_sum.is_zero():
            ratio = ZERO
            points_text = _t(
                f"{theme.code}: no sub-indicator applies, so it scores 0.",
                f"{theme.code}: kein Subindikator trifft zu, daher 0 Punkte.",
            )
        else:
            # Rule 4 in exact arithmetic: weight sums such as 7 or 9 leave 34-digit noise (16.4999...9 for 16.5),
            # so the ratio is cleaned to RATIO_PLACES decimals before the half-up step; no true ratio lies that close to a half.
            ratio = round_half_up_to_step(round_half_away(raw / maximum, RATIO_PLACES), TEN_PERCENT)
            points_text = _t(
                f"{theme.code}: {fmt(round_half_away(raw, 2))} of {fmt(maximum)} points, rounded to"
                f" {fmt((ratio * HUNDRED).quantize(ONE))} % (10 % steps, halves up).",
                f"{theme.code}: {fmt(round_half_away(raw, 2))} von {fmt(maximum)} Punkten, gerundet auf"
                f" {fmt((ratio * HUNDRED).quantize(ONE))} % (10-%-Schritte, Hälften aufwärts).",
            )
        percentage = (ratio * HUNDRED).quantize(ONE)
        points = ratio * maximum
        indicator_sum += points
        themes[theme.code] = ThemeScore(
            code=theme.code,
            weight=ONE if applies else ZERO,
            computed_weight=ONE if applies else ZERO,
            weight_set_by_user=False,
            stakeholder_weight=ONE,
            max_points=maximum if applies else ZERO,
            points=clean_zero(points),
            percentage=percentage if applies else None,
            weight_explanation=Explanation(
                f"weight.{theme.code}",
                _t(
                    f"{theme.code} is worth up to {fmt(maximum)} points in Matrix 4.1.",
                    f"{theme.code} ist in Matrix 4.1 bis zu {fmt(maximum)} Punkte wert.",
                ),
            ),
            points_explanation=Explanation(f"points.{theme.code}", points_text, {"raw": fmt(raw)}),
        )
    deductions = ZERO
    for criterion in matrix.negative_criteria:
        value = ratings.get(criterion.code, ZERO)
        applied = value
        inputs = {"deduction": fmt(value)}
        if criterion.code == "N2" and value != 0:
            factor = n2_factor(balance.company.n2_turnover_share)
            applied = value * factor
            inputs["factor"] = fmt(factor)
            text = _t(
                f"N2: {fmt(value)} x {fmt(factor * HUNDRED)} % for the turnover share concerned.",
                f"N2: {fmt(value)} x {fmt(factor * HUNDRED)} % für den betroffenen Umsatzanteil.",
            )
        else:
            text = _t(
                f"{criterion.code}: deduction {fmt(value)} (at most {fmt(criterion.deduction)}).",
                f"{criterion.code}: Abzug {fmt(value)} (höchstens {fmt(criterion.deduction)}).",
            )
        deductions += applied
        aspects[criterion.code] = AspectScore(
            criterion.code,
            None,
            False,
            None,
            value,
            criterion.deduction,
            clean_zero(applied),
            Explanation(f"points.{criterion.code}", text, inputs),
        )
    if sole:
        applicable = sum((t.max_points or ZERO for t in matrix.themes if t.sole_proprietor), ZERO)
        scaled = round_half_up_to_step(indicator_sum * THOUSAND / applicable, ONE)
        explanations.append(
            Explanation(
                "sole_proprietor",
                _t(
                    f"Sole proprietor: the indicator points {fmt(indicator_sum)} are scaled by 1000 / {fmt(applicable)}"
                    f" to {fmt(scaled)}; deductions are added unscaled.",
                    f"Einzelunternehmen: die Indikatorpunkte {fmt(indicator_sum)} werden mit 1000 / {fmt(applicable)}"
                    f" auf {fmt(scaled)} hochgerechnet; Abzüge werden nicht hochgerechnet.",
                ),
                {"indicator_points": fmt(indicator_sum), "applicable_max": fmt(applicable)},
            )
        )
        indicator_sum = scaled
    total = indicator_sum + deductions
    for disputed in matrix.disputed:
        explanations.append(
            Explanation(
                f"disputed.{disputed.key}",
                _t(
                    f"{disputed.key}: {disputed.choice} (alternative: {disputed.alternative}). {disputed.reason.en}",
                    f"{disputed.key}: {disputed.choice} (Alternative: {disputed.alternative}). {disputed.reason.de}",
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
        stakeholders={},
        total=clean_zero(total),
        total_before_floor=clean_zero(total),
        max_total=THOUSAND,
        size_class=None,
        explanations=tuple(explanations),
        warnings=warnings,
    )
