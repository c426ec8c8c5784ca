"""Long work off the UI thread: run_job() runs a function on QThreadPool with progress and cancel.

The function gets two plain callables and no widget::

    def work(progress, cancelled):
        for i, row in enumerate(rows):
            if cancelled():
                raise JobCancelled
            progress(i, len(rows), "")        # done, total, optional text
        return result

``on_success(result)`` or ``on_failure(exception)`` then runs on the main thread. A cancelled
job calls neither (only ``on_cancel`` if given). Tests call :func:`set_synchronous` (or use the
``synchronous_jobs`` context manager) to run jobs inline, deterministically.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
JobFn = Callable[[ProgressFn, CancelledFn], Any]

# Progress reaches the UI at most this often, so a chatty worker cannot flood the event loop.
PROGRESS_INTERVAL_S = 0.05
# Quick jobs finish before the dialog would appear: no flicker.
DIALOG_DELAY_MS = 400
# While a job runs, a thread waiting for the GIL asks for it after this many seconds (Python's
# default is 0.005). The UI thread takes the GIL for every call into Python (slots, models,
# Python event handlers); with the default, repainting or showing a dialog while a worker
# runs Python code cost 5 ms per call and froze the UI for 100-300 ms.
JOB_SWITCH_INTERVAL_S = 0.0001

_synchronous = False
_running: set[Job] = set()
_normal_switch_interval: float | None = None


class JobCancelled(Exception):
    """Raised by a job function that noticed ``cancelled()``; the job ends without a callback."""


def set_synchronous(on: bool) -> None:
    """Run every job inline on the calling thread (for tests): callbacks fire before run_job returns."""
    global _synchronous
    _synchronous = on


@contextmanager
def synchronous_jobs() -> Iterator[None]:
    """Context manager form of set_synchronous(True)."""
    previous = _synchronous
    set_synchronous(True)
    try:
        yield
    finally:
        set_synchronous(previous)


def running_jobs() -> int:
    """How many jobs have started and not yet delivered their result."""
    return len(_running)


class _Signals(QObject):
    sig_progress = Signal(int, int, str)
    """Progress from the worker: done, total, text (queued to the main thread)."""
    sig_done = Signal(object)
    """The worker's result."""
    sig_failed = Signal(object)
    """The worker's exception."""
    sig_cancelled = Signal()
    """The worker stopped because cancel was asked for."""


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        self._job._execute()


class Job(QObject):
    """One running job: its progress dialog, its cancel flag and its callbacks.

    Keep no reference: run_job keeps the job alive until it has delivered its result.
    """

    sig_finished = Signal()
    """Emitted on the main thread after the result (or failure, or cancel) was delivered."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: JobFn,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        label: str,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(None)
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.label = label
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled_by_user = False
        self.done = False
        self._signals = _Signals()
        self._signals.sig_progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.sig_done.connect(self._deliver_success, Qt.ConnectionType.QueuedConnection)
        self._signals.sig_failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)
        self._signals.sig_cancelled.connect(self._deliver_cancel, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        if parent is not None and not _synchronous:
            self.dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(QCoreApplication.translate("Jobs", "Please wait"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(DIALOG_DELAY_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
            self.dialog.setValue(0)

    # ---- called from any thread
    def cancel(self) -> None:
        """Ask the job to stop; the function sees ``cancelled()`` return True."""
        self.cancelled_by_user = True
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        if _synchronous:
            self._show_progress(done, total, text)
        else:
            self._signals.sig_progress.emit(done, total, text)

    def _execute(self) -> None:
        try:
            result = self._fn(self._progress, self.is_cancelled)
        except JobCancelled:
            self._emit(self._signals.sig_cancelled, self._deliver_cancel)
        except BaseException as exc:  # every failure must reach the main thread
            self._emit(self._signals.sig_failed, self._deliver_failure, exc)
        else:
            if self.is_cancelled():
                self._emit(self._signals.sig_cancelled, self._deliver_cancel)
            else:
                self._emit(self._signals.sig_done, self._deliver_success, result)

    def _emit(self, signal: Any, direct: Callable[..., None], *args: Any) -> None:
        if _synchronous:
            direct(*args)
        else:
            signal.emit(*args)

    # ---- main thread
    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.dialog.setLabelText(f"{self.label}\n{text}")

    def _finish(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.sig_finished.emit()
        # Let queued events drain before the last reference goes.
        if _synchronous:
            _forget(self)
        else:
            QTimer.singleShot(0, lambda: _forget(self))

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        self.result = result
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, error: BaseException) -> None:
        self.error = error
        self._finish()
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            raise error

    @Slot()
    def _deliver_cancel(self) -> None:
        self.cancelled_by_user = True
        self._finish()
        if self._on_cancel is not None:
            self._on_cancel()


def _forget(job: Job) -> None:
    """Drop a finished job; the last one gives the GIL switch interval back (main thread only)."""
    global _normal_switch_interval
    _running.discard(job)
    if not _running and _normal_switch_interval is not None:
        sys.setswitchinterval(_normal_switch_interval)
        _normal_switch_interval = None


def run_job(
    parent: QWidget | None,
    fn: JobFn,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str = "",
    on_cancel: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Run ``fn(progress, cancelled)`` off the UI thread; deliver its result on the main thread.

    Args:
        parent: window the progress dialog belongs to (None: no dialog).
        fn: the work. It must not touch widgets; it gets ``progress(done, total, text)`` and
            ``cancelled() -> bool`` and may raise :class:`JobCancelled`.
        on_success: called with the result on the main thread.
        on_failure: called with the exception on the main thread (default: re-raise there).
        label: what the progress dialog says (already translated).
        on_cancel: called when the job stopped because the user cancelled.
        pool: thread pool (default: the global one).

    Returns:
        The job, for tests and for code that wants to cancel it or wait for ``sig_finished``.
    """
    global _normal_switch_interval
    job = Job(parent, fn, on_success, on_failure, label, on_cancel)
    _running.add(job)
    if _normal_switch_interval is None and not _synchronous:
        _normal_switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(JOB_SWITCH_INTERVAL_S, _normal_switch_interval))
    if _synchronous:
        job._execute()
    else:
        (pool or QThreadPool.globalInstance()).start(_Runnable(job))
    return job
