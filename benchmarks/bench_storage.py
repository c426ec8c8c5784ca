"""Storage benchmark: 200 organisations x 5 balances with full 5.1 ratings.

Reports: time to fill the store, to list organisations and balances, to open and score one
balance, the cost of a single edit, and peak RSS while attaching a 1 GB file (in a fresh
process, so earlier work does not hide the peak).

    python benchmarks/bench_storage.py [--database-url URL] [--big-mib 1024] [--keep DIR]

Without a URL the store is SQLite in a temporary folder; with ECG_TEST_DATABASE_URL set (or
--database-url) it is PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ecg_desktop.balance.model import Balance, CompanyFacts, Organisation, Period  # noqa: E402
from ecg_desktop.matrix import load_matrix  # noqa: E402
from ecg_desktop.services.balance_service import BalanceService  # noqa: E402

ORGANISATIONS = 200
BALANCES_PER_ORGANISATION = 5


def balance_for(org: int, year_index: int) -> Balance:
    matrix = load_matrix("5.1")
    ratings: dict[str, Decimal] = {}
    reasoning: dict[str, str] = {}
    for n, aspect in enumerate(matrix.aspects("full")):
        seed = n + org + year_index
        ratings[aspect.code] = Decimal(seed % 11) if aspect.positive else Decimal(-(seed % 3) * 10)
        reasoning[aspect.code] = f"Maßnahmen zu {aspect.code} im Jahr {2015 + 2 * year_index}: ausführlich belegt."
    return Balance(
        matrix="5.1",
        type="full",
        organisation=Organisation(name=f"Gemeinwohl-Betrieb {org:03d} GmbH"),
        period=Period(date(2015 + 2 * year_index, 1, 1), date(2016 + 2 * year_index, 12, 31)),
        company=CompanyFacts(
            employees=Decimal(10 + org % 90),
            turnover=Decimal(1_000_000 + 1000 * org),
            total_assets=Decimal(500_000),
            total_purchases=Decimal(300_000),
            total_staff_costs=Decimal(400_000),
        ),
        ratings=ratings,
        reasoning=reasoning,
    )


def timed(func, repeat: int = 5) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


BIG_FILE_PROBE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from ecg_desktop.balance.model import Organisation
from ecg_desktop.services.balance_service import BalanceService
service = BalanceService.open(sys.argv[1], sys.argv[3] or None)
org = service.create_organisation(Organisation(name="Großdatei GmbH"))
balance_id = service.create_balance(org, "5.1")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
ref = service.attach_evidence(balance_id, ["A1.1"], Path(sys.argv[2]))
attach = time.perf_counter() - start
start = time.perf_counter()
status = service.verify_evidence(balance_id)[0].status
verify = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_mib": before / 1024, "peak_mib": after / 1024, "size": ref.size,
                  "attach_s": attach, "verify_s": verify, "status": status}))
"""


def main() -> int:
    import os

    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=os.environ.get("ECG_TEST_DATABASE_URL"))
    parser.add_argument("--big-mib", type=int, default=1024)
    parser.add_argument("--keep", help="use this folder instead of a temporary one")
    options = parser.parse_args()
    folder = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="ecg-bench-"))
    engine = "PostgreSQL" if options.database_url else "SQLite"
    print(f"store: {engine} ({folder})")
    service = BalanceService.open(folder / "data", options.database_url, user="bench")
    if options.database_url and service.list_balances():
        print("the database is not empty; use a fresh one")
        return 1
    start = time.perf_counter()
    for org in range(ORGANISATIONS):
        service.import_many([(None, balance_for(org, y)) for y in range(BALANCES_PER_ORGANISATION)])
    fill = time.perf_counter() - start
    count = ORGANISATIONS * BALANCES_PER_ORGANISATION
    print(f"fill {count} balances (61 rated aspects each): {fill:.1f} s ({1000 * fill / count:.1f} ms per balance)")

    t_orgs, orgs = timed(service.list_organisations)
    t_list, infos = timed(service.list_balances)
    assert len(orgs) == ORGANISATIONS and len(infos) == count  # type: ignore[arg-type]
    target = infos[len(infos) // 2].id  # type: ignore[index]
    t_open, _ = timed(lambda: service.get_balance(target))
    t_score, result = timed(lambda: service.score(target))
    t_edit, _ = timed(lambda: service.set_rating(target, "A1.1", Decimal(time.perf_counter_ns() % 11)), repeat=50)
    t_verify_log, check = timed(service.verify_log, repeat=1)
    print(f"list {ORGANISATIONS} organisations: {1000 * t_orgs:.1f} ms")
    print(f"list {count} balances: {1000 * t_list:.1f} ms")
    print(f"open one balance (get_balance): {1000 * t_open:.1f} ms")
    print(f"open and score one balance: {1000 * t_score:.1f} ms (total {result.total:.2f})")  # type: ignore[attr-defined]
    print(f"one rating edit (transaction + change log): {1000 * t_edit:.1f} ms")
    print(f"verify-log over {check.entries} entries: {t_verify_log:.2f} s, ok={check.ok}")  # type: ignore[attr-defined]
    service.close()

    big = folder / "big.bin"
    with open(big, "wb") as handle:  # written data, not a sparse file, so the disk really reads it
        block = os.urandom(1024 * 1024)
        for _ in range(options.big_mib):
            handle.write(block)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            BIG_FILE_PROBE,
            str(folder / "big-store"),
            str(big),
            options.database_url or "",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    print(
        f"attach a {options.big_mib} MiB file: {probe['attach_s']:.1f} s, verify {probe['verify_s']:.1f} s;"
        f" peak RSS {probe['peak_mib']:.0f} MiB (before attaching {probe['before_mib']:.0f} MiB), status {probe['status']}"
    )
    big.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
