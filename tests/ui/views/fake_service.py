"""An in-memory stand-in for BalanceService, used only while the storage package cannot be opened.

It follows the facade's documented contract (versions, locking, validation, evidence links) so
the view tests exercise the same calls; the real service replaces it automatically.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from ecg_desktop.balance.model import AuditInfo, Balance, EvidenceRef
from ecg_desktop.balance.validate import validate_balance
from ecg_desktop.errors import InputError
from ecg_desktop.scoring.tax import ecg_vat_example, validate_schedule
from ecg_desktop.services.balance_service import BalanceInfo, EvidenceCheck, LockedError


class FakeService:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vault = folder / "vault"
        self.vault.mkdir(parents=True, exist_ok=True)
        self.balances: dict[int, Balance] = {}
        self.infos: dict[int, BalanceInfo] = {}
        self.schedules: dict[int, object] = {}
        self.previous: dict[int, int] = {}
        self.user = "tester"
        self.known: dict[str, EvidenceRef] = {}

    # ---- set-up helpers
    def import_balance(self, balance: Balance, organisation_id: int | None = None) -> int:
        new_id = len(self.balances) + 1
        self.balances[new_id] = balance
        self.infos[new_id] = BalanceInfo(
            new_id,
            1,
            balance.organisation.name,
            balance.matrix,
            balance.type,
            balance.period,
            "draft",
            "self",
            False,
            1,
            1,
            datetime(2025, 1, 1),
            "tester",
        )
        return new_id

    def get_balance(self, balance_id: int) -> Balance:
        return self.balances[balance_id]

    def balance_info(self, balance_id: int) -> BalanceInfo:
        return self.infos[balance_id]

    def previous_balance(self, balance_id: int) -> int | None:
        return self.previous.get(balance_id)

    def _change(self, balance_id: int, **changes: object) -> int:
        info = self.infos[balance_id]
        if info.locked:
            raise LockedError(balance_id)
        new = self.balances[balance_id].with_changes(**changes)
        errors = [p for p in validate_balance(new) if p.severity == "error"]
        if errors:
            raise InputError(errors)
        self.balances[balance_id] = new
        self.infos[balance_id] = replace(info, version=info.version + 1)
        return info.version + 1

    def _entry(self, balance_id: int, name: str, code: str, value: object) -> int:
        entries = dict(getattr(self.balances[balance_id], name))
        if value is None or value == "":
            entries.pop(code, None)
        else:
            entries[code] = value
        return self._change(balance_id, **{name: entries})

    def set_rating(self, balance_id, code, level, expected_version=None):
        return self._entry(balance_id, "ratings", code, level)

    def set_reasoning(self, balance_id, code, text, expected_version=None):
        return self._entry(balance_id, "reasoning", code, text)

    def set_auditor_rating(self, balance_id, code, level, expected_version=None):
        return self._entry(balance_id, "auditor_ratings", code, level)

    def set_auditor_comment(self, balance_id, code, text, expected_version=None):
        return self._entry(balance_id, "auditor_comments", code, text)

    def set_justification(self, balance_id, code, text, expected_version=None):
        return self._entry(balance_id, "justifications", code, text)

    def _weight(self, balance_id, name, code, weight, justification):
        self._entry(balance_id, "justifications", code, justification)
        return self._entry(balance_id, name, code, weight)

    def set_theme_weight(self, balance_id, code, weight, justification="", expected_version=None):
        return self._weight(balance_id, "weights", code, weight, justification)

    def set_aspect_weight(self, balance_id, code, weight, justification="", expected_version=None):
        return self._weight(balance_id, "aspect_weights", code, weight, justification)

    def set_stakeholder_weight(self, balance_id, code, weight, justification="", expected_version=None):
        return self._weight(balance_id, "stakeholder_weights", code, weight, justification)

    def set_company_facts(self, balance_id, facts, expected_version=None):
        return self._change(balance_id, company=facts)

    def get_tax_schedule(self, balance_id):
        return self.schedules.get(balance_id) or ecg_vat_example()

    def set_tax_schedule(self, balance_id, schedule, expected_version=None):
        if schedule is not None:
            problems = validate_schedule(schedule)
            if problems:
                raise InputError(problems)
        self.schedules[balance_id] = schedule
        return self._change(balance_id)

    # ---- evidence
    def attach_evidence(self, balance_id, codes, path, description=""):
        data = Path(path).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        shutil.copyfile(path, self.vault / sha)
        evidence = list(self.balances[balance_id].evidence)
        for i, ref in enumerate(evidence):
            if ref.sha256 == sha:
                merged = tuple(dict.fromkeys((*ref.codes, *codes)))
                evidence[i] = replace(ref, codes=merged)
                self._change(balance_id, evidence=tuple(evidence))
                return evidence[i]
        ref = EvidenceRef(sha, Path(path).name, len(data), tuple(codes), description, datetime(2025, 3, 1))
        self.known[sha] = ref
        self._change(balance_id, evidence=(*evidence, ref))
        return ref

    def link_evidence(self, balance_id, sha256, code, description=None):
        evidence = list(self.balances[balance_id].evidence)
        for i, ref in enumerate(evidence):
            if ref.sha256 == sha256:
                evidence[i] = replace(ref, codes=tuple(dict.fromkeys((*ref.codes, code))))
                break
        else:
            evidence.append(replace(self.known[sha256], codes=(code,)))
        self._change(balance_id, evidence=tuple(evidence))

    def unlink_evidence(self, balance_id, sha256, code=None):
        evidence = []
        for ref in self.balances[balance_id].evidence:
            if ref.sha256 != sha256:
                evidence.append(ref)
                continue
            codes = () if code is None else tuple(c for c in ref.codes if c != code)
            if codes:
                evidence.append(replace(ref, codes=codes))
        self._change(balance_id, evidence=tuple(evidence))

    def evidence_file(self, sha256):
        return self.vault / sha256

    def verify_evidence(self, balance_id=None, progress=None):
        refs = self.balances[balance_id].evidence
        checks = []
        for i, ref in enumerate(refs):
            path = self.vault / ref.sha256
            if not path.exists():
                status = "missing"
            elif hashlib.sha256(path.read_bytes()).hexdigest() != ref.sha256:
                status = "changed"
            else:
                status = "ok"
            checks.append(EvidenceCheck(ref.sha256, ref.name, status, (balance_id,)))
            if progress:
                progress(i + 1, len(refs))
        return checks

    # ---- workflow
    def record_audit(self, balance_id, kind, auditor, audit_date: date):
        audit = AuditInfo("audited", kind, auditor, audit_date, audit_date.replace(year=audit_date.year + 2))
        self._change(balance_id, audit=audit)
        self.infos[balance_id] = replace(self.infos[balance_id], locked=True, status="audited", audit_kind=kind)

    def new_revision(self, balance_id):
        old = self.balances[balance_id]
        new_id = self.import_balance(old.with_changes(audit=AuditInfo()))
        self.infos[new_id] = replace(self.infos[new_id], revision=self.infos[balance_id].revision + 1)
        return new_id

    def score(self, balance_id, basis="self"):
        from ecg_desktop.scoring import score

        return score(self.get_balance(balance_id), basis=basis)

    def close(self):
        pass
