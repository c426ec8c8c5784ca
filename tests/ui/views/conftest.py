"""Fixtures of the work-view tests: a store with one sample balance, a context that has it open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from ecg_desktop.balance.model import (
    Balance,
    CompanyFacts,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)
from ecg_desktop.ui import jobs


def sample_facts() -> CompanyFacts:
    return CompanyFacts(
        employees=D(35),
        turnover=D(4_200_000),
        total_assets=D(2_900_000),
        profit=D(180_000),
        financial_costs=D(12_000),
        income_from_financial_investments=D(3_000),
        additions_to_fixed_assets=D(150_000),
        financial_assets_and_cash=D(400_000),
        total_purchases=D(1_500_000),
        supply_fractions=(
            SupplyFraction("DEU", "Ca", D(600_000)),
            SupplyFraction("AUT", "G", D(300_000)),
        ),
        main_origin_of_other_suppliers="AEU",
        total_staff_costs=D(1_600_000),
        staff_countries=(StaffCountry("DEU", D(80)), StaffCountry("AUT", D(20))),
        sectors=(OwnSector("Ca", D(70), "bakery"), OwnSector("G", D(30), "shop")),
        b2b=False,
        canteen=True,
        average_commute_km=D(12),
    )


def sample_balance(matrix: str = "5.1") -> Balance:
    """A half-finished balance: some levels, one short reasoning, no evidence yet."""
    organisation = Organisation(name="Bäckerei Sonnenkorn eG", legal_form="eG")
    if matrix == "4.1":
        return Balance(
            matrix="4.1",
            organisation=organisation,
            period=Period(date(2023, 1, 1), date(2024, 12, 31)),
            ratings={"A1.1": D(40), "A1.2": D(20)},
            reasoning={"A1.1": "Regional flour from two mills within 50 km; organic share 60 % by value."},
        )
    return Balance(
        matrix=matrix,
        organisation=organisation,
        period=Period(date(2024, 1, 1), date(2025, 12, 31)),
        company=sample_facts(),
        ratings={"A1.1": D(3), "A2.1": D(5), "C1.1": D(7), "C2.1": D(2), "A1.2": D(0)},
        reasoning={
            "A1.1": "We buy flour from two regional organic mills and visited both in 2024; "
            "the coffee supplier is Fairtrade certified.",
            "A2.1": "Prices are agreed for three years.",
        },
    )


@pytest.fixture
def service(tmp_path):
    """The real BalanceService on a fresh SQLite store in the test's folder."""
    from ecg_desktop.services import BalanceService

    store = BalanceService.open(tmp_path / "data", user="tester")
    yield store
    store.close()


@pytest.fixture
def ctx(qapp, service):
    """A BalanceContext (English) with the sample 5.1 balance open; jobs run inline."""
    from ecg_desktop.ui import i18n
    from ecg_desktop.ui.context import BalanceContext

    i18n.set_language("en")
    context = BalanceContext(service, "en")
    context.open_balance(service.import_balance(sample_balance()))
    with jobs.synchronous_jobs():
        yield context


@pytest.fixture
def open_sample(ctx):
    """Open a fresh sample balance of another matrix version in `ctx`; returns its id."""

    def open_matrix(matrix: str) -> int:
        balance_id = ctx.service.import_balance(sample_balance(matrix))
        ctx.open_balance(balance_id)
        return balance_id

    return open_matrix
