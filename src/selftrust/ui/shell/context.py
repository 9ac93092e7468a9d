"""What every view gets: the services, the change signal, the undo stack (the main
window's, once there is one), the per-machine preferences, and a way to ask the window
to go somewhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.bridge import Bridge
from selftrust.ui.shell.prefs import UiPrefs

if TYPE_CHECKING:
    from selftrust.ui.desktop.notify_route import Route
    from selftrust.ui.shell.loop_follow import LoopFollower
    from selftrust.ui.shell.sync_follow import SyncFollower


class Navigator(Protocol):
    """Implemented by the main window; views call it instead of knowing each other."""

    def show_view(self, key: str) -> None: ...

    def show_day(self, day: date) -> None: ...

    def reflect_on(self, commitment_id: int | None, day: date | None) -> None: ...

    def new_commitment(self) -> None: ...

    def edit_commitment(self, commitment_id: int) -> None: ...


@runtime_checkable
class DayPage(Protocol):
    """A view that shows one day (Today): the window moves it between days."""

    @property
    def day(self) -> date: ...

    def set_day(self, day: date) -> None: ...

    def go_today(self) -> None: ...


class Clockwork(QObject):
    """Signals about time: the day rolled over; preferences changed."""

    day_changed = Signal(object)  # the new today (a date)
    prefs_changed = Signal()


@dataclass
class UiContext:
    ws: Workspace
    bridge: Bridge
    undo: QUndoStack
    prefs: UiPrefs
    clockwork: Clockwork
    navigator: Navigator | None = None
    # The way reminders go, as the running DesktopCitizen picked it (None until it
    # starts): dialogs read it instead of asking the bus again.
    reminder_route: Route | None = None
    # The main window's follower of the Loop backup folder (Preferences → Loop drives it).
    loop: LoopFollower | None = None
    # The main window's follower of the sync folder (Preferences → Sync drives it).
    sync: SyncFollower | None = None

    def nav(self) -> Navigator:
        assert self.navigator is not None, "views are used inside the main window"
        return self.navigator
