"""The sub-commands of `selftrust`. Each one is a thin shell over the services."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selftrust import cli_interchange
from selftrust.cli import CliError, env_now, parse_day_arg, print_json
from selftrust.domain.occasions import DayState
from selftrust.services.streak_units import streak_unit

if TYPE_CHECKING:
    from selftrust.services.dashboard import DayItem
    from selftrust.services.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Handler

    def add(self, sub: Any) -> None:
        parser = sub.add_parser(self.name, help=self.help, description=self.help)
        self.configure(parser)
        parser.set_defaults(handler=self.handler)


def workspace(args: argparse.Namespace) -> Workspace:
    from selftrust.services.clock import FixedClock, SystemClock
    from selftrust.services.workspace import open_workspace

    now = env_now()
    return open_workspace(args.data_dir, FixedClock(now) if now else SystemClock())


def _number(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"“{text}” is not a finite number")
    return value


def _feeling(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError("feelings are rated 1 (very low) to 5 (very good)")
    return int(text)


# --- add --------------------------------------------------------------------------------


def _add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help="what you promise yourself, e.g. “Walk 20 minutes”")
    p.add_argument(
        "--schedule",
        default="daily",
        help="daily | mon,wed,fri | weekdays | 3/week | 2/month | 2/5days | once:DATE",
    )
    p.add_argument("--measurable", metavar="UNIT", help="measure an amount in UNIT (e.g. pages)")
    p.add_argument("--target", type=_number, help="the amount to reach (or not pass)")
    p.add_argument("--per", choices=("day", "week", "month"), default="day")
    p.add_argument("--at-most", action="store_true", help="the target is a limit")
    p.add_argument("--why", default="", help="why this matters to you")
    p.add_argument("--start", help="the day it starts (default today)")
    p.add_argument("--color", help="#RRGGBB")
    p.add_argument("--remind", metavar="HH:MM",
                   help="a gentle reminder at this time on the days it is due, while the app runs")


def _add(args: argparse.Namespace) -> int:
    from selftrust.domain.commitment import Rules, Target, TargetError
    from selftrust.domain.days import Period
    from selftrust.domain.reminder import Reminder, ReminderError
    from selftrust.domain.schedule import ScheduleError, parse_schedule
    from selftrust.services.commitments import CommitmentDraft

    if args.measurable is None and (args.target is not None or args.at_most):
        raise CliError("--target and --at-most belong to a measurable commitment: "
                       "add --measurable UNIT")
    if args.measurable is not None and args.target is None:
        raise CliError("a measurable commitment needs --target X")
    try:
        schedule = parse_schedule(args.schedule)
        target = (
            Target(args.target, args.measurable.strip(), Period(args.per), args.at_most)
            if args.measurable is not None
            else None
        )
        rules = Rules(schedule=schedule, target=target)
        reminder = Reminder.parse(args.remind) if args.remind is not None else None
    except (ScheduleError, TargetError, ReminderError) as exc:
        raise CliError(str(exc)) from None
    ws = workspace(args)
    with _closing(ws):
        if any(c.title == args.title.strip() for c in ws.commitments.all(include_archived=True)):
            raise CliError(f"“{args.title.strip()}” already exists; choose another title")
        start = parse_day_arg(args.start, ws.today()) if args.start else None
        row = ws.commitments.create(
            CommitmentDraft(args.title, rules, args.why, args.color, start, reminder)
        )
        when = f", reminder at {row.reminder.text}" if row.reminder else ""
        what = (row.rules.target.describe() if row.rules.target is not None
                else row.rules.schedule.describe().lower())
        if row.rules.target is not None and row.rules.schedule.kind.value == "weekdays":
            what += f", {row.rules.schedule.describe()}"
        print(f"Added “{row.title}” — {what}{when}.")
    return 0


# --- list -------------------------------------------------------------------------------


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help="YYYY-MM-DD, today or yesterday (default today)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


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


def _list(args: argparse.Namespace) -> int:
    from selftrust.domain.commitment import format_amount, format_share

    ws = workspace(args)
    with _closing(ws):
        day = parse_day_arg(args.day, ws.today())
        items = ws.dashboard.day(day)
        if args.json:
            print_json(
                {
                    "day": day.isoformat(),
                    "items": [
                        {
                            "title": i.title,
                            "status": i.status.value if i.status else None,
                            "state": i.state.name.lower(),
                            "value": i.value,
                            "note": i.note or None,
                            "schedule": i.commitment.rules.schedule.to_text(),
                            "current_streak": i.current_streak,
                            "reminder": i.commitment.reminder.text
                            if i.commitment.reminder else None,
                            "progress": None
                            if i.progress is None
                            else {
                                "done": i.progress.done,
                                "needed": i.progress.needed,
                                "span": i.progress.span,
                            },
                        }
                        for i in items
                    ],
                }
            )
            return 0
        print(f"{day:%A %d %B %Y}")
        if not items:
            print("  Nothing is due on this day.")
        for i in items:
            extra = []
            if i.progress is not None and i.commitment.rules.target is None:
                extra.append(
                    f"{format_amount(i.progress.done)} of {format_amount(i.progress.needed)} "
                    f"{i.progress.span}"
                )
            if i.value is not None:
                extra.append(format_amount(i.value) + (
                    f" {i.commitment.rules.target.unit}" if i.commitment.rules.target else ""
                ))
            target = i.commitment.rules.target
            if i.progress is not None and target is not None and target.per.value != "day":
                extra.append(f"{format_amount(i.progress.done)} of "
                             f"{format_share(i.progress.needed)} {target.unit} "
                             f"{i.progress.span}".replace("  ", " "))
            # A planned pause is said even with nothing recorded: the day is resting.
            said = i.status is not None or i.state is DayState.PAUSED
            if said:
                extra.append(state_words(i))
            if i.current_streak:
                extra.append(f"streak {i.current_streak}")
            tail = f"  ({', '.join(extra)})" if extra else ""
            mark = MARKS.get(i.state.name, "·") if said else "·"
            print(f"  {mark} {i.title} — {i.schedule_hint}{tail}")
    return 0


# --- check ------------------------------------------------------------------------------


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--day", help="YYYY-MM-DD, today or yesterday (default today)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--missed", action="store_true", help="not kept this time")
    group.add_argument("--skipped", action="store_true", help="a planned rest or excused day")
    group.add_argument("--value", type=_number, help="the amount, for a measurable commitment")
    group.add_argument("--clear", action="store_true", help="remove what was recorded")
    p.add_argument("--note", help="a short note")


def _check(args: argparse.Namespace) -> int:
    from selftrust.domain.commitment import format_amount
    from selftrust.domain.history import Status
    from selftrust.services.checkins import CheckinState

    ws = workspace(args)
    with _closing(ws):
        c = ws.commitments.find(args.title)
        day = parse_day_arg(args.day, ws.today())
        if args.clear:
            if args.note:
                raise CliError("--clear removes the check-in and its note; drop --note")
            ws.checkins.record(c.id, day, None)
            print(f"Cleared “{c.title}” on {day.isoformat()}.")
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
        ws.checkins.record(c.id, day, CheckinState(status, value, note))
        item = next((i for i in ws.dashboard.day(day) if i.commitment_id == c.id), None)
        words = state_words(item) if item is not None else status.value
        if item is not None and value is not None and c.rules.target is not None:
            unit = f" {c.rules.target.unit}" if c.rules.target.unit else ""
            words += f" ({format_amount(value)}{unit}; {c.rules.target.describe()})"
        print(f"Saved: “{c.title}” {words} on {day.isoformat()}.")
    return 0


# --- pause ------------------------------------------------------------------------------


def _pause_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--from", dest="first", help="first day of the rest (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", help="last day of the rest (YYYY-MM-DD)")
    p.add_argument("--clear", action="store_true", help="remove all pauses")


def _pause(args: argparse.Namespace) -> int:
    from selftrust.domain.commitment import Pause

    ws = workspace(args)
    with _closing(ws):
        c = ws.commitments.find(args.title)
        if args.clear:
            ws.commitments.set_pauses(c.id, [])
            print(f"“{c.title}” has no pauses now.")
            return 0
        if not args.first or not args.last:
            raise CliError("say when the rest starts and ends: --from DATE --to DATE")
        first = parse_day_arg(args.first, ws.today())
        last = parse_day_arg(args.last, ws.today())
        if last < first:
            raise CliError("the pause must end on or after the day it starts")
        ws.commitments.set_pauses(c.id, [*c.rules.pauses, Pause(first, last)])
        print(f"Paused “{c.title}” from {first.isoformat()} to {last.isoformat()}: "
              "those days count as rest.")
    return 0


# --- stats ------------------------------------------------------------------------------


def _stats_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help="as of this day (default today)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _stats(args: argparse.Namespace) -> int:
    ws = workspace(args)
    with _closing(ws):
        day = parse_day_arg(args.day, ws.today())
        report = ws.stats.report(day)
        if args.json:
            print_json(report.to_json())
            return 0
        jar = report.jar
        print(f"As of {day:%A %d %B %Y}: {jar.marbles} marbles in the jar ({jar.gold} gold).")
        for s in report.items:
            c, m = s.commitment, s.summary
            unit = streak_unit(c.rules.schedule)
            # No streak says nothing, as Today does (no scolding "streak 0 days").
            run = ""
            if m.current_streak:
                units = unit + ("s" if m.current_streak != 1 else "")
                run = f"streak {m.current_streak} {units} (best {m.best_streak}), "
            elif m.best_streak:
                units = unit + ("s" if m.best_streak != 1 else "")
                run = f"best streak {m.best_streak} {units}, "
            print(
                f"  {c.title}: strength {m.strength:.0%}, {run}"
                f"kept {m.counts.kept}, not kept {m.counts.missed}"
                f" ({m.counts.repaired} repaired), skipped {m.counts.skipped}"
            )
    return 0


# --- reflect / reflections ---------------------------------------------------------------


def _reflect_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", nargs="?", help="the commitment this is about (optional)")
    p.add_argument("--day", help="the day it is about (default today)")
    p.add_argument("--happened", default="", help="what happened")
    p.add_argument("--owning", default="", help="owning it (a real apology has no “but”)")
    p.add_argument("--friend", default="", help="what I would tell a friend")
    p.add_argument("--learned", default="", help="what I learned")
    p.add_argument("--next-step", default="", help="one next small step")
    p.add_argument("--text-file", type=Path, metavar="F",
                   help="read “what happened” from a UTF-8 file (- for standard input)")
    p.add_argument("--before", type=_feeling, help="how I feel before, 1–5")
    p.add_argument("--after", type=_feeling, help="how I feel after, 1–5")


def _reflect(args: argparse.Namespace) -> int:
    from selftrust.domain.coach import BUT_HINT, contains_but
    from selftrust.services.reflections import ReflectionDraft

    happened = args.happened
    if args.text_file is not None:
        if happened:
            raise CliError("give “what happened” either with --happened or with --text-file, "
                           "not both")
        happened = _read_text_file(args.text_file)
    ws = workspace(args)
    with _closing(ws):
        cid = ws.commitments.find(args.title).id if args.title else None
        day = parse_day_arg(args.day, ws.today())
        row = ws.reflections.write(
            ReflectionDraft(
                day=day,
                commitment_id=cid,
                happened=happened,
                owning=args.owning,
                friend=args.friend,
                learned=args.learned,
                next_step=args.next_step,
                feeling_before=args.before,
                feeling_after=args.after,
            )
        )
        repaired = row.checkin_id is not None and any(
            s.state.status.value == "missed"
            for s in [ws.checkins.get(cid, day)] if s is not None and cid is not None
        )
        print("Saved your reflection." + (" The miss is repaired." if repaired else ""))
        if contains_but(row.owning):
            print(f"A gentle thought: {BUT_HINT}", file=sys.stderr)
    return 0


def _read_text_file(path: Path) -> str:
    try:
        data = sys.stdin.buffer.read(1_000_001) if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > 1_000_000:
        raise CliError(f"{path} is larger than 1 MB; a reflection is a few paragraphs")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text") from None


def _reflections_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--search", default="", metavar="WORDS", help="only those with every word")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _reflections(args: argparse.Namespace) -> int:
    ws = workspace(args)
    with _closing(ws):
        rows = ws.reflections.search(args.search)
        titles = {c.id: c.title for c in ws.commitments.all(include_archived=True)}
        if args.json:
            print_json(
                [
                    {
                        "id": r.id,
                        "day": r.day.isoformat(),
                        "commitment": titles.get(r.commitment_id) if r.commitment_id else None,
                        "repairs_checkin": r.checkin_id is not None,
                        "happened": r.happened,
                        "owning": r.owning,
                        "friend": r.friend,
                        "learned": r.learned,
                        "next_step": r.next_step,
                        "feeling_before": r.feeling_before,
                        "feeling_after": r.feeling_after,
                        "created_at": r.created_at.isoformat() + "Z",
                    }
                    for r in rows
                ]
            )
            return 0
        if not rows:
            print("No reflections yet." if not args.search else "No reflection matches.")
        for r in rows:
            about = titles.get(r.commitment_id, "free reflection") if r.commitment_id else (
                "free reflection"
            )
            first = r.text.splitlines()[0] if r.text else ""
            print(f"{r.day.isoformat()}  {about}: {first[:90]}")
    return 0


# --- demo, backups, restore --------------------------------------------------------------


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--years", type=_number, default=2.0)
    p.add_argument("--commitments", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)


def _demo(args: argparse.Namespace) -> int:
    from selftrust.services.demo import generate

    ws = workspace(args)
    with _closing(ws):
        counts = generate(ws, years=args.years, commitments=args.commitments, seed=args.seed)
    print(
        f"Demo data ready: {counts['commitments']} commitments, {counts['checkins']:,} check-ins, "
        f"{counts['reflections']:,} reflections."
    )
    return 0


def _backups_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _backups(args: argparse.Namespace) -> int:
    from selftrust.services.backups import kind_name
    from selftrust.services.workspace import list_backups

    backups = list_backups(args.data_dir)
    if args.json:
        print_json(
            [{"path": str(b.path), "taken_at": b.taken_at.isoformat(), "size": b.size,
              "kind": b.kind}
             for b in backups]
        )
        return 0
    if not backups:
        print("No backups yet; one is made each day the app or a command opens your data.")
    for b in backups:
        print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.size / 1024:>8,.0f} KB  "
              f"{kind_name(b.kind):<16}  {b.path}")
    return 0


def _restore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path,
                   help="a backup file, or its name as `selftrust backups` lists it")


def _restore(args: argparse.Namespace) -> int:
    from selftrust.services.workspace import data_folder, restore_backup

    backup: Path = args.backup.expanduser()
    if not backup.exists() and not backup.is_absolute():
        in_folder = data_folder(args.data_dir).backups / backup.name
        backup = in_folder if in_folder.exists() else backup
    if not backup.is_file():
        raise CliError(f"there is no backup file at {args.backup} "
                       "(`selftrust backups` lists them)")
    aside = restore_backup(args.data_dir, backup, now=env_now())
    kept = f" Your previous data is kept at {aside}." if aside else ""
    print(f"Restored {backup.name}.{kept}")
    return 0


def _screenshot_args(p: argparse.ArgumentParser) -> None:
    from selftrust.ui.shell.screenshot_targets import all_targets

    p.add_argument("--view", required=True, choices=all_targets())
    p.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    p.add_argument("--size", default="1100x720", help="WxH in pixels (default 1100x720)")
    p.add_argument("--day", help="the day to show (Today and Streaks)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    from selftrust.ui.charts.catalog import NAMES

    p.add_argument("--chart", choices=NAMES, help="which chart, for --view charts")
    p.add_argument("--scale", type=_number, default=1.0, help="screen scaling, e.g. 2 for 200 %%")


def _screenshot(args: argparse.Namespace) -> int:
    from selftrust.services.clock import FixedClock, SystemClock
    from selftrust.ui.look.theme import Theme
    from selftrust.ui.shell.screenshot import take

    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        raise CliError(f"--size {args.size!r} is not WxH, e.g. 1100x720") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CliError("--size must be between 200x200 and 8000x8000")
    if args.out.suffix.lower() != ".png":
        raise CliError("--out must name a .png file")
    now = env_now()
    clock = FixedClock(now) if now else SystemClock()
    day = None
    if args.day:
        from selftrust.domain.days import parse_day

        try:
            day = parse_day(args.day)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    take(args.data_dir, args.view, args.out, size=(width, height), theme=Theme(args.theme),
         day=day, chart=args.chart, clock=clock, scale=args.scale)
    print(f"Wrote {args.out}")
    return 0


# --- chart ------------------------------------------------------------------------------


def _chart_args(p: argparse.ArgumentParser) -> None:
    from selftrust.ui.charts.catalog import NAMES

    p.add_argument("name", choices=NAMES, metavar="NAME", help=" | ".join(NAMES))
    p.add_argument("--out", required=True, type=Path, help="FILE.png, FILE.svg or FILE.pdf")
    p.add_argument("--range", default="3m", metavar="R",
                   help="4w | 3m | 1y | all | YYYY-MM-DD:YYYY-MM-DD (default 3m)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1100x720", help="WxH in pixels (default 1100x720)")
    p.add_argument("--commitment", action="append", metavar="TITLE",
                   help="only this commitment (repeat for several)")


def _chart(args: argparse.Namespace) -> int:
    from selftrust.services.chart_range import ChartRange
    from selftrust.ui.charts.catalog import EXPORT_FORMATS

    if args.out.suffix.lower() not in EXPORT_FORMATS:
        raise CliError("--out must name a .png, .svg or .pdf file")
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        raise CliError(f"--size {args.size!r} is not WxH, e.g. 1100x720") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CliError("--size must be between 200x200 and 8000x8000")
    rng = ChartRange.parse(args.range)
    ws = workspace(args)
    with _closing(ws):
        selection = None
        if args.commitment:
            selection = [ws.commitments.find(title).id for title in args.commitment]
        from selftrust.ui.charts.render import render_file

        try:
            render_file(ws, args.name, args.out, rng=rng, dark=args.theme == "dark",
                        size=(width, height), selection=selection)
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror or exc}", 1) from None
    print(f"Wrote {args.out}")
    return 0


class _closing:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def __enter__(self) -> Workspace:
        return self.ws

    def __exit__(self, *exc: object) -> None:
        self.ws.close()


COMMANDS: list[Command] = [
    Command("add", "add a commitment", _add_args, _add),
    Command("list", "the commitments due on a day and what was recorded", _list_args, _list),
    Command("check", "record a day: kept (default), missed, skipped or an amount",
            _check_args, _check),
    Command("reflect", "write a reflection; on a missed day it repairs the miss",
            _reflect_args, _reflect),
    Command("reflections", "list or search your reflections", _reflections_args, _reflections),
    Command("pause", "plan rest for a commitment: the days count as skipped", _pause_args,
            _pause),
    Command("stats", "streaks, strength, counts and the marble jar", _stats_args, _stats),
    Command("demo", "fill an empty data folder with realistic demo data", _demo_args, _demo),
    Command("export", "save all your data as JSON or as CSV files in a zip",
            cli_interchange.export_args, cli_interchange.export),
    Command("import", "bring in a Self-Trust export or Loop Habit Tracker's export or backup",
            cli_interchange.import_args, cli_interchange.import_),
    Command("backups", "list the automatic backups", _backups_args, _backups),
    Command("restore", "restore a backup (your current data is kept aside)",
            _restore_args, _restore),
    Command("chart", "draw a chart into a PNG, SVG or PDF file (no window needed)",
            _chart_args, _chart),
    Command("screenshot", "render a view offscreen into a PNG", _screenshot_args, _screenshot),
]


