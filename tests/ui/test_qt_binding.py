"""The Qt binding must not leak or drop references to None.

PySide6 6.12.0 on Python 3.11 decremented None's reference count on every method that
returns nothing; after a few thousand paints the interpreter aborted with
"none_dealloc". This canary fails at once if such a release is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        painter.drawEllipse(1, 1, 3, 3)
    after = sys.getrefcount(None)
    painter.end()
    # Python 3.12+ makes None immortal (its count is fixed); on 3.11 it must not fall.
    assert after >= before - 50, f"None lost {before - after} references in 4000 calls"
