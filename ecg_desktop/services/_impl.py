"""The implementation behind BalanceService: rows <-> domain objects, rules, change log.

Each public method opens exactly one write transaction (or one read snapshot). An edit reads
the stored Balance, builds the candidate with the change, validates it with
balance.validate (the rules exist once), writes only what differs and logs each changed
field with its old and new value.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ecg_desktop import paths
from ecg_desktop.balance.json_format import (
    ORGANISATION_FIELDS,
    Reader,
    balance_to_data,
    decimal_text,
    dumps,
    parse_json_text,
)
from ecg_desktop.balance.model import (
    AUDIT_KINDS,
    AuditInfo,
    Balance,
    CompanyFacts,
    EvidenceRef,
    Organisation,
    Period,
)
from ecg_desktop.balance.validate import STAKEHOLDER_CODES, validate_balance
from ecg_desktop.errors import InputError, Location, Problem
from ecg_desktop.evidence.vault import DatabaseVault, FolderVault, Vault, is_sha256, safe_name
from ecg_desktop.matrix import load_matrix
from ecg_desktop.services.balance_service import (
    BalanceInfo,
    ChangeEntry,
    ConcurrentEditError,
    EvidenceCheck,
    LockedError,
    LogCheck,
    NotFoundError,
    OrganisationInfo,
    ServiceError,
)
from ecg_desktop.storage import changelog
from ecg_desktop.storage.db import SQLITE_NAME, Database, open_database, sqlite_url
from ecg_desktop.storage.models import (
    BalanceRow,
    ChangeLogRow,
    EvidenceFileRow,
    EvidenceItemRow,
    EvidenceLinkRow,
    OrganisationRow,
    RatingRow,
    ReportingPeriodRow,
    SettingRow,
)

MAP_SECTIONS = (
    "weights",
    "stakeholder_weights",
    "aspect_weights",
    "ratings",
    "justifications",
    "reasoning",
    "auditor_ratings",
    "auditor_comments",
)
DECIMAL_SECTIONS = frozenset({"weights", "stakeholder_weights", "aspect_weights", "ratings", "auditor_ratings"})
WEIGHT_SECTIONS = ("weights", "stakeholder_weights", "aspect_weights")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _txt(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value)


def _value_text(value: Any) -> str:
    return value if isinstance(value, str) else dumps(value, indent=None)


def default_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def plus_two_years(day: date) -> date:
    try:
        return day.replace(year=day.year + 2)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 2, day=28)


def next_period(period: Period) -> Period:
    """The period after `period`, of the same length (whole calendar years stay whole years)."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        years = period.end.year - period.start.year + 1
        return Period(date(period.start.year + years, 1, 1), date(period.end.year + years, 12, 31))
    start = period.end + timedelta(days=1)
    return Period(start, start + (period.end - period.start))


# ---- company facts as exact JSON text


def facts_to_text(facts: CompanyFacts) -> str:
    return dumps(balance_to_data(Balance(matrix="", company=facts), full=False)["company"], indent=None)


def facts_from_text(text: str) -> CompanyFacts:
    from ecg_desktop.balance.json_format import _company

    reader = Reader()
    facts = _company(reader, parse_json_text(text))
    if reader.problems:  # only possible when the row was edited by hand
        raise InputError(reader.problems)
    return facts


def flatten(balance: Balance) -> dict[str, str]:
    """Every user-entered value of a balance as field path -> text (what the change log compares)."""
    data = balance_to_data(balance, full=True)
    out: dict[str, str] = {}
    if "calculator_version" in data:
        out["calculator_version"] = data["calculator_version"]
    if "period" in data:
        out["period.start"] = data["period"]["start"]
        out["period.end"] = data["period"]["end"]
    for key, value in data["company"].items():
        out[f"company.{key}"] = _value_text(value)
    for name in MAP_SECTIONS:
        for code, value in data.get(name, {}).items():
            out[f"{name}.{code}"] = _value_text(value)
    return out


def _clean_maps(balance: Balance) -> Balance:
    """Empty texts mean "nothing entered": drop them so storage and export agree."""
    changes: dict[str, Any] = {}
    for name in ("justifications", "reasoning", "auditor_comments"):
        value = getattr(balance, name)
        if any(not text.strip() for text in value.values()):
            changes[name] = {k: v for k, v in value.items() if v.strip()}
    return balance.with_changes(**changes) if changes else balance


class ServiceCore:
    """State of one open store: database, vault, user; see BalanceService for the contract."""

    def __init__(self, db: Database, vault: Vault, folder: Path, team_mode: bool, user: str) -> None:
        self.db = db
        self.vault = vault
        self.folder = folder
        self.team_mode = team_mode
        self.user = user

    @classmethod
    def open(cls, data_dir: str | Path | None, database_url: str | None, user: str | None) -> ServiceCore:
        url = database_url or os.environ.get(paths.DATABASE_URL_ENV) or None
        folder = paths.data_dir(data_dir)
        vault: Vault
        if url:
            from sqlalchemy.engine import make_url

            parsed = make_url(url)
            sqlite_path = (
                Path(parsed.database)
                if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:"
                else None
            )
            db = open_database(url, sqlite_path)
            vault = DatabaseVault()
            team = True
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / SQLITE_NAME
            db = open_database(sqlite_url(path), path)
            vault = FolderVault(folder / "evidence")
            team = False
        return cls(db, vault, folder, team, (user or "").strip() or default_user())

    def close(self) -> None:
        self.db.dispose()

    @property
    def location(self) -> str:
        return self.db.location

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        with self.db.write() as session:
            yield session

    def log(self, session: Session, action: str, **fields: Any) -> None:
        changelog.append(session, self.user, action, **fields)

    # ---- organisations

    def list_organisations(self, include_archived: bool) -> list[OrganisationInfo]:
        counts = (
            select(BalanceRow.organisation_id, func.count(BalanceRow.id).label("n"))
            .group_by(BalanceRow.organisation_id)
            .subquery()
        )
        query = (
            select(OrganisationRow.id, OrganisationRow.name, OrganisationRow.archived, counts.c.n)
            .outerjoin(counts, counts.c.organisation_id == OrganisationRow.id)
            .order_by(func.lower(OrganisationRow.name), OrganisationRow.id)
        )
        if not include_archived:
            query = query.where(OrganisationRow.archived.is_(False))
        with self.read() as s:
            return [OrganisationInfo(r[0], r[1], bool(r[2]), int(r[3] or 0)) for r in s.execute(query)]

    @staticmethod
    def _check_organisation(organisation: Organisation) -> None:
        if not organisation.name.strip():
            raise InputError([Problem("empty_name", Location(field="organisation.name"))])

    def _add_organisation(self, s: Session, organisation: Organisation) -> OrganisationRow:
        self._check_organisation(organisation)
        now = utcnow()
        row = OrganisationRow(
            **{name: getattr(organisation, name).strip() for name in ORGANISATION_FIELDS},
            archived=False,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        data = {k: getattr(organisation, k) for k in ORGANISATION_FIELDS if getattr(organisation, k)}
        self.log(s, "create_organisation", organisation_id=row.id, new=dumps(data, indent=None))
        return row

    def create_organisation(self, organisation: Organisation) -> int:
        with self.write() as s:
            return self._add_organisation(s, organisation).id

    def _organisation_row(self, s: Session, organisation_id: int) -> OrganisationRow:
        row = s.get(OrganisationRow, organisation_id)
        if row is None:
            raise NotFoundError("organisation", organisation_id)
        return row

    @staticmethod
    def _organisation_of(row: OrganisationRow) -> Organisation:
        return Organisation(**{name: getattr(row, name) or "" for name in ORGANISATION_FIELDS})

    def get_organisation(self, organisation_id: int) -> Organisation:
        with self.read() as s:
            return self._organisation_of(self._organisation_row(s, organisation_id))

    def update_organisation(self, organisation_id: int, organisation: Organisation) -> None:
        self._check_organisation(organisation)
        with self.write() as s:
            row = self._organisation_row(s, organisation_id)
            changed = False
            for name in ORGANISATION_FIELDS:
                old, new = getattr(row, name) or "", getattr(organisation, name).strip()
                if old != new:
                    setattr(row, name, new)
                    self.log(
                        s,
                        "update_organisation",
                        organisation_id=row.id,
                        field=f"organisation.{name}",
                        old=old,
                        new=new,
                    )
                    changed = True
            if changed:
                row.updated_at = utcnow()

    def archive_organisation(self, organisation_id: int, archived: bool) -> None:
        with self.write() as s:
            row = self._organisation_row(s, organisation_id)
            if bool(row.archived) != archived:
                self.log(
                    s,
                    "archive_organisation",
                    organisation_id=row.id,
                    field="archived",
                    old=json.dumps(bool(row.archived)),
                    new=json.dumps(archived),
                )
                row.archived = archived
                row.updated_at = utcnow()

    def delete_organisation(self, organisation_id: int) -> None:
        with self.write() as s:
            row = self._organisation_row(s, organisation_id)
            locked = s.execute(
                select(func.count(BalanceRow.id)).where(
                    BalanceRow.organisation_id == organisation_id, BalanceRow.locked.is_(True)
                )
            ).scalar_one()
            if locked:
                raise ServiceError("store_audited_children", id=organisation_id)
            balance_ids = list(
                s.execute(select(BalanceRow.id).where(BalanceRow.organisation_id == organisation_id)).scalars()
            )
            self._delete_balance_rows(s, balance_ids)
            s.execute(delete(ReportingPeriodRow).where(ReportingPeriodRow.organisation_id == organisation_id))
            self.log(s, "delete_organisation", organisation_id=organisation_id, old=row.name)
            s.delete(row)

    # ---- balances: reading

    def _balance_row(self, s: Session, balance_id: int, *, for_update: bool = False) -> BalanceRow:
        row = s.get(BalanceRow, balance_id, with_for_update={"of": BalanceRow.__table__} if for_update else None)
        if row is None:
            raise NotFoundError("balance", balance_id)
        return row

    def _editable(self, s: Session, balance_id: int, expected_version: int | None) -> BalanceRow:
        """The row, write-locked; refuses locked balances and stale versions."""
        row = self._balance_row(s, balance_id, for_update=True)
        if row.locked:
            raise LockedError(balance_id)
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentEditError(
                balance_id,
                row.updated_by,
                _aware(row.updated_at).astimezone(),
                row.version,
                expected_version,
            )
        return row

    def _read_balance(self, s: Session, row: BalanceRow) -> Balance:
        matrix = load_matrix(row.matrix)
        theme_codes = {t.code for t in matrix.themes}
        maps: dict[str, dict[str, Any]] = {name: {} for name in MAP_SECTIONS}
        for r in s.execute(select(RatingRow).where(RatingRow.balance_id == row.id)).scalars():
            if r.level is not None:
                maps["ratings"][r.code] = Decimal(r.level)
            if r.reasoning:
                maps["reasoning"][r.code] = r.reasoning
            if r.auditor_level is not None:
                maps["auditor_ratings"][r.code] = Decimal(r.auditor_level)
            if r.auditor_comment:
                maps["auditor_comments"][r.code] = r.auditor_comment
            if r.justification:
                maps["justifications"][r.code] = r.justification
            if r.weight is not None:
                section = (
                    "weights"
                    if r.code in theme_codes and matrix.family == "5"
                    else "stakeholder_weights"
                    if r.code in STAKEHOLDER_CODES
                    else "aspect_weights"
                )
                maps[section][r.code] = Decimal(r.weight)
        period_row = row.period
        period = (
            Period(period_row.start_date, period_row.end_date)
            if period_row.start_date is not None and period_row.end_date is not None
            else None
        )
        return Balance(
            matrix=row.matrix,
            type=row.type,
            organisation=self._organisation_of(row.organisation),
            period=period,
            company=facts_from_text(period_row.company_facts or "{}"),
            calculator_version=row.calculator_version,
            audit=AuditInfo(
                status=row.status,
                kind=row.audit_kind,
                auditor=row.auditor or "",
                audit_date=row.audit_date,
                valid_until=row.valid_until,
            ),
            evidence=self._evidence_refs(s, row.id),
            **{name: _sorted(maps[name]) for name in MAP_SECTIONS},
        )

    def _evidence_refs(self, s: Session, balance_id: int) -> tuple[EvidenceRef, ...]:
        items = s.execute(
            select(EvidenceItemRow, EvidenceFileRow)
            .join(EvidenceFileRow, EvidenceFileRow.sha256 == EvidenceItemRow.sha256)
            .where(EvidenceItemRow.balance_id == balance_id)
            .order_by(EvidenceItemRow.id)
        ).all()
        if not items:
            return ()
        codes: dict[int, list[str]] = {}
        for link in s.execute(
            select(EvidenceLinkRow).where(EvidenceLinkRow.item_id.in_([item.id for item, _f in items]))
        ).scalars():
            codes.setdefault(link.item_id, []).append(link.code)
        from ecg_desktop.balance.json_format import _code_key

        return tuple(
            EvidenceRef(
                sha256=item.sha256,
                name=file.name,
                size=int(file.size),
                codes=tuple(sorted(codes.get(item.id, []), key=_code_key)),
                description=item.description or "",
                added_at=_aware(item.added_at),
            )
            for item, file in items
        )

    def get_balance(self, balance_id: int) -> Balance:
        with self.read() as s:
            return self._read_balance(s, self._balance_row(s, balance_id))

    def _info_query(self) -> Any:
        return (
            select(
                BalanceRow.id,
                BalanceRow.organisation_id,
                OrganisationRow.name,
                BalanceRow.matrix,
                BalanceRow.type,
                ReportingPeriodRow.start_date,
                ReportingPeriodRow.end_date,
                BalanceRow.status,
                BalanceRow.audit_kind,
                BalanceRow.locked,
                BalanceRow.revision,
                BalanceRow.version,
                BalanceRow.updated_at,
                BalanceRow.updated_by,
            )
            .join(OrganisationRow, OrganisationRow.id == BalanceRow.organisation_id)
            .join(ReportingPeriodRow, ReportingPeriodRow.id == BalanceRow.period_id)
        )

    @staticmethod
    def _info(r: Any) -> BalanceInfo:
        period = Period(r[5], r[6]) if r[5] is not None and r[6] is not None else None
        return BalanceInfo(
            id=r[0],
            organisation_id=r[1],
            organisation_name=r[2],
            matrix=r[3],
            type=r[4],
            period=period,
            status=r[7],
            audit_kind=r[8],
            locked=bool(r[9]),
            revision=r[10],
            version=r[11],
            updated_at=_aware(r[12]),
            updated_by=r[13] or "",
        )

    def list_balances(self, organisation_id: int | None) -> list[BalanceInfo]:
        query = self._info_query().order_by(
            func.lower(OrganisationRow.name),
            BalanceRow.organisation_id,
            ReportingPeriodRow.start_date,
            BalanceRow.revision,
            BalanceRow.id,
        )
        if organisation_id is not None:
            query = query.where(BalanceRow.organisation_id == organisation_id)
        with self.read() as s:
            return [self._info(r) for r in s.execute(query)]

    def balance_info(self, balance_id: int) -> BalanceInfo:
        with self.read() as s:
            r = s.execute(self._info_query().where(BalanceRow.id == balance_id)).first()
            if r is None:
                raise NotFoundError("balance", balance_id)
            return self._info(r)

    def previous_balance(self, balance_id: int) -> int | None:
        with self.read() as s:
            row = self._balance_row(s, balance_id)
            start = row.period.start_date
            if start is None:
                return None
            return s.execute(
                select(BalanceRow.id)
                .join(ReportingPeriodRow, ReportingPeriodRow.id == BalanceRow.period_id)
                .where(
                    BalanceRow.organisation_id == row.organisation_id,
                    ReportingPeriodRow.end_date < start,
                )
                .order_by(ReportingPeriodRow.end_date.desc(), BalanceRow.revision.desc(), BalanceRow.id.desc())
                .limit(1)
            ).scalar()

    # ---- balances: writing

    @staticmethod
    def _validate(balance: Balance) -> None:
        problems = [p for p in validate_balance(balance) if p.severity == "error"]
        if balance.period is not None and balance.period.end < balance.period.start:
            problems.append(
                Problem(
                    "period_order",
                    Location(field="period.end"),
                    {"start": balance.period.start.isoformat(), "end": balance.period.end.isoformat()},
                )
            )
        if problems:
            raise InputError(problems)

    def _store_content(self, s: Session, row: BalanceRow, balance: Balance) -> None:
        """Write period, facts, calculator version and every per-code entry (only what differs)."""
        period = row.period
        start = balance.period.start if balance.period else None
        end = balance.period.end if balance.period else None
        if (period.start_date, period.end_date) != (start, end):
            period.start_date, period.end_date = start, end
        facts = facts_to_text(balance.company)
        if period.company_facts != facts:
            period.company_facts = facts
        if row.calculator_version != balance.calculator_version:
            row.calculator_version = balance.calculator_version
        wanted: dict[str, dict[str, Any]] = {}

        def entry(code: str) -> dict[str, Any]:
            return wanted.setdefault(
                code,
                {
                    "level": None,
                    "reasoning": "",
                    "auditor_level": None,
                    "auditor_comment": "",
                    "weight": None,
                    "justification": "",
                },
            )

        for code, value in balance.ratings.items():
            entry(code)["level"] = _txt(value)
        for code, value in balance.auditor_ratings.items():
            entry(code)["auditor_level"] = _txt(value)
        for name in WEIGHT_SECTIONS:
            for code, value in getattr(balance, name).items():
                entry(code)["weight"] = _txt(value)
        for name, column in (
            ("reasoning", "reasoning"),
            ("auditor_comments", "auditor_comment"),
            ("justifications", "justification"),
        ):
            for code, text in getattr(balance, name).items():
                if text.strip():
                    entry(code)[column] = text
        existing = {r.code: r for r in s.execute(select(RatingRow).where(RatingRow.balance_id == row.id)).scalars()}
        for code, columns in wanted.items():
            current = existing.pop(code, None)
            if current is None:
                s.add(RatingRow(balance_id=row.id, code=code, **columns))
                continue
            for column, value in columns.items():
                if getattr(current, column) != value:
                    setattr(current, column, value)
        for stale in existing.values():
            s.delete(stale)

    def _touch(self, row: BalanceRow) -> int:
        row.version += 1
        row.updated_at = utcnow()
        row.updated_by = self.user
        return row.version

    def _commit_edit(self, s: Session, row: BalanceRow, old: Balance, new: Balance, action: str) -> int:
        new = _clean_maps(new)
        self._validate(new)
        before, after = flatten(old), flatten(new)
        changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
        if not changed:
            return row.version
        self._store_content(s, row, new)
        for key in changed:
            self.log(
                s,
                action,
                balance_id=row.id,
                organisation_id=row.organisation_id,
                field=key,
                old=before.get(key),
                new=after.get(key),
            )
        return self._touch(row)

    def set_entry(self, balance_id: int, section: str, code: str, value: Any, expected: int | None) -> int:
        with self.write() as s:
            row = self._editable(s, balance_id, expected)
            old = self._read_balance(s, row)
            values = dict(getattr(old, section))
            if value is None or (isinstance(value, str) and not value.strip()):
                values.pop(code, None)
            else:
                values[code] = value
            return self._commit_edit(s, row, old, old.with_changes(**{section: values}), f"set_{section}")

    def set_weight(
        self, balance_id: int, section: str, code: str, weight: Decimal | None, justification: str, expected: int | None
    ) -> int:
        with self.write() as s:
            row = self._editable(s, balance_id, expected)
            old = self._read_balance(s, row)
            weights = dict(getattr(old, section))
            reasons = dict(old.justifications)
            if weight is None:
                weights.pop(code, None)
                if not justification.strip():
                    reasons.pop(code, None)
            else:
                weights[code] = weight
            if justification.strip():
                reasons[code] = justification
            new = old.with_changes(**{section: weights, "justifications": reasons})
            return self._commit_edit(s, row, old, new, f"set_{section}")

    def set_fields(self, balance_id: int, fields: Mapping[str, Any], expected: int | None) -> int:
        with self.write() as s:
            row = self._editable(s, balance_id, expected)
            old = self._read_balance(s, row)
            action = "set_" + "_".join(fields)
            return self._commit_edit(s, row, old, old.with_changes(**fields), action)

    def _new_balance_row(
        self,
        s: Session,
        organisation_id: int,
        balance: Balance,
        *,
        revision: int = 1,
        previous_revision_id: int | None = None,
        tax_schedule: str | None = None,
    ) -> BalanceRow:
        now = utcnow()
        period = ReportingPeriodRow(
            organisation_id=organisation_id,
            start_date=balance.period.start if balance.period else None,
            end_date=balance.period.end if balance.period else None,
            company_facts=facts_to_text(balance.company),
        )
        s.add(period)
        s.flush()
        audit = balance.audit
        row = BalanceRow(
            organisation_id=organisation_id,
            period_id=period.id,
            matrix=balance.matrix,
            type=balance.type,
            calculator_version=balance.calculator_version,
            status=audit.status,
            audit_kind=audit.kind,
            auditor=audit.auditor,
            audit_date=audit.audit_date,
            valid_until=audit.valid_until,
            locked=audit.status == "audited",
            revision=revision,
            previous_revision_id=previous_revision_id,
            tax_schedule=tax_schedule,
            version=1,
            created_at=now,
            updated_at=now,
            updated_by=self.user,
        )
        s.add(row)
        s.flush()
        s.refresh(row)
        self._store_content(s, row, balance)
        return row

    def create_balance(self, organisation_id: int, matrix: str, balance_type: str, period: Period | None) -> int:
        balance = Balance(matrix=matrix, type=balance_type, period=period)
        self._validate(balance)
        with self.write() as s:
            org = self._organisation_row(s, organisation_id)
            row = self._new_balance_row(s, org.id, balance.with_changes(organisation=self._organisation_of(org)))
            self.log(
                s,
                "create_balance",
                balance_id=row.id,
                organisation_id=org.id,
                new=dumps(balance_to_data(balance, full=False), indent=None),
            )
            return row.id

    def _check_evidence_refs(self, s: Session, balance: Balance, index: int, count: int) -> list[Problem]:
        problems = []
        for i, ref in enumerate(balance.evidence):
            if not is_sha256(ref.sha256) or s.get(EvidenceFileRow, ref.sha256) is None:
                where = f"balances[{index}].evidence[{i}]" if count > 1 else f"evidence[{i}]"
                problems.append(
                    Problem("evidence_not_in_vault", Location(field=where), {"name": ref.name, "sha256": ref.sha256})
                )
        return problems

    def _link_refs(self, s: Session, row: BalanceRow, refs: tuple[EvidenceRef, ...]) -> None:
        for ref in refs:
            item = s.execute(
                select(EvidenceItemRow).where(
                    EvidenceItemRow.balance_id == row.id, EvidenceItemRow.sha256 == ref.sha256
                )
            ).scalar()
            if item is None:
                item = EvidenceItemRow(
                    balance_id=row.id, sha256=ref.sha256, description=ref.description, added_at=ref.added_at or utcnow()
                )
                s.add(item)
                s.flush()
            have = set(s.execute(select(EvidenceLinkRow.code).where(EvidenceLinkRow.item_id == item.id)).scalars())
            for code in ref.codes:
                if code not in have:
                    s.add(EvidenceLinkRow(item_id=item.id, code=code))
                    have.add(code)

    def import_many(self, balances: list[tuple[int | None, Balance]], organisation_id: int | None) -> list[int]:
        cleaned = [(target, _clean_maps(balance)) for target, balance in balances]
        problems: list[Problem] = []
        for index, (_target, balance) in enumerate(cleaned):
            try:
                self._validate(balance)
            except InputError as exc:
                prefix = f"balances[{index}]." if len(cleaned) > 1 else ""
                problems.extend(
                    Problem(p.code, Location(p.location.file, field=prefix + (p.location.field or "")), p.params)
                    for p in exc.problems
                )
        if problems:
            raise InputError(problems)
        ids: list[int] = []
        with self.write() as s:
            for index, (_target, balance) in enumerate(cleaned):
                problems.extend(self._check_evidence_refs(s, balance, index, len(cleaned)))
            if problems:
                raise InputError(problems)
            for target, balance in cleaned:
                if target is not None:
                    row = self._editable(s, target, None)
                    self._replace(s, row, balance, "import_replace")
                    ids.append(row.id)
                    continue
                org_id = organisation_id
                if org_id is None:
                    found = s.execute(
                        select(OrganisationRow.id)
                        .where(
                            OrganisationRow.name == balance.organisation.name.strip(),
                            OrganisationRow.archived.is_(False),
                        )
                        .order_by(OrganisationRow.id)
                        .limit(1)
                    ).scalar()
                    org_id = found if found is not None else self._add_organisation(s, balance.organisation).id
                else:
                    self._organisation_row(s, org_id)
                row = self._new_balance_row(s, org_id, balance)
                self._link_refs(s, row, balance.evidence)
                self.log(
                    s,
                    "import_balance",
                    balance_id=row.id,
                    organisation_id=org_id,
                    new=dumps(balance_to_data(balance, full=True), indent=None),
                )
                ids.append(row.id)
        return ids

    def _replace(self, s: Session, row: BalanceRow, balance: Balance, action: str) -> int:
        old = self._read_balance(s, row)
        if (balance.matrix, balance.type) != (old.matrix, old.type):
            raise ServiceError(
                "store_matrix_mismatch",
                found=balance.matrix,
                found_type=balance.type,
                id=row.id,
                matrix=old.matrix,
                type=old.type,
            )
        new = old.with_changes(
            period=balance.period,
            company=balance.company,
            calculator_version=balance.calculator_version,
            **{name: dict(getattr(balance, name)) for name in MAP_SECTIONS},
        )
        return self._commit_edit(s, row, old, new, action)

    def replace_content(self, balance_id: int, balance: Balance, expected: int | None) -> None:
        with self.write() as s:
            self._replace(s, self._editable(s, balance_id, expected), balance, "replace_content")

    def _copy(
        self, s: Session, row: BalanceRow, period: Period | None, revision: int, previous: int | None
    ) -> BalanceRow:
        source = self._read_balance(s, row)
        copy = source.with_changes(
            period=period,
            auditor_ratings={},
            auditor_comments={},
            audit=AuditInfo(status="draft", kind=source.audit.kind),
        )
        new = self._new_balance_row(
            s,
            row.organisation_id,
            copy,
            revision=revision,
            previous_revision_id=previous,
            tax_schedule=row.tax_schedule,
        )
        self._link_refs(s, new, source.evidence)
        return new

    def copy_to_next_period(self, balance_id: int) -> int:
        with self.write() as s:
            row = self._balance_row(s, balance_id)
            if row.period.start_date is None or row.period.end_date is None:
                raise ServiceError("store_no_period", id=balance_id)
            period = next_period(Period(row.period.start_date, row.period.end_date))
            new = self._copy(s, row, period, 1, None)
            self.log(
                s,
                "copy_to_next_period",
                balance_id=new.id,
                organisation_id=row.organisation_id,
                field="period",
                old=str(balance_id),
                new=f"{period.start.isoformat()}/{period.end.isoformat()}",
            )
            return new.id

    def new_revision(self, balance_id: int) -> int:
        with self.write() as s:
            row = self._balance_row(s, balance_id)
            if not row.locked:
                raise ServiceError("store_not_locked", id=balance_id)
            period = (
                Period(row.period.start_date, row.period.end_date)
                if row.period.start_date is not None and row.period.end_date is not None
                else None
            )
            new = self._copy(s, row, period, row.revision + 1, row.id)
            self.log(
                s,
                "new_revision",
                balance_id=new.id,
                organisation_id=row.organisation_id,
                field="revision",
                old=f"{balance_id}:{row.revision}",
                new=str(row.revision + 1),
            )
            return new.id

    def _delete_balance_rows(self, s: Session, balance_ids: list[int]) -> None:
        if not balance_ids:
            return
        # Explicit deletes (not only ON DELETE CASCADE) so it also holds where foreign keys are off.
        items = select(EvidenceItemRow.id).where(EvidenceItemRow.balance_id.in_(balance_ids))
        s.execute(delete(EvidenceLinkRow).where(EvidenceLinkRow.item_id.in_(items)))
        s.execute(delete(EvidenceItemRow).where(EvidenceItemRow.balance_id.in_(balance_ids)))
        s.execute(delete(RatingRow).where(RatingRow.balance_id.in_(balance_ids)))
        s.execute(
            BalanceRow.__table__.update()
            .where(BalanceRow.previous_revision_id.in_(balance_ids))
            .values(previous_revision_id=None)
        )
        period_ids = list(s.execute(select(BalanceRow.period_id).where(BalanceRow.id.in_(balance_ids))).scalars())
        s.execute(delete(BalanceRow).where(BalanceRow.id.in_(balance_ids)))
        s.execute(delete(ReportingPeriodRow).where(ReportingPeriodRow.id.in_(period_ids)))
        s.expire_all()

    def delete_balance(self, balance_id: int) -> None:
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            if row.status == "audited":
                raise LockedError(balance_id)
            org_id = row.organisation_id
            self._delete_balance_rows(s, [balance_id])
            self.log(s, "delete_balance", balance_id=balance_id, organisation_id=org_id)

    # ---- tax schedule and settings

    def get_tax_schedule(self, balance_id: int) -> Any:
        from ecg_desktop.scoring.tax import DEFAULT_SCHEDULE, PRESETS, schedule_from_data

        with self.read() as s:
            row = self._balance_row(s, balance_id)
            if row.tax_schedule:
                return schedule_from_data(parse_json_text(row.tax_schedule))
        return PRESETS[DEFAULT_SCHEDULE]()

    def set_tax_schedule(self, balance_id: int, schedule: Any, expected: int | None) -> int:
        from ecg_desktop.scoring.tax import schedule_to_data, validate_schedule

        text = None
        if schedule is not None:
            problems = validate_schedule(schedule)
            if problems:
                raise InputError(problems)
            text = dumps(schedule_to_data(schedule), indent=None)
        with self.write() as s:
            row = self._editable(s, balance_id, expected)
            if row.tax_schedule == text:
                return row.version
            self.log(
                s,
                "set_tax_schedule",
                balance_id=row.id,
                organisation_id=row.organisation_id,
                field="tax_schedule",
                old=row.tax_schedule,
                new=text,
            )
            row.tax_schedule = text
            return self._touch(row)

    def get_setting(self, key: str, default: str | None) -> str | None:
        with self.read() as s:
            row = s.get(SettingRow, key)
            return row.value if row is not None else default

    def set_setting(self, key: str, value: str | None) -> None:
        with self.write() as s:
            row = s.get(SettingRow, key)
            old = row.value if row is not None else None
            if old == value:
                return
            if value is None:
                s.delete(row)
            elif row is None:
                s.add(SettingRow(key=key, value=value))
            else:
                row.value = value
            self.log(s, "set_setting", field=key, old=old, new=value)

    # ---- evidence

    def _check_codes(self, balance: Balance, codes: list[str]) -> None:
        if not codes:
            raise ServiceError("evidence_no_codes")
        probe = EvidenceRef(sha256="0" * 64, name="", size=0, codes=tuple(codes))
        problems = [
            p
            for p in validate_balance(balance.with_changes(evidence=(probe,)))
            if p.location.field == "evidence[0].codes"
        ]
        if problems:
            raise InputError(problems)

    def attach_evidence(self, balance_id: int, codes: list[str], path: Path, description: str) -> EvidenceRef:
        with self.read() as s:  # fail fast, before copying a big file
            row = self._balance_row(s, balance_id)
            if row.locked:
                raise LockedError(balance_id)
            self._check_codes(self._read_balance(s, row), codes)
        sha, size = ("", 0)
        if isinstance(self.vault, FolderVault):
            sha, size = self.vault.ingest(path, None)  # type: ignore[arg-type]
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            if not isinstance(self.vault, FolderVault):
                sha, size = self.vault.ingest(path, s)
            file = s.get(EvidenceFileRow, sha)
            if file is None:
                file = EvidenceFileRow(
                    sha256=sha, name=safe_name(path.name), size=size, added_at=utcnow(), added_by=self.user
                )
                s.add(file)
                s.flush()
            self._link_refs(s, row, (EvidenceRef(sha, file.name, size, tuple(codes), description),))
            if description.strip():
                item = s.execute(
                    select(EvidenceItemRow).where(EvidenceItemRow.balance_id == row.id, EvidenceItemRow.sha256 == sha)
                ).scalar_one()
                item.description = description
            self.log(
                s,
                "attach_evidence",
                balance_id=row.id,
                organisation_id=row.organisation_id,
                field=f"evidence.{sha}",
                new=dumps({"name": file.name, "size": size, "codes": codes, "description": description}, indent=None),
            )
            self._touch(row)
            refs = {r.sha256: r for r in self._evidence_refs(s, row.id)}
            return refs[sha]

    def link_evidence(self, balance_id: int, sha256: str, code: str, description: str | None) -> None:
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            self._check_codes(self._read_balance(s, row), [code])
            file = s.get(EvidenceFileRow, sha256) if is_sha256(sha256) else None
            if file is None:
                raise NotFoundError("evidence file", sha256)
            self._link_refs(s, row, (EvidenceRef(sha256, file.name, file.size, (code,), description or ""),))
            if description is not None:
                item = s.execute(
                    select(EvidenceItemRow).where(
                        EvidenceItemRow.balance_id == row.id, EvidenceItemRow.sha256 == sha256
                    )
                ).scalar_one()
                item.description = description
            self.log(
                s,
                "link_evidence",
                balance_id=row.id,
                organisation_id=row.organisation_id,
                field=f"evidence.{sha256}",
                new=code,
            )
            self._touch(row)

    def unlink_evidence(self, balance_id: int, sha256: str, code: str | None) -> None:
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            item = s.execute(
                select(EvidenceItemRow).where(EvidenceItemRow.balance_id == row.id, EvidenceItemRow.sha256 == sha256)
            ).scalar()
            if item is None:
                raise NotFoundError("evidence file", sha256)
            links = set(s.execute(select(EvidenceLinkRow.code).where(EvidenceLinkRow.item_id == item.id)).scalars())
            if code is not None:
                if code not in links:
                    raise NotFoundError("evidence link", f"{sha256[:12]}… {code}")
                s.execute(
                    delete(EvidenceLinkRow).where(EvidenceLinkRow.item_id == item.id, EvidenceLinkRow.code == code)
                )
                links.discard(code)
            if code is None or not links:
                s.execute(delete(EvidenceLinkRow).where(EvidenceLinkRow.item_id == item.id))
                s.delete(item)
            self.log(
                s,
                "unlink_evidence",
                balance_id=row.id,
                organisation_id=row.organisation_id,
                field=f"evidence.{sha256}",
                old=code or "*",
            )
            self._touch(row)

    def evidence_file(self, sha256: str) -> Path:
        with self.read() as s:
            file = s.get(EvidenceFileRow, sha256) if is_sha256(sha256) else None
            if file is None:
                raise NotFoundError("evidence file", sha256)
            return self.vault.readable_path(sha256, file.name, s, self.folder / "open")

    def verify_evidence(
        self, balance_id: int | None, progress: Callable[[int, int], None] | None
    ) -> list[EvidenceCheck]:
        with self.read() as s:
            if balance_id is not None:
                self._balance_row(s, balance_id)
            query = select(EvidenceFileRow.sha256, EvidenceFileRow.name).order_by(EvidenceFileRow.name)
            if balance_id is not None:
                query = query.where(
                    EvidenceFileRow.sha256.in_(
                        select(EvidenceItemRow.sha256).where(EvidenceItemRow.balance_id == balance_id)
                    )
                )
            files = s.execute(query).all()
            users: dict[str, list[int]] = {}
            for sha, bid in s.execute(select(EvidenceItemRow.sha256, EvidenceItemRow.balance_id)):
                users.setdefault(sha, []).append(bid)
            results = []
            for index, (sha, name) in enumerate(files):
                if progress:
                    progress(index, len(files))
                results.append(EvidenceCheck(sha, name, self.vault.status(sha, s), tuple(sorted(users.get(sha, [])))))
            if progress:
                progress(len(files), len(files))
            return results

    def unreferenced_evidence(self) -> list[EvidenceRef]:
        with self.read() as s:
            rows = s.execute(
                select(EvidenceFileRow)
                .where(~EvidenceFileRow.sha256.in_(select(EvidenceItemRow.sha256)))
                .order_by(EvidenceFileRow.name)
            ).scalars()
            return [EvidenceRef(r.sha256, r.name, int(r.size), (), "", _aware(r.added_at)) for r in rows]

    def purge_evidence(self, sha256: str, confirm: bool) -> None:
        with self.write() as s:
            file = s.get(EvidenceFileRow, sha256) if is_sha256(sha256) else None
            if file is None:
                raise NotFoundError("evidence file", sha256)
            users = sorted(
                set(s.execute(select(EvidenceItemRow.balance_id).where(EvidenceItemRow.sha256 == sha256)).scalars())
            )
            if users:
                raise ServiceError("evidence_in_use", name=file.name, balances=", ".join(map(str, users)))
            if not confirm:
                raise ServiceError("evidence_confirm", name=file.name)
            self.log(s, "purge_evidence", field=f"evidence.{sha256}", old=file.name)
            s.delete(file)
            if not isinstance(self.vault, FolderVault):
                self.vault.remove(sha256, s)
        if isinstance(self.vault, FolderVault):
            self.vault.remove(sha256, None)  # type: ignore[arg-type]

    # ---- workflow

    def _set_status(self, s: Session, row: BalanceRow, status: str) -> None:
        self.log(
            s,
            "set_status",
            balance_id=row.id,
            organisation_id=row.organisation_id,
            field="audit.status",
            old=row.status,
            new=status,
        )
        row.status = status

    def submit_for_review(self, balance_id: int) -> None:
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            if row.status != "draft":
                raise ServiceError("store_status_order", id=balance_id, status=row.status, needed="draft")
            self._set_status(s, row, "in_review")
            self._touch(row)

    def return_to_draft(self, balance_id: int) -> None:
        with self.write() as s:
            row = self._editable(s, balance_id, None)
            if row.status != "in_review":
                raise ServiceError("store_status_order", id=balance_id, status=row.status, needed="in_review")
            self._set_status(s, row, "draft")
            self._touch(row)

    def _audit(self, s: Session, row: BalanceRow, kind: str, auditor: str, audit_date: date) -> None:
        if kind not in AUDIT_KINDS:
            raise InputError(
                [
                    Problem(
                        "out_of_range",
                        Location(field="audit.kind"),
                        {"value": kind, "low": AUDIT_KINDS[0], "high": AUDIT_KINDS[-1]},
                    )
                ]
            )
        if not auditor.strip():
            raise InputError([Problem("empty_name", Location(field="audit.auditor"))])
        if row.status != "in_review":
            raise ServiceError("store_status_order", id=row.id, status=row.status, needed="in_review")
        valid_until = plus_two_years(audit_date)
        for name, old, new in (
            ("audit.kind", row.audit_kind, kind),
            ("audit.auditor", row.auditor, auditor.strip()),
            ("audit.audit_date", row.audit_date.isoformat() if row.audit_date else None, audit_date.isoformat()),
            ("audit.valid_until", row.valid_until.isoformat() if row.valid_until else None, valid_until.isoformat()),
        ):
            if old != new:
                self.log(
                    s,
                    "record_audit",
                    balance_id=row.id,
                    organisation_id=row.organisation_id,
                    field=name,
                    old=old,
                    new=new,
                )
        row.audit_kind, row.auditor, row.audit_date, row.valid_until = kind, auditor.strip(), audit_date, valid_until
        self._set_status(s, row, "audited")
        self.log(
            s, "lock", balance_id=row.id, organisation_id=row.organisation_id, field="locked", old="false", new="true"
        )
        row.locked = True
        self._touch(row)

    def record_audit(self, balance_id: int, kind: str, auditor: str, audit_date: date) -> None:
        with self.write() as s:
            self._audit(s, self._editable(s, balance_id, None), kind, auditor, audit_date)

    def lock(self, balance_id: int, kind: str | None, auditor: str | None) -> None:
        with self.write() as s:
            row = self._balance_row(s, balance_id, for_update=True)
            if row.locked:
                return
            if row.status == "draft":
                self._set_status(s, row, "in_review")
            self._audit(s, row, kind or row.audit_kind, auditor or self.user, datetime.now().astimezone().date())

    # ---- change log

    def history(self, balance_id: int | None) -> list[ChangeEntry]:
        query = select(ChangeLogRow).order_by(ChangeLogRow.id)
        if balance_id is not None:
            query = query.where(ChangeLogRow.balance_id == balance_id)
        with self.read() as s:
            return [
                ChangeEntry(
                    id=r.id,
                    at=datetime.fromisoformat(r.at),
                    user=r.user,
                    action=r.action,
                    balance_id=r.balance_id,
                    organisation_id=r.organisation_id,
                    field=r.field,
                    old=r.old,
                    new=r.new,
                    prev_hash=r.prev_hash,
                    hash=r.hash,
                )
                for r in s.execute(query).scalars()
            ]

    def verify_log(self) -> LogCheck:
        from ecg_desktop.messages import render

        with self.read() as s:
            rows = s.execute(select(ChangeLogRow).order_by(ChangeLogRow.id).execution_options(yield_per=2000))
            try:
                result = changelog.verify_chain(rows.scalars())
            finally:
                rows.close()  # the walk may stop early: release the server-side cursor
        if result.ok:
            return LogCheck(True, result.entries)
        message = render("log_broken", {"id": result.first_broken_id, "reason": result.reason}, "en")
        return LogCheck(False, result.entries, result.first_broken_id, message)


def _sorted(values: dict[str, Any]) -> dict[str, Any]:
    from ecg_desktop.balance.json_format import _code_key

    return dict(sorted(values.items(), key=lambda kv: _code_key(kv[0])))
