"""Every malformed workbook of tests/data/xlsx_corpus is refused with a located message, changing nothing."""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from xlsx_helpers import database_checksum

from ecg_desktop.errors import InputError
from ecg_desktop.exchange.xlsx_import import import_balance_workbook, read_balance_workbook
from ecg_desktop.services import BalanceService

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsx_corpus"
MANIFEST: dict[str, dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))


def _make_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BalanceService, Path]]:
    """A database holding the corpus' balance 1 and balance 2."""
    make = _make_corpus()
    folder = tmp_path_factory.mktemp("corpus-db")
    service = BalanceService.open(data_dir=folder)
    assert service.import_balance(make.base_balance()) == 1
    assert service.import_balance(make.other_balance()) == 2
    try:
        yield service, Path(service.location)
    finally:
        service.close()


def test_corpus_is_large_enough_and_small_on_disk() -> None:
    files = [CORPUS / name for name in MANIFEST]
    assert len(files) >= 25
    assert all(f.exists() for f in files)
    assert sum(f.stat().st_size for f in files) < 2_000_000


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_malformed_file_is_refused_with_a_located_message(
    name: str, corpus_service: tuple[BalanceService, Path]
) -> None:
    service, database = corpus_service
    expected = MANIFEST[name]
    path = CORPUS / name
    before = database_checksum(database)
    with pytest.raises(InputError) as caught:
        import_balance_workbook(service, path, target_id=expected.get("target_id"))
    assert database_checksum(database) == before
    problems = caught.value.problems
    assert problems, name
    for problem in problems:
        assert problem.location.file == str(path)
        assert problem.location.describe("de") and problem.message("de")
        assert not problem.message("en").startswith(problem.code)  # a real template, not the bare code
    matching = [p for p in problems if p.code == expected["code"]]
    assert matching, [p.text() for p in problems]
    where = matching[0].location
    for key in ("sheet", "row", "column"):
        if key in expected:
            assert getattr(where, key) == expected[key], (key, matching[0].text())


def test_a_good_workbook_imports_into_the_same_database(corpus_service: tuple[BalanceService, Path]) -> None:
    from openpyxl import load_workbook

    service, database = corpus_service
    make = _make_corpus()
    workbook = load_workbook(io.BytesIO(make.workbook_bytes(make.base_balance(), version=1)))
    ratings = workbook["Ratings"]
    # columns moved: swap Auditor level (H) and Auditor comment (I); the importer follows the headers
    for row in ratings.iter_rows(min_col=8, max_col=9):
        row[0].value, row[1].value = row[1].value, row[0].value
    ratings["I2"] = 6  # A1.1 auditor level, now in column I
    data = make.save(workbook)
    before = database_checksum(database)
    outcome = import_balance_workbook(service, data, file="good.xlsx")
    assert outcome.balance_id == 1 and not outcome.created
    assert service.get_balance(1).auditor_ratings["A1.1"] == Decimal(6)
    assert service.get_balance(1).auditor_comments["A1.1"] == "supplier visit report seen"
    assert database_checksum(database) != before
    copy = import_balance_workbook(service, data, as_new=True)
    assert copy.created and copy.balance_id not in (1, 2)
    assert service.get_balance(copy.balance_id).auditor_ratings["A1.1"] == Decimal(6)


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    from openpyxl import load_workbook

    make = _make_corpus()
    workbook = load_workbook(io.BytesIO(make.workbook_bytes(make.base_balance())))
    ratings = workbook["Ratings"]
    ratings["F2"] = 12
    ratings["H3"] = "lots"
    ratings["F4"] = "=1"
    workbook["Negative aspects"]["D2"] = 5
    with pytest.raises(InputError) as caught:
        read_balance_workbook(make.save(workbook), file="many.xlsx")
    places = {(p.location.sheet, p.location.row, p.location.column) for p in caught.value.problems}
    assert places == {
        ("Ratings", 2, "F"),
        ("Ratings", 3, "H"),
        ("Ratings", 4, "F"),
        ("Negative aspects", 2, "D"),
    }


def test_regenerated_corpus_expects_the_same_problems() -> None:
    cases = _make_corpus().cases()
    assert {name: expected for name, (_, expected) in cases.items()} == MANIFEST


def test_as_new_import_leaves_out_evidence_this_vault_lacks(corpus_service: tuple[BalanceService, Path]) -> None:
    from ecg_desktop.balance.model import EvidenceRef

    service, _ = corpus_service
    make = _make_corpus()
    ref = EvidenceRef(sha256="ab" * 32, name="contract.pdf", size=10, codes=("A1.1",))
    data = make.workbook_bytes(make.base_balance().with_changes(evidence=(ref,)), balance_id=None)
    outcome = import_balance_workbook(service, data, as_new=True, file="copy.xlsx")
    assert outcome.created
    assert service.get_balance(outcome.balance_id).evidence == ()
    assert [w.code for w in outcome.warnings] == ["xlsx_evidence_dropped"]
    assert "contract.pdf" in outcome.warnings[0].text("de")
