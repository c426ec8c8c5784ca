"""The sample organisation for first start: a filled 5.1 full balance with evidence.

Bäckerei Sonnenkorn GmbH is fictional. Its balance (resources/sample/balance.json) rates every
5.1 aspect with a short German reasoning, is in peer review with some auditor notes, and has
four small evidence files (resources/sample/evidence.json says which aspects each supports).
Qt-free: the UI calls create_sample_if_first_start(service) after its first window shows.
"""

from __future__ import annotations

import json
from pathlib import Path

from ecg_desktop.balance.json_format import load_balance
from ecg_desktop.balance.model import Balance
from ecg_desktop.paths import resource
from ecg_desktop.services.balance_service import BalanceService

SAMPLE_SETTING = "sample.created"


def sample_folder() -> Path:
    return resource("sample")


def sample_balance() -> Balance:
    """The sample balance as a domain object (validated like any balance JSON)."""
    path = sample_folder() / "balance.json"
    return load_balance(path.read_bytes(), str(path))


def sample_evidence() -> list[tuple[Path, list[str], str]]:
    """(file, aspect codes, description) of every sample evidence file."""
    folder = sample_folder()
    entries = json.loads((folder / "evidence.json").read_text(encoding="utf-8"))
    return [(folder / e["file"], list(e["codes"]), e["description"]) for e in entries]


def create_sample(service: BalanceService) -> int:
    """Import the sample organisation and balance, attach its evidence; returns the balance id."""
    balance_id = service.import_balance(sample_balance())
    for path, codes, description in sample_evidence():
        service.attach_evidence(balance_id, codes, path, description)
    service.set_setting(SAMPLE_SETTING, str(balance_id))
    return balance_id


def create_sample_if_first_start(service: BalanceService) -> int | None:
    """Create the sample once, in an empty store; never again after the user deleted it."""
    if service.get_setting(SAMPLE_SETTING) is not None:
        return None
    if service.list_organisations(include_archived=True):
        return None
    return create_sample(service)


__all__ = ["create_sample", "create_sample_if_first_start", "sample_balance", "sample_evidence"]
