"""`ecg-desktop score FILE.json`: score a balance JSON file and print a table or JSON."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any

from ecg_desktop.balance.json_format import dumps, load_balance
from ecg_desktop.balance.model import Balance
from ecg_desktop.cli.main import EXIT_OK, read_input_file
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.scoring.levers import levers
from ecg_desktop.scoring.report import result_to_data
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.scoring.tax import ILLUSTRATIVE, PRESETS, TaxResult, TaxSchedule, schedule_from_data, tax_rate


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
    print_table(balance, result, tax, lang)
    return EXIT_OK


SIZE_LABELS = {
    "micro": ("micro", "Kleinstunternehmen"),
    "small": ("small", "Kleinunternehmen"),
    "medium": ("medium-sized", "mittleres Unternehmen"),
    "large": ("large", "Großunternehmen"),
}


def print_table(balance: Balance, result: ScoreResult, tax: TaxResult, lang: str) -> None:
    """The score as a readable table in `lang`, numbers in that language's format."""
    from ecg_desktop.presentation import balance_type_label, format_number

    matrix = load_matrix(balance.matrix)
    de = lang == "de"

    def num(value: Decimal, places: int | None = 2) -> str:
        return format_number(value, lang, places)

    title = f"{matrix.name.get(lang)} – {balance_type_label(balance.type, lang)}"
    if balance.organisation.name:
        title += f" – {balance.organisation.name}"
    print(title)
    if result.size_class:
        print(("Größenklasse: " if de else "Size class: ") + SIZE_LABELS[result.size_class][1 if de else 0])
    if result.stakeholders:
        rows = ", ".join(f"{code} {num(s.weight, None)}" for code, s in result.stakeholders.items())
        print(("Zeilengewichte: " if de else "Row weights: ") + rows)
    header = (
        ("Thema", "Gewicht", "Punkte", "Maximum", "Erreicht")
        if de
        else ("Theme", "Weight", "Points", "Maximum", "Reached")
    )
    print(f"{header[0]:<6} {header[1]:>7} {header[2]:>8} {header[3]:>8} {header[4]:>9}")
    for code, theme in result.themes.items():
        if theme.max_points.is_zero():
            reached = "entfällt" if de else "n/a"
        elif theme.percentage is None:
            reached = "–"
        else:
            reached = f"{num(theme.percentage, 0)} %"
        name = matrix.theme(code).name.get(lang)
        print(
            f"{code:<6} {num(theme.weight, None):>7} {num(theme.points):>8} {num(theme.max_points):>8}"
            f" {reached:>9}  {name}"
        )
    for criterion in matrix.negative_criteria:
        aspect = result.aspects[criterion.code]
        if aspect.points:
            print(f"{criterion.code:<6} {'':>7} {num(aspect.points):>8} {'':>8} {'':>9}  {criterion.name.get(lang)}")
    print(("Summe: " if de else "Total: ") + f"{num(result.total)} / 1000")
    print(("Steuersatz: " if de else "Tax rate: ") + f"{num(tax.rate)} % – {tax.explanation.get(lang)}")
    print(ILLUSTRATIVE.get(lang))
    for warning in result.warnings:
        print(("Hinweis: " if de else "Warning: ") + warning.text(lang))


__all__ = ["json", "register", "run"]
