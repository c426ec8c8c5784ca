"""Results: the matrix heatmap, points by stakeholder and by value, and the comparison with the previous balance."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.matrix.model import Matrix
from ecg_desktop.presentation import LEVEL_STYLES, format_period, format_points
from ecg_desktop.scoring import score
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.views_results import ComparisonModel, HeatmapModel, ThemeCodeRole
from ecg_desktop.ui.pages import register_page
from ecg_desktop.ui.views.theme_page import wrap_label

ZERO = Decimal(0)


def points_by_stakeholder(matrix: Matrix, result: ScoreResult) -> dict[str, tuple[Decimal, Decimal]]:
    """(points, maximum) per stakeholder row."""
    sums = {g.code: (ZERO, ZERO) for g in matrix.stakeholders}
    for theme in matrix.themes:
        scored = result.themes[theme.code]
        points, maximum = sums[theme.stakeholder]
        sums[theme.stakeholder] = (points + scored.points, maximum + scored.max_points)
    return sums


def points_by_value(matrix: Matrix, result: ScoreResult) -> dict[str, tuple[Decimal, Decimal]]:
    """(points, maximum) per value column; a theme spanning every column (4.1 A1, B1) counts in equal
    parts, and 4.1 negative criteria count in their column."""
    sums = {g.code: (ZERO, ZERO) for g in matrix.values}
    for theme in matrix.themes:
        scored = result.themes[theme.code]
        share = Decimal(len(theme.value_columns))
        for column in theme.value_columns:
            points, maximum = sums[column]
            sums[column] = (points + scored.points / share, maximum + scored.max_points / share)
    for criterion in matrix.negative_criteria:
        scored_criterion = result.aspects.get(criterion.code)
        if scored_criterion is not None:
            points, maximum = sums[criterion.value]
            sums[criterion.value] = (points + scored_criterion.points, maximum)
    return sums


class ResultsView(Retranslatable, QWidget):
    """The scored balance at a glance; double-clicking a theme opens its page."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.total = QLabel()
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total.setFont(font)
        self.basis = QComboBox()
        self.basis.currentIndexChanged.connect(lambda _i: self.refresh())
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.heatmap = HeatmapModel(self)
        self.heatmap_view = QTableView()
        self.heatmap_view.setModel(self.heatmap)
        self.heatmap_view.setWordWrap(True)
        self.heatmap_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heatmap_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heatmap_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heatmap_view.horizontalHeader().setMinimumSectionSize(60)
        self.heatmap_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        )
        self.heatmap_view.horizontalHeader().setFixedHeight(64)
        self.heatmap_view.setMinimumHeight(330)
        self.heatmap_view.doubleClicked.connect(self._open_theme)
        self.stakeholder_chart = QChart()
        self.value_chart = QChart()
        charts = QVBoxLayout()
        for chart in (self.stakeholder_chart, self.value_chart):
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(260, 200)
            charts.addWidget(view)
        self.comparison_title = QLabel()
        bold = self.comparison_title.font()
        bold.setBold(True)
        self.comparison_title.setFont(bold)
        self.previous_label = wrap_label(style="color: #555555;")
        self.comparison = ComparisonModel(self)
        self.comparison_view = QTableView()
        self.comparison_view.setModel(self.comparison)
        self.comparison_view.verticalHeader().setVisible(False)
        self.comparison_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.comparison_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.comparison_view.doubleClicked.connect(self._open_theme)
        top = QHBoxLayout()
        top.addWidget(self.total, 1)
        top.addWidget(self.basis)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heatmap_view, 1)
        left_layout.addWidget(self.legend)
        right = QWidget()
        right.setLayout(charts)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(left)
        upper.addWidget(right)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.comparison_title)
        lower_layout.addWidget(self.previous_label)
        lower_layout.addWidget(self.comparison_view)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(upper)
        vertical.addWidget(lower)
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(vertical, 1)
        self._previous_cache: tuple[int | None, ScoreResult | None, str] | None = None
        ctx.sig_balance_changed.connect(self.refresh)
        ctx.sig_balance_opened.connect(self._forget_previous)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        current = self.basis.currentIndex()
        self.basis.blockSignals(True)
        self.basis.clear()
        self.basis.addItem(self.tr("Self-assessment"), "self")
        self.basis.addItem(self.tr("With the auditor's levels"), "auditor")
        self.basis.setCurrentIndex(max(current, 0))
        self.basis.blockSignals(False)
        self.comparison_title.setText(self.tr("Comparison with the previous balance sheet"))
        self.heatmap_view.setToolTip(self.tr("Double-click a theme to open it"))
        lang = self.ctx.language
        swatches = " ".join(
            f"<span style='background:{s.fill}; color:{s.text}'>&nbsp;{s.label.get(lang).replace(' ', '&nbsp;')}&nbsp;</span>"
            for s in LEVEL_STYLES
        )
        self.legend.setText(swatches)
        self._forget_previous()
        self.refresh()

    def _forget_previous(self) -> None:
        self._previous_cache = None

    def result(self) -> ScoreResult:
        return self.ctx.auditor_result if self.basis.currentData() == "auditor" else self.ctx.result

    def previous(self) -> tuple[ScoreResult | None, str]:
        """The previous balance of the organisation, scored, and a line describing it (cached per balance)."""
        ctx = self.ctx
        if self._previous_cache is not None and self._previous_cache[0] == ctx.balance_id:
            return self._previous_cache[1], self._previous_cache[2]
        previous_id = ctx.service.previous_balance(ctx.balance_id_required)
        if previous_id is None:
            result, text = None, self.tr("There is no earlier balance sheet of this organisation.")
        else:
            balance = ctx.service.get_balance(previous_id)
            result = score(balance)
            period = format_period(balance.period.start, balance.period.end, ctx.language) if balance.period else ""
            text = self.tr("Previous balance sheet: matrix %1, %2, %3 points")
            text = text.replace("%1", balance.matrix).replace("%2", period)
            text = text.replace("%3", format_points(result.total, ctx.language))
            if balance.matrix != ctx.balance.matrix:
                text += " " + self.tr("(another matrix version: themes are not compared)")
        self._previous_cache = (ctx.balance_id, result, text)
        return result, text

    def refresh(self) -> None:
        ctx = self.ctx
        if not ctx.is_open:
            self.total.setText(self.tr("No balance sheet is open."))
            return
        lang = ctx.language
        matrix = ctx.matrix
        result = self.result()
        text = self.tr("%1 of %2 points").replace("%1", format_points(result.total, lang))
        self.total.setText(text.replace("%2", format_points(result.max_total, lang)))
        self.heatmap.set_result(matrix, result)
        self._fit_value_names()
        self.heatmap_view.clearSpans()
        for row, column, count in self.heatmap.spans():
            self.heatmap_view.setSpan(row, column, 1, count)
        self._bar_chart(
            self.stakeholder_chart,
            self.tr("Points by stakeholder"),
            [(g.code, g.name.get(lang)) for g in matrix.stakeholders],
            points_by_stakeholder(matrix, result),
        )
        self._bar_chart(
            self.value_chart,
            self.tr("Points by value"),
            [(g.code, g.name.get(lang)) for g in matrix.values],
            points_by_value(matrix, result),
        )
        previous, line = self.previous()
        comparable = previous if previous is not None and set(previous.themes) == set(result.themes) else None
        self.comparison.set_results(matrix, result, comparable)
        self.previous_label.setText(line)

    def _fit_value_names(self) -> None:
        """Keep every value column wide enough for the longest single word of its name.

        The header wraps between words but cannot break one ("Menschenwürde"), so the columns get
        at least that word's width and the table at least the width of all its columns.
        """
        header = self.heatmap_view.horizontalHeader()
        metrics = QFontMetrics(header.font())
        words = [
            word
            for column in range(self.heatmap.columnCount())
            for word in str(self.heatmap.headerData(column, Qt.Orientation.Horizontal) or "").split()
        ]
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        margin = 2 * self.heatmap_view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        header.setMinimumSectionSize(max(60, widest + margin))
        vertical = self.heatmap_view.verticalHeader().sizeHint().width()
        frame = 2 * self.heatmap_view.frameWidth()
        self.heatmap_view.setMinimumWidth(header.minimumSectionSize() * self.heatmap.columnCount() + vertical + frame)

    def _bar_chart(
        self, chart: QChart, title: str, groups: list[tuple[str, str]], sums: dict[str, tuple[Decimal, Decimal]]
    ) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        reached = QBarSet(self.tr("Points"))
        reached.setColor(QColor("#3f7f3f"))
        maximum = QBarSet(self.tr("Maximum"))
        maximum.setColor(QColor("#cfe5c2"))
        low, high = 0.0, 0.0
        for code, _name in groups:
            points, top = sums[code]
            reached.append(float(points))
            maximum.append(float(top))
            low, high = min(low, float(points)), max(high, float(top), float(points))
        series = QBarSeries()
        series.append(reached)
        series.append(maximum)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([code for code, _name in groups])
        y_axis = QValueAxis()
        y_axis.setRange(low, high * 1.05 if high > 0 else 1.0)
        y_axis.setLabelFormat("%d")
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(y_axis)
        chart.setToolTip("\n".join(f"{code}: {name}" for code, name in groups))

    def _open_theme(self, index: QModelIndex) -> None:
        code = index.data(ThemeCodeRole)
        if code:
            self.ctx.open_theme(code)


register_page(
    "results",
    title=lambda: QCoreApplication.translate("Pages", "Results"),
    factory=ResultsView,
    order=50,
)
