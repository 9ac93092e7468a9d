"""Today in the pseudo-language: every word a person reads passed through gettext.

In ``en_XA`` every translated message comes back accented and in brackets; whatever
letters are left outside brackets were written by hand somewhere. The view is made
after switching, the data too, and every state a row can be in is shown: kept, not
kept, skipped, an amount against its target, a weekly amount, done for the week,
resting, unmarked, with a note; then the row menu, the note editor, the amount editor,
the banner's offer, the calendar, the empty pages and a day to come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.dashboard import DayItem
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.today import row_text
from selftrust.ui.today.today_view import TodayView
from tests.i18n_helpers import untranslated, visible_texts
from tests.ui.today_support import START, TODAY, row_of

TITLES = ("Walk", "Stretch", "Swim", "Water", "Run", "Call", "Rest", "Read")
TYPED = (*TITLES, "glasses", "km", "in the rain")  # the person's own words, typed here


def _plain(text: str) -> str:
    """A tooltip Qt reads as rich text, as the eye reads it."""
    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _action_texts(actions: Iterable[QAction]) -> list[str]:
    return [t for a in actions if a.isVisible() and not a.isSeparator()
            for t in (a.text(), a.toolTip(), a.statusTip())]


def painted_texts(view: TodayView) -> list[str]:
    """What the rows paint and say: the delegate draws from these, screen readers and
    tooltips read the model's roles."""
    texts: list[str] = []
    for row, item in enumerate(view.model.items()):
        index = view.model.index(row, 0)
        texts += [row_text.status_words(item), *row_text.detail_parts(item),
                  _plain(str(index.data(Qt.ItemDataRole.ToolTipRole))),
                  str(index.data(Qt.ItemDataRole.AccessibleTextRole))]
    return [t for t in texts if t]


def services_words(items: list[DayItem]) -> tuple[str, ...]:
    """Sentences the rows take from the services and the domain as they are (the
    schedule in words, a week's progress): their own tests check their words."""
    words = {i.schedule_hint for i in items}
    for item in items:
        if item.progress is not None:
            unit = item.commitment.rules.target.unit if item.commitment.rules.target else ""
            words |= {item.progress.describe(), item.progress.describe(unit)}
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def _make_data(ws: Workspace) -> None:
    def add(title: str, schedule: str = "daily", target: Target | None = None,
            pauses: tuple[Pause, ...] = ()) -> int:
        rules = Rules(schedule=parse_schedule(schedule), target=target, pauses=pauses)
        return ws.commitments.create(CommitmentDraft(title, rules, created_on=START)).id

    def mark(cid: int, status: Status, day: date = TODAY, value: float | None = None,
             note: str = "") -> None:
        ws.checkins.record(cid, day, CheckinState(status, value, note))

    walk = add("Walk")
    for back in range(1, 13):  # a streak to show
        mark(walk, Status.KEPT, TODAY - timedelta(days=back))
    mark(walk, Status.KEPT, note="in the rain")
    mark(add("Stretch"), Status.MISSED)
    mark(add("Swim"), Status.SKIPPED)
    mark(add("Water", target=Target(6, "glasses", Period.DAY)), Status.KEPT, value=3)
    mark(add("Run", target=Target(20, "km", Period.WEEK)), Status.KEPT, value=5.5)
    mark(add("Call", "1/week"), Status.KEPT, TODAY - timedelta(days=1))  # done this week
    add("Rest", pauses=(Pause(TODAY - timedelta(days=2), TODAY + timedelta(days=5)),))
    add("Read")


def _check(texts: Iterable[str], allowed: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    return [(t, left) for t in texts if (left := untranslated(t, allowed))]


def test_today_reads_in_the_pseudo_language(
    qtbot: QtBot, ws: Workspace, ctx: UiContext, language: Callable[[str], str]
) -> None:
    language("en_XA")
    view = TodayView(ctx)  # no commitment yet: the invitation
    qtbot.addWidget(view)
    view.resize(900, 700)
    with qtbot.waitExposed(view):
        view.show()
    assert view.pages.currentWidget() is view.empty_first
    problems = _check(visible_texts(view), TYPED)

    _make_data(ws)
    view.reload()
    qtbot.waitUntil(lambda: view.figures_complete, timeout=10_000)
    items = view.model.items()
    states = {row_text.status_words(i) for i in items}
    assert len(states) >= 7, states  # kept, not kept, skipped, partly, resting, done, unmarked
    allowed = (*services_words(items), *TYPED)  # the longer sentences first
    problems += _check(visible_texts(view) + painted_texts(view), allowed)

    # The row menu, on the row with a note.
    view.list.setCurrentIndex(view.model.index(row_of(view, "Walk"), 0))
    rect = view.list.visualRect(view.list.currentIndex())
    view._show_menu(rect.center(), view.list.viewport().mapToGlobal(rect.center()))
    menu = view.menu
    qtbot.waitUntil(menu.isVisible)
    assert len(_action_texts(menu.actions())) >= 7 * 3  # the amount is for measurable rows
    problems += _check(_action_texts(menu.actions()), allowed)  # a menu the view pops up
    menu.close()

    # The note editor, and the amount editors (a day's and a week's).
    view.edit_note(row_of(view, "Walk"))
    assert view.note_editor.isVisible()
    problems += _check(visible_texts(view.note_editor), allowed)
    view.note_editor.text.setPlainText("x" * 1900)  # the counter starts counting
    problems += _check([view.note_editor.counter.text()], allowed)
    view.note_editor.text.setPlainText("x" * 2100)
    problems += _check([view.note_editor.counter.text()], allowed)
    view.editing.close_note()
    for title in ("Water", "Run"):
        view.edit_value(row_of(view, title))
        editor = view.value_editor()
        assert editor is not None
        problems += _check(visible_texts(editor), allowed)
        view.list.closePersistentEditor(view.list.currentIndex())
        view.delegate.closeEditor.emit(editor)

    # Not kept with M: the banner offers a reflection; Undo names the change.
    view.list.setCurrentIndex(view.model.index(row_of(view, "Read"), 0))
    view.mark_missed(row_of(view, "Read"))
    assert view.banner.kind == "offer"
    problems += _check(visible_texts(view.banner) + [ctx.undo.undoText()], allowed)

    # The calendar pop-up, a day to come and a day before anything began.
    view.navigator.request_calendar()
    assert view.navigator.popup is not None
    problems += _check([view.navigator.popup.calendar.accessibleName()], allowed)
    view.navigator.popup.hide()
    view.set_day(TODAY + timedelta(days=3))
    assert view.future_line.isVisible()
    problems += _check(visible_texts(view) + painted_texts(view) + [view.window_title],
                       allowed)
    view.set_day(START - timedelta(days=10))
    assert view.pages.currentWidget() is view.empty_rest
    problems += _check(visible_texts(view) + [view.window_title], allowed)
    view.go_today()
    problems += _check(visible_texts(view.navigator) + [view.window_title], allowed)

    assert problems == [], "\n".join(f"{t!r}: {w}" for t, w in problems)


def test_the_pseudo_language_shows_in_every_row_state(
    qtbot: QtBot, ws: Workspace, ctx: UiContext, language: Callable[[str], str]
) -> None:
    """The texts checked above really were the pseudo-language's (not empty, not
    English that happens to have no words): each state's words are bracketed."""
    language("en_XA")
    _make_data(ws)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.figures_complete, timeout=10_000)
    for item in view.model.items():
        words = row_text.status_words(item)
        assert not words or (words.startswith("[") and words.endswith("]")), words
    assert view.summary.text().startswith("[")
    assert view.navigator.title.text().startswith("[")
    walk = view.model.item(row_of(view, "Walk"))
    assert row_text.streak_text(walk).startswith("[13")
    index: QModelIndex = view.model.index(row_of(view, "Water"), 0)
    assert "[3 / [6 glasses ~" in str(index.data(Qt.ItemDataRole.AccessibleTextRole))


def _item(**changes: object) -> DayItem:
    from dataclasses import replace

    from selftrust.domain.occasions import DayState
    from selftrust.store.records import CommitmentRow

    c = CommitmentRow(1, "u", "Walk", "", Rules(), "#3f8f6b", 0, date(2026, 1, 1))
    item = DayItem(c, TODAY, None, None, "", DayState.OPEN, False, 0, 0, "day", 0.0, None,
                   "", True)
    return replace(item, **changes)


def test_every_sentence_of_a_row_and_the_header_is_translated(
    language: Callable[[str], str]
) -> None:
    """The branches the data above does not reach: every state word, streak unit,
    the short first week, and every shape of the header's count."""
    from dataclasses import replace

    from selftrust.domain.occasions import DayState
    from selftrust.domain.summary import Progress
    from selftrust.store.records import CommitmentRow

    language("en_XA")
    kept = _item(status=Status.KEPT, state=DayState.KEPT)
    missed = _item(status=Status.MISSED, state=DayState.MISSED)
    done_early = [_item(progress=Progress(2, 2, span)) for span in
                  ("this week", "this month", "that week", "that month", "in the last 5 days")]
    at_most = CommitmentRow(2, "v", "Coffee", "", Rules(target=Target(2, "cups", at_most=True)),
                            "#3f8f6b", 0, date(2026, 1, 1))
    weekly = CommitmentRow(3, "w", "Run", "", Rules(target=Target(20, "km", Period.WEEK)),
                           "#3f8f6b", 0, TODAY)  # a Tuesday: a short first week
    items = [
        kept, missed, replace(missed, repaired=True),
        _item(status=Status.KEPT, state=DayState.OPEN),
        _item(status=Status.KEPT, state=DayState.PARTLY),
        _item(status=Status.KEPT, state=DayState.MISSED),
        _item(commitment=at_most, status=Status.KEPT, state=DayState.MISSED, value=3),
        _item(status=Status.SKIPPED), _item(state=DayState.PAUSED),
        _item(checkable=False), _item(state=DayState.UNMARKED), *done_early,
        *(replace(kept, current_streak=n, streak_unit=unit)
          for unit in ("day", "week", "month", "time") for n in (1, 1250)),
        _item(commitment=weekly, progress=Progress(1, 5.7, "this week"), week_start=0),
        _item(commitment=weekly, figures=True),
    ]
    texts = [t for i in items for t in (row_text.status_words(i), *row_text.detail_parts(i),
                                       row_text.accessible_text(i))]
    lists = [[kept], [kept] * 2, [kept] * 4, [kept, missed], [*done_early],
             [_item(status=Status.SKIPPED)], [kept, _item(state=DayState.PAUSED)]]
    for day in (TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=5),
                TODAY + timedelta(days=2)):
        texts += [row_text.summary_line(rows, day, TODAY) for rows in lists]
        texts.append(row_text.relative_day(day, TODAY))
    texts.append(row_text.amount_text(2.5, "km"))
    allowed = (*services_words(items), "Walk", "Coffee", "Run", "cups", "km")
    assert any("[å šĥöŕţ ƒîŕšţ ŵééķ: 6 öƒ 7" in t for t in texts)
    problems = _check((t for t in texts if t), allowed)
    assert problems == [], "\n".join(f"{t!r}: {w}" for t, w in problems)


def test_the_english_counts_agree_with_their_number() -> None:
    """The plural forms in the suite's English: one and many, and big numbers grouped."""
    from dataclasses import replace

    from selftrust.domain.occasions import DayState

    kept = _item(status=Status.KEPT, state=DayState.KEPT)
    assert row_text.streak_text(replace(kept, current_streak=1250)) == "1,250-day streak"
    assert row_text.streak_text(replace(kept, current_streak=1, streak_unit="time")) == (
        "1 time in a row")
    assert row_text.summary_line([kept], TODAY + timedelta(days=2), TODAY) == (
        "1 promise waiting for that day")
    assert row_text.summary_line([kept] * 2, TODAY + timedelta(days=2), TODAY) == (
        "2 promises waiting for that day")
    assert row_text.summary_line([kept], TODAY - timedelta(days=1), TODAY) == (
        "The one promise kept yesterday")
    assert row_text.amount_text(2.5, "km") == "2.5 km"
    assert row_text.amount_text(1250, "m") == "1,250 m"


def test_the_first_paint_numbers_are_the_formats_numbers(
    language: Callable[[str], str]
) -> None:
    """Counts and amounts written without Babel read exactly as Babel writes them."""
    from selftrust.base import formats
    from selftrust.ui.today import first_paint

    for code in ("en_GB", "en_XA"):
        language(code)
        first_paint._kept = first_paint._Kept(code, formats.decimal(1.5, 1)[1:-1], {})
        for n in (0, 7, 999, 1000, 1250, 10**6):
            assert first_paint.number(n) == formats.number(n)
        for x in (0.0, 2.5, 2.05, 12.0, 999.994, 999.999, 1234.5, 0.005):
            assert first_paint.amount(x) == formats.decimal(x, 2), x
    first_paint._kept = first_paint._Kept()
