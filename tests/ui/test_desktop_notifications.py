"""Reminders reach a person on every desktop: as a desktop notification where a notification
service listens (through the portal inside a Flatpak), through the tray where only a tray
exists, and Preferences says which. Tested against a real bus: `dbus-run-session` starts a
private one with the small server in `notification_server.py` on it."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from dialog_helpers import close_at_end
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from selftrust import APP_ID, APP_NAME
from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reminders import Kind, Nudge, OpenPromise
from selftrust.ui.desktop import notify_route
from selftrust.ui.desktop.desktop_citizen import DesktopCitizen
from selftrust.ui.desktop.notifications import Note, note_for
from selftrust.ui.desktop.notify_route import Route, pick_route
from selftrust.ui.dialogs.commitment_dialog import new_commitment
from selftrust.ui.dialogs.desktop_prefs import DesktopPrefsSection
from selftrust.ui.shell.context import UiContext

TODAY = date(2026, 11, 24)
SERVER = Path(__file__).with_name("notification_server.py")
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""  # a session bus that starts no services: only what the test puts on it is there

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-run-session") is None,
    reason="dbus-run-session is not installed (Debian: apt-get install dbus-daemon)")


@dataclass
class PrivateBus:
    """A private session bus with the test server on it, and the app's connection to it."""

    connection: QDBusConnection
    state: Path

    def calls(self, name: str) -> list[dict[str, Any]]:
        if not self.state.exists():
            return []
        lines = self.state.read_text(encoding="utf-8").splitlines()
        return [c for c in map(json.loads, lines) if c["call"] == name]

    def press(self, method: str, *args: object) -> None:
        """A person's click on the server side (see notification_server.Control)."""
        call = QDBusMessage.createMethodCall("io.github.selftrust.TestServer", "/control",
                                             "io.github.selftrust.TestServer", method)
        call.setArguments(list(args))
        reply = self.connection.call(call, QDBus.CallMode.Block, 5000)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()


_names = count()


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[Callable[[str], PrivateBus]]:
    """Start a bus with the server in a mode; every bus started is stopped at the end."""
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG, encoding="utf-8")
    started: list[tuple[subprocess.Popen[str], int, str]] = []

    def start(mode: str) -> PrivateBus:
        state = tmp_path / f"{mode}.jsonl"
        proc = subprocess.Popen(
            ["dbus-run-session", f"--config-file={config}", "--", sys.executable,
             str(SERVER), str(state), mode],
            stdout=subprocess.PIPE, text=True, start_new_session=True)
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        line = proc.stdout.readline().split() if ready else []
        if len(line) != 3 or line[0] != "READY":
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            pytest.fail(f"the test notification server did not start: {line}")
        name = f"selftrust-test-{next(_names)}"
        started.append((proc, int(line[1]), name))
        connection = QDBusConnection.connectToBus(line[2], name)
        assert connection.isConnected(), connection.lastError().message()
        return PrivateBus(connection, state)

    yield start
    for proc, server_pid, name in started:
        QDBusConnection.disconnectFromBus(name)
        os.kill(server_pid, signal.SIGTERM)  # dbus-run-session then stops its bus
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the session's group: daemon included
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.fixture
def no_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))


@dataclass
class App:
    """The running app (workspace, main window, fixed clock) whose desktop citizen talks
    to a private bus: what each test drives."""

    ctx: UiContext
    window: Any  # MainWindow
    clock: FixedClock
    qtbot: QtBot
    start_bus: Callable[[str], PrivateBus]
    made: list[DesktopCitizen]

    def on(self, mode: str, *, in_flatpak: bool = False) -> tuple[PrivateBus, DesktopCitizen]:
        bus = self.start_bus(mode)
        citizen = DesktopCitizen(self.ctx, self.window, bus=bus.connection,
                                 in_flatpak=in_flatpak)
        self.made.append(citizen)
        return bus, citizen

    def remind(self, title: str, at: time = time(12, 30), target: Target | None = None
               ) -> int:
        draft = CommitmentDraft(title, Rules(target=target),
                                created_on=TODAY - timedelta(days=3), reminder=Reminder(at))
        return self.ctx.ws.commitments.create(draft).id

    def fall_due(self, citizen: DesktopCitizen) -> None:
        """The clock moves past 12:30 and the timer ticks (no waiting for real minutes)."""
        self.clock.advance(minutes=31)
        citizen.tick()

    def the_one_sent(self, bus: PrivateBus, citizen: DesktopCitizen, call: str = "Notify"
                     ) -> dict[str, Any]:
        """What the server received when the 12:30 reminders fell due: exactly one note."""
        self.fall_due(citizen)
        self.qtbot.waitUntil(lambda: len(bus.calls(call)) == 1)
        [sent] = bus.calls(call)
        return sent

    def kept(self, cid: int) -> bool:
        stored = self.ctx.ws.checkins.get(cid, TODAY)
        return stored is not None and stored.state.status is Status.KEPT

    def kept_in_today(self, title: str) -> bool:
        view = self.window.page("today")
        return any(i.title == title and i.status is Status.KEPT for i in view.model.items())


@pytest.fixture
def app(private_bus: Callable[[str], PrivateBus], ctx: UiContext, window: Any,
        clock: FixedClock, qtbot: QtBot) -> Iterator[App]:
    running = App(ctx, window, clock, qtbot, private_bus, [])
    yield running
    for c in running.made:
        c.timer.stop()
        c.tray.hide()
    QApplication.setQuitOnLastWindowClosed(True)


# --- the freedesktop notification service ----------------------------------------------

def test_a_reminder_arrives_as_a_notification_and_kept_checks_it_in(
        app: App, no_tray: None) -> None:
    walk = app.remind("Walk")
    bus, citizen = app.on("notifications")
    assert citizen.route is Route.NOTIFICATIONS  # no tray needed
    sent = app.the_one_sent(bus, citizen)
    assert sent["app_name"] == APP_NAME and sent["replaces_id"] == 0
    assert sent["summary"] == "Walk"
    assert sent["body"] == "Still open today. A small step is enough."
    assert sent["actions"] == ["default", "Open", "kept", "Kept", "open", "Open"]
    assert sent["hints"] == {"desktop-entry": APP_ID, "urgency": 1}
    assert sent["expire_timeout"] == -1

    bus.press("Invoke", sent["id"], "kept")
    app.qtbot.waitUntil(lambda: app.kept(walk))
    app.qtbot.waitUntil(lambda: app.kept_in_today("Walk"))  # shown at once
    undo = app.ctx.undo
    assert undo.undoText() == "Kept “Walk”"  # the same undoable step as the tray's
    undo.undo()
    assert app.ctx.ws.checkins.get(walk, TODAY) is None


def _note_answered_later(app: App, change: Callable[[int], None]) -> int:
    """Walk's 12:30 note is shown; ``change`` happens; then "Kept" is pressed on it."""
    walk = app.remind("Walk")
    bus, citizen = app.on("notifications")
    sent = app.the_one_sent(bus, citizen)
    app.window.show_view("streaks")
    app.window.hide()
    change(walk)
    bus.press("Invoke", sent["id"], "kept")
    app.qtbot.waitUntil(lambda: app.window.isVisible() and app.window.current_view == "today")
    return walk


def test_kept_on_yesterdays_note_opens_today_and_records_nothing(app: App) -> None:
    """Desktops keep notifications for days: "Kept" on yesterday's note must not check
    off today, nor yesterday after the fact; it shows Today instead."""
    walk = _note_answered_later(app, lambda _walk: app.clock.advance(days=1))
    checkins = app.ctx.ws.checkins
    assert checkins.get(walk, TODAY) is None
    assert checkins.get(walk, TODAY + timedelta(days=1)) is None
    assert app.ctx.undo.count() == 0


def test_kept_does_not_overwrite_a_day_already_recorded(app: App) -> None:
    def mark_missed(walk: int) -> None:
        app.ctx.ws.checkins.record(walk, TODAY, CheckinState(Status.MISSED))

    walk = _note_answered_later(app, mark_missed)
    stored = app.ctx.ws.checkins.get(walk, TODAY)
    assert stored is not None and stored.state.status is Status.MISSED


def test_open_raises_the_window_on_today(app: App) -> None:
    app.remind("Walk")
    bus, citizen = app.on("notifications")
    app.window.show_view("streaks")
    app.window.hide()
    bus.press("Invoke", app.the_one_sent(bus, citizen)["id"], "open")
    app.qtbot.waitUntil(lambda: app.window.isVisible() and app.window.current_view == "today")


def test_several_at_one_minute_make_one_note_without_markup(app: App) -> None:
    app.remind("Walk")
    app.remind("Tea & <b>toast</b>")
    sent = app.the_one_sent(*app.on("notifications"))
    assert sent["summary"] == "Your promises today"
    assert sent["body"] == "Still open today: Walk, Tea &amp; &lt;b&gt;toast&lt;/b&gt;."
    # two promises: "Kept" could not say which one; "Open" shows them both
    assert sent["actions"] == ["default", "Open", "open", "Open"]


def test_a_server_without_body_markup_gets_the_words_as_typed(app: App) -> None:
    app.remind("Walk")
    app.remind("Tea & <b>toast</b>")
    sent = app.the_one_sent(*app.on("plain-body"))
    assert sent["body"] == "Still open today: Walk, Tea & <b>toast</b>."


def test_capabilities_are_asked_once_per_server(app: App) -> None:
    app.remind("Walk")
    app.remind("Read", at=time(13, 30))
    bus, citizen = app.on("notifications")
    app.the_one_sent(bus, citizen)
    app.clock.advance(hours=1)
    citizen.tick()
    app.qtbot.waitUntil(lambda: len(bus.calls("Notify")) == 2)
    assert len(bus.calls("GetCapabilities")) == 1


def test_a_server_without_actions_gets_no_buttons(app: App) -> None:
    walk = app.remind("Walk")
    bus, citizen = app.on("no-actions")
    sent = app.the_one_sent(bus, citizen)
    assert (sent["summary"], sent["actions"]) == ("Walk", [])
    assert sent["body"] == "Still open today. A small step is enough."
    bus.press("Dismiss", sent["id"])  # closed unanswered: nothing is recorded
    app.qtbot.waitUntil(lambda: not citizen.notifier.shown)  # type: ignore[attr-defined]
    assert app.ctx.ws.checkins.get(walk, TODAY) is None


def test_amounts_are_not_kept_from_a_notification(app: App) -> None:
    read = app.remind("Read", target=Target(20, "pages", Period.DAY))
    bus, citizen = app.on("notifications")
    sent = app.the_one_sent(bus, citizen)
    assert sent["actions"] == ["default", "Open", "open", "Open"]
    bus.press("Invoke", sent["id"], "kept")  # a server replaying a stale key: ignored
    app.qtbot.waitUntil(lambda: not citizen.notifier.shown)  # type: ignore[attr-defined]
    assert app.ctx.ws.checkins.get(read, TODAY) is None


# --- the portal, inside a Flatpak ------------------------------------------------------

def test_in_a_flatpak_reminders_go_through_the_portal(app: App, no_tray: None) -> None:
    walk = app.remind("Walk")
    bus, citizen = app.on("portal", in_flatpak=True)
    assert citizen.route is Route.PORTAL
    sent = app.the_one_sent(bus, citizen, "AddNotification")
    assert sent["notification"] == {
        "title": "Walk",
        "body": "Still open today. A small step is enough.",
        "priority": "normal",
        "default-action": "open",
        "buttons": {"signature": "aa{sv}", "count": 2},  # Kept, Open
    }
    bus.press("InvokePortal", sent["id"], "kept")
    app.qtbot.waitUntil(lambda: app.kept(walk))
    app.qtbot.waitUntil(lambda: app.kept_in_today("Walk"))


# --- choosing the route ----------------------------------------------------------------

def test_a_bus_without_a_server_falls_back_to_the_tray_or_nothing(
        private_bus: Callable[[str], PrivateBus]) -> None:
    bus = private_bus("none")
    assert pick_route(bus.connection, in_flatpak=False, tray_available=True) is Route.TRAY
    assert pick_route(bus.connection, in_flatpak=False, tray_available=False) is Route.NONE
    disconnected = QDBusConnection("never-connected")
    assert pick_route(disconnected, in_flatpak=True, tray_available=False) is Route.NONE


def test_with_only_a_tray_reminders_reach_the_tray(app: App, with_tray: None) -> None:
    app.remind("Walk")
    _bus, citizen = app.on("none")
    assert citizen.route is Route.TRAY
    shown: list[list[Nudge]] = []
    citizen.tray.notify = lambda nudges: shown.append(nudges) or True  # type: ignore[method-assign]
    app.fall_due(citizen)
    assert [[n.promises[0].title for n in ns] for ns in shown] == [["Walk"]]


# --- what Preferences and the commitment form say ---------------------------------------

def test_preferences_say_reminders_arrive_as_notifications_without_a_tray(
        private_bus: Callable[[str], PrivateBus], ctx: UiContext, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, no_tray: None) -> None:
    bus = private_bus("notifications")
    monkeypatch.setattr(notify_route, "session_bus", lambda: bus.connection)
    section = DesktopPrefsSection(ctx)
    qtbot.addWidget(section)
    section.show()
    assert section.route_note.text() == "Reminders arrive as desktop notifications."
    assert section.reminders.isEnabled() and section.reminders.isChecked()
    section.summary.click()
    assert ctx.ws.settings.summary_enabled and section.summary_time.isEnabled()
    # keeping running in a tray still needs one, and says so
    assert not section.keep.isEnabled()
    assert section.tray_note is not None and "no system tray" in section.tray_note.text()
    assert section.keep.accessibleDescription() == section.tray_note.text()
    assert "reminder" not in section.tray_note.text().lower()


def test_the_commitment_form_offers_a_reminder_without_a_tray(
        private_bus: Callable[[str], PrivateBus], ctx: UiContext, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, no_tray: None) -> None:
    bus = private_bus("notifications")
    monkeypatch.setattr(notify_route, "session_bus", lambda: bus.connection)
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    assert form.reminder.switch.isEnabled()
    form.done(0)


def test_the_dialogs_use_the_route_the_running_app_picked(
        app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, no_tray: None) -> None:
    """Opening a dialog asks the bus nothing (pick_route blocks): the running desktop
    citizen's route is the one in use."""
    app.on("notifications")

    def no_bus_calls(*_args: object, **_kw: object) -> Route:
        raise AssertionError("pick_route called again")

    monkeypatch.setattr(notify_route, "pick_route", no_bus_calls)
    section = DesktopPrefsSection(app.ctx)
    qtbot.addWidget(section)
    assert section.route_note.text() == "Reminders arrive as desktop notifications."
    form = new_commitment(app.ctx, None)
    close_at_end(qtbot, form)
    assert form.reminder.switch.isEnabled()
    form.done(0)


def test_a_tray_that_cannot_show_messages_offers_reminders_nowhere(
        ctx: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Preferences and the commitment form follow one rule (can_show)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: False))
    ctx.reminder_route = Route.TRAY
    section = DesktopPrefsSection(ctx)
    qtbot.addWidget(section)
    assert not section.reminders.isEnabled()
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    assert not form.reminder.switch.isEnabled()
    form.done(0)


def test_preferences_say_reminders_come_through_the_tray(
        ctx: UiContext, qtbot: QtBot, with_tray: None) -> None:
    section = DesktopPrefsSection(ctx)
    qtbot.addWidget(section)
    assert section.route_note.text() == "Reminders arrive through the tray icon."
    assert section.tray_note is None and section.reminders.isEnabled()


def test_preferences_say_when_reminders_cannot_be_shown(
        ctx: UiContext, qtbot: QtBot, no_tray: None) -> None:
    section = DesktopPrefsSection(ctx)
    qtbot.addWidget(section)
    line = section.route_note.text()
    assert "cannot be shown on this desktop" in line and "no notification service" in line
    assert not section.reminders.isEnabled()


# --- what a note says ---------------------------------------------------------------------

def _nudge(kind: Kind, *promises: OpenPromise) -> Nudge:
    from datetime import datetime

    return Nudge(kind, TODAY, datetime(2026, 11, 24, 12, 30), promises, len(promises))


WALK = OpenPromise(1, "Walk", "#000000", measurable=False)
READ = OpenPromise(2, "Read", "#000000", measurable=True)


def test_kept_is_offered_only_for_one_yes_no_promise() -> None:
    assert note_for([_nudge(Kind.COMMITMENT, WALK)]) == Note(
        "Walk", "Still open today. A small step is enough.", WALK, TODAY)
    assert note_for([_nudge(Kind.COMMITMENT, WALK)]).buttons == [("kept", "Kept"),
                                                                 ("open", "Open")]
    # an amount needs the window
    assert note_for([_nudge(Kind.COMMITMENT, READ)]).buttons == [("open", "Open")]
    # a summary counts promises and names none
    assert note_for([_nudge(Kind.SUMMARY, WALK)]).promise is None
    # after sleep, a catch-up naming one promise can keep it
    assert note_for([_nudge(Kind.CATCH_UP, WALK)]).promise == WALK
    assert note_for([_nudge(Kind.COMMITMENT, WALK), _nudge(Kind.COMMITMENT, READ)]
                    ).promise is None

