"""The jar count on demo data equals DESIGN.md's rules, counted here independently.

Nothing from domain/jar.py, the ledger or the stats service is used for the count:
the check-ins and reflection links are read straight from the SQLite file, and the
rules below are written from DESIGN.md's "Marble jar" section:

- a kept occasion adds 1 marble; a measurable one when its target is met (a weekly
  amount: on the day the week's sum reaches the target — for a week that is only partly
  open, because the commitment started mid-week or some days were skipped or paused,
  the target is that week's share: amount × open days / 7); for N per week / month at most
  N kept days per calendar week / month count; for N in any M days at most N counted
  in any M days;
- a missed occasion knocks out 2 (an at-most amount above its limit is a miss; an
  at-least amount below target is partly kept and does nothing, 0 is a miss);
- today within a daily limit is not over: it wins nothing yet;
- a miss with a reflection linked is repaired: the 2 come back and it counts as gold;
- skipped days, days in a pause and unrecorded days do nothing;
- replayed day by day, never below 0.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selftrust.domain.schedule import ScheduleKind
from selftrust.services import demo
from selftrust.services.jar_picture import GOLD, jar_picture
from selftrust.services.workspace import Workspace

GAIN, COST = 1, 2


def _period_key(day: date, per: str) -> tuple[int, int]:
    if per == "week":  # weeks start on Monday (the default setting)
        monday = day - timedelta(days=day.weekday())
        return (monday.toordinal(), 0)
    return (day.year, day.month)


def independent_jar(ws: Workspace, data_dir: Path) -> tuple[int, int]:
    today = ws.today()
    db = sqlite3.connect(data_dir / "selftrust.db")
    try:
        checkins = db.execute(
            "SELECT id, commitment_id, day, status, value FROM checkin WHERE day <= ?",
            (today.isoformat(),),
        ).fetchall()
        linked = {r[0] for r in db.execute(
            "SELECT checkin_id FROM reflection WHERE checkin_id IS NOT NULL")}
    finally:
        db.close()
    rows_by_id = {c.id: c for c in ws.commitments.all(include_archived=True)}
    rules = {cid: c.rules for cid, c in rows_by_id.items()}
    by_commitment: dict[int, list[tuple[date, str, float | None, int]]] = defaultdict(list)
    for cid_, commitment_id, day, status, value in checkins:
        by_commitment[commitment_id].append((date.fromisoformat(day), status, value, cid_))
    delta: dict[date, int] = defaultdict(int)
    gold = 0
    for commitment_id, rows in by_commitment.items():
        r = rules[commitment_id]
        s = r.schedule
        rows.sort()
        start = min([rows_by_id[commitment_id].created_on, *(row[0] for row in rows)])
        rested = {day for day, status, _v, _c in rows if status == "skipped"}
        kept_days = {day for day, status, _v, _c in rows if status == "kept"}

        def week_target(key: tuple[int, int], amount: float, r=r, start=start,  # type: ignore[no-untyped-def]
                        rested=rested, kept_days=kept_days) -> float:
            monday = date.fromordinal(key[0])
            week = [monday + timedelta(days=k) for k in range(7)]
            open_days = [d for d in week if d >= start and d not in rested
                         and (d in kept_days or not r.paused(d))]
            return amount * len(open_days) / 7

        counted_in_period: dict[tuple[int, int], int] = defaultdict(int)
        counted_days: list[date] = []
        week_sum: dict[tuple[int, int], float] = defaultdict(float)
        week_done: set[tuple[int, int]] = set()
        for day, status, value, checkin_id in rows:
            if r.paused(day) or status == "skipped":
                continue
            if s.kind is ScheduleKind.WEEKDAYS and not (s.weekdays >> day.weekday()) & 1:
                continue
            t = r.target
            if t is not None and t.per.value == "week":
                if status == "missed":
                    outcome = "missed"
                else:
                    key = _period_key(day, "week")
                    week_sum[key] += value or 0.0
                    if key not in week_done and week_sum[key] >= week_target(key, t.amount):
                        week_done.add(key)
                        delta[day] += GAIN
                    continue
            elif status == "missed":
                outcome = "missed"
            elif t is None:
                outcome = "kept"
            elif t.at_most:
                if (value or 0.0) > t.amount:
                    outcome = "missed"
                elif day == today:
                    continue  # within its limit so far: the day may still pass it
                else:
                    outcome = "kept"
            else:
                v = value or 0.0
                outcome = "kept" if v >= t.amount else ("partly" if v > 0 else "missed")
            if outcome == "kept":
                if s.kind in (ScheduleKind.PER_WEEK, ScheduleKind.PER_MONTH):
                    key = _period_key(day, "week" if s.kind is ScheduleKind.PER_WEEK else "m")
                    if counted_in_period[key] >= s.times:
                        continue
                    counted_in_period[key] += 1
                elif s.kind is ScheduleKind.IN_DAYS:
                    recent = [d for d in counted_days if (day - d).days < s.days]
                    if len(recent) >= s.times:
                        continue
                    counted_days.append(day)
                delta[day] += GAIN
            elif outcome == "missed":
                if checkin_id in linked:
                    gold += 1
                else:
                    delta[day] -= COST
    marbles = 0
    for day in sorted(delta):
        marbles = max(0, marbles + delta[day])
    return marbles, gold


@pytest.mark.parametrize(("years", "commitments", "seed"), [(2, 8, 1), (1, 12, 7), (3, 20, 3)])
def test_the_jar_on_demo_data_follows_the_design(ws: Workspace, data_dir: Path, years: int,
                                                 commitments: int, seed: int) -> None:
    demo.generate(ws, years=years, commitments=commitments, seed=seed)
    report = ws.stats.report()
    marbles, gold = independent_jar(ws, data_dir)
    assert (report.jar.marbles, report.jar.gold) == (marbles, gold)
    assert marbles > 100 and gold > 10  # the demo exercises the rules


def test_the_picture_holds_exactly_the_jar(ws: Workspace) -> None:
    demo.generate(ws, years=1, commitments=8, seed=2)
    picture = jar_picture(ws)
    jar = ws.stats.report().jar
    assert picture.marbles == jar.marbles
    assert len(picture.pile) == jar.marbles
    assert picture.pile.count(GOLD) == picture.gold_in_jar == min(jar.gold, jar.marbles)
    assert sum(s.marbles for s in picture.shares) == jar.marbles  # gold or plain


def test_a_pile_follows_kept_missed_and_repaired_days() -> None:
    from selftrust.domain.jar import JarEvent
    from selftrust.services.jar_picture import build_pile

    d = [date(2026, 11, n) for n in range(1, 8)]
    events = {
        1: [JarEvent(d[0], kept=1), JarEvent(d[1], kept=1), JarEvent(d[2], kept=1),
            JarEvent(d[4], repaired=1)],
        2: [JarEvent(d[3], kept=1), JarEvent(d[5], missed=1), JarEvent(d[6], kept=1)],
    }
    # 1 1 1 2 → repair gilds the top (2) → a miss knocks two ordinary ones out, the
    # gold one settles → 1 ★ → a kept 2 on top.
    assert build_pile(events, gold=1) == [1, GOLD, 2]


@given(st.lists(st.tuples(st.integers(1, 3), st.integers(0, 30),
                          st.sampled_from(["kept", "missed", "repaired"])), max_size=80),
       st.tuples(st.integers(0, 3), st.integers(0, 4), st.integers(0, 4)))
def test_any_pile_matches_the_jar(raw: list[tuple[int, int, str]],
                                  numbers: tuple[int, int, int]) -> None:
    from selftrust.domain.jar import JarEvent, JarRules, fill_jar
    from selftrust.services.jar_picture import build_pile

    rules = JarRules(*numbers)
    events: dict[int, list[JarEvent]] = defaultdict(list)
    for cid, offset, what in raw:
        events[cid].append(JarEvent(date(2026, 1, 1) + timedelta(days=offset), **{what: 1}))
    jar = fill_jar([e for es in events.values() for e in es], rules)
    pile = build_pile(events, jar.gold, rules)
    assert len(pile) == jar.marbles
    assert pile.count(GOLD) == min(jar.gold, jar.marbles)
