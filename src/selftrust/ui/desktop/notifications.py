"""Reminders as desktop notifications: what one says, and the routes behind one interface.

`DesktopCitizen` hands each minute's nudges to a `Notifier` and listens to two things a
person can answer from the notification: "Kept" (check the promise in for today, the
same undoable step as the tray's menu and Today, but only while the note's day is today
and still open: otherwise it opens Today and records nothing) and "Open" (the window on Today). The
route (the freedesktop service, the Flatpak portal or the tray) is picked once at
start, in `notify_route`; a D-Bus route that fails falls back to the tray's balloon, so a
reminder is never lost to a service that went away.

Several reminders at the same minute make **one** notification, as they do in the tray:
at 09:00 three promises read better as one gentle note than as three banners. "Kept" is
offered only when the note is about one yes/no promise, since it must be clear which
promise the button keeps; an amount needs the window, so a measurable one gets "Open".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection

from selftrust.base.i18n import pgettext
from selftrust.services.reminders import Kind, Nudge, OpenPromise, combine
from selftrust.ui.desktop.notify_route import Route
from selftrust.ui.desktop.tray import Tray

log = logging.getLogger(__name__)

KEPT = "kept"
OPEN = "open"
TIMEOUT_MS = 3000  # a notification server answers at once; never hang the app on one

Fallback = Callable[[list[Nudge]], bool]


@dataclass(frozen=True, slots=True)
class Note:
    """One notification: its words, the promise its "Kept" button would keep, and the
    day it is about (desktops keep notifications for days: "Kept" pressed tomorrow must
    not keep tomorrow)."""

    title: str
    body: str
    promise: OpenPromise | None = None
    day: date | None = None

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(action key, label) in the order they are shown."""
        # TRANSLATORS: a button on a reminder's desktop notification: keeps the promise
        # for today (short: notifications have narrow buttons).
        kept = pgettext("notification button", "Kept")
        keep = [(KEPT, kept)] if self.promise is not None else []
        return [*keep, (OPEN, open_label())]


def open_label() -> str:
    """The notification's "Open" (its button, and a click on the note itself)."""
    # TRANSLATORS: a button on a reminder's desktop notification: shows Today (short).
    return pgettext("notification button", "Open")


def note_for(nudges: list[Nudge]) -> Note:
    """The one note for what fell due at this check."""
    title, body = combine(nudges)
    promises: list[OpenPromise] = []
    for nudge in nudges:
        promises.extend(p for p in nudge.promises if p not in promises)
    named = not (len(nudges) == 1 and nudges[0].kind is Kind.SUMMARY)  # a count names none
    one = promises[0] if len(promises) == 1 and named else None
    return Note(title, body, one if one is not None and not one.measurable else None,
                nudges[0].day)


class Notifier(QObject):
    """Shows reminders one way; says when the person answered one."""

    kept = Signal(object, object)  # the OpenPromise to keep, and the day its note was about
    open_requested = Signal()  # show the window on Today
    route: Route = Route.NONE

    def notify(self, nudges: list[Nudge]) -> bool:
        """Show what is due; False when it could not be shown."""
        raise NotImplementedError

    def answer(self, note: Note | None, action: str) -> None:
        """The person pressed ``action`` on ``note`` (None: not one of ours)."""
        if note is None:
            return
        if action == KEPT and note.promise is not None:
            self.kept.emit(note.promise, note.day)
        elif action in (OPEN, "default"):
            self.open_requested.emit()


class TrayNotifier(Notifier):
    """The tray's balloon message (clicking it opens Today): the route where only a tray
    exists, and the fallback of the others. Without a tray it logs what it could not
    show, as it always has."""

    route = Route.TRAY

    def __init__(self, tray: Tray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray

    def notify(self, nudges: list[Nudge]) -> bool:
        return self.tray.notify(nudges)


class DbusNotifier(Notifier):
    """What the freedesktop and portal routes share: the bus, the notes on screen by
    id (so an answer finds its promise), and the tray to fall back on."""

    def __init__(self, bus: QDBusConnection, fallback: Fallback,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.fallback = fallback
        self.shown: dict[object, Note] = {}

    def notify(self, nudges: list[Nudge]) -> bool:
        if not nudges:
            return False
        note = note_for(nudges)
        if self.show(note):
            return True
        log.warning("reminder: the %s route failed; trying the tray", self.route)
        return self.fallback(nudges)

    def show(self, note: Note) -> bool:
        raise NotImplementedError

