"""The window shown from a start-up snapshot while the real main window loads.

A plain top-level widget with the snapshot's window title that paints the snapshot's picture
of the main window at its top-left corner, at the saved window geometry. It has no menus,
actions or data of its own; ui.app replaces it with the live main window at the same
geometry as soon as the store is open, and quits when the user closes it first.

On the path to the first paint: imports only PySide6 and ui.startup, and paints with
QPainter.drawImage only (see ui.startup on why no other drawing calls).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ecg_desktop.ui.startup import Snapshot


class StartupWindow(QWidget):
    """The main window's picture, shown until the live window takes its place."""

    sig_closed = Signal()
    """The user closed the window before the live one replaced it."""

    def __init__(self, snapshot: Snapshot, image: QImage, pixels: bytes) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.image = image
        self._pixels = pixels  # the image's memory
        self.setObjectName("startupWindow")
        self.setWindowTitle(snapshot.title)
        self.resize(snapshot.width, snapshot.height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self.image)
        painter.end()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sig_closed.emit()
        super().closeEvent(event)
