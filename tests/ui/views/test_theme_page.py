"""The theme page driven through its real widgets: levels, reasoning, weights, evidence, undo and redo."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from ecg_desktop.ui.views.theme_page import AspectEditor, NegativeEditor, ThemePage, find_data


def _page(qtbot, ctx, code="A1"):
    page = ThemePage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show_theme(code)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_shows_guidance_aspects_and_level_names(qtbot, ctx):
    page = _page(qtbot, ctx)
    theme = ctx.matrix.theme("A1")
    assert page.title.text() == f"A1  {theme.name.en}"
    assert page.guidance.text() == theme.guidance.en
    assert set(page.editors) == {"A1.1", "A1.2"}
    editor = page.editors["A1.1"]
    assert isinstance(editor, AspectEditor)
    assert isinstance(page.editors["A1.2"], NegativeEditor)
    assert [label.text() for label in editor.picker.level_labels] == [lv.name.en for lv in ctx.matrix.levels]
    assert len(editor.picker.number_buttons) == 11
    assert editor.picker.value() == D(3)
    assert editor.picker.number_buttons[3].isChecked()


def test_level_click_scores_instantly_and_undo_redo_round_trip(qtbot, ctx):
    page = _page(qtbot, ctx)
    before_balance, before_total = ctx.balance, ctx.result.total
    before_summary = page.summary.text()
    editor = page.editors["A1.1"]
    qtbot.mouseClick(editor.picker.number_buttons[8], Qt.MouseButton.LeftButton)
    assert ctx.balance.ratings["A1.1"] == D(8)
    assert ctx.result.total > before_total
    assert page.summary.text() != before_summary
    after_balance = ctx.balance
    ctx.undo_stack.undo()
    assert ctx.balance == before_balance
    assert editor.picker.value() == D(3)
    ctx.undo_stack.redo()
    assert ctx.balance == after_balance
    assert editor.picker.number_buttons[8].isChecked()
    qtbot.mouseClick(editor.picker.clear_button, Qt.MouseButton.LeftButton)
    assert "A1.1" not in ctx.balance.ratings


def test_reasoning_is_stored_once_per_pause_and_undone_in_one_step(qtbot, ctx):
    page = _page(qtbot, ctx)
    editor = page.editors["A1.1"]
    old = ctx.balance.reasoning["A1.1"]
    editor.reasoning.setFocus()
    editor.reasoning.moveCursor(editor.reasoning.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.reasoning, " More.")
    assert ctx.balance.reasoning["A1.1"] == old  # nothing stored while typing
    editor.reasoning.flush()
    assert ctx.balance.reasoning["A1.1"] == old + " More."
    ctx.undo_stack.undo()
    assert ctx.balance.reasoning["A1.1"] == old
    assert editor.reasoning.toPlainText() == old


def test_not_applicable_needs_justification_and_hides_the_level(qtbot, ctx):
    page = _page(qtbot, ctx, "C1")
    editor = page.editors["C1.1"]
    qtbot.mouseClick(editor.not_applicable, Qt.MouseButton.LeftButton)
    assert ctx.balance.aspect_weights["C1.1"] == D(0)
    assert editor.body.isHidden()
    assert not editor.justification.warning.isHidden()
    editor.justification.edit.setPlainText("We have no employees of our own in this role.")
    editor.justification.edit.flush()
    assert ctx.balance.justifications["C1.1"].startswith("We have no")
    assert editor.justification.warning.isHidden()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert "C1.1" not in ctx.balance.aspect_weights
    assert not editor.body.isHidden()


def test_theme_weight_override_shows_computed_explanation(qtbot, ctx):
    page = _page(qtbot, ctx, "A3")
    box = page.weight_box
    assert box is not None
    assert box.explanation.text() == ctx.result.themes["A3"].weight_explanation.text.en
    max_before = ctx.result.themes["A3"].max_points
    box.combo.setCurrentIndex(find_data(box.combo, D(2)))
    box.combo.activated.emit(box.combo.currentIndex())
    assert ctx.balance.weights["A3"] == D(2)
    assert ctx.result.themes["A3"].max_points > max_before
    assert "set by hand" in box.explanation.text()
    assert not box.justification.warning.isHidden()


def test_deduction_of_a_negative_aspect(qtbot, ctx):
    page = _page(qtbot, ctx)
    editor = page.editors["A1.2"]
    total = ctx.result.total
    editor.deduction.setValue(-100)
    assert ctx.balance.ratings["A1.2"] == D(-100)
    assert ctx.result.total < total
    assert not editor.justification.warning.isHidden()
    qtbot.mouseClick(editor.applies, Qt.MouseButton.LeftButton)
    assert "A1.2" not in ctx.balance.ratings


def test_attach_by_drop_open_verify_and_unlink(qtbot, ctx, tmp_path, monkeypatch):
    page = _page(qtbot, ctx)
    panel = page.editors["A1.1"].evidence
    asked = []
    monkeypatch.setattr(
        "ecg_desktop.ui.dialogs.evidence_dialog.EvidenceDialog.ask",
        lambda _parent, paths, code: asked.append((paths, code)) or "Supplier list 2024",
    )
    report = tmp_path / "supplier-list.pdf"
    report.write_bytes(b"%PDF-1.4 suppliers")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    panel.dropEvent(drop)
    assert [ref.name for ref in ctx.balance.evidence] == ["supplier-list.pdf"]
    assert ctx.balance.evidence[0].codes == ("A1.1",)
    assert asked == [([report], "A1.1")]
    assert ctx.balance.evidence[0].description == "Supplier list 2024"
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    opened = []
    monkeypatch.setattr("ecg_desktop.ui.views.theme_page.QDesktopServices.openUrl", opened.append)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].isLocalFile()
    assert opened[0].toLocalFile() == str(ctx.service.evidence_file(ctx.balance.evidence[0].sha256))
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.model.index(0, 4).data() == "✓ verified"
    after_attach = ctx.balance
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert ctx.balance.evidence == ()
    ctx.undo_stack.undo()

    def links(balance):
        return [(ref.sha256, ref.name, ref.codes) for ref in balance.evidence]

    assert links(ctx.balance) == links(after_attach)
    ctx.undo_stack.undo()
    assert ctx.balance.evidence == ()


def test_attach_with_file_dialog(qtbot, ctx, tmp_path, monkeypatch):
    page = _page(qtbot, ctx)
    panel = page.editors["A1.1"].evidence
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for i, f in enumerate(files):
        f.write_text(f"evidence {i}")
    monkeypatch.setattr(
        "ecg_desktop.ui.views.theme_page.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(f) for f in files], "")
    )
    monkeypatch.setattr("ecg_desktop.ui.dialogs.evidence_dialog.EvidenceDialog.ask", lambda *_a: "")
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    assert sorted(ref.name for ref in ctx.balance.evidence) == ["a.txt", "b.txt"]
    assert ctx.undo_stack.count() == 2
