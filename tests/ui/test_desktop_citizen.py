"""The desktop citizen in the running app: reminders reach the tray at their minute,
closing the window can keep Self-Trust in the tray, and Quit always quits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.reminder import Reminder
from selftrust.services.autostart import Autostart
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reminders import Kind, Nudge
from selftrust.ui.desktop.desktop_citizen import DesktopCitizen, autostart_for, keep_in_tray
from selftrust.ui.dialogs.desktop_prefs import DesktopPrefsSection
from selftrust.ui.shell.context import UiContext

TODAY = date(2026, 11, 24)


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the desktop has a tray (offscreen has none)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))


@pytest.fixture
def citizen(window, ctx: UiContext) -> Iterator[DesktopCitizen]:  # type: ignore[no-untyped-def]
    c = DesktopCitizen(ctx, window)
    shown: list[list[Nudge]] = []
    c.shown = shown  # type: ignore[attr-defined]
    c.tray.notify = lambda nudges: shown.append(nudges) or True  # type: ignore[method-assign]
    yield c
    c.timer.stop()
    c.tray.hide()
    QApplication.setQuitOnLastWindowClosed(True)


def remind(ctx: UiContext, title: str, at: time) -> int:
    draft = CommitmentDraft(title, Rules(), created_on=TODAY - timedelta(days=3),
                            reminder=Reminder(at))
    return ctx.ws.commitments.create(draft).id


def test_a_reminder_reaches_the_tray_at_its_minute(ctx: UiContext, citizen: DesktopCitizen,
                                                   clock: FixedClock) -> None:
    remind(ctx, "Walk", time(12, 30))
    for _ in range(45):  # the timer's ticks, a minute apart
        clock.advance(minutes=1)
        citizen.tick()
    shown: list[list[Nudge]] = citizen.shown  # type: ignore[attr-defined]
    assert [[(n.kind, n.promises[0].title) for n in ns] for ns in shown] == [
        [(Kind.COMMITMENT, "Walk")]]
    assert citizen.timer.isActive()  # aimed at the next minute boundary


def test_after_sleep_only_one_catch_up_reaches_the_tray(
        ctx: UiContext, citizen: DesktopCitizen, clock: FixedClock) -> None:
    remind(ctx, "Walk", time(13, 0))
    remind(ctx, "Read", time(14, 0))
    clock.moment = datetime(2026, 11, 24, 18, 0).astimezone()
    citizen.tick()
    citizen.tick()
    shown: list[list[Nudge]] = citizen.shown  # type: ignore[attr-defined]
    assert [[n.kind for n in ns] for ns in shown] == [[Kind.CATCH_UP]]


def test_without_a_tray_closing_the_window_quits(ctx: UiContext, citizen: DesktopCitizen,
                                                 window) -> None:  # type: ignore[no-untyped-def]
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert not keep_in_tray(ctx.prefs)  # the default where there is no tray
    assert not citizen.keeps_running
    assert QApplication.quitOnLastWindowClosed()


def test_with_a_tray_closing_the_window_keeps_it_running(
        with_tray: None, ctx: UiContext, window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    citizen = DesktopCitizen(ctx, window)
    try:
        assert keep_in_tray(ctx.prefs) and citizen.keeps_running
        assert not QApplication.quitOnLastWindowClosed()
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible())
        citizen.open_today()  # from the tray's menu or a click on the icon
        assert window.isVisible() and window.current_view == "today"
        window.actions_.quit.trigger()  # File ▸ Quit still quits
        assert not window.isVisible()
        QApplication.processEvents()  # whatever quitting queued has run
        assert not window.isVisible()  # stays closed: not merely tucked away
    finally:
        citizen.timer.stop()
        citizen.tray.hide()
        QApplication.setQuitOnLastWindowClosed(True)


def test_the_preference_turns_keeping_in_the_tray_off(
        with_tray: None, ctx: UiContext, window, qtbot: QtBot,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    citizen = DesktopCitizen(ctx, window)
    section = DesktopPrefsSection(ctx, autostart=_autostart(tmp_path))
    qtbot.addWidget(section)
    try:
        assert section.keep.isEnabled() and section.keep.isChecked()
        section.keep.click()
        assert not keep_in_tray(ctx.prefs)
        assert QApplication.quitOnLastWindowClosed()
    finally:
        citizen.timer.stop()
        citizen.tray.hide()
        QApplication.setQuitOnLastWindowClosed(True)


def _autostart(tmp_path: Path, platform: str = "linux") -> Autostart:
    return Autostart(["/usr/bin/selftrust"], platform=platform, home=tmp_path,
                     environ={"XDG_CONFIG_HOME": str(tmp_path / "config")})


def test_prefs_save_reminder_settings(ctx: UiContext, qtbot: QtBot, tmp_path: Path,
                                      with_tray: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    section = DesktopPrefsSection(ctx, autostart=_autostart(tmp_path))
    qtbot.addWidget(section)
    assert section.reminders.isChecked() and not section.summary.isChecked()
    assert not section.summary_time.isEnabled()
    section.summary.click()
    assert ctx.ws.settings.summary_enabled and section.summary_time.isEnabled()
    section.summary_time.setFocus()
    section.summary_time.setTime(section.summary_time.time().addSecs(90 * 60))
    assert ctx.ws.settings.summary_time == "21:30"
    section.reminders.click()
    assert not ctx.ws.settings.reminders_enabled
    assert not section.summary.isEnabled()


def test_prefs_start_with_the_system(ctx: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    auto = _autostart(tmp_path)
    section = DesktopPrefsSection(ctx, autostart=auto)
    qtbot.addWidget(section)
    assert section.login.isEnabled() and not section.login.isChecked()
    section.login.click()
    assert auto.path.is_file()
    assert section.login_note.text().endswith("io.github.selftrust.SelfTrust.desktop")
    section.login.click()
    assert not auto.path.exists()


def test_prefs_say_when_the_system_cannot_start_it(ctx: UiContext, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    section = DesktopPrefsSection(ctx, autostart=_autostart(tmp_path, "haiku"))
    qtbot.addWidget(section)
    assert not section.login.isEnabled()
    assert "not available here" in section.login_note.text()
    assert not section.keep.isEnabled()  # offscreen: no tray


def test_autostart_runs_this_data_folder(ctx: UiContext) -> None:
    command = autostart_for(ctx).command
    assert command[-2:] == ["--data-dir", str(ctx.ws.db.folder.root)]


def test_a_long_login_entry_path_stays_one_line_and_whole_for_screen_readers(
        ctx: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 6) / "config"
    auto = _autostart(deep)
    section = DesktopPrefsSection(ctx, autostart=auto)
    qtbot.addWidget(section)
    section.resize(560, section.sizeHint().height())
    section.show()
    qtbot.waitExposed(section)
    note = section.login_note
    one_line = note.fontMetrics().height() + note.contentsMargins().top() * 2 + 2
    assert note.height() <= one_line  # a wrapped path would push Preferences off a small screen
    assert "…" in note.text() and note.text().endswith("io.github.selftrust.SelfTrust.desktop")
    assert str(auto.where).split("/")[-1] in note.accessibleName()
    assert note.toolTip().startswith("Adds a login entry: ") and "…" not in note.toolTip()
