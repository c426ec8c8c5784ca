"""Undo commands: every edit of a balance is a QUndoCommand that calls the service.

Each command stores the old and the new value. ``redo()`` and ``undo()`` each make one service
call through ``BalanceContext.apply`` (which reloads, re-scores and emits sig_balance_changed).
A refused call (locked balance, invalid input, someone else's newer edit) is reported through
``BalanceContext.report_refusal`` and marks the command obsolete, so QUndoStack drops it and the
stack never claims a state the store does not have. A ConcurrentEditError also clears the
history, because the stored old values of earlier commands may no longer hold.

Texts use QCoreApplication.translate("Commands", ...) so the Edit menu reads
"Undo Set level of A1.1 to 4" in English and "Rückgängig: Stufe von A1.1 auf 4 setzen" in German.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand

from ecg_desktop.errors import ECGError
from ecg_desktop.presentation import format_number

if TYPE_CHECKING:
    from ecg_desktop.balance.model import CompanyFacts, EvidenceRef
    from ecg_desktop.scoring.tax import TaxSchedule
    from ecg_desktop.services.balance_service import BalanceService
    from ecg_desktop.ui.context import BalanceContext

# Command ids for mergeWith: keystrokes in one text field become one undo step.
MERGE_REASONING = 1
MERGE_AUDITOR_COMMENT = 2
MERGE_JUSTIFICATION = 3


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class BalanceCommand(QUndoCommand):
    """Base of every edit: one service call per redo and per undo, refusals reported.

    Subclasses implement ``call(service, balance_id, value, expected_version)`` for a value
    (new on redo, old on undo) and ``describe()`` for the translated action name.
    """

    def __init__(self, ctx: BalanceContext, old: Any, new: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.old = old
        self.new = new
        self.refused: BaseException | None = None
        self.setText(self.describe())

    def describe(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Rename the action after a language switch."""
        self.setText(self.describe())

    def call(self, service: BalanceService, balance_id: int, value: Any, expected_version: int | None) -> Any:
        raise NotImplementedError

    def _run(self, value: Any) -> None:
        from ecg_desktop.services.balance_service import ConcurrentEditError

        try:
            self.ctx.apply(lambda service, balance_id, version: self.call(service, balance_id, value, version))
        except ECGError as error:
            self.refused = error
            self.setObsolete(True)
            if isinstance(error, ConcurrentEditError):
                # The history was recorded against a state that no longer exists. Clear it once
                # QUndoStack has finished the call that is running now.
                QTimer.singleShot(0, self.ctx.undo_stack.clear)
            self.ctx.report_refusal(error)

    def redo(self) -> None:
        self._run(self.new)

    def undo(self) -> None:
        self._run(self.old)


class _CodeCommand(BalanceCommand):
    """An edit of one entry keyed by a code (aspect, theme or stakeholder row)."""

    def __init__(self, ctx: BalanceContext, code: str, old: Any, new: Any) -> None:
        self.code = code
        super().__init__(ctx, old, new)


def _number(value: Decimal | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


class SetRatingCommand(_CodeCommand):
    """Set (or clear, with None) the self-assessed level of an aspect or a deduction."""

    def __init__(self, ctx: BalanceContext, code: str, level: Decimal | None) -> None:
        super().__init__(ctx, code, ctx.balance.ratings.get(code), level)

    def describe(self) -> str:
        if self.new is None:
            return QCoreApplication.translate("Commands", "Clear level of {code}").format(code=self.code)
        return QCoreApplication.translate("Commands", "Set level of {code} to {value}").format(
            code=self.code, value=_number(self.new, self.ctx.language)
        )

    def call(self, service, balance_id, value, expected_version):
        return service.set_rating(balance_id, self.code, value, expected_version)


class SetAuditorRatingCommand(_CodeCommand):
    """Set (or clear) the auditor's level of an aspect."""

    def __init__(self, ctx: BalanceContext, code: str, level: Decimal | None) -> None:
        super().__init__(ctx, code, ctx.balance.auditor_ratings.get(code), level)

    def describe(self) -> str:
        if self.new is None:
            return QCoreApplication.translate("Commands", "Clear auditor's level of {code}").format(code=self.code)
        return QCoreApplication.translate("Commands", "Set auditor's level of {code} to {value}").format(
            code=self.code, value=_number(self.new, self.ctx.language)
        )

    def call(self, service, balance_id, value, expected_version):
        return service.set_auditor_rating(balance_id, self.code, value, expected_version)


class _TextCommand(_CodeCommand):
    """A text edit; successive keystrokes in the same field merge into one undo step."""

    merge_id = -1
    field_name = ""

    def __init__(self, ctx: BalanceContext, code: str, text: str) -> None:
        super().__init__(ctx, code, getattr(ctx.balance, self.field_name).get(code, ""), text)

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, type(self)) or other.code != self.code or other.isObsolete() or self.isObsolete():
            return False
        self.new = other.new
        # Typing back to the original text leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        self.setText(self.describe())
        return True


class SetReasoningCommand(_TextCommand):
    """Edit the reasoning of an aspect (or of the whole balance with code "balance")."""

    merge_id = MERGE_REASONING
    field_name = "reasoning"

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Edit reasoning of {code}").format(code=self.code)

    def call(self, service, balance_id, value, expected_version):
        return service.set_reasoning(balance_id, self.code, value, expected_version)


class SetAuditorCommentCommand(_TextCommand):
    """Edit the auditor's comment on an aspect."""

    merge_id = MERGE_AUDITOR_COMMENT
    field_name = "auditor_comments"

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Edit auditor's comment on {code}").format(code=self.code)

    def call(self, service, balance_id, value, expected_version):
        return service.set_auditor_comment(balance_id, self.code, value, expected_version)


class SetJustificationCommand(_TextCommand):
    """Edit the written justification of a weight override, exclusion or reduced deduction."""

    merge_id = MERGE_JUSTIFICATION
    field_name = "justifications"

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Edit justification of {code}").format(code=self.code)

    def call(self, service, balance_id, value, expected_version):
        return service.set_justification(balance_id, self.code, value, expected_version)


class _WeightCommand(_CodeCommand):
    """A weight override with its justification; None returns to the computed weight."""

    field_name = ""

    def __init__(self, ctx: BalanceContext, code: str, weight: Decimal | None, justification: str = "") -> None:
        balance = ctx.balance
        old = (getattr(balance, self.field_name).get(code), balance.justifications.get(code, ""))
        super().__init__(ctx, code, old, (weight, justification))

    def describe(self) -> str:
        weight = self.new[0]
        if weight is None:
            return QCoreApplication.translate("Commands", "Reset weight of {code}").format(code=self.code)
        return QCoreApplication.translate("Commands", "Set weight of {code} to {value}").format(
            code=self.code, value=_number(weight, self.ctx.language)
        )

    def call(self, service, balance_id, value, expected_version):
        weight, justification = value
        return self.setter(service)(balance_id, self.code, weight, justification, expected_version)

    def setter(self, service: BalanceService) -> Any:
        raise NotImplementedError


class SetThemeWeightCommand(_WeightCommand):
    """Override the weight of a theme (5.x) or indicator (4.1)."""

    field_name = "weights"

    def setter(self, service):
        return service.set_theme_weight


class SetAspectWeightCommand(_WeightCommand):
    """Override the weight of an aspect; 0 with a justification marks it not applicable."""

    field_name = "aspect_weights"

    def describe(self) -> str:
        weight = self.new[0]
        if weight is not None and weight == 0:
            return QCoreApplication.translate("Commands", "Mark {code} not applicable").format(code=self.code)
        return super().describe()

    def setter(self, service):
        return service.set_aspect_weight


class SetStakeholderWeightCommand(_WeightCommand):
    """Override the weight of a stakeholder row (5.x)."""

    field_name = "stakeholder_weights"

    def setter(self, service):
        return service.set_stakeholder_weight


class SetCompanyFactsCommand(BalanceCommand):
    """Replace the company facts (the form saves all of them at once)."""

    def __init__(self, ctx: BalanceContext, facts: CompanyFacts) -> None:
        super().__init__(ctx, ctx.balance.company, facts)

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Edit company facts")

    def call(self, service, balance_id, value, expected_version):
        return service.set_company_facts(balance_id, value, expected_version)


class SetTaxScheduleCommand(BalanceCommand):
    """Choose the illustrative tax schedule of the balance (None returns to the default)."""

    def __init__(self, ctx: BalanceContext, schedule: TaxSchedule | None) -> None:
        super().__init__(ctx, ctx.tax_schedule, schedule)

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Change tax schedule")

    def call(self, service, balance_id, value, expected_version):
        return service.set_tax_schedule(balance_id, value, expected_version)


def _evidence(ctx: BalanceContext, sha256: str) -> EvidenceRef | None:
    return next((ref for ref in ctx.balance.evidence if ref.sha256 == sha256), None)


class AttachEvidenceCommand(BalanceCommand):
    """Copy a file into the vault and link it to codes; undo unlinks it (the file stays in the vault).

    The first redo stores the file (``attach_evidence``); later redos only link the stored file
    again. Codes the file was already linked to before stay linked on undo.
    """

    def __init__(self, ctx: BalanceContext, codes: list[str], path: Path, description: str = "") -> None:
        self.codes = list(codes)
        self.path = Path(path)
        self.description = description
        self.sha256: str | None = None
        self.added_codes: list[str] = []
        self.was_in_balance = False
        self._stored = False
        super().__init__(ctx, None, None)

    @classmethod
    def stored(
        cls, ctx: BalanceContext, ref: EvidenceRef, codes: list[str], before: dict[str, set[str]]
    ) -> AttachEvidenceCommand:
        """A command for a file a job has already attached (copied off the UI thread).

        `before` maps each evidence file of the balance to its codes as they were before the
        attach. The first redo only reloads the balance; undo and later redos unlink and link.
        """
        command = cls(ctx, codes, Path(ref.name), ref.description)
        command.sha256 = ref.sha256
        command.was_in_balance = ref.sha256 in before
        command.added_codes = [c for c in codes if c not in before.get(ref.sha256, set())]
        command._stored = True
        return command

    def describe(self) -> str:
        return QCoreApplication.translate("Commands", "Attach {name} to {codes}").format(
            name=_short(self.path.name), codes=", ".join(self.codes)
        )

    def redo(self) -> None:
        if self._stored:
            self._stored = False
            self.ctx.refresh()
        elif self.sha256 is None:
            self._run("attach")
        else:
            self._run("link")

    def undo(self) -> None:
        self._run("unlink")

    def call(self, service, balance_id, value, _expected_version):  # evidence links carry no version check
        if value == "attach":
            before = {ref.sha256: set(ref.codes) for ref in self.ctx.balance.evidence}
            ref = service.attach_evidence(balance_id, self.codes, self.path, self.description)
            self.sha256 = ref.sha256
            self.was_in_balance = ref.sha256 in before
            self.added_codes = [c for c in self.codes if c not in before.get(ref.sha256, set())]
            return ref
        assert self.sha256 is not None
        if value == "unlink":
            if not self.was_in_balance:
                return service.unlink_evidence(balance_id, self.sha256, None)
            for code in self.added_codes:
                service.unlink_evidence(balance_id, self.sha256, code)
            return None
        for code in self.added_codes:
            service.link_evidence(balance_id, self.sha256, code, self.description)
        return None


class UnlinkEvidenceCommand(BalanceCommand):
    """Remove an evidence link from a code (or, with code None, the file from the balance)."""

    def __init__(self, ctx: BalanceContext, sha256: str, code: str | None = None) -> None:
        ref = _evidence(ctx, sha256)
        if ref is None:
            raise KeyError(f"evidence {sha256} is not linked to this balance")
        self.sha256 = sha256
        self.code = code
        self.name = ref.name
        self.description = ref.description
        self.removed_codes = list(ref.codes) if code is None else [code]
        super().__init__(ctx, None, None)

    def describe(self) -> str:
        if self.code is None:
            return QCoreApplication.translate("Commands", "Remove {name} from the balance").format(
                name=_short(self.name)
            )
        return QCoreApplication.translate("Commands", "Unlink {name} from {code}").format(
            name=_short(self.name), code=self.code
        )

    def redo(self) -> None:
        self._run("unlink")

    def undo(self) -> None:
        self._run("link")

    def call(self, service, balance_id, value, _expected_version):  # evidence links carry no version check
        if value == "unlink":
            return service.unlink_evidence(balance_id, self.sha256, self.code)
        for code in self.removed_codes:
            service.link_evidence(balance_id, self.sha256, code, self.description)
        return None


__all__ = [
    "AttachEvidenceCommand",
    "BalanceCommand",
    "SetAspectWeightCommand",
    "SetAuditorCommentCommand",
    "SetAuditorRatingCommand",
    "SetCompanyFactsCommand",
    "SetJustificationCommand",
    "SetRatingCommand",
    "SetReasoningCommand",
    "SetStakeholderWeightCommand",
    "SetTaxScheduleCommand",
    "SetThemeWeightCommand",
    "UnlinkEvidenceCommand",
]
