"""The other texts kept when a reflection or a note was changed on two computers while
apart: found by the reflection or the check-in the window shows, with the computer that
wrote them; a kept text that is the shown one again is not offered twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selftrust.services.sync.kept import kept_for_note, kept_for_reflection
from selftrust.services.workspace import open_workspace
from tests.e2e.sync_helpers import (
    Device,
    at,
    desk_and_laptop,
    edit_reflection,
    reflection_uids,
)

DAY = date(2026, 11, 23)


def _commitment_id(device: Device, title: str) -> int:
    with open_workspace(device.data, at("2026-11-24T12:00:00")) as ws:
        return next(c.id for c in ws.commitments.all() if c.title == title)


def test_a_note_changed_on_both_keeps_the_other_text_with_its_computer(
        tmp_path: Path) -> None:
    desk, laptop = desk_and_laptop(tmp_path, "Read")
    desk.run("check", "Read", "--day", DAY.isoformat(), "--note", "in the bath",
             SELFTRUST_NOW="2026-11-24T09:00:00")
    laptop.run("check", "Read", "--day", DAY.isoformat(), "--note", "on the train",
               SELFTRUST_NOW="2026-11-24T09:30:00")
    desk.sync(now="2026-11-24T10:00:00")
    laptop.sync(now="2026-11-24T10:01:00")
    desk.sync(now="2026-11-24T10:02:00")
    cid = _commitment_id(laptop, "Read")
    with open_workspace(laptop.data, at("2026-11-24T12:00:00")) as ws:
        [kept] = kept_for_note(ws, cid, DAY)
        assert (kept.field, kept.text, kept.device) == ("note", "in the bath", "Desk")
        assert kept_for_note(ws, cid, date(2026, 11, 22)) == []
    with open_workspace(desk.data, at("2026-11-24T12:00:00")) as ws:
        # the desk shows the later note; its own older text is kept beside it
        [kept] = kept_for_note(ws, _commitment_id(desk, "Read"), DAY)
        assert kept.text == "in the bath"

    laptop.run("check", "Read", "--day", DAY.isoformat(), "--note", "in the bath",
               SELFTRUST_NOW="2026-11-24T13:00:00")  # the person took the other text
    with open_workspace(laptop.data, at("2026-11-24T13:00:00")) as ws:
        assert kept_for_note(ws, cid, DAY) == []


def test_a_reflection_changed_on_both_keeps_the_other_parts(tmp_path: Path) -> None:
    desk, laptop = desk_and_laptop(tmp_path, "Walk")
    desk.run("reflect", "Walk", "--day", DAY.isoformat(), "--happened", "Slept late",
             SELFTRUST_NOW="2026-11-24T09:00:00")
    desk.sync(now="2026-11-24T09:01:00")
    laptop.sync(now="2026-11-24T09:02:00")
    [uid] = reflection_uids(desk)
    edit_reflection(desk, uid, "2026-11-24T09:10:00", learned="Go to bed at ten")
    edit_reflection(laptop, uid, "2026-11-24T09:20:00", learned="An alarm helps")
    desk.sync(now="2026-11-24T10:00:00")
    laptop.sync(now="2026-11-24T10:01:00")
    with open_workspace(laptop.data, at("2026-11-24T12:00:00")) as ws:
        [row] = ws.reflections.search("")
        assert row.learned == "An alarm helps"
        [kept] = kept_for_reflection(ws, row.id)
        assert (kept.field, kept.text, kept.device) == ("learned", "Go to bed at ten", "Desk")
        assert kept_for_reflection(ws, row.id + 99) == []
