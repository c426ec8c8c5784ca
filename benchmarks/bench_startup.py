"""Time from process start to the main window shown with the sample data, next to a bare PySide6 window.

    python benchmarks/bench_startup.py [--runs 5]

Offscreen, median of N runs each, all in one run of this script:
- bare:   a script that only shows an empty QMainWindow and quits;
- warm:   `python -m ecg_desktop` on a data folder that already holds the sample (the usual start);
- first:  the same on an empty data folder (creates the database and the sample).
The app prints "ready" once the last balance is on screen (ECG_DESKTOP_EXIT_WHEN_READY) and
quits; the wall time of the whole process is measured. Target: warm <= 1.5 x bare.
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


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "ready" not in result.stdout:
        raise SystemExit(f"{cmd} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
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
        app_cmd = [sys.executable, "-m", "ecg_desktop"]
        bare, warm, first = [], [], []
        warm_env = dict(base, ECG_DESKTOP_DATA_DIR=str(Path(tmp) / "warm"))
        timed(app_cmd, warm_env)  # creates the store and the sample once
        for run in range(options.runs):
            bare.append(timed([sys.executable, "-c", BARE], base))
            warm.append(timed(app_cmd, warm_env))
            first_dir = Path(tmp) / f"first{run}"
            shutil.rmtree(Path(tmp) / "config", ignore_errors=True)
            first.append(timed(app_cmd, dict(base, ECG_DESKTOP_DATA_DIR=str(first_dir))))
            shutil.rmtree(Path(tmp) / "config", ignore_errors=True)
            timed(app_cmd, warm_env)  # keep the warm settings (last balance) in place
    result = {
        "bare_ms": round(statistics.median(bare)),
        "warm_ms": round(statistics.median(warm)),
        "first_start_ms": round(statistics.median(first)),
        "runs": options.runs,
    }
    result["warm_ratio"] = round(result["warm_ms"] / result["bare_ms"], 2)
    result["target_ratio"] = 1.5
    result["target_met"] = result["warm_ratio"] <= 1.5
    print(f"bare PySide6 window      {result['bare_ms']:6d} ms")
    print(f"ECG Desktop, sample shown {result['warm_ms']:6d} ms  ({result['warm_ratio']} x bare; target <= 1.5)")
    print(f"ECG Desktop, first start  {result['first_start_ms']:6d} ms  (creates database and sample)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "startup.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
