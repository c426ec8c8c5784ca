"""Certificate and report PDFs: text (pdftotext), embedded fonts (pdffonts), page counts, metadata, no loss."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal as D
from pathlib import Path

import pytest
from test_pdf_samples import (
    AUDITOR,
    GENERATED,
    ORG_NAME,
    previous_balance_51,
    sample_balance_41,
    sample_balance_51,
    stress_balance,
)

from ecg_desktop.exchange.pdf import (
    render_certificate,
    render_certificates,
    render_pdf,
    render_report,
    report_data_for,
)
from ecg_desktop.presentation import format_points, status_line
from ecg_desktop.scoring import score

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed"
)


def tool(name: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / f"doc-{abs(hash(pdf))}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [name, *args, str(path), "-"] if name == "pdftotext" else [name, *args, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def text_of(pdf: bytes, tmp_path: Path) -> str:
    return tool("pdftotext", pdf, tmp_path)


def body_text_of(pdf: bytes, tmp_path: Path) -> str:
    """The text of the report pages without the running header and footer (A4, 72 dpi = points)."""
    return tool("pdftotext", pdf, tmp_path, "-r", "72", "-x", "0", "-y", "46", "-W", "595", "-H", "752")


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces (line breaks in a PDF are layout, not content)."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """All whitespace removed: compares texts whose words were wrapped or split across lines."""
    return re.sub(r"\s+", "", text)


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    info = tool("pdfinfo", pdf, tmp_path)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def assert_fonts_embedded(pdf: bytes, tmp_path: Path) -> None:
    lines = tool("pdffonts", pdf, tmp_path).splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        columns = line.split()
        name, emb = columns[0], columns[-5]
        assert emb == "yes", f"font {name} is not embedded: {line}"
        assert "DejaVu" in name, line


@pytest.fixture(scope="module")
def data_en():
    previous = score(previous_balance_51())
    balance = sample_balance_51()
    checks = [(ref, "ok" if i else "changed") for i, ref in enumerate(balance.evidence)]
    return report_data_for(
        balance, "en", previous=previous, previous_label="2022–2023", evidence_checks=checks, generated_at=GENERATED
    )


@pytest.fixture(scope="module")
def data_de(data_en):
    return data_en.with_lang("de")


# ---- certificate


@pytest.mark.parametrize("lang", ["en", "de"])
def test_certificate_text(lang, data_en, tmp_path):
    data = data_en.with_lang(lang)
    pdf = render_certificate(data)
    assert pdf.startswith(b"%PDF-")
    assert pages_of(pdf, tmp_path) == 1
    text = flat(text_of(pdf, tmp_path))
    assert ORG_NAME in text
    assert format_points(data.result.total, lang) == "422"
    assert re.search(r"\b422\b", text)
    for theme in data.matrix.themes:
        assert re.search(rf"\b{theme.code}\b", text), theme.code
    assert status_line(data.balance.audit, lang) in text
    expected = (
        f"Audited by {AUDITOR} on 20 Feb 2026, valid until 20 Feb 2028"
        if lang == "en"
        else f"Auditiert von {AUDITOR} am 20.02.2026, gültig bis 20.02.2028"
    )
    assert expected in text
    assert ("Illustrative only" if lang == "en" else "Nur zur Veranschaulichung") in text
    assert ("Reporting period" if lang == "en" else "Berichtszeitraum") in text
    assert ("1 Jan 2024 – 31 Dec 2025" if lang == "en" else "01.01.2024 – 31.12.2025") in text
    assert "5.1" in text
    assert ("full balance sheet" if lang == "en" else "Vollbilanz") in text
    assert ("not applicable" if lang == "en" else "entfällt") in text  # B4 has weight 0
    assert_fonts_embedded(pdf, tmp_path)


def test_certificate_metadata(data_de, tmp_path):
    info = tool("pdfinfo", render_certificate(data_de), tmp_path)
    assert re.search(r"^Title:\s+Gemeinwohl-Bilanz – Bäckerei Müller", info, re.M)
    assert re.search(r"^Subject:\s+Gemeinwohl-Bilanz: Ergebnis-Zertifikat", info, re.M)
    assert re.search(r"^Creator:\s+ECG Desktop", info, re.M)
    assert re.search(r"^Author:\s+\S", info, re.M)
    assert re.search(r"^CreationDate:\s+\S", info, re.M)


def test_certificate_of_matrix_41_with_spanning_rows_and_negative_criteria(tmp_path):
    data = report_data_for(sample_balance_41(), "de", generated_at=GENERATED)
    pdf = render_certificate(data)
    assert pages_of(pdf, tmp_path) == 1
    text = flat(text_of(pdf, tmp_path))
    for theme in data.matrix.themes:
        assert re.search(rf"\b{theme.code}\b", text), theme.code
    assert "Öko-Genossenschaft Süd eG" in text
    assert "Peer-evaluiert" in text
    assert "Negativkriterien ziehen -100 Punkte ab" in text
    assert re.search(rf"\b{format_points(data.result.total, 'de')}\b", text)
    assert "5 Demokratische Mitbestimmung" in text
    assert_fonts_embedded(pdf, tmp_path)


def test_certificate_of_a_draft_says_self_assessed(tmp_path):
    data = report_data_for(sample_balance_51(audited=False), "en", generated_at=GENERATED)
    text = flat(text_of(render_certificate(data), tmp_path))
    assert "Self-assessed (draft)" in text
    assert "Points of the self-assessment" in text


def test_batch_of_certificates_has_one_page_each(data_en, tmp_path):
    pdf = render_certificates([data_en, data_en.with_lang("de"), data_en])
    assert pages_of(pdf, tmp_path) == 3
    assert flat(text_of(pdf, tmp_path)).count(ORG_NAME) == 3


# ---- report


@pytest.mark.parametrize("lang", ["en", "de"])
def test_report_text_pages_and_fonts(lang, data_en, tmp_path):
    data = data_en.with_lang(lang)
    pdf = render_report(data)
    pages = pages_of(pdf, tmp_path)
    assert pages > 10
    raw = text_of(pdf, tmp_path)
    text = flat(raw)
    assert ORG_NAME in text
    assert status_line(data.balance.audit, lang) in text
    for theme in data.matrix.themes:
        heading = f"{theme.code} {theme.name.get(lang)}"
        assert heading in text, heading
    for aspect in data.matrix.aspects("full"):
        assert re.search(rf"\b{re.escape(aspect.code)}\b", text), aspect.code
    # every page says "Page X of Y" with the right Y, in order
    word, of = ("Page", "of") if lang == "en" else ("Seite", "von")
    numbers = [int(n) for n in re.findall(rf"{word} (\d+) {of} {pages}\b", text)]
    assert numbers == list(range(1, pages + 1))
    # contents, sections and the evidence appendix
    for key_en, key_de in [
        ("Contents", "Inhalt"),
        ("Summary", "Überblick"),
        ("Points by stakeholder", "Punkte nach Berührungsgruppe"),
        ("Points by value", "Punkte nach Wert"),
        ("Comparison with the previous balance", "Vergleich mit der vorigen Bilanz"),
        ("Negative aspects", "Negativaspekte"),
        ("Illustrative tax rate", "Steuersatz zur Veranschaulichung"),
        ("Appendix: evidence files", "Anhang: Nachweisdateien"),
    ]:
        assert (key_en if lang == "en" else key_de) in text
    for ref in data.balance.evidence:
        assert ref.sha256[:32] in raw and ref.sha256[32:] in raw
    assert ("content changed" if lang == "en" else "Inhalt verändert") in text
    assert "€" in text and "→" in text and "✓" in text and "ß" in text
    assert_fonts_embedded(pdf, tmp_path)


def test_report_outline_and_metadata(data_en, tmp_path):
    pdf = render_report(data_en)
    assert b"/Outlines" in pdf
    assert b"/UseOutlines" in pdf
    # one bookmark per theme at least: outline items carry /Dest or /A entries with /Parent
    assert pdf.count(b"/Parent") >= len(data_en.matrix.themes)
    info = tool("pdfinfo", pdf, tmp_path)
    assert re.search(r"^Title:\s+Common Good Balance Sheet – Bäckerei", info, re.M)
    assert re.search(r"^Subject:\s+Common Good Balance Sheet: full report", info, re.M)
    assert re.search(r"^CreationDate:\s+\S", info, re.M)


def test_report_of_matrix_41(tmp_path):
    data = report_data_for(sample_balance_41(), "en", generated_at=GENERATED)
    pdf = render_report(data)
    text = flat(text_of(pdf, tmp_path))
    assert "Indicators" in text and "Negative criteria" in text
    assert "N5" in text and "Ein Teil der Gewinne" in text
    assert "There is no earlier balance" in text
    assert_fonts_embedded(pdf, tmp_path)


def test_stress_balance_renders_without_loss(tmp_path):
    balance = stress_balance()
    checks = [(ref, ("ok", "missing", "changed")[i % 3]) for i, ref in enumerate(balance.evidence)]
    data = report_data_for(balance, "de", evidence_checks=checks, generated_at=GENERATED)
    pdf = render_report(data)
    pages = pages_of(pdf, tmp_path)
    raw = text_of(pdf, tmp_path)
    text = squeezed(body_text_of(pdf, tmp_path))
    assert pages > 40
    # every evidence file in the appendix: both hash halves (never wrapped) and the whole name
    for ref in balance.evidence:
        assert ref.sha256[:32] in raw and ref.sha256[32:] in raw, ref.name
        assert squeezed(ref.name) in text, ref.name
    # every long reasoning text arrives whole, in order, however it was broken across pages
    for code, reasoning in balance.reasoning.items():
        assert squeezed(reasoning) in text, code
    assert text.count(squeezed("Ausführliche Begründung mit Zahlen")) == sum(
        r.count("Ausführliche Begründung mit Zahlen") for r in balance.reasoning.values()
    )
    assert "ENDE-EINZELBLOCK" in text
    assert_fonts_embedded(pdf, tmp_path)
    # the certificate of the same balance still fits one page
    assert pages_of(render_certificate(data), tmp_path) == 1


def test_long_organisation_name_fits_the_certificate(tmp_path):
    name = "Gemeinnützige Gesellschaft für Größere Überlegungen " * 4 + "ENDE"
    balance = sample_balance_51().with_changes(
        organisation=sample_balance_51().organisation.__class__(name=name.strip())
    )
    data = report_data_for(balance, "de", generated_at=GENERATED)
    pdf = render_certificate(data)
    assert pages_of(pdf, tmp_path) == 1
    text = flat(text_of(pdf, tmp_path))
    assert "ENDE" in text and "Gemeinnützige Gesellschaft" in text


# ---- parity page (issue 9)


@dataclass
class Row:
    theme: str
    ours: D | None
    theirs: D | None
    difference: D | None
    reason: str


@dataclass
class Parity:
    rows: list
    total: Row


def test_parity_page_from_any_rows_object(data_en, tmp_path):
    parity = Parity(
        rows=[Row("A1", D("-22.86"), D("-22.86"), D(0), ""), ("A2", D("14.29"), D("14"), D("0.29"), "Rundung")],
        total=Row("", D("422.1"), D("421.8"), D("0.3"), "Summe der Rundungen"),
    )
    pdf = render_report(data_en, parity=parity)
    text = flat(text_of(pdf, tmp_path))
    layout = flat(tool("pdftotext", pdf, tmp_path, "-layout"))
    assert "Parity with the official workbook" in text
    assert "Rundung" in text and "0.29" in text and "Summe der Rundungen" in text
    assert re.search(r"Total 422\.10 421\.80 0\.30 Summe der Rundungen", layout)


def test_parity_page_from_the_official_parity_report(data_en, tmp_path):
    parity_module = pytest.importorskip("ecg_desktop.exchange.official.parity")
    line = parity_module.ParityLine
    report = parity_module.ParityReport(
        source="workbook",
        file="bilanz.xlsx",
        calculator_version="5.10",
        balance_type="full",
        lines=(
            line("A1", "theme", D("-22.86"), D("57.14"), D(1), D("-22.86"), D("57.14"), D(1), "equal"),
            line("A2", "theme", D("14"), D("57.14"), D(1), D("14.29"), D("57.14"), D(1), "different", "unexplained"),
            line("total", "total", D("421"), D(1000), None, D("422"), D(1000), None, "different", "unexplained"),
        ),
    )
    pdf = render_report(data_en.with_lang("de"), parity=report)
    text = flat(text_of(pdf, tmp_path))
    assert "Abgleich mit dem offiziellen Bilanzrechner" in text
    for row in report.rows("de"):
        assert row[0] in text
    assert report.summary("de") in text


# ---- plumbing


def test_render_pdf_kinds(data_en):
    assert render_pdf(data_en, "certificate").startswith(b"%PDF")
    with pytest.raises(ValueError, match="unknown PDF kind"):
        render_pdf(data_en, "poster")


def test_renders_from_worker_threads_give_the_same_documents(data_en, tmp_path):
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: render_certificate(data_en), range(3)))
    texts = {flat(text_of(pdf, tmp_path)) for pdf in results}
    assert len(texts) == 1


def test_importing_the_package_does_not_load_reportlab():
    code = "import sys, ecg_desktop.exchange.pdf; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"
