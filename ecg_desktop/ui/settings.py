"""UI settings in QSettings: language, user name, data folder or URL, recent databases, window state.

Every key is declared once in OPTIONS with its type and default. Business settings that must
travel with the data (the default matrix for new balances, the tax schedule) live in the
database through BalanceService.get_setting / set_setting, not here.

The file is an INI file in the platform's config folder (platformdirs, so $XDG_CONFIG_HOME is
honoured on every call; tests redirect it). SETTINGS_VERSION and upgrade() handle renamed keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ecg_desktop.paths import APP_NAME

SETTINGS_VERSION = 1
MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    """One setting: its key, the Python type of its value, and the default."""

    key: str
    kind: type
    default: Any


OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("general/language", str, ""),  # "" = follow the system language on first start
        Option("general/user_name", str, ""),  # "" = the operating-system user
        Option("store/data_dir", str, ""),  # "" = the default data folder
        Option("store/database_url", str, ""),  # "" = SQLite in the data folder
        Option("store/recent", list, []),  # recent stores: data folders or database URLs
        Option("window/geometry", QByteArray, QByteArray()),
        Option("window/state", QByteArray, QByteArray()),
        Option("window/last_balance", int, 0),
        Option("window/last_page", str, "matrix"),
        Option("window/show_archived", bool, False),
    )
}


def settings_path() -> Path:
    """The INI file; computed on each call so a changed $XDG_CONFIG_HOME (tests) is honoured."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "ecg-desktop.ini"


class Settings:
    """Typed access to the UI settings. Values of unknown keys are refused (KeyError)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.upgrade()

    def upgrade(self) -> None:
        """Bring an older settings file up to SETTINGS_VERSION (no renamed keys yet)."""
        version = int(self._qs.value("meta/version", 0) or 0)
        if version < SETTINGS_VERSION:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._qs.value(key, option.default)
        if value is None:
            return option.default
        if option.kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        if option.kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return option.default
        if option.kind is list:
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value]
        if option.kind is QByteArray:
            return value if isinstance(value, QByteArray) else option.default
        return str(value)

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if option.kind is list:
            value = list(value)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    # ---- recent stores

    def recent(self) -> list[str]:
        """Recently opened stores, newest first."""
        return self.get("store/recent")

    def add_recent(self, location: str) -> None:
        """Put `location` first in the recent list (kept to MAX_RECENT entries)."""
        entries = [e for e in self.recent() if e != location]
        self.set("store/recent", [location, *entries][:MAX_RECENT])

    def remove_recent(self, location: str) -> None:
        self.set("store/recent", [e for e in self.recent() if e != location])
