"""The Flatpak manifest holds together offline: what flatpak-builder needs is there, and the
generated python-deps.json pins every runtime dependency of pyproject.toml to a file with a
canonical URL and a checksum.

Nothing here reaches the network. The manifest is YAML: PyYAML (a test extra) reads it, or,
without PyYAML, `flatpak-builder --show-manifest` does; `flatpak-builder` itself comes from
Debian's package of that name (`.ci/run` installs it) and its test skips, saying so, when it
is absent.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

import selftrust

REPO = Path(__file__).resolve().parents[1]
FLATPAK = REPO / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{selftrust.APP_ID}.yml"
PYTHON_DEPS = FLATPAK / "python-deps.json"
BUILD_DEPS = FLATPAK / "python-build-deps.json"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
ARCHES = ("x86_64", "aarch64")
CANONICAL = re.compile(r"^https://files\.pythonhosted\.org/packages/[0-9a-f]{2}/[0-9a-f]{2}/"
                       r"[0-9a-f]{60}/[^/]+$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _generator() -> ModuleType:
    """packaging/flatpak/make_python_deps.py, loaded by path (packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_python_deps",
                                                  FLATPAK / "make_python_deps.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def _flatpak_builder() -> str:
    path = shutil.which("flatpak-builder")
    if path is None:
        pytest.skip("flatpak-builder is not installed (Debian/Ubuntu: apt-get install "
                    "flatpak-builder)")
    return path


def _shown_manifest() -> dict[str, Any]:
    """The manifest as flatpak-builder reads it: every included file already loaded."""
    builder = _flatpak_builder()
    with tempfile.TemporaryDirectory() as state:  # it makes a .flatpak-builder folder here
        result = subprocess.run([builder, "--show-manifest", str(MANIFEST)], cwd=state,
                                capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    shown: dict[str, Any] = json.loads(result.stdout)
    shown.setdefault("app-id", shown.get("id"))  # it prints the newer name of the key
    return shown


def _load_included(path: Path) -> Any:
    assert path.is_file(), f"the manifest names {path.name}, which does not exist"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    """The manifest with every module or source file it names loaded in place."""
    try:
        yaml = importlib.import_module("yaml")
    except ImportError:
        if shutil.which("flatpak-builder") is None:
            pytest.skip("reading the YAML manifest needs PyYAML (pip install pyyaml) or "
                        "flatpak-builder (apt-get install flatpak-builder)")
        return _shown_manifest()
    loaded: dict[str, Any] = _with_includes(yaml.safe_load(MANIFEST.read_text(encoding="utf-8")))
    return loaded


def _with_includes(node: Any) -> Any:
    if isinstance(node, dict):
        out = {key: _with_includes(value) for key, value in node.items()}
        for key in ("modules", "sources"):
            if key in out:
                out[key] = _flatten([_load_included(FLATPAK / item)
                                     if isinstance(item, str) else item
                                     for item in out[key]])
        return out
    if isinstance(node, list):
        return [_with_includes(item) for item in node]
    return node


def _flatten(items: list[Any]) -> list[Any]:
    """A source file may hold one source or a list of them."""
    flat: list[Any] = []
    for item in items:
        flat.extend(_with_includes(item) if isinstance(item, list) else [_with_includes(item)])
    return flat


def _modules(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for module in node.get("modules", []):
        yield module
        yield from _modules(module)


def _module(manifest: dict[str, Any], name: str) -> dict[str, Any]:
    found = [module for module in _modules(manifest) if module.get("name") == name]
    assert len(found) == 1, f"one module {name!r} expected, found {len(found)}"
    return found[0]


def _dist_of(filename: str) -> tuple[str, Version]:
    if filename.endswith(".whl"):
        name, version, _build, _tags = parse_wheel_filename(filename)
    else:
        name, version = parse_sdist_filename(filename)
    return name, version


def _pins(sources: list[dict[str, Any]]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Files by distribution name and by architecture (a file without only-arches counts
    for every architecture)."""
    pins: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for source in sources:
        name, _version = _dist_of(source["url"].rsplit("/", 1)[1])
        for arch in source.get("only-arches", ARCHES):
            pins.setdefault(name, {}).setdefault(arch, []).append(source)
    return pins


def _runtime_requirements() -> list[Requirement]:
    return [Requirement(text) for text in PYPROJECT["project"]["dependencies"]]


# --- the generated files -----------------------------------------------------------------


def test_python_deps_pin_every_runtime_dependency_with_url_and_sha256() -> None:
    module = _load_included(PYTHON_DEPS)
    sources = module["sources"]
    for source in sources:
        assert source["type"] == "file"
        assert CANONICAL.match(source["url"]), source["url"]
        assert SHA256.match(source["sha256"]), source
    pins = _pins(sources)
    provided = _generator().PROVIDED_BY_BASE
    for requirement in _runtime_requirements():
        name = canonicalize_name(requirement.name)
        if name in provided:
            continue
        assert name in pins, f"python-deps.json does not pin {requirement}"
        for arch in ARCHES:
            files = pins[name].get(arch, [])
            assert len(files) == 1, f"{name} on {arch}: {len(files)} files"
            _name, version = _dist_of(files[0]["url"].rsplit("/", 1)[1])
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{name} {version} does not satisfy pyproject's {requirement}")


def test_every_pinned_file_is_installed_at_its_version_for_the_runtimes_python() -> None:
    module = _load_included(PYTHON_DEPS)
    generator = _generator()
    target = generator.target_of(MANIFEST.read_text(encoding="utf-8"))
    command = " ".join(module["build-commands"])
    assert "--no-index" in command and "--prefix=${FLATPAK_DEST}" in command
    for name, by_arch in _pins(module["sources"]).items():
        for arch in ARCHES:
            assert len(by_arch.get(arch, [])) <= 1, f"{name} has two files on {arch}"
        for files in by_arch.values():
            filename = files[0]["url"].rsplit("/", 1)[1]
            _name, version = _dist_of(filename)
            assert f'"{name}=={version}"' in command, f"{name}=={version} is not installed"
            if filename.endswith(".whl"):
                assert generator.wheel_fits(filename, target, files[0].get("only-arches")), (
                    f"{filename} does not fit {target}")


def test_the_build_dependencies_of_pyproject_are_at_hand_for_an_offline_build() -> None:
    sources = _load_included(BUILD_DEPS)
    pins = _pins(sources)
    for text in PYPROJECT["build-system"]["requires"]:
        requirement = Requirement(text)
        files = pins.get(canonicalize_name(requirement.name), {})
        assert files, f"python-build-deps.json has no {requirement}"
        for arch in ARCHES:
            (source,) = files[arch]
            assert CANONICAL.match(source["url"]) and SHA256.match(source["sha256"])
            assert source["dest"] == "build-deps"
            _name, version = _dist_of(source["url"].rsplit("/", 1)[1])
            assert requirement.specifier.contains(version, prereleases=True)


def test_a_package_without_wheels_for_every_arch_is_built_from_its_sdist() -> None:
    generator = _generator()
    pure = generator.Pick("six", "1.17.0", "https://files.pythonhosted.org/x/six-1.17.0-"
                          "py2.py3-none-any.whl", "a" * 64)
    x86 = generator.Pick("kiwisolver", "1.5.0", "https://files.pythonhosted.org/x/"
                         "kiwisolver-1.5.0-cp312-cp312-manylinux_2_17_x86_64.whl", "b" * 64)
    arm = generator.Pick("kiwisolver", "1.5.0", "https://files.pythonhosted.org/x/"
                         "kiwisolver-1.5.0-cp312-cp312-manylinux_2_17_aarch64.whl", "c" * 64)
    older = generator.Pick("kiwisolver", "1.4.0", "https://files.pythonhosted.org/x/"
                           "kiwisolver-1.4.0-cp312-cp312-manylinux_2_17_aarch64.whl", "d" * 64)
    sdist = generator.Pick("kiwisolver", "1.5.0", "https://files.pythonhosted.org/x/"
                           "kiwisolver-1.5.0.tar.gz", "e" * 64)

    def sdist_of(name: str, version: str) -> Any:
        assert (name, version) == ("kiwisolver", "1.5.0")
        return sdist

    both = generator.choose_files({"x86_64": {"six": pure, "kiwisolver": x86},
                                   "aarch64": {"six": pure, "kiwisolver": arm}}, sdist_of)
    assert [(f.pick, f.arches) for f in both] == [
        (arm, ("aarch64",)), (x86, ("x86_64",)), (pure, None)]
    uneven = generator.choose_files({"x86_64": {"kiwisolver": x86},
                                     "aarch64": {"kiwisolver": older}}, sdist_of)
    assert [(f.pick, f.arches) for f in uneven] == [(sdist, None)]
    one_arch = generator.choose_files({"x86_64": {"kiwisolver": x86}, "aarch64": {}},
                                      sdist_of)
    assert [(f.pick, f.arches) for f in one_arch] == [(x86, ("x86_64",))]


# --- the manifest ------------------------------------------------------------------------


def test_the_manifest_names_the_app_its_runtime_and_its_command(
        manifest: dict[str, Any]) -> None:
    desktop = REPO / "packaging" / "linux" / f"{manifest['app-id']}.desktop"
    assert manifest["app-id"] == selftrust.APP_ID and desktop.is_file()
    assert manifest["command"] in PYPROJECT["project"]["scripts"]
    assert manifest["runtime"] == "org.kde.Platform" and manifest["sdk"] == "org.kde.Sdk"
    # PySide6 comes from the PySide BaseApp, built for the same Qt as the runtime, and that
    # Qt must be one pyproject.toml allows.
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]
    (pyside,) = [r for r in _runtime_requirements()
                 if canonicalize_name(r.name) in _generator().PROVIDED_BY_BASE]
    assert SpecifierSet(str(pyside.specifier)).contains(manifest["base-version"])
    assert "--share=network" not in manifest.get("finish-args", [])


def test_the_manifest_includes_the_generated_modules(manifest: dict[str, Any]) -> None:
    deps = _module(manifest, "python-deps")
    assert deps == _load_included(PYTHON_DEPS)
    app = _module(manifest, "selftrust")
    names = [module.get("name") for module in manifest["modules"]]
    assert names.index("python-deps") < names.index("selftrust")
    build_deps = [s for s in app["sources"] if s.get("dest") == "build-deps"]
    assert build_deps == _load_included(BUILD_DEPS)


def test_every_module_has_sources_that_exist(manifest: dict[str, Any]) -> None:
    for module in _modules(manifest):
        assert module.get("name") and module.get("buildsystem")
        for source in module.get("sources", []):
            if "path" in source:
                assert (FLATPAK / source["path"]).exists(), source
            else:
                assert source["type"] == "file" and CANONICAL.match(source["url"]), source
                assert SHA256.match(source["sha256"]), source


def test_the_app_installs_its_desktop_file_metainfo_and_icons_under_its_id(
        manifest: dict[str, Any]) -> None:
    app_id = manifest["app-id"]
    commands = " ".join(_module(manifest, "selftrust")["build-commands"])
    for shipped, installed in (
            (f"packaging/linux/{app_id}.desktop", f"/app/share/applications/{app_id}.desktop"),
            (f"packaging/linux/{app_id}.metainfo.xml",
             f"/app/share/metainfo/{app_id}.metainfo.xml"),
            (f"resources/icons/app/{app_id}.svg",
             f"/app/share/icons/hicolor/scalable/apps/{app_id}.svg")):
        assert (REPO / shipped).is_file() and shipped in commands and installed in commands
    assert f"/app/share/icons/hicolor/${{size}}x${{size}}/apps/{app_id}.png" in commands


def test_flatpak_builder_reads_the_manifest_and_its_includes() -> None:
    shown = _shown_manifest()
    assert shown["app-id"] == selftrust.APP_ID
    assert _module(shown, "python-deps") == _load_included(PYTHON_DEPS)


def test_ci_installs_flatpak_builder_with_the_other_validators() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install = ci[ci.index("apt-get install"):].split("\n\n", 1)[0]
    for package in ("desktop-file-utils", "appstream", "flatpak-builder"):
        assert package in install, package
