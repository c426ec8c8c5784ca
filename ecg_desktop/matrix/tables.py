"""Country and sector tables (PPP index, ITUC rating, supply-chain risk, product-design factor)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ecg_desktop.matrix.model import Text
from ecg_desktop.paths import resource

WORLD = "AWO"
CONTINENT_AVERAGES = ("AAF", "AAM", "AAS", "AEU", "AOC")


@dataclass(frozen=True)
class Country:
    code: str
    name: Text
    ppp_index: Decimal
    ituc: Decimal


@dataclass(frozen=True)
class Sector:
    code: str
    name: Text
    supply_chain_risk: Decimal
    product_design: Decimal


@cache
def countries() -> dict[str, Country]:
    """All countries and regions by code, in the order of the table."""
    with resource("tables", "countries.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Country(
                row["code"],
                Text(row["name_en"], row["name_de"]),
                Decimal(row["ppp_index"]),
                Decimal(row["ituc"]),
            )
            for row in csv.DictReader(handle)
        }


@cache
def sectors() -> dict[str, Sector]:
    """All sectors by code, in the order of the table."""
    with resource("tables", "sectors.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Sector(
                row["code"],
                Text(row["name_en"], row["name_de"]),
                Decimal(row["ecological_supply_chain_risk"]),
                Decimal(row["ecological_design_of_products_and_services"]),
            )
            for row in csv.DictReader(handle)
        }
