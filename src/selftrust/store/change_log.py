"""The triggers that note every change a sync pass must send, whoever wrote it.

SQLite itself appends a row to ``sync_change`` when a commitment, its pauses, a
check-in, a reflection or a personal setting is written, so every write path (the
services, the CLI, the UI, an import, a Loop pull, a hand edit with the sqlite3 shell)
is captured without any of them knowing about sync. A row only says *which record*
changed (kind and key) and when, by the real clock; the pass reads the record as it
is then. Nothing is noted while the data does not sync (no ``sync_state`` row): a
device's first pass sends its whole record anyway. Reminder times, window places and
other machine choices are not captured: the commitment trigger watches only the
columns that belong to the person.

The same statements are run by ``METADATA.create_all`` (tables.py) and by revision
0004, so the schema test sees one text; a later change of them needs its own revision,
and so does a rebuild of a synced table (Alembic's batch mode drops its triggers).
"""

from __future__ import annotations

SYNCED_SETTINGS = ("day_start_hour", "week_start")
"""The settings that belong to the person; the rest belong to one machine."""

COMMITMENT_FIELDS = (
    "uid", "title", "why", "kind", "unit", "target", "target_per", "at_most",
    "schedule_kind", "schedule_times", "schedule_days", "weekdays", "once_on", "color",
    "position", "created_on", "archived_on",
)  # fmt: skip
"""Commitment columns that travel (not ``id``, not the reminder: a machine's choice)."""

_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"


def _note(kind: str, key: str) -> str:
    return f"INSERT INTO sync_change (kind, key, changed_at) VALUES ('{kind}', {key}, {_NOW_MS});"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _checkin_key(row: str) -> str:
    return f"{row}.commitment_id || '/' || {row}.day"


SYNCING = "EXISTS (SELECT 1 FROM sync_state)"
"""Notes are kept only while this data syncs (a device's first pass sends everything)."""


def _trigger(name: str, when: str, table: str, guard: str | None, body: str) -> str:
    condition = SYNCING if guard is None else f"{SYNCING} AND ({guard})"
    return (f"CREATE TRIGGER sync_{name} AFTER {when} ON {table} FOR EACH ROW "
            f"WHEN {condition} BEGIN {body} END")


def _settings_guard(row: str) -> str:
    names = ", ".join(f"'{n}'" for n in SYNCED_SETTINGS)
    return f"{row}.key IN ({names})"


TRIGGERS: tuple[str, ...] = (
    _trigger("commitment_insert", "INSERT", "commitment", None,
             _note("commitment", "NEW.uid")),
    _trigger("commitment_update", "UPDATE", "commitment", _changed(COMMITMENT_FIELDS),
             _note("commitment", "OLD.uid") + " " + _note("commitment", "NEW.uid")),
    _trigger("commitment_delete", "DELETE", "commitment", None,
             _note("commitment", "OLD.uid")),
    # A pause is part of its commitment's record: noted by commitment id ("pause"), as
    # check-ins are ("<commitment id>/<day>"), and the pass reads the uid then. A
    # trigger that read the commitment table would break every later rebuild of it
    # (SQLite checks trigger bodies while renaming the rebuilt copy into place).
    _trigger("pause_insert", "INSERT", "pause", None, _note("pause", "NEW.commitment_id")),
    _trigger("pause_update", "UPDATE", "pause", None,
             _note("pause", "OLD.commitment_id") + " " + _note("pause", "NEW.commitment_id")),
    _trigger("pause_delete", "DELETE", "pause", None, _note("pause", "OLD.commitment_id")),
    _trigger("checkin_insert", "INSERT", "checkin", None, _note("checkin", _checkin_key("NEW"))),
    _trigger("checkin_update", "UPDATE", "checkin",
             _changed(("commitment_id", "day", "status", "value", "note")),
             _note("checkin", _checkin_key("OLD")) + " " + _note("checkin", _checkin_key("NEW"))),
    _trigger("checkin_delete", "DELETE", "checkin", None, _note("checkin", _checkin_key("OLD"))),
    _trigger("reflection_insert", "INSERT", "reflection", None,
             _note("reflection", "NEW.uid")),
    _trigger("reflection_update", "UPDATE", "reflection", None,
             _note("reflection", "OLD.uid") + " " + _note("reflection", "NEW.uid")),
    _trigger("reflection_delete", "DELETE", "reflection", None,
             _note("reflection", "OLD.uid")),
    _trigger("setting_insert", "INSERT", "setting", _settings_guard("NEW"),
             _note("setting", "NEW.key")),
    _trigger("setting_update", "UPDATE", "setting",
             f"{_settings_guard('NEW')} AND OLD.value IS NOT NEW.value",
             _note("setting", "NEW.key")),
    _trigger("setting_delete", "DELETE", "setting", _settings_guard("OLD"),
             _note("setting", "OLD.key")),
)
"""Every trigger, in the order they are created."""

TRIGGER_NAMES = tuple(t.split()[2] for t in TRIGGERS)
