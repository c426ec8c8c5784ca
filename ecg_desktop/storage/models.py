"""SQLAlchemy 2 typed models of the local store (and of team mode on PostgreSQL).

Numbers a user enters (levels, deductions, weights, company facts) are stored as exact decimal
text, never as float. Dates of the change log are stored as ISO text so the hash chain reads
exactly what was hashed, on every engine. The migrations in storage/migrations create these
tables; tests/storage/test_migrations.py checks that both agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class OrganisationRow(Base):
    """An organisation that writes balance sheets."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    legal_form: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")
    industry: Mapped[str] = mapped_column(Text, default="")
    head_office: Mapped[str] = mapped_column(Text, default="")
    ownership: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReportingPeriodRow(Base):
    """A reporting period of an organisation with the company facts that held in it.

    `company_facts` is the "company" object of the balance JSON (exact decimal digits).
    Each balance owns its period row, so a new revision can correct facts without touching
    the audited one.
    """

    __tablename__ = "reporting_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    company_facts: Mapped[str] = mapped_column(Text, default="{}")


class BalanceRow(Base):
    """One balance sheet: matrix version and type, workflow state, audit, tax schedule in use."""

    __tablename__ = "balances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_periods.id", ondelete="CASCADE"), unique=True)
    matrix: Mapped[str] = mapped_column(String(10))
    type: Mapped[str] = mapped_column(String(10))
    calculator_version: Mapped[str | None] = mapped_column(String(20), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    audit_kind: Mapped[str] = mapped_column(String(20), default="self")
    auditor: Mapped[str] = mapped_column(Text, default="")
    audit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    previous_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("balances.id", ondelete="SET NULL"), nullable=True
    )
    tax_schedule: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[OrganisationRow] = relationship(lazy="joined", innerjoin=True)
    period: Mapped[ReportingPeriodRow] = relationship(lazy="joined", innerjoin=True, single_parent=True)


class RatingRow(Base):
    """Everything entered for one code of a balance.

    The code is an aspect or sub-indicator (level = self-assessed level, or the deduction of a
    negative aspect/criterion), a theme or stakeholder row (weight override), or "balance".
    `weight` 0 with a `justification` is "not applicable".
    """

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("balance_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    balance_id: Mapped[int] = mapped_column(ForeignKey("balances.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reasoning: Mapped[str] = mapped_column(Text, default="")
    auditor_level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    auditor_comment: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[str | None] = mapped_column(String(40), nullable=True)
    justification: Mapped[str] = mapped_column(Text, default="")


class EvidenceFileRow(Base):
    """A file in the vault, addressed by its SHA-256 (stored once however often it is used)."""

    __tablename__ = "evidence_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[str] = mapped_column(Text, default="")


class EvidenceItemRow(Base):
    """A vault file used by one balance, with its description."""

    __tablename__ = "evidence_items"
    __table_args__ = (UniqueConstraint("balance_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    balance_id: Mapped[int] = mapped_column(ForeignKey("balances.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_files.sha256", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EvidenceLinkRow(Base):
    """An evidence item supports one aspect (or theme) code."""

    __tablename__ = "evidence_links"

    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), primary_key=True)


class ChangeLogRow(Base):
    """One change: who, when, what, old and new value, chained by SHA-256 to the entry before.

    `id` is assigned by the app under a write lock, so the chain has no gaps or forks.
    balance_id and organisation_id are plain numbers (no foreign key): the log outlives deletes.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    balance_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    field: Mapped[str] = mapped_column(Text, default="")
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# ---- schema revision 0002


class SettingRow(Base):
    """Business settings stored with the data (shared by a team), e.g. the default tax schedule."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EvidenceChunkRow(Base):
    """Team mode: the bytes of a vault file, in chunks of at most 1 MiB (streamed, never whole)."""

    __tablename__ = "evidence_chunks"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


__all__ = [
    "BalanceRow",
    "Base",
    "ChangeLogRow",
    "EvidenceChunkRow",
    "EvidenceFileRow",
    "EvidenceItemRow",
    "EvidenceLinkRow",
    "OrganisationRow",
    "RatingRow",
    "ReportingPeriodRow",
    "SettingRow",
]
