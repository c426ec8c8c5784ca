"""`ecg-desktop self-test`: prove an installation works end to end, in a throw-away store.

Opens a temporary database, creates the sample balance, scores it, attaches and verifies an
evidence file, writes xlsx, JSON and PDF, reads each back and compares the scores, then checks
the change log. Prints one line and exits 0, or names the step that failed and exits 1. It must
pass in a source checkout, an installed wheel and the frozen bundle, so it uses only what ships.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecg_desktop.cli.main import EXIT_FAILURE, EXIT_OK


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="check that this installation works (temporary store, sample, xlsx, JSON, PDF)",
        description="Run an end-to-end check of this installation in a temporary folder and print one line.",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    parser.set_defaults(handler=run)


class SelfTestFailure(Exception):
    """A check of the self-test did not hold."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def run_self_test(folder: Path) -> str:
    """Run every step in `folder`; return the summary line or raise naming the failed step."""
    from decimal import Decimal

    from ecg_desktop.balance.json_format import load_balance
    from ecg_desktop.services.balance_service import BalanceService
    from ecg_desktop.services.sample import create_sample

    steps: list[str] = []

    def step(name: str, action: Callable[[], Any]) -> Any:
        try:
            value = action()
        except SelfTestFailure:
            raise
        except Exception as exc:  # any failure is reported with the step it happened in
            raise SelfTestFailure(f"{name}: {type(exc).__name__}: {exc}") from exc
        steps.append(name)
        return value

    started = time.perf_counter()
    service = step("open store", lambda: BalanceService.open(data_dir=folder / "data", user="self-test"))
    try:
        balance_id = step("create sample", lambda: create_sample(service))
        result = step("score", lambda: service.score(balance_id))
        _check(Decimal(-3600) <= result.total <= Decimal(1000), f"score: total {result.total} out of range")

        evidence = folder / "self-test-evidence.txt"
        evidence.write_text("Self-test evidence file – Prüfdatei ✓\n", encoding="utf-8")
        first_aspect = next(iter(result.aspects))
        step("attach evidence", lambda: service.attach_evidence(balance_id, [first_aspect], evidence, "self-test"))
        checks = step("verify evidence", lambda: service.verify_evidence(balance_id))
        bad = [c for c in checks if c.status != "ok"]
        _check(bool(checks) and not bad, f"verify evidence: {len(bad)} of {len(checks)} files not ok")

        json_path = folder / "balance.json"
        step("write JSON", lambda: service.export(balance_id, "json", json_path))
        from_json = step("read JSON", lambda: load_balance(json_path.read_bytes(), str(json_path)))
        json_id = step("import JSON", lambda: service.import_balance(from_json))
        _check(service.score(json_id).total == result.total, "JSON round trip changed the total")

        from ecg_desktop.exchange.xlsx_export import export_balance_xlsx
        from ecg_desktop.exchange.xlsx_import import read_balance_workbook

        balance = service.get_balance(balance_id)
        xlsx_path = folder / "balance.xlsx"
        info = service.balance_info(balance_id)
        step(
            "write xlsx",
            lambda: export_balance_xlsx(balance, xlsx_path, balance_id=balance_id, balance_version=info.version),
        )
        parsed = step("read xlsx", lambda: read_balance_workbook(xlsx_path))
        xlsx_id = step("import xlsx", lambda: service.import_balance(parsed.as_new_balance()))
        _check(service.score(xlsx_id).total == result.total, "xlsx round trip changed the total")

        from ecg_desktop.exchange.pdf import build_report_data, render_pdf

        data = step("gather report data", lambda: build_report_data(service, balance_id, "de"))
        pages = {}
        for kind in ("certificate", "report"):
            pdf = step(f"write PDF {kind}", lambda kind=kind: render_pdf(data, kind))
            (folder / f"{kind}.pdf").write_bytes(pdf)
            pages[kind] = _pdf_page_count(pdf)
            _check(pages[kind] >= 1, f"read PDF {kind}: no pages found")
        _check(pages["certificate"] == 1, f"read PDF certificate: {pages['certificate']} pages, expected 1")

        log = step("verify change log", service.verify_log)
        _check(log.ok, f"verify change log: {log.message}")
    finally:
        service.close()
    seconds = time.perf_counter() - started
    return (
        f"self-test passed: sample scored {result.total.quantize(Decimal('0.01'))} points, "
        f"{len(checks)} evidence files verified, JSON/xlsx/PDF written and read back "
        f"(certificate 1 page, report {pages['report']} pages), change log intact – {len(steps)} steps in {seconds:.1f} s"
    )


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF we wrote (reportlab writes uncompressed page objects)."""
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
        return 0
    return len(_PAGE.findall(pdf))


def run(options: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="ecg-self-test-"))
    try:
        print(run_self_test(folder))
        code = EXIT_OK
    except SelfTestFailure as exc:
        print(f"self-test FAILED at {exc}")
        code = EXIT_FAILURE
    except Exception as exc:  # a bug of ours: say so in one line, details below
        print(f"self-test FAILED: {type(exc).__name__}: {exc}")
        traceback.print_exc()
        code = EXIT_FAILURE
    if options.keep:
        print(f"files kept in {folder}")
    else:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return code
