"""The "What's missing" panel: gaps of the open balance (services.missing), each jumping to its place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QVBoxLayout, QWidget

from ecg_desktop.services.missing import KIND_NAMES, KINDS, MissingItem, missing_items
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.views_missing import ItemRole, MissingListModel
from ecg_desktop.ui.pages import register_page


class MissingPanel(Retranslatable, QWidget):
    """A filterable list of gaps. Activating an entry calls `jump_handler(item)`.

    The default handler asks the main window to open the aspect (or theme); guided mode
    replaces it so the jump stays inside guided mode.
    """

    sig_jump = Signal(object)
    """An entry was activated (the MissingItem)."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jump_handler: Callable[[MissingItem], None] = self._open_in_window
        self.model = MissingListModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        ctx.sig_balance_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = self.ctx.language
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("Everything missing"), "")
        for kind in KINDS:
            self.filter.addItem(KIND_NAMES[kind].get(lang), kind)
        self.filter.setCurrentIndex(max(self.filter.findData(current), 0))
        self.filter.blockSignals(False)
        self.filter.setToolTip(self.tr("Show only one kind of gap"))
        self.refresh()

    def items(self) -> list[MissingItem]:
        if not self.ctx.is_open:
            return []
        return missing_items(self.ctx.balance, self.ctx.matrix, self.ctx.result)

    def refresh(self) -> None:
        items = self.items()
        self.model.set_items(items)
        if not self.ctx.is_open:
            self.summary.setText(self.tr("No balance sheet is open."))
        elif not items:
            self.summary.setText(self.tr("Nothing is missing: every aspect has a level, reasoning and evidence."))
        else:
            counts = self.model.count_by_kind()
            lang = self.ctx.language
            parts = ", ".join(f"{KIND_NAMES[k].get(lang)}: {counts[k]}" for k in KINDS if k in counts)
            self.summary.setText(self.tr("%1 things missing (%2)").replace("%1", str(len(items))).replace("%2", parts))

    def _filter_changed(self, _index: int) -> None:
        self.model.set_kind_filter(self.filter.currentData() or None)

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if item is None:
            return
        self.sig_jump.emit(item)
        self.jump_handler(item)

    def _open_in_window(self, item: MissingItem) -> None:
        if item.theme is None:
            return  # a stakeholder row weight: edited on the company facts page
        if item.field in ("weight",):
            self.ctx.open_theme(item.theme)
        else:
            self.ctx.open_aspect(item.code)


register_page(
    "missing",
    title=lambda: QCoreApplication.translate("Pages", "What's missing"),
    factory=MissingPanel,
    order=90,
    kind="dock",
)
