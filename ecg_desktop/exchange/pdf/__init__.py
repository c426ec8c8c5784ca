"""Balance-sheet PDFs (reportlab): the one-page certificate and the full report.

Importing this package does not load reportlab; the render functions do, on first use.
Every render returns PDF bytes with the DejaVu fonts embedded and may run on a worker thread
(renders are serialised by a lock, because reportlab keeps global state):

    data = build_report_data(service, balance_id, "de")      # or report_data_for(balance, "de")
    pdf = render_pdf(data, "certificate")                     # or "report"; render_report(data, parity)
"""

from __future__ import annotations

from typing import Any

from ecg_desktop.exchange.pdf.data import (
    EVIDENCE_STATUSES,
    ParityLike,
    ParityRowLike,
    ReportData,
    build_report_data,
    default_basis,
    report_data_for,
)

KINDS = ("certificate", "report")


def render_certificate(data: ReportData) -> bytes:
    """The one-page certificate as PDF bytes."""
    from ecg_desktop.exchange.pdf.certificate import render_certificate as render

    return render(data)


def render_certificates(items: list[ReportData]) -> bytes:
    """Several certificates in one PDF, one page each."""
    from ecg_desktop.exchange.pdf.certificate import render_certificates as render

    return render(items)


def render_report(data: ReportData, parity: Any = None) -> bytes:
    """The full report as PDF bytes; `parity` (a ParityReport of issue 9) adds the parity page."""
    from ecg_desktop.exchange.pdf.report import render_report as render

    return render(data, parity)


def render_pdf(data: ReportData, kind: str = "report", parity: Any = None) -> bytes:
    """One entry point for export and printing: kind "certificate" or "report"."""
    if kind == "certificate":
        return render_certificate(data)
    if kind == "report":
        return render_report(data, parity)
    raise ValueError(f"unknown PDF kind {kind!r} (known: {', '.join(KINDS)})")


__all__ = [
    "EVIDENCE_STATUSES",
    "KINDS",
    "ParityLike",
    "ParityRowLike",
    "ReportData",
    "build_report_data",
    "default_basis",
    "render_certificate",
    "render_certificates",
    "render_pdf",
    "render_report",
    "report_data_for",
]
