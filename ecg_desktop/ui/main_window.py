"""The main window: menus and shortcuts, the balance tree, registered pages, status bar, locked banner.

Wiring only: edits go through undo commands on the BalanceContext, long work through
ui.jobs.run_job, and views plug in through ui.pages.register_page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.presentation import format_number, format_percent, status_line
from ecg_desktop.ui.dialogs import confirm as dialogs
from ecg_desktop.ui.exchange_actions import ExchangeActions
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.icons import app_icon
from ecg_desktop.ui.jobs import run_job
from ecg_desktop.ui.models.balance_tree import BalanceTreeModel, IdRole, KindRole, period_text
from ecg_desktop.ui.pages import PageSpec, page_spec, page_specs

if TYPE_CHECKING:
    from ecg_desktop.services.missing import MissingItem
    from ecg_desktop.ui.context import BalanceContext
    from ecg_desktop.ui.settings import Settings

PageRole = Qt.ItemDataRole.UserRole + 1


class LockedBanner(Retranslatable, QFrame):
    """Shown above the pages while the open balance is locked: why, and a way to continue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedBanner")
        self.setStyleSheet(
            "#lockedBanner { background: #fff4d6; border: 1px solid #d9b44a; border-radius: 4px; }"
            "#lockedBanner QLabel { color: #4a3b00; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.status = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(
            self.tr("<b>Locked:</b> this balance sheet ({status}) can be read but not changed.").format(
                status=self.status
            )
        )
        self.button.setText(self.tr("Open &new revision"))
        self.button.setToolTip(self.tr("Start an editable copy as the next revision; the audited one stays as it is."))

    def set_status(self, status: str) -> None:
        self.status = status
        self.retranslate_ui()


class MainWindow(Retranslatable, QMainWindow):
    """One window over one BalanceContext."""

    def __init__(self, ctx: BalanceContext, settings: Settings, reopen_store: Callable[[str], None] | None = None):
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.reopen_store = reopen_store
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self.pages: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._current_page = "matrix"
        self._build_centre()
        self._build_navigation()
        self._build_actions()
        self.exchange = ExchangeActions(self)
        self._build_menus()
        self._build_status_bar()
        ctx.sig_balance_changed.connect(self._on_balance_changed)
        ctx.sig_balance_opened.connect(self._on_balance_opened)
        ctx.sig_store_changed.connect(self.reload_tree)
        ctx.sig_open_theme.connect(self.open_theme)
        ctx.sig_open_aspect.connect(self.open_aspect)
        # Bound methods, not lambdas: Qt drops these connections when the window goes, while the
        # context (and its undo stack) may live on and emit during shutdown.
        ctx.sig_refused.connect(self._show_refusal)
        ctx.sig_language_changed.connect(self._after_language_change)
        ctx.undo_stack.cleanChanged.connect(self._update_title)
        self.retranslate_ui()
        self._update_state()

    # ---- construction

    def _build_centre(self) -> None:
        self.banner = LockedBanner()
        self.banner.button.clicked.connect(self.open_new_revision)
        self.banner.hide()
        self.stack = QStackedWidget()
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(centre)

    def _build_navigation(self) -> None:
        self.tree_model = BalanceTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("balanceTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.activated.connect(self._tree_activated)
        self.tree.clicked.connect(self._tree_activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.currentItemChanged.connect(self._page_item_changed)
        self.tree_label = QLabel()
        self.pages_label = QLabel()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree_label)
        top_layout.addWidget(self.tree)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.pages_label)
        bottom_layout.addWidget(self.page_list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.nav_dock = QDockWidget()
        self.nav_dock.setObjectName("navigationDock")
        self.nav_dock.setWidget(splitter)
        self.nav_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.nav_dock.setMinimumWidth(260)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)

    def _action(self, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new_org = self._action(self.new_organisation, "Ctrl+Shift+N")
        self.act_new_balance = self._action(self.new_balance, QKeySequence(key.New))
        self.act_open_store = self._action(self.open_store_dialog, QKeySequence(key.Open))
        self.act_import = self._action(self.import_balance, "Ctrl+I")
        self.act_export = self._action(self.export_balance, "Ctrl+E")
        self.act_verify = self._action(self.verify_evidence, "Ctrl+Shift+V")
        self.act_import_portfolio = self._action(self.import_portfolio, "Ctrl+Shift+I")
        self.act_export_portfolio = self._action(self.export_portfolio, "Ctrl+Shift+E")
        self.act_settings = self._action(self.edit_settings, QKeySequence(key.Preferences) or "Ctrl+,")
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_quit = self._action(self.close, QKeySequence(key.Quit) or "Ctrl+Q")
        if self.act_quit.shortcut().isEmpty():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        stack = self.ctx.undo_stack
        self.act_undo = self._action(stack.undo, QKeySequence(key.Undo))
        self.act_redo = self._action(stack.redo, QKeySequence(key.Redo))
        self.act_redo.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Y")])
        # The signals carry the new state: the stack itself may already be going away at shutdown.
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(self._set_undo_text)
        stack.redoTextChanged.connect(self._set_redo_text)
        self.act_copy_next = self._action(self.copy_to_next_period, "Ctrl+Shift+C")
        self.act_submit = self._action(self.submit_for_review)
        self.act_new_revision = self._action(self.open_new_revision, "Ctrl+Shift+R")
        self.act_delete_balance = self._action(self.delete_balance)
        self.act_archive = self._action(self.archive_organisation)
        self.act_delete_org = self._action(self.delete_organisation)
        self.act_focus_tree = self._action(self.focus_tree, "Ctrl+0")
        self.act_show_archived = self._action(self.reload_tree)
        self.act_show_archived.setCheckable(True)
        self.act_show_archived.setChecked(bool(self.settings.get("window/show_archived")))
        self.act_about = self._action(self.about, QKeySequence(key.HelpContents) or "F1")
        self.act_about_qt = self._action(self._about_qt)
        self.language_group = QActionGroup(self)
        self.act_english = self._action(lambda: self.switch_language("en"))
        self.act_german = self._action(lambda: self.switch_language("de"))
        for action in (self.act_english, self.act_german):
            action.setCheckable(True)
            self.language_group.addAction(action)
        self.page_actions: dict[str, QAction] = {}

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new_org, self.act_new_balance])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_open_store)
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addSeparator()
        exchange = self.exchange
        self.menu_file.addActions([self.act_import, exchange.act_import_calculator])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_export, exchange.act_export_pdf, exchange.act_export_ecalc])
        self.menu_file.addAction(exchange.act_print)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_import_portfolio, self.act_export_portfolio, self.act_verify])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_settings, self.act_quit])
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_view = bar.addMenu("")
        self.menu_pages_anchor = self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_focus_tree)
        self.menu_view.addAction(self.act_show_archived)
        self.menu_language = self.menu_view.addMenu("")
        self.menu_language.addActions([self.act_english, self.act_german])
        self.menu_balance = bar.addMenu("")
        self.menu_balance.addActions([self.act_copy_next, self.act_submit, self.act_new_revision])
        self.menu_balance.addSeparator()
        self.menu_balance.addActions([self.act_delete_balance, self.act_archive, self.act_delete_org])
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.act_about, self.act_about_qt])

    def _build_status_bar(self) -> None:
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.tax_label = QLabel()
        self.tax_label.setObjectName("taxLabel")
        self.store_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.store_label, 1)
        bar.addPermanentWidget(self.total_label)
        bar.addPermanentWidget(self.tax_label)

    # ---- pages

    def install_pages(self) -> None:
        """Add every registered page to the navigation, the View menu and (for docks) the dock area."""
        self.page_list.blockSignals(True)
        self.page_list.clear()
        for action in self.page_actions.values():
            self.menu_view.removeAction(action)
        self.page_actions.clear()
        for spec in page_specs("page"):
            item = QListWidgetItem(spec.title())
            item.setData(PageRole, spec.name)
            self.page_list.addItem(item)
            action = self._action(lambda name=spec.name: self.show_page(name), spec.shortcut)
            action.setText(spec.title())
            self.menu_view.insertAction(self.menu_pages_anchor, action)
            self.page_actions[spec.name] = action
        self.page_list.blockSignals(False)
        for spec in page_specs("dock"):
            if spec.name not in self.docks:
                self._add_dock(spec)
        self._update_state()
        self.show_page(self._current_page if page_spec(self._current_page) else "matrix")

    def _add_dock(self, spec: PageSpec) -> None:
        dock = QDockWidget(spec.title(), self)
        dock.setObjectName(f"dock_{spec.name}")
        widget = spec.factory(self.ctx, dock)
        if hasattr(widget, "jump_handler"):
            widget.jump_handler = self.jump_to_missing  # type: ignore[attr-defined]
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.docks[spec.name] = dock
        toggle = dock.toggleViewAction()
        self.menu_view.insertAction(self.menu_pages_anchor, toggle)

    def page(self, name: str) -> QWidget:
        """The widget of page `name`, created on first use."""
        widget = self.pages.get(name)
        if widget is None:
            spec = page_spec(name)
            if spec is None:
                raise KeyError(f"no page named {name!r} is registered")
            widget = spec.factory(self.ctx, self.stack)
            widget.setObjectName(f"page_{name}")
            self.pages[name] = widget
            self.stack.addWidget(widget)
        return widget

    def show_page(self, name: str) -> QWidget | None:
        """Make page `name` current (refused while it needs a balance and none is open)."""
        spec = page_spec(name)
        if spec is None or (spec.needs_balance and not self.ctx.is_open):
            return None
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        self._current_page = name
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            if item.data(PageRole) == name and self.page_list.currentRow() != row:
                self.page_list.blockSignals(True)
                self.page_list.setCurrentRow(row)
                self.page_list.blockSignals(False)
        shown = getattr(widget, "page_shown", None)
        if callable(shown):
            shown()
        return widget

    def current_page(self) -> str:
        return self._current_page

    def _page_item_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_page(current.data(PageRole))

    def open_theme(self, code: str) -> None:
        """Show the theme page at theme `code` (ctx.sig_open_theme)."""
        self._show_code(code)

    def open_aspect(self, code: str) -> None:
        """Show the theme page at aspect `code` (ctx.sig_open_aspect)."""
        self._show_code(code)

    def _show_code(self, code: str) -> None:
        widget = self.show_page("theme")
        show_code = getattr(widget, "show_code", None)
        if callable(show_code):
            show_code(code)

    def jump_to_missing(self, item: MissingItem) -> None:
        """Open the place of a gap from the What's-missing dock.

        Guided mode stays current when it is; a stakeholder row's weight is shown on the company
        facts page (its weights table); everything else opens the theme page.
        """
        if item.theme is None:
            self.show_stakeholder_row(item.code)
        elif self._current_page == "guided" and callable(getattr(self.pages.get("guided"), "jump", None)):
            self.pages["guided"].jump(item)  # type: ignore[attr-defined]
        elif item.field == "weight":
            self.ctx.open_theme(item.theme)
        else:
            self.ctx.open_aspect(item.code)

    def show_stakeholder_row(self, code: str) -> None:
        """Show the company facts page with the weight of stakeholder row `code` selected."""
        facts = self.show_page("facts")
        table = getattr(facts, "weights_table", None)
        if table is None:
            return
        model = table.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole + 1) == code:
                table.selectRow(row)
                table.scrollTo(index)
                table.setFocus()
                return

    # ---- store and tree

    def reload_tree(self) -> None:
        """Re-read organisations and balances from the store, keeping the open balance selected."""
        self.settings.set("window/show_archived", self.act_show_archived.isChecked())
        if not self.ctx.has_service:
            self.tree_model.reload([], [])
            return
        service = self.ctx.service
        organisations = service.list_organisations(include_archived=self.act_show_archived.isChecked())
        self.tree_model.reload(organisations, service.list_balances())
        self.tree.expandAll()
        if self.ctx.balance_id is not None:
            index = self.tree_model.index_of_balance(self.ctx.balance_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self.store_label.setText(self.tr("Data: {location}").format(location=service.location))
        self._update_state()

    def _tree_activated(self, index: QModelIndex) -> None:
        if index.data(KindRole) == "balance":
            balance_id = index.data(IdRole)
            if balance_id != self.ctx.balance_id:
                self.open_balance(balance_id)

    def open_balance(self, balance_id: int) -> None:
        """Open a balance: it becomes the context's balance; the tree selects it."""
        self.ctx.open_balance(balance_id)
        self.settings.set("window/last_balance", balance_id)
        index = self.tree_model.index_of_balance(balance_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _selected_organisation_id(self) -> int | None:
        org = self.tree_model.organisation_at(self.tree.currentIndex())
        if org is not None:
            return org.id
        return self.ctx.info.organisation_id if self.ctx.is_open else None

    def _tree_menu(self, pos: object) -> None:
        menu = QMenu(self)
        index = self.tree.indexAt(pos)  # type: ignore[arg-type]
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu.addActions([self.act_new_org, self.act_new_balance])
        if index.isValid():
            menu.addSeparator()
            if index.data(KindRole) == "balance":
                menu.addActions([self.act_copy_next, self.act_delete_balance])
            menu.addActions([self.act_archive, self.act_delete_org])
        menu.exec(self.tree.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def focus_tree(self) -> None:
        self.nav_dock.show()
        self.tree.setFocus()

    # ---- organisation and balance actions

    def new_organisation(self) -> None:
        from ecg_desktop.ui.dialogs.organisation_dialog import OrganisationDialog

        organisation = OrganisationDialog.ask(self)
        if organisation is None:
            return
        if self._guard(lambda: self.ctx.service.create_organisation(organisation)) is not None:
            self.ctx.store_changed()

    def new_balance(self) -> None:
        from ecg_desktop.matrix import DEFAULT_VERSION
        from ecg_desktop.ui.dialogs.balance_dialog import BalanceDialog

        service = self.ctx.service
        organisations = [(o.id, o.name) for o in service.list_organisations()]
        if not organisations:
            dialogs.show_info(self, self.tr("New balance sheet"), self.tr("Create an organisation first."))
            return
        default_matrix = service.get_setting("default_matrix", DEFAULT_VERSION) or DEFAULT_VERSION
        choice = BalanceDialog.ask(self, organisations, self._selected_organisation_id(), default_matrix)
        if choice is None:
            return
        new_id = self._guard(
            lambda: service.create_balance(choice.organisation_id, choice.matrix, choice.type, choice.period)
        )
        if new_id is not None:
            self.ctx.store_changed()
            self.open_balance(new_id)

    def copy_to_next_period(self) -> None:
        if not self.ctx.is_open:
            return
        new_id = self._guard(lambda: self.ctx.service.copy_to_next_period(self.ctx.balance_id_required))
        if new_id is not None:
            self.ctx.store_changed()
            self.open_balance(new_id)

    def submit_for_review(self) -> None:
        if (
            self.ctx.is_open
            and self._guard(lambda: self.ctx.service.submit_for_review(self.ctx.balance_id_required)) is not False
        ):
            self.ctx.refresh()
            self.ctx.store_changed()

    def open_new_revision(self) -> None:
        """A locked balance stays as audited; work continues in an editable copy (revision n+1)."""
        if not self.ctx.is_open:
            return
        new_id = self._guard(lambda: self.ctx.service.new_revision(self.ctx.balance_id_required))
        if new_id is not None:
            self.ctx.store_changed()
            self.open_balance(new_id)

    def delete_balance(self) -> None:
        info = self.tree_model.balance_at(self.tree.currentIndex())
        if info is None and self.ctx.is_open:
            info = self.ctx.info
        if info is None:
            return
        text = self.tr("Delete the balance sheet {period} of {organisation}? This cannot be undone.").format(
            period=period_text(info, self.ctx.language), organisation=info.organisation_name
        )
        if not dialogs.confirm(self, self.tr("Delete balance sheet"), text, self.tr("&Delete")):
            return
        if self._guard(lambda: self.ctx.service.delete_balance(info.id)) is not False:
            from ecg_desktop.services.exporters import store_parity

            store_parity(self.ctx.service, info.id, None)
            if self.ctx.balance_id == info.id:
                self.ctx.close_balance()
            self.ctx.store_changed()

    def archive_organisation(self) -> None:
        org = self.tree_model.organisation_at(self.tree.currentIndex())
        if org is None:
            return
        if org.archived:
            archive = False
        else:
            text = self.tr(
                "Archive {organisation}? Its balance sheets are kept; archived organisations are hidden unless View › Show archived organisations is on."
            ).format(organisation=org.name)
            if not dialogs.confirm(self, self.tr("Archive organisation"), text, self.tr("&Archive"), destructive=False):
                return
            archive = True
        if self._guard(lambda: self.ctx.service.archive_organisation(org.id, archive)) is not False:
            self.ctx.store_changed()

    def delete_organisation(self) -> None:
        org = self.tree_model.organisation_at(self.tree.currentIndex())
        if org is None:
            return
        text = self.tr("Delete {organisation} with all {count} balance sheets? This cannot be undone.").format(
            organisation=org.name, count=org.balance_count
        )
        if not dialogs.confirm(self, self.tr("Delete organisation"), text, self.tr("&Delete")):
            return
        if self._guard(lambda: self.ctx.service.delete_organisation(org.id)) is not False:
            if self.ctx.is_open and self.ctx.info.organisation_id == org.id:
                self.ctx.close_balance()
            self.ctx.store_changed()

    def _guard(self, call: Callable[[], object]) -> object:
        """Run a store call; a refusal is shown and returns False."""
        from ecg_desktop.errors import ECGError

        try:
            result = call()
        except ECGError as error:
            dialogs.show_error(self, self.tr("Not possible"), self.ctx.error_text(error))
            return False
        return True if result is None else result

    # ---- long work: import, export, verification

    def import_balance(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import balance sheet"),
            "",
            self.tr("Balance sheet (*.json *.xlsx);;All files (*)"),
        )
        if path:
            self.run_import(Path(path))

    def run_import(self, path: Path) -> object:
        """Import a file by what it holds, off the UI thread.

        A balance workbook of this app goes through the workbook import (preview, problems, as
        new), a portfolio workbook through the portfolio import, any other workbook and a
        web-calculator JSON through the ECG calculator import (parity report first); a balance
        JSON is stored as a new balance at once.
        """
        from ecg_desktop.exchange.xlsx_common import workbook_kind

        kind = workbook_kind(path) if path.suffix.lower() != ".json" else None
        if kind == "balance":
            return self.exchange.run_import_workbook(path)
        if kind == "portfolio":
            return self.run_import_portfolio(path)
        return self.exchange.run_import_any(path)

    def export_formats(self) -> dict[str, str]:
        """File suffix -> exporter name, for the formats registered with the service."""
        from ecg_desktop.services.exporters import available_formats

        known = set(available_formats())
        wanted = {
            ".json": "json",
            ".xlsx": "xlsx-de" if self.ctx.language == "de" and "xlsx-de" in known else "xlsx",
            ".pdf": "pdf-de" if self.ctx.language == "de" and "pdf-de" in known else "pdf",
        }
        return {suffix: fmt for suffix, fmt in wanted.items() if fmt in known}

    def export_balance(self) -> None:
        if not self.ctx.is_open:
            return
        formats = self.export_formats()
        names = {
            ".json": self.tr("Balance sheet (*.json)"),
            ".xlsx": self.tr("Workbook (*.xlsx)"),
            ".pdf": self.tr("PDF report (*.pdf)"),
        }
        filters = ";;".join(names[suffix] for suffix in formats)
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export balance sheet"), "balance.json", filters)
        if path:
            target = Path(path)
            if target.suffix.lower() not in formats:
                suffix = next((s for s, text in names.items() if text == chosen), ".json")
                target = target.with_suffix(suffix)
            self.run_export(target)

    def run_export(self, path: Path) -> None:
        """Write the open balance in the format its suffix names (JSON, workbook, PDF), off the UI thread."""
        service = self.ctx.service
        balance_id = self.ctx.balance_id_required
        fmt = self.export_formats().get(path.suffix.lower(), "json")

        def work(_progress: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> list:
            return service.export(balance_id, fmt, path)

        def done(problems: list) -> None:
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
            if problems:
                lines = "\n".join(f"{c.name}: {c.status}" for c in problems)
                dialogs.show_error(
                    self, self.tr("Evidence check"), self.tr("Problems found:\n{lines}").format(lines=lines)
                )

        run_job(self, work, done, self._job_failed, self.tr("Exporting…"))

    def import_portfolio(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import portfolio"), "", self.tr("Workbook (*.xlsx)"))
        if path:
            self.run_import_portfolio(Path(path))

    def run_import_portfolio(self, path: Path, as_new: bool = False) -> object:
        """Create or update every balance of a portfolio workbook in one transaction, off the UI thread.

        With `as_new` every balance is created anew (a workbook from another database).
        """
        service = self.ctx.service

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list:
            from ecg_desktop.exchange.portfolio import import_portfolio
            from ecg_desktop.ui.jobs import JobCancelled

            def step(done: int, total: int) -> None:
                if cancelled():
                    raise JobCancelled  # nothing is stored: reading comes before the one transaction
                progress(done, total, "")

            return import_portfolio(service, path, as_new=as_new, file=path.name, progress=step)

        def done(ids: list) -> None:
            self.ctx.store_changed()
            if self.ctx.is_open:
                self.ctx.refresh()
            self.statusBar().showMessage(self.tr("Balance sheets imported: {count}").format(count=len(ids)), 5000)

        return run_job(self, work, done, self._job_failed, self.tr("Importing {name}…").format(name=path.name))

    def export_portfolio(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export portfolio"), "portfolio.xlsx", self.tr("Workbook (*.xlsx);;CSV (*.csv)")
        )
        if path:
            self.run_export_portfolio(Path(path))

    def run_export_portfolio(self, path: Path) -> object:
        """Every organisation and balance in one table, off the UI thread."""
        service = self.ctx.service
        lang = self.ctx.language

        def work(progress: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> Path:
            from ecg_desktop.exchange.portfolio import collect_portfolio, write_portfolio

            entries = collect_portfolio(service, lambda done, total: progress(done, total, ""))
            write_portfolio(entries, path, lang=lang)
            return path

        return run_job(
            self,
            work,
            lambda out: self.statusBar().showMessage(self.tr("Saved {path}").format(path=out), 5000),
            self._job_failed,
            self.tr("Exporting…"),
        )

    def verify_evidence(self) -> None:
        """Re-hash the evidence of the open balance (or of the whole vault) with progress and cancel."""
        service = self.ctx.service
        balance_id = self.ctx.balance_id

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list:
            from ecg_desktop.ui.jobs import JobCancelled

            def step(done: int, total: int) -> None:
                if cancelled():
                    raise JobCancelled
                progress(done, total, "")

            return service.verify_evidence(balance_id, step)

        def done(checks: list) -> None:
            bad = [c for c in checks if c.status != "ok"]
            if bad:
                lines = "\n".join(f"{c.name}: {c.status}" for c in bad)
                dialogs.show_error(
                    self, self.tr("Evidence check"), self.tr("Problems found:\n{lines}").format(lines=lines)
                )
            else:
                dialogs.show_info(
                    self,
                    self.tr("Evidence check"),
                    self.tr("All {count} files are unchanged.").format(count=len(checks)),
                )

        run_job(self, work, done, self._job_failed, self.tr("Checking evidence files…"))

    def _job_failed(self, error: BaseException) -> None:
        dialogs.show_error(self, self.tr("Not possible"), self.ctx.error_text(error))

    # ---- settings, language, recent stores

    def switch_language(self, lang: str) -> None:
        self.ctx.set_language(lang)
        self.settings.set("general/language", self.ctx.language)

    def edit_settings(self) -> None:
        from ecg_desktop.matrix import DEFAULT_VERSION
        from ecg_desktop.ui.dialogs.settings_dialog import SettingsDialog, SettingsValues

        service = self.ctx.service if self.ctx.has_service else None
        current = SettingsValues(
            language=self.ctx.language,
            user_name=self.settings.get("general/user_name") or (service.user if service else ""),
            data_dir=self.settings.get("store/data_dir"),
            database_url=self.settings.get("store/database_url"),
            default_matrix=(service.get_setting("default_matrix", DEFAULT_VERSION) if service else None)
            or DEFAULT_VERSION,
        )
        values = SettingsDialog.ask(self, current)
        if values is not None:
            self.apply_settings(current, values)

    def apply_settings(self, old: object, values: object) -> None:
        """Store new settings; switch language at once; reopen the store if its location changed."""
        from ecg_desktop.ui.dialogs.settings_dialog import SettingsValues

        assert isinstance(old, SettingsValues) and isinstance(values, SettingsValues)
        if values.language != self.ctx.language:
            self.switch_language(values.language)
        self.settings.set("general/user_name", values.user_name)
        if self.ctx.has_service:
            if values.user_name:
                self.ctx.service.user = values.user_name
            if values.default_matrix != old.default_matrix:
                self.ctx.service.set_setting("default_matrix", values.default_matrix)
        if (values.data_dir, values.database_url) != (old.data_dir, old.database_url):
            self.settings.set("store/data_dir", values.data_dir)
            self.settings.set("store/database_url", values.database_url)
            if self.reopen_store is not None:
                self.reopen_store(values.database_url or values.data_dir)

    def open_store_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open data folder"))
        if folder and self.reopen_store is not None:
            self.reopen_store(folder)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        entries = self.settings.recent()
        for entry in entries:
            action = self.menu_recent.addAction(entry)
            action.triggered.connect(lambda _checked=False, e=entry: self.reopen_store and self.reopen_store(e))
        if not entries:
            empty = self.menu_recent.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    def about(self) -> None:
        from ecg_desktop.ui.dialogs.about_dialog import AboutDialog

        AboutDialog.ask(self)

    def _about_qt(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.aboutQt()

    # ---- state

    def _on_balance_opened(self) -> None:
        spec = page_spec(self._current_page)
        if not self.ctx.is_open and (spec is None or spec.needs_balance):
            self.show_page("matrix")
        self._update_state()

    def _update_undo_actions(self) -> None:
        """'Undo Set level of A1.1 to 4' in the Edit menu, in the current language."""
        stack = self.ctx.undo_stack
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        self._set_undo_text(stack.undoText())
        self._set_redo_text(stack.redoText())

    def _set_undo_text(self, action: str) -> None:
        self.act_undo.setText(self.tr("&Undo {action}").format(action=action) if action else self.tr("&Undo"))

    def _set_redo_text(self, action: str) -> None:
        self.act_redo.setText(self.tr("&Redo {action}").format(action=action) if action else self.tr("&Redo"))

    def _on_balance_changed(self) -> None:
        self._update_state()

    def _update_state(self) -> None:
        is_open = self.ctx.is_open
        locked = self.ctx.locked
        has_service = self.ctx.has_service
        for action in (
            self.act_new_org,
            self.act_new_balance,
            self.act_import,
            self.act_import_portfolio,
            self.act_export_portfolio,
            self.act_verify,
            self.act_settings,
        ):
            action.setEnabled(has_service or action is self.act_settings)
        for action in (self.act_export, self.act_copy_next, self.act_delete_balance):
            action.setEnabled(is_open)
        self.act_submit.setEnabled(is_open and not locked and self.ctx.info.status == "draft")
        self.act_new_revision.setEnabled(is_open and locked)
        self.act_delete_balance.setEnabled(is_open and not locked)
        self.exchange.update_state()
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            spec = page_spec(item.data(PageRole))
            enabled = is_open or (spec is not None and not spec.needs_balance)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)
        for name, action in self.page_actions.items():
            spec = page_spec(name)
            action.setEnabled(is_open or (spec is not None and not spec.needs_balance))
        if is_open and locked:
            self.banner.set_status(status_line(self.ctx.balance.audit, self.ctx.language))
        self.banner.setVisible(is_open and locked)
        self._update_status_bar()
        self._update_title()

    def _update_status_bar(self) -> None:
        if not self.ctx.is_open:
            self.total_label.setText("")
            self.tax_label.setText("")
            return
        lang = self.ctx.language
        result = self.ctx.result
        self.total_label.setText(
            self.tr("Total: {total} of {maximum} points").format(
                total=format_number(result.shown_total, lang), maximum=format_number(result.max_total, lang, 0)
            )
        )
        tax = self.ctx.tax
        self.tax_label.setText(
            self.tr("Illustrative tax rate: {rate}").format(
                rate=format_percent(tax.rate, lang, 1 if tax.rate % 1 else 0)
            )
        )
        self.tax_label.setToolTip(self.ctx.text(_illustrative()))

    def _update_title(self, _clean: bool = False) -> None:
        app = self.tr("ECG Desktop")
        if not self.ctx.is_open:
            self.setWindowTitle(app)
            return
        info = self.ctx.info
        title = f"{info.organisation_name} – {period_text(info, self.ctx.language)} – {app}"
        if info.locked:
            title = self.tr("{title} (locked)").format(title=title)
        self.setWindowTitle(title)

    def _show_refusal(self, title: str, text: str) -> None:
        dialogs.show_error(self, title, text)

    def _after_language_change(self, _lang: str = "") -> None:
        self.tree_model.set_language(self.ctx.language)
        self._update_undo_actions()
        self._update_state()

    def retranslate_ui(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_balance.setTitle(self.tr("&Balance"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_recent.setTitle(self.tr("&Recent databases"))
        self.menu_language.setTitle(self.tr("&Language"))
        texts = {
            self.act_new_org: self.tr("New &organisation…"),
            self.act_new_balance: self.tr("&New balance sheet…"),
            self.act_open_store: self.tr("&Open data folder…"),
            self.act_import: self.tr("&Import balance sheet…"),
            self.act_export: self.tr("&Export balance sheet…"),
            self.act_import_portfolio: self.tr("Import &portfolio workbook…"),
            self.act_export_portfolio: self.tr("Export p&ortfolio…"),
            self.act_verify: self.tr("&Verify evidence files"),
            self.act_settings: self.tr("&Settings…"),
            self.act_quit: self.tr("&Quit"),
            self.act_copy_next: self.tr("&Copy into next period"),
            self.act_submit: self.tr("&Submit for review"),
            self.act_new_revision: self.tr("Open new &revision"),
            self.act_delete_balance: self.tr("&Delete balance sheet…"),
            self.act_archive: self.tr("&Archive or restore organisation…"),
            self.act_delete_org: self.tr("Delete &organisation…"),
            self.act_focus_tree: self.tr("Go to &balance list"),
            self.act_show_archived: self.tr("Show &archived organisations"),
            self.act_about: self.tr("&About ECG Desktop"),
            self.act_about_qt: self.tr("About &Qt"),
            self.act_english: "English",
            self.act_german: "Deutsch",
        }
        for action, text in texts.items():
            action.setText(text)
        self.exchange.retranslate_ui()
        self._update_undo_actions()
        self.act_english.setChecked(self.ctx.language == "en")
        self.act_german.setChecked(self.ctx.language == "de")
        self.nav_dock.setWindowTitle(self.tr("Navigation"))
        self.tree_label.setText(self.tr("Organisations and balance sheets"))
        self.pages_label.setText(self.tr("Pages"))
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            spec = page_spec(item.data(PageRole))
            if spec is not None:
                item.setText(spec.title())
        for name, action in self.page_actions.items():
            spec = page_spec(name)
            if spec is not None:
                action.setText(spec.title())
        for name, dock in self.docks.items():
            spec = page_spec(name)
            if spec is not None:
                dock.setWindowTitle(spec.title())
        if self.ctx.has_service:
            self.store_label.setText(self.tr("Data: {location}").format(location=self.ctx.service.location))
        self._update_state()

    # ---- window state

    def restore_state(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("window/last_page", self._current_page)
        self.settings.sync()
        super().closeEvent(event)


def _illustrative() -> object:
    from ecg_desktop.scoring.tax import ILLUSTRATIVE

    return ILLUSTRATIVE


def later(fn: Callable[[], None]) -> None:
    """Run `fn` once the event loop is idle (after the first paint)."""
    QTimer.singleShot(0, fn)
