"""The tax panel: the illustrative schedule as a plot with this balance marked, the rate, the levers, an editor."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecg_desktop.presentation import format_number, format_points
from ecg_desktop.scoring.levers import levers
from ecg_desktop.scoring.numbers import round_half_away
from ecg_desktop.scoring.tax import HIGHEST_TOTAL, ILLUSTRATIVE, LOWEST_TOTAL, TaxSchedule, ecg_vat_example
from ecg_desktop.ui.commands import SetTaxScheduleCommand
from ecg_desktop.ui.context import BalanceContext
from ecg_desktop.ui.dialogs.schedule_dialog import ScheduleDialog
from ecg_desktop.ui.i18n import Retranslatable
from ecg_desktop.ui.models.views_results import LeversModel, ThemeCodeRole
from ecg_desktop.ui.pages import register_page
from ecg_desktop.ui.views.theme_page import wrap_label


def schedule_points(schedule: TaxSchedule, low: Decimal, high: Decimal) -> list[tuple[float, float]]:
    """The schedule as a polyline from `low` to `high` points (bands become steps)."""
    if schedule.kind == "linear":
        start = max(low, schedule.from_points)
        points = [(float(low), float(schedule.highest_rate))]
        if start > low:
            points.append((float(start), float(schedule.highest_rate)))
        points.append((float(schedule.to_points), float(schedule.lowest_rate)))
        if high > schedule.to_points:
            points.append((float(high), float(schedule.lowest_rate)))
        return points
    points = []
    bands = schedule.bands
    for i, band in enumerate(bands):
        begin = low if i == 0 or band.min_points is None else max(low, band.min_points)
        end = high if i + 1 == len(bands) else min(high, (bands[i + 1].min_points or high) - 1)
        if end < low or begin > high:
            continue
        points.append((float(begin), float(band.rate)))
        points.append((float(end), float(band.rate)))
    return points


class TaxPanel(Retranslatable, QWidget):
    """Rate for this balance on the schedule; levers: what one level up in a theme would bring."""

    def __init__(self, ctx: BalanceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(300, 240)
        self.rate = QLabel()
        font = self.rate.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.rate.setFont(font)
        self.rate.setWordWrap(True)
        self.explanation = wrap_label()
        self.note = wrap_label(style="color: #8a5a00;")
        self.edit_button = QPushButton()
        self.reset_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_schedule)
        self.reset_button.clicked.connect(self.reset_schedule)
        self.levers_title = QLabel()
        bold = self.levers_title.font()
        bold.setBold(True)
        self.levers_title.setFont(bold)
        self.levers = LeversModel(self)
        self.levers_table = QTableView()
        self.levers_table.setModel(self.levers)
        self.levers_table.verticalHeader().setVisible(False)
        self.levers_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.levers_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.levers_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.levers_table.setWordWrap(False)
        self.levers_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.levers_table.doubleClicked.connect(self._open_theme)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.rate)
        side.addWidget(self.explanation)
        side.addWidget(self.note)
        side.addLayout(buttons)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.chart_view, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(self.levers_title)
        layout.addWidget(self.levers_table, 2)
        ctx.sig_balance_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.edit_button.setText(self.tr("Edit schedule…"))
        self.reset_button.setText(self.tr("Use the default"))
        self.reset_button.setToolTip(self.tr("Go back to ECG's five-class VAT example"))
        self.levers_title.setText(self.tr("Levers: one level up in a theme"))
        self.levers_table.setToolTip(
            self.tr("Points gained if every aspect of the theme rose by one level; double-click opens the theme.")
        )
        self.chart.setTitle(self.tr("Illustrative tax schedule"))
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        enabled = ctx.is_open and not ctx.locked
        self.edit_button.setEnabled(enabled)
        self.reset_button.setEnabled(enabled)
        if not ctx.is_open:
            self.rate.setText(self.tr("No balance sheet is open."))
            self.explanation.clear()
            self.note.clear()
            return
        lang = ctx.language
        schedule = ctx.tax_schedule
        tax = ctx.tax
        total = ctx.result.total
        shown_rate = f"{format_number(round_half_away(tax.rate, 2), lang)} %"
        self.rate.setText(self.tr("Illustrative tax rate: %1").replace("%1", shown_rate))
        self.explanation.setText(tax.explanation.get(lang))
        name = schedule.name or self.tr("custom schedule")
        if name == ecg_vat_example().name:
            name = self.tr("ECG VAT example (five classes)")
        self.note.setText(ILLUSTRATIVE.get(lang) + " " + self.tr("Schedule: %1").replace("%1", name))
        low = max(LOWEST_TOTAL, min(Decimal(-1000), total - 100))
        line = QLineSeries()
        line.setName(self.tr("Schedule"))
        for x, y in schedule_points(schedule, low, HIGHEST_TOTAL):
            line.append(QPointF(x, y))
        line.setPen(QPen(QColor("#3f7f3f"), 2))
        mark = QScatterSeries()
        mark.setName(self.tr("This balance (%1)").replace("%1", format_points(total, lang)))
        mark.setMarkerSize(12)
        mark.setColor(QColor("#b4432f"))
        mark.append(QPointF(float(total), float(tax.rate)))
        self.chart.addSeries(line)
        self.chart.addSeries(mark)
        x_axis = QValueAxis()
        x_axis.setRange(float(low), float(HIGHEST_TOTAL))
        x_axis.setLabelFormat("%d")
        x_axis.setTitleText(self.tr("Total points"))
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(self.tr("Rate (%)"))
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, mark):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self.levers.set_levers(ctx.matrix, levers(ctx.balance, schedule, base=ctx.result))

    def _open_theme(self, index: QModelIndex) -> None:
        code = index.data(ThemeCodeRole)
        if code:
            self.ctx.open_theme(code)

    def edit_schedule(self) -> None:
        schedule = ScheduleDialog.ask(self, self.ctx.tax_schedule)
        if schedule is not None and schedule != self.ctx.tax_schedule:
            self.ctx.push(SetTaxScheduleCommand(self.ctx, schedule))

    def reset_schedule(self) -> None:
        self.ctx.push(SetTaxScheduleCommand(self.ctx, None))


register_page(
    "tax",
    title=lambda: QCoreApplication.translate("Pages", "Tax"),
    factory=TaxPanel,
    order=55,
)
