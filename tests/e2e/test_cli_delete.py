"""`selftrust delete`: it asks on a terminal, refuses a script unless `--yes`, makes a backup
first and says what goes with the commitment (and what stays)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, cli_env

pytestmark = pytest.mark.e2e


def _walk_with_history(run: Run) -> None:
    run("add", "Walk", "--start", "2026-11-20")
    run("add", "Read", "--start", "2026-11-20")
    for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
        run("check", "Walk", "--day", day)
    run("check", "Walk", "--day", "2026-11-23", "--missed")
    run("reflect", "Walk", "--day", "2026-11-23", "--happened", "Rain all day")


def test_delete_with_yes_says_what_goes_and_makes_a_backup_first(run: Run,
                                                                  tmp_path: Path) -> None:
    _walk_with_history(run)
    out = run("delete", "walk", "--yes").stdout
    assert "Deleted “Walk” and its 4 check-ins" in out
    assert "Its reflection stays in your journal" in out
    backups = json.loads(run("backups", "--json").stdout)
    before = [b for b in backups if b["kind"] == "before-delete"]
    assert len(before) == 1 and Path(before[0]["path"]).name in out
    assert [i["title"] for i in json.loads(run("list", "--json").stdout)["items"]] == ["Read"]
    journal = json.loads(run("reflections", "--json").stdout)
    assert [(r["commitment"], r["happened"]) for r in journal] == [(None, "Rain all day")]
    # the backup holds Walk: restoring it brings Walk back
    run("restore", before[0]["path"])
    titles = [i["title"] for i in json.loads(run("list", "--json").stdout)["items"]]
    assert titles == ["Walk", "Read"]


def test_delete_json(run: Run) -> None:
    _walk_with_history(run)
    said = json.loads(run("delete", "Walk", "--yes", "--json").stdout)
    assert said["deleted"] == "Walk"
    assert said["checkins"] == 4 and said["reflections_kept"] == 1
    assert Path(said["backup"]).is_file()


def test_without_a_terminal_delete_needs_yes(run: Run) -> None:
    _walk_with_history(run)
    result = run("delete", "Walk", ok=False, input="y\n")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--yes" in result.stderr
    assert len(json.loads(run("list", "--json").stdout)["items"]) == 2
    assert not [b for b in json.loads(run("backups", "--json").stdout)
                if b["kind"] == "before-delete"]


def test_an_archived_commitment_can_be_deleted(run: Run) -> None:
    run("add", "Walk")
    run("archive", "Walk")
    assert "Deleted “Walk”" in run("delete", "walk", "--yes").stdout


def _on_a_terminal(data: Path, answer: bytes) -> tuple[int, str]:
    """`selftrust delete Walk` with a terminal as its stdin, answered with ``answer``."""
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "selftrust", "--data-dir", str(data), "delete", "Walk"],
            stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(),
        )
        os.close(follower)
        os.write(leader, answer)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(leader)
    return proc.returncode, (out + err).decode()


def test_on_a_terminal_it_asks_first(run: Run, tmp_path: Path) -> None:
    """Real processes: only a real terminal is a terminal."""
    _walk_with_history(run)
    code, said = _on_a_terminal(tmp_path / "data", b"n\n")
    assert code == 1 and "Delete “Walk” and its 4 check-ins?" in said
    assert "nothing was deleted" in said.lower()
    assert len(json.loads(run("list", "--json").stdout)["items"]) == 2
    code, said = _on_a_terminal(tmp_path / "data", b"y\n")
    assert code == 0 and "Deleted “Walk”" in said
    assert len(json.loads(run("list", "--json").stdout)["items"]) == 1


def test_a_few_letters_are_not_enough_to_delete(run: Run) -> None:
    # "W" would find "Walk" for check or stats; a delete cannot be undone, so it wants
    # the whole title (in any case) and changes nothing otherwise.
    _walk_with_history(run)
    result = run("delete", "W", "--yes", ok=False)
    assert result.returncode == 2
    assert "whole title" in result.stderr and result.stderr.count("\n") == 1
    assert len(json.loads(run("list", "--json").stdout)["items"]) == 2
    assert not [b for b in json.loads(run("backups", "--json").stdout)
                if b["kind"] == "before-delete"]
    assert "Deleted “Walk”" in run("delete", "WALK", "--yes").stdout
