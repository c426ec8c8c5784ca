"""The main window driven through its real widgets: tree, matrix, menus, language, lock, dialogs."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ecg_desktop.balance.model import Organisation, Period
from ecg_desktop.ui import commands as c
from ecg_desktop.ui.dialogs.balance_dialog import BalanceDialog, NewBalance
from ecg_desktop.ui.dialogs.organisation_dialog import OrganisationDialog
from ecg_desktop.ui.models.matrix_grid import ThemeCodeRole


def test_title_and_status_bar_show_the_open_balance(window, ctx):
    assert window.windowTitle() == "Bakery Example – 2023–2024 – ECG Desktop"
    total = ctx.result.shown_total
    assert window.total_label.text() == f"Total: {total} of 1,000 points"
    assert window.tax_label.text().startswith("Illustrative tax rate: ")
    assert window.tax_label.text().endswith("%")


def test_status_bar_follows_edits_and_undo(window, ctx):
    before = window.total_label.text()
    ctx.push(c.SetRatingCommand(ctx, "C1.1", Decimal(10)))
    assert window.total_label.text() != before
    assert window.act_undo.text() == "&Undo Set level of C1.1 to 10"
    window.act_undo.trigger()
    assert window.total_label.text() == before
    assert window.act_redo.text() == "&Redo Set level of C1.1 to 10"
    window.act_redo.trigger()
    assert ctx.balance.ratings["C1.1"] == 10


def test_matrix_click_opens_the_theme(window, ctx, qtbot):
    overview = window.page("matrix")
    table = overview.table
    index = overview.model.index_of_theme("B1")
    assert index.data(ThemeCodeRole) == "B1"
    with qtbot.waitSignal(ctx.sig_open_theme) as opened:
        rect = table.visualRect(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["B1"]
    if "theme" in window.pages:
        assert window.current_page() == "theme"


def test_keyboard_enter_on_a_cell_opens_it(window, ctx, qtbot):
    window.show_page("matrix")
    table = window.page("matrix").table
    table.setFocus()
    table.setCurrentIndex(window.page("matrix").model.index_of_theme("A1"))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    with qtbot.waitSignal(ctx.sig_open_theme) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == ["A2"]


def test_switch_language_at_run_time(window, ctx):
    ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(6)))
    window.switch_language("de")
    QApplication.processEvents()
    assert window.menu_file.title() == "&Datei"
    assert window.act_undo.text() == "&Rückgängig: Stufe von A1.1 auf 6 setzen"
    assert window.total_label.text().startswith("Summe: ")
    assert "1.000" in window.total_label.text()
    assert window.page("matrix").heading.text().startswith("Gemeinwohl-Matrix")
    assert window.settings.get("general/language") == "de"
    window.switch_language("en")
    QApplication.processEvents()
    assert window.menu_file.title() == "&File"
    assert window.total_label.text().startswith("Total: ")


def test_lock_shows_banner_and_new_revision_is_editable(window, ctx, service):
    assert window.banner.isHidden()
    service.lock(ctx.balance_id)
    ctx.refresh()
    assert not window.banner.isHidden()
    assert "locked" in window.banner.text.text().lower()
    assert window.windowTitle().endswith("(locked)")
    assert window.act_new_revision.isEnabled()
    assert not window.act_delete_balance.isEnabled()
    locked_id = ctx.balance_id
    window.banner.button.click()
    assert ctx.balance_id != locked_id
    assert not ctx.locked
    assert window.banner.isHidden()
    assert service.balance_info(ctx.balance_id).revision == 2
    ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(8)))
    assert ctx.balance.ratings["A1.1"] == 8
    assert service.get_balance(locked_id).ratings["A1.1"] == 4


def test_new_organisation_and_balance(window, ctx, service, monkeypatch):
    monkeypatch.setattr(OrganisationDialog, "ask", classmethod(lambda cls, parent: Organisation(name="Cooperative")))
    window.new_organisation()
    orgs = {o.name: o.id for o in service.list_organisations()}
    assert "Cooperative" in orgs
    period = Period(__import__("datetime").date(2024, 1, 1), __import__("datetime").date(2025, 12, 31))
    monkeypatch.setattr(
        BalanceDialog,
        "ask",
        classmethod(
            lambda cls, parent, organisations, org_id, matrix: NewBalance(orgs["Cooperative"], "4.1", "full", period)
        ),
    )
    window.new_balance()
    assert ctx.info.organisation_name == "Cooperative"
    assert ctx.balance.matrix == "4.1"
    overview = window.page("matrix")
    assert overview.model.columnCount() == 5
    assert overview.table.columnSpan(0, 0) == 5  # A1 spans all value columns
    assert window.windowTitle() == "Cooperative – 2024–2025 – ECG Desktop"


def test_copy_to_next_period_and_delete_with_confirmation(window, ctx, service, monkeypatch):
    first = ctx.balance_id
    window.copy_to_next_period()
    second = ctx.balance_id
    assert second != first
    assert service.balance_info(second).period.start.year == 2025
    answers = []
    monkeypatch.setattr("ecg_desktop.ui.dialogs.confirm.confirm", lambda *a, **k: answers.append(a[2]) or False)
    window.tree.setCurrentIndex(window.tree_model.index_of_balance(second))
    window.delete_balance()
    assert second in {b.id for b in service.list_balances()}  # refused in the dialog
    assert "cannot be undone" in answers[0]
    monkeypatch.setattr("ecg_desktop.ui.dialogs.confirm.confirm", lambda *a, **k: True)
    window.delete_balance()
    assert second not in {b.id for b in service.list_balances()}
    assert not ctx.is_open
    assert window.windowTitle() == "ECG Desktop"


def test_archive_organisation_hides_it(window, ctx, service, monkeypatch):
    monkeypatch.setattr("ecg_desktop.ui.dialogs.confirm.confirm", lambda *a, **k: True)
    window.tree.setCurrentIndex(window.tree_model.index_of_organisation(ctx.info.organisation_id))
    window.archive_organisation()
    assert window.tree_model.rowCount() == 0
    window.act_show_archived.setChecked(True)
    window.reload_tree()
    assert window.tree_model.rowCount() == 1


def test_tree_click_opens_balance(window, ctx, service, qtbot):
    other = service.create_balance(ctx.info.organisation_id, "5.0", "compact", None)
    window.reload_tree()
    index = window.tree_model.index_of_balance(other)
    window.tree.scrollTo(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualRect(index).center())
    assert ctx.balance_id == other
    assert ctx.balance.type == "compact"


def test_settings_apply(window, ctx, service):
    from ecg_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(
        window,
        __import__("ecg_desktop.ui.dialogs.settings_dialog", fromlist=["x"]).SettingsValues("en", "", "", "", "5.1"),
    )
    old = dialog.values()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.user_name.setText("Anna Auditor")
    dialog.default_matrix.setCurrentIndex(dialog.default_matrix.findData("4.1"))
    window.apply_settings(old, dialog.values())
    assert ctx.language == "de"
    assert service.user == "Anna Auditor"
    assert service.get_setting("default_matrix") == "4.1"
    assert window.settings.get("general/user_name") == "Anna Auditor"
    window.switch_language("en")


def test_import_and_export_run_as_jobs(window, ctx, tmp_path):
    out = tmp_path / "out.json"
    window.run_export(out)
    assert out.exists()
    window.run_import(out)
    assert ctx.info.organisation_name == "Bakery Example"
    assert (
        ctx.balance.ratings
        == __import__("ecg_desktop.balance.json_format", fromlist=["x"]).load_balance(out.read_bytes()).ratings
    )


def test_import_of_a_bad_file_names_the_problem(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"matrix": "9.9"}', encoding="utf-8")
    window.run_import(bad)
    _title, text = window.shown_messages[-1]
    assert "9.9" in text


def test_portfolio_export_and_import_round_trip(window, ctx, service, tmp_path):
    out = tmp_path / "portfolio.xlsx"
    window.run_export_portfolio(out)
    assert out.exists()
    before = len(service.list_balances())
    window.run_import_portfolio(out)  # ids in the workbook: the same balances are updated
    assert len(service.list_balances()) == before
    assert window.statusBar().currentMessage() == "Balance sheets imported: 1"
