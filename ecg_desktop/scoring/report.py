"""A scored balance as plain data (for `score --json`, exports and tests)."""

from __future__ import annotations

from typing import Any

from ecg_desktop.scoring.levers import Lever
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.scoring.tax import ILLUSTRATIVE, TaxResult, schedule_to_data


def result_to_data(
    result: ScoreResult, tax: TaxResult | None = None, levers: list[Lever] | None = None, lang: str = "en"
) -> dict[str, Any]:
    """Every number of the result, with explanations in `lang`. Decimals stay exact (see json_format.dumps)."""
    explanations: dict[str, Any] = {}
    for code, stakeholder in result.stakeholders.items():
        explanations[f"stakeholder.{code}"] = stakeholder.explanation.to_data(lang)
    for code, theme in result.themes.items():
        explanations[f"weight.{code}"] = theme.weight_explanation.to_data(lang)
        explanations[f"points.{code}"] = theme.points_explanation.to_data(lang)
    for code, aspect in result.aspects.items():
        explanations[f"points.{code}"] = aspect.explanation.to_data(lang)
    for item in result.explanations:
        explanations[item.rule] = item.to_data(lang)
    data: dict[str, Any] = {
        "matrix": result.matrix,
        "type": result.type,
        "basis": result.basis,
        "size_class": result.size_class,
        "topics": {
            code: {
                "weight": theme.weight,
                "max_points": theme.max_points,
                "points": theme.points,
                "percentage": theme.percentage,
            }
            for code, theme in result.themes.items()
        },
        "aspects": {code: {"max_points": a.max_points, "points": a.points} for code, a in result.aspects.items()},
        "stakeholder_weights": {code: s.weight for code, s in result.stakeholders.items()},
        "total": result.total,
    }
    if tax is not None:
        data["tax"] = {
            "rate": tax.rate,
            "points_used": tax.points,
            "schedule": schedule_to_data(tax.schedule),
            "explanation": tax.explanation.get(lang),
            "illustrative": ILLUSTRATIVE.get(lang),
        }
        if levers is not None:
            data["tax"]["levers"] = [
                {
                    "theme": lever.theme,
                    "points_gained": lever.points_gained,
                    "new_total": lever.new_total,
                    "rate_reduction": lever.rate_reduction,
                    "changes": {code: {"from": old, "to": new} for code, (old, new) in lever.changes.items()},
                }
                for lever in levers
            ]
    data["explanations"] = explanations
    data["warnings"] = [p.text(lang) for p in result.warnings]
    return data
