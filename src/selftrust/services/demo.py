"""Realistic demo data: years of a life with promises kept, missed, rested and repaired.

Used by `selftrust demo`, screenshots, benchmarks and tests. Seeded, so the same
arguments always give the same data. The words (titles, whys, units, notes and
reflections) are ours, so they are written in the person's language: the tables below
hold the English, marked for the catalogue, and `generate` translates them.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from selftrust.base import formats
from selftrust.base.i18n import N_, _, pgettext
from selftrust.base.palette import commitment_colors
from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import Schedule, parse_schedule
from selftrust.services.errors import Invalid
from selftrust.services.workspace import Workspace
from selftrust.store import repository as repo


@dataclass(frozen=True, slots=True)
class Template:
    title: str
    schedule: str
    why: str
    keep: float  # base chance of keeping an occasion
    target: Target | None = None


def templates() -> tuple[Template, ...]:
    """The demo's commitments in the person's language: made when asked, as the language
    is chosen after this module is imported."""
    return (
        Template(pgettext("demo commitment", "Walk 20 minutes"), "daily",
                 _("Fresh air clears my head."), 0.82),
        Template(pgettext("demo commitment", "In bed by 23:00"), "daily",
                 _("Mornings are kinder when I sleep."), 0.7),
        Template(pgettext("demo commitment", "Read 10 pages"), "daily",
                 _("A quiet hour that is mine."), 0.0, Target(10, _("pages"), Period.DAY)),
        # TRANSLATORS: a demo commitment: going to the gym.
        Template(pgettext("demo commitment", "Gym"), "3/week",
                 _("Strong enough to carry the groceries and my kids."), 0.75),
        Template(pgettext("demo commitment", "Call Mum"), "1/week",
                 _("She lights up when I do."), 0.8),
        # TRANSLATORS: a demo commitment: writing in a journal (not the app's Journal).
        Template(pgettext("demo commitment", "Journal"), "mon,wed,fri",
                 _("Writing untangles my thoughts."), 0.78),
        Template(pgettext("demo commitment", "No more than 2 coffees"), "daily",
                 _("Calmer afternoons."), 0.0, Target(2, _("cups"), Period.DAY, at_most=True)),
        Template(pgettext("demo commitment", "Practise guitar"), "2/5days",
                 _("I promised myself I'd play again."), 0.72),
        Template(pgettext("demo commitment", "Tidy the flat"), "weekends",
                 _("Sunday evenings feel lighter."), 0.76),
        Template(pgettext("demo commitment", "Run 15 km a week"), "daily",
                 _("Training for the autumn 10 k."), 0.0, Target(15, _("km"), Period.WEEK)),
        Template(pgettext("demo commitment", "Meditate"), "daily",
                 _("Ten breaths before the day begins."), 0.68),
        Template(pgettext("demo commitment", "Budget check"), "2/month",
                 _("Money worries shrink when I look at them."), 0.8),
        Template(pgettext("demo commitment", "Drink water"), "daily",
                 _("Fewer headaches."), 0.88),
        Template(pgettext("demo commitment", "No phone after 22:00"), "daily",
                 _("Sleep comes easier."), 0.6),
        Template(pgettext("demo commitment", "Stretch"), "every 2 days",
                 _("My back says thank you."), 0.74),
        Template(pgettext("demo commitment", "Learn Spanish"), "weekdays",
                 _("For the trip to Valencia."), 0.7),
        Template(pgettext("demo commitment", "Cook at home"), "4/week",
                 _("Better food, better evenings."), 0.72),
        Template(pgettext("demo commitment", "Floss"), "daily",
                 _("My dentist will notice."), 0.65),
        Template(pgettext("demo commitment", "Write to a friend"), "2/month",
                 _("Friendships need tending."), 0.7),
        Template(pgettext("demo commitment", "Plan tomorrow"), "weekdays",
                 _("Five minutes that save an hour."), 0.78),
    )


HAPPENED = (
    N_("Work ran late and I was exhausted when I got home."),
    N_("I scrolled on my phone and the evening slipped away."),
    N_("I felt low and couldn't get myself started."),
    N_("Friends came over unexpectedly and I let it go."),
    N_("I told myself I'd do it later, and later never came."),
    N_("I was travelling and didn't plan for it."),
)
OWNING = (
    N_("I chose the sofa over my promise. That was my choice."),
    N_("I didn't plan ahead, and I could have."),
    N_("I let a small excuse decide for me."),
    N_("I knew the evening would be busy and did nothing to make room."),
)
FRIEND = (
    N_("One missed day doesn't undo all the days you showed up."),
    N_("You were tired. Rest is not a crime — start again tomorrow."),
    N_("You're learning what gets in the way. That's progress too."),
)
LEARNED = (
    N_("Evenings after long workdays are my weak spot."),
    N_("If I do it first thing, it happens."),
    N_("I need a smaller version for hard days."),
    N_("Putting my shoes by the door actually helps."),
)
NEXT_STEPS = (
    N_("Set out my things tonight."),
    N_("Do the five-minute version tomorrow morning."),
    N_("Put a reminder at 18:00."),
    N_("Tell a friend my plan for tomorrow."),
)


def generate(
    ws: Workspace, *, years: float = 2.0, commitments: int = 8, seed: int = 1
) -> dict[str, int]:
    """Fill an empty workspace; returns counts of what was written."""
    if not 0 < years <= 50:
        raise Invalid(_("Choose between 0 and 50 years of demo data."))
    if not 1 <= commitments <= 500:
        raise Invalid(_("Choose between 1 and 500 commitments."))
    with ws.read() as conn:
        if repo.count_rows(conn, "commitment") or repo.count_rows(conn, "reflection"):
            # TRANSLATORS: --data-dir is an option of the command line, typed as it is.
            raise Invalid(_(
                "This data folder already has data; demo data only goes into an empty one. "
                "Use --data-dir with a new folder."
            ))
    rng = random.Random(seed)
    made = templates()
    colors = commitment_colors()
    today = ws.today()
    span = max(1, round(years * 365.25))
    first_day = today - timedelta(days=span - 1)
    now = ws.utc_now()
    written = {"commitments": 0, "checkins": 0, "reflections": 0}
    checkin_rows: list[dict[str, object]] = []
    reflection_plan: list[tuple[int, date]] = []
    with ws.write() as conn:
        for n in range(commitments):
            t = made[n % len(made)]
            title = t.title
            if n >= len(made):
                # TRANSLATORS: a demo commitment's title made again: "Walk 20 minutes (2)".
                title = _("{title} ({number})").format(
                    title=t.title, number=formats.number(n // len(made) + 1))
            schedule = parse_schedule(t.schedule)
            # Most commitments run the whole span; some started later.
            late = 0 if n % 3 == 0 else rng.randrange(0, max(1, span // 3))
            created = first_day + timedelta(days=late)
            pauses = _pauses(rng, created, today) if n % 4 == 1 else ()
            rules = Rules(schedule=schedule, target=t.target, pauses=pauses)
            archived_on = today - timedelta(days=rng.randrange(20, 60)) if (
                n == commitments - 1 and commitments >= 6 and created < today - timedelta(days=90)
            ) else None
            cid = repo.insert_commitment(
                conn,
                uid=uuid.uuid4().hex,
                title=title,
                why=t.why,
                rules=rules,
                color=colors[n % len(colors)].hex,
                position=n,
                created_on=created,
                archived_on=archived_on,
            )
            written["commitments"] += 1
            last = archived_on or today
            for day, status, value in _days(rng, t, rules, created, last, today):
                hour = rng.choice((7, 8, 12, 18, 20, 21, 22))
                checkin_rows.append(
                    {
                        "commitment_id": cid,
                        "day": day,
                        "status": status,
                        "value": value,
                        "note": _note(rng) if rng.random() < 0.03 else None,
                        "recorded_at": min(now, datetime.combine(day, time(hour))),
                    }
                )
                # Reflections become a habit: more misses repaired in recent years.
                if status == "missed":
                    recency = 1 - (today - day).days / span
                    if rng.random() < 0.15 + 0.45 * recency:
                        reflection_plan.append((cid, day))
        if checkin_rows:
            conn.execute(sa.insert(repo.CHECKIN), checkin_rows)
        written["checkins"] = len(checkin_rows)
        ids = {
            (cid, day): checkin_id
            for checkin_id, cid, day in conn.execute(
                sa.select(repo.CHECKIN.c.id, repo.CHECKIN.c.commitment_id, repo.CHECKIN.c.day)
                .where(repo.CHECKIN.c.status == "missed")
            )
        }
        reflections = [
            _reflection(rng, cid, day, ids.get((cid, day))) for cid, day in reflection_plan
        ]
        # A few free reflections, not tied to any commitment.
        for _i in range(max(1, span // 120)):
            day = first_day + timedelta(days=rng.randrange(span))
            reflections.append(_reflection(rng, None, day, None))
        if reflections:
            conn.execute(sa.insert(repo.REFLECTION), reflections)
        written["reflections"] = len(reflections)
        repo.put_setting(conn, "welcomed", True)
    ws.reload()
    return written


def _pauses(rng: random.Random, created: date, today: date) -> tuple[Pause, ...]:
    """A holiday or two a year."""
    out: list[Pause] = []
    day = created + timedelta(days=rng.randrange(60, 200))
    while day < today - timedelta(days=20):
        length = rng.randrange(5, 15)
        out.append(Pause(day, day + timedelta(days=length - 1)))
        day += timedelta(days=rng.randrange(150, 300))
    return tuple(out)


def _days(
    rng: random.Random, t: Template, rules: Rules, created: date, last: date, today: date
) -> list[tuple[date, str, float | None]]:
    out: list[tuple[date, str, float | None]] = []
    schedule = rules.schedule
    times, window = schedule.frequency
    flexible = schedule.is_flexible
    total = max(1, (last - created).days)
    day = created
    while day <= last:
        if not schedule.is_occasion(day) or rules.paused(day):
            day += timedelta(days=1)
            continue
        progress = (day - created).days / total
        # People get better with practice, have seasons, and Mondays are hard.
        mood = 0.08 * math.sin((day.toordinal() % 365) / 365 * 2 * math.pi)
        monday = -0.12 if day.weekday() == 0 else 0.0
        if day == today:
            if rng.random() < 0.5:
                day += timedelta(days=1)
                continue  # today is still open for some
        roll = rng.random()
        if t.target is not None:
            out.extend(_amount_day(rng, t.target, day, progress + mood + monday))
        elif flexible:
            chance = times / window * (0.75 + 0.3 * progress) + mood + monday * 0.5
            if roll < chance:
                out.append((day, "kept", None))
            elif roll < chance + 0.02:
                out.append((day, "skipped", None))
            elif roll < chance + 0.05:
                out.append((day, "missed", None))
        else:
            chance = min(0.97, t.keep + 0.15 * progress + mood + monday)
            if roll < chance:
                out.append((day, "kept", None))
            elif roll < chance + 0.03:
                out.append((day, "skipped", None))
            elif roll < chance + 0.05 and day < today:
                pass  # forgot to record it
            else:
                out.append((day, "missed", None))
        day += timedelta(days=1)
    return out


def _amount_day(
    rng: random.Random, target: Target, day: date, drive: float
) -> list[tuple[date, str, float | None]]:
    if target.per is Period.WEEK:
        if rng.random() < 3 / 7 + drive * 0.2:
            return [(day, "kept", round(rng.uniform(3, 8), 1))]
        return []
    if target.at_most:
        under = max(0, round(rng.gauss(target.amount - 0.3 - drive, 1.0)))
        return [(day, "kept", float(under))]
    roll = rng.random()
    if roll < 0.06:
        return [(day, "missed", None)]
    if roll < 0.09:
        return [(day, "skipped", None)]
    value = max(0.0, round(rng.gauss(target.amount * (0.85 + 0.35 * drive), 3)))
    return [(day, "kept", value)]


NOTES = (
    N_("Felt great afterwards."),
    N_("Hard start, good finish."),
    N_("With a friend — easier together."),
    N_("Short version today, and that's fine."),
    N_("Rain, but I went anyway."),
)


def _note(rng: random.Random) -> str:
    return _(rng.choice(NOTES))


def _reflection(
    rng: random.Random, cid: int | None, day: date, checkin_id: int | None
) -> dict[str, object]:
    moment = datetime.combine(day + timedelta(days=rng.choice((0, 0, 1))), time(21, 30))
    full = rng.random() < 0.7
    before = rng.choice((1, 2, 2, 3, 3))
    return {
        "uid": uuid.uuid4().hex,
        "created_at": moment,
        "updated_at": moment,
        "day": day,
        "commitment_id": cid,
        "checkin_id": checkin_id,
        "happened": _(rng.choice(HAPPENED)),
        "owning": _(rng.choice(OWNING)) if full else None,
        "friend": _(rng.choice(FRIEND)) if full else None,
        "learned": _(rng.choice(LEARNED)),
        "next_step": _(rng.choice(NEXT_STEPS)),
        "feeling_before": before,
        "feeling_after": min(5, before + rng.choice((0, 1, 1, 2))),
    }


__all__ = ["generate", "templates", "Schedule"]
