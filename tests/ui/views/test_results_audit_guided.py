"""Results, tax panel, auditor view and guided mode, driven through their real widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from ecg_desktop.scoring.tax import Band, TaxSchedule, tax_rate
from ecg_desktop.services.missing import missing_items, pages
from ecg_desktop.ui.dialogs.audit_dialog import AuditDialog
from ecg_desktop.ui.dialogs.schedule_dialog import ScheduleDialog
from ecg_desktop.ui.models.views_audit import COL_AUDITOR, AuditTableModel
from ecg_desktop.ui.models.views_evidence import EvidenceTableModel
from ecg_desktop.ui.models.views_missing import MissingListModel
from ecg_desktop.ui.models.views_results import ComparisonModel, HeatmapModel, LeversModel
from ecg_desktop.ui.models.views_schedule import BandsModel
from ecg_desktop.ui.views.auditor_view import AuditorView
from ecg_desktop.ui.views.guided import GuidedView
from ecg_desktop.ui.views.results_view import ResultsView, points_by_stakeholder, points_by_value
from ecg_desktop.ui.views.tax_panel import TaxPanel, schedule_points
from ecg_desktop.ui.views.theme_page import AspectEditor


def _show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ---- guided mode


def test_guided_walk_through_every_theme_and_count_done(qtbot, ctx):
    view = _show(qtbot, GuidedView(ctx))
    view.page_shown()
    order = pages(ctx.matrix)
    seen = [view.page.code]
    while view.next_button.isEnabled():
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
        seen.append(view.page.code)
    assert seen == order
    assert view.progress_label.text() == "0 of 20 themes done"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.page.code == order[-2]
    # finish theme A3 (one positive aspect): level, reasoning, evidence
    view.go_to(order.index("A3"))
    editor = next(e for e in view.page.editors.values() if isinstance(e, AspectEditor))
    qtbot.mouseClick(editor.picker.number_buttons[4], Qt.MouseButton.LeftButton)
    editor.reasoning.setPlainText("Our suppliers are audited every year against a written code of conduct, see file.")
    editor.reasoning.flush()
    assert view.progress_label.text() == "0 of 20 themes done"
    assert [i.kind for i in missing_items(ctx.balance, ctx.matrix, ctx.result) if i.theme == "A3"] == ["no_evidence"]
    evidence = view.page.editors[editor.code].evidence
    path = _tmp_file(view)
    evidence.attach_files([path])
    assert view.progress_label.text() == "1 of 20 themes done"
    assert view.progress.value() == 1
    assert view.chooser.itemText(order.index("A3")).startswith("✓")


def _tmp_file(view):
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    path = folder / "code-of-conduct.txt"
    path.write_text("Supplier code of conduct")
    return path


def test_missing_panel_entry_jumps_to_its_place(qtbot, ctx):
    # One list of gaps (the window's dock); guided mode takes its jumps through jump().
    from ecg_desktop.ui.views.missing_panel import MissingPanel

    view = _show(qtbot, GuidedView(ctx))
    view.page_shown()
    panel = _show(qtbot, MissingPanel(ctx))
    panel.jump_handler = view.jump
    model = panel.model
    rows = [model.item(r) for r in range(model.rowCount())]
    target = next(i for i in rows if i.kind == "short_reasoning")
    assert target.code == "A2.1"
    index = model.index(rows.index(target), 0)
    panel.list.activated.emit(index)
    assert view.page.code == "A2"
    assert view.current() == "A2"
    assert view.window().focusWidget() is view.page.editors["A2.1"].reasoning
    filter_index = panel.filter.findData("no_level")
    panel.filter.setCurrentIndex(filter_index)
    assert {model.item(r).kind for r in range(model.rowCount())} == {"no_level"}


# ---- results and tax


def test_results_show_heatmap_charts_and_comparison(qtbot, ctx):
    first = ctx.balance_id
    old = ctx.balance
    ratings = dict(old.ratings)
    ratings["A1.1"] = D(9)
    from datetime import date as _date

    from ecg_desktop.balance.model import Period

    newer = old.with_changes(ratings=ratings, period=Period(_date(2026, 1, 1), _date(2027, 12, 31)))
    second = ctx.service.import_balance(newer, ctx.service.balance_info(first).organisation_id)
    ctx.open_balance(second)
    view = _show(qtbot, ResultsView(ctx))
    assert view.total.text() == f"{ctx.result.shown_total} of 1,000 points"
    heat = view.heatmap
    assert heat.rowCount() == 5 and heat.columnCount() == 4
    cell = heat.index(0, 0)
    assert cell.data().startswith("A1\n")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "previous" in view.previous_label.text().lower() or "Previous" in view.previous_label.text()
    comparison = view.comparison
    assert comparison.index(0, 0).data() == "A1"
    assert comparison.index(0, 4).data().startswith("+")
    by_row = points_by_stakeholder(ctx.matrix, ctx.result)
    by_value = points_by_value(ctx.matrix, ctx.result)
    expected = round(float(ctx.result.total_before_floor), 9)
    assert round(float(sum(p for p, _ in by_row.values())), 9) == expected
    assert round(float(sum(p for p, _ in by_value.values())), 9) == expected
    assert len(view.stakeholder_chart.series()) == 1


def test_tax_panel_marks_the_balance_and_edits_the_schedule(qtbot, ctx, monkeypatch):
    panel = _show(qtbot, TaxPanel(ctx))
    rate = tax_rate(ctx.result.total, ctx.tax_schedule).rate
    assert str(rate.quantize(D(1))) in panel.rate.text()
    mark = panel.chart.series()[1]
    assert mark.at(0).y() == float(rate)
    assert panel.levers.rowCount() > 0
    flat = TaxSchedule(kind="bands", name="Flat", bands=(Band(None, D(25)),))
    monkeypatch.setattr(ScheduleDialog, "ask", classmethod(lambda cls, parent, schedule: flat))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert ctx.tax_schedule == flat
    assert "25 %" in panel.rate.text()
    ctx.undo_stack.undo()
    assert ctx.tax_schedule != flat
    assert schedule_points(flat, D(-1000), D(1000)) == [(-1000.0, 25.0), (1000.0, 25.0)]


def test_schedule_dialog_refuses_a_rising_schedule(qtbot):
    dialog = ScheduleDialog(TaxSchedule(kind="bands", bands=(Band(None, D(40)), Band(D(500), D(20)))))
    qtbot.addWidget(dialog)
    assert dialog.check()
    dialog.bands.setData(dialog.bands.index(1, 1), "60")
    assert not dialog.check()
    assert "rises" in dialog.problems.text()
    dialog.kind.setCurrentIndex(1)
    assert dialog.check()
    assert dialog.schedule().kind == "linear"


# ---- auditor view and locking


def test_auditor_levels_comments_undo_and_lock(qtbot, ctx, monkeypatch):
    view = _show(qtbot, AuditorView(ctx))
    model = view.model
    row = model.row_of("A1.1")
    assert model.index(row, 2).data().startswith("3")
    assert model.setData(model.index(row, COL_AUDITOR), "5")
    assert ctx.balance.auditor_ratings["A1.1"] == D(5)
    assert model.index(row, 4).data() == "+2"
    assert ctx.auditor_result.total > ctx.result.total
    assert not model.setData(model.index(row, COL_AUDITOR), "12")  # outside 0..10
    view.table.selectRow(row)
    view.comment.setPlainText("Supplier visits confirmed; the label share is lower than stated.")
    view.comment.flush()
    assert ctx.balance.auditor_comments["A1.1"].startswith("Supplier visits")
    before_comment = dict(ctx.balance.auditor_comments)
    ctx.undo_stack.undo()
    assert "A1.1" not in ctx.balance.auditor_comments
    ctx.undo_stack.redo()
    assert dict(ctx.balance.auditor_comments) == before_comment
    monkeypatch.setattr(
        AuditDialog, "ask", classmethod(lambda cls, parent, auditor="": ("external", "Dr. Weber", date(2026, 3, 2)))
    )
    assert view.record_audit()
    assert ctx.locked
    assert ctx.undo_stack.count() == 0
    assert not view.banner.isHidden()
    assert "Dr. Weber" in view.status.text()
    assert not view.record_button.isEnabled()
    assert not (model.flags(model.index(row, COL_AUDITOR)) & Qt.ItemFlag.ItemIsEditable)
    locked_id = ctx.balance_id
    new_id = view.banner.open_new_revision()
    assert new_id != locked_id and ctx.balance_id == new_id
    assert not ctx.locked
    assert view.banner.isHidden()


def test_locked_balance_is_read_only_on_the_theme_page(qtbot, ctx):
    from ecg_desktop.ui.views.theme_page import ThemePage

    ctx.service.submit_for_review(ctx.balance_id)
    ctx.service.record_audit(ctx.balance_id, "external", "Dr. Weber", date(2026, 3, 2))
    ctx.refresh()
    page = _show(qtbot, ThemePage(ctx))
    page.show_theme("A1")
    editor = page.editors["A1.1"]
    assert not editor.picker.isEnabled()
    assert editor.reasoning.isReadOnly()
    assert not editor.evidence.attach_button.isEnabled()
    assert not editor.not_applicable.isEnabled()
    assert not page.weight_box.combo.isEnabled()


# ---- every model passes the model tester


@pytest.mark.parametrize("matrix", ["5.1", "4.1"])
def test_models_pass_qtmodeltester(qtmodeltester, ctx, open_sample, matrix):
    open_sample(matrix)
    result, balance, m = ctx.result, ctx.balance, ctx.matrix
    heat = HeatmapModel()
    heat.set_result(m, result)
    qtmodeltester.check(heat)
    comparison = ComparisonModel()
    comparison.set_results(m, result, result)
    qtmodeltester.check(comparison)
    from ecg_desktop.scoring.levers import levers

    lever_model = LeversModel()
    lever_model.set_levers(m, levers(balance, ctx.tax_schedule, base=result))
    qtmodeltester.check(lever_model)
    missing = MissingListModel()
    missing.set_items(missing_items(balance, m, result))
    qtmodeltester.check(missing)
    audit = AuditTableModel()
    audit.set_balance(m, balance, False)
    qtmodeltester.check(audit)
    evidence = EvidenceTableModel("A1.1", "A1")
    evidence.set_evidence(balance.evidence)
    qtmodeltester.check(evidence)
    bands = BandsModel(ctx.tax_schedule.bands)
    qtmodeltester.check(bands)
    if matrix == "4.1":
        assert heat.spans() == [(0, 0, 5), (1, 0, 5)]
