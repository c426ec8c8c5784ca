"""Entry point: no arguments starts the desktop app; a subcommand runs the command-line interface.

Arguments are parsed before anything heavy is imported, so `ecg-desktop score` never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from ecg_desktop.cli.main import wants_gui

    if wants_gui(args):
        from ecg_desktop.ui.app import run

        return run(args)
    from ecg_desktop.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
