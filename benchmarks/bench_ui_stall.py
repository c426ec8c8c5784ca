"""Longest UI-thread stall while a 1,000-balance portfolio workbook is imported through run_job.

    python benchmarks/bench_ui_stall.py [--balances 1000]

Builds a store with N copies of the sample balance (each its own organisation), exports the
portfolio workbook, then imports it as new balances into a second store from the main window's
File › Import portfolio path (ui.main_window.run_import_portfolio -> ui.jobs.run_job) while a
2 ms timer on the UI thread records the longest gap between its ticks. Target: under 100 ms.
Offscreen; the progress dialog is shown as for a user.

To find what holds the GIL during a gap: the report lists the longest garbage collections
(with the thread they ran on), and --stacks FILE makes faulthandler write every thread's
stack into FILE whenever the UI thread has not ticked for --stack-after-ms (default 60).
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import json
import os
import sys
import tempfile
import threading
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
    parser.add_argument("--stacks", type=Path, help="write the threads' stacks here during each long gap")
    parser.add_argument("--stack-after-ms", type=int, default=60)
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

        stacks = options.stacks.open("w", encoding="utf-8") if options.stacks else None

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            worst.append((now - last[0], now))
            last[0] = now
            if stacks is not None:  # re-armed at every tick: fires only when a tick is late
                faulthandler.dump_traceback_later(options.stack_after_ms / 1000, file=stacks)

        collections: list[tuple[float, int, str, int]] = []  # ms, generation, thread, when
        collection_start = [0.0]

        def on_gc(phase: str, info: dict) -> None:
            if phase == "start":
                collection_start[0] = time.perf_counter()
            else:
                took = (time.perf_counter() - collection_start[0]) * 1000
                collections.append((took, info["generation"], threading.current_thread().name, clock.elapsed()))

        gc.callbacks.append(on_gc)

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
        gc.callbacks.remove(on_gc)
        if stacks is not None:
            faulthandler.cancel_dump_traceback_later()
            stacks.close()
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
        "longest_gc_ms_thread_before_end": [
            (round(took), f"gen{generation}", thread, finished_at - when)
            for took, generation, thread, when in sorted(collections, reverse=True)[:5]
        ],
    }
    result["target_met"] = result["longest_stall_ms"] is not None and result["longest_stall_ms"] < 100
    print(f"workbook of {options.balances} balances built in {result['build_workbook_s']} s")
    print(f"import through run_job: {result['import_s']} s, {imported} balances stored")
    print("five longest gaps (ms) and how long before the job finished they ended:", result["worst_gaps_ms_before_end"])
    print("five longest garbage collections (ms, generation, thread, ms before end):")
    print("   ", result["longest_gc_ms_thread_before_end"])
    print(f"longest UI-thread stall: {result['longest_stall_ms']} ms over {len(gaps)} ticks (target < 100 ms)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ui_stall.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
