"""What is still missing in a balance sheet: the "What's missing" rules, shared by UI, CLI and PDF.

Pure: a function over Balance + Matrix + ScoreResult, no I/O and no Qt. Each item names what is
missing and where (theme, aspect or weight), in English and German, so a caller can show it and
jump to its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecg_desktop.balance.model import Balance
from ecg_desktop.balance.validate import fmt
from ecg_desktop.matrix.model import Aspect, Matrix, Text, Theme
from ecg_desktop.scoring.result import ScoreResult

# A reasoning shorter than this (after trimming) is too thin for a reviewer to follow.
MIN_REASONING = 80
# 4.1 negative criteria have no theme of their own: the theme page shows them under this code.
NEGATIVE_CRITERIA_PAGE = "N"

KINDS = ("no_level", "short_reasoning", "no_evidence", "no_justification")
KIND_NAMES: dict[str, Text] = {
    "no_level": Text("No level", "Keine Stufe"),
    "short_reasoning": Text("Reasoning too short", "Begründung zu kurz"),
    "no_evidence": Text("No evidence", "Kein Nachweis"),
    "no_justification": Text("No justification", "Keine Begründung"),
}
ZERO = Decimal(0)


@dataclass(frozen=True)
class MissingItem:
    """One gap. `theme` is the page to open (a theme code, or "N" for 4.1 negative criteria);
    `code` the aspect, criterion, theme or stakeholder row concerned; `field` the editor
    ("level", "reasoning", "evidence", "weight", "aspect_weight", "stakeholder_weight", "deduction").
    """

    kind: str
    code: str
    theme: str | None
    field: str
    location: Text
    message: Text


def _theme_label(theme: Theme) -> Text:
    return Text(f"{theme.code} {theme.name.en}", f"{theme.code} {theme.name.de}")


def _aspect_label(theme: Theme, aspect: Aspect) -> Text:
    return Text(
        f"{theme.code} {theme.name.en} › {aspect.code} {aspect.name.en}",
        f"{theme.code} {theme.name.de} › {aspect.code} {aspect.name.de}",
    )


def _has_text(balance: Balance, code: str) -> bool:
    return bool(balance.justifications.get(code, "").strip())


def _evidence_codes(balance: Balance) -> set[str]:
    return {code for ref in balance.evidence for code in ref.codes}


def aspect_weight(balance: Balance, matrix: Matrix, aspect: Aspect) -> Decimal:
    """The weight an aspect carries in this balance (5.1 B1.2 takes 1 when B1.1 is switched off)."""
    if aspect.code in balance.aspect_weights:
        return balance.aspect_weights[aspect.code]
    if matrix.version == "5.1" and aspect.code == "B1.2" and balance.aspect_weights.get("B1.1") == 0:
        return Decimal(1)
    return aspect.default_weight


def missing_items(balance: Balance, matrix: Matrix, result: ScoreResult) -> list[MissingItem]:
    """Every gap of `balance`, in matrix order (theme by theme, aspect by aspect).

    Rules: a positive aspect of an applicable theme with a weight above 0 needs a level; a rated
    positive aspect needs a reasoning of at least MIN_REASONING characters and, above level 0,
    at least one evidence file linked to the aspect or its theme; a weight set to 0 (an
    exclusion) or otherwise changed by hand, a 5.x deduction and a reduced 4.1 deduction need a
    written justification.
    """
    items: list[MissingItem] = []
    linked = _evidence_codes(balance)
    family5 = matrix.is_family5

    def add(kind: str, code: str, theme: str | None, field: str, location: Text, en: str, de: str) -> None:
        items.append(MissingItem(kind, code, theme, field, location, Text(en, de)))

    for theme in matrix.themes:
        scored = result.themes.get(theme.code)
        label = _theme_label(theme)
        user_weight = balance.weights.get(theme.code) if family5 else None
        if user_weight is not None and not _has_text(balance, theme.code):
            if user_weight == 0:
                add(
                    "no_justification",
                    theme.code,
                    theme.code,
                    "weight",
                    label,
                    "The theme is marked not applicable without a written justification.",
                    "Das Thema ist ohne schriftliche Begründung als nicht zutreffend markiert.",
                )
            elif scored is not None and user_weight != scored.computed_weight:
                add(
                    "no_justification",
                    theme.code,
                    theme.code,
                    "weight",
                    label,
                    f"The weight {fmt(user_weight)} replaces the computed {fmt(scored.computed_weight)}"
                    " without a written justification.",
                    f"Die Gewichtung {fmt(user_weight)} ersetzt die berechnete {fmt(scored.computed_weight)}"
                    " ohne schriftliche Begründung.",
                )
        if scored is not None and scored.not_applicable:
            continue
        for aspect in matrix.aspects_of(theme.code, balance.type):
            where = _aspect_label(theme, aspect)
            if aspect.positive:
                weight = aspect_weight(balance, matrix, aspect)
                overridden = aspect.code in balance.aspect_weights and weight != aspect.default_weight
                if overridden and not _has_text(balance, aspect.code):
                    if weight == 0:
                        en = "The aspect is marked not applicable without a written justification."
                        de = "Der Aspekt ist ohne schriftliche Begründung als nicht zutreffend markiert."
                    else:
                        en = (
                            f"The weight {fmt(weight)} replaces the default {fmt(aspect.default_weight)}"
                            " without a written justification."
                        )
                        de = (
                            f"Die Gewichtung {fmt(weight)} ersetzt die Vorgabe {fmt(aspect.default_weight)}"
                            " ohne schriftliche Begründung."
                        )
                    add("no_justification", aspect.code, theme.code, "aspect_weight", where, en, de)
                applied = result.aspects.get(aspect.code)
                if weight == 0 or (applied is not None and applied.weight == 0):
                    continue  # excluded, or a 4.1 sub-indicator that sole proprietors skip
                rating = balance.ratings.get(aspect.code)
                if rating is None:
                    add(
                        "no_level",
                        aspect.code,
                        theme.code,
                        "level",
                        where,
                        "No level is chosen yet.",
                        "Es ist noch keine Stufe gewählt.",
                    )
                    continue
                length = len(balance.reasoning.get(aspect.code, "").strip())
                if length < MIN_REASONING:
                    add(
                        "short_reasoning",
                        aspect.code,
                        theme.code,
                        "reasoning",
                        where,
                        f"The reasoning has {length} characters; at least {MIN_REASONING} are expected.",
                        f"Die Begründung hat {length} Zeichen; mindestens {MIN_REASONING} werden erwartet.",
                    )
                if rating > 0 and aspect.code not in linked and theme.code not in linked:
                    add(
                        "no_evidence",
                        aspect.code,
                        theme.code,
                        "evidence",
                        where,
                        "The level is not backed by any evidence file.",
                        "Die Stufe ist durch keinen Nachweis belegt.",
                    )
            else:
                deduction = balance.ratings.get(aspect.code, ZERO)
                if deduction != 0 and not _has_text(balance, aspect.code):
                    add(
                        "no_justification",
                        aspect.code,
                        theme.code,
                        "deduction",
                        where,
                        f"The deduction {fmt(deduction)} has no written justification.",
                        f"Der Abzug {fmt(deduction)} hat keine schriftliche Begründung.",
                    )
    for criterion in matrix.negative_criteria:
        deduction = balance.ratings.get(criterion.code, ZERO)
        if deduction not in (ZERO, criterion.deduction) and not _has_text(balance, criterion.code):
            add(
                "no_justification",
                criterion.code,
                NEGATIVE_CRITERIA_PAGE,
                "deduction",
                Text(f"{criterion.code} {criterion.name.en}", f"{criterion.code} {criterion.name.de}"),
                f"The reduced deduction {fmt(deduction)} (full: {fmt(criterion.deduction)}) has no written reason.",
                f"Der verringerte Abzug {fmt(deduction)} (voll: {fmt(criterion.deduction)}) hat keine schriftliche Begründung.",
            )
    if family5:
        for group in matrix.stakeholders:
            user = balance.stakeholder_weights.get(group.code)
            stakeholder = result.stakeholders.get(group.code)
            if user is None or _has_text(balance, group.code):
                continue
            if user == 0 or (stakeholder is not None and user != stakeholder.computed_weight):
                add(
                    "no_justification",
                    group.code,
                    None,
                    "stakeholder_weight",
                    Text(f"{group.code} {group.name.en}", f"{group.code} {group.name.de}"),
                    f"The row weight {fmt(user)} is set by hand without a written justification.",
                    f"Die Zeilengewichtung {fmt(user)} ist ohne schriftliche Begründung von Hand gesetzt.",
                )
    return items


def pages(matrix: Matrix) -> list[str]:
    """The pages of guided mode in matrix order: every theme, then "N" when the matrix has negative criteria."""
    codes = [t.code for t in matrix.themes]
    if matrix.negative_criteria:
        codes.append(NEGATIVE_CRITERIA_PAGE)
    return codes


def done_themes(matrix: Matrix, items: list[MissingItem]) -> set[str]:
    """Themes (and the 4.1 negative-criteria page) with nothing missing: what guided mode counts as done."""
    open_pages = {item.theme for item in items if item.theme is not None}
    return {page for page in pages(matrix) if page not in open_pages}


__all__ = [
    "KINDS",
    "KIND_NAMES",
    "MIN_REASONING",
    "NEGATIVE_CRITERIA_PAGE",
    "MissingItem",
    "aspect_weight",
    "done_themes",
    "missing_items",
    "pages",
]
