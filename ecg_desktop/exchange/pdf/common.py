"""Shared by the certificate and the report: embedded fonts, colours, paragraph styles, PDF texts, the matrix grid.

Imported only when a PDF is rendered (it loads reportlab).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from ecg_desktop.matrix.model import Matrix, Text, Theme
from ecg_desktop.paths import resource
from ecg_desktop.presentation import (
    LEVEL_STYLES,
    format_percent,
    format_points,
    label,
    theme_level_style,
    theme_percentage,
)
from ecg_desktop.scoring.result import ScoreResult, ThemeScore

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf"}
_font_lock = threading.Lock()
_fonts_ready = False
# reportlab keeps global state (font registry, caches): one render at a time, from any thread.
RENDER_LOCK = threading.RLock()

INK = colors.HexColor("#1f2a1f")
MUTED = colors.HexColor("#5a635a")
RULE = colors.HexColor("#b9c4b5")
ACCENT = colors.HexColor("#2f6b3a")
HEADER_FILL = colors.HexColor("#eef1ec")
PREVIOUS = colors.HexColor("#9aa7b8")
NEGATIVE = colors.HexColor("#b4432f")
WHITE = colors.white


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) from the app's resources, once per process."""
    global _fonts_ready
    if _fonts_ready:
        return
    with _font_lock:
        if _fonts_ready:
            return
        from reportlab.lib.fonts import addMapping

        for name, filename in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT_ITALIC)
        addMapping(FONT, 1, 1, FONT_BOLD)
        _fonts_ready = True


def hex_colour(value: str) -> colors.Color:
    return colors.HexColor(value)


# ---- texts of the PDFs (English, German)

TEXTS: dict[str, Text] = {
    "app": Text("ECG Desktop", "ECG Desktop"),
    "title": Text("Common Good Balance Sheet", "Gemeinwohl-Bilanz"),
    "certificate": Text("Certificate of results", "Ergebnis-Zertifikat"),
    "report": Text("Full report", "Ausführlicher Bericht"),
    "subject_certificate": Text(
        "Common Good Balance Sheet: certificate of results", "Gemeinwohl-Bilanz: Ergebnis-Zertifikat"
    ),
    "subject_report": Text("Common Good Balance Sheet: full report", "Gemeinwohl-Bilanz: ausführlicher Bericht"),
    "organisation": Text("Organisation", "Organisation"),
    "period": Text("Reporting period", "Berichtszeitraum"),
    "no_period": Text("not entered", "nicht angegeben"),
    "matrix": Text("Matrix", "Matrix"),
    "assessment": Text("Assessment", "Bewertung"),
    "basis": Text("Points", "Punkte"),
    "total": Text("Total", "Summe"),
    "points_word": Text("Common Good Points", "Gemeinwohl-Punkte"),
    "of_max": Text("of {max} possible", "von {max} möglichen"),
    "stakeholders": Text("Stakeholders", "Berührungsgruppen"),
    "values": Text("Values", "Werte"),
    "legend": Text("Share of the maximum reached:", "Erreichter Anteil am Maximum:"),
    "tax_rate": Text("Illustrative tax rate", "Steuersatz zur Veranschaulichung"),
    "tax_schedule": Text("Schedule", "Tarif"),
    "negative_total": Text(
        "Negative criteria deduct {points} points (included in the total).",
        "Negativkriterien ziehen {points} Punkte ab (in der Summe enthalten).",
    ),
    "floor_note": Text(
        "Before the lower limit the total was {points} points.",
        "Vor der Untergrenze betrug die Summe {points} Punkte.",
    ),
    "generated": Text("Created with ECG Desktop on {date}", "Erstellt mit ECG Desktop am {date}"),
    "page": Text("Page {page} of {pages}", "Seite {page} von {pages}"),
    "contents": Text("Contents", "Inhalt"),
    "summary": Text("Summary", "Überblick"),
    "heatmap": Text("The matrix at a glance", "Die Matrix im Überblick"),
    "by_stakeholder": Text("Points by stakeholder", "Punkte nach Berührungsgruppe"),
    "by_value": Text("Points by value", "Punkte nach Wert"),
    "comparison": Text("Comparison with the previous balance", "Vergleich mit der vorigen Bilanz"),
    "no_previous": Text(
        "There is no earlier balance of this organisation to compare with.",
        "Es gibt keine frühere Bilanz dieser Organisation zum Vergleich.",
    ),
    "other_matrix": Text(
        "The previous balance uses matrix {matrix}: only the totals can be compared.",
        "Die vorige Bilanz nutzt die Matrix {matrix}: nur die Summen sind vergleichbar.",
    ),
    "this_balance": Text("this balance", "diese Bilanz"),
    "previous_balance": Text("previous balance", "vorige Bilanz"),
    "themes": Text("Themes", "Themen"),
    "indicators": Text("Indicators", "Indikatoren"),
    "weight": Text("Weight", "Gewichtung"),
    "maximum": Text("Maximum", "Maximum"),
    "points": Text("Points", "Punkte"),
    "reached": Text("Reached", "Erreicht"),
    "why_weight": Text("Why this weight", "Warum diese Gewichtung"),
    "how_points": Text("How the points follow", "Wie die Punkte zustande kommen"),
    "justification": Text("Justification", "Begründung der Abweichung"),
    "theme_reasoning": Text("About this theme", "Zu diesem Thema"),
    "aspects": Text("Aspects", "Aspekte"),
    "sub_indicators": Text("Sub-indicators", "Subindikatoren"),
    "level": Text("Level", "Stufe"),
    "self_level": Text("Self-assessment", "Selbstbewertung"),
    "auditor_level": Text("Auditor", "Audit"),
    "auditor_comment": Text("Auditor's comment", "Kommentar des Audits"),
    "reasoning": Text("Reasoning", "Begründung"),
    "no_reasoning": Text("No reasoning written yet.", "Noch keine Begründung geschrieben."),
    "not_rated": Text("not rated", "nicht bewertet"),
    "deduction": Text("Deduction", "Abzug"),
    "aspect_weight": Text("aspect weight", "Aspektgewichtung"),
    "evidence": Text("Evidence", "Nachweise"),
    "no_evidence": Text("No evidence linked.", "Keine Nachweise verknüpft."),
    "negative_aspects": Text("Negative aspects", "Negativaspekte"),
    "negative_criteria": Text("Negative criteria", "Negativkriterien"),
    "no_negative": Text(
        "No negative aspect applies: nothing is deducted.",
        "Kein Negativaspekt trifft zu: es wird nichts abgezogen.",
    ),
    "negative_intro": Text(
        "Negative aspects deduct points; the deductions below are included in the total.",
        "Negativaspekte ziehen Punkte ab; die folgenden Abzüge sind in der Summe enthalten.",
    ),
    "code": Text("Code", "Code"),
    "name": Text("Name", "Name"),
    "theme": Text("Theme", "Thema"),
    "tax_section": Text("Illustrative tax rate", "Steuersatz zur Veranschaulichung"),
    "tax_plot": Text("Rate by total points", "Satz nach Gesamtpunkten"),
    "rate": Text("Rate", "Satz"),
    "levers": Text("Levers: one level up in a theme", "Hebel: eine Stufe höher in einem Thema"),
    "levers_intro": Text(
        "What raising every positive aspect of a theme by one level would bring, best first.",
        "Was es brächte, alle positiven Aspekte eines Themas um eine Stufe zu heben, das Wirksamste zuerst.",
    ),
    "no_levers": Text("No theme has room to grow.", "Kein Thema hat noch Luft nach oben."),
    "gain": Text("Gain", "Gewinn"),
    "new_total": Text("New total", "Neue Summe"),
    "new_rate": Text("New rate", "Neuer Satz"),
    "appendix": Text("Appendix: evidence files", "Anhang: Nachweisdateien"),
    "appendix_intro": Text(
        "Every file linked to this balance, with its SHA-256 fingerprint and the result of checking it against the vault.",
        "Alle mit dieser Bilanz verknüpften Dateien, mit SHA-256-Fingerabdruck und dem Ergebnis der Prüfung gegen den Speicher.",
    ),
    "file": Text("File", "Datei"),
    "size": Text("Size", "Größe"),
    "date": Text("Date", "Datum"),
    "linked": Text("Linked to", "Verknüpft mit"),
    "check": Text("Check", "Prüfung"),
    "no_files": Text("No evidence files are linked.", "Es sind keine Nachweisdateien verknüpft."),
    "parity": Text("Parity with the official workbook", "Abgleich mit dem offiziellen Bilanzrechner"),
    "parity_intro": Text(
        "Our score next to the official workbook's own results, theme by theme.",
        "Unsere Bewertung neben den eigenen Ergebnissen des offiziellen Bilanzrechners, Thema für Thema.",
    ),
    "ours": Text("ECG Desktop", "ECG Desktop"),
    "theirs": Text("Workbook", "Bilanzrechner"),
    "difference": Text("Difference", "Differenz"),
    "reason": Text("Reason", "Grund"),
    "facts": Text("About the organisation", "Zur Organisation"),
    "legal_form": Text("Legal form", "Rechtsform"),
    "website": Text("Website", "Website"),
    "industry": Text("Industry", "Branche"),
    "head_office": Text("Head office", "Sitz"),
    "ownership": Text("Ownership", "Eigentum"),
    "contact": Text("Contact", "Kontakt"),
    "size_class": Text("Size class", "Größenklasse"),
    "warnings": Text("Notes from scoring", "Hinweise aus der Bewertung"),
}


def tr(key: str, lang: str, **params: object) -> str:
    """A PDF text in `lang` with parameters filled in."""
    text = TEXTS[key].get(lang)
    return text.format(**params) if params else text


def esc(text: str) -> str:
    """Plain text for a Paragraph: markup characters escaped, line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


# ---- paragraph styles


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    title: ParagraphStyle
    big: ParagraphStyle
    centered: ParagraphStyle


def make_styles() -> Styles:
    """Paragraph styles in DejaVu Sans; long words are split rather than overflowing."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4, splitLongWords=True
    )
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5, spaceAfter=2)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        body=body,
        small=small,
        tiny=ParagraphStyle("tiny", parent=body, fontSize=7, leading=8.6, spaceAfter=0),
        muted=ParagraphStyle("muted", parent=small, textColor=MUTED),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            spaceBefore=18,
            spaceAfter=10,
            textColor=ACCENT,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=6,
            textColor=ACCENT,
            keepWithNext=True,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=True,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=29, textColor=ACCENT, spaceAfter=8
        ),
        big=ParagraphStyle("big", parent=body, fontName=FONT_BOLD, fontSize=44, leading=50, textColor=ACCENT),
        centered=ParagraphStyle("centered", parent=body, alignment=TA_CENTER),
    )


def long_text(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A user's text as paragraphs (one per blank-line block), so it breaks across pages wherever needed."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    out: list[Flowable] = [Paragraph(esc(block), style) for block in blocks if block]
    return out or [Spacer(0, 0)]


# ---- fitting text into a fixed box (certificate, grid cells)


def _break_wide_words(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """`text` with words too wide for `width` broken after "*", "/" or "-" (Kund*innen, A/B);
    returns the text and the width of its widest unbreakable piece."""
    widest = 0.0
    out: list[str] = []
    for token in re.split(r"(\s+)", text):
        if not token or token.isspace():
            out.append(token)
            continue
        if pdfmetrics.stringWidth(token, font, size) <= width:
            widest = max(widest, pdfmetrics.stringWidth(token, font, size))
            out.append(token)
            continue
        parts = [part for part in re.split(r"(?<=[*/\-])", token) if part]
        lines: list[str] = []
        for part in parts:
            widest = max(widest, pdfmetrics.stringWidth(part, font, size))
            if lines and pdfmetrics.stringWidth(lines[-1] + part, font, size) <= width:
                lines[-1] += part
            else:
                lines.append(part)
        out.append("\n".join(lines))
    return "".join(out), widest


def fit_paragraph(
    text: str, style: ParagraphStyle, width: float, height: float, min_size: float = 5.5
) -> tuple[Paragraph, float]:
    """A paragraph of `text` that fits `width` x `height`, shrinking the font down to `min_size`.

    Words are not split in the middle while a smaller size (or a break after "*", "/", "-")
    avoids it. If even the smallest size is too tall, the text is shortened at a word boundary
    with "…" (only ever used for names shown in full elsewhere in the report).
    """
    # first shrink a little keeping every word whole, then allow breaks after "*", "/", "-"
    for floor, may_break in ((max(min_size, style.fontSize * 0.85), False), (min_size, True)):
        size = style.fontSize
        while True:
            fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2)
            if may_break:
                broken, widest = _break_wide_words(text, style.fontName, size, width)
            else:
                broken = text
                widest = max((pdfmetrics.stringWidth(w, style.fontName, size) for w in text.split()), default=0)
            para = Paragraph(esc(broken), fitted)
            _, needed = para.wrap(width, height)
            if needed <= height and (widest <= width or (may_break and size - 0.25 < floor)):
                return para, needed
            if size - 0.25 < floor:
                break
            size -= 0.25
    words = text.split()
    while len(words) > 1:
        words = words[:-1]
        para = Paragraph(esc(" ".join(words)) + "…", fitted)
        _, needed = para.wrap(width, height)
        if needed <= height:
            return para, needed
    para = Paragraph("…", fitted)
    _, needed = para.wrap(width, height)
    return para, needed


def fit_font_size(text: str, font: str, size: float, width: float, min_size: float = 6) -> float:
    """The largest size up to `size` at which one line of `text` is at most `width` wide."""
    while size > min_size and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


# ---- the matrix grid: stakeholder rows x value columns, cells coloured by level


def grid_layout(matrix: Matrix) -> list[list[tuple[Theme, int, int]]]:
    """Per stakeholder row: (theme, first column index, column span), left to right.

    Matrix 4.1 rows A and B hold one indicator spanning all value columns.
    """
    columns = [value.code for value in matrix.values]
    rows: list[list[tuple[Theme, int, int]]] = []
    for stakeholder in matrix.stakeholders:
        cells: list[tuple[Theme, int, int]] = []
        for theme in matrix.themes:
            if theme.stakeholder != stakeholder.code:
                continue
            spanned = [c for c in (theme.value_columns or (theme.value,)) if c in columns]
            if not spanned:
                spanned = list(columns) if theme.value == "all" else []
            if not spanned:
                continue
            first = min(columns.index(c) for c in spanned)
            cells.append((theme, first, len(spanned)))
        cells.sort(key=lambda cell: cell[1])
        rows.append(cells)
    return rows


class MatrixGrid(Flowable):
    """The matrix as coloured tiles: code, short name, points / maximum and percentage per cell."""

    def __init__(
        self,
        matrix: Matrix,
        result: ScoreResult,
        lang: str,
        width: float,
        row_height: float,
        header_height: float = 34,
        row_header_width: float = 92,
        show_names: bool = True,
        name_size: float = 7.2,
    ) -> None:
        super().__init__()
        self.matrix = matrix
        self.result = result
        self.lang = lang
        self.width = width
        self.row_height = row_height
        self.header_height = header_height
        self.row_header_width = row_header_width
        self.show_names = show_names
        self.name_size = name_size
        self.height = header_height + row_height * len(matrix.stakeholders)
        self.gap = 2.0

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.draw_on(self.canv, 0, 0)

    def draw_on(self, canv: Canvas, x: float, y: float) -> None:
        """Draw with the lower-left corner at (x, y)."""
        register_fonts()
        lang = self.lang
        columns = self.matrix.values
        col_width = (self.width - self.row_header_width) / len(columns)
        top = y + self.height
        gap = self.gap
        header_style = ParagraphStyle(
            "grid-head", fontName=FONT_BOLD, fontSize=7.4, leading=8.8, textColor=INK, alignment=TA_CENTER
        )
        # value column headers
        for i, value in enumerate(columns):
            cx = x + self.row_header_width + i * col_width
            self._box(
                canv,
                cx + gap / 2,
                top - self.header_height + gap / 2,
                col_width - gap,
                self.header_height - gap,
                HEADER_FILL,
            )
            para, needed = fit_paragraph(
                f"{value.code} {value.name.get(lang)}", header_style, col_width - 8, self.header_height - 6, 5.5
            )
            para.drawOn(canv, cx + 4, top - self.header_height / 2 - needed / 2)
        # corner: what rows and columns are
        corner = ParagraphStyle("grid-corner", parent=header_style, fontName=FONT, textColor=MUTED, fontSize=6.8)
        para, needed = fit_paragraph(
            f"{tr('values', lang)} →\n{tr('stakeholders', lang)} ↓",
            corner,
            self.row_header_width - 8,
            self.header_height - 6,
            5,
        )
        para.drawOn(canv, x + 4, top - self.header_height / 2 - needed / 2)
        row_style = ParagraphStyle("grid-row", parent=header_style, alignment=TA_LEFT, fontSize=7.4, leading=8.8)
        for r, (stakeholder, cells) in enumerate(zip(self.matrix.stakeholders, grid_layout(self.matrix), strict=True)):
            ry = top - self.header_height - (r + 1) * self.row_height
            self._box(canv, x + gap / 2, ry + gap / 2, self.row_header_width - gap, self.row_height - gap, HEADER_FILL)
            para, needed = fit_paragraph(
                f"{stakeholder.code} {stakeholder.name.get(lang)}",
                row_style,
                self.row_header_width - 10,
                self.row_height - 8,
                5.5,
            )
            para.drawOn(canv, x + 5, ry + self.row_height / 2 - needed / 2)
            for theme, first, span in cells:
                score = self.result.themes.get(theme.code)
                if score is None:
                    continue
                cx = x + self.row_header_width + first * col_width
                self._cell(
                    canv, theme, score, cx + gap / 2, ry + gap / 2, span * col_width - gap, self.row_height - gap
                )

    def _box(self, canv: Canvas, x: float, y: float, w: float, h: float, fill: colors.Color) -> None:
        canv.saveState()
        canv.setFillColor(fill)
        canv.setStrokeColor(fill)
        canv.roundRect(x, y, w, h, 2.5, stroke=0, fill=1)
        canv.restoreState()

    def _cell(self, canv: Canvas, theme: Theme, score: ThemeScore, x: float, y: float, w: float, h: float) -> None:
        lang = self.lang
        style = theme_level_style(score)
        text_colour = hex_colour(style.text)
        self._box(canv, x, y, w, h, hex_colour(style.fill))
        pad = 4.0
        code_size = 9.0 if h >= 40 else 7.5
        canv.saveState()
        canv.setFillColor(text_colour)
        canv.setFont(FONT_BOLD, code_size)
        canv.drawString(x + pad, y + h - pad - code_size * 0.85, theme.code)
        if score.not_applicable:
            bottom = label("not_applicable", lang)
            right = ""
        else:
            bottom = f"{format_points(score.points, lang)} / {format_points(score.max_points, lang)}"
            right = format_percent(theme_percentage(score), lang)
        if right:
            canv.drawRightString(x + w - pad, y + h - pad - code_size * 0.85, right)
        bottom_size = fit_font_size(bottom, FONT, 8.0 if h >= 40 else 6.8, w - 2 * pad, 5)
        canv.setFont(FONT, bottom_size)
        canv.drawString(x + pad, y + pad, bottom)
        canv.restoreState()
        if self.show_names:
            name_style = ParagraphStyle(
                "grid-name",
                fontName=FONT,
                fontSize=self.name_size,
                leading=self.name_size * 1.2,
                textColor=text_colour,
            )
            room = h - 2 * pad - code_size - bottom_size - 4
            if room > 6:
                para, _ = fit_paragraph(theme.name.get(lang), name_style, w - 2 * pad, room, 5.2)
                para.drawOn(canv, x + pad, y + h - pad - code_size - 2 - para.height)


def legend_items(lang: str) -> list[tuple[colors.Color, colors.Color, str]]:
    """(fill, text colour, label) of every level colour, for a legend."""
    return [(hex_colour(s.fill), hex_colour(s.text), s.label.get(lang)) for s in LEVEL_STYLES]


def draw_legend(canv: Canvas, x: float, y: float, width: float, lang: str, size: float = 7.5) -> float:
    """One row of colour swatches with labels, starting at (x, y) baseline; returns the height used."""
    register_fonts()
    canv.saveState()
    title = tr("legend", lang)
    canv.setFillColor(INK)
    canv.setFont(FONT, size)
    canv.drawString(x, y, title)
    cx = x + pdfmetrics.stringWidth(title, FONT, size) + 8
    line_y = y
    for fill, _, text in legend_items(lang):
        needed = 14 + pdfmetrics.stringWidth(text, FONT, size) + 10
        if cx + needed > x + width:
            cx = x
            line_y -= size * 1.8
        canv.setFillColor(fill)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.rect(cx, line_y - 1.5, 10, 8, stroke=1, fill=1)
        canv.setFillColor(INK)
        canv.drawString(cx + 14, line_y, text)
        cx += needed
    canv.restoreState()
    return y - line_y + size * 1.8


def points_text(value: Decimal, lang: str) -> str:
    return format_points(value, lang)


def join_nonempty(parts: Iterable[str], sep: str = " · ") -> str:
    return sep.join(part for part in parts if part)


__all__ = [
    "FONT",
    "FONT_BOLD",
    "FONT_ITALIC",
    "RENDER_LOCK",
    "TEXTS",
    "MatrixGrid",
    "Styles",
    "draw_legend",
    "esc",
    "fit_paragraph",
    "grid_layout",
    "long_text",
    "make_styles",
    "register_fonts",
    "tr",
]
