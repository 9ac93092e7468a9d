"""Nasty text (rel_nasty.NASTY) typed into every field: commitment titles and "why",
check-in notes, each part of a reflection. Each is stored and read back exactly as the
documented trimming leaves it (through a fresh workspace, so from the file), or refused
with one clear line; and the CLI prints it back byte for byte (JSON) or refuses it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from selftrust.domain.coach import MAX_PART_LENGTH
from selftrust.domain.history import Status
from selftrust.services.checkins import MAX_NOTE_LENGTH, CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import MAX_WHY_LENGTH, CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.reflections import PART_NAMES, ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from tests.e2e.helpers import cli_env
from tests.reliability.rel_figures import record
from tests.reliability.rel_kill import runner
from tests.reliability.rel_nasty import NASTY, expected_text, expected_title, printable
from tests.reliability.rel_scale import FULL

NOON = datetime(2026, 11, 24, 12).astimezone()
TODAY = date(2026, 11, 24)


def refused_clearly(exc: Invalid) -> None:
    message = str(exc)
    assert message and "\n" not in message and len(message) < 300, message
    assert "Traceback" not in message


@pytest.fixture(scope="module")
def nasty_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path_factory.mktemp("nasty") / "data", FixedClock(NOON))
    yield ws
    ws.close()


def reopened(ws: Workspace) -> Workspace:
    return open_workspace(ws.db.folder.root, ws.clock)


def test_rel_nasty_text_in_every_field_is_kept_exactly_or_refused(
    nasty_ws: Workspace,
) -> None:
    ws = nasty_ws
    stored = refused = 0
    kept: dict[str, tuple[int, str | None, str | None, int | None]] = {}
    for n, text in enumerate(NASTY):
        title = expected_title(text)
        why = expected_text(text, MAX_WHY_LENGTH)
        try:
            row = ws.commitments.create(
                CommitmentDraft(text, why=text if why is not None else "",
                                created_on=date(2026, 11, 1)))
        except Invalid as exc:
            refused_clearly(exc)
            assert title is None, f"title {printable(text)} was refused: {exc}"
            refused += 1
            # Give it a plain title so the other fields can still be tried.
            row = ws.commitments.create(CommitmentDraft(f"plain {n}",
                                                        created_on=date(2026, 11, 1)))
            why = None if why is None else ""
        else:
            assert title is not None, f"title {printable(text)} should have been refused"
            assert row.title == title
            stored += 1
        if expected_text(text, MAX_WHY_LENGTH) is None:
            with pytest.raises(Invalid) as bad_why:
                ws.commitments.update(row.id, CommitmentDraft(row.title, why=text))
            refused_clearly(bad_why.value)
        note = expected_text(text, MAX_NOTE_LENGTH)
        try:
            ws.checkins.record(row.id, TODAY, CheckinState(Status.MISSED, note=text))
        except Invalid as exc:
            refused_clearly(exc)
            assert note is None, f"note {printable(text)} was refused: {exc}"
            refused += 1
            ws.checkins.record(row.id, TODAY, CheckinState(Status.MISSED))
        else:
            assert note is not None, f"note {printable(text)} should have been refused"
            stored += 1
        part = expected_text(text, MAX_PART_LENGTH)
        reflection_id = None
        for name in PART_NAMES:
            parts = {"learned": "words", name: text}
            draft = ReflectionDraft(TODAY, row.id, **parts)
            try:
                written = ws.reflections.write(draft)
            except Invalid as exc:
                refused_clearly(exc)
                assert part is None or not part.strip(), f"{name} {printable(text)}: {exc}"
                refused += 1
            else:
                assert part is not None, f"{name} {printable(text)} should have been refused"
                assert getattr(written, name) == part
                reflection_id = written.id
                stored += 1
        kept[text] = (row.id, note, why, reflection_id)
    # Everything reads back exactly from the file, through a fresh workspace.
    fresh = reopened(ws)
    try:
        for text, (cid, note, why, reflection_id) in kept.items():
            c = fresh.commitments.get(cid)
            if expected_title(text) is not None:
                assert c.title == expected_title(text)
            if why is not None:
                assert c.why == why
            got = fresh.checkins.get(cid, TODAY)
            assert got is not None and got.state.note == (note if note is not None else "")
            if reflection_id is not None:
                row = fresh.reflections.get(reflection_id)
                assert row.next_step == expected_text(text, MAX_PART_LENGTH)
    finally:
        fresh.close()
    record("nasty text: services", strings=len(NASTY), fields=2 + 1 + len(PART_NAMES),
           stored=stored, refused=refused)


# --- the command line -------------------------------------------------------------------------


def cli_safe(text: str) -> bool:
    """argv cannot carry NUL, and a lone surrogate is no text an OS passes on."""
    return "\x00" not in text and not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text) \
        and len(text) < 100_000


QUICK_CLI = {"bell\x07", "two\nlines", "a" * 121, "<img src=x onerror=alert(1)>",
             "\u202eevil\u202c.txt", "👩‍👩‍👧‍👦 family", "'); DROP TABLE checkin;--",
             "%s %d %(title)s %n", "=1+2", "Tea & toast"}


@pytest.mark.e2e
def test_rel_nasty_text_through_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    tried = 0
    for text in [t for t in NASTY if cli_safe(t) and (FULL or t in QUICK_CLI)]:
        tried += 1
        title = expected_title(text)
        added = run("add", text, "--start", "2020-01-01", ok=False)
        if title is None or title.casefold() == "walk":
            assert added.returncode == 2, (printable(text), added.stdout)
            assert len(added.stderr.strip().splitlines()) == 1, added.stderr
            continue
        assert added.returncode == 0, (printable(text), added.stderr)
        note = expected_text(text, MAX_NOTE_LENGTH)
        checked = run("check", title, "--missed", "--note", text, ok=False)
        if note is None:
            assert checked.returncode == 2 and len(checked.stderr.strip().splitlines()) == 1
            run("check", title, "--missed")
        else:
            assert checked.returncode == 0, (printable(text), checked.stderr)
        reflected = run("reflect", title, "--happened", text, "--learned", "words", ok=False)
        assert reflected.returncode == (0 if expected_text(text, MAX_PART_LENGTH) is not None
                                        else 2), (printable(text), reflected.stderr)
        listed = json.loads(run("list", "--json").stdout)
        item = next(i for i in listed["items"] if i["title"] == title)
        assert item["status"] == "missed"
        assert (item["note"] or "") == (note or "")
        stats = json.loads(run("stats", "--json").stdout)
        assert title in [c["title"] for c in stats["commitments"]]
        plain = run("list").stdout
        assert title in plain
    # Bytes that are not UTF-8 arrive as lone surrogates: refused, one line, no traceback.
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"selftrust", b"--data-dir", str(data).encode(),
         b"check", b"Walk", b"--note", b"caf\xe9 latin-1"],
        capture_output=True, env=cli_env(), timeout=120)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    reflections = json.loads(run("reflections", "--json").stdout)
    assert all(isinstance(r["happened"], str) for r in reflections)
    record("nasty text: command line", strings=tried)
