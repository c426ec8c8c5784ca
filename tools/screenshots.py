"""Write a PNG of every main screen in English and German into screenshots/ (offscreen, sample data).

    python tools/screenshots.py [--out screenshots] [--size 1280x820]

Uses a temporary data folder with the sample organisation, so it never touches real data.
Screens: matrix overview, theme page, guided mode, company facts, results, tax, auditor view,
a locked balance, settings, new balance sheet and About.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGES = ("matrix", "theme", "guided", "facts", "results", "tax", "auditor")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--size", default="1280x820")
    options = parser.parse_args(argv)
    width, height = (int(v) for v in options.size.split("x"))
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ECG_DESKTOP_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        from ecg_desktop.services import BalanceService
        from ecg_desktop.services.sample import create_sample
        from ecg_desktop.ui import jobs
        from ecg_desktop.ui.context import BalanceContext
        from ecg_desktop.ui.dialogs.about_dialog import AboutDialog
        from ecg_desktop.ui.dialogs.balance_dialog import BalanceDialog
        from ecg_desktop.ui.dialogs.settings_dialog import SettingsDialog, SettingsValues
        from ecg_desktop.ui.icons import app_icon
        from ecg_desktop.ui.main_window import MainWindow
        from ecg_desktop.ui.pages import load_page_modules, page_spec
        from ecg_desktop.ui.settings import Settings

        jobs.set_synchronous(True)
        app.setWindowIcon(app_icon())
        service = BalanceService.open(Path(tmp) / "data", None, "Screenshot")
        sample_id = create_sample(service)
        ctx = BalanceContext(service)
        missing = load_page_modules(required=False)
        if missing:
            print("pages not available:", ", ".join(missing), file=sys.stderr)
        window = MainWindow(ctx, Settings(Path(tmp) / "settings.ini"))
        window.install_pages()
        window.resize(width, height)
        window.show()
        window.reload_tree()
        window.open_balance(sample_id)
        written: list[Path] = []

        def snap(widget: object, name: str) -> None:
            from PySide6.QtCore import QCoreApplication, QEvent

            # Let layouts settle and replaced widgets really go before grabbing.
            for _ in range(5):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                app.processEvents()
            widget.repaint()  # type: ignore[attr-defined]
            path = out / f"{name}.png"
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            written.append(path)

        for lang in ("en", "de"):
            window.switch_language(lang)
            for page in PAGES:
                if page_spec(page) is None:
                    continue
                if page == "theme":
                    ctx.open_theme("A1")
                else:
                    window.show_page(page)
                snap(window, f"{lang}-{page}")
            settings = SettingsDialog(window, SettingsValues(lang, "Anna Beispiel", "", "", "5.1"))
            settings.show()
            snap(settings, f"{lang}-settings")
            settings.close()
            new_balance = BalanceDialog(window, [(o.id, o.name) for o in service.list_organisations()])
            new_balance.show()
            snap(new_balance, f"{lang}-new-balance")
            new_balance.close()
            about = AboutDialog(window)
            about.show()
            snap(about, f"{lang}-about")
            about.close()
        # a locked balance: the banner and the read-only pages
        locked_id = service.copy_to_next_period(sample_id)
        service.lock(locked_id)
        window.reload_tree()
        window.open_balance(locked_id)
        for lang in ("en", "de"):
            window.switch_language(lang)
            window.show_page("matrix")
            snap(window, f"{lang}-locked-matrix")
            ctx.open_theme("A1")
            snap(window, f"{lang}-locked-theme")
        window.close()
        service.close()
        jobs.set_synchronous(False)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
