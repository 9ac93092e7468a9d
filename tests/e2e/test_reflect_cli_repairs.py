"""`selftrust reflect` on a kept day writes a reflection, not a repair; a blank one is
refused with one line (issue 17, item 1)."""

from __future__ import annotations

import json

import pytest

from tests.e2e.helpers import Run, stats

pytestmark = pytest.mark.e2e


def _walk_kept(run: Run) -> None:
    run("add", "Walk", "--start", "2026-11-20")
    run("check", "Walk", "--day", "2026-11-22")


def test_a_reflection_on_a_kept_day_is_not_a_repair(run: Run) -> None:
    _walk_kept(run)
    out = run("reflect", "walk", "--day", "2026-11-22", "--happened", "x")
    assert "repaired" not in out.stdout
    assert "Saved your reflection." in out.stdout
    [entry] = json.loads(run("reflections", "--json").stdout)
    assert entry["repairs_checkin"] is False
    assert stats(run)["jar"] == {"marbles": 1, "gold": 0}


def test_changing_the_day_to_missed_repairs_it_and_says_so(run: Run) -> None:
    _walk_kept(run)
    run("reflect", "walk", "--day", "2026-11-22", "--happened", "x")
    out = run("check", "walk", "--day", "2026-11-22", "--missed")
    assert "now repairs the miss" in out.stdout
    [entry] = json.loads(run("reflections", "--json").stdout)
    assert entry["repairs_checkin"] is True
    assert stats(run)["jar"] == {"marbles": 0, "gold": 1}
    out = run("check", "walk", "--day", "2026-11-22")
    assert "not a repair" in out.stdout
    [entry] = json.loads(run("reflections", "--json").stdout)
    assert entry["repairs_checkin"] is False


@pytest.mark.parametrize("blank", ["  \u200b  ", "\u200d", "\ufeff \u2060"])
def test_a_reflection_of_invisible_characters_is_refused(run: Run, blank: str) -> None:
    run("add", "Walk", "--start", "2026-11-20")
    run("check", "Walk", "--day", "2026-11-23", "--missed")
    result = run("reflect", "Walk", "--day", "2026-11-23", "--happened", blank, ok=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "at least one line" in result.stderr
    assert json.loads(run("reflections", "--json").stdout) == []
    assert stats(run)["jar"]["gold"] == 0
