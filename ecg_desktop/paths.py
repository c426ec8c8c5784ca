"""Where things live: run-time resources (source checkout, wheel, frozen app) and user data folders.

Qt-free on purpose (platformdirs rather than QStandardPaths) so the CLI never loads Qt.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "ecg-desktop"
DATA_DIR_ENV = "ECG_DESKTOP_DATA_DIR"
DATABASE_URL_ENV = "ECG_DESKTOP_DATABASE_URL"


@cache
def resource_root() -> Path:
    """The folder holding matrices/, tables/, fonts/, icons/, translations/ and sample/.

    Looked up, in order: the frozen bundle (PyInstaller's _MEIPASS), the copy inside the
    installed package (wheel), and the top-level resources/ folder of a source checkout.
    """
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent / "resources")
    for candidate in candidates:
        if (candidate / "matrices").is_dir():
            return candidate
    raise FileNotFoundError("ECG Desktop resources not found; looked in: " + ", ".join(str(c) for c in candidates))


def resource(*parts: str) -> Path:
    """Path of one run-time resource file, e.g. resource("matrices", "matrix-5.1.toml")."""
    return resource_root().joinpath(*parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: the override, else $ECG_DESKTOP_DATA_DIR, else the platform default."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
