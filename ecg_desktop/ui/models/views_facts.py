"""Table model of the weights that the company facts produce, each with its explanation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ecg_desktop.matrix.model import Matrix
from ecg_desktop.presentation import format_number
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.ui.i18n import current_language

CodeRole = Qt.ItemDataRole.UserRole + 1
"""The stakeholder row or theme code of a row."""

_Index = QModelIndex | QPersistentModelIndex


class WeightsModel(QAbstractTableModel):
    """Stakeholder rows (5.x) then themes: code, name, weight in use (computed one if overridden), explanation."""

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str, bool]] = []

    def set_result(self, matrix: Matrix, result: ScoreResult) -> None:
        lang = current_language()
        rows: list[tuple[str, str, str, str, bool]] = []
        for group in matrix.stakeholders:
            score = result.stakeholders.get(group.code)
            if score is not None:
                weight = format_number(score.weight, lang)
                if score.set_by_user:
                    weight += f" ({format_number(score.computed_weight, lang)})"
                rows.append((group.code, group.name.get(lang), weight, score.explanation.text.get(lang), True))
        for theme in matrix.themes:
            scored = result.themes[theme.code]
            if matrix.is_family5:
                weight = format_number(scored.weight, lang)
                if scored.weight_set_by_user:
                    weight += f" ({format_number(scored.computed_weight, lang)})"
            else:
                weight = format_number(scored.max_points, lang)
            rows.append((theme.code, theme.name.get(lang), weight, scored.weight_explanation.text.get(lang), False))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()] if role == Qt.ItemDataRole.DisplayRole else f"{row[0]} {row[1]}: {row[3]}"
        if role == CodeRole:
            return row[0]
        if role == Qt.ItemDataRole.FontRole and row[4] and index.column() < 3:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Code"), self.tr("Name"), self.tr("Weight"), self.tr("Why"))
        return names[section] if 0 <= section < len(names) else None
