"""Undo commands: do, undo, redo and compare the stored state each time; refusals leave the stack consistent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecg_desktop.balance.model import CompanyFacts
from ecg_desktop.scoring.tax import linear_schedule
from ecg_desktop.ui import commands as c


def roundtrip(ctx, command):
    """Push `command`; undo must restore the stored balance exactly, redo must restore the edit."""
    before = ctx.service.get_balance(ctx.balance_id)
    count = ctx.undo_stack.count()
    ctx.push(command)
    assert command.refused is None, command.refused
    after = ctx.service.get_balance(ctx.balance_id)
    assert after != before
    assert ctx.balance == after  # the cache follows the store
    assert ctx.undo_stack.count() == count + 1
    ctx.undo_stack.undo()
    assert ctx.service.get_balance(ctx.balance_id) == before
    assert ctx.balance == before
    ctx.undo_stack.redo()
    assert ctx.service.get_balance(ctx.balance_id) == after
    return before, after


def test_set_rating_roundtrip_and_name(ctx, qtbot):
    with qtbot.waitSignal(ctx.sig_balance_changed):
        before, after = roundtrip(ctx, c.SetRatingCommand(ctx, "A1.1", Decimal(6)))
    assert before.ratings["A1.1"] == 4 and after.ratings["A1.1"] == 6
    assert ctx.undo_stack.undoText() == "Set level of A1.1 to 6"
    assert ctx.result.aspects["A1.1"].rating == 6  # re-scored after the edit


def test_clear_rating(ctx):
    _, after = roundtrip(ctx, c.SetRatingCommand(ctx, "B1.1", None))
    assert "B1.1" not in after.ratings
    assert ctx.undo_stack.undoText() == "Clear level of B1.1"


def test_reasoning_keystrokes_merge_into_one_step(ctx):
    original = ctx.balance.reasoning["A1.1"]
    for length in range(1, 6):
        ctx.push(c.SetReasoningCommand(ctx, "A1.1", original + " more"[:length]))
    assert ctx.undo_stack.count() == 1
    assert ctx.balance.reasoning["A1.1"] == original + " more"
    ctx.undo_stack.undo()
    assert ctx.balance.reasoning["A1.1"] == original
    ctx.undo_stack.redo()
    assert ctx.balance.reasoning["A1.1"] == original + " more"
    # another field does not merge
    ctx.push(c.SetReasoningCommand(ctx, "B1.1", "Fair prices"))
    assert ctx.undo_stack.count() == 2


def test_typing_back_to_the_original_leaves_nothing_to_undo(ctx):
    original = ctx.balance.reasoning["A1.1"]
    ctx.push(c.SetReasoningCommand(ctx, "A1.1", original + "x"))
    ctx.push(c.SetReasoningCommand(ctx, "A1.1", original))
    assert ctx.undo_stack.count() == 0
    assert ctx.balance.reasoning["A1.1"] == original


@pytest.mark.parametrize(
    "make",
    [
        lambda ctx: c.SetAuditorRatingCommand(ctx, "A1.1", Decimal(3)),
        lambda ctx: c.SetAuditorCommentCommand(ctx, "A1.1", "Checked the invoices."),
        lambda ctx: c.SetThemeWeightCommand(ctx, "A1", Decimal(2), "Flour is our main input."),
        lambda ctx: c.SetAspectWeightCommand(ctx, "A1.2", Decimal(0), "We have no such suppliers."),
        lambda ctx: c.SetStakeholderWeightCommand(ctx, "A", Decimal("1.5"), "Supply chain matters most."),
        lambda ctx: c.SetJustificationCommand(ctx, "A1", "Main input."),
        lambda ctx: c.SetCompanyFactsCommand(ctx, CompanyFacts(employees=Decimal(12), turnover=Decimal(800000))),
        lambda ctx: c.SetTaxScheduleCommand(ctx, linear_schedule()),
    ],
    ids=[
        "auditor-level",
        "auditor-comment",
        "theme-weight",
        "aspect-weight",
        "row-weight",
        "justification",
        "facts",
        "tax",
    ],
)
def test_every_command_round_trips(ctx, make):
    roundtrip_state = ctx.service.get_tax_schedule(ctx.balance_id)
    command = make(ctx)
    if isinstance(command, c.SetTaxScheduleCommand):
        ctx.push(command)
        assert ctx.service.get_tax_schedule(ctx.balance_id) == linear_schedule()
        ctx.undo_stack.undo()
        assert ctx.service.get_tax_schedule(ctx.balance_id) == roundtrip_state
        ctx.undo_stack.redo()
        assert ctx.tax_schedule == linear_schedule()
        return
    roundtrip(ctx, command)
    assert command.text()  # a meaningful action name


def test_attach_and_unlink_evidence(ctx, tmp_path):
    proof = tmp_path / "invoice.pdf"
    proof.write_bytes(b"%PDF-1.4 regional flour invoice")
    before = ctx.balance
    attach = c.AttachEvidenceCommand(ctx, ["A1.1"], proof, "Invoice 2024")
    ctx.push(attach)
    assert attach.refused is None
    ref = next(r for r in ctx.balance.evidence if r.name == "invoice.pdf")
    assert ref.codes == ("A1.1",)
    assert ctx.undo_stack.undoText() == "Attach invoice.pdf to A1.1"
    ctx.undo_stack.undo()
    assert ctx.balance.evidence == before.evidence
    ctx.undo_stack.redo()
    assert [r.codes for r in ctx.balance.evidence if r.sha256 == ref.sha256] == [("A1.1",)]
    unlink = c.UnlinkEvidenceCommand(ctx, ref.sha256, "A1.1")
    ctx.push(unlink)
    assert all(r.sha256 != ref.sha256 or "A1.1" not in r.codes for r in ctx.balance.evidence)
    ctx.undo_stack.undo()
    assert [r.codes for r in ctx.balance.evidence if r.sha256 == ref.sha256] == [("A1.1",)]


def test_locked_balance_refuses_and_leaves_no_entry(ctx, qtbot):
    ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(5)))
    ctx.service.lock(ctx.balance_id)
    ctx.refresh()
    assert ctx.locked
    stored = ctx.service.get_balance(ctx.balance_id)
    with qtbot.waitSignal(ctx.sig_refused) as refused:
        ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(9)))
    assert ctx.undo_stack.count() == 1  # the refused edit is not on the stack
    assert ctx.service.get_balance(ctx.balance_id) == stored
    assert "lock" in refused.args[1].lower()
    # undoing the earlier edit is refused too and that entry disappears, leaving the store unchanged
    with qtbot.waitSignal(ctx.sig_refused):
        ctx.undo_stack.undo()
    assert ctx.undo_stack.count() == 0
    assert ctx.service.get_balance(ctx.balance_id) == stored


def test_invalid_input_is_refused_with_located_message(ctx, qtbot):
    with qtbot.waitSignal(ctx.sig_refused) as refused:
        ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(42)))
    assert ctx.undo_stack.count() == 0
    assert ctx.balance.ratings["A1.1"] == 4
    assert "42" in refused.args[1]


def test_concurrent_edit_is_refused_and_history_cleared(ctx, qtbot):
    ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(5)))
    # someone else edits the same balance behind our back
    ctx.service.set_rating(ctx.balance_id, "B1.1", Decimal(2))
    with qtbot.waitSignal(ctx.sig_refused):
        ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(6)))
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 0)
    assert ctx.balance.ratings["B1.1"] == 2  # the context shows what is stored now
    assert ctx.balance.ratings["A1.1"] == 5


def test_action_names_follow_the_language(ctx):
    ctx.push(c.SetRatingCommand(ctx, "A1.1", Decimal(6)))
    ctx.set_language("de")
    assert ctx.undo_stack.undoText() == "Stufe von A1.1 auf 6 setzen"
    ctx.set_language("en")
    assert ctx.undo_stack.undoText() == "Set level of A1.1 to 6"
