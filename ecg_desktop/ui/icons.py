"""Icons: the app icon is an SVG, rendered by Qt at every size the screen needs (high DPI included)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ecg_desktop.paths import resource


@cache
def app_icon() -> QIcon:
    """The ECG Desktop icon (resources/icons/ecg-desktop.svg)."""
    return QIcon(str(resource("icons", "ecg-desktop.svg")))
