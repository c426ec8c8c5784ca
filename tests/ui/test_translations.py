"""German is complete: every UI text has a finished German translation, and the committed .qm is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_text_has_a_german_translation():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_tsv_round_trip_of_escapes():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations as tool
    finally:
        sys.path.pop(0)
    text = "line one\nline\ttwo \\ backslash"
    assert tool.unescape(tool.escape(text)) == text


def test_german_is_loaded_at_run_time(qapp):
    from PySide6.QtCore import QCoreApplication

    from ecg_desktop.ui import i18n

    try:
        assert i18n.set_language("de")
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        # Qt's own texts come from qtbase_de.qm
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        i18n.set_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
