"""`selftrust list` and `selftrust check`: what a day holds, and recording it.

Both say what a day came to in the app's words, as Today does."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.cli.common import CliError, Command, number, open_data, parse_day_arg, print_json
from selftrust.domain.commitment import format_amount
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState

if TYPE_CHECKING:
    from selftrust.services.dashboard import DayItem

MARKS = {"KEPT": "✓", "PARTLY": "◐", "MISSED": "○", "REPAIRED": "○", "SKIPPED": "–",
         "PAUSED": "–"}


def state_words(item: DayItem) -> str:
    """What a day came to, in the app's words ("partly kept", "over the limit"), in the
    person's language."""
    name = item.state.name
    target = item.commitment.rules.target
    recorded = item.status is not None
    # TRANSLATORS: how a day of a commitment stands, inside a line ("Saved: “Walk” kept
    # on 24 Nov 2026.", "Walk — Every day  (kept, streak 3)").
    if name == "MISSED" and target is not None and target.at_most and item.value:
        return pgettext("day state", "over the limit")
    if name == "KEPT":
        return pgettext("day state", "kept")
    if name == "PARTLY":
        return pgettext("day state", "partly kept")
    if name == "MISSED":
        return pgettext("day state", "not kept")
    if name == "REPAIRED":
        return pgettext("day state", "not kept, reflected on")
    if name == "SKIPPED":
        return pgettext("day state", "skipped")
    if name == "PAUSED":
        return pgettext("day state", "resting")
    # an amount towards a weekly or monthly target not reached yet (as Today says)
    if name == "OPEN" and recorded:
        return pgettext("day state", "on the way")
    return pgettext("day state", "recorded") if recorded else pgettext("day state", "open")


# --- list -------------------------------------------------------------------------------

DAY_HELP = N_("YYYY-MM-DD, today or yesterday (default today)")


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help=_(DAY_HELP))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _item_json(i: DayItem) -> dict[str, Any]:
    return {
        "title": i.title,
        "status": i.status.value if i.status else None,
        "state": i.state.name.lower(),
        "value": i.value,
        "note": i.note or None,
        "schedule": i.commitment.rules.schedule.to_text(),
        "current_streak": i.current_streak,
        "reminder": i.commitment.reminder.text if i.commitment.reminder else None,
        "progress": None
        if i.progress is None
        else {"done": i.progress.done, "needed": i.progress.needed, "span": i.progress.span},
    }


def _amount(value: float, unit: str) -> str:
    """"12 pages", "3": an amount and the person's own unit."""
    if not unit:
        return format_amount(value)
    # TRANSLATORS: an amount and its unit, the person's own word: "12 pages".
    return _("{amount} {unit}").format(amount=format_amount(value), unit=unit)


def _item_line(i: DayItem) -> str:
    extra = []
    target = i.commitment.rules.target
    if i.progress is not None and target is None:
        extra.append(i.progress.describe())  # the words Today uses
    if i.value is not None:
        extra.append(_amount(i.value, target.unit if target else ""))
    if i.progress is not None and target is not None and target.per.value != "day":
        extra.append(i.progress.describe(target.unit))
    # A planned pause is said even with nothing recorded: the day is resting.
    said = i.status is not None or i.state is DayState.PAUSED
    if said:
        extra.append(state_words(i))
    if i.current_streak:
        # TRANSLATORS: a commitment's current streak, in a list of a day's commitments;
        # it counts days, weeks, months or kept occasions, whichever the schedule counts.
        extra.append(ngettext("streak {n}", "streak {n}", i.current_streak).format(
            n=formats.number(i.current_streak)))
    # TRANSLATORS: what stands between the parts of a line such as "(kept, streak 3)".
    parts = pgettext("between the parts of a line", ", ").join(extra)
    tail = f"  ({parts})" if extra else ""
    mark = MARKS.get(i.state.name, "·") if said else "·"
    return f"  {mark} {i.title} — {i.schedule_hint}{tail}"


def _list(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        day = parse_day_arg(args.day, ws.today())
        items = ws.dashboard.day(day)
    if args.json:
        print_json({"day": day.isoformat(), "items": [_item_json(i) for i in items]})
        return 0
    print(formats.day_title_with_year(day))
    if not items:
        print("  " + _("Nothing is due on this day."))
    for i in items:
        print(_item_line(i))
    return 0


# --- check ------------------------------------------------------------------------------


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--day", help=_(DAY_HELP))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--missed", action="store_true", help=_("not kept this time"))
    group.add_argument("--skipped", action="store_true", help=_("a planned rest or excused day"))
    group.add_argument("--value", type=number,
                       help=_("the amount, for a measurable commitment"))
    group.add_argument("--clear", action="store_true", help=_("remove what was recorded"))
    p.add_argument("--note", help=_("a short note"))


def _check(args: argparse.Namespace) -> int:
    from selftrust.services.checkins import CheckinState  # the database layer

    with open_data(args) as ws:
        c = ws.commitments.find(args.title)
        day = parse_day_arg(args.day, ws.today())
        if args.clear:
            if args.note:
                raise CliError(_("--clear removes the check-in and its note; drop --note"))
            change = ws.checkins.record(c.id, day, None)
            if day == ws.today():
                print(_("Cleared “{title}” today.").format(title=c.title))
            else:
                print(_("Cleared “{title}” on {day}.").format(
                    title=c.title, day=formats.short_date(day)))
            _say_repair(change.repair_news)
            return 0
        if args.missed:
            status, value = Status.MISSED, None
        elif args.skipped:
            status, value = Status.SKIPPED, None
        else:
            status, value = Status.KEPT, args.value
        note = args.note
        if note is None:
            existing = ws.checkins.get(c.id, day)
            note = existing.state.note if existing else ""
        change = ws.checkins.record(c.id, day, CheckinState(status, value, note))
        item = ws.dashboard.one(c, day)  # only what is printed: the day's state
        words = state_words(item) if item is not None else _status_words(status)
        target = c.rules.target
        # Today's check-in (the usual one) names no date: nothing to format, so the
        # quickest command stays without the locale's data (Babel).
        today = day == ws.today()
        shown_day = "" if today else formats.short_date(day)
        if item is not None and value is not None and target is not None:
            amount, wanted = _amount(value, target.unit), target.describe()
            if today:
                # TRANSLATORS: {state} is how the day stands ("partly kept"), {amount} what
                # was done ("12 pages"), {target} the target ("at least 20 pages a day").
                print(_("Saved: “{title}” {state} ({amount}; {target}) today.").format(
                    title=c.title, state=words, amount=amount, target=wanted))
            else:
                print(_("Saved: “{title}” {state} ({amount}; {target}) on {day}.").format(
                    title=c.title, state=words, amount=amount, target=wanted, day=shown_day))
        elif today:
            # TRANSLATORS: {state} is how the day stands: "kept", "not kept", "skipped"…
            print(_("Saved: “{title}” {state} today.").format(title=c.title, state=words))
        else:
            # TRANSLATORS: {state} is how the day stands: "kept", "not kept", "skipped"…
            print(_("Saved: “{title}” {state} on {day}.").format(
                title=c.title, state=words, day=shown_day))
        _say_repair(change.repair_news)
    return 0


def _status_words(status: Status) -> str:
    """A check-in's status in words, for a day that is not due (nothing to judge)."""
    return {Status.KEPT: pgettext("check-in status", "kept"),
            Status.MISSED: pgettext("check-in status", "missed"),
            Status.SKIPPED: pgettext("check-in status", "skipped")}[status]


def _say_repair(news: str) -> None:
    """A change that started or ended a reflection's repair says so."""
    if news:
        print(news)


LIST = Command("list", N_("the commitments due on a day and what was recorded"),
               _list_args, _list, reads_only=True)
CHECK = Command("check", N_("record a day: kept (default), missed, skipped or an amount"),
                _check_args, _check)
