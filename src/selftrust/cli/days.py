"""`selftrust list` and `selftrust check`: what a day holds, and recording it.

Both say what a day came to in the app's words, as Today does."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from selftrust.cli.common import CliError, Command, number, open_data, parse_day_arg, print_json
from selftrust.domain.commitment import format_amount
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState

if TYPE_CHECKING:
    from selftrust.services.dashboard import DayItem

MARKS = {"KEPT": "✓", "PARTLY": "◐", "MISSED": "○", "REPAIRED": "○", "SKIPPED": "–",
         "PAUSED": "–"}


def state_words(item: DayItem) -> str:
    """What a day came to, in the app's words ("partly kept", "over the limit")."""
    name = item.state.name
    target = item.commitment.rules.target
    if name == "MISSED" and target is not None and target.at_most and item.value:
        return "over the limit"
    return {
        "KEPT": "kept", "PARTLY": "partly kept", "MISSED": "not kept",
        "REPAIRED": "not kept, reflected on", "SKIPPED": "skipped", "PAUSED": "resting",
        # an amount towards a weekly or monthly target not reached yet (as Today says)
        "OPEN": "on the way" if item.status is not None else "open",
    }.get(name, "recorded" if item.status is not None else "open")


# --- list -------------------------------------------------------------------------------


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help="YYYY-MM-DD, today or yesterday (default today)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


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


def _item_line(i: DayItem) -> str:
    extra = []
    target = i.commitment.rules.target
    if i.progress is not None and target is None:
        extra.append(i.progress.describe())  # the words Today uses
    if i.value is not None:
        extra.append(format_amount(i.value) + (f" {target.unit}" if target else ""))
    if i.progress is not None and target is not None and target.per.value != "day":
        extra.append(i.progress.describe(target.unit))
    # A planned pause is said even with nothing recorded: the day is resting.
    said = i.status is not None or i.state is DayState.PAUSED
    if said:
        extra.append(state_words(i))
    if i.current_streak:
        extra.append(f"streak {i.current_streak}")
    tail = f"  ({', '.join(extra)})" if extra else ""
    mark = MARKS.get(i.state.name, "·") if said else "·"
    return f"  {mark} {i.title} — {i.schedule_hint}{tail}"


def _list(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        day = parse_day_arg(args.day, ws.today())
        items = ws.dashboard.day(day)
    if args.json:
        print_json({"day": day.isoformat(), "items": [_item_json(i) for i in items]})
        return 0
    print(f"{day:%A %d %B %Y}")
    if not items:
        print("  Nothing is due on this day.")
    for i in items:
        print(_item_line(i))
    return 0


# --- check ------------------------------------------------------------------------------


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--day", help="YYYY-MM-DD, today or yesterday (default today)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--missed", action="store_true", help="not kept this time")
    group.add_argument("--skipped", action="store_true", help="a planned rest or excused day")
    group.add_argument("--value", type=number, help="the amount, for a measurable commitment")
    group.add_argument("--clear", action="store_true", help="remove what was recorded")
    p.add_argument("--note", help="a short note")


def _check(args: argparse.Namespace) -> int:
    from selftrust.services.checkins import CheckinState  # the database layer

    with open_data(args) as ws:
        c = ws.commitments.find(args.title)
        day = parse_day_arg(args.day, ws.today())
        if args.clear:
            if args.note:
                raise CliError("--clear removes the check-in and its note; drop --note")
            change = ws.checkins.record(c.id, day, None)
            print(f"Cleared “{c.title}” on {day.isoformat()}.")
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
        words = state_words(item) if item is not None else status.value
        if item is not None and value is not None and c.rules.target is not None:
            unit = f" {c.rules.target.unit}" if c.rules.target.unit else ""
            words += f" ({format_amount(value)}{unit}; {c.rules.target.describe()})"
        print(f"Saved: “{c.title}” {words} on {day.isoformat()}.")
        _say_repair(change.repair_news)
    return 0


def _say_repair(news: str) -> None:
    """A change that started or ended a reflection's repair says so."""
    if news:
        print(news)


LIST = Command("list", "the commitments due on a day and what was recorded",
               _list_args, _list, reads_only=True)
CHECK = Command("check", "record a day: kept (default), missed, skipped or an amount",
                _check_args, _check)
