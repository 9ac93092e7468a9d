"""Screens and paint devices Qt may not have, though PySide6's stubs say it always does.

``QGuiApplication.primaryScreen()`` is None on a headless start or while no monitor
is plugged in, ``QWidget.screen()`` for a widget not yet placed, ``QPainter.device()``
for a painter not painting. Passing the value through here gives it its real type,
so the None case is handled and checked instead of silenced.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QGuiApplication, QScreen

T = TypeVar("T")


def nullable(value: T) -> T | None:
    return value


def primary_screen() -> QScreen | None:
    return nullable(QGuiApplication.primaryScreen())
