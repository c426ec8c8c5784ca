"""The self-test passes in a source checkout and names the failing step when something breaks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ecg_desktop.cli import selftest


def test_self_test_passes_in_the_source_checkout(tmp_path):
    line = selftest.run_self_test(tmp_path)
    assert line.startswith("self-test passed: sample scored ")
    assert "certificate 1 page" in line
    assert (tmp_path / "balance.xlsx").stat().st_size > 0
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_self_test_command_prints_one_line_and_exits_zero():
    done = subprocess.run(
        [sys.executable, "-m", "ecg_desktop", "self-test"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().count("\n") == 0
    assert "PySide6" not in done.stderr


def test_self_test_names_the_failed_step(tmp_path, monkeypatch):
    from ecg_desktop.exchange import pdf

    def broken(*_args, **_kwargs):
        raise RuntimeError("renderer unavailable")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(selftest.SelfTestFailure, match="write PDF certificate: RuntimeError: renderer unavailable"):
        selftest.run_self_test(tmp_path)


def test_page_count_of_a_non_pdf_is_zero():
    assert selftest._pdf_page_count(b"not a pdf") == 0
