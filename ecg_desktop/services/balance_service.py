"""The one facade the UI and the CLI call: organisations, balances, ratings, evidence, workflow.

Every public method that changes something is one database transaction with its change-log
entries; there is no unsaved state. The rules live here, not in the UI: a locked (audited)
balance refuses every change, edits are validated with balance.validate before they are
stored, and `expected_version` turns on optimistic locking (a stale write is refused with
"changed by NAME at TIME" and nothing is overwritten).

Qt-free; SQLAlchemy and Alembic are imported lazily inside the storage package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ecg_desktop.balance.model import Balance, CompanyFacts, EvidenceRef, Organisation, Period
from ecg_desktop.errors import ECGError
from ecg_desktop.messages import render

if TYPE_CHECKING:
    from ecg_desktop.scoring.result import ScoreResult
    from ecg_desktop.scoring.tax import TaxSchedule
    from ecg_desktop.services._impl import ServiceCore

Progress = Callable[[int, int], None]


# ---- errors


class ServiceError(ECGError):
    """A refused service call. `code` selects a bilingual template in messages.py."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, params, "en"))

    def text(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


class ConcurrentEditError(ServiceError):
    """Someone else changed the balance since it was read: "changed by NAME at TIME"."""

    def __init__(self, balance_id: int, user: str, at: datetime | str, version: int, expected: int) -> None:
        when = at if isinstance(at, str) else at.strftime("%Y-%m-%d %H:%M:%S")
        self.user, self.at, self.version, self.expected = user, at, version, expected
        super().__init__("store_concurrent_edit", id=balance_id, user=user, at=when, version=version, expected=expected)


class LockedError(ServiceError):
    """The balance is audited and locked: it refuses every change (open a new revision instead)."""

    def __init__(self, balance_id: int) -> None:
        super().__init__("store_locked", id=balance_id)


class NotFoundError(ServiceError):
    """No organisation, balance or evidence file with that id."""

    KINDS: ClassVar[dict[str, tuple[str, str]]] = {
        "balance": ("balance sheet", "Bilanz"),
        "organisation": ("organisation", "Organisation"),
        "evidence": ("evidence file", "Nachweisdatei"),
    }

    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        super().__init__("store_not_found", kind=self.KINDS.get(kind, (kind, kind))[0], id=ident)

    def text(self, lang: str = "en") -> str:
        names = self.KINDS.get(self.kind, (self.kind, self.kind))
        return render(self.code, {**self.params, "kind": names[1] if lang == "de" else names[0]}, lang)


class SchemaError(ServiceError):
    """The database was written by a newer version of the app, or is not an ECG Desktop database."""


# ---- read-only views


@dataclass(frozen=True)
class OrganisationInfo:
    """One row of the organisation list."""

    id: int
    name: str
    archived: bool
    balance_count: int


@dataclass(frozen=True)
class BalanceInfo:
    """One row of the balance list: what a list or a title bar shows without loading ratings."""

    id: int
    organisation_id: int
    organisation_name: str
    matrix: str
    type: str
    period: Period | None
    status: str  # draft | in_review | audited
    audit_kind: str  # self | peer | external
    locked: bool
    revision: int
    version: int  # optimistic-locking counter; pass it back as expected_version
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class EvidenceCheck:
    """Result of verifying one evidence file: status "ok", "missing" or "changed"."""

    sha256: str
    name: str
    status: str
    balance_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ChangeEntry:
    """One change-log entry: who, when, what, old and new value, and the hash chain."""

    id: int
    at: datetime
    user: str
    action: str
    balance_id: int | None
    organisation_id: int | None
    field: str
    old: str | None
    new: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class LogCheck:
    """Result of recomputing the change-log hash chain."""

    ok: bool
    entries: int
    first_broken_id: int | None = None
    message: str = ""


# ---- the facade


class BalanceService:
    """Open with BalanceService.open(...); close() (or use as a context manager) when done."""

    def __init__(self, core: ServiceCore) -> None:
        self._core = core

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        database_url: str | None = None,
        user: str | None = None,
    ) -> BalanceService:
        """Open (and create or upgrade) the store.

        Without a URL: SQLite in `paths.data_dir(data_dir)` (WAL, foreign keys, busy timeout),
        evidence in its `evidence/` folder. With a URL (or $ECG_DESKTOP_DATABASE_URL): team
        mode, evidence inside the database. An older schema is backed up (SQLite: a copy next
        to the file) and upgraded; a newer one is refused with SchemaError, untouched.
        `user` is the name written to the change log (default: the OS user name).
        """
        from ecg_desktop.services._impl import ServiceCore

        return cls(ServiceCore.open(data_dir, database_url, user))

    def close(self) -> None:
        self._core.close()

    def __enter__(self) -> BalanceService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def user(self) -> str:
        """The name written to the change log."""
        return self._core.user

    @user.setter
    def user(self, name: str) -> None:
        self._core.user = name.strip() or self._core.user

    @property
    def team_mode(self) -> bool:
        """True when the store is a shared database (evidence lives in the database)."""
        return self._core.team_mode

    @property
    def location(self) -> str:
        """The SQLite file path or the database URL without its password, for display."""
        return self._core.location

    # ---- organisations

    def list_organisations(self, include_archived: bool = False) -> list[OrganisationInfo]:
        return self._core.list_organisations(include_archived)

    def create_organisation(self, organisation: Organisation) -> int:
        """Create an organisation (its name must not be empty); returns its id."""
        return self._core.create_organisation(organisation)

    def get_organisation(self, organisation_id: int) -> Organisation:
        return self._core.get_organisation(organisation_id)

    def update_organisation(self, organisation_id: int, organisation: Organisation) -> None:
        self._core.update_organisation(organisation_id, organisation)

    def archive_organisation(self, organisation_id: int, archived: bool = True) -> None:
        self._core.archive_organisation(organisation_id, archived)

    def delete_organisation(self, organisation_id: int) -> None:
        """Delete an organisation with its balances; refused while one of them is audited."""
        self._core.delete_organisation(organisation_id)

    # ---- balances

    def list_balances(self, organisation_id: int | None = None) -> list[BalanceInfo]:
        return self._core.list_balances(organisation_id)

    def create_balance(
        self, organisation_id: int, matrix: str, balance_type: str = "full", period: Period | None = None
    ) -> int:
        """Start an empty draft balance of `matrix` ("4.1", "5.0", "5.1"); returns its id."""
        return self._core.create_balance(organisation_id, matrix, balance_type, period)

    def import_balance(self, balance: Balance, organisation_id: int | None = None) -> int:
        """Store a validated balance as a new draft... or with the audit state it carries.

        Creates the organisation from `balance.organisation` when `organisation_id` is None.
        Evidence refs must already be in the vault (same SHA-256); otherwise InputError names them.
        """
        return self._core.import_many([(None, balance)], organisation_id)[0]

    def import_many(self, balances: list[tuple[int | None, Balance]]) -> list[int]:
        """All-or-nothing: each pair is (existing balance id to replace, or None to create)."""
        return self._core.import_many(balances, None)

    def replace_balance_content(self, balance_id: int, balance: Balance, expected_version: int | None = None) -> None:
        """Replace facts, weights, ratings, narrative and auditor fields in one transaction.

        Every changed field gets its own change-log entry. Matrix and type must match the
        stored balance; the organisation and the audit state are not changed here.
        """
        self._core.replace_content(balance_id, balance, expected_version)

    def get_balance(self, balance_id: int) -> Balance:
        """The full domain object: facts, weights, ratings, reasoning, auditor fields, audit, evidence."""
        return self._core.get_balance(balance_id)

    def balance_info(self, balance_id: int) -> BalanceInfo:
        return self._core.balance_info(balance_id)

    def copy_to_next_period(self, balance_id: int) -> int:
        """A new draft for the following period (same length), with facts, weights, ratings,
        reasoning and evidence links copied; auditor fields and audit state start empty."""
        return self._core.copy_to_next_period(balance_id)

    def delete_balance(self, balance_id: int) -> None:
        """Delete a balance that is not audited (evidence files stay in the vault)."""
        self._core.delete_balance(balance_id)

    def previous_balance(self, balance_id: int) -> int | None:
        """The latest balance of the same organisation whose period ends before this one starts."""
        return self._core.previous_balance(balance_id)

    # ---- edits (each one transaction + change-log entry; returns the new version)

    def set_rating(self, balance_id: int, code: str, level: Decimal | None, expected_version: int | None = None) -> int:
        """Self-assessed level of an aspect (or the deduction of a negative one); None clears it."""
        return self._core.set_entry(balance_id, "ratings", code, level, expected_version)

    def set_reasoning(self, balance_id: int, code: str, text: str, expected_version: int | None = None) -> int:
        return self._core.set_entry(balance_id, "reasoning", code, text, expected_version)

    def set_auditor_rating(
        self, balance_id: int, code: str, level: Decimal | None, expected_version: int | None = None
    ) -> int:
        return self._core.set_entry(balance_id, "auditor_ratings", code, level, expected_version)

    def set_auditor_comment(self, balance_id: int, code: str, text: str, expected_version: int | None = None) -> int:
        return self._core.set_entry(balance_id, "auditor_comments", code, text, expected_version)

    def set_theme_weight(
        self,
        balance_id: int,
        code: str,
        weight: Decimal | None,
        justification: str = "",
        expected_version: int | None = None,
    ) -> int:
        """Override a theme weight (None clears the override); the justification is stored with it."""
        return self._core.set_weight(balance_id, "weights", code, weight, justification, expected_version)

    def set_stakeholder_weight(
        self,
        balance_id: int,
        code: str,
        weight: Decimal | None,
        justification: str = "",
        expected_version: int | None = None,
    ) -> int:
        return self._core.set_weight(balance_id, "stakeholder_weights", code, weight, justification, expected_version)

    def set_aspect_weight(
        self,
        balance_id: int,
        code: str,
        weight: Decimal | None,
        justification: str = "",
        expected_version: int | None = None,
    ) -> int:
        """Aspect weight override; weight 0 with a justification marks the aspect not applicable."""
        return self._core.set_weight(balance_id, "aspect_weights", code, weight, justification, expected_version)

    def set_not_applicable(
        self, balance_id: int, code: str, justification: str, expected_version: int | None = None
    ) -> int:
        """Mark an aspect not applicable: aspect weight 0 with the written reason."""
        return self.set_aspect_weight(balance_id, code, Decimal(0), justification, expected_version)

    def set_justification(self, balance_id: int, code: str, text: str, expected_version: int | None = None) -> int:
        return self._core.set_entry(balance_id, "justifications", code, text, expected_version)

    def set_company_facts(self, balance_id: int, facts: CompanyFacts, expected_version: int | None = None) -> int:
        """Replace the company facts; InputError with located problems when they are invalid."""
        return self._core.set_fields(balance_id, {"company": facts}, expected_version)

    def set_period(self, balance_id: int, period: Period | None, expected_version: int | None = None) -> int:
        return self._core.set_fields(balance_id, {"period": period}, expected_version)

    def set_calculator_version(
        self, balance_id: int, calculator_version: str | None, expected_version: int | None = None
    ) -> int:
        return self._core.set_fields(balance_id, {"calculator_version": calculator_version}, expected_version)

    def get_tax_schedule(self, balance_id: int) -> TaxSchedule:
        """The schedule in use for this balance (the ECG VAT example unless one was set)."""
        return self._core.get_tax_schedule(balance_id)

    def set_tax_schedule(
        self, balance_id: int, schedule: TaxSchedule | None, expected_version: int | None = None
    ) -> int:
        """Set the schedule (validated); None returns to the default."""
        return self._core.set_tax_schedule(balance_id, schedule, expected_version)

    # ---- evidence

    def attach_evidence(self, balance_id: int, codes: list[str], path: Path, description: str = "") -> EvidenceRef:
        """Copy a file into the vault (streamed, SHA-256, de-duplicated) and link it to `codes`.

        Symbolic links and special files are refused.
        """
        return self._core.attach_evidence(balance_id, list(codes), Path(path), description)

    def link_evidence(self, balance_id: int, sha256: str, code: str, description: str | None = None) -> None:
        """Link a file already in the vault to one more code of the balance."""
        self._core.link_evidence(balance_id, sha256, code, description)

    def unlink_evidence(self, balance_id: int, sha256: str, code: str | None = None) -> None:
        """Remove one code link (or, with code None, the file from this balance). The file stays in the vault."""
        self._core.unlink_evidence(balance_id, sha256, code)

    def evidence_file(self, sha256: str) -> Path:
        """A readable path of the stored file (team mode: a temporary copy)."""
        return self._core.evidence_file(sha256)

    def verify_evidence(self, balance_id: int | None = None, progress: Progress | None = None) -> list[EvidenceCheck]:
        """Re-hash the files of one balance (or of the whole vault): ok, missing or changed."""
        return self._core.verify_evidence(balance_id, progress)

    def unreferenced_evidence(self) -> list[EvidenceRef]:
        """Vault files that no balance refers to (candidates for purge_evidence)."""
        return self._core.unreferenced_evidence()

    def purge_evidence(self, sha256: str, confirm: bool) -> None:
        """Remove a file from the vault: only when no balance refers to it and confirm is True."""
        self._core.purge_evidence(sha256, confirm)

    # ---- workflow

    def submit_for_review(self, balance_id: int) -> None:
        """draft -> in_review."""
        self._core.submit_for_review(balance_id)

    def return_to_draft(self, balance_id: int) -> None:
        """in_review -> draft (the reviewer sends it back)."""
        self._core.return_to_draft(balance_id)

    def record_audit(self, balance_id: int, kind: str, auditor: str, audit_date: date) -> None:
        """Status audited, valid until audit_date + 2 years; the balance is locked from now on."""
        self._core.record_audit(balance_id, kind, auditor, audit_date)

    def lock(self, balance_id: int, kind: str | None = None, auditor: str | None = None) -> None:
        """Record a self-audit today by the current user (or the given kind/auditor) and lock."""
        self._core.lock(balance_id, kind, auditor)

    def new_revision(self, balance_id: int) -> int:
        """A draft copy of a locked balance as revision n+1 (the audited one stays untouched)."""
        return self._core.new_revision(balance_id)

    def score(self, balance_id: int, basis: str = "self") -> ScoreResult:
        from ecg_desktop.scoring import score

        return score(self.get_balance(balance_id), basis=basis)

    def history(self, balance_id: int | None = None) -> list[ChangeEntry]:
        """Change-log entries, oldest first (of one balance, or all)."""
        return self._core.history(balance_id)

    def verify_log(self) -> LogCheck:
        """Recompute the hash chain of the change log and name the first broken entry."""
        return self._core.verify_log()

    # ---- settings stored with the data (shared in team mode)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self._core.get_setting(key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        self._core.set_setting(key, value)

    # ---- export, backup, restore

    def export(self, balance_id: int, fmt: str, out: Path) -> list[EvidenceCheck]:
        """Verify the evidence, then write the balance with the exporter `fmt` (see services.exporters).

        Returns the evidence files that are missing or changed, for the caller to report.
        """
        from ecg_desktop.services.exporters import run_exporter

        problems = [c for c in self.verify_evidence(balance_id) if c.status != "ok"]
        run_exporter(fmt, self, balance_id, Path(out))
        return problems

    def backup(self, out: Path, progress: Progress | None = None) -> None:
        """Write one .ecgz archive with every table and every evidence file, hashes in its manifest."""
        from ecg_desktop.services.backup import write_backup

        write_backup(self._core, Path(out), progress)

    @classmethod
    def restore(
        cls,
        archive: Path,
        data_dir: str | Path | None = None,
        database_url: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Restore an archive into an empty store; every hash is checked before anything is written."""
        from ecg_desktop.services.backup import restore_backup

        restore_backup(Path(archive), data_dir, database_url, progress)


__all__ = [
    "BalanceInfo",
    "BalanceService",
    "ChangeEntry",
    "ConcurrentEditError",
    "EvidenceCheck",
    "LockedError",
    "LogCheck",
    "NotFoundError",
    "OrganisationInfo",
    "SchemaError",
    "ServiceError",
]
