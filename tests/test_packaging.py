"""The wheel carries the whole app: every module, every package data file, every resource.

pyproject.toml lists its packages by hand (the resources mapping needs it), so a new
package that is not added there would silently be left out of a real install. These tests
compare pyproject and a freshly built wheel with the source tree as it is.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "selftrust"
RESOURCES = REPO / "resources"
SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]
# Never part of a source tree we ship, and never copied into the build.
IGNORED = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
           ".pytest_cache", ".ruff_cache", ".mypy_cache", ".hypothesis", ".benchmarks",
           "shots", ".DS_Store")


def _shipped_files(folder: Path) -> list[str]:
    """Files under folder (relative, POSIX), leaving out caches and hidden files."""
    out = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if path.is_file() and not any(
            part == "__pycache__" or part.startswith(".") for part in rel.parts
        ) and path.suffix != ".pyc":
            out.append(rel.as_posix())
    return sorted(out)


def _package_folder(name: str) -> Path:
    """Where a listed package lives, following [tool.setuptools] package-dir."""
    mapping: dict[str, str] = SETUPTOOLS.get("package-dir", {})
    parts = name.split(".")
    for i in range(len(parts), -1, -1):
        prefix = ".".join(parts[:i])
        if prefix in mapping:
            return REPO / mapping[prefix] / Path(*parts[i:])
    return REPO / Path(*parts)


def test_every_listed_package_exists() -> None:
    missing = [
        f"{name} (expected at {_package_folder(name).relative_to(REPO)})"
        for name in SETUPTOOLS["packages"]
        if not _package_folder(name).is_dir()
    ]
    assert not missing, (
        "pyproject.toml lists packages that are not in the tree, so building fails: "
        + ", ".join(missing)
    )


def test_every_python_package_is_listed() -> None:
    listed = set(SETUPTOOLS["packages"])
    found = {
        ".".join(("selftrust", *p.parent.relative_to(PACKAGE).parts))
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    unlisted = sorted(found - listed)
    assert not unlisted, (
        f"add {unlisted} to [tool.setuptools] packages in pyproject.toml, "
        "or they are not installed"
    )
    assert "selftrust.resources" in listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """A wheel built offline from a clean copy of the working tree (no stale build/)."""
    for module in ("pip", "setuptools"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed in this Python, so no wheel can be built")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*IGNORED), symlinks=True)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--disable-pip-version-check", "-w", str(work / "out"), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
        env={**_clean_env(), "PIP_NO_INPUT": "1"},
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    wheels = list((work / "out").glob("selftrust-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as archive:
        yield archive


def _clean_env() -> dict[str, str]:
    # PIP_* settings of the developer's machine (an index, a constraint file) do not apply.
    return {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}


def test_wheel_has_every_module_and_data_file(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    missing = [f"selftrust/{f}" for f in _shipped_files(PACKAGE) if f"selftrust/{f}" not in names]
    assert not missing, f"left out of the wheel: {missing}"


def test_wheel_has_every_resource_inside_the_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = [f"selftrust/resources/{f}" for f in _shipped_files(RESOURCES)]
    assert expected, "resources/ is empty"
    missing = [name for name in expected if name not in names]
    assert not missing, f"left out of the wheel: {missing}"


def test_wheel_puts_nothing_outside_the_package(wheel: zipfile.ZipFile) -> None:
    top = {name.split("/", 1)[0] for name in wheel.namelist()}
    assert {t for t in top if not t.endswith(".dist-info")} == {"selftrust"}


def test_wheel_declares_the_console_script(wheel: zipfile.ZipFile) -> None:
    entry_points = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    assert "selftrust = selftrust.cli:main" in wheel.read(entry_points).decode()


def test_installed_app_finds_its_resources(
    wheel: zipfile.ZipFile, tmp_path: Path
) -> None:
    """Unpacked as pip installs it, the package finds resources inside itself."""
    site = tmp_path / "site-packages"
    wheel.extractall(site)
    script = (
        "from selftrust.base.resources import resource_path\n"
        "from selftrust.base.palette import commitment_colors\n"
        "print(resource_path('icons', 'ui', 'kept.svg'))\n"
        "print(len(commitment_colors()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=False, env={**_clean_env(), "PYTHONPATH": str(site)},
    )
    assert result.returncode == 0, result.stderr
    kept, count = result.stdout.split()
    assert Path(kept) == site / "selftrust" / "resources" / "icons" / "ui" / "kept.svg"
    assert int(count) >= 12
