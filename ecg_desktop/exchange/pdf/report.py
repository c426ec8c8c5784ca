"""The full report: cover, contents, summary charts, one section per theme, negative aspects, tax, evidence.

Built with platypus in several passes (multiBuild) so the table of contents and "Page X of Y"
are right; headings become PDF bookmarks (the outline).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ecg_desktop.balance.model import EvidenceRef
from ecg_desktop.exchange.pdf.charts import Bar, bar_chart, comparison_chart, tax_chart
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
    Styles,
    draw_legend,
    esc,
    hex_colour,
    join_nonempty,
    long_text,
    make_styles,
    tr,
)
from ecg_desktop.exchange.pdf.data import ReportData
from ecg_desktop.matrix.model import Aspect, Theme
from ecg_desktop.presentation import (
    balance_type_label,
    evidence_status_label,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_period,
    format_points,
    format_size,
    label,
    schedule_name,
    status_line,
    theme_level_style,
    theme_percentage,
)
from ecg_desktop.scoring.tax import ILLUSTRATIVE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 42.0
MARGIN_TOP = 54.0
MARGIN_BOTTOM = 50.0
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
SHORT_HASH = 12
MAX_LEVERS = 10


def render_report(data: ReportData, parity: Any = None) -> bytes:
    """The full report of `data` as PDF bytes; `parity` (optional) adds the parity page of issue 9.

    Safe to call from a worker thread (renders are serialised); fonts are embedded.
    """
    with RENDER_LOCK:
        styles = make_styles()
        buffer = io.BytesIO()
        doc = ReportTemplate(buffer, data)
        story = ReportBuilder(data, styles, doc).story(parity)
        doc.multiBuild(story)
        return buffer.getvalue()


# ---- the document template: pages, running header and footer, outline, page count


class _PageCount(Flowable):
    """Invisible; makes multiBuild run until the page count is stable, so "of Y" is right."""

    def __init__(self, doc: ReportTemplate) -> None:
        super().__init__()
        self.doc = doc
        self.count: int | None = None
        self.previous: int | None = None

    def isIndexing(self) -> int:
        return 1

    def isSatisfied(self) -> bool:
        return self.count is not None and self.count == self.previous

    def beforeBuild(self) -> None:
        pass

    def notify(self, kind: str, stuff: Any) -> None:
        pass

    def afterBuild(self) -> None:
        self.previous, self.count = self.count, self.doc.page

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _Legend(Flowable):
    def __init__(self, lang: str, width: float) -> None:
        super().__init__()
        self.lang = lang
        self.width = width

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.width, 16

    def draw(self) -> None:
        draw_legend(self.canv, 0, 4, self.width, self.lang)


class ReportTemplate(BaseDocTemplate):
    """A4 pages: a cover without running header, then body pages with header and footer."""

    def __init__(self, buffer: io.BytesIO, data: ReportData) -> None:
        lang = data.lang
        name = data.balance.organisation.name
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{tr('title', lang)} – {name}" if name else tr("title", lang),
            author=data.author or name or tr("app", lang),
            subject=tr("subject_report", lang),
            creator=tr("app", lang),
            keywords=f"ECG, GWÖ, matrix {data.matrix.version}, {data.balance.type}",
            lang="de-DE" if lang == "de" else "en-GB",
            initialFontName=FONT,
            initialFontSize=9.5,
            pageCompression=1,
        )
        self.data = data
        self.page_count = _PageCount(self)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body")
        cover = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_WIDTH, PAGE_HEIGHT - 40 - MARGIN_BOTTOM, id="cover")
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._cover_page),
                PageTemplate("body", [frame], onPage=self._body_page),
            ]
        )

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:  # type: ignore[override]
        super().build(flowables, **kwargs)
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline is None:
            return
        level, text, key, in_toc = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        if in_toc:
            self.notify("TOCEntry", (level, esc(text), self.page, key))

    # -- page decoration
    def _footer(self, canv: Canvas) -> None:
        lang = self.data.lang
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, MARGIN_BOTTOM - 14, PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 14)
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(
            MARGIN_X, MARGIN_BOTTOM - 26, tr("generated", lang, date=format_datetime(self.data.generated_at, lang))
        )
        pages = self.page_count.count
        canv.drawRightString(
            PAGE_WIDTH - MARGIN_X,
            MARGIN_BOTTOM - 26,
            tr("page", lang, page=canv.getPageNumber(), pages=pages if pages is not None else "…"),
        )
        canv.restoreState()

    def _cover_page(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE_HEIGHT - 14, PAGE_WIDTH, 14, stroke=0, fill=1)
        canv.restoreState()
        self._footer(canv)

    def _body_page(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        lang = self.data.lang
        canv.saveState()
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        name = self.data.balance.organisation.name
        period = self.data.balance.period
        right = join_nonempty(
            [tr("title", lang), format_period(period.start, period.end, lang) if period else ""], " · "
        )
        right_width = canv.stringWidth(right, FONT, 7.5)
        left = name
        room = BODY_WIDTH - right_width - 16
        while left and canv.stringWidth(left, FONT, 7.5) > room:
            left = left[:-2] + "…" if len(left) > 2 else ""
            if left.endswith("……"):
                left = left[:-2] + "…"
        canv.drawString(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 22, left)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 22, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 16, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 16)
        canv.restoreState()
        self._footer(canv)


# ---- the story


class ReportBuilder:
    """Turns ReportData into the list of flowables of the report."""

    def __init__(self, data: ReportData, styles: Styles, doc: ReportTemplate) -> None:
        self.data = data
        self.lang = data.lang
        self.s = styles
        self.doc = doc
        self._keys = 0
        self.family4 = data.matrix.family == "4"
        self.balance_type = data.balance.type

    # -- helpers
    def t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def heading(self, text: str, level: int, in_toc: bool = True) -> Paragraph:
        style = (self.s.h1, self.s.h2, self.s.h3)[level]
        para = Paragraph(esc(text), style)
        self._keys += 1
        para._outline = (level, text, f"h{self._keys}", in_toc)  # type: ignore[attr-defined]
        return para

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(esc(text), style or self.s.body)

    def kv(self, key: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(f"<font name='{FONT_BOLD}'>{esc(key)}:</font> {esc(value)}", style or self.s.small)

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        header: bool = True,
        extra: Sequence[tuple[Any, ...]] = (),
        long: bool = False,
    ) -> Table:
        cls = LongTable if long else Table
        table = cls(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8)]
        table.setStyle(TableStyle(commands + list(extra)))
        return table

    def cells(self, values: Sequence[str], bold: bool = False, right: Sequence[int] = ()) -> list[Paragraph]:
        out = []
        for i, value in enumerate(values):
            style = self.s.cell_right if i in right else (self.s.cell_bold if bold else self.s.cell)
            if bold and i in right:
                style = ParagraphStyle("cell_bold_right", parent=self.s.cell_right, fontName=FONT_BOLD)
            out.append(Paragraph(esc(value), style))
        return out

    def theme_name(self, theme: Theme) -> str:
        return f"{theme.code} {theme.name.get(self.lang)}"

    def points(self, value: Decimal) -> str:
        return format_points(value, self.lang)

    def exact(self, value: Decimal, places: int = 2) -> str:
        """Points with decimals where they matter (aspects, deductions)."""
        return format_number(value, self.lang, places) if value != value.to_integral_value() else self.points(value)

    # -- the whole story
    def story(self, parity: Any = None) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story += [NextPageTemplate("body"), PageBreak()]
        story += self.contents()
        story += [PageBreak()]
        story += self.summary()
        story += [PageBreak()]
        story += self.themes()
        story += [PageBreak()]
        story += self.negatives()
        story += [CondPageBreak(320)]
        story += self.tax()
        if parity is not None:
            story += [PageBreak()]
            story += self.parity(parity)
        story += [PageBreak()]
        story += self.appendix()
        story.append(self.doc.page_count)
        return story

    # -- cover
    def cover(self) -> list[Flowable]:
        data, lang = self.data, self.lang
        balance, result = data.balance, data.result
        out: list[Flowable] = [Spacer(0, 60), Paragraph(esc(self.t("title")), self.s.title)]
        out.append(
            Paragraph(
                esc(self.t("report")),
                ParagraphStyle("sub", parent=self.s.body, fontSize=13, leading=17, textColor=MUTED),
            )
        )
        out.append(Spacer(0, 28))
        org_style = ParagraphStyle("org", parent=self.s.h1, fontSize=20, leading=25, textColor=INK)
        out.append(Paragraph(esc(balance.organisation.name or "–"), org_style))
        period = (
            format_period(balance.period.start, balance.period.end, lang) if balance.period else self.t("no_period")
        )
        facts = [
            (self.t("period"), period),
            (self.t("matrix"), f"{data.matrix.name.get(lang)} · {balance_type_label(balance.type, lang)}"),
            (self.t("assessment"), status_line(balance.audit, lang)),
            (self.t("basis"), label(f"basis.{result.basis}", lang)),
        ]
        if result.size_class:
            facts.append((self.t("size_class"), result.size_class))
        rows = [[Paragraph(esc(k), self.s.muted), Paragraph(esc(v), self.s.cell_bold)] for k, v in facts]
        out.append(
            self.table(rows, [120, BODY_WIDTH - 120], header=False, extra=[("LINEBELOW", (0, 0), (-1, -1), 0, RULE)])
        )
        out.append(Spacer(0, 26))
        total = Paragraph(esc(self.points(result.total)), self.s.big)
        side = [
            Paragraph(
                esc(self.t("points_word")),
                ParagraphStyle("pw", parent=self.s.body, fontName=FONT_BOLD, fontSize=12, leading=15),
            ),
            Paragraph(esc(self.t("of_max", max=self.points(result.max_total))), self.s.body),
        ]
        rate = format_percent(data.tax.rate, lang, 0 if data.tax.rate == data.tax.rate.to_integral_value() else 1)
        tax = [
            Paragraph(esc(self.t("tax_rate")), self.s.muted),
            Paragraph(
                esc(rate), ParagraphStyle("rate", parent=self.s.body, fontName=FONT_BOLD, fontSize=18, leading=22)
            ),
            Paragraph(
                esc("⚠ " + ILLUSTRATIVE.get(lang)),
                ParagraphStyle("ill", parent=self.s.tiny, fontName=FONT_BOLD, textColor=MUTED),
            ),
        ]
        block = Table([[total, side, tax]], colWidths=[130, BODY_WIDTH - 130 - 170, 170], hAlign="LEFT")
        block.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 9),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (1, 0), HEADER_FILL),
                    ("BOX", (2, 0), (2, 0), 0.6, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        out.append(block)
        organisation = balance.organisation
        about = [
            (self.t("legal_form"), organisation.legal_form),
            (self.t("industry"), organisation.industry),
            (self.t("head_office"), organisation.head_office),
            (self.t("ownership"), organisation.ownership),
            (self.t("website"), organisation.website),
            (self.t("contact"), join_nonempty([organisation.contact_person, organisation.contact_email], ", ")),
        ]
        about = [(k, v) for k, v in about if v.strip()]
        if about:
            out += [Spacer(0, 22), Paragraph(esc(self.t("facts")), self.s.h3)]
            out += [self.kv(k, v) for k, v in about]
        return out

    def contents(self) -> list[Flowable]:
        toc = TableOfContents()
        toc.tableStyle = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        toc.dotsMinLevel = 0
        toc.levelStyles = [
            ParagraphStyle(
                "toc0",
                fontName=FONT_BOLD,
                fontSize=10,
                leading=14,
                leftIndent=0,
                firstLineIndent=0,
                spaceBefore=5,
                textColor=INK,
            ),
            ParagraphStyle(
                "toc1", fontName=FONT, fontSize=8.6, leading=11.5, leftIndent=14, firstLineIndent=0, textColor=INK
            ),
            ParagraphStyle(
                "toc2", fontName=FONT, fontSize=8, leading=10.5, leftIndent=28, firstLineIndent=0, textColor=MUTED
            ),
        ]
        return [self.heading(self.t("contents"), 0, in_toc=False), toc]

    # -- summary
    def summary(self) -> list[Flowable]:
        data, lang = self.data, self.lang
        matrix, result = data.matrix, data.result
        out: list[Flowable] = [self.heading(self.t("summary"), 0)]
        out.append(self.heading(self.t("heatmap"), 1))
        grid = MatrixGrid(
            matrix,
            result,
            lang,
            BODY_WIDTH,
            row_height=58,
            header_height=30,
            row_header_width=96 if len(matrix.values) < 5 else 80,
            name_size=6.4,
        )
        out += [grid, _Legend(lang, BODY_WIDTH)]
        total_line = (
            f"{self.t('total')}: {self.points(result.total)} / {self.points(result.max_total)} {self.t('points_word')}"
        )
        out.append(Paragraph(esc(total_line), self.s.h3))

        row_of = {t.code: t.stakeholder for t in matrix.themes}
        by_row = []
        for stakeholder in matrix.stakeholders:
            codes = [c for c, r in row_of.items() if r == stakeholder.code and c in result.themes]
            by_row.append(
                Bar(
                    f"{stakeholder.code} {stakeholder.name.get(lang)}",
                    sum((result.themes[c].points for c in codes), Decimal(0)),
                    sum((result.themes[c].max_points for c in codes), Decimal(0)),
                )
            )
        out.append(KeepTogether([self.heading(self.t("by_stakeholder"), 1), bar_chart(by_row, BODY_WIDTH, lang)]))
        by_value = []
        columns = [v.code for v in matrix.values]
        for value in matrix.values:
            points = maximum = Decimal(0)
            for theme in matrix.themes:
                spanned = [c for c in (theme.value_columns or (theme.value,)) if c in columns]
                if value.code not in spanned or theme.code not in result.themes:
                    continue
                share = Decimal(1) / len(spanned)  # a 4.1 indicator spanning all columns counts in each equally
                points += result.themes[theme.code].points * share
                maximum += result.themes[theme.code].max_points * share
            by_value.append(Bar(f"{value.code} {value.name.get(lang)}", points, maximum))
        out.append(KeepTogether([self.heading(self.t("by_value"), 1), bar_chart(by_value, BODY_WIDTH, lang)]))
        out += self.comparison()
        if result.warnings:
            out.append(self.heading(self.t("warnings"), 1))
            out += [self.p("• " + w.text(lang), self.s.small) for w in result.warnings]
        return out

    def comparison(self) -> list[Flowable]:
        data, lang = self.data, self.lang
        out: list[Flowable] = [CondPageBreak(160), self.heading(self.t("comparison"), 1)]
        previous = data.previous
        if previous is None:
            out.append(self.p(self.t("no_previous"), self.s.muted))
            return out
        change = data.result.total - previous.total
        sign = "+" if change > 0 else ""
        line = join_nonempty(
            [
                f"{self.t('previous_balance')}"
                + (f" ({data.previous_label})" if data.previous_label else "")
                + f": {self.points(previous.total)}",
                f"{self.t('this_balance')}: {self.points(data.result.total)}",
                f"{sign}{self.points(change)} {self.t('points_word')}",
            ]
        )
        out.append(self.p(line, self.s.body))
        if previous.matrix != data.result.matrix:
            out.append(self.p(self.t("other_matrix", matrix=previous.matrix), self.s.muted))
            return out
        rows = [
            (self.theme_name(data.matrix.theme(code)), theme.points, previous.themes[code].points)
            for code, theme in data.result.themes.items()
            if code in previous.themes and data.matrix.has_theme(code)
        ]
        out.append(comparison_chart(rows, BODY_WIDTH, lang))
        return out

    # -- themes
    def evidence_for(self, codes: set[str]) -> list[EvidenceRef]:
        return [ref for ref in self.data.balance.evidence if codes & set(ref.codes)]

    def level_text(self, aspect: Aspect, rating: Decimal | None) -> str:
        lang = self.lang
        if rating is None:
            return self.t("not_rated")
        if not aspect.positive:
            return f"{self.t('deduction')} {self.exact(rating)}"
        level = self.data.matrix.level_for(rating)
        name = level.name.get(lang) if level else ""
        high = self.data.matrix.rating_range[1]
        amount = (
            format_percent(rating, lang)
            if self.family4
            else f"{format_number(rating, lang)} / {format_number(high, lang)}"
        )
        return join_nonempty([name, f"({amount})" if name else amount], " ")

    def themes(self) -> list[Flowable]:
        data = self.data
        out: list[Flowable] = [self.heading(self.t("indicators" if self.family4 else "themes"), 0)]
        for i, theme in enumerate(data.matrix.themes):
            if i:
                out.append(CondPageBreak(200))
            out += self.theme_section(theme)
        return out

    def theme_section(self, theme: Theme) -> list[Flowable]:
        data, lang = self.data, self.lang
        balance, result = data.balance, data.result
        score = result.themes[theme.code]
        out: list[Flowable] = [self.heading(self.theme_name(theme), 1)]
        level = theme_level_style(score)
        reached = (
            label("not_applicable", lang) if score.not_applicable else format_percent(theme_percentage(score), lang)
        )
        weight = format_number(score.weight, lang)
        head = [self.t("weight"), self.t("maximum"), self.t("points"), self.t("reached")]
        values = [weight, self.exact(score.max_points), self.exact(score.points), reached]
        width = BODY_WIDTH / 4
        summary = self.table(
            [self.cells(head), self.cells(values, bold=True)],
            [width] * 4,
            extra=[
                ("BACKGROUND", (3, 1), (3, 1), hex_colour(level.fill)),
                ("TEXTCOLOR", (3, 1), (3, 1), hex_colour(level.text)),
            ],
        )
        # the paragraph colour wins over TEXTCOLOR: colour the reached cell's text explicitly
        summary._cellvalues[1][3] = Paragraph(f"<font color='{level.text}'>{esc(reached)}</font>", self.s.cell_bold)
        out.append(summary)
        out.append(Spacer(0, 4))
        out.append(Paragraph(esc(self.t("why_weight")), self.s.h3))
        out.append(self.p(score.weight_explanation.text.get(lang), self.s.small))
        stakeholder = result.stakeholders.get(theme.stakeholder)
        if stakeholder is not None:
            out.append(self.p(stakeholder.explanation.text.get(lang), self.s.small))
        for code in (theme.code, theme.stakeholder):
            justification = balance.justifications.get(code, "").strip()
            if justification:
                out.append(Paragraph(esc(f"{self.t('justification')} ({code}):"), self.s.cell_bold))
                out += long_text(justification, self.s.small)
        out.append(self.p(score.points_explanation.text.get(lang), self.s.muted))
        reasoning = balance.reasoning.get(theme.code, "").strip()
        if reasoning:
            out.append(Paragraph(esc(self.t("theme_reasoning")), self.s.h3))
            out += long_text(reasoning, self.s.body)
        aspects = data.matrix.aspects_of(theme.code, self.balance_type)
        for aspect in aspects:
            out += self.aspect_block(aspect)
        codes = {theme.code} | {a.code for a in aspects}
        out.append(Paragraph(esc(self.t("evidence")), self.s.h3))
        linked = self.evidence_for(codes)
        if not linked:
            out.append(self.p(self.t("no_evidence"), self.s.muted))
        for ref in linked:
            out.append(
                self.p(
                    f"• {ref.name} · {ref.sha256[:SHORT_HASH]} · {', '.join(c for c in ref.codes if c in codes)}",
                    self.s.small,
                )
            )
        return out

    def aspect_block(self, aspect: Aspect) -> list[Flowable]:
        data, lang = self.data, self.lang
        balance, result = data.balance, data.result
        scored = result.aspects.get(aspect.code)
        out: list[Flowable] = [self.heading(f"{aspect.code} {aspect.name.get(lang)}", 2, in_toc=False)]
        own = balance.ratings.get(aspect.code)
        facts = [f"{self.t('self_level')}: {self.level_text(aspect, own)}"]
        auditor = balance.auditor_ratings.get(aspect.code)
        if auditor is not None:
            facts.append(f"{self.t('auditor_level')}: {self.level_text(aspect, auditor)}")
        if scored is not None:
            if aspect.positive:
                facts.append(f"{self.t('points')}: {self.exact(scored.points)} / {self.exact(scored.max_points)}")
                if scored.weight is not None:
                    facts.append(f"{self.t('aspect_weight')} {format_number(scored.weight, lang)}")
            else:
                facts.append(f"{self.t('points')}: {self.exact(scored.points)}")
        out.append(self.p(" · ".join(facts), self.s.small))
        justification = balance.justifications.get(aspect.code, "").strip()
        if justification:
            out.append(Paragraph(esc(self.t("justification") + ":"), self.s.cell_bold))
            out += long_text(justification, self.s.small)
        reasoning = balance.reasoning.get(aspect.code, "").strip()
        if reasoning:
            out += long_text(reasoning, self.s.body)
        else:
            out.append(self.p(self.t("no_reasoning"), self.s.muted))
        comment = balance.auditor_comments.get(aspect.code, "").strip()
        if comment:
            out.append(Paragraph(esc(self.t("auditor_comment") + ":"), self.s.cell_bold))
            out += long_text(comment, ParagraphStyle("comment", parent=self.s.small, leftIndent=10, textColor=MUTED))
        return out

    # -- negative aspects / criteria
    def negatives(self) -> list[Flowable]:
        data, lang = self.data, self.lang
        balance, result, matrix = data.balance, data.result, data.matrix
        out: list[Flowable] = [self.heading(self.t("negative_criteria" if self.family4 else "negative_aspects"), 0)]
        items: list[tuple[str, str, str, Decimal]] = []
        if self.family4:
            for criterion in matrix.negative_criteria:
                scored = result.aspects.get(criterion.code)
                if scored is not None and scored.points:
                    value = matrix.value(criterion.value).name.get(lang) if criterion.value else ""
                    items.append((criterion.code, criterion.name.get(lang), value, scored.points))
        else:
            for aspect in matrix.aspects(self.balance_type):
                scored = result.aspects.get(aspect.code)
                if aspect.positive or scored is None or not scored.points:
                    continue
                theme = matrix.theme(aspect.theme)
                items.append((aspect.code, aspect.name.get(lang), self.theme_name(theme), scored.points))
        if not items:
            out.append(self.p(self.t("no_negative"), self.s.body))
            return out
        out.append(self.p(self.t("negative_intro"), self.s.body))
        head = [self.t("code"), self.t("name"), self.t("values" if self.family4 else "theme"), self.t("points")]
        rows = [self.cells(head, bold=True, right=(3,))]
        rows += [self.cells([c, n, w, self.exact(p)], right=(3,)) for c, n, w, p in items]
        total = sum((p for *_, p in items), Decimal(0))
        rows.append(self.cells([self.t("total"), "", "", self.exact(total)], bold=True, right=(3,)))
        out.append(self.table(rows, [50, 230, 150, BODY_WIDTH - 430], long=True))
        if self.family4:  # 4.1 criteria have no theme section: their reasoning is shown here
            for code, name, _, _ in items:
                reasoning = balance.reasoning.get(code, "").strip()
                comment = balance.auditor_comments.get(code, "").strip()
                if reasoning or comment:
                    out.append(self.heading(f"{code} {name}", 1, in_toc=False))
                    out += long_text(reasoning, self.s.body) if reasoning else []
                    if comment:
                        out.append(Paragraph(esc(self.t("auditor_comment") + ":"), self.s.cell_bold))
                        out += long_text(comment, self.s.small)
        return out

    # -- tax
    def tax(self) -> list[Flowable]:
        data, lang = self.data, self.lang
        tax = data.tax
        out: list[Flowable] = [self.heading(self.t("tax_section"), 0)]
        warning = ParagraphStyle("warn", parent=self.s.body, fontName=FONT_BOLD, textColor=hex_colour("#8a3b12"))
        out.append(Paragraph(esc("⚠ " + ILLUSTRATIVE.get(lang)), warning))
        places = 0 if tax.rate == tax.rate.to_integral_value() else 2
        out.append(
            Paragraph(
                f"{esc(self.t('rate'))}: <font name='{FONT_BOLD}' size='13'>{esc(format_percent(tax.rate, lang, places))}</font>"
                + (
                    f" · {esc(self.t('tax_schedule'))}: {esc(schedule_name(tax.schedule, lang))}"
                    if tax.schedule.name
                    else ""
                ),
                self.s.body,
            )
        )
        out.append(self.p(tax.explanation.get(lang), self.s.small))
        out.append(
            KeepTogether([self.heading(self.t("tax_plot"), 1), tax_chart(tax, data.result.total, BODY_WIDTH, lang)])
        )
        out.append(self.heading(self.t("levers"), 1))
        out.append(self.p(self.t("levers_intro"), self.s.small))
        if not data.levers:
            out.append(self.p(self.t("no_levers"), self.s.muted))
            return out
        head = [self.t("theme"), self.t("gain"), self.t("new_total"), self.t("rate"), self.t("new_rate")]
        rows = [self.cells(head, bold=True, right=(1, 2, 3, 4))]
        for lever in data.levers[:MAX_LEVERS]:
            theme = data.matrix.theme(lever.theme)
            rows.append(
                self.cells(
                    [
                        self.theme_name(theme),
                        "+" + self.exact(lever.points_gained),
                        self.points(lever.new_total),
                        format_percent(
                            lever.current_rate,
                            lang,
                            0 if lever.current_rate == lever.current_rate.to_integral_value() else 1,
                        ),
                        format_percent(
                            lever.new_rate, lang, 0 if lever.new_rate == lever.new_rate.to_integral_value() else 1
                        ),
                    ],
                    right=(1, 2, 3, 4),
                )
            )
        out.append(self.table(rows, [BODY_WIDTH - 4 * 70, 70, 70, 70, 70], long=True))
        return out

    # -- parity (issue 9)
    def parity(self, parity: Any) -> list[Flowable]:
        """The parity page. Takes exchange.official.parity.ParityReport (header(), rows(lang), title(),
        summary(), reasons, notes) or any object with `rows` of (theme, ours, theirs, difference, reason)
        and a `total` row."""
        lang = self.lang
        out: list[Flowable] = [self.heading(self.t("parity"), 0)]
        rows_of = getattr(parity, "rows", ())
        if callable(rows_of):
            if hasattr(parity, "title"):
                out.append(self.p(parity.title(lang), self.s.small))
            header = [str(h) for h in parity.header(lang)]
            body = [[str(c) for c in row] for row in rows_of(lang)]
            kinds = [getattr(line, "kind", "") for line in getattr(parity, "lines", ())]
            rows = [self.cells(header, bold=True, right=(3,))]
            for i, row in enumerate(body):
                rows.append(self.cells(row, bold=i < len(kinds) and kinds[i] == "total", right=(3,)))
            out.append(self.table(rows, [62, 120, 120, 62, BODY_WIDTH - 364], long=True))
            if hasattr(parity, "summary"):
                out.append(Spacer(0, 6))
                out.append(self.p(parity.summary(lang), self.s.body))
            for reason in getattr(parity, "reasons", ()):
                out.append(self.p(f"{self.t('reason')}: {reason.message(lang)}", self.s.small))
            for note in getattr(parity, "notes", ()):
                out.append(self.p(f"• {note.text(lang)}", self.s.muted))
            return out
        out.append(self.p(self.t("parity_intro"), self.s.small))
        head = [self.t("theme"), self.t("ours"), self.t("theirs"), self.t("difference"), self.t("reason")]
        rows = [self.cells(head, bold=True, right=(1, 2, 3))]
        for row in rows_of:
            rows.append(self.cells(self._parity_values(row), right=(1, 2, 3)))
        total = getattr(parity, "total", None) or getattr(parity, "total_row", None)
        if total is not None:
            values = self._parity_values(total)
            if not values[0]:
                values[0] = self.t("total")
            rows.append(self.cells(values, bold=True, right=(1, 2, 3)))
        out.append(self.table(rows, [90, 72, 72, 72, BODY_WIDTH - 306], long=True))
        return out

    def _parity_values(self, row: Any) -> list[str]:
        if isinstance(row, (tuple, list)):
            theme, ours, theirs, difference, reason = (list(row) + [None] * 5)[:5]
        else:
            theme = getattr(row, "theme", "")
            ours = getattr(row, "ours", None)
            theirs = getattr(row, "theirs", None)
            difference = getattr(row, "difference", None)
            reason = getattr(row, "reason", "")

        def number(value: Any) -> str:
            if value is None:
                return "–"
            if isinstance(value, (Decimal, int)):
                return format_number(Decimal(value), self.lang, 2)
            return str(value)

        if isinstance(reason, (list, tuple)):
            reason = "; ".join(str(r) for r in reason)
        if hasattr(reason, "get") and not isinstance(reason, str):
            reason = reason.get(self.lang)
        return [str(theme or ""), number(ours), number(theirs), number(difference), str(reason or "")]

    # -- evidence appendix
    def appendix(self) -> list[Flowable]:
        lang = self.lang
        out: list[Flowable] = [self.heading(self.t("appendix"), 0)]
        checked = self.data.checked_evidence()
        if not checked:
            out.append(self.p(self.t("no_files"), self.s.muted))
            return out
        out.append(self.p(self.t("appendix_intro"), self.s.small))
        head = [self.t("file"), self.t("size"), "SHA-256", self.t("date"), self.t("linked"), self.t("check")]
        rows: list[list[Any]] = [self.cells(head, bold=True, right=(1,))]
        extra: list[tuple[Any, ...]] = []
        widths = [128, 44, 140, 56, 70, BODY_WIDTH - 438]
        # half a hash per line, as large as the column allows (hex digits must never wrap)
        size = 7.0
        while size > 4.5 and stringWidth("0" * 32, FONT, size) > widths[2] - 9:
            size -= 0.2
        hash_style = ParagraphStyle("hash", parent=self.s.cell, fontSize=size, leading=size * 1.25)
        for i, (ref, status) in enumerate(checked, start=1):
            sha = ref.sha256
            rows.append(
                [
                    Paragraph(esc(ref.name), self.s.cell),
                    Paragraph(esc(format_size(ref.size, lang)), self.s.cell_right),
                    Paragraph(esc(sha[:32]) + "<br/>" + esc(sha[32:]), hash_style),
                    Paragraph(esc(format_date(ref.added_at, lang) or "–"), self.s.cell),
                    Paragraph(esc(", ".join(ref.codes) or "–"), self.s.cell),
                    Paragraph(
                        esc(evidence_status_label(status, lang)), self.s.cell_bold if status != "ok" else self.s.cell
                    ),
                ]
            )
            if status not in ("ok", "unchecked"):
                extra.append(("TEXTCOLOR", (5, i), (5, i), hex_colour("#8a3b12")))
        out.append(self.table(rows, widths, extra=extra, long=True))
        return out


__all__ = ["ReportTemplate", "render_report"]
