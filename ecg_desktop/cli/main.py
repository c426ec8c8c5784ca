"""Argument parsing and dispatch. Each command module registers its own subcommands.

Errors the user can fix (bad input, unknown ids) print a located message and exit with 2;
nothing prints a traceback for them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from ecg_desktop import __version__
from ecg_desktop.errors import ECGError, InputError

# Modules under ecg_desktop/cli that define register(subparsers). Order = order in --help.
COMMAND_MODULES: tuple[str, ...] = ("score", "store", "exchange", "pdf", "official", "selftest")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

GLOBAL_FLAGS_WITH_VALUE = ("--data-dir", "--database-url", "--lang")


def wants_gui(args: list[str]) -> bool:
    """True when no subcommand is given (only global options such as --data-dir)."""
    rest = list(args)
    while rest:
        head = rest.pop(0)
        if head in GLOBAL_FLAGS_WITH_VALUE:
            if rest:
                rest.pop(0)
            continue
        if head.startswith(tuple(f"{flag}=" for flag in GLOBAL_FLAGS_WITH_VALUE)):
            continue
        return head in ("--gui",)
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ecg-desktop",
        description="ECG Desktop: Common Good Balance Sheets. Without a command the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"ecg-desktop {__version__}")
    parser.add_argument("--data-dir", help="folder for the database and evidence (default: the user data folder)")
    parser.add_argument("--database-url", help="SQLAlchemy URL of a shared database (team mode, PostgreSQL)")
    parser.add_argument("--lang", choices=("en", "de"), default="en", help="language of messages and tables")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"ecg_desktop.cli.{name}")
        module.register(subparsers)
    return parser


def run_cli(args: list[str]) -> int:
    parser = build_parser()
    options = parser.parse_args(args)
    handler: Callable[[argparse.Namespace], int] | None = getattr(options, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return handler(options)
    except InputError as exc:
        print(exc.text(options.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ECGError as exc:
        text = getattr(exc, "text", None)
        print(text(options.lang) if callable(text) else str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away; not an error of ours
        sys.stderr.close()
        return EXIT_OK


def read_input_file(path: str) -> bytes:
    """Read a file named on the command line; a missing or unreadable file is bad input."""
    from ecg_desktop.errors import Location, Problem

    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(
            [Problem("file_unreadable", Location(file=path), {"reason": exc.strerror or str(exc)})]
        ) from exc
