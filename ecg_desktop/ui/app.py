"""Start the desktop app: QApplication, translators, a window on screen first, then the store.

Two ways to the first screen:

- From a start-up snapshot (ui.startup), the usual case: the window the user closed last is
  shown at once from a small JSON file, with only PySide6 loaded. A background thread then
  imports SQLAlchemy and the domain, opens the store and warms the scoring; the UI thread
  builds the real main window hidden, fills it with the live balance and puts it in the
  snapshot window's place. A snapshot is only used when the data has not changed since it
  was written (ui.startup says how that is checked).
- Without a usable snapshot (first start, another database, a team database): the empty
  main window is shown, and a zero-delay timer opens the store after the first paint.

On the first start (an empty store that has never had the sample) the sample organisation
with a filled 5.1 balance sheet is created, so a newcomer sees every screen populated. When
the app closes with a balance open, the snapshot for the next start is written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ecg_desktop import __version__
from ecg_desktop.ui import i18n
from ecg_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from ecg_desktop.services.balance_service import BalanceService
    from ecg_desktop.ui.context import BalanceContext
    from ecg_desktop.ui.main_window import MainWindow
    from ecg_desktop.ui.startup import Snapshot
    from ecg_desktop.ui.startup_window import StartupWindow

# Benchmarks and smoke tests set this: print "ready" once the balance is on screen (after
# "snapshot" when it came from the start-up snapshot), "live" once the live main window shows
# it, then quit.
EXIT_WHEN_READY_ENV = "ECG_DESKTOP_EXIT_WHEN_READY"
# Tests that want an empty store set this.
NO_SAMPLE_ENV = "ECG_DESKTOP_NO_SAMPLE"
# Start without reading (or writing) the start-up snapshot, e.g. to measure the plain start.
NO_SNAPSHOT_ENV = "ECG_DESKTOP_NO_SNAPSHOT"


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


def set_app_icon(app: QApplication) -> None:
    """The app's icon for every window (the SVG renders on demand; after the first paint when possible)."""
    from ecg_desktop.ui.icons import app_icon

    app.setWindowIcon(app_icon())


class PreparedStore:
    """A store opened off the UI thread: the service (or why it could not be opened) and the sample."""

    def __init__(self, service: BalanceService | None, open_error: BaseException | None = None) -> None:
        self.service = service
        self.open_error = open_error
        self.sample_id: int | None = None
        self.sample_error: BaseException | None = None
        self.missing_pages: tuple[str, ...] = ()


def prepare_store(location: str | None, user: str | None, with_sample: bool) -> PreparedStore:
    """Open the store and create the sample on a first start. Touches no widget (any thread)."""
    from ecg_desktop.errors import ECGError

    try:
        service = open_service(location, None, user)
    except (ECGError, OSError) as error:
        return PreparedStore(None, open_error=error)
    prepared = PreparedStore(service)
    if with_sample:
        try:
            from ecg_desktop.services.sample import create_sample_if_first_start

            prepared.sample_id = create_sample_if_first_start(service)
        except ECGError as error:
            prepared.sample_error = error
    return prepared


def warm_up(prepared: PreparedStore, balance_id: int) -> None:
    """Import the window's modules and score the balance once, so the UI thread does not stall on them."""
    from ecg_desktop.ui.pages import load_page_modules

    prepared.missing_pages = tuple(load_page_modules(required=False))
    import ecg_desktop.ui.main_window  # noqa: F401
    from ecg_desktop.scoring import score

    if prepared.service is not None and balance_id:
        # only a warm-up: the UI thread loads the balance again and reports real problems
        with contextlib.suppress(Exception):
            score(prepared.service.get_balance(balance_id))


class _Bridge(QObject):
    sig_prepared = Signal(object)
    """The background start-up is done (a PreparedStore), delivered on the UI thread."""


class _CloseWatcher(QObject):
    """Calls `on_close` when the watched window is about to close (while it is still shown and active)."""

    def __init__(self, on_close: Callable[[], None]) -> None:
        super().__init__()
        self.on_close = on_close

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.on_close()
        return False


class Starter:
    """Puts a window on screen, opens the store and shows the last (or the sample) balance."""

    def __init__(self, app: QApplication, settings: Settings, options: argparse.Namespace, language: str):
        self.app = app
        self.settings = settings
        self.options = options
        self.language = language
        self.window: MainWindow | None = None
        self.ctx: BalanceContext | None = None
        self.shell: StartupWindow | None = None
        self._thread: threading.Thread | None = None
        self._unclaimed: PreparedStore | None = None
        self._bridge: _Bridge | None = None
        self._closing_picture: dict | None = None
        self._close_watcher: _CloseWatcher | None = None
        self._exit_when_ready = bool(os.environ.get(EXIT_WHEN_READY_ENV))

    @property
    def initial_location(self) -> str | None:
        return (
            self.options.database_url
            or self.options.data_dir
            or self.settings.get("store/database_url")
            or self.settings.get("store/data_dir")
            or None
        )

    def user(self) -> str | None:
        return self.settings.get("general/user_name") or None

    # ---- the real main window

    def build_window(self) -> MainWindow:
        from ecg_desktop.ui.context import BalanceContext
        from ecg_desktop.ui.main_window import MainWindow
        from ecg_desktop.ui.pages import load_page_modules

        self.ctx = BalanceContext(language=self.language)
        self.window = MainWindow(self.ctx, self.settings, reopen_store=self.open_store)
        missing = load_page_modules(required=False)
        if missing:
            print("ECG Desktop: pages not available: " + ", ".join(missing), file=sys.stderr)
        self.window.install_pages()
        self.window.restore_state()
        if not os.environ.get(NO_SNAPSHOT_ENV):
            # The snapshot is taken as the window closes: hidden, it would paint its selection
            # in the inactive colours, and the next start shows it active.
            self._close_watcher = _CloseWatcher(self._picture_at_close)
            self.window.installEventFilter(self._close_watcher)
        return self.window

    def _picture_at_close(self) -> None:
        from ecg_desktop.ui.startup import capture

        window, ctx = self.window, self.ctx
        if window is None or ctx is None or not ctx.is_open or not ctx.has_service or ctx.service.team_mode:
            return
        try:
            self._closing_picture = capture(window, ctx.balance_id_required, ctx.language)
        except Exception as exc:  # a snapshot is an optimisation; closing must go on
            print(f"ECG Desktop: start-up snapshot not taken: {exc!r}", file=sys.stderr)

    # ---- start without a snapshot

    def start_plain(self) -> None:
        self.build_window().show()
        QTimer.singleShot(0, self.open_initial_store)

    def open_initial_store(self) -> None:
        location = self.initial_location
        prepared = prepare_store(location, self.user(), with_sample=not os.environ.get(NO_SAMPLE_ENV))
        self.finish(prepared, location, first=True)
        if self._exit_when_ready:
            assert self.window is not None
            self.window.repaint()
            print("ready", flush=True)
            print("live", flush=True)
            QTimer.singleShot(0, self.app.quit)

    # ---- start from a snapshot

    def start_from_snapshot(self, snapshot: Snapshot) -> bool:
        """Show the snapshot's picture, then open the store in the background; False if it does not decode."""
        from ecg_desktop.ui.startup import snapshot_image
        from ecg_desktop.ui.startup_window import StartupWindow

        picture = snapshot_image(snapshot)
        if picture is None:
            return False
        self.shell = StartupWindow(snapshot, *picture)
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.shell.restoreGeometry(geometry)
        self.shell.show()
        QTimer.singleShot(0, lambda: self._shell_shown(snapshot.balance_id))
        return True

    def _shell_shown(self, balance_id: int) -> None:
        if self._exit_when_ready and self.shell is not None:
            self.shell.repaint()
            print("snapshot", flush=True)
            print("ready", flush=True)
        set_app_icon(self.app)
        self._bridge = _Bridge()
        self._bridge.sig_prepared.connect(self._prepared)
        location = self.initial_location
        user = self.user()
        with_sample = not os.environ.get(NO_SAMPLE_ENV)

        def work() -> None:
            try:
                prepared = prepare_store(location, user, with_sample)
                warm_up(prepared, balance_id)
            except BaseException as error:  # every failure must reach the UI thread
                prepared = PreparedStore(None, open_error=error)
            self._unclaimed = prepared
            assert self._bridge is not None
            self._bridge.sig_prepared.emit(prepared)

        self._thread = threading.Thread(target=work, name="ecg-desktop-open-store", daemon=True)
        self._thread.start()

    def _prepared(self, prepared: PreparedStore) -> None:
        """UI thread: build the live window hidden, show the balance in it, then swap it in."""
        self._unclaimed = None
        shell = self.shell
        if shell is None or not shell.isVisible():  # closed by the user meanwhile: the app is quitting
            if prepared.service is not None:
                prepared.service.close()
            return
        if prepared.missing_pages:
            print("ECG Desktop: pages not available: " + ", ".join(prepared.missing_pages), file=sys.stderr)
        window = self.build_window()
        window.restoreGeometry(shell.saveGeometry())
        self.finish(prepared, self.initial_location, first=True)
        window.show()
        window.activateWindow()
        window.repaint()
        shell.hide()
        shell.deleteLater()
        self.shell = None
        if self._exit_when_ready:
            print("live", flush=True)
            QTimer.singleShot(0, self.app.quit)

    # ---- opening a store (also File › Open data folder and the recent list)

    def open_store(self, location: str | None) -> None:
        """Open (or switch to) another store; errors are shown."""
        prepared = prepare_store(location, self.user(), with_sample=not os.environ.get(NO_SAMPLE_ENV))
        self.finish(prepared, location, first=False)

    def finish(self, prepared: PreparedStore, location: str | None, first: bool) -> None:
        """Show an opened store's organisations and open a balance; errors are shown."""
        from ecg_desktop.ui.dialogs.confirm import show_error

        window, ctx = self.window, self.ctx
        assert window is not None and ctx is not None
        service = prepared.service
        if service is None:
            error = prepared.open_error or RuntimeError("no store")
            show_error(window, QCoreApplication.translate("App", "Cannot open the data"), ctx.error_text(error))
            if location:
                self.settings.remove_recent(location)
            return
        if ctx.has_service:
            ctx.service.close()
        if prepared.sample_error is not None:
            show_error(
                window, QCoreApplication.translate("App", "Sample not created"), ctx.error_text(prepared.sample_error)
            )
        ctx.set_service(service)
        from ecg_desktop.paths import data_dir

        self.settings.add_recent(location or str(data_dir()))
        if location and not first:
            if "://" in location:
                self.settings.set("store/database_url", location)
                self.settings.set("store/data_dir", "")
            else:
                self.settings.set("store/data_dir", location)
                self.settings.set("store/database_url", "")
        window.reload_tree()
        balance_id = prepared.sample_id or (self.settings.get("window/last_balance") if first else 0)
        known = {b.id for b in service.list_balances()}
        if balance_id not in known:
            balance_id = max(known) if known else 0
        if balance_id:
            window.open_balance(balance_id)
            if first:
                window.show_page(self.settings.get("window/last_page") or "matrix")

    # ---- closing

    def shutdown(self) -> None:
        """After the event loop: close the store and write the snapshot for the next start."""
        if self._thread is not None:
            self._thread.join(timeout=60)
        if self._unclaimed is not None and self._unclaimed.service is not None:
            self._unclaimed.service.close()
        ctx, window = self.ctx, self.window
        if ctx is None or window is None or not ctx.has_service:
            return
        service = ctx.service
        database = None if service.team_mode else Path(service.location)
        data = self._closing_picture
        if data is None and window.isVisible():  # quit without closing the window (e.g. tests)
            self._picture_at_close()
            data = self._closing_picture
        service.close()
        if database is not None and not os.environ.get(NO_SNAPSHOT_ENV):
            from ecg_desktop.ui.startup import discard_snapshot, save_snapshot

            if data is not None:
                save_snapshot(data, database)
            else:
                discard_snapshot(database)


def run(args: list[str]) -> int:
    """Start the app with the command-line arguments `args` (already known not to be a CLI command)."""
    options = parse_args(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ECG Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ECG Desktop")
    app.setDesktopFileName("ecg-desktop")
    settings = Settings()
    language = options.lang or settings.get("general/language") or system_language()
    i18n.set_language(language)
    starter = Starter(app, settings, options, i18n.current_language())
    snapshot = None
    if not os.environ.get(NO_SNAPSHOT_ENV):
        from ecg_desktop.ui.startup import snapshot_for_start

        snapshot = snapshot_for_start(starter.initial_location, starter.language, settings.get("window/last_balance"))
    if snapshot is None or not starter.start_from_snapshot(snapshot):
        set_app_icon(app)
        starter.start_plain()
    code = app.exec()
    starter.shutdown()
    settings.sync()
    return code
