"""Reflections view (being built)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from selftrust.ui.context import UiContext
from selftrust.ui.widgets.empty_state import EmptyState


class JournalView(EmptyState):
    painted_with_data = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__("reflections", "Reflections", "This view is being built.")
        self.ctx = ctx

    def paintEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802
        super().paintEvent(event)
        self.painted_with_data.emit()
