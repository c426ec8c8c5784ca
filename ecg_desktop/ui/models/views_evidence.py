"""Table model of the evidence list on the theme page: the files linked to one aspect or theme."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecg_desktop.balance.model import EvidenceRef
from ecg_desktop.presentation import evidence_status_label, format_date, format_size
from ecg_desktop.ui.i18n import current_language

ShaRole = Qt.ItemDataRole.UserRole + 1
"""The SHA-256 of the file of a row."""

_Index = QModelIndex | QPersistentModelIndex


class EvidenceTableModel(QAbstractTableModel):
    """Name, size, description, added, check result of the files linked to `code` (or its theme)."""

    COLUMNS = 5

    def __init__(self, code: str, theme: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.code = code
        self.theme = theme
        self._refs: list[EvidenceRef] = []
        self._status: dict[str, str] = {}

    def set_evidence(self, evidence: tuple[EvidenceRef, ...] | list[EvidenceRef]) -> None:
        """Keep the files linked to the code (and, for an aspect, those linked to its whole theme)."""
        wanted = {self.code} | ({self.theme} if self.theme else set())
        self.beginResetModel()
        self._refs = [ref for ref in evidence if wanted & set(ref.codes)]
        self.endResetModel()

    def set_status(self, status: dict[str, str]) -> None:
        """Check results by SHA-256 (ok, missing, changed); shown in the last column."""
        self._status = dict(status)
        if self._refs:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self._refs) - 1, 4))

    def ref(self, row: int) -> EvidenceRef:
        return self._refs[row]

    def refs(self) -> list[EvidenceRef]:
        return list(self._refs)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._refs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        ref = self._refs[index.row()]
        col = index.column()
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return ref.name
            if col == 1:
                return format_size(ref.size, lang)
            if col == 2:
                linked_to_theme = self.code not in ref.codes
                suffix = f" ({self.tr('whole theme')})" if linked_to_theme else ""
                return ref.description + suffix
            if col == 3:
                return format_date(ref.added_at, lang)
            return evidence_status_label(self._status.get(ref.sha256, "unchecked"), lang)
        if role == ShaRole:
            return ref.sha256
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{ref.name}\nSHA-256 {ref.sha256}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            status = self._status.get(ref.sha256)
            if status in ("missing", "changed", "error"):
                return QBrush(QColor("#a33a2a"))
            if status == "ok":
                return QBrush(QColor("#2f6b2f"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("File"), self.tr("Size"), self.tr("Description"), self.tr("Added"), self.tr("Check"))
        return names[section] if 0 <= section < len(names) else None
