"""`selftrust reflect` and `selftrust reflections` as a person or a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, empty_data, stats

pytestmark = pytest.mark.e2e


def _walk_with_a_miss(run: Run) -> None:
    run("add", "Walk 20 minutes", "--start", "2026-11-20")
    run("check", "Walk 20 minutes", "--day", "2026-11-22")
    run("check", "Walk 20 minutes", "--day", "2026-11-23", "--missed")


def test_a_reflection_from_a_file_repairs_the_miss(run: Run, tmp_path: Path) -> None:
    _walk_with_a_miss(run)
    text = tmp_path / "evening.txt"
    text.write_text("Work ran late.\nI was exhausted.\n", encoding="utf-8")
    out = run("reflect", "Walk 20 minutes", "--day", "2026-11-23", "--text-file", str(text),
              "--owning", "I chose the sofa, but I was tired.", "--next-step", "Shoes out",
              "--before", "2", "--after", "3")
    assert "The miss is repaired." in out.stdout
    assert "no “but”" in out.stderr  # the gentle hint; it never blocks saving
    report = stats(run)
    assert report["jar"] == {"marbles": 1, "gold": 1}
    assert report["commitments"][0]["repaired"] == 1
    [entry] = json.loads(run("reflections", "--json").stdout)
    assert entry["happened"] == "Work ran late.\nI was exhausted."
    assert (entry["commitment"], entry["repairs_checkin"], entry["id"]) == (
        "Walk 20 minutes", True, 1)


def test_what_happened_from_standard_input(run: Run) -> None:
    result = run("reflect", "--text-file", "-", input="Scrolled until midnight.")
    assert result.returncode == 0, result.stderr
    assert "Scrolled until midnight" in run("reflections").stdout


def test_both_happened_and_a_file_is_refused(run: Run, tmp_path: Path) -> None:
    empty_data(tmp_path / "data")
    text = tmp_path / "t.txt"
    text.write_text("x", encoding="utf-8")
    result = run("reflect", "--happened", "a", "--text-file", str(text), ok=False)
    assert result.returncode == 2
    assert "either with --happened or with --text-file" in result.stderr
    assert json.loads(run("reflections", "--json").stdout) == []


def test_an_empty_reflection_is_refused_kindly(run: Run) -> None:
    result = run("reflect", "--happened", "   ", ok=False)
    assert result.returncode != 0
    assert "at least one line" in result.stderr


def test_search_finds_every_word_in_any_case(run: Run) -> None:
    run("reflect", "--day", "2026-11-20", "--happened", "Rain all evening")
    run("reflect", "--day", "2026-11-21", "--learned", "Evenings are hard after work")
    run("reflect", "--day", "2026-11-22", "--friend", "You did fine")
    found = json.loads(run("reflections", "--search", "EVENING", "--json").stdout)
    assert [e["day"] for e in found] == ["2026-11-21", "2026-11-20"]  # newest first
    assert run("reflections", "--search", "evening work").stdout.startswith(
        "21 Nov 2026  free reflection: Evenings are hard after work")
    assert run("reflections", "--search", "nothing").stdout.strip() == "No reflection matches."
