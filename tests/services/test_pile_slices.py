"""The jar's pile laid on in slices is the pile stepped through one event at a time:
the same marbles, in the same places, with the same owners."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import daybyday_pile
from hypothesis import given
from hypothesis import strategies as st

from selftrust.domain.jar import JarEvent, JarRules, fill_jar
from selftrust.services import demo
from selftrust.services.jar_picture import pile_of_tracks, pile_with_owners
from selftrust.services.workspace import Workspace


@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 40),
                          st.sampled_from(["kept", "missed", "repaired"]),
                          st.integers(1, 3)), max_size=120),
       st.tuples(st.integers(0, 3), st.integers(0, 4), st.integers(0, 4)))
def test_any_pile_is_the_day_by_day_pile(raw: list[tuple[int, int, str, int]],
                                         numbers: tuple[int, int, int]) -> None:
    rules = JarRules(*numbers)
    events: dict[int, list[JarEvent]] = defaultdict(list)
    for cid, offset, what, n in raw:
        events[cid].append(JarEvent(date(2026, 1, 1) + timedelta(days=offset), **{what: n}))
    jar = fill_jar([e for es in events.values() for e in es], rules)
    assert pile_with_owners(events, jar.gold, rules) == daybyday_pile.pile_with_owners(
        events, jar.gold, rules)


def test_the_demo_pile_is_the_day_by_day_pile(ws: Workspace) -> None:
    demo.generate(ws, years=2, commitments=8, seed=5)
    day = ws.today()
    ledger = ws.ledger
    ledger.ensure_loaded()
    ids = [c.id for c in ws.commitments.all(include_archived=True)
           if ledger.start_of(c.id) <= day]
    jar = ledger.jar(day)
    assert jar.gold > 10  # the demo exercises the repairs
    assert pile_of_tracks({cid: ledger.track(cid, day) for cid in ids}, jar.gold) == (
        daybyday_pile.pile_with_owners({cid: ledger.events(cid, day) for cid in ids},
                                       jar.gold))
