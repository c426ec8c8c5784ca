"""Fixes across the work views, driven through the real window: one list of gaps, jumps, heatmap header, evidence."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from ecg_desktop.services.missing import MissingItem
from ecg_desktop.ui import commands as c
from ecg_desktop.ui.views.guided import GuidedView
from ecg_desktop.ui.views.missing_panel import MissingPanel


def _dock_panel(window) -> MissingPanel:
    panel = window.docks["missing"].widget()
    assert isinstance(panel, MissingPanel)
    return panel


def _activate(panel: MissingPanel, predicate) -> MissingItem:
    model = panel.model
    for row in range(model.rowCount()):
        item = model.item(row)
        if predicate(item):
            panel.list.activated.emit(model.index(row, 0))
            return item
    raise AssertionError("no such entry in the What's-missing list")


def test_guided_mode_has_no_second_list_of_gaps(window):
    guided = window.show_page("guided")
    assert isinstance(guided, GuidedView)
    assert not guided.findChildren(MissingPanel)
    assert len(window.findChildren(MissingPanel)) == 1


def test_a_jump_from_the_dock_stays_in_guided_mode(window, ctx):
    guided = window.show_page("guided")
    item = _activate(_dock_panel(window), lambda i: i.theme == "B1" and i.kind != "no_level")
    assert window.current_page() == "guided"
    assert guided.current() == "B1"
    assert guided.page.code == "B1"
    assert item.code.startswith("B1")


def test_outside_guided_mode_a_jump_opens_the_theme_page(window):
    window.show_page("results")
    _activate(_dock_panel(window), lambda i: i.theme == "C2")
    assert window.current_page() == "theme"
    assert window.page("theme").code == "C2"


def test_a_stakeholder_row_entry_opens_the_company_facts_with_its_weight_selected(window, ctx):
    ctx.push(c.SetStakeholderWeightCommand(ctx, "B", Decimal(2)))  # set by hand, no justification
    panel = _dock_panel(window)
    window.show_page("results")
    item = _activate(panel, lambda i: i.field == "stakeholder_weight")
    assert item.code == "B" and item.theme is None
    assert window.current_page() == "facts"
    facts = window.page("facts")
    selected = facts.weights_table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["B"]
    window.show_page("guided")  # the same entry from guided mode goes to the facts as well
    facts.weights_table.selectionModel().select(
        facts.weights.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    _activate(panel, lambda i: i.field == "stakeholder_weight")
    assert window.current_page() == "facts"
    assert [i.data() for i in facts.weights_table.selectionModel().selectedRows()] == ["B"]


def test_heatmap_value_names_are_not_cropped_in_german(window, ctx):
    window.switch_language("de")
    QApplication.processEvents()
    results = window.show_page("results")
    QApplication.processEvents()
    view = results.heatmap_view
    header = view.horizontalHeader()
    names = [str(results.heatmap.headerData(col, Qt.Orientation.Horizontal)) for col in range(4)]
    assert names[0] == "Menschenwürde"
    metrics = QFontMetrics(header.font())
    widest = max(metrics.horizontalAdvance(word) for name in names for word in name.split())
    assert header.minimumSectionSize() > widest
    assert all(header.sectionSize(col) > widest for col in range(4))
    assert view.horizontalScrollBar().maximum() == 0 or not view.horizontalScrollBar().isVisible()
    window.switch_language("en")


def test_evidence_is_copied_in_a_job_with_its_description_and_undone_by_one_step(window, ctx, tmp_path):
    theme = window.show_page("theme")
    ctx.open_aspect("A1.1")
    panel = theme.editors["A1.1"].evidence
    proof = tmp_path / "contract.txt"
    proof.write_text("Supply contract with the mill")
    steps = ctx.undo_stack.count()
    panel.attach_files([proof], "Contract with the mill, 2024")
    assert ctx.undo_stack.count() == steps + 1
    (ref,) = ctx.balance.evidence
    assert ref.name == "contract.txt"
    assert ref.codes == ("A1.1",)
    assert ref.description == "Contract with the mill, 2024"
    assert ctx.service.evidence_file(ref.sha256).read_text() == "Supply contract with the mill"
    assert window.act_undo.text() == "&Undo Attach contract.txt to A1.1"
    window.act_undo.trigger()
    assert ctx.balance.evidence == ()
    window.act_redo.trigger()
    assert [(r.sha256, r.codes) for r in ctx.balance.evidence] == [(ref.sha256, ("A1.1",))]


def test_attaching_a_file_already_linked_elsewhere_keeps_that_link_on_undo(window, ctx, tmp_path):
    theme = window.show_page("theme")
    proof = tmp_path / "policy.txt"
    proof.write_text("Purchasing policy")
    ctx.open_aspect("A1.1")
    theme.editors["A1.1"].evidence.attach_files([proof])
    ctx.open_aspect("A2.1")
    theme.editors["A2.1"].evidence.attach_files([proof])
    assert ctx.balance.evidence[0].codes == ("A1.1", "A2.1")
    ctx.undo_stack.undo()
    assert ctx.balance.evidence[0].codes == ("A1.1",)


def test_a_refused_attach_changes_nothing_and_is_reported(window, ctx, tmp_path):
    theme = window.show_page("theme")
    ctx.open_aspect("A1.1")
    steps = ctx.undo_stack.count()
    theme.editors["A1.1"].evidence.attach_files([tmp_path / "does-not-exist.pdf"])
    assert ctx.balance.evidence == ()
    assert ctx.undo_stack.count() == steps
    title, _text = window.shown_messages[-1]
    assert title == "Change not saved"
