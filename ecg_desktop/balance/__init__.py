"""One balance sheet as plain data: the facts, overrides and ratings that scoring needs, plus narrative."""

from ecg_desktop.balance.model import (
    AuditInfo,
    Balance,
    CompanyFacts,
    EvidenceRef,
    Organisation,
    OwnSector,
    Period,
    StaffCountry,
    SupplyFraction,
)

__all__ = [
    "AuditInfo",
    "Balance",
    "CompanyFacts",
    "EvidenceRef",
    "Organisation",
    "OwnSector",
    "Period",
    "StaffCountry",
    "SupplyFraction",
]
