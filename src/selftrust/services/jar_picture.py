"""What the marble jar view draws: which marbles are in the jar, in which colours.

The jar itself is a count (domain/jar.py). To draw it, we replay the same events and
keep a pile: a kept promise drops a marble of its commitment's colour on top, a miss
knocks marbles off the top, and a repair turns the top ordinary marble gold. Gold
marbles have healed stronger, so misses knock ordinary marbles out first. The pile
always holds exactly as many marbles as the jar counts, and exactly
``min(gold, marbles)`` of them are gold, sitting where they were repaired.

It also says what the day did (marbles won, marbles knocked out, misses not repaired)
and whether the jar has ever held a marble, so the words beside an empty jar can be
true: "waiting for its first marble" only when it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.domain.jar import DEFAULT_JAR_RULES, Jar, JarEvent, JarRules
from selftrust.services.needs import Tracked

GOLD = 0
"""A gold marble in a pile (commitment ids start at 1)."""

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
    pile: tuple[int, ...]  # bottom to top: commitment ids, GOLD for gold marbles
    colors: dict[int, str]
    shares: tuple[JarShare, ...]  # largest first
    week_first: date
    week_change: int  # marbles now minus marbles before this week began
    week_gold: int  # repairs this week
    today_won: int = 0  # marbles won on ``day``
    today_lost: int = 0  # marbles knocked out on ``day`` (never more than were there)
    today_misses: int = 0  # misses on ``day`` not repaired
    ever_won: int = 0  # marbles won up to ``day``, all told

    @property
    def empty(self) -> bool:
        return self.marbles == 0


def build_pile(
    events_by_commitment: dict[int, list[JarEvent]],
    gold: int,
    rules: JarRules = DEFAULT_JAR_RULES,
) -> list[int]:
    """The marbles bottom first: commitment ids, and GOLD for gold ones."""
    return pile_with_owners(events_by_commitment, gold, rules)[0]


def pile_with_owners(
    events_by_commitment: dict[int, list[JarEvent]],
    gold: int,
    rules: JarRules = DEFAULT_JAR_RULES,
) -> tuple[list[int], list[int]]:
    """The pile (GOLD for gold marbles) and, place by place, whose marble it is.

    A marble that turns gold stays its commitment's: the owners let "Whose marbles
    they are" add up to the jar, gold or plain. Follows domain.jar.replay day by day,
    so the length always matches its count."""
    per_day: dict[date, list[tuple[int, JarEvent]]] = defaultdict(list)
    for cid, events in events_by_commitment.items():
        for e in events:
            per_day[e.day].append((cid, e))
    repair_delta = rules.repair_return - rules.miss_cost
    pile: list[int] = []
    owners: list[int] = []
    ordinary = 0
    for day in sorted(per_day):
        missed = fixed = 0
        for cid, e in per_day[day]:
            won = e.kept * rules.kept_gain + (e.repaired * repair_delta if repair_delta > 0 else 0)
            if won:
                pile.extend([cid] * won)
                owners.extend([cid] * won)
                ordinary += won
            missed += e.missed
            fixed += e.repaired
        lost = missed * rules.miss_cost + max(0, -fixed * repair_delta)
        plain = min(lost, ordinary)
        if plain:
            _drop_ordinary(pile, owners, plain)
            ordinary -= plain
        if lost > plain:
            keep = max(0, len(pile) - (lost - plain))
            del pile[keep:]
            del owners[keep:]
        for _ in range(fixed):  # healed stronger: the top ordinary marble turns gold
            if ordinary:
                _gild_top(pile)
                ordinary -= 1
    want = min(gold, len(pile))
    while len(pile) - ordinary < want:
        _gild_top(pile)
        ordinary -= 1
    return pile, owners


def _drop_ordinary(pile: list[int], owners: list[int], count: int) -> None:
    """Knock ``count`` ordinary marbles off the top; gold ones there settle down instead."""
    i = len(pile)
    golds: list[int] = []  # owners of the gold marbles met, top first
    while count and i:
        i -= 1
        if pile[i] == GOLD:
            golds.append(owners[i])
        else:
            count -= 1
    del pile[i:]
    del owners[i:]
    pile.extend([GOLD] * len(golds))
    owners.extend(reversed(golds))


def _gild_top(pile: list[int]) -> None:
    for i in range(len(pile) - 1, -1, -1):
        if pile[i] != GOLD:
            pile[i] = GOLD
            return


def jar_picture(ws: Tracked, day: date | None = None) -> JarPicture:
    """The jar as of ``day`` (default today), with this week's change."""
    day = day or ws.today()
    ledger = ws.ledger
    ledger.ensure_loaded()
    rules = ws.settings.jar_rules
    days = ledger.jar_days(day, rules)  # the replay once: the jar now is its last day
    jar = Jar(days[-1].marbles, days[-1].gold) if days else Jar(0, 0)
    commitments = ws.commitments.all(include_archived=True)
    events = {c.id: ledger.events(c.id, day) for c in commitments if ledger.start_of(c.id) <= day}
    pile, owners = pile_with_owners(events, jar.gold, rules)
    counts: dict[int, int] = defaultdict(int)
    for cid in owners:  # gold or plain, a marble is its commitment's
        counts[cid] += 1
    golden = pile.count(GOLD)
    by_id = {c.id: c for c in commitments}
    shares = tuple(
        sorted(
            (JarShare(cid, by_id[cid].title, by_id[cid].color, n) for cid, n in counts.items()),
            key=lambda s: (-s.marbles, s.title.casefold()),
        )
    )
    week_first = _week_first(day, ws.settings.week_start)
    last = days[-1] if days and days[-1].day == day else None
    misses = sum(e.missed for evs in events.values() for e in evs[-1:] if e.day == day)
    before = 0
    gold_before = 0
    for jd in days:
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
        today_won=last.won if last else 0,
        today_lost=last.lost if last else 0,
        today_misses=misses,
        ever_won=sum(jd.won for jd in days),
    )


def _week_first(day: date, week_start: int) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)
