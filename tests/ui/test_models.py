"""The shell's Qt models: qtmodeltester, spans of matrix 4.1, roles, ids and tree structure."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ecg_desktop.balance.model import Balance, Period
from ecg_desktop.matrix import load_matrix
from ecg_desktop.scoring import score
from ecg_desktop.services.balance_service import BalanceInfo, OrganisationInfo
from ecg_desktop.ui.models.balance_tree import ArchivedRole, BalanceTreeModel, IdRole, KindRole, LockedRole
from ecg_desktop.ui.models.matrix_grid import (
    LevelKeyRole,
    MatrixGridModel,
    MaxPointsRole,
    PointsRole,
    ThemeCodeRole,
)


def _info(ident: int, org: int, start: int, *, locked: bool = False, revision: int = 1) -> BalanceInfo:
    return BalanceInfo(
        id=ident,
        organisation_id=org,
        organisation_name=f"Org {org}",
        matrix="5.1",
        type="full",
        period=Period(date(start, 1, 1), date(start + 1, 12, 31)),
        status="audited" if locked else "draft",
        audit_kind="external" if locked else "self",
        locked=locked,
        revision=revision,
        version=1,
        updated_at=datetime(2025, 1, 1, tzinfo=UTC),
        updated_by="tester",
    )


@pytest.fixture
def tree(qapp):
    model = BalanceTreeModel()
    orgs = [
        OrganisationInfo(1, "Bakery", False, 2),
        OrganisationInfo(2, "Alpha Co", True, 1),
        OrganisationInfo(3, "Zeta", False, 0),
    ]
    balances = [
        _info(10, 1, 2022),
        _info(11, 1, 2024, locked=True, revision=2),
        _info(20, 2, 2020),
        _info(99, 42, 2020),
    ]
    model.reload(orgs, balances)
    return model


def test_tree_passes_modeltester(qtmodeltester, tree):
    qtmodeltester.check(tree)


def test_tree_orders_active_organisations_first_and_newest_period_first(tree):
    names = [tree.index(r, 0).data(IdRole) for r in range(tree.rowCount())]
    assert names == [1, 3, 2]  # archived "Alpha Co" after the active ones
    bakery = tree.index(0, 0)
    assert tree.rowCount(bakery) == 2
    newest = tree.index(0, 0, bakery)
    assert newest.data(IdRole) == 11
    assert newest.data(KindRole) == "balance"
    assert newest.data(LockedRole) is True
    assert "2024–2025" in newest.data()
    assert "revision 2" in newest.data()
    assert tree.index(2, 0).data(ArchivedRole) is True
    assert "(archived)" in tree.index(2, 0).data()
    # a balance of an unknown organisation is left out
    assert tree.index_of_balance(99) == QModelIndex()


def test_tree_look_ups(tree):
    index = tree.index_of_balance(20)
    assert index.isValid()
    assert tree.balance_at(index).id == 20
    assert tree.organisation_at(index).id == 2
    assert tree.organisation_at(tree.index_of_organisation(3)).name == "Zeta"
    assert tree.balance_at(tree.index_of_organisation(3)) is None


def _result(version: str):
    matrix = load_matrix(version)
    ratings = {a.code: matrix.rating_range[1] for a in matrix.aspects("full") if a.positive}
    balance = Balance(matrix=version, ratings=ratings)
    return matrix, score(balance)


@pytest.mark.parametrize("version", ["4.1", "5.0", "5.1"])
def test_grid_passes_modeltester(qtmodeltester, version):
    model = MatrixGridModel()
    matrix, result = _result(version)
    model.load(matrix, result, "de")
    qtmodeltester.check(model)
    model.load(matrix, None, "en")
    qtmodeltester.check(model)


def test_grid_41_has_five_columns_and_spanning_rows():
    model = MatrixGridModel()
    matrix, result = _result("4.1")
    model.load(matrix, result)
    assert (model.rowCount(), model.columnCount()) == (5, 5)
    assert model.spanned_rows() == {0: 5, 1: 5}
    assert model.index(0, 0).data(ThemeCodeRole) == "A1"
    assert model.index(0, 3).data(ThemeCodeRole) is None
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEnabled
    assert model.index(2, 4).data(ThemeCodeRole) == "C5"


def test_grid_5_cells_show_code_name_points_and_level():
    model = MatrixGridModel()
    matrix, result = _result("5.1")
    model.load(matrix, result, "en")
    assert (model.rowCount(), model.columnCount()) == (5, 4)
    assert model.spanned_rows() == {}
    a1 = model.index_of_theme("A1")
    assert (a1.row(), a1.column()) == (0, 0)
    text = a1.data()
    theme = result.themes["A1"]
    assert text.startswith("A1 " + matrix.theme("A1").name.en)
    assert text.endswith(f"{theme.shown_points} / {theme.shown_max}")
    assert a1.data(PointsRole) == theme.shown_points == a1.data(MaxPointsRole)
    assert a1.data(LevelKeyRole) == "p60"  # every aspect at the top level
    model.load(matrix, result, "de")
    assert model.index_of_theme("A1").data().startswith("A1 " + matrix.theme("A1").name.de)
    assert model.headerData(0, Qt.Orientation.Horizontal).startswith("1 ")


def test_grid_reload_same_matrix_reports_changed_cells(qtbot):
    model = MatrixGridModel()
    matrix, result = _result("5.1")
    model.load(matrix, result)
    empty = score(Balance(matrix="5.1"))
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.load(matrix, empty)
    assert model.index_of_theme("A1").data(PointsRole) == 0
    assert Decimal(0) == empty.themes["A1"].points
