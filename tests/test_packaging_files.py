"""The packaging files agree with the project: one app id everywhere, the frozen app ships
its resources and migrations, leaves unused Qt out, and CI builds it as the README says."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import selftrust

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"


def _text(*parts: str) -> str:
    return REPO.joinpath(*parts).read_text(encoding="utf-8")


def test_flatpak_manifest_names_the_app() -> None:
    manifest = _text("packaging", "flatpak", f"{selftrust.APP_ID}.yml")
    assert re.search(rf"^app-id: {re.escape(selftrust.APP_ID)}$", manifest, re.M)
    command = re.search(r"^command: (\S+)$", manifest, re.M)
    scripts = tomllib.loads(_text("pyproject.toml"))["project"]["scripts"]
    assert command and command.group(1) in scripts
    for shipped in (f"packaging/linux/{selftrust.APP_ID}.desktop",
                    f"packaging/linux/{selftrust.APP_ID}.metainfo.xml",
                    f"resources/icons/app/{selftrust.APP_ID}.svg"):
        assert shipped in manifest and (REPO / shipped).is_file()
    assert "--share=network" not in manifest  # no network access, ever


def test_the_spec_ships_resources_and_migrations_as_files() -> None:
    spec = _text("packaging", "selftrust.spec")
    assert '(str(ROOT / "resources"), "selftrust/resources")' in spec
    assert '"selftrust/store/migrations")' in spec
    # base/resources.py looks for exactly this folder under sys._MEIPASS.
    assert 'Path(meipass) / "selftrust" / "resources"' in _text(
        "src", "selftrust", "base", "resources.py")


def test_the_spec_leaves_unused_qt_out() -> None:
    spec = _text("packaging", "selftrust.spec")
    for module in ("QtQuick", "QtQml", "QtWebEngineCore", "Qt3DCore", "QtMultimedia",
                   "QtPdf"):
        assert f'"{module}"' in spec, module
    for kept in ('"QtCore"', '"QtGui"', '"QtWidgets"', '"QtSvg"', '"QtNetwork"'):
        assert kept not in spec.split("QT_UNUSED = [", 1)[1].split("]", 1)[0]


def test_ci_builds_the_package_the_readme_tells_about() -> None:
    ci = _text(".ci", "run")
    assert "make test" in ci and "make package" in ci
    assert "make package" in _text("README.md")
    assert re.search(r"^package:", _text("Makefile"), re.M)
    assert "packaging/smoke_test.py" in _text("Makefile")
