"""The .desktop file and the AppStream metainfo: valid, and in step with the project.

The validators come from Debian packages: desktop-file-validate (desktop-file-utils) and
appstreamcli (appstream). Without them those two tests skip and say so; every other
check here needs only Python.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import selftrust

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{selftrust.APP_ID}.desktop"
METAINFO = LINUX / f"{selftrust.APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu: apt-get install {package})")
    return path


def _run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output}"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    _run(_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))


def test_metainfo_validates() -> None:
    _run(_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))


def test_desktop_file_matches_the_app() -> None:
    entry = _entry()
    assert entry["Name"] == selftrust.APP_NAME
    assert entry["Icon"] == selftrust.APP_ID
    assert entry["Exec"] in PYPROJECT["project"]["scripts"]
    # Qt on X11 names the window class after QGuiApplication.applicationName().
    assert entry["StartupWMClass"] == selftrust.APP_NAME
    assert entry["Terminal"] == "false"


def test_the_icon_named_by_the_desktop_file_is_shipped() -> None:
    icons = REPO / "resources" / "icons" / "app"
    assert (icons / f"{_entry()['Icon']}.svg").is_file()
    assert (icons / "hicolor" / "128x128" / "apps" / f"{_entry()['Icon']}.png").is_file()


def test_metainfo_matches_the_project() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == selftrust.APP_ID
    assert root.findtext("name") == selftrust.APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") in PYPROJECT["project"]["scripts"]
    license = PYPROJECT["project"]["license"]  # an SPDX string, or the older {text = ...}
    assert root.findtext("project_license") == (
        license if isinstance(license, str) else license["text"]
    )
    assert root.findtext("metadata_license") == "CC0-1.0"
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == selftrust.__version__ == PYPROJECT["project"]["version"]
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
