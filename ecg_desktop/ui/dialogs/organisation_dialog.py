"""Dialog for a new organisation: name (required) and the profile fields a report opens with."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ecg_desktop.balance.model import Organisation
from ecg_desktop.ui.i18n import Retranslatable

FIELDS = ("name", "legal_form", "industry", "head_office", "website", "contact_person", "contact_email")


class OrganisationDialog(Retranslatable, QDialog):
    """Enter an organisation; OK stays disabled until the name is filled in."""

    def __init__(self, parent: QWidget | None = None, organisation: Organisation | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in FIELDS:
            edit = QLineEdit(getattr(organisation, name) if organisation else "")
            edit.setObjectName(name)
            label = QLabel()
            label.setBuddy(edit)
            self.edits[name] = edit
            self.labels[name] = label
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edits["name"].textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update_ok()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New organisation"))
        texts = {
            "name": self.tr("&Name:"),
            "legal_form": self.tr("&Legal form:"),
            "industry": self.tr("&Industry:"),
            "head_office": self.tr("&Head office:"),
            "website": self.tr("&Website:"),
            "contact_person": self.tr("&Contact person:"),
            "contact_email": self.tr("Contact &e-mail:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.edits["name"].setPlaceholderText(self.tr("required"))

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.edits["name"].text().strip()))

    def organisation(self) -> Organisation:
        return Organisation(**{name: edit.text().strip() for name, edit in self.edits.items()})

    @classmethod
    def ask(cls, parent: QWidget | None) -> Organisation | None:
        """Show the dialog; the organisation entered, or None when cancelled."""
        dialog = cls(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.organisation()
        return None
