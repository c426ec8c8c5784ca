"""Time from process start to the main window shown with the sample data, next to a bare PySide6 window.

    python benchmarks/bench_startup.py [--runs 5] [--env-bytecode]

Offscreen, median of N runs each, all in one run of this script. Each process prints "ready"
once its window is painted with its content (ECG_DESKTOP_EXIT_WHEN_READY for the app); the
time from starting the process to reading that line is the start-up time. Also recorded:
when the app prints "live" (the live main window, store open, replaced the start-up
snapshot) and when the process has exited.

- bare:        a script that only shows an empty QMainWindow and quits;
- warm:        `python -m ecg_desktop` on a data folder that already holds the sample and the
               start-up snapshot the previous run wrote (the usual start);
- no snapshot: the same with ECG_DESKTOP_NO_SNAPSHOT=1 (window first, then the store);
- first:       an empty data folder (creates the database and the sample; no snapshot yet).

Bytecode: an installed app (wheel, frozen bundle) runs from compiled .pyc files. This machine
sets PYTHONDONTWRITEBYTECODE, which would make every run compile the app's sources again, so
the child processes get a private PYTHONPYCACHEPREFIX (filled by a warm-up run) unless
--env-bytecode keeps the environment as it is.

Target: warm "ready" <= 1.5 x bare "ready".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
window = QMainWindow()
window.show()
def ready():
    window.repaint()
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Milliseconds from the start of the process to each line it prints, and to its exit ("exit")."""
    marks: dict[str, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
    )
    assert process.stdout is not None
    for line in process.stdout:
        marks.setdefault(line.strip(), (time.perf_counter() - start) * 1000)
    _, stderr = process.communicate()
    marks["exit"] = (time.perf_counter() - start) * 1000
    if process.returncode != 0 or "ready" not in marks:
        raise SystemExit(f"{cmd} failed ({process.returncode}):\n{stderr[-2000:]}")
    return marks


def median(runs: list[dict[str, float]], key: str) -> int | None:
    values = [run[key] for run in runs if key in run]
    return round(statistics.median(values)) if values else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--env-bytecode", action="store_true", help="keep the environment's bytecode settings (no .pyc cache)"
    )
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = dict(os.environ)
        base.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            ECG_DESKTOP_EXIT_WHEN_READY="1",
            PYTHONPATH=str(ROOT),
        )
        base.pop("ECG_DESKTOP_DATABASE_URL", None)
        base.pop("ECG_DESKTOP_NO_SNAPSHOT", None)
        if not options.env_bytecode:
            base.pop("PYTHONDONTWRITEBYTECODE", None)
            base["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        app_cmd = [sys.executable, "-m", "ecg_desktop"]
        bare: list[dict[str, float]] = []
        warm: list[dict[str, float]] = []
        plain: list[dict[str, float]] = []
        first: list[dict[str, float]] = []
        warm_env = dict(base, ECG_DESKTOP_DATA_DIR=str(Path(tmp) / "warm"))
        plain_env = dict(warm_env, ECG_DESKTOP_NO_SNAPSHOT="1")
        timed([sys.executable, "-c", BARE], base)  # warm-up: bytecode cache, disk cache
        timed(app_cmd, warm_env)  # creates the store and the sample, writes the snapshot
        timed(app_cmd, warm_env)
        for run in range(options.runs):
            bare.append(timed([sys.executable, "-c", BARE], base))
            warm.append(timed(app_cmd, warm_env))
            plain.append(timed(app_cmd, plain_env))
            first_dir = Path(tmp) / f"first{run}"
            shutil.rmtree(Path(tmp) / "config", ignore_errors=True)
            first.append(timed(app_cmd, dict(base, ECG_DESKTOP_DATA_DIR=str(first_dir))))
            shutil.rmtree(Path(tmp) / "config", ignore_errors=True)
            timed(app_cmd, warm_env)  # the settings (last balance) and the snapshot of the warm store again
        snapshot_used = all("snapshot" in run for run in warm)
    result: dict[str, object] = {
        "runs": options.runs,
        "bytecode": "environment" if options.env_bytecode else "cached (.pyc, as installed)",
        "bare_ready_ms": median(bare, "ready"),
        "bare_exit_ms": median(bare, "exit"),
        "warm_ready_ms": median(warm, "ready"),
        "warm_live_ms": median(warm, "live"),
        "warm_exit_ms": median(warm, "exit"),
        "warm_used_snapshot": snapshot_used,
        "no_snapshot_ready_ms": median(plain, "ready"),
        "no_snapshot_exit_ms": median(plain, "exit"),
        "first_start_ready_ms": median(first, "ready"),
        "first_start_exit_ms": median(first, "exit"),
    }
    bare_ready = result["bare_ready_ms"]
    assert isinstance(bare_ready, int) and isinstance(result["warm_ready_ms"], int)
    result["warm_ratio"] = round(result["warm_ready_ms"] / bare_ready, 2)
    result["no_snapshot_ratio"] = round(result["no_snapshot_ready_ms"] / bare_ready, 2)  # type: ignore[operator]
    result["target_ratio"] = 1.5
    result["target_met"] = result["warm_ratio"] <= 1.5
    print(f"bytecode: {result['bytecode']}; median of {options.runs} runs; ms from process start")
    print(f"{'':34}{'ready':>8}{'live':>8}{'exit':>8}")
    print(f"{'bare PySide6 window':34}{bare_ready:8d}{'':>8}{result['bare_exit_ms']:8d}")
    print(
        f"{'ECG Desktop, sample (snapshot)':34}{result['warm_ready_ms']:8d}{result['warm_live_ms']:8d}"
        f"{result['warm_exit_ms']:8d}   {result['warm_ratio']} x bare (target <= 1.5)"
    )
    print(
        f"{'ECG Desktop, sample (no snapshot)':34}{result['no_snapshot_ready_ms']:8d}{'':>8}"
        f"{result['no_snapshot_exit_ms']:8d}   {result['no_snapshot_ratio']} x bare"
    )
    print(
        f"{'ECG Desktop, first start':34}{result['first_start_ready_ms']:8d}{'':>8}"
        f"{result['first_start_exit_ms']:8d}   (creates database and sample)"
    )
    if not snapshot_used:
        print("warning: the warm runs did not all start from the snapshot")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "startup.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
