"""The first schema: organisations, periods with facts, balances, ratings, evidence, change log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("legal_form", sa.Text(), nullable=False),
        sa.Column("website", sa.Text(), nullable=False),
        sa.Column("industry", sa.Text(), nullable=False),
        sa.Column("head_office", sa.Text(), nullable=False),
        sa.Column("ownership", sa.Text(), nullable=False),
        sa.Column("contact_person", sa.Text(), nullable=False),
        sa.Column("contact_email", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"),
    )
    op.create_table(
        "reporting_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("company_facts", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reporting_periods"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_reporting_periods_organisation_id_organisations",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_reporting_periods_organisation_id", "reporting_periods", ["organisation_id"])
    op.create_table(
        "balances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("matrix", sa.String(10), nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("calculator_version", sa.String(20), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("audit_kind", sa.String(20), nullable=False),
        sa.Column("auditor", sa.Text(), nullable=False),
        sa.Column("audit_date", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("previous_revision_id", sa.Integer(), nullable=True),
        sa.Column("tax_schedule", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_balances"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_balances_organisation_id_organisations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["reporting_periods.id"],
            name="fk_balances_period_id_reporting_periods",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_revision_id"],
            ["balances.id"],
            name="fk_balances_previous_revision_id_balances",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("period_id", name="uq_balances_period_id"),
    )
    op.create_index("ix_balances_organisation_id", "balances", ["organisation_id"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("balance_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("level", sa.String(40), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("auditor_level", sa.String(40), nullable=True),
        sa.Column("auditor_comment", sa.Text(), nullable=False),
        sa.Column("weight", sa.String(40), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ratings"),
        sa.ForeignKeyConstraint(
            ["balance_id"], ["balances.id"], name="fk_ratings_balance_id_balances", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("balance_id", "code", name="uq_ratings_balance_id"),
    )
    op.create_index("ix_ratings_balance_id", "ratings", ["balance_id"])
    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_evidence_files"),
    )
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("balance_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_items"),
        sa.ForeignKeyConstraint(
            ["balance_id"], ["balances.id"], name="fk_evidence_items_balance_id_balances", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["evidence_files.sha256"],
            name="fk_evidence_items_sha256_evidence_files",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("balance_id", "sha256", name="uq_evidence_items_balance_id"),
    )
    op.create_index("ix_evidence_items_balance_id", "evidence_items", ["balance_id"])
    op.create_index("ix_evidence_items_sha256", "evidence_items", ["sha256"])
    op.create_table(
        "evidence_links",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("item_id", "code", name="pk_evidence_links"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"], name="fk_evidence_links_item_id_evidence_items", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user", sa.Text(), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("balance_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_log"),
    )
    op.create_index("ix_change_log_balance_id", "change_log", ["balance_id"])


def downgrade() -> None:
    for table in (
        "change_log",
        "evidence_links",
        "evidence_items",
        "evidence_files",
        "ratings",
        "balances",
        "reporting_periods",
        "organisations",
    ):
        op.drop_table(table)
