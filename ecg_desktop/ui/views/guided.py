"""Guided mode: every theme in matrix order with progress and the theme page.

The gaps are listed once, in the main window's "What's missing" dock; while guided mode is the
current page the window sends the dock's jumps to ``GuidedView.jump``, so they stay here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.services.missing import NEGATIVE_CRITERIA_PAGE, MissingItem, done_themes, missing_items, pages
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.pages import register_page
from ecg_desktop.ui.views.theme_page import ThemePage


class GuidedView(Retranslatable, QWidget):
    """Next / previous through the themes; "12 of 20 themes done"; the theme page below."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages: list[str] = []
        self.position = 0
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.chooser = QComboBox()
        self.chooser.setMinimumContentsLength(28)
        self.chooser.activated.connect(self.go_to)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.page = ThemePage(ctx)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.chooser, 1)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.progress_label)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.progress)
        layout.addWidget(self.page, 1)
        ctx.sig_balance_changed.connect(self.refresh)
        ctx.sig_balance_opened.connect(self._reset)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        self.previous_button.setToolTip(self.tr("The theme before this one in the matrix"))
        self.next_button.setToolTip(self.tr("The next theme in the matrix"))
        self.refresh()

    # ---- navigation

    def _reset(self) -> None:
        self.position = 0
        self.pages = pages(self.ctx.matrix) if self.ctx.is_open else []
        if self.pages:
            self.page.show_theme(self.pages[0])

    def current(self) -> str | None:
        return self.pages[self.position] if self.pages else None

    def go_to(self, position: int) -> None:
        if not self.pages:
            return
        self.position = max(0, min(position, len(self.pages) - 1))
        self.page.show_theme(self.pages[self.position])
        self.refresh()

    def go_next(self) -> None:
        self.go_to(self.position + 1)

    def go_previous(self) -> None:
        self.go_to(self.position - 1)

    def jump(self, item: MissingItem) -> None:
        """Open the place of a gap inside guided mode."""
        if item.theme is None or item.theme not in self.pages:
            return
        self.go_to(self.pages.index(item.theme))
        self.page.show_aspect(item.code, item.field)

    def page_shown(self) -> None:
        if self.ctx.is_open and (not self.pages or self.page.code is None):
            self._reset()
            self.refresh()

    def show_code(self, code: str) -> None:
        if code in self.pages:
            self.go_to(self.pages.index(code))

    # ---- state

    def done(self) -> set[str]:
        if not self.ctx.is_open:
            return set()
        items = missing_items(self.ctx.balance, self.ctx.matrix, self.ctx.result)
        return done_themes(self.ctx.matrix, items)

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx.is_open and self.pages != pages(ctx.matrix):
            self._reset()
        done = self.done()
        total = len(self.pages)
        text = self.tr("%1 of %2 themes done").replace("%1", str(len(done))).replace("%2", str(total))
        self.progress_label.setText(text)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(len(done))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        if ctx.is_open:
            matrix = ctx.matrix
            for code in self.pages:
                if code == NEGATIVE_CRITERIA_PAGE:
                    name = self.tr("Negative criteria")
                else:
                    name = f"{code}  {matrix.theme(code).name.get(ctx.language)}"
                mark = "✓ " if code in done else "   "
                self.chooser.addItem(mark + name, code)
            self.chooser.setCurrentIndex(self.position)
        self.chooser.blockSignals(False)
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < total - 1)


register_page(
    "guided",
    title=lambda: QCoreApplication.translate("Pages", "Guided mode"),
    factory=GuidedView,
    order=15,
)
