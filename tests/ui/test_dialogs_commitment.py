"""New and Edit commitment, driven like a person: type, pick, click; the result is in the
database and on the day's list, and one Ctrl+Z takes it back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dialog_helpers import add, choose, click, the_dialog, type_number
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.services.commitments import CommitmentDraft
from selftrust.ui.dialogs.commitment_dialog import (
    edit_commitment,
    new_commitment,
    screenshot_target,
)
from selftrust.ui.dialogs.commitment_form import CommitmentForm
from selftrust.ui.shell.context import UiContext

TODAY = date(2026, 11, 24)  # the test clock's day, a Tuesday


def test_create_three_times_a_week_from_the_menu(qtbot: QtBot, window, ctx: UiContext) -> None:
    window.actions_.new_commitment.trigger()
    form = the_dialog(qtbot, CommitmentForm)
    assert form.windowTitle() == "New commitment"
    assert not form.ok.isEnabled(), "nothing to save yet"

    qtbot.keyClicks(form.title, "Go to the gym")
    choose(qtbot, form.schedule.kind_box, "A number of times a week")
    type_number(qtbot, form.schedule.week_times, "3")
    assert form.schedule.summary.text() == "Due: 3 times a week"
    assert form.ok.isEnabled()
    click(qtbot, form.ok)

    qtbot.waitUntil(lambda: not form.isVisible())
    [row] = ctx.ws.commitments.all()
    assert row.title == "Go to the gym"
    assert row.rules.schedule == Schedule.per_week(3)
    assert row.created_on == TODAY
    today = [item.title for item in ctx.ws.dashboard.day(TODAY)]
    assert today == ["Go to the gym"]


def test_ctrl_n_type_a_title_and_press_enter(qtbot: QtBot, window, ctx: UiContext) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = the_dialog(qtbot, CommitmentForm)
    assert form.title.hasFocus() or form.focusWidget() is form.title
    qtbot.keyClicks(form.title, "  Walk 20 minutes  ")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    [row] = ctx.ws.commitments.all()
    assert row.title == "Walk 20 minutes", "outer spaces are trimmed"
    assert row.rules.schedule == Schedule.daily()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give your commitment a title — a few words are enough."),
        ("     ", "Give your commitment a title — a few words are enough."),
        ("x" * 121, "Keep the title to 120 characters or fewer (it has 121)."),
    ],
    ids=["empty", "spaces", "121 characters"],
)
def test_a_title_that_cannot_be_saved_keeps_ok_disabled(
    qtbot: QtBot, ctx: UiContext, typed: str, message: str
) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "A")
    qtbot.keyClick(form.title, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.title, typed)
    assert not form.ok.isEnabled()
    assert form.title_message.isVisible()
    assert form.title_message.text() == message
    click(qtbot, form.ok)  # even a determined click saves nothing
    assert form.isVisible()
    assert ctx.ws.commitments.all() == []
    form.title.clear()
    qtbot.keyClicks(form.title, "x" * 120)
    assert form.ok.isEnabled() and not form.title_message.isVisible()
    form.done(0)


def test_a_new_form_does_not_scold_before_anything_is_typed(qtbot: QtBot, ctx: UiContext
                                                           ) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    assert not form.ok.isEnabled()
    assert not form.title_message.isVisible()
    form.done(0)


def test_measurable_at_most_per_week(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Sweets")
    click(qtbot, form.target.measurable)
    assert form.target.details.isVisible()
    choose(qtbot, form.target.bound, "At most")
    type_number(qtbot, form.target.amount, "3")
    qtbot.keyClicks(form.target.unit, "sweets")
    choose(qtbot, form.target.per, "a week")
    # a weekly target counts every day of the week: the schedule follows, with a word why
    assert form.schedule.kind() is ScheduleKind.DAILY
    assert not form.schedule.kind_box.isEnabled()
    assert "every day of the week" in form.schedule.note.text()
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.rules.target == Target(3.0, "sweets", Period.WEEK, at_most=True)
    assert row.rules.schedule == Schedule.daily()


def test_a_target_of_zero_is_explained_and_not_saved(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Read")
    click(qtbot, form.target.measurable)
    type_number(qtbot, form.target.amount, "0")
    assert form.target.amount.value() == 0
    assert not form.ok.isEnabled()
    assert form.target.message.text() == "The target must be a number greater than 0."
    type_number(qtbot, form.target.amount, "20")
    assert form.ok.isEnabled() and not form.target.message.isVisible()
    qtbot.keyClicks(form.target.unit, "p" * 25)
    assert not form.ok.isEnabled()
    assert "24 characters or fewer" in form.target.message.text()
    form.target.unit.clear()
    qtbot.keyClicks(form.target.unit, "pages")
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.rules.target == Target(20.0, "pages", Period.DAY)


def test_a_daily_target_cannot_pick_a_flexible_schedule(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    choose(qtbot, form.schedule.kind_box, "A number of times a week")
    click(qtbot, form.target.measurable)
    # the domain would refuse "20 pages a day, 3 times a week"; the form moves off it
    assert form.schedule.kind() is ScheduleKind.DAILY
    model = form.schedule.kind_box.model()
    enabled = {form.schedule.kind_box.itemText(r): bool(model.item(r).isEnabled())  # type: ignore[attr-defined]
               for r in range(form.schedule.kind_box.count())}
    assert enabled == {
        "Every day": True, "On chosen weekdays": True, "A number of times a week": False,
        "A number of times a month": False, "A number of times in any few days": False,
        "Once, on one day": True,
    }
    form.done(0)


SCHEDULES = [
    Schedule.daily(),
    Schedule.on_weekdays(0b0010101),
    Schedule.on_weekdays(0b1100000),
    Schedule.per_week(1),
    Schedule.per_week(7),
    Schedule.per_month(31),
    Schedule.in_days(2, 5),
    Schedule.in_days(1, 3),
    Schedule.once(date(2026, 12, 24)),
]


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: s.to_text())
def test_every_schedule_round_trips_through_the_editor(
    qtbot: QtBot, ctx: UiContext, schedule: Schedule
) -> None:
    row = ctx.ws.commitments.create(CommitmentDraft("Something", Rules(schedule)))
    form = edit_commitment(ctx, None, row.id)
    assert form is not None
    qtbot.addWidget(form)
    assert form.schedule.schedule() == schedule
    assert form.schedule.summary.text() == f"Due: {schedule.describe()}"
    click(qtbot, form.ok)
    assert ctx.ws.commitments.get(row.id).rules.schedule == schedule


def test_weekday_toggles_follow_the_week_start(qtbot: QtBot, ctx: UiContext) -> None:
    from dataclasses import replace

    ctx.ws.update_settings(replace(ctx.ws.settings, chosen_week_start=6))  # Sunday
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    choose(qtbot, form.schedule.kind_box, "On chosen weekdays")
    toggles = form.schedule.weekdays.ordered()
    assert [b.accessibleName() for b in toggles][:2] == ["Sunday", "Monday"]
    assert not form.ok.isEnabled() or not form.title.text()
    assert form.schedule.message.text() == "Choose at least one weekday."
    click(qtbot, toggles[0])  # Sunday
    click(qtbot, toggles[6])  # Saturday
    assert form.schedule.summary.text() == "Due: Weekends"
    qtbot.keyClicks(form.title, "Long walk")
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.rules.schedule == Schedule.on_weekdays(0b1100000)


def test_in_any_few_days(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Journal")
    choose(qtbot, form.schedule.kind_box, "A number of times in any few days")
    type_number(qtbot, form.schedule.window_days, "5")
    type_number(qtbot, form.schedule.window_times, "2")
    assert form.schedule.summary.text() == "Due: 2 times in 5 days"
    click(qtbot, form.ok)
    assert ctx.ws.commitments.all()[0].rules.schedule == Schedule.in_days(2, 5)


def test_once_cannot_be_before_the_start(qtbot: QtBot, ctx: UiContext) -> None:
    from selftrust.ui.widgets.dates import to_qdate

    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Call the dentist")
    choose(qtbot, form.schedule.kind_box, "Once, on one day")
    form.schedule.once_day.setDate(to_qdate(TODAY - timedelta(days=2)))
    assert not form.ok.isEnabled()
    assert "can't be before it starts" in form.rules_message.text()
    form.schedule.once_day.setDate(to_qdate(TODAY + timedelta(days=3)))
    click(qtbot, form.ok)
    assert ctx.ws.commitments.all()[0].rules.schedule == Schedule.once(TODAY + timedelta(days=3))


def test_why_colour_and_start_are_saved(qtbot: QtBot, ctx: UiContext) -> None:
    from selftrust.ui.widgets.dates import to_qdate

    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Stretch")
    qtbot.keyClicks(form.why, "My back <b>thanks</b> me.")
    form.color.setFocus()
    qtbot.keyClick(form.color, Qt.Key.Key_End)
    assert form.color.color_name() == "Violet"
    assert form.color.accessibleDescription() == "Violet is chosen"
    form.start.setDate(to_qdate(date(2026, 11, 1)))
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.why == "My back <b>thanks</b> me.", "stored as typed, shown as plain text"
    assert row.color == "#816bd8"
    assert row.created_on == date(2026, 11, 1)


def test_why_too_long_is_explained(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Read")
    form.why.setPlainText("w" * 2001)
    assert not form.ok.isEnabled()
    assert "2,001 characters, the limit is 2,000" in form.why_message.text()
    assert form.why_counter.isVisible() and form.why_counter.text() == "2,001 / 2,000"
    form.why.setPlainText("w" * 2000)
    assert form.ok.isEnabled()
    form.done(0)


def test_swatches_have_names_for_screen_readers(qtbot: QtBot, ctx: UiContext) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    names = [s.accessibleName() for s in form.color.swatches]
    assert names[:3] == ["Ocean", "Tangerine", "Raspberry"]
    assert all(s.toolTip() == s.accessibleName() for s in form.color.swatches)
    click(qtbot, form.color.swatches[3])
    assert form.color.color_name() == "Sky"
    form.done(0)


def test_edit_then_undo_and_redo(qtbot: QtBot, window, ctx: UiContext) -> None:
    row = add(ctx.ws, "Walk")
    window.edit_commitment(row.id)
    form = the_dialog(qtbot, CommitmentForm)
    assert form.windowTitle() == "Edit commitment"
    assert form.title.text() == "Walk"
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Walk 30 minutes")
    choose(qtbot, form.schedule.kind_box, "A number of times a week")
    click(qtbot, form.ok)
    assert ctx.ws.commitments.get(row.id).title == "Walk 30 minutes"
    assert window.actions_.undo.text() == "&Undo Edit “Walk 30 minutes”"

    window.actions_.undo.trigger()
    back = ctx.ws.commitments.get(row.id)
    assert (back.title, back.rules.schedule) == ("Walk", Schedule.daily())
    window.actions_.redo.trigger()
    assert ctx.ws.commitments.get(row.id).rules.schedule == Schedule.per_week(3)


def test_undo_of_create_removes_it_and_redo_brings_the_same_one_back(
    qtbot: QtBot, window, ctx: UiContext
) -> None:
    form = new_commitment(ctx, window)
    qtbot.keyClicks(form.title, "Floss")
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    window.actions_.undo.trigger()
    assert ctx.ws.commitments.all() == []
    window.actions_.redo.trigger()
    assert [c.id for c in ctx.ws.commitments.all()] == [row.id], "same id after redo"


def test_cancel_with_changes_asks_first(qtbot: QtBot, ctx: UiContext, prompter) -> None:
    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Half a thought")
    prompter.answers = [False, True]  # keep editing; then discard
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()
    assert prompter.asked[0][1] == "Discard your changes?"
    click(qtbot, form.cancel)
    assert not form.isVisible()
    assert ctx.ws.commitments.all() == []


def test_cancel_without_changes_just_closes(qtbot: QtBot, ctx: UiContext, prompter) -> None:
    row = add(ctx.ws, "Walk")
    form = edit_commitment(ctx, None, row.id)
    assert form is not None
    qtbot.addWidget(form)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert prompter.asked == []


def test_a_refusal_from_the_service_is_shown_in_the_form(qtbot: QtBot, ctx: UiContext) -> None:
    row = add(ctx.ws, "Walk")
    form = edit_commitment(ctx, None, row.id)
    assert form is not None
    qtbot.addWidget(form)
    ctx.ws.commitments.delete(row.id)  # gone meanwhile (another window, an import …)
    qtbot.keyClicks(form.title, " more")
    click(qtbot, form.ok)
    assert form.isVisible()
    assert form.form_message.text() == "That commitment no longer exists."
    form.done(0)


def test_editing_a_commitment_that_is_gone_says_so(ctx: UiContext, prompter) -> None:
    assert edit_commitment(ctx, None, 999) is None
    assert prompter.asked == [("problem", "Cannot edit this commitment",
                               "That commitment no longer exists.", "")]


def test_pauses_in_the_form(qtbot: QtBot, ctx: UiContext) -> None:
    from selftrust.ui.widgets.dates import to_qdate

    form = new_commitment(ctx, None)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.title, "Run")
    pauses = form.pauses
    assert pauses.empty.isVisible() and not pauses.list.isVisible()
    pauses.start.setDate(to_qdate(date(2026, 12, 24)))
    pauses.end.setDate(to_qdate(date(2026, 12, 31)))
    click(qtbot, pauses.add_button)
    pauses.start.setDate(to_qdate(date(2027, 1, 1)))  # touching: they merge
    pauses.end.setDate(to_qdate(date(2027, 1, 3)))
    click(qtbot, pauses.add_button)
    assert pauses.list.count() == 1
    assert pauses.list.item(0).text() == "Thu, 24 Dec 2026 – Sun, 3 Jan 2027 · 11 days"
    pauses.start.setDate(to_qdate(date(2027, 2, 10)))
    pauses.end.setDate(to_qdate(date(2027, 2, 1)))
    assert not pauses.add_button.isEnabled()
    assert pauses.message.text() == "A pause ends on or after the day it starts."
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.rules.pauses == (Pause(date(2026, 12, 24), date(2027, 1, 3)),)


def test_screenshot_target_is_filled_and_calm(qtbot: QtBot, window, ctx: UiContext) -> None:
    form = screenshot_target(ctx, window)
    assert isinstance(form, CommitmentForm)
    assert form.isVisible() and not form.isModal()
    assert form.ok.isEnabled()
    assert form.schedule.summary.text() == "Due: Mon, Wed, Fri"
    form.close()
    assert ctx.ws.commitments.all() == [], "a picture saves nothing"
