"""Before a calculator file is imported: the balance it holds and the parity report, line by line.

The headline says at once whether every line agrees with the calculator's own results within
0.01 points; the table lists every stakeholder row, theme and the total with both numbers, the
difference and the reason; reasons and notes follow. Import happens only on "Import".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.presentation import balance_type_label, format_period
from ecg_desktop.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from ecg_desktop.exchange.official.detect import OfficialImport

GOOD = ("#e5f2dc", "#2d5a1e")
BAD = ("#fbe7dc", "#8a3b12")
NEUTRAL = ("#eeeeee", "#333333")


class ParityDialog(Retranslatable, QDialog):
    """Show what an ECG calculator file holds and how our score compares; returns True on Import."""

    def __init__(self, parent: QWidget | None, imported: OfficialImport, file: str, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("parityDialog")
        self.setMinimumSize(780, 640)
        self.imported = imported
        self.file = file
        self.lang = lang
        self.headline = QLabel()
        self.headline.setObjectName("parityHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.form_labels = {key: QLabel() for key in ("file", "organisation", "matrix", "period", "version")}
        self.form_values = {key: QLabel() for key in self.form_labels}
        form = QFormLayout()
        for key, label in self.form_labels.items():
            self.form_values[key].setWordWrap(True)
            form.addRow(label, self.form_values[key])
        self.table_title = QLabel()
        self.table_title.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("parityTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes = QListWidget()
        self.notes.setObjectName("parityNotes")
        self.notes.setWordWrap(True)
        self.notes.setMaximumHeight(120)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.accept)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.import_button.setFocus()

    # ---- texts

    def headline_text(self) -> tuple[str, tuple[str, str]]:
        """The one-line verdict and its colours (background, text)."""
        parity = self.imported.parity
        if parity is None or not parity.comparable:
            return self.tr("The file holds no results of the calculator: there is nothing to compare."), NEUTRAL
        if parity.all_equal:
            return self.tr("Every line agrees with the calculator's own results within 0.01 points."), GOOD
        unexplained = len(parity.unexplained)
        if unexplained:
            return (
                self.tr("Lines that differ from the calculator's own results without a known reason: {count}.").format(
                    count=unexplained
                ),
                BAD,
            )
        return (
            self.tr("Some lines differ from the calculator's own results, each for a known reason (see below)."),
            BAD,
        )

    def retranslate_ui(self) -> None:
        lang = self.lang
        balance = self.imported.balance
        parity = self.imported.parity
        self.setWindowTitle(self.tr("Import from the ECG calculator"))
        text, (background, colour) = self.headline_text()
        self.headline.setText(text)
        self.headline.setStyleSheet(
            f"QLabel#parityHeadline {{ background: {background}; color: {colour}; padding: 8px; border-radius: 4px; }}"
        )
        labels = {
            "file": self.tr("File:"),
            "organisation": self.tr("Organisation:"),
            "matrix": self.tr("Matrix:"),
            "period": self.tr("Period:"),
            "version": self.tr("Calculator version:"),
        }
        for key, label in labels.items():
            self.form_labels[key].setText(label)
        kind = self.tr("Excel workbook") if self.imported.kind == "workbook" else self.tr("web-calculator file")
        self.form_values["file"].setText(f"{self.file} ({kind})")
        self.form_values["organisation"].setText(balance.organisation.name or "–")
        self.form_values["matrix"].setText(f"{balance.matrix} ({balance_type_label(balance.type, lang)})")
        period = balance.period
        self.form_values["period"].setText(format_period(period.start, period.end, lang) if period else "–")
        self.form_values["version"].setText(balance.calculator_version or "–")
        has_table = parity is not None and parity.comparable
        self.table_title.setVisible(has_table)
        self.table.setVisible(has_table)
        self.summary.setVisible(parity is not None)
        if parity is not None:
            self.table_title.setText(parity.title(lang))
            self._fill_table()
            self.summary.setText(parity.summary(lang))
        self.notes_label.setText(self.tr("Reasons and notes"))
        self.notes.clear()
        lines = [p.message(lang) for p in (parity.reasons if parity else ())]
        notes = parity.notes if parity is not None else self.imported.notes
        lines += [n.text(lang) for n in notes]
        self.notes.addItems(lines)
        rows = sum(self.notes.sizeHintForRow(i) for i in range(self.notes.count()))
        self.notes.setFixedHeight(min(rows + 2 * self.notes.frameWidth() + 8, 120))
        self.notes.setVisible(bool(lines))
        self.notes_label.setVisible(bool(lines))
        self.import_button.setText(self.tr("&Import"))

    def _fill_table(self) -> None:
        parity = self.imported.parity
        assert parity is not None
        self.table.setHorizontalHeaderLabels(list(parity.header(self.lang)))
        rows = parity.rows(self.lang)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (line, cells) in enumerate(zip(parity.lines, rows, strict=True)):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.kind == "total":
                    item.setFont(bold)
                if line.status == "different":
                    item.setBackground(QBrush(QColor(BAD[0])))
                self.table.setItem(r, c, item)
        first = next((r for r, line in enumerate(parity.lines) if line.status == "different"), None)
        if first is not None:  # show the first difference rather than the top of the list
            self.table.scrollToItem(self.table.item(first, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    @classmethod
    def ask(cls, parent: QWidget | None, imported: OfficialImport, file: str, lang: str) -> bool:
        """True when the user chose Import."""
        return cls(parent, imported, file, lang).exec() == QDialog.DialogCode.Accepted
