"""The phone of the two-way tests: its habits' uuids, the names of its backups, and the
first backup it makes (Meditate daily from the 1st, Pages measured from the 10th)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from loop_db_builder import DbHabit, build_loop_db

MEDITATE, PAGES, FLOSS = "1" * 32, "2" * 32, "3" * 32
FIRST = "Loop Habits Backup 2026-11-20 080000.db"
NEWER = "Loop Habits Backup 2026-11-24 080000.db"


def d(day: int) -> date:
    return date(2026, 11, day)


def first_backup(phone: Path) -> Path:
    return build_loop_db(phone / FIRST, 25, [
        DbHabit("Meditate", uuid=MEDITATE, reps=[(d(i), 2, None) for i in range(1, 20)]),
        DbHabit("Pages", type=1, target_value=10, unit="pages", uuid=PAGES,
                reps=[(d(i), 5000, "slow" if i == 15 else None) for i in range(10, 20)]),
    ])
