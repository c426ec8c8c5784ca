"""Levers: for each theme or indicator, what one level up would bring in points and tax rate."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecg_desktop.balance.model import Balance
from ecg_desktop.matrix import Matrix, load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.scoring.tax import TaxSchedule, tax_rate


@dataclass(frozen=True)
class Lever:
    """Raising every positive aspect of `theme` by one level: the points and rate that would follow."""

    theme: str
    changes: dict[str, tuple[Decimal, Decimal]]  # aspect code -> (current rating, raised rating)
    points_gained: Decimal
    new_total: Decimal
    current_rate: Decimal
    new_rate: Decimal

    @property
    def rate_reduction(self) -> Decimal:
        return self.current_rate - self.new_rate


def next_level_rating(matrix: Matrix, rating: Decimal) -> Decimal | None:
    """The lowest rating of the next level up; within the top level, the scale's maximum; None at the top."""
    high = matrix.rating_range[1]
    if rating >= high:
        return None
    for level in matrix.levels:
        if level.low > rating:
            return level.low
    return high


def levers(balance: Balance, schedule: TaxSchedule, base: ScoreResult | None = None) -> list[Lever]:
    """Levers of every theme with room to grow, best first (most points, then most rate reduction)."""
    matrix = load_matrix(balance.matrix)
    result = base or score(balance)
    current_rate = tax_rate(result.total, schedule).rate
    found: list[Lever] = []
    for theme in matrix.themes:
        if result.themes[theme.code].max_points.is_zero():
            continue
        changes: dict[str, tuple[Decimal, Decimal]] = {}
        for aspect in matrix.aspects_of(theme.code, balance.type):
            scored = result.aspects.get(aspect.code)
            if not aspect.positive or scored is None or not scored.max_points:
                continue
            raised = next_level_rating(matrix, scored.rating)
            if raised is not None:
                changes[aspect.code] = (scored.rating, raised)
        if not changes:
            continue
        ratings = dict(balance.ratings)
        ratings.update({code: new for code, (_, new) in changes.items()})
        improved = score(balance.with_changes(ratings=ratings))
        gained = improved.total - result.total
        if gained <= 0:
            continue
        found.append(
            Lever(
                theme.code,
                changes,
                gained,
                improved.total,
                current_rate,
                tax_rate(improved.total, schedule).rate,
            )
        )
    found.sort(key=lambda lever: (-lever.points_gained, -lever.rate_reduction, lever.theme))
    return found
