"""Choose what a PDF (or a print-out) holds: the certificate or the full report, its language, the parity page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.ui.i18n import Retranslatable

CERTIFICATE = "certificate"
REPORT = "report"


@dataclass(frozen=True)
class PdfChoice:
    kind: str  # CERTIFICATE or REPORT
    lang: str  # "en" or "de"
    parity: bool  # add the calculator comparison page (full report only)


class PdfDialog(Retranslatable, QDialog):
    """Certificate or full report, in German or English; the parity page only when one is stored."""

    def __init__(self, parent: QWidget | None, lang: str, has_parity: bool, printing: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pdfDialog")
        self.setMinimumWidth(460)
        self.printing = printing
        self.has_parity = has_parity
        self.certificate = QRadioButton()
        self.certificate.setObjectName("certificate")
        self.report = QRadioButton()
        self.report.setObjectName("report")
        self.report.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.certificate)
        group.addButton(self.report)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.parity = QCheckBox()
        self.parity.setObjectName("parity")
        self.parity.setChecked(has_parity)
        self.parity_note = QLabel()
        self.parity_note.setWordWrap(True)
        self.parity_note.setStyleSheet("color: #555555;")
        self.report.toggled.connect(self._update)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.certificate)
        layout.addWidget(self.report)
        layout.addWidget(self.parity)
        layout.addWidget(self.parity_note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print") if self.printing else self.tr("Export PDF"))
        self.certificate.setText(self.tr("&Certificate (one page: total, matrix, audit)"))
        self.report.setText(self.tr("Full &report (every theme, reasoning, levers, evidence list)"))
        self.parity.setText(self.tr("Add the &comparison with the ECG calculator"))
        self.parity_note.setText(
            self.tr("The comparison made when the balance sheet was imported from the calculator.")
            if self.has_parity
            else self.tr("This balance sheet was not imported from the ECG calculator: there is no comparison.")
        )
        self.language_label.setText(self.tr("&Language:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Print…") if self.printing else self.tr("&Save as…"))

    def _update(self) -> None:
        self.parity.setEnabled(self.has_parity and self.report.isChecked())

    def choice(self) -> PdfChoice:
        kind = REPORT if self.report.isChecked() else CERTIFICATE
        return PdfChoice(
            kind, self.language.currentData(), kind == REPORT and self.parity.isEnabled() and self.parity.isChecked()
        )

    @classmethod
    def ask(cls, parent: QWidget | None, lang: str, has_parity: bool, printing: bool = False) -> PdfChoice | None:
        dialog = cls(parent, lang, has_parity, printing)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.choice()
        return None
