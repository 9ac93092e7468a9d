"""The insights under a chart read every selected commitment's whole history (its day
states, strength, runs and jar counts): twenty years of a hundred commitments is a
few tenths of a second at once. Each commitment's arrays are derived once and kept
(services/chart_derived.py), so deriving them a slice of time per turn of the event
loop first makes the sentences cheap when they are finally written, and the window
keeps answering meanwhile."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from selftrust.services.chart_derived import Derived

SLICE_S = 0.015


def derive(items: list[Derived]) -> Iterator[None]:
    """Derive what the insights read of each commitment, one commitment a step."""
    for d in items:
        d.states  # noqa: B018 - derived and kept on first reading
        d.strength  # noqa: B018
        d.runs_longest_first  # noqa: B018
        d.jar_counts  # noqa: B018
        yield


class WarmUp(QObject):
    """Runs ``derive`` a slice per turn, then ``done``; a new start drops the old round."""

    def __init__(self, parent: QObject, done: Callable[[], None]) -> None:
        super().__init__(parent)
        self._done = done
        self._items: Callable[[], list[Derived]] = list
        self._steps: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._continue)

    def start(self, items: Callable[[], list[Derived]]) -> None:
        """Begin on the next turn (``items`` is asked then, so it is current)."""
        self._items = items
        self._steps = None
        self._timer.start(0)

    def stop(self) -> None:
        self._timer.stop()
        self._steps = None

    def _continue(self) -> None:
        if self._steps is None:
            self._steps = derive(self._items())
        started = time.perf_counter()
        for _ in self._steps:
            if time.perf_counter() - started > SLICE_S:
                self._timer.start(0)
                return
        self._steps = None
        self._done()
