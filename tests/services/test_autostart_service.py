"""Starting with the system: the XDG autostart entry (and the macOS LaunchAgent) is
written where the desktop looks, runs this Self-Trust, and goes away when switched off."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from selftrust import APP_ID
from selftrust.services.autostart import Autostart, AutostartError, desktop_exec, launch_command

COMMAND = ["/opt/Self Trust/selftrust", "--data-dir", "/home/me/My 100% data"]


def _linux(tmp_path: Path, **env: str) -> Autostart:
    return Autostart(COMMAND, platform="linux", home=tmp_path / "home",
                     environ={"XDG_CONFIG_HOME": str(tmp_path / "config"), **env})


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_linux_entry_goes_to_xdg_config_home(tmp_path: Path) -> None:
    auto = _linux(tmp_path)
    assert not auto.is_enabled()
    auto.enable()
    path = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert auto.path == path and auto.is_enabled()
    entry = _entry(path)
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Type"] == "Application" and entry["Icon"] == APP_ID
    assert shlex.split(entry["Exec"].replace("%%", "%")) == COMMAND
    assert not list(path.parent.glob("*.tmp"))


def test_switching_off_removes_only_the_entry(tmp_path: Path) -> None:
    auto = _linux(tmp_path)
    other = tmp_path / "config" / "autostart" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    auto.enable()
    auto.disable()
    assert not auto.is_enabled()
    assert other.exists()
    auto.disable()  # already off: nothing to do, no error


def test_without_xdg_config_home_it_uses_dot_config(tmp_path: Path) -> None:
    auto = Autostart(COMMAND, platform="linux", home=tmp_path, environ={"XDG_CONFIG_HOME": "rel"})
    assert auto.path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_the_entry_is_valid_for_desktop_file_validate(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    auto = _linux(tmp_path)
    auto.enable()
    result = subprocess.run([validate, str(auto.path)], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_folder_that_cannot_be_written_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(AutostartError, match="start with the system"):
        _linux(tmp_path).enable()


def test_macos_launch_agent(tmp_path: Path) -> None:
    auto = Autostart(COMMAND, platform="darwin", home=tmp_path)
    auto.set_enabled(True)
    path = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == APP_ID and agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True
    auto.set_enabled(False)
    assert not path.exists()


def test_an_unknown_platform_says_it_cannot(tmp_path: Path) -> None:
    auto = Autostart(COMMAND, platform="haiku", home=tmp_path)
    assert not auto.supported and not auto.is_enabled() and auto.where == ""
    with pytest.raises(AutostartError, match="not available"):
        auto.enable()


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert desktop_exec(["/usr/bin/selftrust"]) == "/usr/bin/selftrust"
    assert desktop_exec(["/a b/selftrust", 'say "hi"', "$HOME", "50%"]) == (
        '"/a b/selftrust" "say \\"hi\\"" "\\$HOME" 50%%')


def test_launch_command_runs_this_self_trust() -> None:
    command = launch_command(["--data-dir", "/x"])
    assert command[-2:] == ["--data-dir", "/x"]
    assert Path(command[0]).name.startswith(("selftrust", "python"))
