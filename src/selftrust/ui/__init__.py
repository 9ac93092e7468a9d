"""The Qt user interface. It talks to services only."""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 builds that return None from void methods without a reference.

    PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` on every call of a
    method returning nothing (QWidget.update(), QPainter.setBrush() …): the stable-ABI
    wheel assumes Python 3.12's immortal ``None``. After a few thousand calls Python
    aborts with "deallocating None". We detect the leak with one probe call and, only
    then, give ``None`` a reference count it can never use up (None is a static object
    that is never freed, so this changes nothing else).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    if sys.getrefcount(None) >= before:
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_keep_none_alive()
