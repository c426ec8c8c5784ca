"""Table model of the matrix overview: stakeholder rows x value columns, one theme per cell.

Matrix 4.1 has five value columns, and its indicators A1 and B1 span all of them: such a theme
sits in column 0 of its row and ``span_of(row)`` tells the view how far it reaches (the other
cells of that row are empty and disabled). Colours come from ``presentation`` (shared with the
PDF), so the screen and the report agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ecg_desktop.presentation import format_number, format_percent, theme_level_style, theme_percentage

if TYPE_CHECKING:
    from ecg_desktop.matrix.model import Matrix, Theme
    from ecg_desktop.scoring.result import ScoreResult, ThemeScore

ThemeCodeRole = Qt.ItemDataRole.UserRole + 1
"""The theme code of a cell ("A1"), None for an empty cell."""
PointsRole = Qt.ItemDataRole.UserRole + 2
"""Points of the theme as shown (int, whole points)."""
MaxPointsRole = Qt.ItemDataRole.UserRole + 3
"""Maximum points of the theme as shown (int)."""
LevelKeyRole = Qt.ItemDataRole.UserRole + 4
"""Colour band key of presentation.LEVEL_STYLES ("p30", "not_applicable", ...)."""
ThemeNameRole = Qt.ItemDataRole.UserRole + 5
"""The theme name in the UI language."""
PercentRole = Qt.ItemDataRole.UserRole + 6
"""The percentage reached (Decimal) or None when not applicable."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    theme: Theme
    score: ThemeScore | None


def level_colours(score: ThemeScore | None) -> tuple[QColor, QColor, str]:
    """Fill colour, text colour and band key of a theme cell (one place to change the palette)."""
    if score is None:
        return QColor("#f4f4f4"), QColor("#3a3a3a"), "unscored"
    style = theme_level_style(score)
    return QColor(style.fill), QColor(style.text), style.key


class MatrixGridModel(QAbstractTableModel):
    """The matrix of the open balance as a grid. ``load(matrix, result, lang)`` resets it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._result: ScoreResult | None = None
        self._cells: dict[tuple[int, int], Cell] = {}
        self._spans: dict[int, int] = {}
        self.language = "en"

    # ---- loading

    def load(self, matrix: Matrix | None, result: ScoreResult | None, lang: str = "en") -> None:
        """Show `matrix` scored by `result` (None: an empty grid)."""
        same_shape = (
            matrix is not None
            and self._matrix is not None
            and matrix.version == self._matrix.version
            and self.language == lang
        )
        if same_shape:
            self._result = result
            self._build()
            if self._cells:
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._matrix = matrix
        self._result = result
        self.language = lang
        self._build()
        self.endResetModel()

    def _build(self) -> None:
        self._cells.clear()
        self._spans.clear()
        if self._matrix is None:
            return
        rows = {g.code: i for i, g in enumerate(self._matrix.stakeholders)}
        columns = {g.code: i for i, g in enumerate(self._matrix.values)}
        for theme in self._matrix.themes:
            row = rows[theme.stakeholder]
            if theme.value in columns:
                column = columns[theme.value]
            else:
                column = 0
                self._spans[row] = len(theme.value_columns) or len(columns)
            score = self._result.themes.get(theme.code) if self._result is not None else None
            self._cells[(row, column)] = Cell(theme, score)

    # ---- look-ups

    @property
    def matrix(self) -> Matrix | None:
        return self._matrix

    def span_of(self, row: int) -> int:
        """How many columns the theme in column 0 of `row` covers (1 for an ordinary row)."""
        return self._spans.get(row, 1)

    def spanned_rows(self) -> dict[int, int]:
        return dict(self._spans)

    def cell(self, row: int, column: int) -> Cell | None:
        return self._cells.get((row, column))

    def index_of_theme(self, code: str) -> QModelIndex:
        for (row, column), cell in self._cells.items():
            if cell.theme.code == code:
                return self.index(row, column)
        return QModelIndex()

    # ---- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.stakeholders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.values)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.cell(index.row(), index.column()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._matrix is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        groups = self._matrix.values if orientation == Qt.Orientation.Horizontal else self._matrix.stakeholders
        if not 0 <= section < len(groups):
            return None
        group = groups[section]
        name = group.name.get(self.language)
        if orientation == Qt.Orientation.Horizontal:
            return f"{group.code} {name}"
        return f"{group.code}\n{name}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        theme, score = cell.theme, cell.score
        name = theme.name.get(self.language)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{theme.code} {name}\n{self.points_text(score)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{theme.code} {name}, {self.points_text(score)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(theme, score)
        if role == Qt.ItemDataRole.BackgroundRole:
            return level_colours(score)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return level_colours(score)[1]
        if role == ThemeCodeRole:
            return theme.code
        if role == ThemeNameRole:
            return name
        if role == PointsRole:
            return None if score is None else score.shown_points
        if role == MaxPointsRole:
            return None if score is None else score.shown_max
        if role == LevelKeyRole:
            return level_colours(score)[2]
        if role == PercentRole:
            return None if score is None else theme_percentage(score)
        return None

    def points_text(self, score: ThemeScore | None) -> str:
        """'12 / 30' (or 'not applicable')."""
        if score is None:
            return "–"
        if score.not_applicable:
            return self.tr("not applicable")
        lang = self.language
        return f"{format_number(score.shown_points, lang)} / {format_number(score.shown_max, lang)}"

    def tooltip(self, theme: Theme, score: ThemeScore | None) -> str:
        lines = [f"{theme.code} {theme.name.get(self.language)}"]
        if score is not None and not score.not_applicable:
            percent = theme_percentage(score)
            lines.append(
                self.tr("{points} of {maximum} points ({percent})").format(
                    points=format_number(score.points, self.language, 1),
                    maximum=format_number(score.max_points, self.language, 1),
                    percent=format_percent(percent if percent is not None else Decimal(0), self.language),
                )
            )
            lines.append(self.tr("Weight {weight}").format(weight=format_number(score.weight, self.language)))
        elif score is not None:
            lines.append(self.tr("not applicable"))
        lines.append(self.tr("Click or press Enter to open the theme."))
        return "\n".join(lines)
