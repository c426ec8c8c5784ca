"""File menu integration, driven through the real window and dialogs: workbooks, ECG calculator files, PDF, print."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ecg_desktop.balance.model import Organisation
from ecg_desktop.exchange.official.parity import report_from_data
from ecg_desktop.services.exporters import PARITY_SETTING, stored_parity
from ecg_desktop.ui.dialogs.ecalc_dialog import EcalcDialog
from ecg_desktop.ui.dialogs.parity_dialog import ParityDialog
from ecg_desktop.ui.dialogs.pdf_dialog import PdfChoice, PdfDialog
from ecg_desktop.ui.dialogs.problems_dialog import AS_NEW, ProblemsDialog
from ecg_desktop.ui.dialogs.workbook_import_dialog import UPDATE, WorkbookChoice, WorkbookImportDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange" / "official"))
from official_builder import build, filled

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _answer(monkeypatch, target: str, answers: list, seen: list):
    """Replace a dialog's ask(): build the real dialog, keep it for the test, return the next answer."""
    cls = {"parity": ParityDialog, "workbook": WorkbookImportDialog, "problems": ProblemsDialog}[target]

    def ask(_cls, parent, *args):
        dialog = cls(parent, *args)
        seen.append(dialog)
        answer = answers.pop(0)
        return answer(dialog) if callable(answer) else answer

    monkeypatch.setattr(cls, "ask", classmethod(ask))


# ---- ECG calculator import (issue 9)


def test_calculator_workbook_shows_the_parity_report_before_anything_is_stored(
    window, ctx, service, tmp_path, monkeypatch
):
    path = tmp_path / "muster.xlsx"
    path.write_bytes(build(filled()))
    before = len(service.list_balances())
    seen: list[ParityDialog] = []
    _answer(monkeypatch, "parity", [False, True], seen)

    window.run_import(path)  # cancelled in the dialog: nothing stored
    assert len(service.list_balances()) == before
    dialog = seen[0]
    assert dialog.headline.text() == "Every line agrees with the calculator's own results within 0.01 points."
    table = dialog.table
    assert table.rowCount() == len(dialog.imported.parity.lines)  # every row weight, theme and the total
    codes = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "A1" in codes and "E4" in codes and codes[-1] == "Total"
    assert [table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Line",
        "Workbook",
        "ECG Desktop",
        "Difference",
        "Result",
    ]
    assert dialog.form_values["organisation"].text() == "Muster GmbH"

    window.run_import(path)  # confirmed: a new balance, opened, its parity report kept
    assert len(service.list_balances()) == before + 1
    assert ctx.info.organisation_name == "Muster GmbH"
    kept = stored_parity(service, ctx.balance_id_required)
    assert kept is not None and kept.all_equal
    assert kept.to_data() == report_from_data(kept.to_data()).to_data()
    assert window.exchange.has_parity()


def test_a_difference_is_named_in_the_headline_rows_and_reasons(window, ctx, tmp_path, monkeypatch):
    # Sector K only in the second row: the workbook weights B1 and B3 by its first row alone.
    spec = filled(sectors=[("M", "Consulting", 70), ("K", "Finance", 30)], lang="de")
    path = tmp_path / "k-zweite-zeile.xlsx"
    path.write_bytes(build(spec))
    seen: list[ParityDialog] = []
    _answer(monkeypatch, "parity", [False], seen)
    ctx.set_language("de")
    window.exchange.run_import_any(path)
    dialog = seen[0]
    parity = dialog.imported.parity
    assert not parity.all_equal and not parity.unexplained
    assert dialog.headline.text() == (
        "Einige Zeilen weichen von den eigenen Ergebnissen des Rechners ab, jede aus einem bekannten Grund (siehe unten)."
    )
    different = [r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 4).text().startswith("abweichend")]
    assert {dialog.table.item(r, 0).text() for r in different} >= {"B1", "B3"}
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert any("K" in n and "B1" in n for n in notes)
    ctx.set_language("en")


def test_a_web_calculator_request_has_no_results_and_says_so(window, ctx, service, tmp_path, monkeypatch):
    from ecg_desktop.exchange.official.ecalc_json import dump_ecalc

    balance = service.get_balance(ctx.balance_id_required)
    text = dump_ecalc(balance, company_name="Bakery Example", contact_name="Ann", contact_email="ann@example.org")
    path = tmp_path / "request.json"
    path.write_text(text, encoding="utf-8")
    seen: list[ParityDialog] = []
    _answer(monkeypatch, "parity", [True], seen)
    window.run_import(path)
    assert seen[0].headline.text().startswith("The file holds no results")
    assert seen[0].table.isHidden()
    assert ctx.balance.ratings == balance.ratings
    assert stored_parity(service, ctx.balance_id_required) is None


# ---- export for the web calculator


def test_web_calculator_export_asks_for_what_is_missing_then_writes_json(window, ctx, tmp_path, qtbot):
    dialog = EcalcDialog(window, ctx.balance, "en")
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.edits["company_name"].text() == "Bakery Example"
    assert not save.isEnabled()
    assert [p.location.field for p in dialog.problem_list] == [
        "organisation.contact_person",
        "organisation.contact_email",
    ]
    assert dialog.problems.text().splitlines()[0].startswith("• Contact person: the web calculator needs this")
    dialog.edits["contact_name"].setText("Ann Baker")
    dialog.edits["contact_email"].setText("not an address")
    assert not save.isEnabled()
    assert dialog.problems.text().startswith("• E-mail: 'not an address' is not an e-mail address")
    dialog.edits["contact_email"].setText("ann@example.org")
    assert save.isEnabled() and dialog.problems.isHidden()

    out = tmp_path / "ecalc.json"
    window.exchange.run_export_ecalc(out, dialog.values())
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generalInformation"]["contactPerson"]["name"] == "Ann Baker"
    assert data["generalInformation"]["contactPerson"]["email"] == "ann@example.org"
    assert ctx.balance.organisation.contact_person == ""  # the balance itself is unchanged
    assert not list(tmp_path.glob(".ecalc.json.*"))  # no temporary file left behind


# ---- PDF and printing (issue 6)


def test_pdf_dialog_offers_the_parity_page_only_for_a_report_with_a_stored_comparison(window, qtbot):
    without = PdfDialog(window, "de", has_parity=False)
    qtbot.addWidget(without)
    assert not without.parity.isEnabled()
    assert without.language.currentData() == "de"
    with_parity = PdfDialog(window, "en", has_parity=True)
    qtbot.addWidget(with_parity)
    assert with_parity.parity.isEnabled() and with_parity.parity.isChecked()
    with_parity.certificate.setChecked(True)
    assert not with_parity.parity.isEnabled()
    assert with_parity.choice() == PdfChoice("certificate", "en", False)
    with_parity.report.setChecked(True)
    assert with_parity.choice() == PdfChoice("report", "en", True)


def _keep_parity(window, service, ctx, tmp_path, monkeypatch) -> None:
    path = tmp_path / "muster.xlsx"
    path.write_bytes(build(filled()))
    _answer(monkeypatch, "parity", [True], [])
    window.run_import(path)
    assert stored_parity(service, ctx.balance_id_required) is not None


@needs_poppler
def test_export_pdf_report_with_parity_page_and_german_certificate(window, ctx, service, tmp_path, monkeypatch):
    _keep_parity(window, service, ctx, tmp_path, monkeypatch)
    report = tmp_path / "report.pdf"
    window.exchange.run_export_pdf(report, PdfChoice("report", "en", True))
    text = pdf_text(report)
    assert "Muster GmbH" in text
    assert "Comparison with the workbook's own results" in text
    plain = tmp_path / "plain.pdf"
    window.exchange.run_export_pdf(plain, PdfChoice("report", "en", False))
    assert "Comparison with the workbook's own results" not in pdf_text(plain)
    certificate = tmp_path / "zertifikat.pdf"
    window.exchange.run_export_pdf(certificate, PdfChoice("certificate", "de", False))
    assert pdf_pages(certificate) == 1
    assert "Zertifikat" in pdf_text(certificate)


@needs_poppler
def test_print_paints_every_page_of_the_rendered_pdf_in_a_worker_thread(window, ctx, tmp_path, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from ecg_desktop.ui import jobs

    reference = tmp_path / "reference.pdf"
    window.exchange.run_export_pdf(reference, PdfChoice("report", "en", False))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(jobs, "_synchronous", False)  # a real worker thread, as in the app
    job = window.exchange.run_print(printer, PdfChoice("report", "en", False))
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None
    assert pdf_pages(printed) == pdf_pages(reference) > 1
    assert window.statusBar().currentMessage() == f"Sent {pdf_pages(reference)} pages to the printer"


@needs_poppler
def test_cli_export_formats_pdf_and_certificate(service, balance_id, tmp_path):
    from ecg_desktop.cli.main import EXIT_OK, run_cli

    folder = tmp_path / "data"
    service.close()
    for fmt, expected in (("pdf", "Bakery Example"), ("certificate-de", "Zertifikat")):
        out = tmp_path / f"{fmt}.pdf"
        code = run_cli(["--data-dir", str(folder), "export", str(balance_id), "--format", fmt, "-o", str(out)])
        assert code == EXIT_OK
        assert expected in pdf_text(out)


def test_a_broken_stored_comparison_is_left_out_not_fatal(service, balance_id):
    service.set_setting(PARITY_SETTING.format(balance_id=balance_id), '{"lines": "no"}')
    assert stored_parity(service, balance_id) is None


# ---- balance workbooks of this app (issue 5)


def _export_workbook(service, balance_id, path: Path) -> Path:
    service.export(balance_id, "xlsx", path)
    return path


def _edit_ratings(path: Path, changes: dict[str, dict[str, object]]) -> None:
    """Write values into the Ratings sheet: {aspect code: {column header: value}}."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Ratings"]
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Code")
    columns = {sheet.cell(header_row, c).value: c for c in range(1, sheet.max_column + 1)}
    for row in range(header_row + 1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        for header, value in changes.get(code, {}).items():
            sheet.cell(row, columns[header]).value = value
    book.save(path)


def test_workbook_updates_its_balance_with_the_self_assessment_when_chosen(window, ctx, service, tmp_path, monkeypatch):
    path = _export_workbook(service, ctx.balance_id_required, tmp_path / "balance.xlsx")
    _edit_ratings(path, {"A1.1": {"Self level": 6, "Auditor level": 5}, "C1.1": {"Auditor comment": "Checked."}})
    seen: list[WorkbookImportDialog] = []

    def take_self(dialog: WorkbookImportDialog) -> WorkbookChoice:
        assert dialog.update_button.isEnabled()
        assert dialog.mismatches.isHidden()
        dialog.include_self.setChecked(True)
        dialog._choose(UPDATE)
        return dialog.choice

    _answer(monkeypatch, "workbook", [take_self], seen)
    before = len(service.list_balances())
    window.run_import(path)
    assert len(service.list_balances()) == before
    assert "Self-assessment cells changed in the workbook: 1." in seen[0].self_note.text()
    assert ctx.balance.ratings["A1.1"] == Decimal(6)
    assert ctx.balance.auditor_ratings["A1.1"] == Decimal(5)
    assert ctx.balance.auditor_comments["C1.1"] == "Checked."
    assert window.statusBar().currentMessage() == "Balance sheet updated from the workbook"


def test_workbook_of_a_deleted_balance_offers_import_as_new(window, ctx, service, tmp_path, monkeypatch):
    org = service.create_organisation(Organisation(name="Mill Cooperative"))
    other = service.create_balance(org, "5.1", "full")
    path = _export_workbook(service, other, tmp_path / "mill.xlsx")
    service.delete_balance(other)
    seen: list[WorkbookImportDialog] = []
    _answer(monkeypatch, "workbook", [lambda d: (d._choose(AS_NEW), d.choice)[1]], seen)
    count = len(service.list_balances())
    window.run_import(path)
    assert len(service.list_balances()) == count + 1
    dialog = seen[0]
    assert not dialog.update_button.isEnabled()
    assert not dialog.mismatches.isHidden()
    assert dialog.mismatches.item(0, 4).text().startswith(f"there is no balance {other} in this database")
    assert ctx.info.organisation_name == "Mill Cooperative"
    assert window.statusBar().currentMessage() == "Imported as a new balance sheet"


def test_every_located_problem_is_listed_at_once_and_can_be_copied(window, ctx, service, tmp_path, monkeypatch):
    path = _export_workbook(service, ctx.balance_id_required, tmp_path / "broken.xlsx")
    _edit_ratings(path, {"A1.1": {"Auditor level": "very good"}, "A2.1": {"Auditor level": 99}})
    seen: list[ProblemsDialog] = []
    _answer(monkeypatch, "problems", [None], seen)
    version = ctx.version
    window.run_import(path)
    table = seen[0].table
    assert table.rowCount() >= 2
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert all(row[0] == "Ratings" and row[1].isdigit() and row[2] for row in rows)
    assert seen[0].as_new_button is None  # a broken file is not offered as a new balance
    table.copy_all()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Sheet\tRow\tColumn")
    assert len(copied) == table.rowCount() + 1
    assert ctx.version == version  # nothing changed


def test_a_mismatch_found_while_importing_offers_a_new_balance(window, ctx, service, tmp_path, monkeypatch):
    org = service.create_organisation(Organisation(name="Mill Cooperative"))
    other = service.create_balance(org, "5.1", "full")
    path = _export_workbook(service, other, tmp_path / "mill.xlsx")
    service.delete_balance(other)
    seen: list[ProblemsDialog] = []
    _answer(monkeypatch, "problems", [AS_NEW], seen)
    count = len(service.list_balances())
    window.exchange.import_workbook(path, WorkbookChoice(UPDATE, False))
    assert seen[0].as_new_button is not None
    assert len(service.list_balances()) == count + 1
    assert ctx.info.organisation_name == "Mill Cooperative"


def test_a_cancelled_print_stops_between_pages(window, ctx, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ecg_desktop.services.exporters import pdf_bytes
    from ecg_desktop.ui.exchange_actions import paint_pdf
    from ecg_desktop.ui.jobs import JobCancelled

    data = pdf_bytes(ctx.service, ctx.balance_id_required, "report", "en")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "stopped.pdf"))
    seen: list[tuple[int, int]] = []

    def stop_at_second(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        paint_pdf(printer, data, progress=stop_at_second)
    assert seen == [(0, seen[0][1]), (1, seen[0][1])] and seen[0][1] > 1
    printer.setFromTo(2, 2)  # the print dialog's page range: only page 2
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    assert paint_pdf(printer, data) == 1
