"""Layouts for editors that sit inside a form: no margins of their own (the form has
them), parts stacked in the order given."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget


def column(owner: QWidget, *parts: QWidget | QLayout, spacing: int = 6) -> QVBoxLayout:
    """``owner``'s layout: the parts top to bottom, flush with its edges."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout
