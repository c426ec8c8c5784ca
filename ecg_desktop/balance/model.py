"""Frozen types of one balance sheet. Amounts are Decimal; shares are percentages (0-100).

A fact left as None was "not entered": the official defaults apply when scoring, and exports
write it back as absent, so a round trip keeps the difference between 0 and "not entered".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

# Company-fact amounts in the order of the balance JSON and the facts form.
AMOUNT_FIELDS: tuple[str, ...] = (
    "employees",
    "turnover",
    "total_assets",
    "profit",
    "financial_costs",
    "income_from_financial_investments",
    "additions_to_fixed_assets",
    "financial_assets_and_cash",
    "total_purchases",
    "total_staff_costs",
    "average_commute_km",
)
# The calculator accepts negative values only for these three amounts.
SIGNED_FIELDS = frozenset({"profit", "income_from_financial_investments", "additions_to_fixed_assets"})
BALANCE_TYPES = ("full", "compact")
STATUSES = ("draft", "in_review", "audited")
AUDIT_KINDS = ("self", "peer", "external")


@dataclass(frozen=True)
class SupplyFraction:
    """One of the largest purchase categories: where from, which sector, how much."""

    country: str | None
    sector: str | None
    costs: Decimal


@dataclass(frozen=True)
class StaffCountry:
    """Share of the staff (percent) working in a country."""

    country: str | None
    share: Decimal


@dataclass(frozen=True)
class OwnSector:
    """Share of turnover (percent) made in one of the organisation's own sectors."""

    sector: str | None
    share: Decimal
    description: str = ""


@dataclass(frozen=True)
class CompanyFacts:
    """The company facts the 5.x weights follow from (and the two 4.1 facts)."""

    employees: Decimal | None = None
    turnover: Decimal | None = None
    total_assets: Decimal | None = None
    profit: Decimal | None = None
    financial_costs: Decimal | None = None
    income_from_financial_investments: Decimal | None = None
    additions_to_fixed_assets: Decimal | None = None
    financial_assets_and_cash: Decimal | None = None
    total_purchases: Decimal | None = None
    supply_fractions: tuple[SupplyFraction, ...] = ()
    main_origin_of_other_suppliers: str | None = None
    total_staff_costs: Decimal | None = None
    staff_countries: tuple[StaffCountry, ...] = ()
    sectors: tuple[OwnSector, ...] = ()
    b2b: bool | None = None
    canteen: bool | None = None
    average_commute_km: Decimal | None = None
    # Matrix 4.1 only
    sole_proprietor: bool | None = None
    n2_turnover_share: Decimal | None = None

    def amount(self, name: str) -> Decimal:
        """The amount `name`, 0 when not entered (the calculator's default)."""
        value = getattr(self, name)
        return Decimal(0) if value is None else value


@dataclass(frozen=True)
class Organisation:
    """What an ECG report opens with: who the organisation is."""

    name: str = ""
    legal_form: str = ""
    website: str = ""
    industry: str = ""
    head_office: str = ""
    ownership: str = ""
    contact_person: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class Period:
    """The reporting period (ECG balances usually cover two years)."""

    start: date
    end: date


@dataclass(frozen=True)
class AuditInfo:
    """Where the balance stands: draft -> in review -> audited, and by whom."""

    status: str = "draft"
    kind: str = "self"
    auditor: str = ""
    audit_date: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class EvidenceRef:
    """Metadata of one evidence file in the vault and the codes it supports."""

    sha256: str
    name: str
    size: int
    codes: tuple[str, ...] = ()
    description: str = ""
    added_at: datetime | None = None


@dataclass(frozen=True)
class Balance:
    """One balance sheet: the matrix version and type, the facts, overrides, ratings and narrative.

    `ratings` maps an aspect (5.x), sub-indicator (4.1) or 4.1 negative criterion code to the
    self-assessed level, or to the deduction of a negative aspect/criterion.
    `justifications` maps a code to the written reason for a weight override, an exclusion
    (weight 0) or a reduced deduction.
    """

    matrix: str
    type: str = "full"
    organisation: Organisation = field(default_factory=Organisation)
    period: Period | None = None
    company: CompanyFacts = field(default_factory=CompanyFacts)
    weights: Mapping[str, Decimal] = field(default_factory=dict)
    stakeholder_weights: Mapping[str, Decimal] = field(default_factory=dict)
    aspect_weights: Mapping[str, Decimal] = field(default_factory=dict)
    ratings: Mapping[str, Decimal] = field(default_factory=dict)
    justifications: Mapping[str, str] = field(default_factory=dict)
    calculator_version: str | None = None
    reasoning: Mapping[str, str] = field(default_factory=dict)
    auditor_ratings: Mapping[str, Decimal] = field(default_factory=dict)
    auditor_comments: Mapping[str, str] = field(default_factory=dict)
    audit: AuditInfo = field(default_factory=AuditInfo)
    evidence: tuple[EvidenceRef, ...] = ()

    def with_changes(self, **changes: object) -> Balance:
        """A copy with some fields replaced (the balance itself never changes)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def audited_ratings(self) -> dict[str, Decimal]:
        """The ratings as the auditor sees them: the auditor's level where set, else the self-assessment."""
        merged = dict(self.ratings)
        merged.update(self.auditor_ratings)
        return merged
