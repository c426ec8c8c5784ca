"""Read a matrix data file (TOML) and validate it into frozen model objects.

A bad file is refused with MatrixFileError naming the file, the key and the reason.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecg_desktop.errors import MatrixFileError
from ecg_desktop.matrix.model import Aspect, Disputed, Group, Level, Matrix, NegativeCriterion, Text, Theme

SUPPORTED_FORMAT = 1
LANGUAGES = ("en", "de")
FAMILY5_THEMES = 20


class _Reader:
    """Small helpers that turn a TOML table into checked values, naming the key on failure."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, reason: str) -> MatrixFileError:
        return MatrixFileError(self.file, key, reason)

    def require(self, table: dict[str, Any], name: str, key: str) -> Any:
        if name not in table:
            raise self.fail(f"{key}.{name}" if key else name, "missing")
        return table[name]

    def string(self, table: dict[str, Any], name: str, key: str) -> str:
        value = self.require(table, name, key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}", "must be a non-empty text")
        return value

    def number(self, table: dict[str, Any], name: str, key: str) -> Decimal:
        value = self.require(table, name, key)
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise self.fail(f"{key}.{name}", f"must be a number, found {value!r}")
        return Decimal(value)

    def text(self, table: dict[str, Any], name: str, key: str) -> Text:
        value = self.require(table, name, key)
        if not isinstance(value, dict):
            raise self.fail(f"{key}.{name}", "must have an English and a German text (en, de)")
        for lang in LANGUAGES:
            item = value.get(lang)
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}.{name}.{lang}", "missing translation")
            if "PENDING" in item:
                raise self.fail(f"{key}.{name}.{lang}", "text not written yet")
        return Text(value["en"].strip(), value["de"].strip())

    def table_list(self, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(name, "must be a list of tables")
        return value


def load_matrix_file(path: Path) -> Matrix:
    """Load and validate one matrix file."""
    file = path.name
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle, parse_float=Decimal)
    except OSError as exc:
        raise MatrixFileError(file, "-", f"cannot be read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise MatrixFileError(file, "-", f"is not valid TOML ({exc})") from exc
    return parse_matrix(data, file)


def parse_matrix(data: dict[str, Any], file: str) -> Matrix:
    """Validate the parsed TOML `data` of `file` and build the Matrix."""
    r = _Reader(file)
    fmt = r.require(data, "format", "")
    if fmt != SUPPORTED_FORMAT:
        raise r.fail("format", f"format {fmt!r} is not supported (this app reads format {SUPPORTED_FORMAT})")
    version = r.string(data, "version", "")
    family = r.string(data, "family", "")
    if family not in ("4", "5"):
        raise r.fail("family", f"unknown scoring family {family!r} (known: 4, 5)")
    types = tuple(r.require(data, "types", ""))
    if not types or any(t not in ("full", "compact") for t in types):
        raise r.fail("types", "must list 'full' and/or 'compact'")

    levels = tuple(_levels(r, data))
    stakeholders = tuple(_groups(r, data, "stakeholders"))
    values = tuple(_groups(r, data, "values"))
    stakeholder_codes = {g.code for g in stakeholders}
    value_codes = {g.code for g in values}

    themes: list[Theme] = []
    seen: set[str] = set()
    for i, t in enumerate(r.table_list(data, "themes")):
        key = f"themes[{i}]"
        code = r.string(t, "code", key)
        key = f"themes.{code}"
        if code in seen:
            raise r.fail(key, "duplicate code")
        seen.add(code)
        stakeholder = r.string(t, "stakeholder", key)
        if stakeholder not in stakeholder_codes:
            raise r.fail(f"{key}.stakeholder", f"unknown stakeholder {stakeholder!r}")
        value = r.string(t, "value", key)
        if value != "all" and value not in value_codes:
            raise r.fail(f"{key}.value", f"unknown value column {value!r}")
        max_points = r.number(t, "max_points", key) if family == "4" else None
        themes.append(
            Theme(
                code=code,
                stakeholder=stakeholder,
                value=value,
                name=r.text(t, "name", key),
                guidance=r.text(t, "guidance", key),
                evidence=r.text(t, "evidence", key),
                max_points=max_points,
                sole_proprietor=bool(t.get("sole_proprietor", True)),
                value_columns=tuple(sorted(value_codes)) if value == "all" else (value,),
            )
        )
    theme_codes = [t.code for t in themes]
    if family == "5" and len(themes) != FAMILY5_THEMES:
        raise r.fail("themes", f"a 5.x matrix has {FAMILY5_THEMES} themes, found {len(themes)}")

    allowed_weights = tuple(Decimal(w) for w in r.require(data, "allowed_weights", ""))
    aspects_by_type: dict[str, tuple[Aspect, ...]] = {}
    full = tuple(_aspects(r, data, "aspects", set(theme_codes), allowed_weights, family))
    aspects_by_type["full"] = full
    if "compact" in types:
        compact_mode = data.get("compact", "full")
        if compact_mode == "own":
            aspects_by_type["compact"] = tuple(
                _aspects(r, data, "compact_aspects", set(theme_codes), allowed_weights, family)
            )
        elif compact_mode == "full":
            aspects_by_type["compact"] = full
        else:
            raise r.fail("compact", f"must be 'own' or 'full', found {compact_mode!r}")
    for kind, aspects in aspects_by_type.items():
        list_name = "aspects" if kind == "full" or data.get("compact") != "own" else "compact_aspects"
        for theme in theme_codes:
            if not any(a.theme == theme and a.positive for a in aspects):
                raise r.fail(f"{list_name}", f"theme {theme} has no positive aspect")

    negative = tuple(_negative_criteria(r, data, value_codes)) if family == "4" else ()
    if family == "4":
        total = r.number(data, "total_points", "")
        points = sum((t.max_points or Decimal(0) for t in themes), Decimal(0))
        if points != total:
            raise r.fail("themes.max_points", f"the maxima add up to {points}, not {total}")
        sole_total = r.number(data, "sole_proprietor_points", "")
        sole_points = sum((t.max_points or Decimal(0) for t in themes if t.sole_proprietor), Decimal(0))
        if sole_points != sole_total:
            raise r.fail(
                "themes.sole_proprietor",
                f"the sole-proprietor maxima add up to {sole_points}, not {sole_total}",
            )

    low, high = (Decimal(x) for x in r.require(data, "rating_range", ""))
    deduction = tuple(Decimal(x) for x in data.get("deduction_range", [-200, 0]))
    _check_levels_cover(r, levels, low, high)
    disputed = tuple(
        Disputed(
            key=r.string(d, "key", f"disputed[{i}]"),
            choice=str(r.require(d, "choice", f"disputed[{i}]")),
            alternative=str(r.require(d, "alternative", f"disputed[{i}]")),
            reason=r.text(d, "reason", f"disputed[{i}]"),
        )
        for i, d in enumerate(r.table_list(data, "disputed"))
    )
    return Matrix(
        version=version,
        family=family,
        revision=r.string(data, "revision", ""),
        name=r.text(data, "name", ""),
        source_file=file,
        types=types,
        levels=levels,
        stakeholders=stakeholders,
        values=values,
        themes=tuple(themes),
        aspects_by_type=aspects_by_type,
        negative_criteria=negative,
        rating_range=(low, high),
        deduction_range=(deduction[0], deduction[1]),
        allowed_weights=allowed_weights,
        disputed=disputed,
    )


def _levels(r: _Reader, data: dict[str, Any]) -> list[Level]:
    levels = []
    for i, item in enumerate(r.table_list(data, "levels")):
        key = f"levels[{i}]"
        code = r.string(item, "code", key)
        levels.append(
            Level(
                code=code,
                name=r.text(item, "name", f"levels.{code}"),
                low=r.number(item, "low", f"levels.{code}"),
                high=r.number(item, "high", f"levels.{code}"),
                description=r.text(item, "description", f"levels.{code}"),
            )
        )
    if not levels:
        raise r.fail("levels", "at least one level is needed")
    return levels


def _check_levels_cover(r: _Reader, levels: tuple[Level, ...], low: Decimal, high: Decimal) -> None:
    expected = low
    for level in levels:
        if level.low != expected or level.high < level.low:
            raise r.fail(f"levels.{level.code}", f"levels must cover {low}..{high} without gaps or overlaps")
        expected = level.high + 1
    if levels[-1].high != high:
        raise r.fail("levels", f"the last level must end at {high}")


def _groups(r: _Reader, data: dict[str, Any], name: str) -> list[Group]:
    groups: list[Group] = []
    for i, item in enumerate(r.table_list(data, name)):
        code = r.string(item, "code", f"{name}[{i}]")
        if any(g.code == code for g in groups):
            raise r.fail(f"{name}.{code}", "duplicate code")
        groups.append(Group(code, r.text(item, "name", f"{name}.{code}")))
    if not groups:
        raise r.fail(name, "must not be empty")
    return groups


def _aspects(
    r: _Reader,
    data: dict[str, Any],
    name: str,
    themes: set[str],
    allowed_weights: tuple[Decimal, ...],
    family: str,
) -> list[Aspect]:
    aspects: list[Aspect] = []
    codes: set[str] = set()
    for i, item in enumerate(r.table_list(data, name)):
        code = r.string(item, "code", f"{name}[{i}]")
        key = f"{name}.{code}"
        if code in codes:
            raise r.fail(key, "duplicate code")
        codes.add(code)
        theme = r.string(item, "theme", key)
        if theme not in themes:
            raise r.fail(f"{key}.theme", f"unknown theme {theme!r}")
        if not code.startswith(theme + "."):
            raise r.fail(key, f"code does not belong to theme {theme}")
        kind = r.string(item, "kind", key)
        if kind not in ("positive", "negative"):
            raise r.fail(f"{key}.kind", f"must be 'positive' or 'negative', found {kind!r}")
        weight = Decimal(1)
        if kind == "positive":
            weight = r.number(item, "weight", key)
            if weight not in allowed_weights:
                raise r.fail(f"{key}.weight", f"{weight} is not an allowed weight")
        relevance = item.get("relevance")
        if family == "4" and relevance not in ("high", "medium", "low"):
            raise r.fail(f"{key}.relevance", "must be high, medium or low")
        aspects.append(
            Aspect(
                code=code,
                theme=theme,
                positive=kind == "positive",
                name=r.text(item, "name", key),
                default_weight=weight,
                relevance=relevance,
                sole_proprietor=bool(item.get("sole_proprietor", True)),
            )
        )
    if not aspects:
        raise r.fail(name, "must not be empty")
    return aspects


def _negative_criteria(r: _Reader, data: dict[str, Any], value_codes: set[str]) -> list[NegativeCriterion]:
    result: list[NegativeCriterion] = []
    for i, item in enumerate(r.table_list(data, "negative_criteria")):
        code = r.string(item, "code", f"negative_criteria[{i}]")
        key = f"negative_criteria.{code}"
        if any(n.code == code for n in result):
            raise r.fail(key, "duplicate code")
        value = r.string(item, "value", key)
        if value not in value_codes:
            raise r.fail(f"{key}.value", f"unknown value column {value!r}")
        deduction = r.number(item, "deduction", key)
        if deduction >= 0:
            raise r.fail(f"{key}.deduction", "a deduction must be below 0")
        result.append(
            NegativeCriterion(
                code=code,
                value=value,
                name=r.text(item, "name", key),
                deduction=deduction,
                guidance=r.text(item, "guidance", key),
                note=str(item.get("note", "")),
            )
        )
    return result
