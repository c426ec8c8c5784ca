"""File menu work beyond the balance JSON: balance workbooks, ECG calculator files, PDF export and printing.

The main window owns one ExchangeActions. Every handler asks what it needs (file, dialog),
then hands the work to ui.jobs.run_job and reacts on the main thread; reading, importing and
rendering are the service's and the exchange package's functions. Dialogs are reached through
their ``ask`` classmethods, so tests replace them instead of driving modal windows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ecg_desktop.ui.dialogs import confirm as dialogs
from ecg_desktop.ui.jobs import Job, run_job

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ecg_desktop.exchange.official.detect import OfficialImport
    from ecg_desktop.ui.dialogs.pdf_dialog import PdfChoice
    from ecg_desktop.ui.dialogs.workbook_import_dialog import WorkbookChoice, WorkbookPreview
    from ecg_desktop.ui.main_window import MainWindow

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def paint_pdf(
    printer: QPrinter, data: bytes, dpi: int = 300, progress: Callable[[int, int], None] | None = None
) -> int:
    """Paint the pages of a PDF onto `printer` (the page range the print dialog chose); returns pages painted.

    Each page is rendered with QtPdf at the printer's resolution (at most `dpi`) and scaled into
    the printable area, keeping its proportions. Qt allows painting on a QPrinter outside the
    GUI thread, so print jobs call this in the worker: handing 20 pages at 300 dpi to the
    print system takes seconds. `progress(done, total)` follows the pages (and may raise to stop).
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(None)
    document.load(buffer)
    count = document.pageCount()
    if count == 0:
        raise ValueError("the PDF has no pages")
    first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
    last = min(printer.toPage(), count) - 1 if printer.toPage() else count - 1
    resolution = min(printer.resolution(), dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer cannot be opened")
    painted = 0
    try:
        for page in range(first, last + 1):
            if progress is not None:
                progress(painted, last - first + 1)
            if painted:
                printer.newPage()
            size = document.pagePointSize(page)
            pixels = QSize(round(size.width() / 72 * resolution), round(size.height() / 72 * resolution))
            image = document.render(page, pixels)
            area = printer.pageRect(QPrinter.Unit.DevicePixel)
            scale = min(area.width() / pixels.width(), area.height() / pixels.height())
            width, height = pixels.width() * scale, pixels.height() * scale
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
            painted += 1
    except BaseException:
        printer.abort()  # a cancelled or failed run leaves no half print-out in the queue
        raise
    finally:
        painter.end()
        document.close()
        buffer.close()
    return painted


class ExchangeActions(QObject):
    """The actions Import from the ECG calculator, Export for the web calculator, Export PDF and Print."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.act_import_calculator = self._action(self.import_calculator)
        self.act_export_ecalc = self._action(self.export_ecalc)
        self.act_export_pdf = self._action(self.export_pdf, "Ctrl+Shift+P")
        self.act_print = self._action(self.print_balance, "Ctrl+P")
        self.retranslate_ui()

    def _action(self, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            action.setShortcut(shortcut)
        return action

    def retranslate_ui(self) -> None:
        self.act_import_calculator.setText(self.tr("Import from the ECG &calculator…"))
        self.act_import_calculator.setToolTip(
            self.tr("An ECG calculator workbook (.xlsx) or a web-calculator file (.json), compared line by line")
        )
        self.act_export_ecalc.setText(self.tr("Export for the ECG &web calculator…"))
        self.act_export_pdf.setText(self.tr("Export P&DF…"))
        self.act_print.setText(self.tr("Prin&t…"))

    def update_state(self) -> None:
        is_open = self.ctx.is_open
        self.act_import_calculator.setEnabled(self.ctx.has_service)
        for action in (self.act_export_ecalc, self.act_export_pdf, self.act_print):
            action.setEnabled(is_open)

    def _failed(self, error: BaseException) -> None:
        dialogs.show_error(self.window, self.tr("Not possible"), self.ctx.error_text(error))

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # ---- balance workbooks of this app (issue 5)

    def run_import_workbook(self, path: Path) -> Job:
        """Read a balance workbook with progress, show what it would do, then import it as chosen."""
        service = self.ctx.service

        def work(progress: ProgressFn, cancelled: CancelledFn) -> WorkbookPreview:
            return preview_workbook(service, path, _steps(progress, cancelled))

        def failed(error: BaseException) -> None:
            from ecg_desktop.errors import InputError

            if isinstance(error, InputError):
                self.show_problems(path, error, offer_as_new=False)
            else:
                self._failed(error)

        return run_job(
            self.window, work, self._choose_workbook, failed, self.tr("Reading {name}…").format(name=path.name)
        )

    def _choose_workbook(self, preview: WorkbookPreview) -> None:
        from ecg_desktop.ui.dialogs.workbook_import_dialog import WorkbookImportDialog

        choice = WorkbookImportDialog.ask(self.window, preview, self.ctx.language)
        if choice is not None:
            self.import_workbook(Path(preview.file_path), choice)

    def import_workbook(self, path: Path, choice: WorkbookChoice) -> Job:
        """Import the workbook in one transaction (update its balance, or as a new one), off the UI thread."""
        from ecg_desktop.ui.dialogs.problems_dialog import AS_NEW

        service = self.ctx.service

        def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
            from ecg_desktop.exchange.xlsx_import import import_balance_workbook

            return import_balance_workbook(
                service,
                path,
                as_new=choice.mode == AS_NEW,
                include_self=choice.include_self,
                file=path.name,
                progress=_steps(progress, cancelled),
            )

        def failed(error: BaseException) -> None:
            from ecg_desktop.errors import InputError
            from ecg_desktop.ui.dialogs.problems_dialog import only_mismatches
            from ecg_desktop.ui.dialogs.workbook_import_dialog import WorkbookChoice

            if not isinstance(error, InputError):
                self._failed(error)
                return
            offer = choice.mode != AS_NEW and only_mismatches(error.problems)
            if self.show_problems(path, error, offer_as_new=offer) == AS_NEW:
                self.import_workbook(path, WorkbookChoice(AS_NEW, True))

        return run_job(
            self.window, work, self._workbook_imported, failed, self.tr("Importing {name}…").format(name=path.name)
        )

    def _workbook_imported(self, outcome: Any) -> None:
        if outcome.created:
            self.ctx.store_changed()
            self.window.open_balance(outcome.balance_id)
            self._status(self.tr("Imported as a new balance sheet"))
        else:
            self.ctx.store_changed()
            if self.ctx.balance_id == outcome.balance_id:
                self.ctx.undo_stack.clear()  # the stored values changed under the recorded edits
                self.ctx.refresh()
            else:
                self.window.open_balance(outcome.balance_id)
            self._status(self.tr("Balance sheet updated from the workbook"))
        if outcome.warnings:
            dialogs.show_info(
                self.window,
                self.tr("Imported with notes"),
                "\n".join(w.text(self.ctx.language) for w in outcome.warnings),
            )

    def show_problems(self, path: Path, error: Any, offer_as_new: bool) -> str | None:
        """Every located problem of a refused file in one list; returns AS_NEW when the user chose that."""
        from ecg_desktop.ui.dialogs.problems_dialog import ProblemsDialog

        return ProblemsDialog.ask(
            self.window,
            self.tr("Not imported"),
            self.tr("{name} was not imported; nothing was changed.").format(name=path.name),
            error.problems,
            self.ctx.language,
            offer_as_new,
        )

    # ---- ECG calculator files (issue 9)

    def import_calculator(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import from the ECG calculator"),
            "",
            self.tr("ECG calculator files (*.xlsx *.json);;All files (*)"),
        )
        if path:
            self.run_import_any(Path(path))

    def run_import_any(self, path: Path) -> Job:
        """Read a calculator workbook, a web-calculator JSON or a balance JSON off the UI thread.

        A calculator file shows its parity report before anything is stored; our own balance
        JSON is imported at once.
        """

        def work(progress: ProgressFn, _cancelled: CancelledFn) -> OfficialImport:
            from ecg_desktop.balance.validate import validate_balance
            from ecg_desktop.errors import InputError
            from ecg_desktop.exchange.official.detect import read_any

            progress(0, 2, "")
            imported = read_any(path, path.name)
            errors = [p for p in validate_balance(imported.balance, path.name) if p.severity == "error"]
            if errors:
                raise InputError(errors)
            progress(1, 2, "")
            return imported

        def read(imported: OfficialImport) -> None:
            if imported.kind == "balance" or self.confirm_calculator_import(imported, path.name):
                self.store_import(imported)

        return run_job(self.window, work, read, self._failed, self.tr("Reading {name}…").format(name=path.name))

    def confirm_calculator_import(self, imported: OfficialImport, file: str) -> bool:
        from ecg_desktop.ui.dialogs.parity_dialog import ParityDialog

        return ParityDialog.ask(self.window, imported, file, self.ctx.language)

    def store_import(self, imported: OfficialImport) -> Job:
        """Store the read balance as a new one (with its parity report) and open it."""
        service = self.ctx.service

        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> int:
            from ecg_desktop.services.exporters import store_parity

            new_id = service.import_balance(imported.balance)
            if imported.parity is not None:
                store_parity(service, new_id, imported.parity)
            return new_id

        def done(new_id: int) -> None:
            self.ctx.store_changed()
            self.window.open_balance(new_id)
            self._status(self.tr("Imported as a new balance sheet"))

        return run_job(self.window, work, done, self._failed, self.tr("Importing…"))

    def export_ecalc(self) -> None:
        from ecg_desktop.ui.dialogs.ecalc_dialog import EcalcDialog

        if not self.ctx.is_open:
            return
        values = EcalcDialog.ask(self.window, self.ctx.balance, self.ctx.language)
        if values is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export for the ECG web calculator"), "ecalc.json", self.tr("JSON (*.json)")
        )
        if path:
            self.run_export_ecalc(Path(path), values)

    def run_export_ecalc(self, path: Path, values: Any) -> Job:
        """Write the web-calculator JSON of the open balance with the entered general fields, atomically."""
        balance = self.ctx.balance

        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> Path:
            from ecg_desktop.exchange.official.ecalc_json import dump_ecalc
            from ecg_desktop.services.exporters import write_atomically

            text = dump_ecalc(
                balance,
                company_name=values.company_name,
                contact_name=values.contact_name,
                contact_email=values.contact_email,
            )
            write_atomically(path, text.encode("utf-8"))
            return path

        return run_job(
            self.window,
            work,
            lambda out: self._status(self.tr("Saved {path}").format(path=out)),
            self._failed,
            self.tr("Exporting…"),
        )

    # ---- PDF and printing (issue 6)

    def has_parity(self) -> bool:
        from ecg_desktop.services.exporters import stored_parity

        return self.ctx.is_open and stored_parity(self.ctx.service, self.ctx.balance_id_required) is not None

    def ask_pdf(self, printing: bool) -> PdfChoice | None:
        from ecg_desktop.ui.dialogs.pdf_dialog import PdfDialog

        return PdfDialog.ask(self.window, self.ctx.language, self.has_parity(), printing)

    def export_pdf(self) -> None:
        if not self.ctx.is_open:
            return
        choice = self.ask_pdf(printing=False)
        if choice is None:
            return
        name = "certificate.pdf" if choice.kind == "certificate" else "report.pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export PDF"), name, self.tr("PDF (*.pdf)"))
        if path:
            target = Path(path)
            self.run_export_pdf(target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf"), choice)

    def _render(self, choice: PdfChoice) -> Callable[[ProgressFn, CancelledFn], bytes]:
        from ecg_desktop.services.exporters import stored_parity

        service = self.ctx.service
        balance_id = self.ctx.balance_id_required
        parity = stored_parity(service, balance_id) if choice.parity else None

        def work(progress: ProgressFn, _cancelled: CancelledFn) -> bytes:
            from ecg_desktop.services.exporters import pdf_bytes

            progress(0, 1, "")
            return pdf_bytes(service, balance_id, choice.kind, choice.lang, parity)

        return work

    def run_export_pdf(self, path: Path, choice: PdfChoice) -> Job:
        """Render the certificate or report off the UI thread and write it atomically."""
        render = self._render(choice)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> Path:
            from ecg_desktop.services.exporters import write_atomically

            write_atomically(path, render(progress, cancelled))
            return path

        return run_job(
            self.window,
            work,
            lambda out: self._status(self.tr("Saved {path}").format(path=out)),
            self._failed,
            self.tr("Creating the PDF…"),
        )

    def print_balance(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.ctx.is_open:
            return
        choice = self.ask_pdf(printing=True)
        if choice is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.windowTitle())
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.run_print(printer, choice)

    def run_print(self, printer: QPrinter, choice: PdfChoice) -> Job:
        """Render the PDF and paint its pages onto `printer`, both off the UI thread.

        The printer is used only by the job until it has finished; cancelling stops between pages.
        """
        render = self._render(choice)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> int:
            data = render(progress, cancelled)
            return paint_pdf(printer, data, progress=_steps(progress, cancelled))

        return run_job(
            self.window,
            work,
            lambda pages: self._status(self.tr("Sent {count} pages to the printer").format(count=pages)),
            self._failed,
            self.tr("Preparing the print-out…"),
        )


def preview_workbook(service: Any, path: Path, progress: Callable[[int, int], None] | None = None) -> WorkbookPreview:
    """Read and validate a balance workbook and find the balance it would update (Qt-free, for a job)."""
    from ecg_desktop.errors import ECGError, Location, Problem
    from ecg_desktop.exchange.xlsx_common import META_SHEET
    from ecg_desktop.exchange.xlsx_import import check_target, read_balance_workbook
    from ecg_desktop.ui.dialogs.workbook_import_dialog import WorkbookPreview

    parsed = read_balance_workbook(path, file=path.name, progress=progress)
    meta = parsed.meta
    target = None
    where = Location(file=path.name, sheet=META_SHEET, field="balance_id")
    if meta.balance_id is None:
        mismatches = [Problem("xlsx_no_balance_id", where)]
    else:
        ident = int(meta.balance_id) if meta.balance_id.strip().isdigit() else meta.balance_id
        try:
            target = service.balance_info(ident)
        except (ECGError, LookupError):
            mismatches = [Problem("xlsx_unknown_balance", where, {"id": meta.balance_id})]
        else:
            mismatches = check_target(parsed, target)
    return WorkbookPreview(
        file=path.name,
        file_path=str(path),
        organisation=parsed.exported.organisation.name,
        matrix=meta.matrix,
        type=meta.type,
        period=meta.period,
        balance_id=meta.balance_id,
        self_changes=parsed.self_changes,
        target=target,
        mismatches=tuple(mismatches),
    )


def _steps(progress: ProgressFn, cancelled: CancelledFn) -> Callable[[int, int], None]:
    """Adapt a job's progress(done, total, text) to the exchange's progress(done, total), honouring cancel."""
    from ecg_desktop.ui.jobs import JobCancelled

    def step(done: int, total: int) -> None:
        if cancelled():
            raise JobCancelled  # nothing is stored yet: reading comes before the one transaction
        progress(done, total, "")

    return step
