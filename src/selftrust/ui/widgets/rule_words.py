"""A commitment's rules in a few plain words, for list rows and summaries."""

from __future__ import annotations

from datetime import date

from selftrust.base.i18n import _
from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import ScheduleKind
from selftrust.ui.widgets.dates import day_words


def rules_words(rules: Rules) -> str:
    """"3 times a week", "At least 10 pages a day", "Mon, Wed, Fri · at most 2 cups a day"."""
    schedule = rules.schedule.describe()
    if rules.target is None:
        return schedule
    target = rules.target.describe()
    if rules.schedule.kind is ScheduleKind.DAILY:
        return target[:1].upper() + target[1:]
    return f"{schedule} · {target}"


def pause_words(rules: Rules, today: date) -> str:
    """"paused until Thu 31 Dec", "pause from Tue 22 Dec", or "" when no pause is near."""
    current = next((p for p in rules.pauses if p.covers(today)), None)
    if current is not None:
        day = day_words(current.end, year=current.end.year != today.year)
        # TRANSLATORS: in a list of commitments; {day} is the pause's last day.
        return _("paused until {day}").format(day=day)
    upcoming = sorted(p.start for p in rules.pauses if p.start > today)
    if upcoming:
        first = upcoming[0]
        # TRANSLATORS: in a list of commitments; {day} is the first day of a coming pause.
        return _("pause from {day}").format(day=day_words(first, year=first.year != today.year))
    return ""
