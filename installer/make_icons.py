"""Render the app icon (resources/icons/ecg-desktop.svg) into the files installers need.

Writes resources/icons/ecg-desktop-<size>.png (16-512 px, used by the window for sharp high-DPI
icons and by Linux menus), installer/windows/ecg-desktop.ico and installer/macos/ecg-desktop.icns.
Run it after changing the SVG; build scripts call it too. Uses Qt's SVG renderer, offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "ecg-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int):  # noqa: ANN201 (QImage; PySide6 is imported late on purpose)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    from PySide6.QtGui import QGuiApplication, QImageWriter

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    icons = ROOT / "resources" / "icons"
    for size in SIZES:
        if not render(size).save(str(icons / f"ecg-desktop-{size}.png")):
            print(f"cannot write the {size} px icon", file=sys.stderr)
            return 1
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    targets = [("ico", ROOT / "installer" / "windows" / "ecg-desktop.ico", 256),
               ("icns", ROOT / "installer" / "macos" / "ecg-desktop.icns", 512)]
    for fmt, path, size in targets:
        if fmt in formats:
            render(size).save(str(path), fmt)
        else:
            print(f"note: Qt cannot write .{fmt} here; {path.name} not updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
