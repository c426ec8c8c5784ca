"""Errors as located data: what went wrong, where (file, sheet, row, column, field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecg_desktop.messages import render


@dataclass(frozen=True)
class Location:
    """Where a problem sits. Every part is optional; the message names those that are set."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def describe(self, lang: str = "en") -> str:
        parts: list[str] = []
        labels = {
            "en": ("file", "sheet", "row", "column", "field"),
            "de": ("Datei", "Blatt", "Zeile", "Spalte", "Feld"),
        }[lang if lang in ("en", "de") else "en"]
        for label, value in zip(labels, (self.file, self.sheet, self.row, self.column, self.field), strict=True):
            if value is not None and value != "":
                parts.append(f"{label} {value}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One located problem. `code` selects a bilingual message template in messages.py."""

    code: str
    location: Location = field(default_factory=Location)
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # "error" refuses the input; "warning" is shown but accepted

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)

    def text(self, lang: str = "en") -> str:
        where = self.location.describe(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)


class ECGError(Exception):
    """Base class of every error the app reports to a user."""


class InputError(ECGError):
    """Input was refused; `problems` lists every problem found, each located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        return "\n".join(p.text(lang) for p in self.problems)


class MatrixFileError(ECGError):
    """A matrix data file is malformed. The message names the file, the key and the reason."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file, self.key, self.reason = file, key, reason
        super().__init__(f"{file}: {key}: {reason}")
