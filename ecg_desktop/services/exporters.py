"""Export formats as a registry, so other modules add formats without touching the CLI.

An exporter is `func(service, balance_id, out_path) -> None`. Register it here as
"module:function" text (imported only when used, so heavy libraries stay unloaded), e.g.
    EXPORTERS["xlsx"] = "ecg_desktop.exchange.xlsx_export:export_balance_file"
or at run time with register_exporter("xlsx", func). "pdf"/"pdf-de" write the full report
(with the parity page when the balance keeps a calculator comparison), "certificate"/
"certificate-de" the one-page certificate.
BalanceService.export verifies the evidence before calling the exporter.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ecg_desktop.exchange.official.parity import ParityReport
    from ecg_desktop.services.balance_service import BalanceService

Exporter = Callable[["BalanceService", int, Path], None]

EXPORTERS: dict[str, str | Exporter] = {
    "json": "ecg_desktop.services.exporters:export_json",
    "xlsx": "ecg_desktop.exchange.xlsx_export:export_balance_file",
    "xlsx-de": "ecg_desktop.exchange.xlsx_export:export_balance_file_de",
    "pdf": "ecg_desktop.services.exporters:export_pdf_report",
    "pdf-de": "ecg_desktop.services.exporters:export_pdf_report_de",
    "certificate": "ecg_desktop.services.exporters:export_certificate",
    "certificate-de": "ecg_desktop.services.exporters:export_certificate_de",
}

# The parity report of an imported calculator file is kept with the balance under this setting
# (JSON of ParityReport.to_data), so the full-report PDF can show it later.
PARITY_SETTING = "parity.{balance_id}"


def register_exporter(name: str, exporter: str | Exporter) -> None:
    EXPORTERS[name] = exporter


def available_formats() -> list[str]:
    return sorted(EXPORTERS)


def resolve(fmt: str) -> Exporter:
    from ecg_desktop.services.balance_service import ServiceError

    target = EXPORTERS.get(fmt)
    if target is None:
        raise ServiceError("store_unknown_format", found=fmt, known=", ".join(available_formats()))
    if isinstance(target, str):
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    return target


def run_exporter(fmt: str, service: BalanceService, balance_id: int, out: Path) -> None:
    resolve(fmt)(service, balance_id, out)


def write_atomically(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then rename: a reader never sees half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_json(service: BalanceService, balance_id: int, out: Path) -> None:
    """The balance JSON (docs/balance-json.md) with narrative, audit and evidence refs."""
    from ecg_desktop.balance.json_format import dump_balance

    write_atomically(out, dump_balance(service.get_balance(balance_id)).encode("utf-8"))


# ---- PDFs (reportlab loads only when one is written)


def export_pdf_report(service: BalanceService, balance_id: int, out: Path) -> None:
    """The full report in English, with the parity page when the balance keeps a parity report."""
    write_pdf(service, balance_id, out, "report", "en", stored_parity(service, balance_id))


def export_pdf_report_de(service: BalanceService, balance_id: int, out: Path) -> None:
    """The full report in German, with the parity page when the balance keeps a parity report."""
    write_pdf(service, balance_id, out, "report", "de", stored_parity(service, balance_id))


def export_certificate(service: BalanceService, balance_id: int, out: Path) -> None:
    """The one-page certificate in English."""
    write_pdf(service, balance_id, out, "certificate", "en")


def export_certificate_de(service: BalanceService, balance_id: int, out: Path) -> None:
    """The one-page certificate in German."""
    write_pdf(service, balance_id, out, "certificate", "de")


def pdf_bytes(service: BalanceService, balance_id: int, kind: str, lang: str, parity: Any = None) -> bytes:
    """Certificate ("certificate") or full report ("report") of a stored balance as PDF bytes.

    Re-hashes the evidence for the report's appendix. Safe to call off the UI thread.
    """
    from ecg_desktop.exchange.pdf import build_report_data, render_pdf

    data = build_report_data(service, balance_id, lang)
    return render_pdf(data, kind, parity if kind == "report" else None)


def write_pdf(service: BalanceService, balance_id: int, out: Path, kind: str, lang: str, parity: Any = None) -> None:
    write_atomically(Path(out), pdf_bytes(service, balance_id, kind, lang, parity))


# ---- the parity report kept with an imported balance


def store_parity(service: BalanceService, balance_id: int, report: ParityReport | None) -> None:
    """Keep (or, with None, forget) the parity report of a balance imported from a calculator file."""
    from ecg_desktop.balance.json_format import dumps

    text = None if report is None else dumps(report.to_data(), indent=None)
    service.set_setting(PARITY_SETTING.format(balance_id=balance_id), text)


def stored_parity(service: BalanceService, balance_id: int) -> ParityReport | None:
    """The parity report kept with the balance, or None (also for a setting that cannot be read)."""
    from ecg_desktop.balance.json_format import parse_json_text
    from ecg_desktop.errors import ECGError
    from ecg_desktop.exchange.official.parity import report_from_data

    text = service.get_setting(PARITY_SETTING.format(balance_id=balance_id))
    if not text:
        return None
    try:
        return report_from_data(parse_json_text(text))
    except (ECGError, AttributeError, KeyError, TypeError, ValueError, ArithmeticError):
        return None  # an unreadable comparison is left out of the report rather than stopping it
