"""Spreadsheet exchange on the command line.

    ecg-desktop portfolio -o OUT.xlsx|OUT.csv
    ecg-desktop import FILE.xlsx [--as-new] [--balance ID] [--self-assessment]
    ecg-desktop export ID --format xlsx -o OUT.xlsx

`import` and `export` belong to cli/store.py: its import hands ECG Desktop workbooks (a
balance workbook or a portfolio workbook, recognised by their hidden sheets) to
`import_app_workbook` below, and `--format xlsx` comes from the exporter registry
(services/exporters.py). Problems print as located messages and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ecg_desktop.cli.main import EXIT_OK


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "portfolio",
        help="write every organisation and balance into one table (.xlsx or .csv)",
        description=(
            "Write all organisations and balances of the database into one table: one row per balance and "
            "theme with weights, points and totals. An .xlsx portfolio also carries every balance, so "
            "`ecg-desktop import PORTFOLIO.xlsx` creates or updates them all in one transaction."
        ),
    )
    parser.add_argument("-o", "--output", required=True, help="OUT.xlsx or OUT.csv")
    parser.set_defaults(handler=_guarded(run_portfolio))


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """Options of `import` that apply to ECG Desktop workbooks (called by cli/store.py)."""
    parser.add_argument(
        "--as-new",
        action="store_true",
        help="ECG Desktop workbook: import as a new balance (also one of another balance, period or matrix)",
    )
    parser.add_argument(
        "--balance",
        type=int,
        help="ECG Desktop workbook: the balance it must belong to (default: the one it names)",
    )
    parser.add_argument(
        "--self-assessment",
        action="store_true",
        help="ECG Desktop workbook: import the self-assessment columns too (default: auditor columns only)",
    )


def _guarded(handler: Any) -> Any:
    from ecg_desktop.cli.store import _guard

    return _guard(handler)


def _service(options: argparse.Namespace) -> Any:
    from ecg_desktop.services.balance_service import BalanceService

    return BalanceService.open(options.data_dir, options.database_url)


def run_portfolio(options: argparse.Namespace) -> int:
    from ecg_desktop.exchange.portfolio import collect_portfolio, write_portfolio

    lang = "de" if options.lang == "de" else "en"
    with _service(options) as service:
        entries = collect_portfolio(service)
    write_portfolio(entries, options.output, lang=lang)
    count = len(entries)
    print(f"{count} Bilanzen" if lang == "de" else f"{count} balances", file=sys.stderr)
    print(options.output)
    return EXIT_OK


def import_app_workbook(options: argparse.Namespace) -> int | None:
    """Import FILE when it is an ECG Desktop balance or portfolio workbook; None for any other file.

    Prints warnings to stderr and the balance id(s) on the last line; problems raise InputError
    (the CLI prints them, located, and exits with 2) and change nothing.
    """
    from ecg_desktop.exchange.xlsx_common import workbook_kind

    kind = workbook_kind(options.file)
    if kind is None:
        return None
    lang = "de" if getattr(options, "lang", "en") == "de" else "en"
    as_new = bool(getattr(options, "as_new", False))
    with _service(options) as service:
        if kind == "portfolio":
            from ecg_desktop.exchange.portfolio import import_portfolio

            ids = import_portfolio(service, options.file, as_new=as_new)
            print(f"{len(ids)} Bilanzen importiert:" if lang == "de" else f"imported {len(ids)} balances:")
            print(" ".join(str(i) for i in ids))
            return EXIT_OK
        from ecg_desktop.exchange.xlsx_import import import_balance_workbook

        outcome = import_balance_workbook(
            service,
            options.file,
            target_id=getattr(options, "balance", None),
            as_new=as_new,
            include_self=bool(getattr(options, "self_assessment", False)),
        )
    for warning in outcome.warnings:
        print(("Hinweis: " if lang == "de" else "warning: ") + warning.text(lang), file=sys.stderr)
    if outcome.created:
        print("Als neue Bilanz importiert:" if lang == "de" else "imported as new balance:")
    else:
        print("Bilanz aktualisiert:" if lang == "de" else "updated balance:")
    print(outcome.balance_id)
    return EXIT_OK


__all__ = ["add_import_options", "import_app_workbook", "register", "run_portfolio"]
