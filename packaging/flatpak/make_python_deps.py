#!/usr/bin/env python3
"""Write python-deps.json and python-build-deps.json for the Flatpak manifest.

Our own small equivalent of flatpak-pip-generator, because that tool resolves on the host's
Python and platform while Flathub builds on the runtime's Python for x86_64 and aarch64: here
pip itself resolves pyproject.toml's dependencies once per architecture for the Python of the
manifest's runtime, and the files Flatpak builds from are wheels where one fits (pure Python,
or a manylinux wheel for every architecture at the same version) and the sdist otherwise.

The URLs are PyPI's canonical files.pythonhosted.org ones, read from pip's resolution report;
every file is downloaded into a temporary folder and its sha256 computed here (and compared
with the index's). pip runs without this machine's pip configuration, so a local mirror or
wheel folder cannot slip a file:// link in; name a mirror with --index-url when PyPI is not
reachable directly.

    python packaging/flatpak/make_python_deps.py            # rewrite both files
    python packaging/flatpak/make_python_deps.py --constraint constraints.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MANIFEST = HERE / "io.github.selftrust.SelfTrust.yml"
ARCHES = ("aarch64", "x86_64")  # what Flathub builds
PYPI = "https://pypi.org/simple"
FILES_HOST = "https://files.pythonhosted.org"
# The PySide BaseApp ships PySide6 built against the runtime's own Qt; a wheel would bring a
# second Qt of ~100 MB. (It ships numpy too, but we pin our own: see packaging/NOTES.md.)
PYSIDE_BASE = "io.qt.PySide.BaseApp"
PROVIDED_BY_BASE = frozenset({"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"})


@dataclass(frozen=True)
class Target:
    """The Python and glibc of a Flatpak SDK: which wheels it can install."""

    python: tuple[int, int]
    glibc: tuple[int, int]

    def __str__(self) -> str:
        return f"CPython {self.python[0]}.{self.python[1]}, glibc {self.glibc[0]}.{self.glibc[1]}"


# KDE runtimes are built on a freedesktop SDK: 6.7 on 23.08, 6.8 and 6.9 on 24.08. Add a row
# when the manifest moves to another runtime (its Python: `flatpak run --command=python3 SDK
# --version`; its glibc: `flatpak run --command=ldd SDK --version`).
RUNTIMES: Mapping[tuple[str, str], Target] = {
    ("org.freedesktop.Sdk", "23.08"): Target((3, 11), (2, 38)),
    ("org.freedesktop.Sdk", "24.08"): Target((3, 12), (2, 40)),
    ("org.kde.Sdk", "6.7"): Target((3, 11), (2, 38)),
    ("org.kde.Sdk", "6.8"): Target((3, 12), (2, 40)),
    ("org.kde.Sdk", "6.9"): Target((3, 12), (2, 40)),
}


@dataclass(frozen=True)
class Pick:
    """One file of one distribution, as the index names it."""

    name: str
    version: str
    url: str
    sha256: str | None

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[1]


@dataclass(frozen=True)
class Chosen:
    """A file Flatpak builds from, and the architectures it is for (None: every one)."""

    pick: Pick
    arches: tuple[str, ...] | None


# --- reading the manifest and pyproject.toml ---------------------------------------------


def _top_level(manifest_text: str, key: str) -> str | None:
    """A top-level scalar of the YAML manifest (no YAML parser needed for these)."""
    found = re.search(rf"^{re.escape(key)}:[ \t]*[\"']?([^\"'\s#]+)", manifest_text, re.M)
    return found.group(1) if found else None


def target_of(manifest_text: str) -> Target:
    sdk, version = _top_level(manifest_text, "sdk"), _top_level(manifest_text, "runtime-version")
    try:
        return RUNTIMES[(sdk or "", version or "")]
    except KeyError:
        raise SystemExit(f"{sdk}//{version}: which Python and glibc? Add it to RUNTIMES in "
                         f"{Path(__file__).name}.") from None


def provided_by_base(manifest_text: str) -> frozenset[str]:
    return PROVIDED_BY_BASE if _top_level(manifest_text, "base") == PYSIDE_BASE else frozenset()


def requirements(pyproject: dict[str, Any], leave_out: Iterable[str]) -> tuple[list[str],
                                                                                list[str]]:
    """The runtime dependencies (less what the base app provides) and the build's."""
    skip = set(leave_out)
    runtime = [text for text in pyproject["project"]["dependencies"]
               if canonicalize_name(Requirement(text).name) not in skip]
    return runtime, list(pyproject["build-system"]["requires"])


# --- which wheels fit ----------------------------------------------------------------------


def platforms(arch: str, target: Target) -> list[str]:
    """manylinux platform tags the runtime's glibc accepts, newest first."""
    major, minor = target.glibc
    tags = [f"manylinux_{major}_{m}_{arch}" for m in range(minor, 4, -1)]
    return tags + [f"manylinux{legacy}_{arch}" for legacy in ("2014", "2010", "1")]


def supported_tags(arch: str, target: Target) -> set[Tag]:
    abi = f"cp{target.python[0]}{target.python[1]}"
    plats = platforms(arch, target)
    return {*cpython_tags(target.python, [abi, "abi3", "none"], plats),
            *compatible_tags(target.python, abi, plats)}


def wheel_fits(filename: str, target: Target, only_arches: Iterable[str] | None) -> bool:
    """True when the wheel installs on every architecture it is meant for."""
    _name, _version, _build, tags = parse_wheel_filename(filename)
    return all(tags & supported_tags(arch, target) for arch in (only_arches or ARCHES))


# --- asking pip ----------------------------------------------------------------------------


def _pip_env() -> dict[str, str]:
    """This machine's pip settings left out (a mirror's file:// links must not be pinned);
    certificates, timeouts and proxies kept."""
    keep = {"PIP_CERT", "PIP_CLIENT_CERT", "PIP_DEFAULT_TIMEOUT", "PIP_PROXY"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k in keep}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _pip(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args], env=_pip_env(),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pip {args[0]} failed:\n{result.stdout}{result.stderr}")


def _target_options(arch: str, target: Target, index_url: str) -> list[str]:
    abi = f"cp{target.python[0]}{target.python[1]}"
    options = ["--only-binary=:all:", "--python-version", f"{target.python[0]}.{target.python[1]}",
               "--implementation", "cp", "--abi", abi, "--abi", "abi3", "--abi", "none",
               "--index-url", index_url]
    for platform in platforms(arch, target):
        options += ["--platform", platform]
    return options


def resolve(wanted: list[str], arch: str, target: Target, index_url: str,
            constraint: Path | None, work: Path) -> dict[str, Pick]:
    """pip's own resolution for the runtime's Python on one architecture (wheels only)."""
    report = work / f"report-{arch}.json"
    extra = ["--constraint", str(constraint)] if constraint else []
    _pip("install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(report),
         *_target_options(arch, target, index_url), *extra, *wanted)
    picks: dict[str, Pick] = {}
    for item in json.loads(report.read_text(encoding="utf-8"))["install"]:
        info = item["download_info"]
        name = canonicalize_name(item["metadata"]["name"])
        picks[name] = Pick(name, item["metadata"]["version"], canonical_url(info["url"]),
                           info.get("archive_info", {}).get("hashes", {}).get("sha256"))
    return picks


def canonical_url(url: str) -> str:
    """PyPI's own address for a file a mirror may serve under another host."""
    found = re.search(r"/packages/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{60}/[^/#?]+", url)
    if found is None:
        raise SystemExit(f"{url} is not a PyPI file; resolve against PyPI or a mirror of it")
    return FILES_HOST + found.group(0)


def sdist_on_index(index_url: str) -> Callable[[str, str], Pick]:
    """The sdist of one release, from the index's JSON page (PEP 691)."""

    def find(name: str, version: str) -> Pick:
        request = urllib.request.Request(f"{index_url.rstrip('/')}/{name}/",
                                         headers={"Accept": "application/vnd.pypi.simple.v1+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            files = json.load(response)["files"]
        for file in files:
            if file["filename"].endswith((".tar.gz", ".zip")):
                _name, found = parse_sdist_filename(file["filename"])
                if str(found) == version:
                    return Pick(name, version, canonical_url(file["url"]),
                                file.get("hashes", {}).get("sha256"))
        raise SystemExit(f"{name} {version} has no sdist and no wheel for every architecture")

    return find


# --- choosing and fetching -----------------------------------------------------------------


def choose_files(picks_by_arch: Mapping[str, Mapping[str, Pick]],
                 sdist_of: Callable[[str, str], Pick]) -> list[Chosen]:
    """One file for every architecture, or one per architecture when the wheels differ;
    the sdist when the architectures' wheels are not of one version."""
    chosen: list[Chosen] = []
    for name in sorted({name for picks in picks_by_arch.values() for name in picks}):
        present = {arch: picks[name] for arch, picks in sorted(picks_by_arch.items())
                   if name in picks}
        arches = None if len(present) == len(picks_by_arch) else tuple(present)
        files = {pick.url for pick in present.values()}
        versions = {pick.version for pick in present.values()}
        if len(files) == 1:
            chosen.append(Chosen(next(iter(present.values())), arches))
        elif len(versions) == 1:
            chosen.extend(Chosen(pick, (arch,)) for arch, pick in present.items())
        else:
            newest = max(present.values(), key=lambda pick: Version(pick.version)).version
            chosen.append(Chosen(sdist_of(name, newest), arches))
    return chosen


def fetch(chosen: list[Chosen], target: Target, index_url: str, work: Path) -> dict[str, str]:
    """Every chosen file downloaded (wheels through pip), by URL its sha256 worked out here."""
    folder = work / "files"
    folder.mkdir(parents=True, exist_ok=True)
    for arch in ARCHES:
        wheels = sorted({c.pick.url for c in chosen if c.pick.url.endswith(".whl")
                         and (c.arches or ARCHES)[0] == arch})
        if wheels:
            _pip("download", "--no-deps", "--quiet", "--dest", str(folder),
                 *_target_options(arch, target, index_url), *wheels)
    for sdist in (c.pick for c in chosen if not c.pick.url.endswith(".whl")):
        urllib.request.urlretrieve(sdist.url, folder / sdist.filename)
    sums = {}
    for pick in (c.pick for c in chosen):
        sums[pick.url] = hashlib.sha256((folder / pick.filename).read_bytes()).hexdigest()
        if pick.sha256 not in (None, sums[pick.url]):
            raise SystemExit(f"{pick.filename}: sha256 {sums[pick.url]}, the index says "
                             f"{pick.sha256}")
    return sums


def sources(chosen: list[Chosen], sums: Mapping[str, str], **extra: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in chosen:
        source: dict[str, Any] = {"type": "file", "url": item.pick.url,
                                  "sha256": sums[item.pick.url], **extra}
        if item.arches is not None:
            source["only-arches"] = list(item.arches)
        out.append(source)
    return out


def deps_module(chosen: list[Chosen], sums: Mapping[str, str]) -> dict[str, Any]:
    """One module: pip installs the pinned set from the downloaded files, offline."""
    pins = " ".join(sorted({f'"{c.pick.name}=={c.pick.version}"' for c in chosen}))
    return {
        "name": "python-deps",
        "buildsystem": "simple",
        "build-commands": [
            'pip3 install --verbose --no-index --find-links="file://${PWD}" '
            f"--prefix=${{FLATPAK_DEST}} --no-build-isolation {pins}"],
        "sources": sources(chosen, sums),
        "cleanup": ["/bin", "/share/man/man1"],
    }


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=4) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")


def _resolve_all(wanted: list[str], target: Target, args: argparse.Namespace,
                 work: Path) -> list[Chosen]:
    picks = {arch: resolve(wanted, arch, target, args.index_url, args.constraint, work)
             for arch in ARCHES}
    return choose_files(picks, sdist_on_index(args.index_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--index-url", default=PYPI, help="a PyPI mirror (default: PyPI)")
    parser.add_argument("--constraint", type=Path, help="pin versions, e.g. a `pip freeze` "
                        "of the environment the tests ran in")
    args = parser.parse_args(argv)
    manifest_text = args.manifest.read_text(encoding="utf-8")
    target = target_of(manifest_text)
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    runtime, build = requirements(pyproject, provided_by_base(manifest_text))
    print(f"resolving for {target} on {', '.join(ARCHES)}")
    with tempfile.TemporaryDirectory(prefix="selftrust-flatpak-") as tmp:
        work = Path(tmp)
        deps, build_deps = _resolve_all(runtime, target, args, work), _resolve_all(build, target,
                                                                                   args, work)
        sums = fetch(deps + build_deps, target, args.index_url, work)
    _write(args.manifest.parent / "python-deps.json", deps_module(deps, sums))
    _write(args.manifest.parent / "python-build-deps.json",
           sources(build_deps, sums, dest="build-deps"))
    for item in deps + build_deps:
        print(f"  {item.pick.filename}" + (f"  ({', '.join(item.arches)})" if item.arches else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
