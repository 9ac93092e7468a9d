"""CSV cells: nothing a spreadsheet would run, and every text back exactly as it was."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from selftrust.domain.commitment import Rules
from selftrust.interchange.native_csv import (
    FORMULA_STARTS,
    neutralise,
    read_csv,
    restore,
    write_csv_zip,
)
from selftrust.interchange.native_records import CheckinBatch, CommitmentRecord, Snapshot

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(ANY_TEXT)
def test_restore_undoes_neutralise(text: str) -> None:
    assert restore(neutralise(text)) == text


@given(ANY_TEXT)
def test_no_neutralised_cell_starts_like_a_formula(text: str) -> None:
    assert not neutralise(text).startswith(FORMULA_STARTS)


def test_examples() -> None:
    assert neutralise("=SUM(A1:A9)") == "'=SUM(A1:A9)"
    assert neutralise("'=already quoted") == "''=already quoted"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("plain") == "plain"
    assert restore("''=already quoted") == "'=already quoted"


def _snapshot(notes: list[str]) -> Snapshot:
    commitment = CommitmentRecord("abc", "=Walk", "@why", Rules(), "#3f8f6b", 0,
                                  date(2026, 1, 1))
    rows = [("abc", date(2026, 1, 1 + i).isoformat(), "kept", None, note,
             "2026-01-02 08:00:00.000000") for i, note in enumerate(notes)]
    return Snapshot({"day_start_hour": 4}, [commitment], len(rows), rows, [])


@given(st.lists(ANY_TEXT.filter(lambda t: "\x00" not in t), min_size=1, max_size=20))
def test_notes_survive_the_zip_exactly(notes: list[str]) -> None:
    out = io.BytesIO()
    write_csv_zip(_snapshot(notes), out, when=datetime(2026, 11, 24, 12))
    path = Path(_write_temp(out.getvalue()))
    try:
        read = [item for item in read_csv(path) if isinstance(item, CheckinBatch)]
    finally:
        path.unlink()
    got = [row[4] for batch in read for row in batch.rows]
    assert got == [n or None for n in notes]


def test_cells_never_start_like_a_formula() -> None:
    notes = ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(1)", "\tTAB", "\rCR", "'quote"]
    out = io.BytesIO()
    write_csv_zip(_snapshot(notes), out, when=datetime(2026, 11, 24, 12))
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8-sig")
            for row in csv.reader(io.StringIO(text, newline="")):
                for cell in row:
                    assert not cell.startswith(FORMULA_STARTS), (name, cell)


def _write_temp(data: bytes) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=".zip", delete=False)
    with handle:
        handle.write(data)
    return handle.name
