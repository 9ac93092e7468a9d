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

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

from selftrust.domain.jar import DEFAULT_JAR_RULES, Jar, JarEvent, JarRules, JarTrack
from selftrust.services.needs import Tracked

if TYPE_CHECKING:
    import numpy.typing as npt

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
    """`pile_of_tracks` of events (each commitment's events added up day by day)."""
    return pile_of_tracks({cid: _track_of(events) for cid, events in
                           events_by_commitment.items()}, gold, rules)


def pile_of_tracks(
    tracks: dict[int, JarTrack],
    gold: int,
    rules: JarRules = DEFAULT_JAR_RULES,
) -> tuple[list[int], list[int]]:
    """The pile (GOLD for gold marbles) and, place by place, whose marble it is.

    A marble that turns gold stays its commitment's: the owners let "Whose marbles
    they are" add up to the jar, gold or plain. Follows domain.jar.replay day by day,
    so the length always matches its count: on a day, each commitment in turn drops
    its marbles on top, then the day's misses knock marbles off and its repairs gild.
    Only the days that knock off or gild are stepped through one by one; the marbles
    won in between are laid on as one slice (twenty years of marbles are hundreds of
    thousands of drops, far too many to take one at a time)."""
    days = _won_by_day(tracks, rules)
    pile: list[int] = []
    owners: list[int] = []
    if days is None:
        return pile, owners
    dropped, ends, lost_by_day, fixed_by_day = days
    laid = 0
    ordinary = 0
    busy = np.flatnonzero(lost_by_day | fixed_by_day)
    for d, lost, fixed in zip(busy.tolist(), lost_by_day[busy].tolist(),
                              fixed_by_day[busy].tolist(), strict=True):
        end = ends[d]
        if end > laid:  # everything won up to and on this day, in order
            won = dropped[laid:end]
            pile.extend(won)
            owners.extend(won)
            ordinary += end - laid
            laid = end
        plain = min(lost, ordinary)
        if plain:
            _drop_ordinary(pile, owners, plain)
            ordinary -= plain
        if lost > plain:
            keep = max(0, len(pile) - (lost - plain))
            del pile[keep:]
            del owners[keep:]
        for _gilded in range(fixed):  # healed stronger: the top ordinary marble turns gold
            if ordinary:
                _gild_top(pile)
                ordinary -= 1
    if laid < len(dropped):
        rest = dropped[laid:]
        pile.extend(rest)
        owners.extend(rest)
        ordinary += len(rest)
    want = min(gold, len(pile))
    while len(pile) - ordinary < want:
        _gild_top(pile)
        ordinary -= 1
    return pile, owners


def _won_by_day(
    tracks: dict[int, JarTrack], rules: JarRules
) -> tuple[list[int], list[int], npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """Every marble won, in the order it is dropped (day by day, commitment by
    commitment in the tracks' order), where each day's drops end in that list, and
    the marbles each day's losses would take and its repairs."""
    used = [(cid, t) for cid, t in tracks.items() if len(t.kept)]
    if not used:
        return None
    origin = min(t.start.toordinal() for _cid, t in used)
    span = max(t.start.toordinal() + len(t.kept) for _cid, t in used) - origin
    repair_delta = rules.repair_return - rules.miss_cost
    won = np.zeros((span, len(used)), np.int64)
    missed = np.zeros(span, np.int64)
    fixed = np.zeros(span, np.int64)
    for column, (_cid, t) in enumerate(used):
        lo = t.start.toordinal() - origin
        hi = lo + len(t.kept)
        won[lo:hi, column] = t.kept * rules.kept_gain + (
            t.repaired * repair_delta if repair_delta > 0 else 0)
        missed[lo:hi] += t.missed
        fixed[lo:hi] += t.repaired
    lost = missed * rules.miss_cost + np.maximum(0, -fixed * repair_delta)
    flat = won.ravel()  # day by day, and within a day commitment by commitment
    busy = np.flatnonzero(flat)
    owner_of = np.array([cid for cid, _ in used], np.int64)
    dropped = np.repeat(owner_of[busy % len(used)], flat[busy]).tolist()
    ends = np.cumsum(won.sum(axis=1)).tolist()
    return dropped, ends, lost, fixed


def _track_of(events: list[JarEvent]) -> JarTrack:
    if not events:
        return JarTrack.empty(date.min, 0)
    first = min(e.day for e in events).toordinal()
    track = JarTrack.empty(date.fromordinal(first),
                           max(e.day for e in events).toordinal() - first + 1)
    for e in events:
        i = e.day.toordinal() - first
        track.kept[i] += e.kept
        track.missed[i] += e.missed
        track.repaired[i] += e.repaired
    return track


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
    tracks = {c.id: ledger.track(c.id, day) for c in commitments if ledger.start_of(c.id) <= day}
    pile, owners = pile_of_tracks(tracks, jar.gold, rules)
    counts = Counter(owners)  # gold or plain, a marble is its commitment's
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
    misses = sum(_on(t, day, t.missed) for t in tracks.values())
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


def _on(track: JarTrack, day: date, counts: npt.NDArray[np.int64]) -> int:
    i = day.toordinal() - track.start.toordinal()
    return int(counts[i]) if 0 <= i < len(counts) else 0


def _week_first(day: date, week_start: int) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)
