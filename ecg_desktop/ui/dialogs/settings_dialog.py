"""Settings: language, user name for the change log, data folder or database URL, default matrix."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.matrix import VERSIONS, load_matrix
from ecg_desktop.ui.i18n import Retranslatable, current_language


@dataclass(frozen=True)
class SettingsValues:
    """Everything the dialog edits. Empty data_dir / database_url mean the defaults."""

    language: str
    user_name: str
    data_dir: str
    database_url: str
    default_matrix: str


class SettingsDialog(Retranslatable, QDialog):
    """Edit the settings; the caller applies them (language at once, the store on the next open)."""

    def __init__(self, parent: QWidget | None, values: SettingsValues) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Deutsch", "de")
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.user_name = QLineEdit(values.user_name)
        self.data_dir = QLineEdit(values.data_dir)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir, 1)
        folder_row.addWidget(self.browse)
        self.database_url = QLineEdit(values.database_url)
        self.default_matrix = QComboBox()
        for version in VERSIONS:
            self.default_matrix.addItem("", version)
        self.default_matrix.setCurrentIndex(max(0, self.default_matrix.findData(values.default_matrix)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        fields: list[QWidget | QHBoxLayout] = [
            self.language,
            self.user_name,
            folder_row,
            self.database_url,
            self.default_matrix,
        ]
        for label, field in zip(self.labels, fields, strict=True):
            if isinstance(field, QWidget):
                label.setBuddy(field)
                form.addRow(label, field)
            else:
                label.setBuddy(self.data_dir)
                form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (
            self.tr("&Language:"),
            self.tr("Your &name (change log):"),
            self.tr("&Data folder:"),
            self.tr("Database &URL (team mode):"),
            self.tr("Default &matrix:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.browse.setText(self.tr("&Browse…"))
        self.user_name.setPlaceholderText(self.tr("the operating-system user name"))
        self.data_dir.setPlaceholderText(self.tr("the default data folder"))
        self.database_url.setPlaceholderText("postgresql+psycopg://user@host/database")
        self.note.setText(
            self.tr(
                "The language changes at once. A new data folder or database URL is opened when you press OK; "
                "leave the URL empty to keep the data in a local file. The default matrix is stored with the data."
            )
        )
        lang = current_language()
        for i in range(self.default_matrix.count()):
            self.default_matrix.setItemText(i, load_matrix(self.default_matrix.itemData(i)).name.get(lang))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the data folder"), self.data_dir.text())
        if folder:
            self.data_dir.setText(folder)

    def values(self) -> SettingsValues:
        return SettingsValues(
            language=self.language.currentData(),
            user_name=self.user_name.text().strip(),
            data_dir=self.data_dir.text().strip(),
            database_url=self.database_url.text().strip(),
            default_matrix=self.default_matrix.currentData(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, values: SettingsValues) -> SettingsValues | None:
        """Show the dialog; the new values, or None when cancelled."""
        dialog = cls(parent, values)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None
