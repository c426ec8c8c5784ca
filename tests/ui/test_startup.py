"""The start-up snapshot: written at close, shown at the next start only when it still shows the data,
replaced by the live main window; damaged, stale or foreign snapshots are ignored."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path

import pytest

from ecg_desktop.ui import startup

ROOT = Path(__file__).resolve().parents[2]


def _save(window, service) -> Path:
    data = startup.capture(window, window.ctx.balance_id_required, window.ctx.language)
    written = startup.save_snapshot(data, Path(service.location))
    assert written is not None
    return written


def _same_pixels(a, b) -> float:
    """Share of pixels that differ between two QImages of the same size (1.0 when sizes differ)."""
    from PySide6.QtGui import QImage

    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    if a.size() != b.size():
        return 1.0
    width, height = a.width(), a.height()
    raw_a, raw_b = bytes(a.constBits()), bytes(b.constBits())
    row = a.bytesPerLine()
    differing = 0
    for y in range(height):
        line_a, line_b = raw_a[y * row : y * row + width * 4], raw_b[y * row : y * row + width * 4]
        if line_a != line_b:
            differing += sum(line_a[i : i + 4] != line_b[i : i + 4] for i in range(0, width * 4, 4))
    return differing / (width * height)


def test_sqlite_name_matches_storage():
    from ecg_desktop.storage.db import SQLITE_NAME

    assert startup.SQLITE_NAME == SQLITE_NAME


def test_snapshot_round_trip_shows_the_live_window(window, service, qtbot):
    from ecg_desktop.ui.startup_window import StartupWindow

    path = _save(window, service)
    folder = str(path.parent)
    snapshot = startup.snapshot_for_start(folder, "en", window.ctx.balance_id_required)
    assert snapshot is not None
    assert snapshot.title == window.windowTitle() and "Bakery Example" in snapshot.title
    picture = startup.snapshot_image(snapshot)
    assert picture is not None
    shell = StartupWindow(snapshot, *picture)
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitExposed(shell)
    assert shell.windowTitle() == window.windowTitle()
    assert (shell.width(), shell.height()) == (window.width(), window.height())
    # the start-up window paints exactly the live window's picture (grid, tree, status bar)
    assert _same_pixels(shell.grab().toImage(), window.grab().toImage()) == 0.0


def test_a_change_after_the_snapshot_makes_it_stale(window, service, balance_id):
    path = _save(window, service)
    assert startup.snapshot_for_start(str(path.parent), "en", balance_id) is not None
    service.set_rating(balance_id, "A1.1", Decimal(9))  # e.g. the CLI or a second instance
    assert startup.snapshot_for_start(str(path.parent), "en", balance_id) is None


def test_snapshot_is_only_for_its_database_language_balance_and_version(window, service, balance_id, tmp_path):
    path = _save(window, service)
    folder = str(path.parent)
    assert startup.snapshot_for_start(folder, "de", balance_id) is None
    assert startup.snapshot_for_start(folder, "en", balance_id + 1) is None
    assert startup.snapshot_for_start("postgresql://host/db", "en", balance_id) is None
    # the same file copied into another store's folder (identical data version) is not used there
    from ecg_desktop.services import BalanceService

    other = tmp_path / "other"
    with BalanceService.open(other, None, "tester"):
        pass
    (other / startup.SNAPSHOT_NAME).write_bytes(path.read_bytes())
    assert startup.snapshot_for_start(str(other), "en", balance_id) is None
    # another app version
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(dict(data, app_version="0.0.0-old")), encoding="utf-8")
    assert startup.snapshot_for_start(folder, "en", balance_id) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: b"\x00\xff not json",
        lambda d: json.dumps(d).encode()[:200],
        lambda d: json.dumps([d]).encode(),
        lambda d: json.dumps(dict(d, format="something-else")).encode(),
        lambda d: json.dumps(dict(d, width="1197")).encode(),
        lambda d: json.dumps(dict(d, width=0)).encode(),
        lambda d: json.dumps(dict(d, balance_id=True)).encode(),
        lambda d: json.dumps(dict(d, pixels="not base64!")).encode(),
        lambda d: json.dumps(dict(d, bytes_per_line=8)).encode(),
        lambda d: json.dumps({k: v for k, v in d.items() if k != "title"}).encode(),
        lambda d: json.dumps(dict(d, data_version={"schema": "0002"})).encode(),
    ],
)
def test_a_damaged_snapshot_is_ignored(window, service, balance_id, damage):
    path = _save(window, service)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_bytes(damage(data))
    assert startup.snapshot_for_start(str(path.parent), "en", balance_id) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda d: {"width": d["width"] + 10},
        lambda d: {"height": d["height"] - 1},
        lambda d: {"pixels": base64.b64encode(b"hello").decode()},  # not zlib
        lambda d: {"pixels": base64.b64encode(zlib.compress(bytes(10**8))).decode()},  # inflates too far
    ],
)
def test_a_picture_that_does_not_fit_is_not_shown(window, service, balance_id, change):
    path = _save(window, service)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(dict(data, **change(data))), encoding="utf-8")
    snapshot = startup.snapshot_for_start(str(path.parent), "en", balance_id)
    assert snapshot is None or startup.snapshot_image(snapshot) is None  # the app then starts without it


def test_no_snapshot_without_a_store_file(tmp_path):
    assert startup.data_version(tmp_path / "missing.sqlite") is None
    assert startup.snapshot_for_start(str(tmp_path), "en", 1) is None
    assert not (tmp_path / startup.SQLITE_NAME).exists()  # looking does not create a database


def test_live_window_replaces_the_snapshot(window, service, balance_id, settings, qtbot, qapp, tmp_path):
    """In-process start from a snapshot: the live window takes the shell's place with the same picture."""
    import argparse

    import shiboken6

    from ecg_desktop.ui.app import Starter

    window.resize(1000, 700)  # fits the offscreen screen, which would shrink a larger window
    qapp.processEvents()
    path = _save(window, service)
    expected = window.grab().toImage()
    settings.set("window/last_balance", balance_id)
    settings.set("window/last_page", "matrix")
    window.close()
    options = argparse.Namespace(database_url=None, data_dir=str(path.parent), lang="en")
    snapshot = startup.snapshot_for_start(str(path.parent), "en", balance_id)
    assert snapshot is not None
    starter = Starter(qapp, settings, options, "en")
    assert starter.start_from_snapshot(snapshot)
    shell = starter.shell
    assert shell is not None and shell.isVisible()
    qtbot.waitUntil(lambda: starter.shell is None, timeout=30_000)
    live = starter.window
    assert live is not None and live.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(shell))  # hidden, then deleted
    qtbot.addWidget(live)
    assert live.ctx.balance_id == balance_id
    assert live.windowTitle() == snapshot.title
    assert (live.width(), live.height()) == (snapshot.width, snapshot.height)
    # the live grid shows what the snapshot showed (a focus frame or a selection may differ)
    assert _same_pixels(live.grab().toImage(), expected) < 0.01
    # closing writes the snapshot of what is on screen as the window closes (not hidden: a
    # hidden window paints its selection in the inactive colours)
    live.ctx.service.set_reasoning(balance_id, "A1.1", "Changed while the app runs.")
    live.ctx.refresh()
    qapp.processEvents()
    on_screen = live.grab().toImage()
    live.close()
    starter.shutdown()
    fresh = startup.snapshot_for_start(str(path.parent), "en", balance_id)
    assert fresh is not None and fresh.data_version != snapshot.data_version
    picture = startup.snapshot_image(fresh)
    assert picture is not None
    assert _same_pixels(picture[0], on_screen) == 0.0


def _run_app(env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "ecg_desktop"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_second_start_uses_the_snapshot_until_the_data_changes(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ECG_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ECG_DESKTOP_EXIT_WHEN_READY="1",
        PYTHONPATH=str(ROOT),
    )
    assert _run_app(env) == ["ready", "live"]  # first start: no snapshot yet, the sample is created
    assert (tmp_path / "data" / startup.SNAPSHOT_NAME).is_file()
    assert _run_app(env) == ["snapshot", "ready", "live"]
    from ecg_desktop.services import BalanceService

    with BalanceService.open(tmp_path / "data", None, "someone else") as service:
        (info,) = service.list_balances()
        service.set_reasoning(info.id, "A1.1", "Edited elsewhere while the app was closed.")
    assert _run_app(env) == ["ready", "live"]  # stale: the live data comes first
    assert _run_app(env) == ["snapshot", "ready", "live"]  # and the next close wrote a fresh one
