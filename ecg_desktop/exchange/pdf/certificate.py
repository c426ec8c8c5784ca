"""The one-page certificate (A4 portrait): the matrix grid coloured by level, the total, who assessed it."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ecg_desktop.exchange.pdf.common import (
    ACCENT,
    FONT,
    FONT_BOLD,
    HEADER_FILL,
    INK,
    MUTED,
    RENDER_LOCK,
    RULE,
    MatrixGrid,
    draw_legend,
    esc,
    fit_font_size,
    fit_paragraph,
    register_fonts,
    tr,
)
from ecg_desktop.exchange.pdf.data import ReportData
from ecg_desktop.presentation import (
    balance_type_label,
    format_datetime,
    format_percent,
    format_period,
    format_points,
    label,
    schedule_name,
    status_line,
)
from ecg_desktop.scoring.tax import ILLUSTRATIVE

MARGIN = 36.0


def render_certificate(data: ReportData) -> bytes:
    """The certificate of `data` as PDF bytes (fonts embedded; safe to call from a worker thread)."""
    with RENDER_LOCK:
        register_fonts()
        buffer = io.BytesIO()
        canv = new_canvas(buffer, data.lang)
        set_metadata(canv, data, "subject_certificate")
        draw_certificate(canv, data)
        canv.showPage()
        canv.save()
        return buffer.getvalue()


def new_canvas(buffer: io.BytesIO, lang: str) -> Canvas:
    """An A4 canvas whose initial font is DejaVu (so no unembedded base-14 font is referenced)."""
    return Canvas(
        buffer,
        pagesize=A4,
        initialFontName=FONT,
        initialFontSize=10,
        pageCompression=1,
        lang="de-DE" if lang == "de" else "en-GB",
    )


def set_metadata(canv: Canvas, data: ReportData, subject_key: str) -> None:
    lang = data.lang
    name = data.balance.organisation.name
    canv.setTitle(f"{tr('title', lang)} – {name}" if name else tr("title", lang))
    canv.setAuthor(data.author or name or tr("app", lang))
    canv.setSubject(tr(subject_key, lang))
    canv.setCreator(tr("app", lang))
    canv.setKeywords(f"ECG, GWÖ, matrix {data.matrix.version}, {data.balance.type}")


def draw_certificate(canv: Canvas, data: ReportData) -> None:
    """Draw the certificate on the current page of `canv` (also used for batches of certificates)."""
    lang = data.lang
    balance, result, matrix = data.balance, data.result, data.matrix
    page_width, page_height = A4
    width = page_width - 2 * MARGIN
    y = page_height - MARGIN

    # ---- heading
    canv.setFillColor(ACCENT)
    canv.rect(0, page_height - 10, page_width, 10, stroke=0, fill=1)
    canv.setFont(FONT_BOLD, 20)
    canv.drawString(MARGIN, y - 18, tr("title", lang))
    canv.setFont(FONT, 10)
    canv.setFillColor(MUTED)
    canv.drawRightString(page_width - MARGIN, y - 16, tr("certificate", lang))
    y -= 28
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.8)
    canv.line(MARGIN, y, page_width - MARGIN, y)
    y -= 6

    # ---- organisation
    name_style = ParagraphStyle("org", fontName=FONT_BOLD, fontSize=17, leading=20.5, textColor=INK)
    para, needed = fit_paragraph(balance.organisation.name or "–", name_style, width, 44, 10)
    para.drawOn(canv, MARGIN, y - needed)
    y -= needed + 6

    # ---- facts: period, matrix, status, basis
    key_style = ParagraphStyle("key", fontName=FONT, fontSize=8.5, leading=11, textColor=MUTED)
    value_style = ParagraphStyle("value", fontName=FONT_BOLD, fontSize=9, leading=11.5, textColor=INK)
    period = format_period(balance.period.start, balance.period.end, lang) if balance.period else tr("no_period", lang)
    rows = [
        (tr("period", lang), period),
        (tr("matrix", lang), f"{matrix.name.get(lang)} · {balance_type_label(balance.type, lang)}"),
        (tr("assessment", lang), status_line(balance.audit, lang)),
        (tr("basis", lang), label(f"basis.{result.basis}", lang)),
    ]
    key_width = 110
    for key, value in rows:
        value_para = Paragraph(esc(value), value_style)
        _, value_height = value_para.wrap(width - key_width, 40)
        key_para = Paragraph(esc(key), key_style)
        key_para.wrap(key_width, 20)
        key_para.drawOn(canv, MARGIN, y - key_para.height)
        value_para.drawOn(canv, MARGIN + key_width, y - value_height)
        y -= max(value_height, key_para.height) + 2.5
    y -= 6

    # ---- bottom part, from the page foot upwards
    foot_y = MARGIN - 12
    canv.setFont(FONT, 7)
    canv.setFillColor(MUTED)
    canv.drawString(MARGIN, foot_y, tr("generated", lang, date=format_datetime(data.generated_at, lang)))
    canv.drawRightString(page_width - MARGIN, foot_y, f"{matrix.version} · {matrix.revision}")

    block_bottom = foot_y + 16
    block_height = 78.0
    _draw_total(canv, data, MARGIN, block_bottom, width * 0.48, block_height)
    _draw_tax(canv, data, MARGIN + width * 0.52, block_bottom, width * 0.48, block_height)

    legend_y = block_bottom + block_height + 14
    legend_height = draw_legend(canv, MARGIN, legend_y, width, lang)

    # ---- the grid fills what is left
    grid_bottom = legend_y + legend_height
    header_height = 34.0
    rows_count = len(matrix.stakeholders)
    row_height = min(96.0, (y - grid_bottom - header_height) / rows_count)
    grid = MatrixGrid(
        matrix,
        result,
        lang,
        width,
        row_height,
        header_height=header_height,
        row_header_width=100 if len(matrix.values) < 5 else 84,
        name_size=7.4 if len(matrix.values) < 5 else 6.9,
    )
    grid.draw_on(canv, MARGIN, y - grid.height)


def _draw_total(canv: Canvas, data: ReportData, x: float, y: float, w: float, h: float) -> None:
    lang = data.lang
    result = data.result
    canv.saveState()
    canv.setFillColor(HEADER_FILL)
    canv.roundRect(x, y, w, h, 4, stroke=0, fill=1)
    canv.setFillColor(MUTED)
    canv.setFont(FONT, 8.5)
    canv.drawString(x + 10, y + h - 15, tr("total", lang))
    total = format_points(result.total, lang)
    size = fit_font_size(total, FONT_BOLD, 38, w * 0.5)
    canv.setFillColor(ACCENT)
    canv.setFont(FONT_BOLD, size)
    canv.drawString(x + 10, y + 22, total)
    number_width = canv.stringWidth(total, FONT_BOLD, size)
    canv.setFillColor(INK)
    canv.setFont(FONT_BOLD, 9)
    canv.drawString(x + 18 + number_width, y + 36, tr("points_word", lang))
    canv.setFont(FONT, 8.5)
    canv.drawString(x + 18 + number_width, y + 24, tr("of_max", lang, max=format_points(result.max_total, lang)))
    notes: list[str] = []
    if data.matrix.negative_criteria and result.negative_points:
        notes.append(tr("negative_total", lang, points=format_points(result.negative_points, lang)))
    if result.total != result.total_before_floor:
        notes.append(tr("floor_note", lang, points=format_points(result.total_before_floor, lang)))
    if notes:
        style = ParagraphStyle("note", fontName=FONT, fontSize=6.8, leading=8, textColor=MUTED)
        para, _ = fit_paragraph(" ".join(notes), style, w - 20, 16, 5)
        para.drawOn(canv, x + 10, y + 5)
    canv.restoreState()


def _draw_tax(canv: Canvas, data: ReportData, x: float, y: float, w: float, h: float) -> None:
    lang = data.lang
    tax = data.tax
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.8)
    canv.setDash(3, 2)
    canv.roundRect(x, y, w, h, 4, stroke=1, fill=0)
    canv.setDash()
    canv.setFillColor(MUTED)
    canv.setFont(FONT, 8.5)
    canv.drawString(x + 10, y + h - 15, tr("tax_rate", lang))
    canv.setFillColor(INK)
    canv.setFont(FONT_BOLD, 20)
    rate = format_percent(tax.rate, lang, 0 if tax.rate == tax.rate.to_integral_value() else 1)
    canv.drawString(x + 10, y + h - 40, rate)
    if tax.schedule.name:
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        schedule = f"{tr('tax_schedule', lang)}: {schedule_name(tax.schedule, lang)}"
        size = fit_font_size(schedule, FONT, 7.5, w - 30 - canv.stringWidth(rate, FONT_BOLD, 20), 5)
        canv.setFont(FONT, size)
        canv.drawString(x + 20 + canv.stringWidth(rate, FONT_BOLD, 20), y + h - 38, schedule)
    style = ParagraphStyle("illustrative", fontName=FONT_BOLD, fontSize=7.5, leading=9.2, textColor=MUTED)
    para, _ = fit_paragraph("⚠ " + ILLUSTRATIVE.get(lang), style, w - 20, 28, 5.5)
    para.drawOn(canv, x + 10, y + 6)
    canv.restoreState()


def render_certificates(items: list[ReportData]) -> bytes:
    """Many certificates in one PDF, one page each (batch printing, benchmarks)."""
    with RENDER_LOCK:
        register_fonts()
        buffer = io.BytesIO()
        canv = new_canvas(buffer, items[0].lang if items else "en")
        if items:
            set_metadata(canv, items[0], "subject_certificate")
        for data in items:
            draw_certificate(canv, data)
            canv.showPage()
        canv.save()
        return buffer.getvalue()


__all__ = ["draw_certificate", "render_certificate", "render_certificates"]
