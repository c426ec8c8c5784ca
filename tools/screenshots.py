"""Write a PNG of every main screen in English and German into screenshots/ (offscreen, sample data).

    python tools/screenshots.py [--out screenshots] [--size 1280x820]

Uses a temporary data folder with the sample organisation, so it never touches real data.
Screens: matrix overview, theme page, guided mode, company facts, results, tax, auditor view,
a locked balance, settings, new balance sheet and About; the File menu and the dialogs of the
exchange work (PDF/print options, ECG calculator import with its parity report, web-calculator
export, balance-workbook import and its problem list, evidence description).
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
            exchange_dialogs(window, service, sample_id, snap, Path(tmp))
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


def calculator_import(balance: object, bump: str | None = None) -> object:
    """An ECG calculator import of `balance` whose own results are ours (one theme off by 1.5 with `bump`)."""
    from decimal import Decimal

    from ecg_desktop.exchange.official.detect import OfficialImport
    from ecg_desktop.exchange.official.parity import ExternalResults, ThemeFigures, compare
    from ecg_desktop.scoring import score

    result = score(balance)  # type: ignore[arg-type]
    themes = {
        code: ThemeFigures(t.points + (Decimal("1.5") if code == bump else 0), t.max_points, t.weight)
        for code, t in result.themes.items()
    }
    weights = {code: s.weight for code, s in result.stakeholders.items()}
    results = ExternalResults("workbook", themes, weights, result.total, first_sector_only=True)
    parity = compare(balance, results, file="Sonnenkorn-Rechner.xlsx")  # type: ignore[arg-type]
    return OfficialImport(balance, "workbook", parity)  # type: ignore[arg-type]


def exchange_dialogs(window: object, service: object, balance_id: int, snap: object, tmp: Path) -> None:
    """The File menu and every dialog of the exchange work, in the window's current language."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from ecg_desktop.errors import InputError, Location, Problem
    from ecg_desktop.exchange.xlsx_import import read_balance_workbook
    from ecg_desktop.ui.dialogs.ecalc_dialog import EcalcDialog
    from ecg_desktop.ui.dialogs.evidence_dialog import EvidenceDialog
    from ecg_desktop.ui.dialogs.parity_dialog import ParityDialog
    from ecg_desktop.ui.dialogs.pdf_dialog import PdfDialog
    from ecg_desktop.ui.dialogs.problems_dialog import ProblemsDialog
    from ecg_desktop.ui.dialogs.workbook_import_dialog import WorkbookImportDialog
    from ecg_desktop.ui.exchange_actions import preview_workbook

    lang = window.ctx.language  # type: ignore[attr-defined]
    balance = service.get_balance(balance_id)  # type: ignore[attr-defined]
    menu = window.menu_file  # type: ignore[attr-defined]
    menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))  # type: ignore[attr-defined]
    snap(menu, f"{lang}-file-menu")  # type: ignore[operator]
    menu.hide()
    workbook = tmp / f"sample-{lang}.xlsx"
    service.export(balance_id, "xlsx-de" if lang == "de" else "xlsx", workbook)  # type: ignore[attr-defined]
    preview = preview_workbook(service, workbook)
    where = Location(file=workbook.name, sheet="_meta", field="balance_id")
    no_target = replace(preview, target=None, mismatches=(Problem("xlsx_unknown_balance", where, {"id": 99}),))
    broken = tmp / f"broken-{lang}.xlsx"
    _break_workbook(workbook, broken)
    try:
        read_balance_workbook(broken, file=broken.name)
        problems = []
    except InputError as error:
        problems = error.problems
    dialogs = {
        "pdf": PdfDialog(window, lang, has_parity=True),
        "print": PdfDialog(window, lang, has_parity=False, printing=True),
        "parity-equal": ParityDialog(window, calculator_import(balance), "Sonnenkorn-Rechner.xlsx", lang),
        "parity-different": ParityDialog(window, calculator_import(balance, "B1"), "Sonnenkorn-Rechner.xlsx", lang),
        "ecalc": EcalcDialog(window, balance, lang),
        "workbook-import": WorkbookImportDialog(window, preview, lang),
        "workbook-as-new": WorkbookImportDialog(window, no_target, lang),
        "problems": ProblemsDialog(
            window,
            QCoreApplication.translate("ExchangeActions", "Not imported"),
            QCoreApplication.translate("ExchangeActions", "{name} was not imported; nothing was changed.").format(
                name=broken.name
            ),
            problems,
            lang,
        ),
        "evidence": EvidenceDialog(window, [tmp / "Liefervertrag-2024.pdf"], "A1.1"),
    }
    dialogs["ecalc"].edits["contact_name"].setText("")  # show what the web calculator still needs
    dialogs["ecalc"].edits["contact_email"].setText("gemeinwohl@")
    for name, dialog in dialogs.items():
        dialog.show()
        snap(dialog, f"{lang}-{name}")  # type: ignore[operator]
        dialog.close()


def _break_workbook(source: Path, target: Path) -> None:
    """A copy of an exported workbook with two bad level cells and a formula, for the problem list."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheet = next(ws for ws in book.worksheets if ws.title in ("Ratings", "Bewertungen"))
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Code")
    rows = [r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value]
    names = ("Auditor level", "Stufe Auditor")
    level = next(c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value in names)
    sheet.cell(rows[0], level).value = "sehr gut"
    sheet.cell(rows[1], level).value = 99
    sheet.cell(rows[2], level).value = "=1+1"
    book.save(target)


if __name__ == "__main__":
    sys.exit(main())
