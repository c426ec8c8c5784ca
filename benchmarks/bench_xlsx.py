"""Spreadsheet exchange speed: a portfolio of 1,000 full 5.1 balances, written and read by the app
and, in the same run, the same cells written and read with bare openpyxl (write-only / read-only).

Target: the app's export and import take at most 1.5 times the bare library's time.
Scoring the 1,000 balances (done once, before either export) is reported apart; so are the
single-balance workbook and an import of the portfolio into a SQLite store (--store).
Run: python benchmarks/bench_xlsx.py [--balances N] [--repeat N] [--store]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecg_desktop.balance.model import Balance, CompanyFacts, Organisation, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.matrix import load_matrix


def full_balance(n: int, rng: random.Random) -> Balance:
    """A filled 5.1 full balance: every aspect rated, reasoning on every aspect, some auditor levels."""
    matrix = load_matrix("5.1")
    ratings: dict[str, Decimal] = {}
    reasoning: dict[str, str] = {}
    auditor: dict[str, Decimal] = {}
    for aspect in matrix.aspects("full"):
        value = Decimal(rng.randint(0, 10)) if aspect.positive else Decimal(-rng.choice((0, 0, 10, 40)))
        ratings[aspect.code] = value
        reasoning[aspect.code] = f"Organisation {n}: measures and evidence for {aspect.code}. " * 3
        if rng.random() < 0.3:
            auditor[aspect.code] = value
    return Balance(
        matrix="5.1",
        organisation=Organisation(name=f"Organisation {n:04d}"),
        company=CompanyFacts(
            employees=Decimal(rng.randint(1, 500)),
            turnover=Decimal(rng.randint(10**5, 10**8)),
            total_assets=Decimal(rng.randint(10**5, 10**8)),
            profit=Decimal(rng.randint(-(10**6), 10**7)),
            total_purchases=Decimal(3 * 10**5),
            supply_fractions=(
                SupplyFraction("DEU", "Ca", Decimal(10**5)),
                SupplyFraction("ITA", "A", Decimal(5 * 10**4)),
            ),
            total_staff_costs=Decimal(2 * 10**5),
            staff_countries=(StaffCountry("DEU", Decimal(100)),),
            sectors=(OwnSector("Ca", Decimal(100)),),
            canteen=True,
        ),
        ratings=ratings,
        reasoning=reasoning,
        auditor_ratings=auditor,
    )


def median_time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--balances", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", action="store_true", help="also import the portfolio into a SQLite store")
    args = parser.parse_args()

    import openpyxl  # noqa: F401 - imported once, outside the timings
    import pandas  # noqa: F401

    from ecg_desktop.balance.json_format import balance_to_data, dumps
    from ecg_desktop.exchange.portfolio import (
        BALANCE_HEADERS,
        PortfolioEntry,
        portfolio_frame,
        read_portfolio,
        write_portfolio,
    )
    from ecg_desktop.exchange.xlsx_common import JSON_CHUNK
    from ecg_desktop.scoring import score

    rng = random.Random(5)
    balances = [full_balance(n, rng) for n in range(args.balances)]
    start = time.perf_counter()
    results = [score(b) for b in balances]
    scoring = time.perf_counter() - start
    entries = [
        PortfolioEntry(n + 1, 1, b.organisation.name, b, r)
        for n, (b, r) in enumerate(zip(balances, results, strict=True))
    ]

    # the cells both sides write: the table and the balances sheet, prepared outside the bare timing
    frame = portfolio_frame(entries)
    table_rows = [list(r) for r in frame.itertuples(index=False, name=None)]
    headers = [str(c) for c in frame.columns]
    balance_rows = []
    for entry in entries:
        text = dumps(balance_to_data(entry.balance, full=True), indent=None)
        parts = [text[i : i + JSON_CHUNK] for i in range(0, len(text), JSON_CHUNK)]
        balance_rows.append([str(entry.balance_id), entry.version, entry.organisation, *parts])

    folder = Path(tempfile.mkdtemp())
    ours_path, bare_path = folder / "portfolio.xlsx", folder / "bare.xlsx"

    def ours_write() -> None:
        write_portfolio(entries, ours_path)

    def bare_write() -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        table = workbook.create_sheet("Portfolio")
        table.append(headers)
        for row in table_rows:
            table.append(row)
        sheet = workbook.create_sheet("_balances")
        sheet.append(list(BALANCE_HEADERS))
        for row in balance_rows:
            sheet.append(row)
        meta = workbook.create_sheet("_meta")
        meta.append(["format", "ecg-desktop-portfolio"])
        meta.append(["format_version", 1])
        workbook.save(bare_path)

    def ours_read() -> None:
        items = read_portfolio(ours_path)
        assert len(items) == len(balances)

    def bare_read() -> None:
        """The cells the app's import reads: the balances and the _meta sheet (not the computed table)."""
        from openpyxl import load_workbook

        workbook = load_workbook(bare_path, read_only=True)
        count = 0
        for name in ("_meta", "_balances"):
            for row in workbook[name].iter_rows(values_only=True):
                count += len(row)
        workbook.close()
        assert count

    bare_write()  # warm up both paths once
    ours_write()
    rows = [
        ("write", median_time(ours_write, args.repeat), median_time(bare_write, args.repeat)),
        ("read", median_time(ours_read, args.repeat), median_time(bare_read, args.repeat)),
    ]
    print(f"{args.balances} full 5.1 balances, {len(table_rows)} table rows; file {ours_path.stat().st_size:,} bytes")
    print(f"scoring (once, before export): {scoring:.2f} s")
    print(f"{'step':<8}{'app s':>9}{'bare s':>9}{'ratio':>8}")
    worst = 0.0
    for name, ours, bare in rows:
        ratio = ours / bare
        worst = max(worst, ratio)
        print(f"{name:<8}{ours:>9.2f}{bare:>9.2f}{ratio:>8.2f}")
    total_ours = sum(r[1] for r in rows)
    total_bare = sum(r[2] for r in rows)
    print(f"{'total':<8}{total_ours:>9.2f}{total_bare:>9.2f}{total_ours / total_bare:>8.2f}   (target <= 1.50)")

    # one balance workbook: export and import of a filled 5.1 balance
    from ecg_desktop.exchange.xlsx_export import export_balance_xlsx
    from ecg_desktop.exchange.xlsx_import import read_balance_workbook

    stream = io.BytesIO()
    one_export = median_time(lambda: export_balance_xlsx(balances[0], io.BytesIO(), balance_id=1), 5)
    export_balance_xlsx(balances[0], stream, balance_id=1)
    one_import = median_time(lambda: read_balance_workbook(stream.getvalue()), 5)
    print(f"one balance workbook: export {one_export * 1000:.0f} ms, import {one_import * 1000:.0f} ms")

    if args.store:
        from ecg_desktop.exchange.portfolio import import_portfolio
        from ecg_desktop.services import BalanceService

        with BalanceService.open(data_dir=folder / "store") as service:
            start = time.perf_counter()
            ids = import_portfolio(service, ours_path, as_new=True)
            print(f"import into SQLite as new balances: {len(ids)} in {time.perf_counter() - start:.2f} s")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
