"""Longest UI-thread stall while a 1,000-balance portfolio workbook is imported through run_job.

    python benchmarks/bench_ui_stall.py [--balances 1000]

Builds a store with N copies of the sample balance (each its own organisation), exports the
portfolio workbook, then imports it as new balances into a second store from the main window's
File › Import portfolio path (ui.main_window.run_import_portfolio -> ui.jobs.run_job) while a
2 ms timer on the UI thread records the longest gap between its ticks. Target: under 100 ms.
Offscreen; the progress dialog is shown as for a user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_workbook(folder: Path, count: int) -> Path:
    from ecg_desktop.exchange.portfolio import collect_portfolio, write_portfolio
    from ecg_desktop.services import BalanceService
    from ecg_desktop.services.sample import sample_balance

    service = BalanceService.open(folder / "source", None, "bench")
    base = sample_balance().with_changes(evidence=())
    balances = [
        (None, base.with_changes(organisation=replace(base.organisation, name=f"Organisation {i:04d}")))
        for i in range(count)
    ]
    service.import_many(balances)
    path = folder / "portfolio.xlsx"
    write_portfolio(collect_portfolio(service), path)
    service.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--balances", type=int, default=1000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        started = time.perf_counter()
        workbook = build_workbook(folder, options.balances)
        build_s = time.perf_counter() - started

        from ecg_desktop.services import BalanceService
        from ecg_desktop.ui.context import BalanceContext
        from ecg_desktop.ui.main_window import MainWindow
        from ecg_desktop.ui.pages import load_page_modules
        from ecg_desktop.ui.settings import Settings

        target = BalanceService.open(folder / "target", None, "bench")
        ctx = BalanceContext(target)
        load_page_modules(required=False)
        window = MainWindow(ctx, Settings(folder / "settings.ini"))
        window.install_pages()
        window.show()
        app.processEvents()

        clock = QElapsedTimer()
        clock.start()
        gaps: list[int] = []
        last = [clock.elapsed()]

        worst: list[tuple[int, int]] = []  # (gap, when) of the longest gaps, for the report

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            worst.append((now - last[0], now))
            last[0] = now

        timer = QTimer()
        timer.setInterval(2)
        timer.timeout.connect(tick)
        failure: list[BaseException] = []
        window._job_failed = failure.append  # type: ignore[method-assign]
        import_started = time.perf_counter()
        last[0] = clock.elapsed()
        timer.start()
        job = window.run_import_portfolio(workbook, as_new=True)
        while not job.done:  # type: ignore[attr-defined]
            app.processEvents()
            time.sleep(0.0005)
        finished_at = clock.elapsed()
        timer.stop()
        import_s = time.perf_counter() - import_started
        if failure:
            raise SystemExit(f"import failed: {failure[0]}")
        imported = len(target.list_balances())
        target.close()
    result = {
        "balances": options.balances,
        "imported": imported,
        "build_workbook_s": round(build_s, 1),
        "import_s": round(import_s, 2),
        "longest_stall_ms": max(gaps) if gaps else None,
        "ticks": len(gaps),
        "target_ms": 100,
        "worst_gaps_ms_before_end": [(gap, finished_at - when) for gap, when in sorted(worst, reverse=True)[:5]],
    }
    result["target_met"] = result["longest_stall_ms"] is not None and result["longest_stall_ms"] < 100
    print(f"workbook of {options.balances} balances built in {result['build_workbook_s']} s")
    print(f"import through run_job: {result['import_s']} s, {imported} balances stored")
    print("five longest gaps (ms) and how long before the job finished they ended:", result["worst_gaps_ms_before_end"])
    print(f"longest UI-thread stall: {result['longest_stall_ms']} ms over {len(gaps)} ticks (target < 100 ms)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ui_stall.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
