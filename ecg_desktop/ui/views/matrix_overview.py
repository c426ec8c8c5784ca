"""The matrix overview: stakeholder rows x value columns; each cell a theme with points and level colour.

Clicking a cell (or pressing Enter on it) opens that theme. Registered as page "matrix".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.presentation import LEVEL_STYLES, format_number
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.matrix_grid import MatrixGridModel, PercentRole, ThemeCodeRole, ThemeNameRole
from ecg_desktop.ui.pages import register_page

Index = QModelIndex | QPersistentModelIndex


class ThemeCellDelegate(QStyledItemDelegate):
    """Paints a theme cell as a card: code in bold, the name wrapped, points / maximum at the bottom."""

    PADDING = 8

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        code = index.data(ThemeCodeRole)
        if code is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)
        fill = index.data(Qt.ItemDataRole.BackgroundRole) or QColor("#f4f4f4")
        text_colour = index.data(Qt.ItemDataRole.ForegroundRole) or QColor("#000000")
        painter.setBrush(fill)
        selected = bool(option.state & QStyle.StateFlag.State_HasFocus) or bool(
            option.state & QStyle.StateFlag.State_Selected
        )
        if selected:
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 3))
        else:
            painter.setPen(QPen(fill.darker(125), 1))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.setPen(text_colour)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        line = painter.fontMetrics().height()
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), Qt.AlignmentFlag.AlignLeft, code)
        points_text = str(index.data(Qt.ItemDataRole.DisplayRole)).rsplit("\n", 1)[-1]
        big = QFont(option.font)
        big.setBold(True)
        big.setPointSizeF(option.font.pointSizeF() * 1.15)
        painter.setFont(big)
        points_height = painter.fontMetrics().height()
        points_rect = QRect(inner.left(), inner.bottom() - points_height, inner.width(), points_height)
        painter.drawText(points_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, points_text)
        percent = index.data(PercentRole)
        if percent is not None:
            painter.setFont(option.font)
            percent_text = f"{format_number(percent, index.model().language, 0)} %"  # type: ignore[attr-defined]
            needed = painter.fontMetrics().horizontalAdvance(percent_text + "  ")
            painter.setFont(big)
            needed += painter.fontMetrics().horizontalAdvance(points_text)
            if needed <= inner.width():  # only when it fits beside the points
                painter.setFont(option.font)
                painter.drawText(points_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, percent_text)
        painter.setFont(option.font)
        available = points_rect.top() - inner.top() - line - 4
        name_line = painter.fontMetrics().lineSpacing()
        # Whole lines only: a line cut in half reads as a rendering fault.
        lines = max(available // name_line, 1)
        name_rect = QRect(inner.left(), inner.top() + line + 2, inner.width(), lines * name_line)
        # Long German compounds break inside the word rather than running out of the card.
        wrap = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        painter.setClipRect(name_rect)
        painter.drawText(QRectF(name_rect), index.data(ThemeNameRole), wrap)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: ARG002
        line = option.fontMetrics.height()
        return QSize(170, line * 5 + 2 * self.PADDING)


class MatrixTable(QTableView):
    """The grid; Enter or Space opens the current theme like a click does."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class MatrixOverview(Retranslatable, QWidget):
    """Page "matrix": the grid of the open balance, a total line and the colour legend."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MatrixGridModel(self)
        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = MatrixTable()
        self.table.setObjectName("matrixTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ThemeCellDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setMouseTracking(True)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        line = self.fontMetrics().height()
        # Group names wrap inside fixed headers, so long German names do not squeeze the cells.
        self.table.horizontalHeader().setFixedHeight(line * 3 + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.verticalHeader().setFixedWidth(self.fontMetrics().averageCharWidth() * 27)
        self.table.verticalHeader().setMinimumSectionSize(line * 5)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.negative_button = QPushButton()
        self.negative_button.clicked.connect(lambda: self.ctx.open_theme("N"))
        self.legend = QHBoxLayout()
        self.legend_labels: list[QLabel] = []
        self.legend_title = QLabel()
        self.legend.addWidget(self.legend_title)
        for style in LEVEL_STYLES:
            swatch = QLabel()
            swatch.setStyleSheet(
                f"background:{style.fill}; color:{style.text}; border:1px solid #999; border-radius:3px; padding:2px 6px;"
            )
            swatch.setProperty("level_key", style.key)
            self.legend_labels.append(swatch)
            self.legend.addWidget(swatch)
        self.legend.addStretch(1)
        self.legend.addWidget(self.negative_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.legend)
        ctx.sig_balance_changed.connect(self.reload)
        ctx.sig_language_changed.connect(lambda _lang: self.reload())
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.legend_title.setText(self.tr("Share of the maximum reached:"))
        for swatch, style in zip(self.legend_labels, LEVEL_STYLES, strict=True):
            swatch.setText(style.label.get(self.ctx.language))
        self.negative_button.setText(self.tr("Negative criteria…"))
        self.negative_button.setToolTip(self.tr("Matrix 4.1: the negative criteria N1 to N17 with their deductions"))
        self.table.setToolTip("")
        self.table.setAccessibleName(self.tr("Common Good Matrix"))
        self._update_texts()

    def reload(self) -> None:
        """Show the open balance (or an empty grid when none is open)."""
        if self.ctx.is_open:
            self.model.load(self.ctx.matrix, self.ctx.result, self.ctx.language)
        else:
            self.model.load(None, None, self.ctx.language)
        self.table.clearSpans()
        for row, span in self.model.spanned_rows().items():
            self.table.setSpan(row, 0, 1, span)
        self.negative_button.setVisible(self.ctx.is_open and bool(self.ctx.matrix.negative_criteria))
        self._update_texts()

    def _update_texts(self) -> None:
        if not self.ctx.is_open:
            self.heading.setText(self.tr("No balance sheet open"))
            self.summary.setText(
                self.tr("Choose a balance sheet on the left, or create one with Balance › New balance sheet.")
            )
            return
        matrix, result, lang = self.ctx.matrix, self.ctx.result, self.ctx.language
        self.heading.setText(self.tr("Common Good Matrix {version}").format(version=matrix.version))
        self.summary.setText(
            self.tr("Total: {total} of {maximum} points. Click a theme (or press Enter) to open it.").format(
                total=format_number(result.shown_total, lang), maximum=format_number(result.max_total, lang, 0)
            )
        )

    def _open(self, index: QModelIndex) -> None:
        code = index.data(ThemeCodeRole)
        if code:
            self.ctx.open_theme(code)

    def select_theme(self, code: str) -> None:
        """Put the keyboard focus on the cell of theme `code`."""
        index = self.model.index_of_theme(code)
        if index.isValid():
            self.table.setCurrentIndex(index)


register_page(
    "matrix",
    title=lambda: QCoreApplication.translate("Pages", "Matrix overview"),
    factory=MatrixOverview,
    order=10,
    needs_balance=False,
    shortcut="Ctrl+1",
)
