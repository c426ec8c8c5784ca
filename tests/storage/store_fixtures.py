"""Shared fixtures of the storage, service, evidence and store-CLI tests: one store per test, on
SQLite and (marker `postgres`) on PostgreSQL from ECG_TEST_DATABASE_URL, each test in a private
schema. Without that variable the PostgreSQL cases are skipped locally and fail in CI."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from ecg_desktop.balance.model import Balance, CompanyFacts, Organisation, Period

ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_base_url() -> str:
    url = os.environ.get("ECG_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("ECG_TEST_DATABASE_URL is not set, but CI must run the PostgreSQL tests")
        pytest.skip("ECG_TEST_DATABASE_URL is not set (PostgreSQL tests run in CI)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped after the test."""
    from sqlalchemy import create_engine, text

    base = postgres_base_url()
    schema = "t_" + uuid.uuid4().hex[:16]
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_args(engine_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, Any]:
    """Keyword arguments for BalanceService.open: a fresh SQLite folder or PostgreSQL schema."""
    args: dict[str, Any] = {"data_dir": tmp_path / "data"}
    if engine_kind == "postgres":
        args["database_url"] = request.getfixturevalue("pg_url")
    return args


@pytest.fixture
def service(store_args: dict[str, Any]) -> Iterator[Any]:
    from ecg_desktop.services.balance_service import BalanceService

    svc = BalanceService.open(**store_args, user="Tester")
    try:
        yield svc
    finally:
        svc.close()


def cli_store_flags(store_args: dict[str, Any]) -> list[str]:
    flags = ["--data-dir", str(store_args["data_dir"])]
    if "database_url" in store_args:
        flags += ["--database-url", store_args["database_url"]]
    return flags


def small_facts() -> CompanyFacts:
    return CompanyFacts(
        employees=Decimal(12),
        turnover=Decimal("1500000.25"),
        total_assets=Decimal(800000),
        total_purchases=Decimal(400000),
        total_staff_costs=Decimal(600000),
    )


def new_balance(svc: Any, name: str = "Käserei Ölmühle", year: int = 2023) -> int:
    """An organisation with one empty 5.1 full balance over two calendar years."""
    org = svc.create_organisation(Organisation(name=name))
    return int(svc.create_balance(org, "5.1", "full", Period(date(year, 1, 1), date(year + 1, 12, 31))))


def full_ratings_balance(index: int = 0) -> Balance:
    """A 5.1 full balance with every aspect rated and reasoned (for the benchmark and imports)."""
    from ecg_desktop.matrix import load_matrix

    matrix = load_matrix("5.1")
    ratings: dict[str, Decimal] = {}
    reasoning: dict[str, str] = {}
    for n, aspect in enumerate(matrix.aspects("full")):
        ratings[aspect.code] = Decimal((n + index) % 11) if aspect.positive else Decimal(-((n + index) % 3) * 10)
        reasoning[aspect.code] = f"Begründung {aspect.code} für Bilanz {index}: Maßnahmen ändern sich über die Jahre."
    return Balance(
        matrix="5.1",
        type="full",
        organisation=Organisation(name=f"Organisation {index // 5:03d} GmbH"),
        period=Period(date(2015 + 2 * (index % 5), 1, 1), date(2016 + 2 * (index % 5), 12, 31)),
        company=small_facts(),
        ratings=ratings,
        reasoning=reasoning,
    )
