"""Export formats as a registry, so other modules add formats without touching the CLI.

An exporter is `func(service, balance_id, out_path) -> None`. Register it here as
"module:function" text (imported only when used, so heavy libraries stay unloaded), e.g.
    EXPORTERS["xlsx"] = "ecg_desktop.exchange.xlsx_export:export_balance_file"
or at run time with register_exporter("xlsx", func).
BalanceService.export verifies the evidence before calling the exporter.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecg_desktop.services.balance_service import BalanceService

Exporter = Callable[["BalanceService", int, Path], None]

EXPORTERS: dict[str, str | Exporter] = {
    "json": "ecg_desktop.services.exporters:export_json",
    "xlsx": "ecg_desktop.exchange.xlsx_export:export_balance_file",
    "xlsx-de": "ecg_desktop.exchange.xlsx_export:export_balance_file_de",
}


def register_exporter(name: str, exporter: str | Exporter) -> None:
    EXPORTERS[name] = exporter


def available_formats() -> list[str]:
    return sorted(EXPORTERS)


def resolve(fmt: str) -> Exporter:
    from ecg_desktop.services.balance_service import ServiceError

    target = EXPORTERS.get(fmt)
    if target is None:
        raise ServiceError("store_unknown_format", found=fmt, known=", ".join(available_formats()))
    if isinstance(target, str):
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    return target


def run_exporter(fmt: str, service: BalanceService, balance_id: int, out: Path) -> None:
    resolve(fmt)(service, balance_id, out)


def write_atomically(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then rename: a reader never sees half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_json(service: BalanceService, balance_id: int, out: Path) -> None:
    """The balance JSON (docs/balance-json.md) with narrative, audit and evidence refs."""
    from ecg_desktop.balance.json_format import dump_balance

    write_atomically(out, dump_balance(service.get_balance(balance_id)).encode("utf-8"))
