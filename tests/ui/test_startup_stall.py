"""What keeps the UI thread responsive while a job runs: a short GIL switch interval during jobs,
and no full garbage collections while a portfolio is imported (benchmarks/bench_ui_stall.py
measures the effect; these tests pin the mechanisms)."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from ecg_desktop.exchange.xlsx_common import gc_paused


def test_run_job_shortens_the_switch_interval_while_jobs_run(qtbot):
    from ecg_desktop.ui import jobs

    normal = sys.getswitchinterval()
    release = threading.Event()
    seen: list[float] = []

    def work(_progress, _cancelled):
        seen.append(sys.getswitchinterval())
        release.wait(10)
        return "done"

    first = jobs.run_job(None, work)
    second = jobs.run_job(None, lambda _p, _c: sys.getswitchinterval())
    qtbot.waitUntil(lambda: second.done, timeout=10_000)
    assert second.result == pytest.approx(jobs.JOB_SWITCH_INTERVAL_S)
    assert sys.getswitchinterval() == pytest.approx(jobs.JOB_SWITCH_INTERVAL_S)  # the first job still runs
    release.set()
    qtbot.waitUntil(lambda: first.done and jobs.running_jobs() == 0, timeout=10_000)
    assert seen == [pytest.approx(jobs.JOB_SWITCH_INTERVAL_S)]
    assert sys.getswitchinterval() == normal


def test_gc_paused_nests_and_restores():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_portfolio_import_turns_collection_back_on(tmp_path):
    from ecg_desktop.errors import InputError
    from ecg_desktop.exchange.portfolio import import_portfolio
    from ecg_desktop.services import BalanceService

    with BalanceService.open(tmp_path / "store", None, "tester") as service:
        with pytest.raises(InputError):
            import_portfolio(service, b"not a workbook", file="broken.xlsx")
    assert gc.isenabled()
