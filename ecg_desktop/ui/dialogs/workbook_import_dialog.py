"""Before a balance workbook of this app is imported: what it holds, which balance it updates, and how.

The workbook has been read and validated already (off the UI thread); the dialog shows the
balance it belongs to, lists every reason it cannot update that balance (another balance,
period, matrix or type) and offers "Import as a new balance" instead, with the choice to take
the self-assessment columns too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.errors import Problem
from ecg_desktop.presentation import balance_type_label, format_period
from ecg_desktop.ui.dialogs.problems_dialog import AS_NEW, ProblemTable
from ecg_desktop.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from ecg_desktop.balance.model import Period
    from ecg_desktop.services.balance_service import BalanceInfo

UPDATE = "update"


@dataclass(frozen=True)
class WorkbookPreview:
    """What a read workbook would do (plain data, built off the UI thread).

    `target` is the BalanceInfo of the balance the workbook names (None when it names none or
    the database has no such balance); `mismatches` why it cannot update that balance.
    """

    file: str
    file_path: str
    organisation: str
    matrix: str
    type: str
    period: Period | None
    balance_id: str | None
    self_changes: int
    target: BalanceInfo | None = None
    mismatches: tuple[Problem, ...] = field(default=())

    @property
    def can_update(self) -> bool:
        return self.target is not None and not self.mismatches


@dataclass(frozen=True)
class WorkbookChoice:
    mode: str  # UPDATE or AS_NEW
    include_self: bool


class WorkbookImportDialog(Retranslatable, QDialog):
    """Import a balance workbook: update its balance (auditor columns, optionally the self-assessment) or as new."""

    def __init__(self, parent: QWidget | None, preview: WorkbookPreview, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("workbookImportDialog")
        self.setMinimumWidth(640)
        self.preview = preview
        self.lang = lang
        self.choice: WorkbookChoice | None = None
        self.labels = {key: QLabel() for key in ("file", "organisation", "matrix", "period", "target")}
        self.values = {key: QLabel() for key in self.labels}
        form = QFormLayout()
        for key in self.labels:
            self.values[key].setWordWrap(True)
            form.addRow(self.labels[key], self.values[key])
        self.mismatch_intro = QLabel()
        self.mismatch_intro.setWordWrap(True)
        self.mismatch_intro.setStyleSheet("color: #8a3b12;")
        self.mismatches = ProblemTable(lang)
        self.mismatches.set_problems(preview.mismatches)
        self.mismatches.fit_height(150)
        self.include_self = QCheckBox()
        self.include_self.setObjectName("includeSelf")
        self.self_note = QLabel()
        self.self_note.setWordWrap(True)
        self.self_note.setStyleSheet("color: #555555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.update_button = QPushButton()
        self.update_button.setObjectName("updateButton")
        self.update_button.clicked.connect(lambda: self._choose(UPDATE))
        self.as_new_button = QPushButton()
        self.as_new_button.setObjectName("asNewButton")
        self.as_new_button.clicked.connect(lambda: self._choose(AS_NEW))
        self.buttons.addButton(self.as_new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.update_button.setEnabled(preview.can_update)
        default = self.update_button if preview.can_update else self.as_new_button
        default.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mismatch_intro)
        layout.addWidget(self.mismatches)
        layout.addWidget(self.include_self)
        layout.addWidget(self.self_note)
        layout.addWidget(self.buttons)
        self.mismatch_intro.setVisible(bool(preview.mismatches))
        self.mismatches.setVisible(bool(preview.mismatches))
        self.retranslate_ui()
        default.setFocus()

    def retranslate_ui(self) -> None:
        p = self.preview
        lang = self.lang
        self.setWindowTitle(self.tr("Import balance workbook"))
        texts = {
            "file": self.tr("File:"),
            "organisation": self.tr("Organisation:"),
            "matrix": self.tr("Matrix:"),
            "period": self.tr("Period:"),
            "target": self.tr("Updates:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.values["file"].setText(p.file)
        self.values["organisation"].setText(p.organisation or "–")
        self.values["matrix"].setText(f"{p.matrix} ({balance_type_label(p.type, lang)})")
        self.values["period"].setText(format_period(p.period.start, p.period.end, lang) if p.period else "–")
        if p.can_update and p.target is not None:
            self.values["target"].setText(
                self.tr("balance sheet {id} of {organisation}, version {version}").format(
                    id=p.target.id, organisation=p.target.organisation_name, version=p.target.version
                )
            )
        else:
            self.values["target"].setText(self.tr("no balance sheet of this database (see below)"))
        self.mismatch_intro.setText(
            self.tr(
                "The workbook cannot update a balance sheet here. You can import it as a new balance sheet instead:"
            )
        )
        self.include_self.setText(self.tr("Also import the &self-assessment columns (levels and reasoning)"))
        self.self_note.setText(
            self.tr(
                "Without this, only the auditor's columns are taken. Self-assessment cells changed in the workbook: {count}."
            ).format(count=p.self_changes)
            if p.can_update
            else self.tr("A new balance sheet always takes every column of the workbook.")
        )
        self.include_self.setEnabled(p.can_update)
        if not p.can_update:
            self.include_self.setChecked(True)
        self.update_button.setText(self.tr("&Import"))
        self.as_new_button.setText(self.tr("Import as a &new balance"))

    def _choose(self, mode: str) -> None:
        self.choice = WorkbookChoice(mode, mode == AS_NEW or self.include_self.isChecked())
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, preview: WorkbookPreview, lang: str) -> WorkbookChoice | None:
        dialog = cls(parent, preview, lang)
        dialog.exec()
        return dialog.choice
