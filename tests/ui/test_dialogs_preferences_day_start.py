"""Moving the day start past the present hour moves "today" back a day: Preferences says
so in plain words before and as it applies, and nothing recorded is lost."""

from __future__ import annotations

from datetime import date, datetime

from dialog_helpers import activate, add, choose, close_at_end
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog, open_preferences
from selftrust.ui.shell.context import UiContext

WEDNESDAY = date(2026, 11, 25)


def preferences(qtbot: QtBot, ctx: UiContext) -> PreferencesDialog:
    dialog = open_preferences(ctx, None)
    close_at_end(qtbot, dialog)
    activate(dialog)
    return dialog


def test_a_later_day_start_explains_the_day_that_runs_on(
        qtbot: QtBot, ctx: UiContext, clock: FixedClock) -> None:
    clock.moment = datetime(2026, 11, 25, 12, 56).astimezone()
    walk = add(ctx.ws, "Walk").id
    ctx.ws.checkins.record(walk, WEDNESDAY, CheckinState(Status.KEPT))
    dialog = preferences(qtbot, ctx)
    dialog.day_start.highlighted.emit(14)  # browsing the list: told before it applies
    told = dialog.day_start_hint.text()
    assert ctx.ws.settings.day_start_hour == 4
    assert told.startswith("With the day starting at 14:00, it is still Tuesday 24 November "
                           "until 14:00")
    assert "Wednesday 25 November" in told
    choose(qtbot, dialog.day_start, "14:00")
    assert ctx.ws.today() == date(2026, 11, 24)
    assert dialog.day_start_hint.text() == told
    assert ctx.ws.checkins.get(walk, WEDNESDAY) is not None, "nothing recorded is lost"
    choose(qtbot, dialog.day_start, "04:00")
    assert ctx.ws.today() == WEDNESDAY
    kept = ctx.ws.dashboard.day(WEDNESDAY)[0]
    assert kept.status is Status.KEPT
    assert dialog.day_start_hint.text() == "A check-in at 01:00 still counts for the day before."
    dialog.close()
