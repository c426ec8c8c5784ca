"""Before files are attached as evidence: an optional description that the report's appendix shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ecg_desktop.ui.i18n import Retranslatable


class EvidenceDialog(Retranslatable, QDialog):
    """Names the files and the aspect; the description may stay empty."""

    def __init__(self, parent: QWidget | None, paths: list[Path], code: str) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setMinimumWidth(480)
        self.paths = list(paths)
        self.code = code
        self.files = QLabel()
        self.files.setWordWrap(True)
        self.label = QLabel()
        self.description = QLineEdit()
        self.description.setObjectName("description")
        self.label.setBuddy(self.description)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addWidget(self.label)
        layout.addWidget(self.description)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Attach evidence"))
        names = ", ".join(p.name for p in self.paths[:5]) + (" …" if len(self.paths) > 5 else "")
        self.files.setText(self.tr("Attach to {code}: {names}").format(code=self.code, names=names))
        self.label.setText(self.tr("&Description (optional):"))
        self.description.setPlaceholderText(self.tr("e.g. Supplier contract 2024, page 3"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Attach"))

    @classmethod
    def ask(cls, parent: QWidget | None, paths: list[Path], code: str) -> str | None:
        """The description entered ("" for none), or None when cancelled."""
        dialog = cls(parent, paths, code)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.description.text().strip()
        return None
