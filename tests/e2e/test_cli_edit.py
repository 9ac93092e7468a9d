"""`selftrust edit`, `archive` and `unarchive`: what Manage commitments does, from a terminal,
through the same services (so the same rules and the same refusals)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.e2e.helpers import Run

pytestmark = pytest.mark.e2e


def _listed(run: Run, title: str) -> dict[str, Any]:
    items = {i["title"]: i for i in json.loads(run("list", "--json").stdout)["items"]}
    item: dict[str, Any] = items[title]
    return item


def test_edit_changes_what_is_asked_and_keeps_the_rest(run: Run) -> None:
    run("add", "Walk", "--why", "Fresh air", "--start", "2026-11-01", "--remind", "7:30")
    out = run("edit", "walk", "--title", "Walk 20 minutes", "--schedule", "mon,wed,fri",
              "--color", "#aa3355").stdout
    assert "“Walk 20 minutes”" in out
    shown = json.loads(run("edit", "walk 20 minutes", "--json").stdout)
    assert shown["title"] == "Walk 20 minutes"
    assert shown["why"] == "Fresh air"  # not asked: kept
    assert shown["schedule"] == "mon,wed,fri"
    assert shown["color"] == "#aa3355"
    assert shown["reminder"] == {"at": "07:30", "days": "daily"}  # not asked: kept
    assert shown["created_on"] == "2026-11-01" and shown["archived_on"] is None


def test_edit_changes_a_target_and_its_direction(run: Run) -> None:
    run("add", "Coffee", "--measurable", "cups", "--target", "2", "--at-most")
    shown = json.loads(run("edit", "coffee", "--target", "3", "--per", "week", "--at-least",
                           "--json").stdout)
    assert shown["target"] == {"amount": 3, "unit": "cups", "per": "week", "at_most": False}
    shown = json.loads(run("edit", "Coffee", "--at-most", "--json").stdout)
    assert shown["target"] == {"amount": 3, "unit": "cups", "per": "week", "at_most": True}


def test_edit_refuses_what_the_window_refuses(run: Run) -> None:
    run("add", "Walk")
    run("add", "Read")
    taken = run("edit", "read", "--title", "WALK", ok=False)
    assert taken.returncode == 2 and "“Walk”" in taken.stderr
    assert taken.stderr.count("\n") == 1
    no_target = run("edit", "Walk", "--target", "3", ok=False)
    assert no_target.returncode == 2 and "--measurable" in no_target.stderr
    bad = run("edit", "Walk", "--schedule", "9/week", ok=False)
    assert bad.returncode == 2
    colour = run("edit", "Walk", "--color", "blue", ok=False)
    assert colour.returncode == 2 and "#RRGGBB" in colour.stderr
    titles = [i["title"] for i in json.loads(run("list", "--json").stdout)["items"]]
    assert titles == ["Walk", "Read"]


def test_edit_can_make_a_promise_measurable(run: Run) -> None:
    run("add", "Read")
    shown = json.loads(run("edit", "Read", "--measurable", "pages", "--target", "20",
                           "--json").stdout)
    assert shown["target"] == {"amount": 20, "unit": "pages", "per": "day", "at_most": False}


def test_archive_and_unarchive(run: Run) -> None:
    run("add", "Walk")
    run("add", "Read")
    out = run("archive", "WALK").stdout
    assert "“Walk” is archived" in out and "history is kept" in out
    assert [i["title"] for i in json.loads(run("list", "--json").stdout)["items"]] == ["Read"]
    again = run("archive", "walk")
    assert again.returncode == 0 and "already archived" in again.stdout
    shown = json.loads(run("unarchive", "walk", "--json").stdout)
    assert shown["title"] == "Walk" and shown["archived_on"] is None
    assert _listed(run, "Walk")["status"] is None
    assert "not archived" in run("unarchive", "Walk").stdout


def test_archive_says_json_too(run: Run) -> None:
    run("add", "Walk")
    shown = json.loads(run("archive", "Walk", "--json").stdout)
    assert shown["archived_on"] == "2026-11-24"


def test_a_title_no_commitment_has_is_one_line(run: Run) -> None:
    run("add", "Walk")
    for command in ("edit", "archive", "unarchive", "delete"):
        result = run(command, "Swim", "--yes" if command == "delete" else "--json", ok=False)
        assert result.returncode == 2, command
        assert result.stderr.count("\n") == 1 and "Swim" in result.stderr
