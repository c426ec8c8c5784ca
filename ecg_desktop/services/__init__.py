"""The service layer: the one facade (BalanceService) that the UI and the CLI both call."""

from ecg_desktop.services.balance_service import (
    BalanceInfo,
    BalanceService,
    ChangeEntry,
    ConcurrentEditError,
    EvidenceCheck,
    LockedError,
    LogCheck,
    NotFoundError,
    OrganisationInfo,
    SchemaError,
    ServiceError,
)

__all__ = [
    "BalanceInfo",
    "BalanceService",
    "ChangeEntry",
    "ConcurrentEditError",
    "EvidenceCheck",
    "LockedError",
    "LogCheck",
    "NotFoundError",
    "OrganisationInfo",
    "SchemaError",
    "ServiceError",
]
