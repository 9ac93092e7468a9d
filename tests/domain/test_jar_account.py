"""The jar's own account: "How is this counted?" reproduces the jar to the marble
(issue 17, item 3).

won × gain − unrepaired misses × cost − repaired × cost + repaired × return
+ what the empty jar spared = marbles, and gold = repaired, for every history.
"""

from __future__ import annotations

from datetime import date, timedelta

from domain_strategies import cases
from hypothesis import given, settings
from hypothesis import strategies as st

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import JarAccount, JarRules, account_tracks, fill_jar_tracks, jar_track
from selftrust.domain.schedule import Schedule


def adds_up(account: JarAccount, rules: JarRules) -> bool:
    return (account.won * rules.kept_gain - account.missed * rules.miss_cost
            - account.repaired * rules.miss_cost + account.repaired * rules.repair_return
            + account.spared) == account.marbles


jar_rules = st.builds(JarRules, st.integers(1, 3), st.integers(1, 4), st.integers(0, 4))


@settings(max_examples=200, deadline=None)
@given(st.lists(cases(max_days=120), min_size=0, max_size=5), jar_rules)
def test_the_account_reproduces_the_jar_for_every_history(commitments, rules) -> None:  # type: ignore[no-untyped-def]
    tracks = [jar_track(c.rules, c.history()) for c in commitments]
    account = account_tracks(tracks, rules)
    jar = fill_jar_tracks(tracks, rules)
    assert (account.marbles, account.gold) == (jar.marbles, jar.gold)
    assert account.gold == account.repaired
    assert min(account.won, account.missed, account.repaired, account.spared) >= 0
    assert adds_up(account, rules)


def test_a_weekly_target_with_extra_check_offs_wins_only_its_target() -> None:
    """Once a week, kept on three days: one marble won, not three (the issue's case)."""
    monday = date(2026, 11, 2)
    rules = Rules(Schedule.per_week(1))
    kept = [Entry(monday + timedelta(days=d), Status.KEPT) for d in (0, 2, 4, 7, 8)]
    missed = [Entry(monday + timedelta(days=14), Status.MISSED)]
    history = History(monday, monday + timedelta(days=20), kept + missed, rules)
    account = account_tracks([jar_track(rules, history)])
    assert (account.won, account.missed, account.repaired) == (2, 1, 0)
    assert (account.spared, account.marbles) == (0, 0)
    assert adds_up(account, JarRules())


def test_a_miss_on_an_empty_jar_is_spared() -> None:
    day = date(2026, 11, 2)
    rules = Rules()
    history = History(day, day + timedelta(days=2), [
        Entry(day, Status.MISSED), Entry(day + timedelta(days=1), Status.KEPT),
        Entry(day + timedelta(days=2), Status.MISSED)], rules)
    account = account_tracks([jar_track(rules, history)])
    assert (account.won, account.missed, account.spared, account.marbles) == (1, 2, 3, 0)
    assert adds_up(account, JarRules())
