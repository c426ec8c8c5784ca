"""The PySide6 desktop app: the only package that imports Qt. Start it with ui.app.run(args).

Importing this package protects None, True and False from a reference-count bug of PySide6
6.12 on CPython 3.11 (see _guard_singletons).
"""

from __future__ import annotations

import sys


def _guard_singletons() -> None:
    """Work around PySide6 6.12 wheels on CPython < 3.12: make None, True and False immortal.

    Those wheels return None (from every void method) and booleans (from Signal.emit) without
    taking a new reference, as if the objects were immortal, which they are only from Python
    3.12 on. On 3.11 each call lowers the count by one, and after a few thousand calls the
    interpreter aborts with "deallocating None". Raising the counts by 2**40 gives the same
    guarantee that 3.12 gives. Nothing happens on 3.12 and later.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object; id() is its address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_guard_singletons()
