"""How hard the fault-and-abuse suite pushes: a quick setting for every `make test`, a
full one for `make reliability` (SELFTRUST_RELIABILITY=full).

Counts are chosen here, never in the tests, so one place says what "quick" and "full"
mean and docs/reliability.md can quote them.
"""

from __future__ import annotations

import os

LEVEL = os.environ.get("SELFTRUST_RELIABILITY", "quick").strip().lower() or "quick"
if LEVEL not in ("quick", "full"):
    raise RuntimeError(f"SELFTRUST_RELIABILITY must be quick or full, not {LEVEL!r}")
FULL = LEVEL == "full"


def scaled(quick: int, full: int) -> int:
    """``quick`` in ordinary test runs, ``full`` in the reliability run."""
    return full if FULL else quick


# Kills per kind of write; the full run adds up to well over 1,000.
KILLS_CHECKINS = scaled(10, 400)
KILLS_REFLECTIONS = scaled(6, 250)
KILLS_BACKUPS = scaled(6, 200)
KILLS_RESTORES = scaled(4, 100)
KILLS_IMPORTS = scaled(6, 200)
CALIBRATION_RUNS = scaled(2, 5)  # uninterrupted runs that count a command's steps
# The share of kills at a random moment of a command's life rather than at one of its
# steps: moments depend on the machine's speed, so the quick run aims at steps only.
TIMED_KILLS = 0.5 if FULL else 0.0
KILL_WORKERS = 2 if FULL else 1  # separate data folders killed side by side

# Hypothesis: sequences of user actions.
MACHINE_EXAMPLES = scaled(15, int(os.environ.get("SELFTRUST_MACHINE_EXAMPLES", "2000")))
MACHINE_STEPS = scaled(20, 50)
