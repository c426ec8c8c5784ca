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

from ecg_desktop.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from ecg_desktop.balance.model import Balance
    from ecg_desktop.errors import Problem

FIELDS = ("company_name", "contact_name", "contact_email")
# the balance field a problem names -> the entry field that fixes it
FIELD_OF = {
    "organisation.name": "company_name",
    "organisation.contact_person": "contact_name",
    "organisation.contact_email": "contact_email",
}


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
        self.problems = QLabel()
        self.problems.setObjectName("ecalcProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a3b12;")
        self.problem_list: list[Problem] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        layout.addStretch(1)
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
        self.problem_list = problems
        lines = []
        for problem in problems:
            field = FIELD_OF.get(problem.location.field or "")
            label = (
                self.labels[field].text().replace("&", "").rstrip(":")
                if field
                else problem.location.describe(self.lang)
            )
            lines.append(f"• {label}: {problem.message(self.lang)}" if label else f"• {problem.message(self.lang)}")
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    @classmethod
    def ask(cls, parent: QWidget | None, balance: Balance, lang: str) -> EcalcValues | None:
        dialog = cls(parent, balance, lang)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None
