"""The Common Good Matrix versions as validated, versioned data: load_matrix(version)."""

from __future__ import annotations

from functools import cache

from ecg_desktop.matrix.loader import load_matrix_file
from ecg_desktop.matrix.model import Aspect, Group, Level, Matrix, NegativeCriterion, Text, Theme
from ecg_desktop.paths import resource

VERSIONS = ("4.1", "5.0", "5.1")
DEFAULT_VERSION = "5.1"

__all__ = [
    "DEFAULT_VERSION",
    "VERSIONS",
    "Aspect",
    "Group",
    "Level",
    "Matrix",
    "NegativeCriterion",
    "Text",
    "Theme",
    "load_matrix",
]


@cache
def load_matrix(version: str) -> Matrix:
    """The matrix of `version` ("4.1", "5.0" or "5.1"), loaded once and validated."""
    if version not in VERSIONS:
        raise KeyError(f"unknown matrix version {version!r} (known: {', '.join(VERSIONS)})")
    matrix = load_matrix_file(resource("matrices", f"matrix-{version}.toml"))
    if matrix.version != version:
        raise KeyError(f"matrix-{version}.toml declares version {matrix.version}")
    return matrix
