"""`ecg-desktop pdf ID -o OUT.pdf [--certificate] [--lang de|en]`: the certificate or full report as PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ecg_desktop.cli.main import EXIT_OK, read_input_file


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "pdf",
        help="write the certificate or the full report of a balance as PDF",
        description=(
            "Write the full report (default) or the one-page certificate of a stored balance as PDF. "
            "BALANCE is a balance id from the store, or a balance JSON file (then no evidence is verified "
            "and there is no previous balance to compare with)."
        ),
    )
    parser.add_argument("balance", metavar="BALANCE", help="balance id, or a balance JSON file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF file to write")
    parser.add_argument("--certificate", action="store_true", help="write the one-page certificate")
    # dest differs from the global --lang so that the subcommand's default does not overwrite it
    parser.add_argument("--lang", dest="pdf_lang", choices=("en", "de"), default=None, help="language of the PDF")
    parser.add_argument(
        "--no-verify", action="store_true", help="do not re-hash the evidence files (faster; shown as not checked)"
    )
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    from ecg_desktop.exchange.pdf import build_report_data, render_pdf, report_data_for
    from ecg_desktop.services.exporters import write_atomically

    lang = options.pdf_lang or options.lang
    kind = "certificate" if options.certificate else "report"
    ident = options.balance
    if ident.isdigit():
        from ecg_desktop.services import BalanceService

        with BalanceService.open(options.data_dir, options.database_url) as service:
            data = build_report_data(service, int(ident), lang, verify=not options.no_verify)
    else:
        from ecg_desktop.balance.json_format import load_balance

        data = report_data_for(load_balance(read_input_file(ident), ident), lang)
    pdf = render_pdf(data, kind)
    out = Path(options.output)
    write_atomically(out, pdf)
    problems = [(ref, status) for ref, status in data.evidence_checks if status not in ("ok", "unchecked")]
    for ref, status in problems:
        from ecg_desktop.presentation import evidence_status_label

        print(f"{ref.name}: {evidence_status_label(status, lang)}", file=sys.stderr)
    print(str(out))
    return EXIT_OK


__all__ = ["register", "run"]
