"""List model of the "What's missing" panel: one row per MissingItem, with the place to jump to."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ecg_desktop.services.missing import KIND_NAMES, MissingItem
from ecg_desktop.ui.i18n import current_language

ItemRole = Qt.ItemDataRole.UserRole + 1
"""The MissingItem of a row."""
ThemeRole = Qt.ItemDataRole.UserRole + 2
"""The page (theme code, "N", or None for a stakeholder row) the row jumps to."""
KindRole = Qt.ItemDataRole.UserRole + 3
"""The kind code (no_level, short_reasoning, no_evidence, no_justification)."""

_Index = QModelIndex | QPersistentModelIndex


class MissingListModel(QAbstractListModel):
    """Rows "kind – place: message", in matrix order; an optional kind filter hides the others."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[MissingItem] = []
        self._items: list[MissingItem] = []
        self._kind: str | None = None

    def set_items(self, items: list[MissingItem]) -> None:
        self.beginResetModel()
        self._all = list(items)
        self._items = [i for i in self._all if self._kind is None or i.kind == self._kind]
        self.endResetModel()

    def set_kind_filter(self, kind: str | None) -> None:
        self._kind = kind
        self.set_items(self._all)

    def item(self, row: int) -> MissingItem:
        return self._items[row]

    def count_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self._all:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return counts

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        item = self._items[index.row()]
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{KIND_NAMES[item.kind].get(lang)} – {item.location.get(lang)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.location.get(lang)}\n{item.message.get(lang)}"
        if role == Qt.ItemDataRole.StatusTipRole:
            return item.message.get(lang)
        if role == ItemRole:
            return item
        if role == ThemeRole:
            return item.theme
        if role == KindRole:
            return item.kind
        return None
