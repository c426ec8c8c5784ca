"""The company facts form: locale amounts, searchable pickers, share sums, weights with reasons, undo."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import QLocale, Qt

from ecg_desktop.ui.models.views_facts import WeightsModel
from ecg_desktop.ui.views.facts_form import FactsForm, SearchCombo, format_amount, parse_amount


def _form(qtbot, ctx):
    form = FactsForm(ctx)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    form.show()
    return form


def test_amounts_parse_and_format_in_both_locales():
    de, en = QLocale(QLocale.Language.German), QLocale(QLocale.Language.English)
    assert parse_amount("1.234.567,89", de) == D("1234567.89")
    assert parse_amount("1,234,567.89", en) == D("1234567.89")
    assert parse_amount("  ", en) is None
    assert format_amount(D("4200000"), de) == "4.200.000"
    assert format_amount(D("0.125"), de) == "0,125"
    for bad in ("12a", "1.2.3", "--"):
        try:
            parse_amount(bad, en)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")


def test_loads_the_stored_facts_and_their_weights(qtbot, ctx):
    form = _form(qtbot, ctx)
    assert form.amounts["turnover"].text() == "4,200,000"
    assert form.origin.code() == "AEU"
    assert len(form.supply.rows) == 2
    assert form.staff.share_sum() == D(100)
    model = form.weights
    codes = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert codes[:5] == ["A", "B", "C", "D", "E"]
    row = codes.index("B2")
    assert model.index(row, 3).data() == ctx.result.themes["B2"].weight_explanation.text.en


def test_apply_stores_facts_as_one_undo_step(qtbot, ctx):
    form = _form(qtbot, ctx)
    before = ctx.balance.company
    form.amounts["profit"].setText("-20,000")
    form.amounts["profit"].textEdited.emit("-20,000")
    form.preview()
    b2_row = [form.weights.index(r, 0).data() for r in range(form.weights.rowCount())].index("B2")
    assert "0 because" in form.weights.index(b2_row, 3).data() or "weight 0" in form.weights.index(b2_row, 3).data()
    assert "not stored" in form.weights_note.text()
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert ctx.balance.company.profit == D(-20000)
    assert ctx.result.themes["B2"].weight == 0
    after = ctx.balance.company
    ctx.undo_stack.undo()
    assert ctx.balance.company == before
    assert form.amounts["profit"].text() == "180,000"
    ctx.undo_stack.redo()
    assert ctx.balance.company == after


def test_unreadable_input_and_shares_over_100_store_nothing(qtbot, ctx):
    form = _form(qtbot, ctx)
    before = ctx.balance
    form.amounts["turnover"].setText("4.2 million")
    form.amounts["turnover"].textEdited.emit("x")
    assert "border" in form.amounts["turnover"].styleSheet()
    assert form.apply() is False
    assert "Turnover" in form.problems.text()
    assert ctx.balance == before
    form.load()
    form.staff.rows[0][1].setText("90")
    form.staff.rows[0][1].textEdited.emit("90")
    assert form.staff.share_sum() == D(110)
    assert "110" in form.staff.sum_label.text()
    assert form.apply() is False
    assert "100 %" in form.problems.text()
    assert ctx.balance == before
    assert ctx.undo_stack.count() == 0


def test_country_picker_filters_by_any_part_of_the_name(qtbot, ctx):
    combo = SearchCombo("country", "de")
    qtbot.addWidget(combo)
    completer = combo.completer()
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive
    completer.setCompletionPrefix("reich")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionModel().rowCount())]
    assert "Österreich (AUT)" in found and "Frankreich (FRA)" in found
    combo.setEditText("Österreich (AUT)")
    assert combo.code() == "AUT"
    combo.setEditText("zzz")
    try:
        combo.code()
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown country was accepted")


def test_weights_model_passes_the_model_tester(qtmodeltester, ctx):
    model = WeightsModel()
    model.set_result(ctx.matrix, ctx.result)
    qtmodeltester.check(model)
    assert model.rowCount() == 25
