"""The words around a promise for tomorrow: its title has no trailing full stop, and
`selftrust stats` says nothing of a streak of nought."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selftrust.cli import main
from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import parse_schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.next_step import promise_for_tomorrow, promised_for_tomorrow, step_title
from selftrust.services.workspace import Workspace


def test_trailing_sentence_punctuation_is_left_off_the_title() -> None:
    assert step_title("Book on pillow.") == "Book on pillow"
    assert step_title("Call mum!  ") == "Call mum"
    assert step_title("Why not walk?") == "Why not walk"
    assert step_title("Sleep by 23:00...") == "Sleep by 23:00"


def test_the_promise_reads_as_a_title(ws: Workspace) -> None:
    row = promise_for_tomorrow(ws, "Book on pillow.")
    assert row.title == "Book on pillow"
    assert promised_for_tomorrow(ws, "book on pillow") == row


def test_stats_say_nothing_of_a_streak_of_nought(
        ws: Workspace, data_dir: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rules = Rules(schedule=parse_schedule("mon,wed,fri"))
    ws.commitments.create(CommitmentDraft("Stretch", rules, created_on=date(2026, 11, 1)))
    ws.commitments.create(CommitmentDraft("Walk", Rules(parse_schedule("daily")),
                                          created_on=date(2026, 11, 1)))
    ws.close()
    monkeypatch.setenv("SELFTRUST_NOW", "2026-11-24T12:00")
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    out = capsys.readouterr().out
    assert "Stretch: strength 0%, kept 0" in out, out
    assert "streak 0" not in out and "0 times" not in out and "0 days" not in out, out
