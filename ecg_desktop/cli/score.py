"""`ecg-desktop score FILE.json`: score a balance JSON file and print a table or JSON."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any

from ecg_desktop.balance.json_format import decimal_text, dumps, load_balance
from ecg_desktop.cli.main import EXIT_OK, read_input_file
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.scoring.levers import levers
from ecg_desktop.scoring.numbers import round_half_away
from ecg_desktop.scoring.report import result_to_data
from ecg_desktop.scoring.tax import ILLUSTRATIVE, PRESETS, TaxSchedule, schedule_from_data, tax_rate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score a balance JSON file",
        description=(
            "Score a balance JSON file with the official rules and print the result. "
            "Bad input prints the field at fault and exits with status 2."
        ),
    )
    parser.add_argument("file", help="balance JSON file (see docs/balance-json.md)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--basis",
        choices=("self", "auditor"),
        default="self",
        help="score the self-assessment (default) or the auditor's levels",
    )
    parser.add_argument(
        "--schedule",
        default="ecg-vat-example",
        help="tax schedule: a preset (ecg-vat-example, linear) or a schedule JSON file",
    )
    parser.set_defaults(handler=run)


def load_schedule(name: str) -> TaxSchedule:
    if name in PRESETS:
        return PRESETS[name]()
    from ecg_desktop.balance.json_format import parse_json_text

    return schedule_from_data(parse_json_text(read_input_file(name), name))


def run(options: argparse.Namespace) -> int:
    lang = options.lang
    balance = load_balance(read_input_file(options.file), options.file)
    schedule = load_schedule(options.schedule)
    result = score(balance, basis=options.basis)
    tax = tax_rate(result.total, schedule)
    found = levers(balance, schedule, result if options.basis == "self" else None)
    if options.json:
        print(dumps(result_to_data(result, tax, found, lang)))
        return EXIT_OK
    matrix = load_matrix(balance.matrix)
    de = lang == "de"
    header = (
        ("Thema", "Gewicht", "Punkte", "Maximum", "Erreicht")
        if de
        else ("Theme", "Weight", "Points", "Maximum", "Reached")
    )
    print(
        f"{matrix.name.get(lang)} – {balance.type}"
        + (f" – {balance.organisation.name}" if balance.organisation.name else "")
    )
    if result.size_class:
        print(("Größenklasse: " if de else "Size class: ") + result.size_class)
    if result.stakeholders:
        print(
            ("Zeilengewichte: " if de else "Row weights: ")
            + ", ".join(f"{c} {decimal_text(s.weight)}" for c, s in result.stakeholders.items())
        )
    print(f"{header[0]:<6} {header[1]:>7} {header[2]:>8} {header[3]:>8} {header[4]:>9}  ")
    for code, theme in result.themes.items():
        pct = "–" if theme.percentage is None else f"{decimal_text(theme.percentage)} %"
        if theme.max_points.is_zero():
            pct = "n/a" if not de else "entfällt"
        name = matrix.theme(code).name.get(lang)
        print(
            f"{code:<6} {decimal_text(theme.weight):>7} {_two(theme.points):>8} {_two(theme.max_points):>8} {pct:>9}  {name}"
        )
    for criterion in matrix.negative_criteria:
        aspect = result.aspects[criterion.code]
        if aspect.points:
            print(f"{criterion.code:<6} {'':>7} {_two(aspect.points):>8} {'':>8} {'':>9}  {criterion.name.get(lang)}")
    print(("Summe: " if de else "Total: ") + f"{_two(result.total)} / 1000")
    print(("Steuersatz: " if de else "Tax rate: ") + f"{_two(tax.rate)} % – {tax.explanation.get(lang)}")
    print(ILLUSTRATIVE.get(lang))
    for warning in result.warnings:
        print(("Hinweis: " if de else "Warning: ") + warning.text(lang))
    return EXIT_OK


def _two(value: Decimal) -> str:
    return decimal_text(round_half_away(value, 2))


__all__ = ["json", "register", "run"]
