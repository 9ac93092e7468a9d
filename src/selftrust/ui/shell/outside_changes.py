"""Showing changes another program made to the data while the window is open.

`selftrust check Walk` in a terminal commits through its own connection; the window
would never know. While the window is visible it asks the workspace every couple of
seconds (and at once when the window is activated, the moment a person comes back
from the terminal) whether someone else committed. If so, the undo steps go first
(they hold the state from before, and undoing one could quietly overwrite what the
terminal wrote), then the workspace reloads and every view with it, and the status
bar says what happened. The reload reads a slice at a time between turns of the event
loop, so merging ten years does not freeze the window. Polling only reads; the
single-writer rule is untouched.

The window's own sync pass (a `selftrust sync` process) commits too, every time, if
only to note that it ran: while it runs the watch is held, and when it ends it says
whether it brought anything. A pass that only sent is the window's own doing and is
not an outside change (the undo steps stay); one that brought changes is.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import N_
from selftrust.services.errors import DataProblem
from selftrust.ui.shell.context import UiContext

log = logging.getLogger(__name__)

POLL_MS = 2_000
SLICE_S = 0.02
UPDATED = N_("Updated with changes made outside the app")  # in the status bar: _(UPDATED)


class OutsideChanges(QObject):
    noticed = Signal()  # after the views reloaded with the outside change

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._stale = False  # noticed, but the reload failed (busy file): try again
        self._steps: Iterator[None] | None = None  # a merge going on, a slice per turn
        self._held = False  # our own sync pass is under way
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        ctx.ws.changed_elsewhere()  # start watching now, before the views read anything
        if window.isVisible():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Show:
            self.timer.start()
        elif kind == QEvent.Type.Hide:
            self.timer.stop()
        elif kind == QEvent.Type.WindowActivate:
            self.check()
        return False

    def check(self) -> bool:
        """Reload if another program changed the data; True when it did."""
        ws = self.ctx.ws
        if ws.db.closed or self._held:
            return False
        if self._steps is not None:  # still merging the last one
            return False
        try:
            if not (ws.changed_elsewhere() or self._stale):
                return False
        except DataProblem as exc:  # busy or gone for a moment: the next poll tries again
            log.warning("could not look for an outside change: %s", exc)
            return False
        self._stale = True
        self.ctx.undo.clear()
        self._steps = ws.reload_in_steps()
        self._continue()
        return True

    def _continue(self) -> None:
        """Read on for a slice of time, then let the window paint and answer; ten years
        merge over a few turns of the event loop, a small change in this one."""
        steps = self._steps
        if steps is None:
            return
        started = time.perf_counter()
        try:
            next(steps)  # at least one step a turn
            while time.perf_counter() - started < SLICE_S:
                next(steps)
        except StopIteration:
            self._steps = None
        except DataProblem as exc:  # busy or gone for a moment: the next poll tries again
            self._steps = None
            log.warning("could not reload after an outside change: %s", exc)
            return
        if self._steps is not None:
            QTimer.singleShot(0, self._continue)
            return
        self._stale = False
        log.info("reloaded after a change made outside the app")
        self.noticed.emit()
    def hold(self) -> None:
        """Our own sync pass is about to commit: not an outside change until it ends."""
        self._held = True

    def release(self, brought: bool) -> bool:
        """Our pass ended. When it brought changes, show them as any outside change (True
        when the views reloaded); else its commit is taken as the window's own."""
        self._held = False
        if brought:
            return self.check()
        if not self.ctx.ws.db.closed:
            try:
                self.ctx.ws.changed_elsewhere()
            except DataProblem as exc:
                log.warning("could not look at the database after a sync pass: %s", exc)
        return False
