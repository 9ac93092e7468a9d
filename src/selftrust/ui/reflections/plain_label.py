"""The plain-text label the reflection pages, the journal, the jar and the streaks header
are written with: what a person wrote (a title, a reflection) is never read as rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, muted: bool = False,
                bold: bool = False, scale: float = 1.0, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    font = label.font()
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    if bold:
        font.setWeight(font.Weight.DemiBold)
    label.setFont(font)
    if muted:
        label.setForegroundRole(label.foregroundRole().PlaceholderText)
    return label
