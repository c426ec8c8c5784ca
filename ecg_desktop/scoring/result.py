"""Frozen results of scoring: every number with the rule and inputs it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ecg_desktop.errors import Problem
from ecg_desktop.matrix.model import Text
from ecg_desktop.scoring.numbers import whole_points


@dataclass(frozen=True)
class Explanation:
    """Why a number is what it is: the rule applied and the inputs it used, in both languages."""

    rule: str
    text: Text
    inputs: Mapping[str, str] = field(default_factory=dict)

    def to_data(self, lang: str = "en") -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text.get(lang), "inputs": dict(self.inputs)}


@dataclass(frozen=True)
class StakeholderScore:
    """A stakeholder row's weight (5.x): computed from the facts or set by the user."""

    code: str
    weight: Decimal
    computed_weight: Decimal
    set_by_user: bool
    explanation: Explanation


@dataclass(frozen=True)
class AspectScore:
    """Points of one aspect, sub-indicator or negative criterion."""

    code: str
    theme: str | None
    positive: bool
    weight: Decimal | None
    rating: Decimal
    max_points: Decimal
    points: Decimal
    explanation: Explanation


@dataclass(frozen=True)
class ThemeScore:
    """Points of one theme (5.x) or indicator (4.1)."""

    code: str
    weight: Decimal
    computed_weight: Decimal
    weight_set_by_user: bool
    stakeholder_weight: Decimal
    max_points: Decimal
    points: Decimal
    percentage: Decimal | None
    weight_explanation: Explanation
    points_explanation: Explanation

    @property
    def not_applicable(self) -> bool:
        return self.max_points.is_zero()

    @property
    def shown_points(self) -> int:
        return whole_points(self.points)

    @property
    def shown_max(self) -> int:
        return whole_points(self.max_points)


@dataclass(frozen=True)
class ScoreResult:
    """The scored balance: themes, aspects, row weights, total, and why."""

    matrix: str
    type: str
    basis: str  # "self" or "auditor"
    themes: Mapping[str, ThemeScore]
    aspects: Mapping[str, AspectScore]
    stakeholders: Mapping[str, StakeholderScore]
    total: Decimal
    total_before_floor: Decimal
    max_total: Decimal
    size_class: str | None
    explanations: tuple[Explanation, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def shown_total(self) -> int:
        return whole_points(self.total)

    @property
    def positive_points(self) -> Decimal:
        return sum((a.points for a in self.aspects.values() if a.positive), Decimal(0))

    @property
    def negative_points(self) -> Decimal:
        return sum((a.points for a in self.aspects.values() if not a.positive), Decimal(0))

    def points_by_stakeholder(self, matrix_themes: Mapping[str, str]) -> dict[str, Decimal]:
        """Sum of theme points per stakeholder row; `matrix_themes` maps theme -> row."""
        sums: dict[str, Decimal] = {}
        for code, theme in self.themes.items():
            row = matrix_themes[code]
            sums[row] = sums.get(row, Decimal(0)) + theme.points
        return sums
