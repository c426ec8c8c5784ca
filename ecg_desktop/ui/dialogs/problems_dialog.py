"""Located problems as a table (sheet, row, column, field, message) that the user can copy, all at once.

ProblemTable is the table; ProblemsDialog shows it for a refused import and may offer
"Import as a new balance" when the file only belongs to another balance, period or matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.errors import Problem
from ecg_desktop.ui.i18n import Retranslatable

# Problems that only say the workbook belongs elsewhere: importing it as a new balance resolves them.
MISMATCH_CODES = frozenset(
    {
        "xlsx_other_balance",
        "xlsx_other_matrix",
        "xlsx_other_type",
        "xlsx_other_period",
        "xlsx_unknown_balance",
        "xlsx_no_balance_id",
    }
)

AS_NEW = "as_new"


def only_mismatches(problems: Sequence[Problem]) -> bool:
    """True when every problem goes away by importing the file as a new balance."""
    return bool(problems) and all(p.code in MISMATCH_CODES for p in problems)


def problem_cells(problem: Problem, lang: str) -> tuple[str, str, str, str, str]:
    """(sheet, row, column, field, message) of a problem as text; empty where the location says nothing."""
    where = problem.location
    severity = "" if problem.severity == "error" else ("Hinweis: " if lang == "de" else "Note: ")
    return (
        where.sheet or "",
        "" if where.row is None else str(where.row),
        where.column or "",
        where.field or "",
        severity + problem.message(lang),
    )


class ProblemTable(Retranslatable, QTableWidget):
    """Every problem in one row; columns no problem uses are hidden. Ctrl+C copies the selection."""

    COLUMNS = 5

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.lang = lang
        self._problems: list[Problem] = []
        self.setObjectName("problemTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Field"), self.tr("Problem")]
        )

    def set_problems(self, problems: Sequence[Problem], lang: str | None = None) -> None:
        if lang is not None:
            self.lang = lang
        self._problems = list(problems)
        rows = [problem_cells(p, self.lang) for p in self._problems]
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        for c in range(self.COLUMNS - 1):
            self.setColumnHidden(c, not any(cells[c] for cells in rows))

    def fit_height(self, most: int) -> None:
        """As tall as its rows (at most `most` pixels), so a short list leaves no empty box."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + 2
        self.setFixedHeight(min(height, most))

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def as_text(self, rows: Sequence[int] | None = None) -> str:
        """The problems as tab-separated lines with a header line (what "Copy" puts on the clipboard)."""
        visible = [c for c in range(self.COLUMNS) if not self.isColumnHidden(c)]
        header = "\t".join(self.horizontalHeaderItem(c).text() for c in visible)
        chosen = range(self.rowCount()) if rows is None else rows
        lines = ["\t".join(self.item(r, c).text() for c in visible) for r in chosen]
        return "\n".join([header, *lines])

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def copy_selection(self) -> None:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        QGuiApplication.clipboard().setText(self.as_text(rows or None))


class ProblemsDialog(Retranslatable, QDialog):
    """Why a file was not imported: every located problem, a Copy button, and (for a mismatch) "as new"."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        problems: Sequence[Problem],
        lang: str,
        offer_as_new: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setMinimumSize(720, 360)
        self.title_text = title
        self.choice: str | None = None
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.count = QLabel()
        self.table = ProblemTable(lang)
        self.table.set_problems(problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.table.copy_all)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.as_new_button: QPushButton | None = None
        if offer_as_new:
            self.as_new_button = QPushButton()
            self.as_new_button.setObjectName("asNewButton")
            self.as_new_button.clicked.connect(self._as_new)
            self.buttons.addButton(self.as_new_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        (self.as_new_button or self.buttons.button(QDialogButtonBox.StandardButton.Close)).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.title_text)
        self.count.setText(self.tr("Problems found: {count}").format(count=self.table.rowCount()))
        self.copy_button.setText(self.tr("&Copy all"))
        self.copy_button.setToolTip(self.tr("Copy the list as tab-separated text, e.g. into a spreadsheet"))
        if self.as_new_button is not None:
            self.as_new_button.setText(self.tr("Import as a &new balance"))
            self.as_new_button.setToolTip(
                self.tr("Create a new balance sheet from the workbook; the existing one stays as it is")
            )

    def _as_new(self) -> None:
        self.choice = AS_NEW
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        intro: str,
        problems: Sequence[Problem],
        lang: str,
        offer_as_new: bool = False,
    ) -> str | None:
        """Show the problems; returns AS_NEW when the user chose to import as a new balance, else None."""
        dialog = cls(parent, title, intro, problems, lang, offer_as_new)
        dialog.exec()
        return dialog.choice
