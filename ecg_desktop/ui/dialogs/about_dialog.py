"""About box: app icon, version, the versions it runs on, and the licences of what it ships."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ecg_desktop import __version__
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.icons import app_icon

# (component, licence) of everything the app ships or is built on.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("pandas", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("ReportLab", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("DejaVu fonts", "Bitstream Vera / public domain"),
)


class AboutDialog(Retranslatable, QDialog):
    """Version and licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(520, 460)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.title, 1)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About ECG Desktop"))
        self.title.setText(
            "<h2>ECG Desktop</h2>"
            + self.tr(
                "<p>Version {version}</p><p>Common Good Balance Sheets of the Economy for the Common Good: guided matrix, evidence, scoring, spreadsheets and PDF reports.</p>"
            ).format(version=__version__)
            + self.tr("<p><small>Python {python}, Qt {qt}, PySide6 {pyside}</small></p>").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            )
        )
        rows = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in COMPONENTS)
        self.licences.setHtml(
            self.tr("<h3>Licences</h3><p>ECG Desktop is free software under the MIT licence.</p>")
            + self.tr("<p>It is built on these components:</p>")
            + f"<table cellpadding='3'>{rows}</table>"
            + self.tr(
                "<p>The matrix names and guidance follow the Economy for the Common Good's published matrices "
                "(texts CC BY-SA); the scoring rules are implemented from their documentation. "
                "The illustrative tax rate is not ECG policy and no tax law uses it.</p>"
            )
        )

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        cls(parent).exec()
