"""Table model of the auditor view: self-assessment and auditor level side by side, with the comment."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ecg_desktop.balance.model import Balance
from ecg_desktop.matrix.model import Matrix
from ecg_desktop.presentation import format_number
from ecg_desktop.ui.i18n import current_language

CodeRole = Qt.ItemDataRole.UserRole + 1
"""The aspect or criterion code of a row."""

COL_CODE, COL_NAME, COL_SELF, COL_AUDITOR, COL_DIFF, COL_COMMENT = range(6)
_Index = QModelIndex | QPersistentModelIndex
EditFn = Callable[[str, str, Any], None]


class AuditTableModel(QAbstractTableModel):
    """One row per rated item. The auditor column and the comment are editable while not locked;
    an edit calls ``on_edit(code, "level" | "comment", value)`` (the view turns it into an undo command).
    """

    COLUMNS = 6

    def __init__(self, on_edit: EditFn | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_edit = on_edit
        self.locked = False
        self._rows: list[tuple[str, str, bool, tuple[Decimal, Decimal]]] = []
        self._balance: Balance | None = None
        self._matrix: Matrix | None = None

    def set_balance(self, matrix: Matrix, balance: Balance, locked: bool) -> None:
        lang = current_language()
        rows = []
        for aspect in matrix.aspects(balance.type):
            limits = matrix.rating_range if aspect.positive else matrix.deduction_range
            rows.append((aspect.code, aspect.name.get(lang), aspect.positive, limits))
        for criterion in matrix.negative_criteria:
            rows.append((criterion.code, criterion.name.get(lang), False, (criterion.deduction, Decimal(0))))
        same_rows = [r[0] for r in rows] == [r[0] for r in self._rows]
        self._matrix, self._balance, self.locked = matrix, balance, locked
        if same_rows:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def code(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, code: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r[0] == code)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_AUDITOR, COL_COMMENT) and not self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _level_text(self, value: Decimal | None, positive: bool) -> str:
        if value is None:
            return "–"
        lang = current_language()
        text = format_number(value, lang)
        if positive and self._matrix is not None:
            level = self._matrix.level_for(value)
            if level is not None:
                text += f"  {level.name.get(lang)}"
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid) or self._balance is None:
            return None
        code, name, positive, _limits = self._rows[index.row()]
        own = self._balance.ratings.get(code)
        audited = self._balance.auditor_ratings.get(code)
        comment = self._balance.auditor_comments.get(code, "")
        col = index.column()
        if role == CodeRole:
            return code
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CODE:
                return code
            if col == COL_NAME:
                return name
            if col == COL_SELF:
                return self._level_text(own, positive)
            if col == COL_AUDITOR:
                return self._level_text(audited, positive)
            if col == COL_DIFF:
                if audited is None:
                    return ""
                diff = audited - (own or Decimal(0))
                text = format_number(diff, current_language())
                return f"+{text}" if diff > 0 else text
            return " ".join(comment.split())
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_AUDITOR:
                return "" if audited is None else format_number(audited, current_language())
            if col == COL_COMMENT:
                return comment
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_COMMENT and comment:
            return comment
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_DIFF and audited is not None and audited != (own or 0):
            return QBrush(QColor("#fff1d6"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SELF, COL_AUDITOR, COL_DIFF):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def parse_level(self, row: int, text: str) -> Decimal | None:
        """The typed auditor level (None for empty); ValueError when unreadable or out of range."""
        cleaned = str(text).strip().replace(" ", "")
        if not cleaned or cleaned in ("–", "-"):
            return None
        if current_language() == "de":
            cleaned = cleaned.replace(".", "").replace(",", ".")
        try:
            value = Decimal(cleaned.split()[0])
        except (InvalidOperation, IndexError) as exc:
            raise ValueError(text) from exc
        low, high = self._rows[row][3]
        if not (low <= value <= high) or not value.is_finite():
            raise ValueError(text)
        return value

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        code = self.code(index.row())
        if index.column() == COL_AUDITOR:
            try:
                level = self.parse_level(index.row(), value)
            except ValueError:
                return False
            if self.on_edit is not None:
                self.on_edit(code, "level", level)
            return True
        if self.on_edit is not None:
            self.on_edit(code, "comment", str(value))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Code"),
            self.tr("Aspect"),
            self.tr("Self-assessment"),
            self.tr("Auditor"),
            self.tr("Difference"),
            self.tr("Auditor's comment"),
        )
        return names[section] if 0 <= section < len(names) else None
