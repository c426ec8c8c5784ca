"""run_job: results, failures and cancel come back on the main thread; synchronous mode for tests."""

from __future__ import annotations

import threading
import time

import pytest

from ecg_desktop.ui import jobs


def test_result_arrives_on_the_main_thread(qtbot):
    main = threading.get_ident()
    seen = {}

    def work(progress, cancelled):
        seen["worker"] = threading.get_ident()
        for i in range(5):
            progress(i, 5, f"step {i}")
        return 42

    def done(value):
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    job = jobs.run_job(None, work, done, label="test")
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["worker"] != main
    assert seen["callback"] == main


def test_failure_is_delivered(qtbot):
    errors = []
    job = jobs.run_job(None, lambda p, c: 1 / 0, lambda _v: pytest.fail("no success"), errors.append)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_the_job_without_callbacks(qtbot):
    started = threading.Event()
    cancelled_calls = []

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.005)
        raise jobs.JobCancelled

    job = jobs.run_job(
        None,
        work,
        lambda _v: pytest.fail("no success"),
        lambda _e: pytest.fail("no failure"),
        on_cancel=lambda: cancelled_calls.append(1),
    )
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert cancelled_calls == [1]
    assert job.cancelled_by_user


def test_progress_dialog_cancel_button(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        for i in range(10_000):
            if cancelled():
                raise jobs.JobCancelled
            progress(i, 10_000, "")
            time.sleep(0.001)
        return "finished"

    job = jobs.run_job(parent, work, label="long work")
    assert job.dialog is not None
    assert started.wait(5)
    job.dialog.canceled.emit()  # what the Cancel button does
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert job.result is None and job.cancelled_by_user


def test_synchronous_mode_runs_inline():
    results = []
    before = jobs.running_jobs()
    with jobs.synchronous_jobs():
        job = jobs.run_job(None, lambda p, c: (p(1, 1, ""), "x")[1], results.append)
    assert results == ["x"]
    assert job.done
    assert jobs.running_jobs() == before
