"""What the PDFs are made from: ReportData (domain objects only) and the ways to gather it.

No reportlab here: the UI builds a ReportData on the main thread (or lets build_report_data
do it in a job) and hands it to render_certificate / render_report off the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from ecg_desktop.balance.model import Balance, EvidenceRef
from ecg_desktop.matrix.model import Matrix
from ecg_desktop.scoring.levers import Lever
from ecg_desktop.scoring.result import ScoreResult
from ecg_desktop.scoring.tax import TaxResult, TaxSchedule

EVIDENCE_STATUSES = ("ok", "missing", "changed", "unchecked", "error")


@dataclass(frozen=True)
class ReportData:
    """Everything a certificate or report shows, as frozen domain objects.

    `evidence_checks` pairs each evidence file with its verification result ("ok", "missing",
    "changed", "unchecked", "error"); files of the balance that are not listed count as unchecked.
    """

    balance: Balance
    result: ScoreResult
    matrix: Matrix
    tax: TaxResult
    levers: tuple[Lever, ...] = ()
    previous: ScoreResult | None = None
    previous_label: str = ""  # how to name the previous balance, usually its reporting period
    evidence_checks: tuple[tuple[EvidenceRef, str], ...] = ()
    lang: str = "en"
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    author: str = ""

    def with_lang(self, lang: str) -> ReportData:
        """The same data for another language (nothing else changes)."""
        from dataclasses import replace

        return replace(self, lang=lang)

    def checked_evidence(self) -> list[tuple[EvidenceRef, str]]:
        """Every evidence file of the balance with its status, in the balance's order."""
        status = {ref.sha256: state for ref, state in self.evidence_checks}
        listed = [(ref, status.get(ref.sha256, "unchecked")) for ref in self.balance.evidence]
        known = {ref.sha256 for ref in self.balance.evidence}
        listed += [(ref, state) for ref, state in self.evidence_checks if ref.sha256 not in known]
        return listed


# ---- the optional parity page (issue 9): our score against the official workbook's results


@runtime_checkable
class ParityRowLike(Protocol):
    """One theme of a parity comparison (ecg_desktop.exchange.official.parity writes these)."""

    theme: str
    ours: Decimal | None
    theirs: Decimal | None
    difference: Decimal | None
    reason: str


class ParityLike(Protocol):
    """A parity report: theme rows and a total row. Rows may also be plain 5-tuples."""

    rows: Sequence[Any]
    total: Any


def default_basis(balance: Balance) -> str:
    """Score an audited (or peer-evaluated) balance on the auditor's levels, everything else on the self-assessment."""
    return "auditor" if balance.audit.status == "audited" and balance.audit.kind in ("external", "peer") else "self"


def report_data_for(
    balance: Balance,
    lang: str = "en",
    *,
    schedule: TaxSchedule | None = None,
    basis: str | None = None,
    previous: ScoreResult | None = None,
    previous_label: str = "",
    evidence_checks: Sequence[tuple[EvidenceRef, str]] = (),
    generated_at: datetime | None = None,
    author: str = "",
) -> ReportData:
    """Score `balance` and gather the report data without a store (tests, benchmarks, the UI's open file)."""
    from ecg_desktop.matrix import load_matrix
    from ecg_desktop.scoring import score
    from ecg_desktop.scoring.levers import levers
    from ecg_desktop.scoring.tax import DEFAULT_SCHEDULE, PRESETS, tax_rate

    schedule = schedule or PRESETS[DEFAULT_SCHEDULE]()
    basis = basis or default_basis(balance)
    result = score(balance, basis=basis)
    # Levers raise the levels the result was scored on.
    lever_base = balance if basis == "self" else balance.with_changes(ratings=balance.audited_ratings())
    return ReportData(
        balance=balance,
        result=result,
        matrix=load_matrix(balance.matrix),
        tax=tax_rate(result.total, schedule),
        levers=tuple(levers(lever_base, schedule, result)),
        previous=previous,
        previous_label=previous_label,
        evidence_checks=tuple(evidence_checks),
        lang=lang,
        generated_at=generated_at or datetime.now().astimezone(),
        author=author,
    )


def build_report_data(service: Any, balance_id: int, lang: str = "en", verify: bool = True) -> ReportData:
    """Gather the report data of a stored balance from the BalanceService.

    Verifies the evidence files (re-hashing them) unless `verify` is False, and compares with
    the organisation's previous balance when there is one.
    """
    from ecg_desktop.presentation import format_period

    balance = service.get_balance(balance_id)
    basis = default_basis(balance)
    previous: ScoreResult | None = None
    label = ""
    previous_id = service.previous_balance(balance_id)
    if previous_id is not None:
        before = service.get_balance(previous_id)
        label = format_period(before.period.start, before.period.end, lang) if before.period else ""
        previous = service.score(previous_id, basis=default_basis(before))
    checks: list[tuple[EvidenceRef, str]] = []
    if verify and balance.evidence:
        status = {check.sha256: check.status for check in service.verify_evidence(balance_id)}
        checks = [(ref, status.get(ref.sha256, "unchecked")) for ref in balance.evidence]
    return report_data_for(
        balance,
        lang,
        schedule=service.get_tax_schedule(balance_id),
        basis=basis,
        previous=previous,
        previous_label=label,
        evidence_checks=checks,
        author=getattr(service, "user", "") or "",
    )


__all__ = [
    "EVIDENCE_STATUSES",
    "ParityLike",
    "ParityRowLike",
    "ReportData",
    "build_report_data",
    "default_basis",
    "report_data_for",
]
