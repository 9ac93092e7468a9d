"""Today's first paint, then its figures: the day is painted from that day's check-ins
alone, and streaks and progress (which need the whole ledger, years of check-ins) are
filled in just after, a chunk of the ledger and then one row per turn of the event loop,
so the window comes up at once and stays responsive."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from selftrust.services.dashboard import DayItem
from selftrust.ui.shell.context import UiContext
from selftrust.ui.today.today_model import TodayModel

FIGURES_DELAY_MS = 40
"""After the first paint, a moment for the window to settle (and the start-up probe to
see it) before streaks and progress load: reading ten years of check-ins blocks the
event loop once for about a tenth of a second."""


class FigureFiller:
    """Fills in the rows' figures after a paint; a newer reload stops an older round."""

    def __init__(self, view: QWidget, ctx: UiContext, model: TodayModel,
                 done: Callable[[], None]) -> None:
        self._view = view
        self._ctx = ctx
        self._model = model
        self._done = done
        self._round = 0
        self._after_paint = False
        self._carried: set[int] = set()  # rows showing their previous figures

    def restart(self, items: list[DayItem], carried: Collection[int] = ()) -> None:
        """New rows were shown: the next paint (the first, at start-up) fills them in,
        and refreshes the ``carried`` commitments' rows (see `carry_figures`)."""
        self._round += 1
        self._carried = set(carried)
        self._after_paint = bool(carried) or any(not item.figures for item in items)

    def painted(self) -> None:
        if self._after_paint:
            self._after_paint = False
            QTimer.singleShot(FIGURES_DELAY_MS, self._start)

    @property
    def complete(self) -> bool:
        return not self._carried and all(item.figures for item in self._model.items())

    def _start(self) -> None:
        n = self._round
        ledger = self._ctx.ws.ledger
        steps = None if ledger.loaded else ledger.load_in_steps()
        QTimer.singleShot(0, lambda: self._fill(n, -1, steps))

    def _fill(self, round_: int, row: int, steps: Iterator[None] | None) -> None:
        """Load the ledger a chunk at a time, then complete one row per turn."""
        if round_ != self._round:
            return
        if not self._view.isVisible():  # the window closed (or Today was left): resume on show
            self._after_paint = True
            return
        ws = self._ctx.ws
        if row < 0:
            if steps is not None and not ws.ledger.loaded:
                try:
                    next(steps)
                    QTimer.singleShot(0, lambda: self._fill(round_, -1, steps))
                    return
                except StopIteration:
                    pass
            ws.ledger.ensure_loaded()  # a change meanwhile stopped the steps: read afresh
        elif row < self._model.rowCount():
            item = self._model.item(row)
            if not item.figures or item.commitment_id in self._carried:
                self._model.replace(row, ws.dashboard.refresh(item))
                self._carried.discard(item.commitment_id)
        if row + 1 < self._model.rowCount():
            QTimer.singleShot(0, lambda: self._fill(round_, row + 1, None))
        else:
            self._done()


def carry_figures(items: list[DayItem], shown: list[DayItem]
                  ) -> tuple[list[DayItem], set[int]]:
    """Rows without figures that keep the figures they showed before, and the ids of
    those rows: after a change merged from elsewhere the day's own state is read at
    once and the streaks stay as they were until their row is filled in again, rather
    than every row losing its streak for a moment."""
    before = {item.commitment_id: item for item in shown if item.figures}
    rows: list[DayItem] = []
    carried: set[int] = set()
    for item in items:
        old = before.get(item.commitment_id)
        if item.figures or old is None or old.day != item.day:
            rows.append(item)
            continue
        rows.append(replace(item, current_streak=old.current_streak,
                            best_streak=old.best_streak, strength=old.strength,
                            progress=old.progress, figures=True))
        carried.add(item.commitment_id)
    return rows, carried
