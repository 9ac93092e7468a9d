"""The journal index finds exactly what ReflectionService.search finds, and never goes stale."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services import demo
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.journal import FREE, JournalIndex
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("words", ["", "work", "WORK late", "évening", "sofa tired", "zzz"])
def test_matching_is_the_same_as_the_service(ws: Workspace, words: str) -> None:
    demo.generate(ws, years=1, commitments=6, seed=4)
    index = JournalIndex(ws)
    assert [e.id for e in index.find(words)] == [r.id for r in ws.reflections.search(words)]
    cid = ws.commitments.all()[1].id
    first, last = TODAY - timedelta(days=120), TODAY - timedelta(days=10)
    assert [e.id for e in index.find(words, commitment_id=cid, first=first, last=last)] == [
        r.id for r in ws.reflections.search(words, commitment_id=cid, first=first, last=last)
    ]
    index.close()


def test_free_reflections_only(ws: Workspace) -> None:
    cid = ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=TODAY)).id
    ws.reflections.write(ReflectionDraft(TODAY, cid, happened="About the walk"))
    free = ws.reflections.write(ReflectionDraft(TODAY, None, learned="About life"))
    assert [e.id for e in JournalIndex(ws).find(commitment_id=FREE)] == [free.id]


def test_the_index_follows_every_change(ws: Workspace) -> None:
    cid = ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=TODAY)).id
    index = JournalIndex(ws)
    assert index.find() == []
    ws.checkins.record(cid, TODAY, CheckinState(Status.MISSED))
    row = ws.reflections.write(ReflectionDraft(TODAY, cid, happened="Rain all day"))
    [entry] = index.find("rain")
    assert entry.repairs and entry.preview == "Rain all day"
    ws.checkins.record(cid, TODAY, None)  # clearing the check-in unlinks the reflection
    assert not index.find("rain")[0].repairs
    ws.reflections.delete(row.id)
    assert index.find() == []
    index.close()


def test_the_preview_is_the_first_lines_on_one_line(ws: Workspace) -> None:
    ws.reflections.write(ReflectionDraft(TODAY, None, happened="One\n\ntwo", learned="x" * 400))
    [entry] = JournalIndex(ws).find()
    assert entry.preview.startswith("One two xxx") and entry.preview.endswith("…")
    assert "\n" not in entry.preview
