"""The other texts kept beside a reflection or a check-in's note, for the window to show.

When a text was changed on two computers while apart, the later one is shown and the
other is kept in ``sync_conflict`` (conflicts.py): nothing a person typed is dropped, and
here it is found again by what the window shows (a reflection, a check-in). A kept text
that is the shown one again (the person took it over) is not offered a second time.

Only the store is read: this module brings no sync engine into the window's process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from selftrust.base.i18n import N_, _
from selftrust.services.needs import Opened
from selftrust.store.repository import sync as repo
from selftrust.sync.records import TEXT_FIELDS

UNKNOWN_DEVICE = N_("another device")
"""Kept as the device of a text whose device's name is not known (stored in English, a
marker; ``shown_device`` says it in the person's language)."""


def shown_device(name: str) -> str:
    """A device's name as kept beside a text, for the person to read."""
    return _(UNKNOWN_DEVICE) if name == UNKNOWN_DEVICE else name


@dataclass(frozen=True, slots=True)
class KeptText:
    field: str  # "note", or the reflection's part ("happened", "learned"…)
    text: str
    device: str  # the name of the computer it was written on
    found_at: datetime  # UTC: when this computer met both texts


def kept_for_reflection(ws: Opened, reflection_id: int) -> list[KeptText]:
    """The other versions of a reflection's parts (none: it has none, or is gone)."""
    with ws.read() as conn:
        row = repo.reflection_by_id(conn, reflection_id)
        if row is None or not row.get("uid"):
            return []
        return _kept(repo.conflicts_of(conn, "reflection", str(row["uid"])), row)


def kept_for_note(ws: Opened, commitment_id: int, day: date) -> list[KeptText]:
    """The other versions of the note of a commitment's check-in on ``day``."""
    with ws.read() as conn:
        uid = repo.commitment_uids_by_id(conn).get(commitment_id)
        checkin = repo.checkin_columns(conn, commitment_id, day)
        if uid is None or checkin is None:
            return []
        return _kept(repo.conflicts_of(conn, "checkin", f"{uid}/{day.isoformat()}"), checkin)


def _kept(rows: list[repo.ConflictRow], shown: Mapping[str, object]) -> list[KeptText]:
    out: list[KeptText] = []
    for row in rows:
        if row.field not in TEXT_FIELDS.get(row.kind, ()) or not row.other_text:
            continue
        if row.other_text.strip() == str(shown.get(row.field) or "").strip():
            continue  # it is the shown text again
        kept = KeptText(row.field, row.other_text, shown_device(row.other_device), row.found_at)
        if all((k.field, k.text) != (kept.field, kept.text) for k in out):
            out.append(kept)
    return out
