"""Read-only table models of the results view: the matrix heatmap, the comparison and the levers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecg_desktop.matrix.model import Matrix, Theme
from ecg_desktop.presentation import format_number, format_percent, format_points, theme_level_style
from ecg_desktop.scoring.levers import Lever
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.ui.i18n import current_language

ThemeCodeRole = Qt.ItemDataRole.UserRole + 1
"""The theme code of a cell or row (str), for jumping to the theme page."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""A plain number (float of a Decimal) for sorting; never shown."""

_Index = QModelIndex | QPersistentModelIndex


class HeatmapModel(QAbstractTableModel):
    """Stakeholder rows x value columns; each cell is the theme there, coloured by the share of points reached.

    Themes spanning all value columns (4.1 A1, B1) sit in the first column; spans() tells the view.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._result: ScoreResult | None = None
        self._cells: dict[tuple[int, int], Theme] = {}

    def set_result(self, matrix: Matrix, result: ScoreResult | None) -> None:
        self.beginResetModel()
        self._matrix, self._result = matrix, result
        rows = {g.code: i for i, g in enumerate(matrix.stakeholders)}
        cols = {g.code: i for i, g in enumerate(matrix.values)}
        self._cells = {(rows[t.stakeholder], cols[t.value_columns[0]]): t for t in matrix.themes}
        self.endResetModel()

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, column, column count) of every theme that spans more than one value column."""
        if self._matrix is None:
            return []
        return [(r, c, len(t.value_columns)) for (r, c), t in self._cells.items() if len(t.value_columns) > 1]

    def theme_at(self, index: _Index) -> Theme | None:
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.stakeholders)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.values)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        theme = self.theme_at(index)
        if theme is None:
            return None
        scored = self._result.themes.get(theme.code) if self._result else None
        lang = current_language()
        if role == ThemeCodeRole:
            return theme.code
        if role == Qt.ItemDataRole.DisplayRole:
            if scored is None:
                return theme.code
            if scored.not_applicable:
                return f"{theme.code}\n–"
            return (
                f"{theme.code}\n{format_points(scored.points, lang)} / {format_points(scored.max_points, lang)}"
                f"\n{format_percent(scored.percentage, lang)}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            text = theme.name.get(lang)
            if scored is not None:
                text += "\n" + scored.points_explanation.text.get(lang)
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if scored is not None and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            style = theme_level_style(scored)
            return QBrush(QColor(style.fill if role == Qt.ItemDataRole.BackgroundRole else style.text))
        if role == SortRole and scored is not None:
            return float(scored.points)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or self._matrix is None:
            return None
        groups = self._matrix.stakeholders if orientation == Qt.Orientation.Vertical else self._matrix.values
        if not 0 <= section < len(groups):
            return None
        name = groups[section].name.get(current_language())
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return f" {groups[section].code} "  # full names are long: the row code, the name as tooltip
        return name if orientation == Qt.Orientation.Horizontal else f"{groups[section].code} {name}"


class ComparisonModel(QAbstractTableModel):
    """Theme by theme: points of the previous balance, of this one, and the change."""

    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, Decimal | None, Decimal]] = []
        self._totals: tuple[Decimal | None, Decimal] | None = None

    def set_results(self, matrix: Matrix, current: ScoreResult, previous: ScoreResult | None) -> None:
        """Rows for the themes of `matrix`; the previous balance counts only for themes it also has."""
        self.beginResetModel()
        lang = current_language()
        self._rows = []
        for theme in matrix.themes:
            now = current.themes[theme.code].points
            before = previous.themes[theme.code].points if previous and theme.code in previous.themes else None
            self._rows.append((theme.code, theme.name.get(lang), before, now))
        self._totals = (previous.total if previous else None, current.total)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + (1 if self._totals else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def _row(self, row: int) -> tuple[str, str, Decimal | None, Decimal]:
        if row < len(self._rows):
            return self._rows[row]
        before, now = self._totals  # type: ignore[misc]
        return ("", self.tr("Total"), before, now)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        code, name, before, now = self._row(index.row())
        change = None if before is None else now - before
        col = index.column()
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return code
            if col == 1:
                return name
            value = (before, now, change)[col - 2]
            if value is None:
                return "–"
            text = format_points(value, lang)
            return f"+{text}" if col == 4 and value > 0 else text
        if role == ThemeCodeRole:
            return code or None
        if role == SortRole:
            value = (None, None, before, now, change)[col]
            return float(value) if value is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and change is not None and change != 0:
            return QBrush(QColor("#2f6b2f" if change > 0 else "#a33a2a"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Code"), self.tr("Theme"), self.tr("Previous"), self.tr("This balance"), self.tr("Change"))
        return names[section] if 0 <= section < len(names) else None


class LeversModel(QAbstractTableModel):
    """The levers: which theme one level up would gain the most points and tax-rate reduction."""

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._levers: list[Lever] = []
        self._names: dict[str, str] = {}

    def set_levers(self, matrix: Matrix, levers: list[Lever]) -> None:
        self.beginResetModel()
        lang = current_language()
        self._levers = list(levers)
        self._names = {t.code: t.name.get(lang) for t in matrix.themes}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._levers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        lever = self._levers[index.row()]
        col = index.column()
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{lever.theme} {self._names.get(lever.theme, '')}"
            if col == 1:
                return "+" + format_number(lever.points_gained, lang, 1)
            if col == 2:
                return format_points(lever.new_total, lang)
            # the rate the balance would reach, and by how much it falls (bands often do not move)
            places = 0 if lever.new_rate == lever.new_rate.to_integral_value() else 2
            text = format_percent(lever.new_rate, lang, places)
            if lever.rate_reduction:
                text += f" (−{format_number(lever.rate_reduction, lang, 2)})"
            return text
        if role == ThemeCodeRole:
            return lever.theme
        if role == SortRole:
            return float((0, lever.points_gained, lever.new_total, lever.rate_reduction)[col])
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(
                f"{code}: {format_number(old, lang)} → {format_number(new, lang)}"
                for code, (old, new) in lever.changes.items()
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Theme one level up"), self.tr("Points"), self.tr("New total"), self.tr("New rate"))
        return names[section] if 0 <= section < len(names) else None
