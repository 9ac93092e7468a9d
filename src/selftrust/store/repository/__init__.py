"""The repository: the only place that runs queries.

Every function takes the Connection of the caller's transaction, so a service decides
what one user action is and commits it as one. Reads use SQLAlchemy Core and return
plain rows from records.py; it is several times faster than building ORM objects for
ten years of check-ins. One module per table (``commitment`` with its pauses,
``checkin``, ``reflection``, ``setting``); services use them all through this package
(``from selftrust.store import repository as repo``).
"""

from __future__ import annotations

from selftrust.store.repository.checkin import (
    COLUMNS,
    checkin_batches,
    checkin_columns,
    checkin_columns_at_once,
    checkin_tuples,
    checkins,
    delete_checkin,
    get_checkin,
    upsert_checkin,
)
from selftrust.store.repository.commitment import (
    delete_commitment,
    find_commitments_by_title,
    get_commitment,
    insert_commitment,
    list_commitments,
    next_position,
    pauses_by_commitment,
    reminder_columns,
    replace_pauses,
    rules_to_columns,
    set_positions,
    update_commitment,
)
from selftrust.store.repository.handles import (
    CHECKIN,
    COMMITMENT,
    PAUSE,
    REFLECTION,
    SETTING,
    count_rows,
)
from selftrust.store.repository.reflection import (
    REFLECTION_PARTS,
    delete_reflection,
    get_reflection,
    insert_reflection,
    linked_among,
    linked_checkin_ids,
    linked_checkins,
    reflections,
    reflections_repairing,
    relink_reflections,
    update_reflection,
)
from selftrust.store.repository.setting import get_settings, put_setting

__all__ = [
    "CHECKIN", "COLUMNS", "COMMITMENT", "PAUSE", "REFLECTION", "REFLECTION_PARTS", "SETTING",
    "checkin_batches", "checkin_columns", "checkin_columns_at_once", "checkin_tuples",
    "checkins", "count_rows",
    "delete_checkin",
    "delete_commitment", "delete_reflection", "find_commitments_by_title", "get_checkin",
    "get_commitment", "get_reflection", "get_settings", "insert_commitment",
    "insert_reflection", "linked_among", "linked_checkin_ids", "linked_checkins",
    "list_commitments",
    "next_position", "pauses_by_commitment", "put_setting", "reflections",
    "reflections_repairing", "relink_reflections", "reminder_columns", "replace_pauses",
    "rules_to_columns",
    "set_positions", "update_commitment", "update_reflection", "upsert_checkin",
]  # fmt: skip
