"""When to offer the "When it's more than a habit" page: offered, never pushed.

Most lapses are ordinary, and the app should not hint otherwise. But a run of hard
days, said in the user's own words, can be a sign that something bigger than a habit
is going on. Then a quiet, dismissible line points to the help page. The rule:

- reflections written with a "before" feeling of 2 (low) or 1 (very low) on at least
  3 different days of the last 7 (today included), or
- one commitment with 5 or more misses in a row (skipped and unrecorded days neither
  break nor extend a run), the latest of them in the last 7 days.

The numbers are named here so the rule is easy to read and to test.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from selftrust.domain.history import Status
from selftrust.services.needs import Reflected

WINDOW_DAYS = 7
LOW_FEELING = 2
LOW_DAYS = 3
MISS_RUN = 5
LOOKBACK_DAYS = 60  # how far back a run of misses is followed


def should_offer_support(
    today: date,
    feelings: Iterable[tuple[date, int | None]],
    miss_runs: Iterable[int],
) -> bool:
    """``feelings``: (day, feeling before) of reflections; ``miss_runs``: the current run
    of misses of each commitment whose latest miss is within the window."""
    first = today - timedelta(days=WINDOW_DAYS - 1)
    low_days = {
        day for day, feeling in feelings
        if feeling is not None and feeling <= LOW_FEELING and first <= day <= today
    }
    if len(low_days) >= LOW_DAYS:
        return True
    return any(run >= MISS_RUN for run in miss_runs)


def current_miss_run(statuses: dict[date, Status], today: date) -> int:
    """Misses in a row ending at the latest recorded day, if that is a recent miss."""
    run = 0
    first = today - timedelta(days=WINDOW_DAYS - 1)
    for back in range(LOOKBACK_DAYS):
        day = today - timedelta(days=back)
        status = statuses.get(day)
        if status is Status.MISSED:
            run += 1
        elif status is Status.KEPT:
            break
        elif run == 0 and day < first:
            break  # nothing recent: no current run
    return run


def support_offered(ws: Reflected, today: date | None = None) -> bool:
    """The rule above applied to the user's data."""
    today = today or ws.today()
    first = today - timedelta(days=WINDOW_DAYS - 1)
    feelings = [(r.day, r.feeling_before) for r in ws.reflections.search(first=first, last=today)]
    ledger = ws.ledger
    ledger.ensure_loaded()
    runs = []
    for c in ws.commitments.all():
        statuses = {
            day: e.status
            for back in range(LOOKBACK_DAYS)
            if (e := ledger.entry(c.id, day := today - timedelta(days=back))) is not None
        }
        runs.append(current_miss_run(statuses, today))
    return should_offer_support(today, feelings, runs)
