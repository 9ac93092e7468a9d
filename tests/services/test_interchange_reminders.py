"""Reminders travel in our exports: written, read back, merged like the rest of a
commitment, and files written before reminders existed still import."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from selftrust.domain.reminder import Reminder
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import ImportRefused, export_file, import_file
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import fill, workspace, zip_texts

MON_WED = 0b0000101
WEEKEND = 0b1100000


def with_reminders(ws: Workspace) -> dict[str, int]:
    ids = fill(ws)
    ws.commitments.set_reminder(ids["walk"], Reminder.parse("07:30"))
    ws.commitments.set_reminder(ids["journal"], Reminder.parse("21:05", MON_WED))
    ws.commitments.set_reminder(ids["old"], Reminder.parse("00:00", WEEKEND))  # archived too
    return ids


def reminders(ws: Workspace) -> dict[str, Reminder | None]:
    return {c.title: c.reminder for c in ws.commitments.all(include_archived=True)}


@pytest.mark.parametrize("suffix", ["json", "zip"])
def test_reminders_survive_a_round_trip(
    ws: Workspace, clock: FixedClock, tmp_path: Path, suffix: str
) -> None:
    with_reminders(ws)
    first, second = tmp_path / f"first.{suffix}", tmp_path / f"second.{suffix}"
    export_file(ws, first)
    with workspace(tmp_path / "copy", clock) as copy:
        import_file(copy, first)
        assert reminders(copy) == reminders(ws)
        assert reminders(copy)["Journal"] == Reminder.parse("21:05", MON_WED)
        assert reminders(copy)["Read"] is None
        export_file(copy, second)
    assert first.read_bytes() == second.read_bytes()


def test_the_json_names_the_time_and_weekdays(ws: Workspace, tmp_path: Path) -> None:
    with_reminders(ws)
    export_file(ws, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["version"] == 1  # an added name: older readers skip it, nothing misread
    by_title = {c["title"]: c for c in data["commitments"]}
    assert by_title["Journal"]["reminder"] == {"time": "21:05", "weekdays": ["mon", "wed"]}
    assert by_title["Walk 20 minutes"]["reminder"] == {
        "time": "07:30", "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
    assert by_title["Read"]["reminder"] is None


def test_the_csv_has_two_reminder_columns(ws: Workspace, tmp_path: Path) -> None:
    with_reminders(ws)
    export_file(ws, tmp_path / "all.zip")
    lines = zip_texts(tmp_path / "all.zip")["commitments.csv"].splitlines()
    header = lines[0].split(",")
    assert header[-2:] == ["reminder_time", "reminder_weekdays"]
    journal = next(line for line in lines if ",Journal," in line)
    assert journal.endswith(',21:05,"mon,wed"')
    read = next(line for line in lines if ",Read," in line)
    assert read.endswith(",,")


def _without_reminders_json(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for c in data["commitments"]:
        del c["reminder"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _without_reminders_zip(path: Path) -> None:
    texts = zip_texts(path)
    rows = texts["commitments.csv"].split("\r\n")
    texts["commitments.csv"] = "\r\n".join(row.rsplit(",", 2)[0] for row in rows)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in texts.items():
            archive.writestr(name, text)


@pytest.mark.parametrize("suffix", ["json", "zip"])
def test_a_file_from_before_reminders_still_imports(
    ws: Workspace, clock: FixedClock, tmp_path: Path, suffix: str
) -> None:
    fill(ws)  # no reminders, so every reminder cell is empty and easy to cut away
    path = tmp_path / f"old.{suffix}"
    export_file(ws, path)
    if suffix == "json":
        _without_reminders_json(path)
    else:
        _without_reminders_zip(path)
        assert "reminder" not in zip_texts(path)["commitments.csv"]
    with workspace(tmp_path / "copy", clock) as copy:
        summary = import_file(copy, path)
        assert summary.commitments_added == 7
        assert set(reminders(copy).values()) == {None}


def test_a_commitment_already_here_keeps_its_own_reminder(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    ids = with_reminders(ws)
    export_file(ws, tmp_path / "all.json")
    # Here: Walk's reminder moved to the evening, Journal's removed, Read got one.
    ws.commitments.set_reminder(ids["walk"], Reminder.parse("19:00"))
    ws.commitments.set_reminder(ids["journal"], None)
    ws.commitments.set_reminder(ids["read"], Reminder.parse("12:15"))
    mine = reminders(ws)
    import_file(ws, tmp_path / "all.json")
    assert reminders(ws) == mine


@pytest.mark.parametrize(
    ("reminder", "problem"),
    [
        ({"time": "25:00"}, "“25:00” is not a time of day"),
        ({"time": "7.30"}, "“7.30” is not a time of day"),
        ({"time": "07:30", "weekdays": []}, "needs at least one weekday"),
        ({"time": "07:30", "weekdays": ["mon", "someday"]}, "“someday” is not one of"),
        ({"weekdays": ["mon"]}, "has no time"),
        ("07:30", "is not a group of “time” and “weekdays”"),
    ],
)
def test_a_reminder_that_does_not_fit_is_refused_with_its_line(
    ws: Workspace, tmp_path: Path, reminder: object, problem: str
) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    data["commitments"][1]["reminder"] = reminder
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    with workspace(tmp_path / "copy", FixedClock(ws.clock.now())) as copy:
        with pytest.raises(ImportRefused) as refused:
            import_file(copy, bad)
        assert problem in str(refused.value)
        assert refused.value.problem.line is not None
        assert copy.commitments.all() == []


def test_a_reminder_without_weekdays_is_every_day(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    data["commitments"][0]["reminder"] = {"time": "6:45"}
    (tmp_path / "hand.json").write_text(json.dumps(data), encoding="utf-8")
    with workspace(tmp_path / "copy", FixedClock(ws.clock.now())) as copy:
        import_file(copy, tmp_path / "hand.json")
        assert reminders(copy)["Walk 20 minutes"] == Reminder.parse("06:45")
