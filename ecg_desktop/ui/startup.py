"""The start-up snapshot: a picture of the main window as it closed, shown at once on the next start.

When the app closes with a balance open, :func:`capture` renders the main window (menus, the
balance tree, the current page, docks, status bar) into a picture and :func:`save_snapshot`
writes it, with the window title and the version of the data it shows, into one small JSON file in
the data folder. On the next start :func:`snapshot_for_start` reads it back *without* loading
SQLAlchemy, Alembic or the domain, ui.startup_window paints it, and ui.app replaces it with the
live main window as soon as the store is open. The live window opens the same balance on the
same page at the same size, so the swap changes no pixel that matters.

A picture rather than widgets rebuilt from data: it is exactly what the live window paints,
and painting it needs no Python drawing code on the path to the first frame (PySide6 builds
the Python enums of the whole ``Qt`` namespace the first time QPen, QBrush and most QPainter
calls are used from Python: about 12 ms, an eighth of the whole start-up budget).

A snapshot is used only when everything it depends on is unchanged, else it is ignored:
the same app version, language and last balance, the same SQLite file (team databases never
use one), and the same data version: the schema revision and the newest change-log entry
(every change the service makes writes one, including changes made by the CLI or by another
instance of the app). A damaged, foreign or oversized file is ignored.

The picture is stored as zlib-compressed 32-bit pixel rows (as QImage.Format_RGB32 holds
them), base64 in the JSON: inflating them takes about half the time of decoding the same
picture as PNG, and the first frame waits for it.

Only PySide6.QtCore/QtGui, json, base64, zlib and the standard library are imported here.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ecg_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

SNAPSHOT_NAME = "startup-snapshot.json"
SNAPSHOT_FORMAT = "ecg-desktop-startup"
SNAPSHOT_VERSION = 1
MAX_SNAPSHOT_BYTES = 20_000_000
MAX_SIDE = 16_384  # pixels; a larger window picture is not trusted
# The SQLite file inside a data folder; equal to storage.db.SQLITE_NAME (a test checks it),
# repeated here so that finding the snapshot does not import SQLAlchemy.
SQLITE_NAME = "ecg-desktop.sqlite"


# ---- where the snapshot lives and which data it belongs to


def local_database(location: str | None) -> Path | None:
    """The SQLite file the app will open for `location` (a data folder), or None for a database URL."""
    from ecg_desktop.paths import DATABASE_URL_ENV, data_dir

    if (location and "://" in location) or os.environ.get(DATABASE_URL_ENV):
        return None
    return data_dir(location or None) / SQLITE_NAME


def snapshot_path(database: Path) -> Path:
    return database.parent / SNAPSHOT_NAME


def data_version(database: Path) -> dict[str, Any] | None:
    """Schema revision and newest change-log entry of a SQLite store, read with the stdlib driver.

    None when the file does not exist or cannot be read (then no snapshot is trusted).
    """
    import sqlite3

    if not database.is_file():
        return None
    try:
        connection = sqlite3.connect(database.resolve().as_uri() + "?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        last = connection.execute("SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if len(revisions) != 1:
        return None
    return {"schema": str(revisions[0]), "log_id": last[0] if last else 0, "log_hash": last[1] if last else ""}


# ---- reading


class Snapshot(NamedTuple):
    """A snapshot as read back and checked."""

    database: str
    data_version: dict[str, Any]
    app_version: str
    language: str
    balance_id: int
    title: str
    width: int  # the window's size in device-independent pixels
    height: int
    pixel_ratio: float  # device pixels per device-independent pixel of the picture
    bytes_per_line: int
    pixels: bytes  # zlib-compressed rows of 32-bit pixels (0xffRRGGBB)


def parse_snapshot(data: Any) -> Snapshot:
    """A Snapshot from decoded JSON; raises ValueError when anything is missing or of the wrong type."""

    def get(key: str, kind: type | tuple[type, ...]) -> Any:
        if not isinstance(data, dict) or key not in data:
            raise ValueError(f"startup snapshot: {key} missing")
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise ValueError(f"startup snapshot: {key} is not a {kind}")
        return value

    if get("format", str) != SNAPSHOT_FORMAT or get("format_version", int) != SNAPSHOT_VERSION:
        raise ValueError("startup snapshot: unknown format")
    version = get("data_version", dict)
    if set(version) != {"schema", "log_id", "log_hash"}:
        raise ValueError("startup snapshot: bad data version")
    width, height = get("width", int), get("height", int)
    ratio = float(get("pixel_ratio", (int, float)))
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and 0.25 <= ratio <= 8):
        raise ValueError("startup snapshot: bad size")
    bytes_per_line = get("bytes_per_line", int)
    if bytes_per_line < 4 * round(width * ratio) or bytes_per_line > 4 * MAX_SIDE + 64:
        raise ValueError("startup snapshot: bad row length")
    try:
        pixels = base64.b64decode(get("pixels", str), validate=True)
    except binascii.Error as exc:
        raise ValueError("startup snapshot: picture is not base64") from exc
    return Snapshot(
        database=get("database", str),
        data_version=version,
        app_version=get("app_version", str),
        language=get("language", str),
        balance_id=get("balance_id", int),
        title=get("title", str),
        width=width,
        height=height,
        pixel_ratio=ratio,
        bytes_per_line=bytes_per_line,
        pixels=pixels,
    )


def read_snapshot(path: Path) -> Snapshot | None:
    """The snapshot stored at `path`, or None when it is missing or damaged."""
    try:
        if path.stat().st_size > MAX_SNAPSHOT_BYTES:
            return None
        return parse_snapshot(json.loads(path.read_bytes()))
    except (OSError, ValueError, RecursionError):
        return None


def snapshot_for_start(location: str | None, language: str, last_balance: int) -> Snapshot | None:
    """The snapshot to show while the store at `location` opens, or None when none is trustworthy.

    `language` is the language the app starts in; `last_balance` the balance the settings say
    was open last (the start opens that one again).
    """
    database = local_database(location)
    if database is None:
        return None
    snapshot = read_snapshot(snapshot_path(database))
    if snapshot is None:
        return None
    if (
        snapshot.app_version != __version__
        or snapshot.database != str(database)
        or snapshot.language != language
        or snapshot.balance_id != last_balance
    ):
        return None
    if data_version(database) != snapshot.data_version:
        return None
    return snapshot


def snapshot_image(snapshot: Snapshot) -> tuple[QImage, bytes] | None:
    """The picture, and the pixel buffer it points into (keep both alive); None when it is damaged."""
    from PySide6.QtGui import QImage

    width, height = round(snapshot.width * snapshot.pixel_ratio), round(snapshot.height * snapshot.pixel_ratio)
    size = snapshot.bytes_per_line * height
    try:
        inflater = zlib.decompressobj()
        pixels = inflater.decompress(snapshot.pixels, size + 1)  # never more than the picture needs
    except zlib.error:
        return None
    if len(pixels) != size or not inflater.eof:
        return None
    image = QImage(pixels, width, height, snapshot.bytes_per_line, QImage.Format.Format_RGB32)
    if image.isNull():
        return None
    image.setDevicePixelRatio(snapshot.pixel_ratio)
    return image, pixels


# ---- writing


def capture(window: QWidget, balance_id: int, language: str) -> dict[str, Any]:
    """The window's picture and title as snapshot JSON (without the store and its data version)."""
    from PySide6.QtGui import QImage

    picture = window.grab()
    image = picture.toImage().convertToFormat(QImage.Format.Format_RGB32)
    return {
        "format": SNAPSHOT_FORMAT,
        "format_version": SNAPSHOT_VERSION,
        "app_version": __version__,
        "language": language,
        "balance_id": int(balance_id),
        "title": window.windowTitle(),
        "width": window.width(),
        "height": window.height(),
        "pixel_ratio": picture.devicePixelRatio(),
        "bytes_per_line": image.bytesPerLine(),
        "pixels": base64.b64encode(zlib.compress(bytes(image.constBits()), 1)).decode("ascii"),
    }


def save_snapshot(data: dict[str, Any], database: Path) -> Path | None:
    """Stamp `data` (from capture) with the store's current data version and write it atomically.

    Call after the store is closed, so the data version is final. Returns the file written, or
    None when the data version cannot be read (then an old snapshot is removed, not trusted).
    """
    target = snapshot_path(database)
    version = data_version(database)
    if version is None:
        discard_snapshot(database)
        return None
    data = dict(data, database=str(database), data_version=version)
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        print(f"ECG Desktop: start-up snapshot not saved: {exc}", file=sys.stderr)
        return None
    return target


def discard_snapshot(database: Path) -> None:
    with contextlib.suppress(OSError):
        snapshot_path(database).unlink(missing_ok=True)


__all__ = [
    "SNAPSHOT_NAME",
    "Snapshot",
    "capture",
    "data_version",
    "discard_snapshot",
    "local_database",
    "parse_snapshot",
    "read_snapshot",
    "save_snapshot",
    "snapshot_for_start",
    "snapshot_image",
    "snapshot_path",
]
