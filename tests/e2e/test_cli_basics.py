"""The CLI contract of DESIGN.md (in this process; what only a real process shows, as one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, by_title, stats

pytestmark = pytest.mark.e2e


def test_version(run: Run, process: Run) -> None:
    for runner in (run, process):  # `python -m selftrust` as a process, too
        out = runner("--version").stdout
        assert out.startswith("selftrust ")


def test_the_executable_exits_0_2_or_1(process: Run, tmp_path: Path) -> None:
    """Success, a usage mistake, and data that cannot be used, as a shell sees them."""
    assert process("add", "Walk").returncode == 0
    usage = process("frobnicate", ok=False)
    assert usage.returncode == 2 and len(usage.stderr.strip().splitlines()) == 1
    (tmp_path / "data" / "selftrust.db").write_bytes(b"this is not a database" * 100)
    broken = process("list", ok=False)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr


def test_add_check_list_and_stats(run: Run) -> None:
    run("add", "Walk 20 minutes", "--start", "2026-11-20")
    run("add", "Read", "--measurable", "pages", "--target", "10", "--start", "2026-11-20")
    run("check", "Walk 20 minutes", "--note", "Sunny, by the river")
    run("check", "Read", "--value", "12")
    listing = json.loads(run("list", "--json").stdout)
    assert listing["day"] == "2026-11-24"
    items = {i["title"]: i for i in listing["items"]}
    assert items["Walk 20 minutes"]["status"] == "kept"
    assert items["Read"]["value"] == 12
    report = stats(run)
    assert report["jar"] == {"marbles": 2, "gold": 0}
    walk = by_title(report)["Walk 20 minutes"]
    assert walk["current_streak"] == 1 and walk["kept"] == 1


def test_stats_names_what_a_streak_counts(run: Run) -> None:
    """A Mon/Wed/Fri promise kept three times in a row has a run of 3 times, not 3 days."""
    run("add", "Swim", "--schedule", "mon,wed,fri", "--start", "2026-11-16")
    for day in ("2026-11-18", "2026-11-20", "2026-11-23"):
        run("check", "Swim", "--day", day)
    run("add", "Walk", "--start", "2026-11-23")
    run("check", "Walk", "--day", "2026-11-23")
    run("check", "Walk")
    text = run("stats").stdout
    assert "Swim: strength" in text and "streak 3 times" in text
    assert "streak 2 days" in text


@pytest.mark.parametrize(
    "args, words",
    [
        (("add", "   "), "title"),
        (("add", "Gym", "--schedule", "9/week"), "7"),
        (("add", "Gym", "--schedule", "fortnightly"), "not a schedule"),
        (("add", "Gym", "--schedule", "once:2026-02-30"), "date"),
        (("add", "Read", "--measurable", "pages"), "--target"),
        (("add", "Read", "--measurable", "pages", "--target", "0"), "greater than 0"),
        (("check", "Nobody"), "No commitment is called"),
        (("check", "Walk", "--day", "2026-13-01"), "is no day: a year has 12 months"),
        (("check", "Walk", "--day", "2026-11-30"), "has not come yet"),
        (("check", "Walk", "--value", "abc"), "not a number"),
        (("list", "--day", "yesterdayish"), "not a date"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_bad_arguments_give_one_clear_line(run: Run, args: tuple[str, ...], words: str) -> None:
    run("add", "Walk", "--start", "2026-11-01")
    result = run(*args, ok=False)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words.lower() in lines[0].lower()
    assert "Traceback" not in result.stderr


def test_demo_refuses_a_folder_with_data(run: Run) -> None:
    run("add", "Walk")
    result = run("demo", ok=False)
    assert result.returncode != 0
    assert "already has data" in result.stderr


def test_demo_then_stats(run: Run) -> None:
    out = run("demo", "--years", "1", "--commitments", "6", "--seed", "3").stdout
    assert "Demo data ready" in out
    report = stats(run)
    assert len(report["commitments"]) >= 5
    assert report["jar"]["marbles"] > 0
    assert any(c["repaired"] > 0 for c in report["commitments"])
    for c in report["commitments"]:
        assert 0.0 <= c["strength"] <= 1.0
        assert c["current_streak"] <= c["best_streak"]


def test_reflect_repairs_a_miss(run: Run) -> None:
    run("add", "Walk", "--start", "2026-11-20")
    run("check", "Walk", "--day", "2026-11-23", "--missed")
    before = by_title(stats(run))["Walk"]
    result = run("reflect", "Walk", "--day", "2026-11-23", "--happened", "Rain all day",
                 "--owning", "I stayed in, but it was cold")
    assert "repaired" in result.stdout
    assert "no “but”" in result.stderr
    after = by_title(stats(run))["Walk"]
    assert (before["repaired"], after["repaired"]) == (0, 1)
    found = json.loads(run("reflections", "--search", "rain", "--json").stdout)
    assert len(found) == 1 and found[0]["commitment"] == "Walk"


def test_garbage_database_is_refused_and_kept(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "selftrust.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    result = run("list", ok=False)
    assert result.returncode != 0
    assert str(db) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_check_says_what_the_amount_came_to(run: Run) -> None:
    run("add", "Read", "--measurable", "pages", "--target", "20", "--start", "2026-11-01")
    run("add", "Coffee", "--measurable", "cups", "--target", "2", "--at-most",
        "--start", "2026-11-01")
    assert "partly kept" in run("check", "Read", "--value", "12").stdout
    assert "over the limit" in run("check", "Coffee", "--value", "3").stdout
    listing = json.loads(run("list", "--json").stdout)
    states = {i["title"]: i["state"] for i in listing["items"]}
    assert states == {"Read": "partly", "Coffee": "missed"}
    assert "◐ Read" in run("list").stdout


def test_a_unique_start_of_a_title_is_enough(run: Run) -> None:
    run("add", "Walk 20 minutes", "--start", "2026-11-01")
    run("add", "Write", "--start", "2026-11-01")
    assert "Walk 20 minutes" in run("check", "walk").stdout
    result = run("check", "w", ok=False)
    assert result.returncode == 2 and "say which one" in result.stderr


def test_days_before_the_start_are_refused(run: Run) -> None:
    run("add", "Gym")  # starts today
    result = run("check", "Gym", "--day", "yesterday", "--missed", ok=False)
    assert result.returncode == 2
    assert "starts on" in result.stderr
