"""Many Qt calls in one process must not exhaust None (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel

import selftrust.ui  # noqa: F401 - applies the guard


def test_a_hundred_thousand_void_calls_do_not_abort(qapp: Any) -> None:
    label = QLabel()
    for _ in range(100_000):
        label.update()
    assert sys.getrefcount(None) > 1_000
