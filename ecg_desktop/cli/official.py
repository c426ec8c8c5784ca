"""`ecg-desktop convert IN -o OUT [--to balance|ecalc]`: bring a balance over from ECG's own tools.

IN may be an official calculator workbook (.xlsx), a web-calculator balance JSON or our balance
JSON; the kind is found from the content, not the file name. For a workbook (and a web-calculator
response) the parity report is printed; `--report-json FILE` writes it as JSON. Bad input prints
the located problems and exits with 2 (cli.main handles InputError).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ecg_desktop.cli.main import EXIT_OK
from ecg_desktop.errors import InputError, Location, Problem


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert an ECG calculator workbook or web-calculator JSON to a balance JSON, or back",
        description=(
            "Read an official ECG calculator workbook (.xlsx), a web-calculator balance JSON or an ECG Desktop "
            "balance JSON (recognised by content) and write an ECG Desktop balance JSON (default) or a JSON the "
            "web calculator accepts. For a workbook the comparison with the workbook's own results is printed."
        ),
    )
    parser.add_argument("input", metavar="IN", help="workbook (.xlsx) or JSON file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write")
    parser.add_argument(
        "--to",
        choices=("balance", "ecalc"),
        default="balance",
        help="balance: ECG Desktop balance JSON (default); ecalc: the web calculator's JSON",
    )
    parser.add_argument("--report-json", metavar="FILE", help="also write the parity report as JSON")
    parser.add_argument("--company-name", help="for --to ecalc: the organisation's name, if the balance has none")
    parser.add_argument("--contact-name", help="for --to ecalc: the contact person the web calculator asks for")
    parser.add_argument("--contact-email", help="for --to ecalc: the contact person's e-mail address")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    from ecg_desktop.balance.json_format import dump_balance, dumps
    from ecg_desktop.exchange.official.detect import read_any
    from ecg_desktop.exchange.official.ecalc_json import dump_ecalc

    lang = options.lang
    result = read_any(options.input)
    if options.to == "ecalc":
        text = dump_ecalc(
            result.balance,
            company_name=options.company_name,
            contact_name=options.contact_name,
            contact_email=options.contact_email,
        )
    else:
        text = dump_balance(result.balance)
    if result.parity is not None:
        for line in result.parity.text_lines(lang):
            print(line)
    else:
        for note in result.notes:
            print(("Hinweis: " if lang == "de" else "Note: ") + note.text(lang))
    if options.report_json:
        if result.parity is None:
            print(
                "Für diese Eingabe gibt es keinen Abgleich (nur Arbeitsmappen und Antworten des Online-Rechners"
                " enthalten eigene Ergebnisse)."
                if lang == "de"
                else "There is no comparison for this input (only workbooks and web-calculator responses carry"
                " their own results).",
                file=sys.stderr,
            )
        else:
            write_text(options.report_json, dumps(result.parity.to_data(lang)) + "\n")
    write_text(options.output, text)
    print(("Geschrieben: " if lang == "de" else "Written: ") + options.output)
    return EXIT_OK


def write_text(path: str, text: str) -> None:
    """Write the whole file or nothing: a temporary file next to it, then an atomic rename."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".ecg-", suffix=".tmp", dir=target.parent or Path("."))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        raise InputError(
            [Problem("file_unwritable", Location(file=path), {"reason": exc.strerror or str(exc)})]
        ) from exc
