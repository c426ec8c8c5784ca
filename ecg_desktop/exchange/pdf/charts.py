"""Charts of the report, drawn with reportlab.graphics (no matplotlib): bars, comparison, tax schedule."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ecg_desktop.exchange.pdf.common import ACCENT, FONT, FONT_BOLD, INK, MUTED, NEGATIVE, PREVIOUS, RULE, tr
from ecg_desktop.presentation import format_number, format_percent, format_points
from ecg_desktop.scoring.tax import HIGHEST_TOTAL, LOWEST_TOTAL, TaxResult, tax_rate

TRACK = colors.HexColor("#e4e9e1")


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is DejaVu (the default would reference unembedded Helvetica)."""
    return Drawing(width, height, initialFontName=FONT, initialFontSize=8)


def _shorten(text: str, font: str, size: float, width: float) -> str:
    """`text` cut at the end with "…" so that it is at most `width` wide (chart labels only)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    points: Decimal
    maximum: Decimal


def bar_chart(bars: list[Bar], width: float, lang: str, row: float = 17) -> Drawing:
    """Horizontal bars: the maximum as a light track, the points reached on it, the numbers at the end."""
    size = 7.6
    label_width = min(190.0, width * 0.36)
    value_width = 92.0
    plot_width = width - label_width - value_width
    low = min([Decimal(0)] + [b.points for b in bars])
    high = max([Decimal(1)] + [b.maximum for b in bars] + [b.points for b in bars])
    span = high - low
    height = row * len(bars) + 6
    drawing = _drawing(width, height)

    def xpos(value: Decimal) -> float:
        return label_width + float((value - low) / span) * plot_width

    zero = xpos(Decimal(0))
    for i, bar in enumerate(bars):
        y = height - (i + 1) * row
        drawing.add(
            String(
                0, y + 4, _shorten(bar.label, FONT, size, label_width - 6), fontName=FONT, fontSize=size, fillColor=INK
            )
        )
        if bar.maximum > 0:
            drawing.add(Rect(zero, y + 2, xpos(bar.maximum) - zero, row - 6, fillColor=TRACK, strokeColor=None))
        end = xpos(bar.points)
        colour = NEGATIVE if bar.points < 0 else ACCENT
        drawing.add(Rect(min(zero, end), y + 2, abs(end - zero), row - 6, fillColor=colour, strokeColor=None))
        share = "" if not bar.maximum else f" ({format_percent(bar.points * 100 / bar.maximum, lang)})"
        text = f"{format_points(bar.points, lang)} / {format_points(bar.maximum, lang)}{share}"
        drawing.add(String(label_width + plot_width + 6, y + 4, text, fontName=FONT, fontSize=size, fillColor=INK))
    drawing.add(Line(zero, 0, zero, height, strokeColor=RULE, strokeWidth=0.6))
    return drawing


def comparison_chart(rows: list[tuple[str, Decimal, Decimal]], width: float, lang: str) -> Drawing:
    """Per theme two bars: the previous balance (grey-blue) above this one (green), with the change."""
    size = 7.2
    row = 19.0
    label_width = 150.0
    value_width = 110.0
    plot_width = width - label_width - value_width
    low = min([Decimal(0)] + [min(c, p) for _, c, p in rows])
    high = max([Decimal(1)] + [max(c, p) for _, c, p in rows])
    span = high - low
    legend_height = 16.0
    height = row * len(rows) + legend_height + 4
    drawing = _drawing(width, height)

    def xpos(value: Decimal) -> float:
        return label_width + float((value - low) / span) * plot_width

    zero = xpos(Decimal(0))
    # legend
    top = height - 10
    lx = label_width
    for colour, text in ((PREVIOUS, tr("previous_balance", lang)), (ACCENT, tr("this_balance", lang))):
        drawing.add(Rect(lx, top - 1, 10, 7, fillColor=colour, strokeColor=None))
        drawing.add(String(lx + 14, top, text, fontName=FONT, fontSize=size, fillColor=INK))
        lx += 24 + stringWidth(text, FONT, size)
    for i, (text, current, previous) in enumerate(rows):
        y = height - legend_height - (i + 1) * row
        drawing.add(
            String(0, y + 6, _shorten(text, FONT, size, label_width - 6), fontName=FONT, fontSize=size, fillColor=INK)
        )
        for value, colour, offset in ((previous, PREVIOUS, 9.5), (current, ACCENT, 2.5)):
            end = xpos(value)
            drawing.add(
                Rect(min(zero, end), y + offset, max(abs(end - zero), 0.5), 6.5, fillColor=colour, strokeColor=None)
            )
        change = current - previous
        sign = "+" if change > 0 else ""
        values = (
            f"{format_points(previous, lang)} → {format_points(current, lang)} ({sign}{format_points(change, lang)})"
        )
        drawing.add(String(label_width + plot_width + 6, y + 6, values, fontName=FONT, fontSize=size, fillColor=INK))
    drawing.add(Line(zero, 0, zero, height - legend_height, strokeColor=RULE, strokeWidth=0.6))
    return drawing


def _tax_points(tax: TaxResult, low: Decimal) -> list[tuple[Decimal, Decimal]]:
    """Corner points of the schedule between `low` and the highest total (steps for bands)."""
    schedule = tax.schedule
    high = HIGHEST_TOTAL
    if schedule.kind == "bands":
        points: list[tuple[Decimal, Decimal]] = []
        bands = schedule.bands
        for i, band in enumerate(bands):
            start = low if i == 0 or band.min_points is None else band.min_points
            end = high if i + 1 == len(bands) or bands[i + 1].min_points is None else bands[i + 1].min_points
            start, end = max(start, low), min(end, high)
            if end < low or start > high:
                continue
            points += [(start, band.rate), (end, band.rate)]
        return points
    xs = sorted({low, high} | {x for x in (schedule.from_points, schedule.to_points) if low < x < high})
    return [(x, tax_rate(x, schedule).rate) for x in xs]


def tax_chart(tax: TaxResult, total: Decimal, width: float, lang: str, height: float = 210) -> Drawing:
    """The schedule's rate over the total points, with this balance marked."""
    size = 7.2
    left, bottom, right, top_pad = 38.0, 28.0, 12.0, 12.0
    low = min(Decimal(-500), (total // 250) * 250 - 250)
    low = max(LOWEST_TOTAL, low)
    high = HIGHEST_TOTAL
    plot_w = width - left - right
    plot_h = height - bottom - top_pad
    drawing = _drawing(width, height)

    def xpos(value: Decimal) -> float:
        return left + float((value - low) / (high - low)) * plot_w

    def ypos(rate: Decimal) -> float:
        return bottom + float(rate / 100) * plot_h

    # grid and axes
    for rate in range(0, 101, 20):
        y = ypos(Decimal(rate))
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=TRACK, strokeWidth=0.6))
        drawing.add(
            String(left - 4, y - 2.5, f"{rate} %", fontName=FONT, fontSize=size, fillColor=MUTED, textAnchor="end")
        )
    step = 250 if high - low <= 2000 else 500
    tick = (low // step) * step
    while tick <= high:
        if tick >= low:
            x = xpos(Decimal(tick))
            drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
            drawing.add(
                String(
                    x,
                    bottom - 12,
                    format_number(tick, lang),
                    fontName=FONT,
                    fontSize=size,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        tick += step
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, bottom + plot_h, strokeColor=INK, strokeWidth=0.8))
    drawing.add(
        String(
            left + plot_w, 2, tr("points_word", lang), fontName=FONT, fontSize=size, fillColor=MUTED, textAnchor="end"
        )
    )
    # the schedule
    corners = _tax_points(tax, low)
    drawing.add(
        PolyLine(
            [coord for x, r in corners for coord in (xpos(x), ypos(r))],
            strokeColor=ACCENT,
            strokeWidth=1.8,
        )
    )
    # this balance
    shown = max(low, min(high, tax.points))
    x, y = xpos(shown), ypos(tax.rate)
    drawing.add(Line(x, bottom, x, bottom + plot_h, strokeColor=NEGATIVE, strokeWidth=0.8, strokeDashArray=[3, 2]))
    drawing.add(Circle(x, y, 3.6, fillColor=NEGATIVE, strokeColor=colors.white, strokeWidth=1))
    places = 0 if tax.rate == tax.rate.to_integral_value() else 1
    text = f"{tr('this_balance', lang)}: {format_points(tax.points, lang)} → {format_percent(tax.rate, lang, places)}"
    text_width = stringWidth(text, FONT_BOLD, size + 0.6)
    tx = x + 6 if x + 6 + text_width < left + plot_w else x - 6 - text_width
    ty = min(y + 8, bottom + plot_h - 8)
    drawing.add(Rect(tx - 2, ty - 3, text_width + 4, size + 5, fillColor=colors.white, strokeColor=None))
    drawing.add(String(tx, ty, text, fontName=FONT_BOLD, fontSize=size + 0.6, fillColor=NEGATIVE))
    return drawing


__all__ = ["Bar", "bar_chart", "comparison_chart", "tax_chart"]
