"""PySide6 6.12 on Python 3.11 drops one reference to None on every call of a method that
returns nothing (setPen, drawEllipse, update, setText…). None's count is only a few
thousand, so painting a calendar for a while ends in "Fatal Python error: none_dealloc".
Importing the UI must give None enough headroom for a lifetime of such calls."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor

import selftrust.ui  # noqa: F401 - importing the UI is what arms the guard


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_none_survives_a_lifetime_of_void_calls() -> None:
    before = sys.getrefcount(None)
    for _ in range(1000):
        QColor("#287ccf").setAlphaF(0.5)  # returns nothing
    drift = (before - sys.getrefcount(None)) / 1000
    # At up to one reference per call, a billion calls must not reach zero.
    assert sys.getrefcount(None) > 1_000_000_000 * max(drift, 1.0)


def test_the_guard_does_nothing_twice() -> None:
    from selftrust.ui.none_guard import keep_none_alive

    before = sys.getrefcount(None)
    keep_none_alive()
    assert sys.getrefcount(None) - before < 1_000
