"""Scoring speed: one full rescoring of a filled 5.1 full balance, and 10,000 balances in a row.

Run: python benchmarks/bench_scoring.py [--profile]. Prints a table; no assertions (targets: well under 1 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecg_desktop.balance.model import Balance, CompanyFacts, OwnSector, StaffCountry, SupplyFraction
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score

D = Decimal


def filled_balance(variant: int = 0) -> Balance:
    """A 5.1 full balance with every fact and every aspect rated (variant shifts the numbers)."""
    matrix = load_matrix("5.1")
    company = CompanyFacts(
        employees=D(37 + variant % 5),
        turnover=D(4_800_000 + variant),
        total_assets=D(2_100_000),
        profit=D(310_000 - variant),
        financial_costs=D(12_000),
        income_from_financial_investments=D(3_000),
        additions_to_fixed_assets=D(150_000),
        financial_assets_and_cash=D(400_000),
        total_purchases=D(1_900_000),
        supply_fractions=tuple(
            SupplyFraction(country, sector, D(costs))
            for country, sector, costs in (
                ("DEU", "Ca", 400_000),
                ("AUT", "G", 250_000),
                ("CHN", "Ch", 300_000),
                ("ITA", "Cb", 120_000),
                ("POL", "H", 90_000),
                ("BRA", "A", 60_000),
            )
        ),
        main_origin_of_other_suppliers="AEU",
        total_staff_costs=D(1_750_000),
        staff_countries=(StaffCountry("DEU", D(80)), StaffCountry("AUT", D(15))),
        sectors=(OwnSector("Ca", D(70)), OwnSector("G", D(30))),
        b2b=bool(variant % 2),
        canteen=True,
        average_commute_km=D(14),
    )
    ratings = {
        a.code: D((3 + variant + i) % 11) if a.positive else D(-((variant + i) % 3) * 10)
        for i, a in enumerate(matrix.aspects("full"))
    }
    return Balance(
        matrix="5.1", company=company, ratings=ratings, weights={"E2": D("1.5")}, justifications={"E2": "benchmark"}
    )


def median_ms(balance: Balance, repeat: int = 2000) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        score(balance)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    options = parser.parse_args()
    balance = filled_balance()
    score(balance)  # warm the matrix and table caches
    median, p95 = median_ms(balance)
    balances = [filled_balance(i) for i in range(10_000)]
    start = time.perf_counter()
    for item in balances:
        score(item)
    elapsed = time.perf_counter() - start
    rows = [
        ("one full rescoring, 5.1 full, 61 aspects rated (median)", f"{median:.3f} ms"),
        ("one full rescoring (95th percentile)", f"{p95:.3f} ms"),
        ("10,000 different balances", f"{elapsed:.2f} s"),
        ("throughput", f"{10_000 / elapsed:,.0f} balances/s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"Python {sys.version.split()[0]}")
    for label, value in rows:
        print(f"{label:<{width}}  {value:>16}")
    if options.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for item in balances[:500]:
            score(item)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
