"""Unsaved reflection drafts, kept in the data folder so no written word is ever lost.

A reflection is often written on a hard evening; closing the window by mistake or a
crash must not take the words with it. The dialog autosaves here a moment after each
change and removes the draft once the reflection is saved.

The drafts live in one small JSON file next to the database (owner-only, 0600),
replaced atomically (written to a temporary file, flushed, renamed), so a crash in the
middle of a save leaves the previous drafts intact. A file that cannot be read is moved
aside, never deleted, and the app starts with no drafts rather than failing.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from selftrust.services.needs import Opened
from selftrust.store.files import PRIVATE_FILE, fsync_dir, make_private, stamp

log = logging.getLogger(__name__)

DRAFTS_FILE = "drafts.json"
PARTS = ("happened", "owning", "friend", "learned", "next_step")
FREE_KEY = "free"


def draft_key(commitment_id: int | None, day: date | None) -> str:
    """One draft per place a reflection is started from: a commitment's day, or free."""
    if commitment_id is None:
        return FREE_KEY
    return f"commitment:{commitment_id}:{(day or date.min).isoformat()}"


def edit_key(reflection_id: int) -> str:
    return f"edit:{reflection_id}"


@dataclass(frozen=True, slots=True)
class Draft:
    """What the reflection dialog holds: the parts as typed (untrimmed) and the feelings."""

    commitment_id: int | None = None
    day: date | None = None
    parts: dict[str, str] = field(default_factory=dict)
    feeling_before: int | None = None
    feeling_after: int | None = None

    @property
    def has_writing(self) -> bool:
        return any(self.parts.get(p, "").strip() for p in PARTS)

    def to_json(self) -> dict[str, Any]:
        return {
            "commitment_id": self.commitment_id,
            "day": self.day.isoformat() if self.day else None,
            "parts": {p: self.parts.get(p, "") for p in PARTS},
            "feeling_before": self.feeling_before,
            "feeling_after": self.feeling_after,
        }

    @classmethod
    def from_json(cls, raw: object) -> Draft | None:
        """A draft from the file, or None when the entry is not one we wrote."""
        if not isinstance(raw, dict):
            return None
        try:
            cid = raw.get("commitment_id")
            day_text = raw.get("day")
            parts_raw = raw.get("parts") or {}
            parts = {p: str(parts_raw.get(p) or "") for p in PARTS}
            return cls(
                commitment_id=int(cid) if cid is not None else None,
                day=date.fromisoformat(day_text) if day_text else None,
                parts=parts,
                feeling_before=_feeling(raw.get("feeling_before")),
                feeling_after=_feeling(raw.get("feeling_after")),
            )
        except (TypeError, ValueError, AttributeError):
            return None


def _feeling(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    return None


class DraftStore:
    """The drafts of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DRAFTS_FILE

    # --- reading --------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("cannot read drafts %s: %s", self.path, exc)
            return {}
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("drafts"), dict):
                raise ValueError("not a drafts file")
        except ValueError as exc:
            self._set_aside(exc)
            return {}
        return dict(data["drafts"])

    def _set_aside(self, reason: Exception) -> None:
        aside = self.path.with_name(f"{DRAFTS_FILE}.unreadable-{stamp(datetime.now())}")
        log.warning("drafts file %s unreadable (%s); kept as %s", self.path, reason, aside)
        try:
            os.replace(self.path, aside)
        except OSError:
            pass

    def get(self, key: str) -> Draft | None:
        return Draft.from_json(self._read().get(key))

    def keys(self) -> list[str]:
        return sorted(self._read())

    # --- writing --------------------------------------------------------------------
    def put(self, key: str, draft: Draft) -> None:
        """Keep (or replace) one draft; a draft with no writing and no feelings is removed."""
        drafts = self._read()
        if draft.has_writing or draft.feeling_before or draft.feeling_after:
            drafts[key] = draft.to_json()
        elif key in drafts:
            del drafts[key]
        else:
            return
        self._write(drafts)

    def remove(self, key: str) -> None:
        drafts = self._read()
        if key in drafts:
            del drafts[key]
            self._write(drafts)

    def _write(self, drafts: dict[str, Any]) -> None:
        if not drafts:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            fsync_dir(self.folder)
            return
        payload = json.dumps({"version": 1, "drafts": drafts}, ensure_ascii=False, indent=1)
        tmp = self.path.with_name(f".{DRAFTS_FILE}.{os.getpid()}.tmp")
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            make_private(tmp)
            os.replace(tmp, self.path)
        except BaseException:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise
        fsync_dir(self.folder)


def drafts_of(ws: Opened) -> DraftStore:
    return DraftStore(ws.db.folder.root)
