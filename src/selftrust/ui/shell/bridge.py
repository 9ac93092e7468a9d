"""Turns the services' change notices into a Qt signal every view can listen to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from selftrust.services.events import Change
from selftrust.services.workspace import Workspace


class Bridge(QObject):
    changed = Signal(object)  # a services.events.Change

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._unsubscribe = ws.subscribe(self._forward)

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._unsubscribe()
