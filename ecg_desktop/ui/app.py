"""Start the desktop app: QApplication, translators, main window first, then the store.

The window is shown before the database is opened: SQLAlchemy, Alembic and the store are
imported and opened by a zero-delay timer after the first paint. On the first start (an empty
store that has never had the sample) the sample organisation with a filled 5.1 balance sheet is
created, so a newcomer sees every screen populated.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from ecg_desktop import __version__
from ecg_desktop.ui import i18n
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from ecg_desktop.services.balance_service import BalanceService
    from ecg_desktop.ui.main_window import MainWindow

# Benchmarks and smoke tests set this: print "ready" and quit once the data is on screen.
EXIT_WHEN_READY_ENV = "ECG_DESKTOP_EXIT_WHEN_READY"
# Tests that want an empty store set this.
NO_SAMPLE_ENV = "ECG_DESKTOP_NO_SAMPLE"


def parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ecg-desktop", description="ECG Desktop (desktop app)")
    parser.add_argument("--gui", action="store_true", help="start the desktop app (the default without a command)")
    parser.add_argument("--data-dir", help="folder for the database and evidence")
    parser.add_argument("--database-url", help="SQLAlchemy URL of a shared database (team mode)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of the app (default: from the settings)")
    options, _unknown = parser.parse_known_args(args)
    return options


def system_language() -> str:
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def open_service(location: str | None, database_url: str | None, user: str | None) -> BalanceService:
    """Open a store: `location` is a data folder or (with "://") a database URL."""
    from ecg_desktop.services.balance_service import BalanceService

    if location and "://" in location:
        return BalanceService.open(None, location, user)
    return BalanceService.open(location or None, database_url or None, user)


class Starter:
    """Opens the store after the first paint and puts the last (or the sample) balance on screen."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        ctx: BalanceContext,
        settings: Settings,
        options: argparse.Namespace,
    ):
        self.app = app
        self.window = window
        self.ctx = ctx
        self.settings = settings
        self.options = options

    def open_initial_store(self) -> None:
        location = (
            self.options.database_url
            or self.options.data_dir
            or self.settings.get("store/database_url")
            or self.settings.get("store/data_dir")
        )
        self.open_store(location or None, first=True)

    def open_store(self, location: str | None, first: bool = False) -> None:
        """Open (or switch to) a store, show its organisations, open a balance; errors are shown."""
        from ecg_desktop.errors import ECGError
        from ecg_desktop.ui.dialogs.confirm import show_error

        user = self.settings.get("general/user_name") or None
        try:
            service = open_service(location, None, user)
        except (ECGError, OSError) as error:
            show_error(
                self.window, QCoreApplication.translate("App", "Cannot open the data"), self.ctx.error_text(error)
            )
            if location:
                self.settings.remove_recent(location)
            return
        if self.ctx.has_service:
            self.ctx.service.close()
        sample_id = None
        if not os.environ.get(NO_SAMPLE_ENV):
            try:
                from ecg_desktop.services.sample import create_sample_if_first_start

                sample_id = create_sample_if_first_start(service)
            except ECGError as error:
                show_error(
                    self.window, QCoreApplication.translate("App", "Sample not created"), self.ctx.error_text(error)
                )
        self.ctx.set_service(service)
        from ecg_desktop.paths import data_dir

        self.settings.add_recent(location or str(data_dir()))
        if location and not first:
            if "://" in location:
                self.settings.set("store/database_url", location)
                self.settings.set("store/data_dir", "")
            else:
                self.settings.set("store/data_dir", location)
                self.settings.set("store/database_url", "")
        self.window.reload_tree()
        balance_id = sample_id or (self.settings.get("window/last_balance") if first else 0)
        known = {b.id for b in service.list_balances()}
        if balance_id not in known:
            balance_id = max(known) if known else 0
        if balance_id:
            self.window.open_balance(balance_id)
            if first:
                self.window.show_page(self.settings.get("window/last_page") or "matrix")
        if first and os.environ.get(EXIT_WHEN_READY_ENV):
            self.window.repaint()
            print("ready", flush=True)
            QTimer.singleShot(0, self.app.quit)


def run(args: list[str]) -> int:
    """Start the app with the command-line arguments `args` (already known not to be a CLI command)."""
    options = parse_args(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ECG Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ECG Desktop")
    app.setDesktopFileName("ecg-desktop")
    from ecg_desktop.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    settings = Settings()
    language = options.lang or settings.get("general/language") or system_language()
    i18n.set_language(language)
    ctx = BalanceContext(language=i18n.current_language())
    from ecg_desktop.ui.main_window import MainWindow
    from ecg_desktop.ui.pages import load_page_modules

    starter: Starter | None = None

    def reopen(location: str) -> None:
        assert starter is not None
        starter.open_store(location)

    window = MainWindow(ctx, settings, reopen_store=reopen)
    missing = load_page_modules(required=False)
    if missing:
        print("ECG Desktop: pages not available: " + ", ".join(missing), file=sys.stderr)
    window.install_pages()
    window.restore_state()
    window.show()
    starter = Starter(app, window, ctx, settings, options)
    QTimer.singleShot(0, starter.open_initial_store)
    code = app.exec()
    if ctx.has_service:
        ctx.service.close()
    settings.sync()
    return code
