"""The open balance as the UI sees it: service, balance id, undo stack, cached domain objects, signals.

One BalanceContext exists per main window. Views read the cached objects (``balance``,
``result``, ``matrix``, ``info``) and never call the service for edits themselves: they build an
undo command (ui/commands.py) and ``push`` it. After every edit, undo or redo the context
reloads the balance, re-scores it and emits ``sig_balance_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ecg_desktop.matrix.model import Text

if TYPE_CHECKING:
    from ecg_desktop.balance.model import Balance
    from ecg_desktop.matrix.model import Matrix
    from ecg_desktop.scoring.result import ScoreResult
    from ecg_desktop.scoring.tax import TaxResult, TaxSchedule
    from ecg_desktop.services.balance_service import BalanceInfo, BalanceService

# Signature of an edit: (service, balance_id, expected_version) -> new version (or None).
EditFn = Callable[["BalanceService", int, int | None], Any]


class BalanceContext(QObject):
    """Shared state of one window: the service, the open balance and its undo history.

    Attributes:
        undo_stack: every edit of the open balance; cleared when another balance opens.
        language: "en" or "de"; domain texts (matrix names, explanations) use it.
    """

    sig_balance_changed = Signal()
    """The open balance changed (an edit, undo, redo or reload): re-read the cached objects."""
    sig_balance_opened = Signal()
    """Another balance was opened, or the balance was closed (balance_id is None)."""
    sig_language_changed = Signal(str)
    """The UI language changed to "en" or "de" (Qt has sent LanguageChange already)."""
    sig_open_theme = Signal(str)
    """Navigate to a theme page (theme code, e.g. "A1"; "N" = 4.1 negative criteria)."""
    sig_open_aspect = Signal(str)
    """Navigate to an aspect (aspect code, e.g. "A1.1"); the theme page scrolls to it."""
    sig_refused = Signal(str, str)
    """An edit was refused: (title, message), both translated; the main window shows them."""
    sig_store_changed = Signal()
    """Organisations or balances were created, copied, archived or deleted (lists must reload)."""
    sig_service_changed = Signal()
    """Another database was opened (or the first one, after start-up)."""

    def __init__(self, service: BalanceService | None = None, language: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.language = language
        self._service = service
        self._balance_id: int | None = None
        self._balance: Balance | None = None
        self._info: BalanceInfo | None = None
        self._result: ScoreResult | None = None
        self._auditor_result: ScoreResult | None = None
        self._schedule: TaxSchedule | None = None

    # ---- service

    @property
    def service(self) -> BalanceService:
        """The open store. Raises RuntimeError before the app has opened one."""
        if self._service is None:
            raise RuntimeError("no database is open yet")
        return self._service

    @property
    def has_service(self) -> bool:
        return self._service is not None

    def set_service(self, service: BalanceService | None) -> None:
        """Switch to another store: closes the open balance, clears the undo history."""
        self.close_balance()
        self._service = service
        self.sig_service_changed.emit()
        self.sig_store_changed.emit()

    # ---- the open balance

    @property
    def balance_id(self) -> int | None:
        return self._balance_id

    @property
    def is_open(self) -> bool:
        return self._balance_id is not None and self._balance is not None

    @property
    def balance(self) -> Balance:
        """The open balance as stored (after the last edit)."""
        if self._balance is None:
            raise RuntimeError("no balance is open")
        return self._balance

    @property
    def info(self) -> BalanceInfo:
        """List data of the open balance: organisation name, status, locked, version."""
        if self._info is None:
            raise RuntimeError("no balance is open")
        return self._info

    @property
    def matrix(self) -> Matrix:
        """The matrix of the open balance."""
        from ecg_desktop.matrix import load_matrix

        return load_matrix(self.balance.matrix)

    @property
    def result(self) -> ScoreResult:
        """The self-assessment score of the open balance."""
        if self._result is None:
            raise RuntimeError("no balance is open")
        return self._result

    @property
    def auditor_result(self) -> ScoreResult:
        """The score with the auditor's levels where set (computed on first use after each change)."""
        if self._auditor_result is None:
            from ecg_desktop.scoring import score

            self._auditor_result = score(self.balance, basis="auditor")
        return self._auditor_result

    @property
    def tax_schedule(self) -> TaxSchedule:
        """The tax schedule of the open balance (the default unless one was set)."""
        if self._schedule is None:
            self._schedule = self.service.get_tax_schedule(self.balance_id_required)
        return self._schedule

    @property
    def tax(self) -> TaxResult:
        """The illustrative tax rate for the self-assessed total."""
        from ecg_desktop.scoring.tax import tax_rate

        return tax_rate(self.result.total, self.tax_schedule)

    @property
    def locked(self) -> bool:
        """True when the open balance is audited and locked: the UI must not offer edits."""
        return self._info is not None and self._info.locked

    @property
    def version(self) -> int | None:
        """The optimistic-locking counter of the open balance (None when nothing is open)."""
        return None if self._info is None else self._info.version

    @property
    def balance_id_required(self) -> int:
        if self._balance_id is None:
            raise RuntimeError("no balance is open")
        return self._balance_id

    def open_balance(self, balance_id: int) -> None:
        """Load and score a balance, clear the undo history, emit sig_balance_opened and sig_balance_changed."""
        self.undo_stack.clear()
        self._balance_id = balance_id
        self._load()
        self.sig_balance_opened.emit()
        self.sig_balance_changed.emit()

    def close_balance(self) -> None:
        """Forget the open balance (e.g. after it was deleted)."""
        if self._balance_id is None and self._balance is None:
            return
        self.undo_stack.clear()
        self._balance_id = None
        self._balance = self._info = self._result = self._auditor_result = None
        self._schedule = None
        self.sig_balance_opened.emit()
        self.sig_balance_changed.emit()

    def refresh(self) -> None:
        """Reload the open balance from the store and emit sig_balance_changed."""
        if self._balance_id is None:
            return
        self._load()
        self.sig_balance_changed.emit()

    def _load(self) -> None:
        from ecg_desktop.scoring import score

        service = self.service
        balance_id = self.balance_id_required
        self._balance = service.get_balance(balance_id)
        self._info = service.balance_info(balance_id)
        self._result = score(self._balance)
        self._auditor_result = None
        self._schedule = None

    # ---- edits

    def push(self, command: QUndoCommand) -> None:
        """Do an edit and record it for undo (a refused edit leaves no entry on the stack)."""
        self.undo_stack.push(command)

    def apply(self, edit: EditFn) -> Any:
        """Run one service call against the open balance, then reload and emit sig_balance_changed.

        Used by undo commands. Service errors propagate unchanged; the caller reports them.
        On a concurrent edit the context reloads the stored state first, so the views show it.
        """
        from ecg_desktop.services.balance_service import ConcurrentEditError

        try:
            value = edit(self.service, self.balance_id_required, self.version)
        except ConcurrentEditError:
            self.refresh()
            raise
        self.refresh()
        return value

    def report_refusal(self, error: BaseException) -> None:
        """Tell the user why an edit was refused (emits sig_refused with translated texts)."""
        self.sig_refused.emit(QCoreApplication.translate("BalanceContext", "Change not saved"), self.error_text(error))

    def error_text(self, error: BaseException) -> str:
        """A refused call as a sentence in the UI language."""
        text_fn = getattr(error, "text", None)
        if callable(text_fn):
            return str(text_fn(self.language))
        return str(error)

    def store_changed(self) -> None:
        """Call after creating, copying, archiving or deleting organisations or balances."""
        self.sig_store_changed.emit()

    # ---- language and navigation

    def set_language(self, lang: str) -> None:
        """Switch the UI language at run time (installs translators) and emit sig_language_changed."""
        from ecg_desktop.ui import i18n

        if not i18n.set_language(lang):
            lang = "en"
        self.language = lang
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            retranslate = getattr(command, "retranslate", None)
            if callable(retranslate):
                retranslate()
        self.sig_language_changed.emit(lang)

    def text(self, text: Text) -> str:
        """A bilingual domain text in the UI language."""
        return text.get(self.language)

    def open_theme(self, code: str) -> None:
        """Ask the main window to show the page of theme `code`."""
        self.sig_open_theme.emit(code)

    def open_aspect(self, code: str) -> None:
        """Ask the main window to show the theme page scrolled to aspect `code`."""
        self.sig_open_aspect.emit(code)
