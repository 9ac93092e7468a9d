"""In the pseudo-language every word the shell and the desktop show comes back in
brackets: the window's title, every menu and action, the view rail, the status bar, the
tray's menu, the notification's buttons, the problems told at start-up and the lines
about Loop and sync. A word left outside the brackets never passed through gettext.

What the views themselves show (Today's own title, its rows) is tested with the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from selftrust.base import i18n
from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import parse_schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import DataProblem
from selftrust.services.reminders import ReminderService
from selftrust.ui.desktop import notify_route
from selftrust.ui.desktop.notifications import Note
from selftrust.ui.desktop.tray import Tray, badge_text, tooltip
from selftrust.ui.shell import launch, loop_follow
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import VIEWS, MainWindow
from selftrust.ui.shell.outside_changes import UPDATED
from tests.i18n_helpers import untranslated
from tests.ui.conftest import ScriptedPrompter

TODAY = date(2026, 11, 24)
OURS = ("Self-Trust", "Loop Habit Tracker")
TITLES = ("Walk", "Read")  # typed by this test: the person's own words


def action_texts(actions: list[QAction]) -> list[str]:
    """Every action's words (text, tooltip, status tip), into its menus and their menus."""
    out: list[str] = []
    for action in actions:
        if action.isSeparator():
            continue
        out += [action.text(), action.toolTip(), action.statusTip()]
        menu = action.menu()
        if isinstance(menu, QMenu):
            out += [menu.title(), *action_texts(menu.actions())]
    return [text for text in out if text]


def left_out(texts: list[str], allowed: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Each text with words outside brackets, and those words."""
    found = {text: untranslated(text, (*OURS, *allowed)) for text in texts}
    return {text: words for text, words in found.items() if words}


@pytest.fixture
def pseudo(language: Callable[[str], str]) -> Iterator[None]:
    language(i18n.PSEUDO)
    yield


def _add(ctx: UiContext) -> None:
    for title, target in zip(TITLES, (None, Target(20, "pages", Period.DAY)), strict=True):
        rules = Rules(schedule=parse_schedule("daily"), target=target)
        ctx.ws.commitments.create(CommitmentDraft(title, rules,
                                                  created_on=TODAY - timedelta(days=10)))


@pytest.fixture
def window(qtbot: QtBot, ctx: UiContext, pseudo: None) -> MainWindow:
    """The main window, built after the switch, on data made after it."""
    _add(ctx)
    win = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    with qtbot.waitExposed(win):
        win.show()
    return win


def test_the_menus_and_their_actions(window: MainWindow) -> None:
    texts = action_texts(window.menuBar().actions())
    assert len(texts) > 60  # five menus, their actions, tooltips and status tips
    assert left_out(texts) == {}


def test_the_view_rail_and_the_window_title(window: MainWindow) -> None:
    texts: list[str] = []
    shortcuts: list[str] = []
    for key in VIEWS:
        button = window.rail._buttons[key]
        texts += [button.text(), button.toolTip(), button.accessibleName()]
        # The rail's tooltip ends with the view's keys: not words (the rail's own code).
        shortcuts.append(window.actions_.__getattribute__(f"view_{key}").shortcut().toString())
        window.show_view(key)
        if key != "today":  # Today names its day itself: tested with Today
            texts.append(window.windowTitle())
    today = window.page("today")
    window.show_view("today")
    texts.append(window.windowTitle())
    assert left_out(texts, (*shortcuts, getattr(today, "window_title", ""))) == {}


def test_the_status_bar_and_the_undo_words(window: MainWindow) -> None:
    texts = [window.statusBar().accessibleName()]
    window.outside.noticed.emit()
    assert window.status_text() == i18n._(UPDATED)
    texts.append(window.status_text())
    pulled = {"source": "/phone/Loop 2026-11-24 081500.db",
              "habits": {"new": 1, "changed": 2},
              "checkins": {"added": 3, "changed": 1, "removed": 2},
              "skipped": [], "deleted_on_phone": ["Pages"]}
    window.loop._pulled(pulled)
    texts.append(window.status_text())
    texts.append(loop_follow.last_merge_line(window.loop.settings.last))
    texts += [loop_follow.last_merge_line(None), loop_follow.brought({}),
              loop_follow.last_merge_line({"pull": None, "problem": None})]
    window.loop._unreadable("/phone")
    texts.append(loop_follow.last_merge_line(window.loop.settings.last))
    window.sync._unreadable("/sync")
    texts.append(window.sync.problem or "")
    assert left_out(texts, ("Pages",)) == {}


def test_the_tray_menu_and_its_undo_step(window: MainWindow) -> None:
    tray = Tray(window.ctx, ReminderService(window.ctx.ws))
    try:
        texts = [tray.menu.accessibleName(), tray.icon.toolTip(), tooltip([]),
                 *action_texts(tray.menu.actions()), badge_text(12)]
        walk = next(p for p in tray.promises if p.title == "Walk")
        tray.check_off(walk)
        texts += [window.actions_.undo.text(), *action_texts(tray.menu.actions())]
        window.ctx.undo.undo()
        texts.append(window.actions_.redo.text())
        assert left_out(texts, TITLES) == {}
        assert any(text.startswith("[") for text in action_texts(tray.menu.actions()))
    finally:
        tray.hide()
        tray.menu.deleteLater()


def test_the_notification_buttons_and_where_reminders_go(window: MainWindow) -> None:
    tray = Tray(window.ctx, ReminderService(window.ctx.ws))
    try:
        note = Note("[Ŵåļķ]", "[…]", tray.promises[0], TODAY)
        texts = [label for _key, label in note.buttons]
        texts += [notify_route.route_line(route) for route in notify_route.Route]
        texts.append(notify_route.no_tray_line())
        assert left_out(texts) == {}
    finally:
        tray.hide()
        tray.menu.deleteLater()


def test_problems_told_at_start_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   pseudo: None, prompter: ScriptedPrompter) -> None:
    def locked(*_args: Any, **_options: Any) -> None:
        raise DataProblem("[Ļöçķéđ]", path=str(tmp_path), kind="locked")

    monkeypatch.setattr(launch, "open_workspace", locked)
    offered: list[list[str]] = []
    choose = prompter.choose

    def remember(parent: Any, title: str, text: str, choices: list[str]) -> int | None:
        offered.append(choices)
        return choose(parent, title, text, choices)

    monkeypatch.setattr(prompter, "choose", remember)
    prompter.answers = [None]
    assert launch._open_with_recovery(tmp_path, None) is None  # type: ignore[arg-type]

    def damaged(*_args: Any, **_options: Any) -> None:
        raise DataProblem("[Đåɱåĝéđ]", path=str(tmp_path), kind="damaged")

    monkeypatch.setattr(launch, "open_workspace", damaged)
    monkeypatch.setattr(launch, "list_backups", lambda _dir: [])
    monkeypatch.setattr(launch, "start_fresh", lambda _dir: tmp_path / "aside.db")
    prompter.answers = [0, 1]  # restore a backup… (there is none), then start fresh
    monkeypatch.setattr(launch, "open_workspace", _second_time_lucky(damaged))
    assert launch._open_with_recovery(tmp_path, None) == "opened"  # type: ignore[arg-type]
    texts = [words for asked in prompter.asked for words in asked[1:3]]
    texts += [choice for choices in offered for choice in choices]
    assert len(texts) > 8
    assert left_out(texts, (str(tmp_path),)) == {}


def _second_time_lucky(fail: Callable[..., None]) -> Callable[..., Any]:
    """Fails twice (restore, then start fresh), then opens."""
    calls = {"n": 0}

    def open_it(*args: Any, **options: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= 2:
            fail(*args, **options)
        return "opened"

    return open_it


def test_the_damaged_file_notice(window: MainWindow, prompter: ScriptedPrompter) -> None:
    from selftrust.ui.shell import daily_backup

    prompter.answers = [1]  # not now
    daily_backup.tell_damage(window, DataProblem("[Đåɱåĝéđ]", path="x", kind="damaged"))
    kind, title, text, _detail = prompter.asked[-1]
    assert left_out([title, text]) == {}


def test_a_helper_command_that_cannot_start(qtbot: QtBot, pseudo: None, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from selftrust.ui.shell import cli_job

    monkeypatch.setattr(cli_job, "cli_program", lambda: (str(tmp_path / "missing"), []))
    job = cli_job.CliJob(tmp_path)
    with qtbot.waitSignal(job.failed, timeout=10_000) as said:
        job.run(["sync", "--json"])
    assert str(said.args[0]).startswith("[") and left_out(said.args) == {}
