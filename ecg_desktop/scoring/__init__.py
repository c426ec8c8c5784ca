"""Scoring of a balance sheet: pure functions over frozen types, in Decimal (no I/O, no Qt)."""

from __future__ import annotations

from ecg_desktop.balance.model import Balance
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring.result import AspectScore, Explanation, ScoreResult, StakeholderScore, ThemeScore

__all__ = ["AspectScore", "Explanation", "ScoreResult", "StakeholderScore", "ThemeScore", "score"]


def score(balance: Balance, basis: str = "self") -> ScoreResult:
    """Score `balance`. basis "self" uses the self-assessment; "auditor" the auditor's levels where set.

    The balance must be valid (balance.validate); scoring a valid balance never raises except
    when every theme weighs 0 (InputError).
    """
    from ecg_desktop.scoring.matrix5 import score5
    from ecg_desktop.scoring.matrix41 import score41

    matrix = load_matrix(balance.matrix)
    ratings = dict(balance.audited_ratings() if basis == "auditor" else balance.ratings)
    if matrix.family == "4":
        return score41(matrix, balance, ratings, basis)
    return score5(matrix, balance, ratings, basis)
