"""Store fixtures (SQLite and PostgreSQL): see tests/storage/store_fixtures.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))

from store_fixtures import engine_kind, pg_url, service, store_args

__all__ = ["engine_kind", "pg_url", "service", "store_args"]
