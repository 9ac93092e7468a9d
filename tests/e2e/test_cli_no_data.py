"""A folder without Self-Trust data: the commands that only read say so and create nothing
(a mistyped --data-dir must not become an empty record); the commands that write start
the data there, as the app does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.helpers import Run, make_runner

pytestmark = pytest.mark.e2e

READ_ONLY = [
    ("list",),
    ("list", "--json"),
    ("stats", "--json"),
    ("reflections",),
    ("export", "--out", "{out}.json"),
    ("backups",),
    ("chart", "growth", "--out", "{out}.png"),
    ("screenshot", "--view", "today", "--out", "{out}.png"),
    ("settings",),
    ("settings", "day-start", "--json"),
    ("loop", "push", "{out}.db", "--dry-run"),
]


def _filled_in(args: tuple[str, ...], out: Path) -> list[str]:
    return [a.format(out=out) for a in args]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: " ".join(a[:2]))
def test_a_read_only_command_refuses_a_folder_without_data(
        run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    nope = tmp_path / "nope"
    result = run(*_filled_in(args, tmp_path / "out"), ok=False, data_dir=nope)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert f"No Self-Trust data in {nope}" in line
    assert result.stdout == ""
    assert not nope.exists()
    assert list(tmp_path.iterdir()) == []  # no output file either


@pytest.mark.parametrize("args", READ_ONLY[:3], ids=lambda a: " ".join(a[:2]))
def test_so_does_a_folder_named_by_the_environment(
        run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    nope = tmp_path / "from-env"
    result = run(*args, ok=False, data_dir=None, SELFTRUST_DATA_DIR=str(nope))
    assert result.returncode == 2
    assert f"No Self-Trust data in {nope}" in result.stderr
    assert not nope.exists()


def test_an_existing_empty_folder_is_left_as_it_was(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert run("stats", ok=False, data_dir=folder).returncode == 2
    assert list(folder.iterdir()) == []  # no database, no log


@pytest.mark.parametrize(
    "args",
    [("add", "Walk"), ("reflect", "--happened", "A free reflection"),
     ("check", "Walk", "--missed")],
    ids=lambda a: a[0],
)
def test_a_command_that_writes_starts_the_data(tmp_path: Path, args: tuple[str, ...]) -> None:
    data = tmp_path / "new"
    run = make_runner(data)
    if args[0] == "check":
        run("add", "Walk")
    run(*args)
    assert (data / "selftrust.db").is_file()
    assert run("list", "--json").returncode == 0


def test_the_executable_creates_nothing_either(process: Run, tmp_path: Path) -> None:
    """Logging (a file in the data folder) starts only after the check, in a new process."""
    nope = tmp_path / "nope"
    result = process("list", ok=False, data_dir=nope)
    assert result.returncode == 2 and str(nope) in result.stderr
    assert not nope.exists()
