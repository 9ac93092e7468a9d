"""`selftrust … | head -1` ends quietly: exit 0, nothing on stderr, for every command that prints.

Real processes, since the point is the pipe between two of them. A reader that has gone
makes every write fail, whichever comes first (the command's own print, a flush at exit);
a reader that closes after one line shows the everyday case. Both with Python's output
buffered (the default) and unbuffered (PYTHONUNBUFFERED, as some shells and IDEs set)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, make_runner

pytestmark = pytest.mark.e2e

BACKUP = "selftrust-2026-11-24.db"  # the daily backup `demo` leaves

# Every command that prints something (the data folder is a copy of demo data).
COMMANDS: list[tuple[str, ...]] = [
    ("--version",), ("--help",), ("list", "--help"),
    ("list",), ("list", "--json"), ("stats",), ("stats", "--json"),
    ("reflections",), ("reflections", "--json"), ("backups",), ("backups", "--json"),
    ("add", "Swim"), ("check", "Walk"), ("reflect", "Walk", "--happened", "Rain"),
    ("pause", "Walk", "--from", "2026-12-01", "--to", "2026-12-03"),
    ("edit", "Walk", "--why", "Air"), ("edit", "Walk", "--json"),
    ("archive", "Walk"), ("unarchive", "Walk"), ("delete", "Walk", "--yes"),
    ("remind", "Walk", "7:30"), ("remind", "Walk", "--json"),
    ("settings",), ("settings", "--json"), ("settings", "day-start", "5"),
    ("export", "--out", "{tmp}/out.json"), ("import", "{tmp}/in.json"),
    ("restore", BACKUP), ("chart", "growth", "--out", "{tmp}/growth.png"),
    ("screenshot", "--view", "jar", "--out", "{tmp}/jar.png", "--size", "400x300"),
]
# Buffered, a short output is written by the one flush at the end (a single path for
# every command); a long one, or --help, before that.
BUFFERED: list[tuple[str, ...]] = [
    ("--help",), ("list",), ("reflections", "--json"), ("delete", "Walk", "--yes"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("pipe") / "data"
    run = make_runner(data)
    run("demo", "--years", "0.3", "--commitments", "3", "--seed", "7")
    run("add", "Walk", "--start", "2026-11-01")
    run("export", "--out", str(data.parent / "in.json"))
    return data


def _environment(buffered: bool) -> dict[str, str]:
    env = cli_env()
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def _argv(data: Path, args: tuple[str, ...]) -> list[str]:
    filled = [a.replace("{tmp}", str(data.parent)) for a in args]
    return [sys.executable, "-m", "selftrust", "--data-dir", str(data), *filled]


def _copy(template: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(template, data)
    shutil.copy(template.parent / "in.json", tmp_path / "in.json")
    return data


@pytest.mark.parametrize(("args", "buffered"),
                         [(a, False) for a in COMMANDS] + [(a, True) for a in BUFFERED],
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else
                         ("buffered" if v else "unbuffered"))
def test_a_reader_that_has_gone(template: Path, tmp_path: Path, args: tuple[str, ...],
                                buffered: bool) -> None:
    data = _copy(template, tmp_path)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        result = subprocess.run(_argv(data, args), stdout=write_end, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env=_environment(buffered),
                                timeout=120)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr.decode()) == (0, "")


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("args", [("list",), ("reflections", "--json"), ("stats",)], ids=" ".join)
def test_head_1(template: Path, tmp_path: Path, args: tuple[str, ...], buffered: bool) -> None:
    """The everyday case: a reader that takes one line and leaves."""
    data = _copy(template, tmp_path)
    with subprocess.Popen(_argv(data, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, env=_environment(buffered)) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert (code, err) == (0, "")
    assert first.strip()
