"""Reading our JSON piece by piece: any layout, any chunk size, problems with their line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selftrust.interchange import json_stream
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.native_json import read_json
from selftrust.interchange.native_records import (
    CheckinBatch,
    CommitmentRecord,
    Notice,
    ReflectionRecord,
    SettingsRecord,
)

COMMITMENT = {
    "uid": "c1", "title": "Walk", "why": None,
    "schedule": {"kind": "daily", "times": 1, "days": 1,
                 "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "on": None},
    "target": None, "pauses": [], "color": "#3f8f6b", "position": 0,
    "created_on": "2026-01-01", "archived_on": None,
}  # fmt: skip


def document(checkins: int = 3) -> dict[str, object]:
    return {
        "format": "selftrust",
        "version": 1,
        "settings": {"day_start_hour": 5},
        "commitments": [COMMITMENT],
        "checkins": [
            {"commitment": "c1", "day": f"2026-01-{1 + i:02d}", "status": "kept",
             "value": 1.5 * i, "note": f"n{i}" * i, "recorded_at": "2026-01-02T08:00:00Z"}
            for i in range(checkins)
        ],
        "reflections": [
            {"uid": "r1", "day": "2026-01-02", "commitment": "c1",
             "repairs": {"commitment": "c1", "day": "2026-01-02"},
             "created_at": "2026-01-02T21:30:00Z", "updated_at": "2026-01-03T07:00:00+01:00",
             "happened": "Late", "owning": None, "friend": None, "learned": None,
             "next_step": "Early", "feeling_before": 2, "feeling_after": None},
        ],
    }


def items(path: Path) -> list[object]:
    return list(read_json(path))


def write(tmp_path: Path, text: str, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", [
    {"indent": None}, {"indent": 2}, {"indent": 1, "sort_keys": True},
    {"separators": (",", ":")},
])
@pytest.mark.parametrize("chunk", [3, 7, 64, 1 << 20])
def test_any_layout_and_chunk_size_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: dict[str, object], chunk: int
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", chunk)
    path = write(tmp_path, json.dumps(document(), **layout))  # type: ignore[arg-type]
    got = items(path)
    settings_ = [i for i in got if isinstance(i, SettingsRecord)]
    assert settings_[0].values == {"day_start_hour": 5}
    commitment = next(i for i in got if isinstance(i, CommitmentRecord))
    assert commitment.uid == "c1" and commitment.title == "Walk"
    rows = [r for i in got if isinstance(i, CheckinBatch) for r in i.rows]
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("2026-01-01", 0.0, None), ("2026-01-02", 1.5, "n1"), ("2026-01-03", 3.0, "n2n2")]
    assert rows[0][5] == "2026-01-02 08:00:00.000000"
    reflection = next(i for i in got if isinstance(i, ReflectionRecord))
    assert reflection.updated_at.hour == 6  # +01:00 read as UTC
    assert reflection.parts["next_step"] == "Early"


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.text(max_size=30))
def test_long_values_across_chunks(chunk: int, note: str) -> None:
    import tempfile

    doc = document(1)
    doc["checkins"][0]["note"] = note or None  # type: ignore[index]
    doc["checkins"][0]["value"] = 123456.789  # type: ignore[index]
    old = json_stream.CHUNK
    json_stream.CHUNK = chunk
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder), json.dumps(doc, ensure_ascii=False))
            rows = [r for i in items(path) if isinstance(i, CheckinBatch) for r in i.rows]
    finally:
        json_stream.CHUNK = old
    assert rows[0][3] == 123456.789 and rows[0][4] == (note or None)


def problem(path: Path) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        items(path)
    return caught.value


def test_a_bad_status_names_its_line(tmp_path: Path) -> None:
    text = json.dumps(document(), indent=2).replace('"status": "kept"', '"status": "done"', 1)
    found = problem(write(tmp_path, text))
    assert found.file == "export.json"
    assert "“done”" in found.detail and "kept, missed or skipped" in found.detail
    # the line where the check-in starts: its opening brace, just after "checkins": [
    lines = text.splitlines()
    assert lines[found.line - 1].strip() == "{"  # type: ignore[operator]
    assert lines[found.line - 2].strip() == '"checkins": ['  # type: ignore[operator]


def test_a_bad_date_names_its_line(tmp_path: Path) -> None:
    lines = [
        "{", '"format": "selftrust",', '"version": 1,', '"commitments": [',
        json.dumps(COMMITMENT), "],", '"checkins": [',
        '{"commitment": "c1", "day": "2026-02-30", "status": "kept"}', "]", "}",
    ]
    found = problem(write(tmp_path, "\n".join(lines)))
    assert (found.line, found.file) == (8, "export.json")
    assert "“2026-02-30” is not a date" in found.detail


def test_truncated_file(tmp_path: Path) -> None:
    text = json.dumps(document(), indent=2)
    found = problem(write(tmp_path, text[: len(text) // 2]))
    assert "cut short" in found.detail and found.line is not None


def test_text_after_the_document(tmp_path: Path) -> None:
    found = problem(write(tmp_path, json.dumps(document()) + "\n{}"))
    assert "more text after the end" in found.detail and found.line == 2


def test_other_json_is_not_an_export(tmp_path: Path) -> None:
    found = problem(write(tmp_path, json.dumps({"name": "package", "version": "1.0"})))
    assert "not a Self-Trust export" in found.detail
    found = problem(write(tmp_path, "[1, 2, 3]", "list.json"))
    assert "not a Self-Trust export" in found.detail


def test_a_newer_version_is_refused(tmp_path: Path) -> None:
    doc = document()
    doc["version"] = 2
    found = problem(write(tmp_path, json.dumps(doc)))
    assert "newer Self-Trust" in found.detail


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(document()).replace("Walk", "W\u00e4lk").encode("latin-1"))
    assert "not UTF-8" in problem(path).detail


def test_unknown_parts_are_mentioned_not_fatal(tmp_path: Path) -> None:
    doc = document()
    doc["habits"] = []
    got = items(write(tmp_path, json.dumps(doc)))
    assert any(isinstance(i, Notice) and "habits" in i.text for i in got)


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document()).encode())
    assert any(isinstance(i, CommitmentRecord) for i in items(path))
