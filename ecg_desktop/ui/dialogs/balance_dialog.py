"""Dialog for a new balance sheet: organisation, matrix version (4.1, 5.0, 5.1), full or compact, period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.balance.model import Period
from ecg_desktop.matrix import DEFAULT_VERSION, VERSIONS, load_matrix
from ecg_desktop.presentation import balance_type_label
from ecg_desktop.ui.i18n import Retranslatable, current_language


@dataclass(frozen=True)
class NewBalance:
    """What the dialog returns."""

    organisation_id: int
    matrix: str
    type: str
    period: Period


def default_period(today: date | None = None) -> Period:
    """The last two complete calendar years (ECG balances usually cover two years)."""
    today = today or QDate.currentDate().toPython()  # the local calendar day
    return Period(date(today.year - 2, 1, 1), date(today.year - 1, 12, 31))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class BalanceDialog(Retranslatable, QDialog):
    """Choose organisation, matrix, type and period. OK is disabled for an empty or reversed period."""

    def __init__(
        self,
        parent: QWidget | None,
        organisations: list[tuple[int, str]],
        organisation_id: int | None = None,
        matrix: str = DEFAULT_VERSION,
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.organisation = QComboBox()
        for ident, name in organisations:
            self.organisation.addItem(name, ident)
        if organisation_id is not None:
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(organisation_id)))
        self.matrix = QComboBox()
        for version in VERSIONS:
            self.matrix.addItem("", version)
        self.matrix.setCurrentIndex(max(0, self.matrix.findData(matrix if matrix in VERSIONS else DEFAULT_VERSION)))
        self.type = QComboBox()
        period = default_period()
        self.start = QDateEdit(_qdate(period.start))
        self.end = QDateEdit(_qdate(period.end))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b4432f;")
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.organisation, self.matrix, self.type, self.start, self.end), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.matrix.currentIndexChanged.connect(self._fill_types)
        self.start.dateChanged.connect(self._check)
        self.end.dateChanged.connect(self._check)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New balance sheet"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Organisation:"),
                self.tr("&Matrix:"),
                self.tr("Balance &type:"),
                self.tr("Period &from:"),
                self.tr("Period &to:"),
            ),
            strict=True,
        ):
            label.setText(text)
        lang = current_language()
        for i in range(self.matrix.count()):
            version = self.matrix.itemData(i)
            self.matrix.setItemText(i, load_matrix(version).name.get(lang))
        self._fill_types()

    def _fill_types(self) -> None:
        chosen = self.type.currentData()
        self.type.clear()
        lang = current_language()
        for kind in load_matrix(self.matrix.currentData()).types:
            self.type.addItem(balance_type_label(kind, lang), kind)
        index = self.type.findData(chosen)
        self.type.setCurrentIndex(index if index >= 0 else 0)
        self._check()

    def _check(self) -> None:
        ok = self.organisation.count() > 0 and self.start.date() < self.end.date()
        if self.start.date() >= self.end.date():
            self.problem.setText(self.tr("The period must end after it starts."))
        elif self.organisation.count() == 0:
            self.problem.setText(self.tr("Create an organisation first."))
        else:
            self.problem.setText("")
        self.problem.setVisible(bool(self.problem.text()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> NewBalance:
        return NewBalance(
            organisation_id=self.organisation.currentData(),
            matrix=self.matrix.currentData(),
            type=self.type.currentData(),
            period=Period(_pydate(self.start.date()), _pydate(self.end.date())),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        organisations: list[tuple[int, str]],
        organisation_id: int | None = None,
        matrix: str = DEFAULT_VERSION,
    ) -> NewBalance | None:
        """Show the dialog; the new balance's settings, or None when cancelled."""
        dialog = cls(parent, organisations, organisation_id, matrix)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.value()
        return None
