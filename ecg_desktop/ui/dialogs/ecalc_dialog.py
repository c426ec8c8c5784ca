"""Export for the ECG web calculator: fill in what it needs (organisation, contact person, e-mail) first.

The fields start with the organisation's own data; the problems the web calculator would have
(exchange.official.ecalc_json.ecalc_export_problems) are listed live, and Save stays disabled
until there are none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.ui.dialogs.problems_dialog import ProblemTable
from ecg_desktop.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from ecg_desktop.balance.model import Balance
    from ecg_desktop.errors import Problem

FIELDS = ("company_name", "contact_name", "contact_email")


@dataclass(frozen=True)
class EcalcValues:
    company_name: str
    contact_name: str
    contact_email: str


def export_problems(balance: Balance, values: EcalcValues) -> list[Problem]:
    """What the web calculator would refuse, with the values entered."""
    from ecg_desktop.exchange.official.ecalc_json import ecalc_export_problems

    return ecalc_export_problems(
        balance,
        company_name=values.company_name,
        contact_name=values.contact_name,
        contact_email=values.contact_email,
    )


class EcalcDialog(Retranslatable, QDialog):
    """The three general fields the web calculator requires, checked as they are typed."""

    def __init__(self, parent: QWidget | None, balance: Balance, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("ecalcDialog")
        self.setMinimumWidth(600)
        self.balance = balance
        self.lang = lang
        org = balance.organisation
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edits = {
            "company_name": QLineEdit(org.name),
            "contact_name": QLineEdit(org.contact_person),
            "contact_email": QLineEdit(org.contact_email),
        }
        self.labels = {name: QLabel() for name in FIELDS}
        form = QFormLayout()
        for name in FIELDS:
            self.edits[name].setObjectName(name)
            self.labels[name].setBuddy(self.edits[name])
            form.addRow(self.labels[name], self.edits[name])
            self.edits[name].textChanged.connect(self._check)
        self.problems_label = QLabel()
        self.problems = ProblemTable(lang)
        self.problems.setMaximumHeight(140)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export for the ECG web calculator"))
        self.intro.setText(
            self.tr(
                "The web calculator needs the organisation's name, a contact person and an e-mail address. "
                "They are written into the file only; the balance sheet stays as it is."
            )
        )
        self.labels["company_name"].setText(self.tr("&Organisation:"))
        self.labels["contact_name"].setText(self.tr("&Contact person:"))
        self.labels["contact_email"].setText(self.tr("&E-mail:"))
        self.problems_label.setText(self.tr("Still needed before the export:"))
        self._check()

    def values(self) -> EcalcValues:
        return EcalcValues(*(self.edits[name].text().strip() for name in FIELDS))

    def _check(self) -> None:
        problems = export_problems(self.balance, self.values())
        self.problems.set_problems(problems, self.lang)
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    @classmethod
    def ask(cls, parent: QWidget | None, balance: Balance, lang: str) -> EcalcValues | None:
        dialog = cls(parent, balance, lang)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None
