"""In the pseudo-language every word of the reflection dialog, the journal and the Streaks
view is bracketed: none of them was left outside gettext.

Widgets and data are made after switching to ``en_XA``; what the test typed itself (the
titles, the reflection's words, a unit, a note) is allowed. Every page of the reflection
dialog is walked (writing about a miss, a free one, editing, a kept draft come back, the
saved page and its promise, the question on closing), the journal with a reflection
read and one deleted, and the Streaks view with every kind of day. Painted texts are
caught as they are drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPainter, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.dashboard import schedule_hint
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.streaks.streaks_view import StreaksView
from tests.i18n_helpers import untranslated
from tests.ui.conftest import ScriptedPrompter
from tests.ui.reflect_helpers import part, type_into

TODAY = date(2026, 11, 24)
WALK, READ, GYM, COFFEE, OLD = "Walk daily", "Read books", "Gym sessions", "Coffee cups", \
    "Old habit"
TYPED = (WALK, READ, GYM, COFFEE, OLD, "pages", "cups", "Dune and tea",
         "I stayed on the sofa", "I chose the sofa but I was tired", "Be kind to yourself",
         "Rest matters", "Shoes by the door tonight", "Shoes by the door tonight.")
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.UserRole + 3,
         Qt.ItemDataRole.UserRole + 8)  # + the streaks' SPAN and LINE, the journal's DAY


def _plain(text: str) -> str:
    """A tooltip or rich label as it reads (tags and entities gone)."""
    if re.search(r"<(b|i|p|span|br)\b", text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        for role in ROLES:
            value = index.data(role)
            if isinstance(value, str):
                yield value


def visible_texts(top: QWidget) -> list[str]:
    """Every text a person can read or hear in ``top`` and its visible children."""
    found: list[str] = [top.windowTitle(), top.toolTip(), top.accessibleName(),
                        top.accessibleDescription()]
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top):
            continue
        found += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        found += [a.text() for a in w.actions()] + [a.toolTip() for a in w.actions()]
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            found += [w.itemText(n) for n in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            found += list(_model_texts(w.model()))
    return [_plain(t) for t in found if t]


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text our own paint code draws, as it is drawn."""
    seen: list[str] = []
    draw = QPainter.drawText

    def recording(self: QPainter, *args: Any) -> Any:
        for text in (a for a in args if isinstance(a, str)):
            # an elided line lost its closing bracket with its end: give it back
            seen.append(text + "]" * (text.count("[") - text.count("]"))
                        if text.endswith("…") else text)
        return draw(self, *args)

    monkeypatch.setattr(QPainter, "drawText", recording)
    return seen


def _nothing_untranslated(texts: list[str], allowed: tuple[str, ...] = TYPED) -> None:
    left = {t: words for t in texts if (words := untranslated(t, allowed))}
    assert left == {}


def _commitment(ws: Workspace, title: str, schedule: str = "daily",
                target: Target | None = None) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    return ws.commitments.create(
        CommitmentDraft(title, rules, created_on=date(2026, 8, 1))).id


def _days(ws: Workspace) -> dict[str, int]:
    """A little of every kind of day: kept runs, misses (one repaired), a skip, a note,
    a measurable day partly kept, an at-most limit passed, an archived commitment."""
    walk = _commitment(ws, WALK)
    for n in range(2, 12):
        ws.checkins.record(walk, TODAY - timedelta(days=n), CheckinState(Status.KEPT))
    ws.checkins.record(walk, TODAY - timedelta(days=1), CheckinState(Status.MISSED))
    ws.checkins.record(walk, TODAY - timedelta(days=12), CheckinState(Status.SKIPPED))
    ws.checkins.record(walk, TODAY - timedelta(days=14), CheckinState(Status.MISSED))
    read = _commitment(ws, READ, target=Target(10, "pages", Period.DAY))
    ws.checkins.record(read, TODAY - timedelta(days=2), CheckinState(Status.KEPT, 4,
                                                                     "Dune and tea"))
    ws.checkins.record(read, TODAY - timedelta(days=3), CheckinState(Status.KEPT, 12))
    gym = _commitment(ws, GYM, "mon,wed,fri")
    ws.checkins.record(gym, date(2026, 11, 23), CheckinState(Status.KEPT))
    coffee = _commitment(ws, COFFEE, target=Target(3, "cups", Period.WEEK, at_most=True))
    ws.checkins.record(coffee, TODAY - timedelta(days=1), CheckinState(Status.KEPT, 5))
    old = _commitment(ws, OLD)
    ws.checkins.record(old, date(2026, 8, 2), CheckinState(Status.KEPT))
    ws.checkins.record(old, date(2026, 8, 3), CheckinState(Status.KEPT))
    ws.commitments.archive(old, date(2026, 8, 10))
    old_one = ws.reflections.write(ReflectionDraft(
        TODAY - timedelta(days=14), walk, happened="I stayed on the sofa",
        friend="Be kind to yourself", learned="Rest matters",
        next_step="Shoes by the door tonight.", feeling_before=2, feeling_after=4))
    return {"walk": walk, "read": read, "gym": gym, "coffee": coffee, "old": old,
            "reflection": old_one.id}


def _keep(qtbot: QtBot, dialog: ReflectionDialog) -> None:
    """The dialog outlives its closing, so the test can read it and qtbot close it."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)


@pytest.fixture
def pseudo(language: Callable[[str], str]) -> None:
    language("en_XA")


def test_the_reflection_dialog_in_every_page(qtbot: QtBot, ctx: UiContext, pseudo: None,
                                             prompter: ScriptedPrompter,
                                             painted: list[str]) -> None:
    ids = _days(ctx.ws)
    said: list[str] = []

    # about a miss: the word of comfort, the prompts, the feelings, the coach's hint
    dialog = ReflectionDialog(ctx, None, commitment_id=ids["walk"], day=TODAY - timedelta(1))
    _keep(qtbot, dialog)
    dialog.show()
    dialog.page.support.setVisible(True)  # offered only now and then: shown to be read
    said += visible_texts(dialog)
    type_into(qtbot, part(dialog, "owning"), "I chose the sofa but I was tired")
    assert dialog.form.but_hint.isVisibleTo(dialog)
    assert dialog.keep_draft()
    said += visible_texts(dialog)  # the hint, "Draft kept"
    prompter.answers.append(None)  # "Close this reflection?": stay
    dialog.close()
    assert prompter.asked and prompter.asked[-1][0] == "choose"
    said += [prompter.asked[-1][1], prompter.asked[-1][2]]
    dialog.close_without_asking()

    # the draft comes back; then saved, with a next step made tomorrow's promise
    dialog = ReflectionDialog(ctx, None, commitment_id=ids["walk"], day=TODAY - timedelta(1))
    _keep(qtbot, dialog)
    dialog.show()
    assert dialog.notice.isVisibleTo(dialog)
    said += visible_texts(dialog)
    type_into(qtbot, part(dialog, "next_step"), "Shoes by the door tonight.")
    dialog.save()
    assert dialog.pages.currentIndex() == 1
    said += visible_texts(dialog)
    dialog.saved.promise_button.click()
    said += visible_texts(dialog)
    said += [dialog.ctx.undo.text(dialog.ctx.undo.index() - 1)]
    dialog.close()

    # a free reflection: what it is about, and the day
    free = ReflectionDialog(ctx, None)
    _keep(qtbot, free)
    free.show()
    said += visible_texts(free)
    assert free.choices is not None
    free.choices.about.setCurrentIndex(free.choices.about.findData(ids["read"]))
    said += visible_texts(free)
    free.close()

    # editing an old one
    edit = ReflectionDialog(ctx, None, reflection=ctx.ws.reflections.get(ids["reflection"]))
    _keep(qtbot, edit)
    edit.show()
    said += visible_texts(edit)
    edit.close()

    _nothing_untranslated(said + painted)


def test_the_journal_with_a_reflection_read(qtbot: QtBot, ctx: UiContext, pseudo: None,
                                            painted: list[str]) -> None:
    said: list[str] = []
    empty = JournalView(ctx)  # nothing written yet
    qtbot.addWidget(empty)
    empty.resize(800, 600)
    empty.show()
    said += visible_texts(empty)

    ids = _days(ctx.ws)
    ctx.ws.reflections.write(ReflectionDraft(TODAY - timedelta(days=1), ids["walk"],
                                             happened="I stayed on the sofa"))
    view = JournalView(ctx)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.select_id(view.model.entry(0).id)
    assert view.pane.scroll_area.isVisibleTo(view)
    said += visible_texts(view)
    view.list.grab()  # the delegate paints every row's words
    view.range.setCurrentIndex(view.range.count() - 1)  # chosen dates: From, To
    view.search.setText("nothing like this at all")
    view.refresh()
    said += visible_texts(view)
    view.search.setText("")
    view.range.setCurrentIndex(0)
    view.refresh()
    view.select_id(view.model.entry(view.model.rowCount() - 1).id)  # the repairing one
    view.delete_current()
    assert view.undo_bar.isVisibleTo(view)
    said += visible_texts(view)
    said += [ctx.undo.text(ctx.undo.index() - 1)]

    _nothing_untranslated(said + painted)


def test_the_streaks_view_with_every_kind_of_day(qtbot: QtBot, ctx: UiContext, pseudo: None,
                                                 painted: list[str]) -> None:
    said: list[str] = []
    empty = StreaksView(ctx)  # no commitment yet
    qtbot.addWidget(empty)
    empty.show()
    said += visible_texts(empty)

    ids = _days(ctx.ws)
    view = StreaksView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    view.show_archived.setChecked(True)
    hints = []
    for key in ("walk", "read", "gym", "coffee", "old"):
        cid = ids[key]
        assert view.select_commitment(cid), key
        hints.append(schedule_hint(ctx.ws.commitments.get(cid)))
        said += visible_texts(view)
        heat = view.heat
        for n in range(0, 20):
            day = TODAY - timedelta(days=n)
            said += [_plain(heat.tooltip_html(day)), heat.words_for(day)]
            said += [a.text() for a in heat.day_menu(day).actions()]
        said += [_plain(heat.tooltip_html(TODAY + timedelta(days=3)))]
        view.grab()  # months, weekdays, legend and rows as they are painted
    view.best.one_button.click()
    said += visible_texts(view)
    ctx.ws.commitments.archive(ids["walk"])
    for cid in (ids["read"], ids["gym"], ids["coffee"]):
        ctx.ws.commitments.archive(cid)
    view.show_archived.setChecked(False)
    view.reload()
    said += visible_texts(view)  # every commitment archived

    # The schedule line begins with the services' words for the schedule: theirs to test.
    _nothing_untranslated(said + painted, TYPED + tuple(hints))


def test_the_pseudo_test_would_see_a_word_left_out(qtbot: QtBot, ctx: UiContext,
                                                   pseudo: None) -> None:
    """The walk is not blind: an English word set by hand is found."""
    view = StreaksView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.empty.title.setText("No streaks yet")
    left = [w for t in visible_texts(view) for w in untranslated(t)]
    assert "streaks" in left
    assert re.search(r"\[", view.empty.text.text())
