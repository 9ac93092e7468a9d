"""`selftrust sync` from a terminal: its words, its JSON and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.helpers import Run


def test_before_a_folder_is_chosen_it_says_how(run: Run) -> None:
    run("add", "Walk")
    result = run("sync", ok=False)
    assert result.returncode == 3  # "does not sync": its own code, in any language
    assert result.stderr.count("\n") == 1 and "selftrust sync --folder" in result.stderr
    assert run("sync", "--status", ok=False).returncode == 3


def test_a_missing_folder_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    result = run("sync", "--folder", str(tmp_path / "nowhere"), ok=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "cannot be found" in result.stderr


def test_a_passphrase_goes_in_a_file_only(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("sync", "--folder", str(tmp_path), "--passphrase-file", str(empty), ok=False)
    assert result.returncode == 2 and "empty" in result.stderr
    assert run("sync", "--passphrase", "x", ok=False).returncode == 2


def test_status_pass_and_leave(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    run("add", "Walk")
    run("check", "Walk")
    first = json.loads(run("sync", "--folder", str(folder), "--device-name", "Desk",
                           "--json").stdout)
    assert {"sent", "received", "devices", "conflicts"} <= first.keys()
    assert first["sent"] >= 2 and first["devices"] == [] and first["conflicts"] == 0
    run("check", "Walk", "--missed")
    status = json.loads(run("sync", "--status", "--json").stdout)
    assert status["device_name"] == "Desk" and status["waiting"] >= 1
    assert status["folder"] == str(folder.resolve()) and status["problem"] is None
    assert [d.name for d in (folder / "Self-Trust" / "devices").iterdir()] == [
        status["device_id"]]  # the window leaves this device's own folder out of its watch
    words = run("sync").stdout
    assert words.startswith("Sent 1, received 0")
    assert "Syncing with" in run("sync", "--status").stdout
    run("sync", "--device-name", "Study")
    assert "“Study”" in run("sync", "--status").stdout
    other = run("sync", "--folder", str(tmp_path), ok=False)
    assert other.returncode == 2 and "--leave" in other.stderr
    assert "no longer syncs" in run("sync", "--leave").stdout
    assert run("sync", ok=False).returncode == 3
    assert list((folder / "Self-Trust" / "devices").iterdir())  # its files stay for others
    assert run("list", "--json").stdout.count("Walk") == 1  # the record stays


def test_one_pass_at_a_time(run: Run, tmp_path: Path) -> None:
    from selftrust.services.sync.lock import one_pass_at_a_time

    folder = tmp_path / "Sync"
    folder.mkdir()
    run("sync", "--folder", str(folder))
    with one_pass_at_a_time(tmp_path / "data"):  # as another process's pass would hold it
        busy = run("sync", ok=False)
    assert busy.returncode == 4 and "Another sync pass is running" in busy.stderr
    assert run("sync").returncode == 0


def test_the_window_reads_the_same_codes_as_the_command_gives() -> None:
    """The window tells "does not sync" and "another pass runs" by these codes, whatever
    language the command's words are in."""
    from selftrust.cli.common import EXIT_NOT_SYNCING, EXIT_SYNC_BUSY
    from selftrust.ui.shell.sync_follow import BUSY_CODE, NOT_SYNCING_CODE

    assert (NOT_SYNCING_CODE, BUSY_CODE) == (EXIT_NOT_SYNCING, EXIT_SYNC_BUSY)
