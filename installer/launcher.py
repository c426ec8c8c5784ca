"""Frozen-app entry point: the same main() as `ecg-desktop` and `python -m ecg_desktop`."""

import sys

from ecg_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
