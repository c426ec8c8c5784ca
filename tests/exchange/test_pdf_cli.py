"""`ecg-desktop pdf`: from the store (with evidence verification) and from a balance JSON file."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ecg_desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK, run_cli
from ecg_desktop.paths import resource

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path) -> str:
    return " ".join(
        subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split()
    )


@pytest.fixture
def store(tmp_path):
    from ecg_desktop.services import BalanceService
    from ecg_desktop.services.sample import create_sample

    folder = tmp_path / "store"
    with BalanceService.open(folder) as service:
        balance_id = create_sample(service)
    return folder, balance_id


def test_report_from_the_store_in_german(store, tmp_path, capsys):
    folder, balance_id = store
    out = tmp_path / "bericht.pdf"
    code = run_cli(["--data-dir", str(folder), "pdf", str(balance_id), "-o", str(out), "--lang", "de"])
    assert code == EXIT_OK
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    assert "Bäckerei Sonnenkorn GmbH" in text
    assert "Anhang: Nachweisdateien" in text
    assert "✓ geprüft" in text  # the sample's evidence files were re-hashed
    assert "Seite 1 von" in text


def test_certificate_from_the_store(store, tmp_path):
    folder, balance_id = store
    out = tmp_path / "certificate.pdf"
    assert run_cli(["--data-dir", str(folder), "pdf", str(balance_id), "-o", str(out), "--certificate"]) == EXIT_OK
    text = pdf_text(out)
    assert "Certificate of results" in text and "Bäckerei Sonnenkorn GmbH" in text


def test_global_lang_applies_when_the_command_has_none(tmp_path):
    out = tmp_path / "z.pdf"
    sample = str(resource("sample", "balance.json"))
    assert run_cli(["--lang", "de", "pdf", sample, "-o", str(out), "--certificate"]) == EXIT_OK
    assert "Ergebnis-Zertifikat" in pdf_text(out)


def test_unknown_id_and_bad_file_exit_2_and_write_nothing(store, tmp_path, capsys):
    folder, _ = store
    out = tmp_path / "never.pdf"
    assert run_cli(["--data-dir", str(folder), "pdf", "999", "-o", str(out)]) == EXIT_BAD_INPUT
    assert "999" in capsys.readouterr().err
    assert run_cli(["pdf", str(tmp_path / "missing.json"), "-o", str(out)]) == EXIT_BAD_INPUT
    assert not out.exists()
