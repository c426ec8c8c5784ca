"""Ask who audited the balance, how and when, before it is recorded and locked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ecg_desktop.balance.model import AUDIT_KINDS
from ecg_desktop.ui.i18n import Retranslatable


class AuditDialog(Retranslatable, QDialog):
    """Kind (self, peer, external), auditor and date; OK only with an auditor's name."""

    def __init__(self, auditor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.auditor = QLineEdit(auditor)
        self.auditor.textChanged.connect(self._check)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, widget in zip(self.labels, (self.kind, self.auditor, self.date), strict=True):
            self.form.addRow(label, widget)
        self.form.addRow(self.warning)
        self.form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Record the audit"))
        current = self.kind.currentIndex()
        self.kind.clear()
        names = {
            "self": self.tr("Self-assessment"),
            "peer": self.tr("Peer evaluation"),
            "external": self.tr("External audit"),
        }
        for kind in AUDIT_KINDS:
            self.kind.addItem(names[kind], kind)
        self.kind.setCurrentIndex(current if current >= 0 else AUDIT_KINDS.index("external"))
        for label, text in zip(self.labels, (self.tr("Kind"), self.tr("Auditor"), self.tr("Date")), strict=True):
            label.setText(text)
        self.warning.setText(self.tr("Recording the audit locks the balance sheet. Later changes need a new revision."))
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.auditor.text().strip()))

    def values(self) -> tuple[str, str, date]:
        return self.kind.currentData(), self.auditor.text().strip(), self.date.date().toPython()

    @classmethod
    def ask(cls, parent: QWidget | None, auditor: str = "") -> tuple[str, str, date] | None:
        """Show the dialog; (kind, auditor, date), or None when cancelled."""
        dialog = cls(auditor, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None
