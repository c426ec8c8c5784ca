"""Frozen types of a Common Good Matrix, as read from a data file by matrix.loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Text:
    """A text in both UI languages."""

    en: str
    de: str

    def get(self, lang: str = "en") -> str:
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class Level:
    """An evaluation level and the range of ratings it covers (5.x: points 0-10; 4.1: percent)."""

    code: str
    name: Text
    low: Decimal
    high: Decimal
    description: Text

    def contains(self, rating: Decimal) -> bool:
        return self.low <= rating <= self.high


@dataclass(frozen=True)
class Group:
    """A stakeholder row (A-E) or a value column (1-4, or 1-5 in 4.1)."""

    code: str
    name: Text


@dataclass(frozen=True)
class Aspect:
    """A rated item of a theme: a 5.x aspect or a 4.1 sub-indicator.

    Positive aspects are rated on the level scale; negative ones carry a deduction.
    `default_weight` is the aspect weight (5.x: 1, 0 for 5.1 B1.2) or the 4.1 relevance weight.
    """

    code: str
    theme: str
    positive: bool
    name: Text
    default_weight: Decimal = Decimal(1)
    relevance: str | None = None
    sole_proprietor: bool = True  # 4.1: does the sub-indicator apply to sole proprietors?


@dataclass(frozen=True)
class Theme:
    """A matrix cell: a 5.x theme or a 4.1 indicator."""

    code: str
    stakeholder: str
    value: str
    name: Text
    guidance: Text
    evidence: Text
    max_points: Decimal | None = None  # 4.1 only; 5.x maxima follow from the weights
    sole_proprietor: bool = True  # 4.1: does the indicator apply to sole proprietors?
    value_columns: tuple[str, ...] = ()  # 4.1: indicators spanning all columns (A1, B1)


@dataclass(frozen=True)
class NegativeCriterion:
    """A 4.1 negative criterion (N1-N17): a deduction assigned to a value column."""

    code: str
    value: str
    name: Text
    deduction: Decimal
    guidance: Text
    note: str = ""


@dataclass(frozen=True)
class Disputed:
    """A value where sources disagree: the choice made and the alternative, shown in explanations."""

    key: str
    choice: str
    alternative: str
    reason: Text


@dataclass(frozen=True)
class Matrix:
    """One version of the Common Good Matrix with everything needed to rate and score it."""

    version: str  # "4.1", "5.0", "5.1"
    family: str  # "4" or "5": which scoring rules apply
    revision: str  # data revision of the file: minor for changed values, major for removed codes
    name: Text
    source_file: str
    types: tuple[str, ...]
    levels: tuple[Level, ...]
    stakeholders: tuple[Group, ...]
    values: tuple[Group, ...]
    themes: tuple[Theme, ...]
    aspects_by_type: dict[str, tuple[Aspect, ...]]
    negative_criteria: tuple[NegativeCriterion, ...] = ()
    rating_range: tuple[Decimal, Decimal] = (Decimal(0), Decimal(10))
    deduction_range: tuple[Decimal, Decimal] = (Decimal(-200), Decimal(0))
    allowed_weights: tuple[Decimal, ...] = ()
    negative_levels: tuple[Level, ...] = ()
    disputed: tuple[Disputed, ...] = ()
    notes: Text | None = None
    _theme_index: dict[str, Theme] = field(default_factory=dict, repr=False, compare=False)
    _aspect_index: dict[str, dict[str, Aspect]] = field(default_factory=dict, repr=False, compare=False)
    _by_theme: dict[str, dict[str, tuple[Aspect, ...]]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._theme_index.update({t.code: t for t in self.themes})
        for kind, aspects in self.aspects_by_type.items():
            self._aspect_index[kind] = {a.code: a for a in aspects}
            self._by_theme[kind] = {t.code: tuple(a for a in aspects if a.theme == t.code) for t in self.themes}

    # ---- look-ups
    def theme(self, code: str) -> Theme:
        return self._theme_index[code]

    def has_theme(self, code: str) -> bool:
        return code in self._theme_index

    def aspects(self, balance_type: str = "full") -> tuple[Aspect, ...]:
        return self.aspects_by_type[balance_type]

    def aspect(self, code: str, balance_type: str = "full") -> Aspect | None:
        return self._aspect_index.get(balance_type, {}).get(code)

    def aspects_of(self, theme: str, balance_type: str = "full") -> tuple[Aspect, ...]:
        return self._by_theme.get(balance_type, {}).get(theme, ())

    def negative_criterion(self, code: str) -> NegativeCriterion | None:
        return next((n for n in self.negative_criteria if n.code == code), None)

    def rated_codes(self, balance_type: str = "full") -> tuple[str, ...]:
        """Every code that can carry a rating: aspects, then 4.1 negative criteria."""
        return tuple(a.code for a in self.aspects(balance_type)) + tuple(n.code for n in self.negative_criteria)

    def level_for(self, rating: Decimal) -> Level | None:
        """The level whose range holds `rating` (None for a value between two integer ranges)."""
        return next((lvl for lvl in self.levels if lvl.contains(rating)), None)

    def stakeholder(self, code: str) -> Group:
        return next(g for g in self.stakeholders if g.code == code)

    def value(self, code: str) -> Group:
        return next(g for g in self.values if g.code == code)

    def disputed_for(self, key: str) -> Disputed | None:
        return next((d for d in self.disputed if d.key == key), None)

    @property
    def is_family5(self) -> bool:
        return self.family == "5"
