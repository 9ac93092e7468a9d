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


QUICK_CLI = {"bell\x07", "a" * 121, "<img src=x onerror=alert(1)>", "👩‍👩‍👧‍👦 family",
             "'); DROP TABLE checkin;--", "Tea & toast"}


@pytest.mark.e2e
def test_rel_nasty_text_through_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    tried = 0
    shown: dict[str, str | None] = {}  # title -> note as stored
    for text in [t for t in NASTY if cli_safe(t) and (FULL or t in QUICK_CLI)]:
        tried += 1
        title = expected_title(text)
        # A person writes `--` before a title that may start with a dash, and `--opt=value`
        # for a value that may: the shell's convention, which argparse follows.
        added = run("add", "--start=2020-01-01", "--", text, ok=False)
        if title is None or title.casefold() == "walk" or title.casefold() in {
                t.casefold() for t in shown}:
            assert added.returncode == 2, (printable(text), added.stdout)
            assert len(added.stderr.strip().splitlines()) == 1, added.stderr
            continue
        assert added.returncode == 0, (printable(text), added.stderr)
        note = expected_text(text, MAX_NOTE_LENGTH)
        checked = run("check", "--missed", f"--note={text}", "--", title, ok=False)
        if note is None:
            assert checked.returncode == 2 and len(checked.stderr.strip().splitlines()) == 1
            run("check", "--missed", "--", title)
        else:
            assert checked.returncode == 0, (printable(text), checked.stderr)
        shown[title] = note
        reflected = run("reflect", f"--happened={text}", "--learned=words", "--", title,
                        ok=False)
        assert reflected.returncode == (0 if expected_text(text, MAX_PART_LENGTH) is not None
                                        else 2), (printable(text), reflected.stderr)
    listed = {i["title"]: i for i in json.loads(run("list", "--json").stdout)["items"]}
    for title, note in shown.items():
        assert listed[title]["status"] == "missed"
        assert (listed[title]["note"] or "") == (note or "")
    stats = json.loads(run("stats", "--json").stdout)
    assert set(shown) <= {c["title"] for c in stats["commitments"]}
    plain = run("list").stdout
    assert all(title in plain for title in shown)
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


# --- export and import ------------------------------------------------------------------------


def test_rel_nasty_text_survives_export_and_import(tmp_path: Path) -> None:
    """JSON carries every stored string exactly; CSV writes formula-like cells with a
    quote in front (so a spreadsheet shows them as text) and reads them back exactly;
    importing either into an empty folder gives back the same text."""
    import csv
    import io
    import zipfile

    from selftrust.services.interchange import ExportFormat, export_file, import_file

    ws = open_workspace(tmp_path / "source", FixedClock(NOON))
    wanted: dict[str, tuple[str, str]] = {}  # title -> (note, happened)
    try:
        for n, text in enumerate(NASTY):
            title = expected_title(text) or f"plain {n}"
            if title.casefold() in {t.casefold() for t in wanted}:
                title = f"{title[:100]} {n}"
            note = expected_text(text, MAX_NOTE_LENGTH) or ""
            part = expected_text(text, MAX_PART_LENGTH) or ""
            cid = ws.commitments.create(CommitmentDraft(title, created_on=date(2026, 11, 1))).id
            ws.checkins.record(cid, TODAY, CheckinState(Status.MISSED, note=note))
            ws.reflections.write(ReflectionDraft(TODAY, cid, happened=part, learned="words"))
            wanted[title] = (note, part)
        export_file(ws, tmp_path / "all.json", ExportFormat.JSON)
        export_file(ws, tmp_path / "all.zip", ExportFormat.CSV)
    finally:
        ws.close()
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    titles = {c["uid"]: c["title"] for c in data["commitments"]}
    assert set(titles.values()) == set(wanted)
    for checkin in data["checkins"]:
        assert (checkin.get("note") or "") == wanted[titles[checkin["commitment"]]][0]
    for reflection in data["reflections"]:
        assert (reflection.get("happened") or "") == wanted[titles[reflection["commitment"]]][1]
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith("checkins.csv"))
        text = archive.read(name).decode("utf-8-sig")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        note = row["note"]
        assert not note.startswith(("=", "+", "-", "@", "\t", "\r")), note[:20]
    for source in ("all.json", "all.zip"):
        target = open_workspace(tmp_path / f"into-{source}", FixedClock(NOON))
        try:
            import_file(target, tmp_path / source)
            got = {c.title: c.id for c in target.commitments.all()}
            assert set(got) == set(wanted)
            for title, (note, part) in wanted.items():
                stored = target.checkins.get(got[title], TODAY)
                assert stored is not None and stored.state.note == note, (source, title)
                rows = target.reflections.search(commitment_id=got[title])
                assert [r.happened for r in rows] == [part], (source, title)
        finally:
            target.close()
    record("nasty text: export and import", strings=len(wanted), formats=2)
