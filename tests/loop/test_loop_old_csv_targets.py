"""A Loop CSV export from before 2.3.1 with measurable habits imports whole: the target
comes back from Loop's scores where they give it exactly, else a stand-in is set and the
summary asks for the right one. The export is made here: amounts by hand, scores by
Loop's score written out plainly (tests/domain's reference)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from loop_checks import data_of
from test_strength_reference import reference_strength

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.schedule import Schedule
from tests.e2e.helpers import Run

START = date(2020, 3, 1)
DAYS = 90


def _amounts(seed: int) -> dict[date, int]:
    """Loop's × 1000 integers: some days short of the target, some over, some missing."""
    out = {}
    for i in range(DAYS):
        if (i * seed) % 7 == 3:
            continue
        out[START + timedelta(days=i)] = 1000 * ((i * seed) % 13) + 500
    return out


def _scores(amounts: dict[date, int], target: float) -> list[tuple[date, float]]:
    rules = Rules(Schedule.daily(), Target(target, "pages"))
    marks = [("K", amounts[START + timedelta(days=i)] / 1000)
             if START + timedelta(days=i) in amounts else (".", None) for i in range(DAYS)]
    return [(START + timedelta(days=i), s)
            for i, s in enumerate(reference_strength(rules, START, marks))]


def _export(folder: Path) -> Path:
    """The 2.0 layout: no Type or Target column, files without headers, newest first."""
    folder.mkdir()
    folder.joinpath("Habits.csv").write_text(
        "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
        "001,Read,Did you read?,,1,1,#00897B\n"
        "002,Write,Did you write?,,1,1,#8E24AA\n"
        "003,Walk,Did you walk?,,1,1,#303F9F\n")
    for number, name, seed, scores in (("001", "Read", 3, True), ("002", "Write", 5, False)):
        habit = folder / f"{number} {name}"
        habit.mkdir()
        amounts = _amounts(seed)
        habit.joinpath("Checkmarks.csv").write_text("".join(
            f"{d.isoformat()},{amounts.get(d, -1)}\n" for d in sorted(amounts, reverse=True)))
        if scores:
            habit.joinpath("Scores.csv").write_text("".join(
                f"{d.isoformat()},{s:.4f}\n" for d, s in reversed(_scores(amounts, 10))))
    walk = folder / "003 Walk"
    walk.mkdir()
    walk.joinpath("Checkmarks.csv").write_text("2020-03-02,2\n2020-03-01,0\n")
    return folder


def test_an_old_export_with_measurable_habits_imports_whole(run: Run, tmp_path: Path) -> None:
    result = run("import", str(_export(tmp_path / "Loop Habits CSV 2020-05-30")))
    assert "the target 10 was recovered exactly from Loop's scores" in result.stdout
    assert "“Write”: this older Loop export has no targets and Loop's scores do not give " \
           "it exactly, so the target is 12.5 for now" in result.stdout
    data = data_of(tmp_path / "desktop")
    assert set(data) == {"Read", "Write", "Walk"}
    read = data["Read"].rules.target
    assert read is not None and read.amount == 10 and not read.at_most
    write = data["Write"].rules.target
    assert write is not None and write.amount == 12.5
    assert len(data["Read"].days) == len(_amounts(3))
    assert data["Read"].days[START] == ("kept", 0.5, None)
    assert data["Walk"].rules.target is None and len(data["Walk"].days) == 2
