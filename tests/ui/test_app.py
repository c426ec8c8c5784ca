"""`ecg-desktop` without arguments starts the app; the first start creates the sample organisation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_first_start_shows_the_sample(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ECG_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ECG_DESKTOP_EXIT_WHEN_READY="1",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-m", "ecg_desktop", "--lang", "de"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout
    assert "pages not available" not in result.stderr
    from ecg_desktop.services import BalanceService

    with BalanceService.open(tmp_path / "data", None, "test") as service:
        organisations = service.list_organisations()
        assert len(organisations) == 1
        balances = service.list_balances()
        assert [b.matrix for b in balances] == ["5.1"]
        assert service.get_balance(balances[0].id).evidence  # evidence included
    settings = (tmp_path / "config" / "ecg-desktop" / "ecg-desktop.ini").read_text(encoding="utf-8")
    assert f"last_balance={balances[0].id}" in settings
    # a second start does not create the sample again
    again = subprocess.run(
        [sys.executable, "-m", "ecg_desktop"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert again.returncode == 0, again.stderr
    with BalanceService.open(tmp_path / "data", None, "test") as service:
        assert len(service.list_organisations()) == 1
