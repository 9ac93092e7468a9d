"""SIGKILL at random moments during check-ins, reflections, the daily backup,
restores and imports. After every attempt the database passes its integrity check and holds every
change that was reported saved (see rel_kill.py for the harness, rel_victims.py for
what each kind of write must leave behind).

Quick in `make test` (a few dozen kills); `make reliability` runs well over 1,000."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability import rel_scale
from tests.reliability.rel_figures import record
from tests.reliability.rel_kill import KillHarness, Victim
from tests.reliability.rel_victims import (
    BackupVictim,
    CheckinVictim,
    ImportVictim,
    ReflectionVictim,
    RestoreVictim,
    leftovers,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
    pytest.mark.timeout(3600 if rel_scale.FULL else 300),
]

CASES: dict[str, tuple[Callable[[], Victim], int, int]] = {
    "checkins": (CheckinVictim, rel_scale.KILLS_CHECKINS, 11),
    "reflections": (ReflectionVictim, rel_scale.KILLS_REFLECTIONS, 12),
    "backups": (BackupVictim, rel_scale.KILLS_BACKUPS, 13),
    "restores": (RestoreVictim, rel_scale.KILLS_RESTORES, 14),
    "imports": (ImportVictim, rel_scale.KILLS_IMPORTS, 15),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rel_kill_9_loses_nothing_reported_saved(tmp_path: Path, case: str) -> None:
    make, kills, seed = CASES[case]
    harness = KillHarness(tmp_path, make, kills=kills, seed=seed,
                          workers=rel_scale.KILL_WORKERS)
    figures = harness.run()
    assert figures.kills >= kills
    partials = sum(len(leftovers(p / "data")) for p in tmp_path.glob("worker-*"))
    record(f"kill {case}", kills=figures.kills, after_commit=figures.kills_after_commit,
           attempts=figures.attempts, completed=figures.completed,
           reported_saved=figures.reported_saved, checks=figures.checks,
           seconds=round(figures.seconds, 1), life_ms=figures.life_ms,
           leftover_files=partials)
    print(f"\n{case}: {figures.kills} kills ({figures.kills_after_commit} after the change "
          f"reached the database), {figures.completed} finished, {figures.checks} checks, "
          f"{partials} leftover temporary files, {figures.seconds:.0f} s")
