"""Keep None alive under PySide6 6.12 on Python 3.11.

That PySide6 returns None from every method without a result (setPen, drawEllipse,
update, setText…) without taking a reference, so each such call lowers None's count
by one. Python 3.12 made None immortal, so it only matters before 3.12, where the count
is a few thousand and a painted view reaches zero within minutes: the interpreter then
aborts with "Fatal Python error: none_dealloc". Giving None a huge head start, once,
does what 3.12 does. Remove this when 3.11 is no longer supported or PySide6 is fixed.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 50  # far more void calls than any session makes


def keep_none_alive() -> bool:
    """Give None its head start (once); True if it was given now."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if sys.getrefcount(None) > HEADROOM // 2:
        return False
    # ob_refcnt is the first field of every object in CPython's (non-debug) layout.
    ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM
    return True
