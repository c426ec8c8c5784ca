"""The auditor view: self-assessment and auditor level side by side, comments, recording the audit and locking.

A locked balance shows a banner with an action to open a new revision; nothing here edits it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.errors import ECGError
from ecg_desktop.presentation import format_points, status_line
from ecg_desktop.ui.commands import SetAuditorCommentCommand, SetAuditorRatingCommand
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.dialogs.audit_dialog import AuditDialog
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.views_audit import COL_COMMENT, AuditTableModel
from ecg_desktop.ui.pages import register_page
from ecg_desktop.ui.views.theme_page import CommitTextEdit, wrap_label


class LockedBanner(Retranslatable, QFrame):
    """ "This balance sheet is audited and locked" with a button that opens a new revision."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockedBanner")
        self.setStyleSheet("#lockedBanner { background: #fff1d6; border: 1px solid #d9a441; border-radius: 3px; }")
        self.text = wrap_label()
        self.button = QPushButton()
        self.button.clicked.connect(self.open_new_revision)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(
            self.tr("🔒 This balance sheet is audited and locked: it is read-only. To change it, open a new revision.")
        )
        self.button.setText(self.tr("Open a new revision"))

    def refresh(self) -> None:
        self.setVisible(self.ctx.is_open and self.ctx.locked)

    def open_new_revision(self) -> int | None:
        """Copy the locked balance as a new draft revision and open it."""
        try:
            new_id = self.ctx.service.new_revision(self.ctx.balance_id_required)
        except ECGError as error:
            self.ctx.report_refusal(error)
            return None
        self.ctx.open_balance(new_id)
        self.ctx.store_changed()
        return new_id


class AuditorView(Retranslatable, QWidget):
    """Per aspect: self-assessment, auditor level (editable), difference and comment; record the audit."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = LockedBanner(ctx)
        self.status = QLabel()
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.status.setWordWrap(True)
        self.totals = wrap_label()
        self.model = AuditTableModel(self._edit, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COMMENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_COMMENT, 220)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.comment_label = QLabel()
        self.comment = CommitTextEdit(lines=3)
        self.comment.sig_commit.connect(self._comment_committed)
        self.comment_code: str | None = None
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record_audit)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.comment_label)
        detail_layout.addWidget(self.comment)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.totals, 1)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        ctx.sig_balance_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.record_button.setText(self.tr("Record audit and lock…"))
        self.record_button.setToolTip(self.tr("Store who audited the balance sheet and when; it becomes read-only"))
        self.table.setToolTip(self.tr("Double-click the auditor column to enter the auditor's level"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMNS - 1)
        self.refresh()

    # ---- state

    def refresh(self) -> None:
        ctx = self.ctx
        self.banner.refresh()
        if not ctx.is_open:
            self.status.setText(self.tr("No balance sheet is open."))
            self.totals.clear()
            self.record_button.setEnabled(False)
            return
        lang = ctx.language
        balance, locked = ctx.balance, ctx.locked
        self.model.set_balance(ctx.matrix, balance, locked)
        self.status.setText(status_line(balance.audit, lang))
        text = self.tr("Self-assessment: %1 points · with the auditor's levels: %2 points")
        text = text.replace("%1", format_points(ctx.result.total, lang))
        self.totals.setText(text.replace("%2", format_points(ctx.auditor_result.total, lang)))
        self.record_button.setEnabled(not locked)
        self.comment.setReadOnly(locked or self.comment_code is None)
        self._show_comment()

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.comment.flush()
        rows = self.table.selectionModel().selectedRows()
        self.comment_code = self.model.code(rows[0].row()) if rows else None
        self.comment.setReadOnly(self.ctx.locked or self.comment_code is None)
        self._show_comment()

    def _show_comment(self) -> None:
        code = self.comment_code
        if code is None:
            self.comment_label.setText(self.tr("Select an aspect to comment on it."))
            self.comment.set_stored_text("")
            return
        self.comment_label.setText(self.tr("Auditor's comment on %1").replace("%1", code))
        self.comment.set_stored_text(self.ctx.balance.auditor_comments.get(code, ""))

    # ---- edits

    def _edit(self, code: str, field: str, value: object) -> None:
        if field == "level":
            if value != self.ctx.balance.auditor_ratings.get(code):
                self.ctx.push(SetAuditorRatingCommand(self.ctx, code, value))  # type: ignore[arg-type]
        elif value != self.ctx.balance.auditor_comments.get(code, ""):
            self.ctx.push(SetAuditorCommentCommand(self.ctx, code, str(value)))

    def _comment_committed(self, text: str) -> None:
        if self.comment_code is not None:
            self._edit(self.comment_code, "comment", text)

    def record_audit(self) -> bool:
        """Ask for kind, auditor and date, record the audit and lock the balance."""
        answer = AuditDialog.ask(self, self.ctx.service.user)
        if answer is None:
            return False
        kind, auditor, day = answer
        self.comment.flush()
        service, balance_id = self.ctx.service, self.ctx.balance_id_required
        try:
            if self.ctx.info.status == "draft":
                service.submit_for_review(balance_id)  # an audit follows a review: draft -> in review -> audited
            service.record_audit(balance_id, kind, auditor, day)
        except ECGError as error:
            self.ctx.refresh()
            self.ctx.report_refusal(error)
            return False
        # Edits before the lock can no longer be undone: the store refuses every change now.
        self.ctx.undo_stack.clear()
        self.ctx.refresh()
        self.ctx.store_changed()
        return True


register_page(
    "auditor",
    title=lambda: QCoreApplication.translate("Pages", "Auditor view"),
    factory=AuditorView,
    order=60,
)
