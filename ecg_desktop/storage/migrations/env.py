"""Alembic environment: always run on the connection the app passes in (never from alembic.ini)."""

from __future__ import annotations

from alembic import context

from ecg_desktop.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite has no full ALTER TABLE: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
