"""What the marble jar view draws: which marbles are in the jar, in which colours.

The jar itself is a count (domain/jar.py). To draw it, we replay the same events and
keep a pile: a kept promise drops a marble of its commitment's colour on top, a miss
knocks marbles off the top, and a repair turns the top ordinary marble gold. Gold
marbles have healed stronger, so misses knock ordinary marbles out first. The pile
always holds exactly as many marbles as the jar counts, and exactly
``min(gold, marbles)`` of them are gold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from selftrust.domain.jar import DEFAULT_JAR_RULES, JarEvent, JarRules

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

@dataclass(frozen=True, slots=True)
class JarShare:
    commitment_id: int
    title: str
    color: str
    marbles: int


@dataclass(frozen=True, slots=True)
class JarPicture:
    day: date
    marbles: int
    gold: int  # repaired misses (Jar.gold)
    gold_in_jar: int  # gold marbles drawn: min(gold, marbles)
    pile: tuple[int, ...]  # commitment ids bottom to top; gold marbles are not in it
    colors: dict[int, str]
    shares: tuple[JarShare, ...]  # largest first
    week_first: date
    week_change: int  # marbles now minus marbles before this week began
    week_gold: int  # repairs this week

    @property
    def empty(self) -> bool:
        return self.marbles == 0


def build_pile(
    events_by_commitment: dict[int, list[JarEvent]],
    gold: int,
    rules: JarRules = DEFAULT_JAR_RULES,
) -> tuple[list[int], int]:
    """The ordinary marbles (commitment ids, bottom first) and how many gold ones.

    Follows domain.jar.replay day by day, so the total always matches its count."""
    per_day: dict[date, list[tuple[int, JarEvent]]] = defaultdict(list)
    for cid, events in events_by_commitment.items():
        for e in events:
            per_day[e.day].append((cid, e))
    repair_delta = rules.repair_return - rules.miss_cost
    pile: list[int] = []
    golden = 0
    for day in sorted(per_day):
        missed = fixed = 0
        for cid, e in per_day[day]:
            if e.kept:
                pile.extend([cid] * (e.kept * rules.kept_gain))
            if e.repaired and repair_delta > 0:  # a repair that returns more than it cost
                pile.extend([cid] * (e.repaired * repair_delta))
            missed += e.missed
            fixed += e.repaired
        lost = missed * rules.miss_cost + max(0, -fixed * repair_delta)
        take = min(lost, len(pile))
        if take:
            del pile[len(pile) - take:]
        golden -= min(golden, lost - take)
        for _ in range(fixed):  # healed stronger: the top ordinary marble turns gold
            if pile:
                pile.pop()
                golden += 1
    want = min(gold, len(pile) + golden)
    while golden < want and pile:
        pile.pop()
        golden += 1
    return pile, golden


def jar_picture(ws: Workspace, day: date | None = None) -> JarPicture:
    """The jar as of ``day`` (default today), with this week's change."""
    day = day or ws.today()
    ledger = ws.ledger
    ledger.ensure_loaded()
    rules = ws.settings.jar_rules
    jar = ledger.jar(day, rules)
    commitments = ws.commitments.all(include_archived=True)
    events = {c.id: ledger.events(c.id, day) for c in commitments if ledger.start_of(c.id) <= day}
    pile, golden = build_pile(events, jar.gold, rules)
    counts: dict[int, int] = defaultdict(int)
    for cid in pile:
        counts[cid] += 1
    by_id = {c.id: c for c in commitments}
    shares = tuple(
        sorted(
            (JarShare(cid, by_id[cid].title, by_id[cid].color, n) for cid, n in counts.items()),
            key=lambda s: (-s.marbles, s.title.casefold()),
        )
    )
    week_first = _week_first(day, ws.settings.week_start)
    before = 0
    gold_before = 0
    for jd in ledger.jar_days(day, rules):
        if jd.day >= week_first:
            break
        before, gold_before = jd.marbles, jd.gold
    return JarPicture(
        day=day,
        marbles=jar.marbles,
        gold=jar.gold,
        gold_in_jar=golden,
        pile=tuple(pile),
        colors={c.id: c.color for c in commitments},
        shares=shares,
        week_first=week_first,
        week_change=jar.marbles - before,
        week_gold=jar.gold - gold_before,
    )


def _week_first(day: date, week_start: int) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)
