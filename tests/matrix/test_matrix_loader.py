"""The matrix loader refuses every kind of bad data file, naming the file, the key and the reason.

Each bad file is the real data file with one deliberate change, written to tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecg_desktop.errors import MatrixFileError
from ecg_desktop.matrix import VERSIONS, load_matrix
from ecg_desktop.matrix.loader import load_matrix_file
from ecg_desktop.paths import resource


def real_text(version: str) -> str:
    return resource("matrices", f"matrix-{version}.toml").read_text(encoding="utf-8")


def bad_file(tmp_path: Path, version: str, old: str, new: str, count: int = 1) -> Path:
    """The real file of `version` with `old` (which must occur exactly `count` times) replaced by `new`."""
    text = real_text(version)
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times"
    path = tmp_path / f"broken-{version}.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def refused(path: Path) -> MatrixFileError:
    with pytest.raises(MatrixFileError) as info:
        load_matrix_file(path)
    error = info.value
    assert error.file == path.name
    assert str(error).startswith(f"{path.name}: {error.key}: ")
    return error


@pytest.mark.parametrize("version", VERSIONS)
def test_the_real_files_load(version: str, tmp_path: Path) -> None:
    matrix = load_matrix(version)
    assert matrix.version == version
    # a byte-for-byte copy loads to the same matrix (the loader reads only the file)
    copy = tmp_path / f"matrix-{version}.toml"
    copy.write_text(real_text(version), encoding="utf-8")
    assert load_matrix_file(copy) == matrix


def test_unknown_version() -> None:
    with pytest.raises(KeyError):
        load_matrix("4.0")


def test_duplicate_theme_code(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.1", 'code = "A2"\nstakeholder = "A"', 'code = "A1"\nstakeholder = "A"'))
    assert (error.key, error.reason) == ("themes.A1", "duplicate code")


def test_duplicate_aspect_code(tmp_path: Path) -> None:
    error = refused(
        bad_file(
            tmp_path,
            "5.0",
            'code = "A2.2"\ntheme = "A2"\nkind = "positive"',
            'code = "A2.1"\ntheme = "A2"\nkind = "positive"',
        )
    )
    assert (error.key, error.reason) == ("aspects.A2.1", "duplicate code")


def test_duplicate_negative_criterion(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "4.1", 'code = "N2"\nvalue = "1"', 'code = "N1"\nvalue = "1"'))
    assert (error.key, error.reason) == ("negative_criteria.N1", "duplicate code")


def test_points_that_do_not_add_up(tmp_path: Path) -> None:
    text = real_text("4.1")
    head, tail = text.split('code = "A1"\n', 1)
    path = tmp_path / "matrix-4.1.toml"
    path.write_text(head + 'code = "A1"\n' + tail.replace("max_points = 90", "max_points = 80", 1), encoding="utf-8")
    error = refused(path)
    assert error.key == "themes.max_points"
    assert error.reason == "the maxima add up to 990, not 1000"


def test_sole_proprietor_points_that_do_not_add_up(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "4.1", "sole_proprietor_points = 790", "sole_proprietor_points = 800"))
    assert error.key == "themes.sole_proprietor"
    assert "790, not 800" in error.reason


def test_unknown_stakeholder(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.0", 'code = "A2"\nstakeholder = "A"', 'code = "A2"\nstakeholder = "Z"'))
    assert error.key == "themes.A2.stakeholder"
    assert error.reason == "unknown stakeholder 'Z'"


def test_missing_translation(tmp_path: Path) -> None:
    error = refused(
        bad_file(tmp_path, "5.1", 'name.de = "Arbeitsbedingungen und soziale Auswirkungen in der Lieferkette"\n', "")
    )
    assert (error.key, error.reason) == ("aspects.A1.1.name.de", "missing translation")


def test_empty_translation(tmp_path: Path) -> None:
    old = 'name.de = "Arbeitsbedingungen und soziale Auswirkungen in der Lieferkette"'
    error = refused(bad_file(tmp_path, "5.1", old, 'name.de = "   "'))
    assert (error.key, error.reason) == ("aspects.A1.1.name.de", "missing translation")


def test_missing_guidance_translation(tmp_path: Path) -> None:
    text = real_text("4.1")
    start = text.index("guidance.de", text.index('code = "B1"\n'))
    end = text.index('"""', text.index('"""', start) + 3) + 3
    path = tmp_path / "matrix-4.1.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    error = refused(path)
    assert (error.key, error.reason) == ("themes.B1.guidance.de", "missing translation")


def test_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "matrix-5.1.toml"
    path.write_text(real_text("5.1") + '\n[[themes]\ncode = "X"\n', encoding="utf-8")
    error = refused(path)
    assert error.key == "-"
    assert error.reason.startswith("is not valid TOML")
    assert "line" in error.reason  # where the parser stopped


def test_unreadable_file(tmp_path: Path) -> None:
    error = refused(tmp_path / "missing.toml")
    assert error.reason.startswith("cannot be read")


def test_unsupported_format(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.0", "format = 1\n", "format = 2\n"))
    assert error.key == "format"
    assert error.reason == "format 2 is not supported (this app reads format 1)"


def test_aspect_of_unknown_theme(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.1", 'code = "A1.1"\ntheme = "A1"', 'code = "A1.1"\ntheme = "Z9"'))
    assert (error.key, error.reason) == ("aspects.A1.1.theme", "unknown theme 'Z9'")


def test_aspect_code_of_another_theme(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.1", 'code = "A1.1"\ntheme = "A1"', 'code = "A1.1"\ntheme = "A2"'))
    assert (error.key, error.reason) == ("aspects.A1.1", "code does not belong to theme A2")


def test_theme_without_positive_aspect(tmp_path: Path) -> None:
    old = 'code = "A1.1"\ntheme = "A1"\nkind = "positive"\nweight = 1\n'
    error = refused(bad_file(tmp_path, "5.1", old, 'code = "A1.1"\ntheme = "A1"\nkind = "negative"\n'))
    assert error.key == "aspects"
    assert error.reason == "theme A1 has no positive aspect"


def test_compact_theme_without_positive_aspect(tmp_path: Path) -> None:
    text = real_text("5.0")
    compact = text.index("[[compact_aspects]]")
    old = 'code = "A3.1"\ntheme = "A3"\nkind = "positive"\nweight = 1\n'
    position = text.index(old, compact)
    path = tmp_path / "matrix-5.0.toml"
    path.write_text(
        text[:position] + 'code = "A3.1"\ntheme = "A3"\nkind = "negative"\n' + text[position + len(old) :],
        encoding="utf-8",
    )
    error = refused(path)
    assert (error.key, error.reason) == ("compact_aspects", "theme A3 has no positive aspect")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('code = "advanced"\nlow = 2', 'code = "advanced"\nlow = 3', "levels.advanced"),  # gap after 1
        ('code = "advanced"\nlow = 2', 'code = "advanced"\nlow = 1', "levels.advanced"),  # overlap
    ],
)
def test_level_gaps_and_overlaps(tmp_path: Path, old: str, new: str, key: str) -> None:
    error = refused(bad_file(tmp_path, "5.1", old, new))
    assert error.key == key
    assert error.reason == "levels must cover 0..10 without gaps or overlaps"


def test_levels_must_reach_the_top(tmp_path: Path) -> None:
    error = refused(bad_file(tmp_path, "5.1", "rating_range = [0, 10]", "rating_range = [0, 12]"))
    assert (error.key, error.reason) == ("levels", "the last level must end at 12")


def test_weight_not_allowed(tmp_path: Path) -> None:
    old = 'code = "A1.1"\ntheme = "A1"\nkind = "positive"\nweight = 1\n'
    error = refused(bad_file(tmp_path, "5.1", old, old.replace("weight = 1", "weight = 3")))
    assert (error.key, error.reason) == ("aspects.A1.1.weight", "3 is not an allowed weight")


def test_a_5x_matrix_needs_20_themes(tmp_path: Path) -> None:
    text = real_text("5.1")
    start = text.index("[[themes]]")
    end = text.index("[[themes]]", start + 1)
    path = tmp_path / "matrix-5.1.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    error = refused(path)
    assert (error.key, error.reason) == ("themes", "a 5.x matrix has 20 themes, found 19")


def test_relevance_of_41_sub_indicators(tmp_path: Path) -> None:
    text = real_text("4.1")
    path = tmp_path / "matrix-4.1.toml"
    path.write_text(text.replace('relevance = "high"', 'relevance = "very high"', 1), encoding="utf-8")
    error = refused(path)
    assert (error.key, error.reason) == ("aspects.A1.1.relevance", "must be high, medium or low")


def test_deduction_must_be_negative(tmp_path: Path) -> None:
    error = refused(
        bad_file(
            tmp_path, "4.1", 'code = "N1"\nvalue = "1"\ndeduction = -200', 'code = "N1"\nvalue = "1"\ndeduction = 200'
        )
    )
    assert (error.key, error.reason) == ("negative_criteria.N1.deduction", "a deduction must be below 0")
