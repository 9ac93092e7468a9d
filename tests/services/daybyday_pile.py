"""The jar's pile stepped through the days one event at a time, as it was before it was
laid on in slices (services/jar_picture.py): test_pile_slices.py holds the two equal.
Knocking marbles off and gilding one are the same steps in both (their helpers)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from selftrust.domain.jar import DEFAULT_JAR_RULES, JarEvent, JarRules
from selftrust.services.jar_picture import _drop_ordinary, _gild_top


def pile_with_owners(
    events_by_commitment: dict[int, list[JarEvent]],
    gold: int,
    rules: JarRules = DEFAULT_JAR_RULES,
) -> tuple[list[int], list[int]]:
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
        for _ in range(fixed):
            if ordinary:
                _gild_top(pile)
                ordinary -= 1
    want = min(gold, len(pile))
    while len(pile) - ordinary < want:
        _gild_top(pile)
        ordinary -= 1
    return pile, owners

