"""Where the app's resources (icons, help texts, palette, starter commitments) live.

One folder, found in the same place however Self-Trust runs:

- installed (wheel, ``pip install .``): the package folder ``selftrust/resources``;
- run from a source checkout or an editable install: ``<repo>/resources``;
- frozen by PyInstaller: ``<bundle>/selftrust/resources`` under ``sys._MEIPASS``.

No Qt here, so every layer (and the CLI) may ask for a resource.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePath

# base/resources.py -> the selftrust package folder
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


class ResourceNotFoundError(FileNotFoundError):
    """The resources folder, or a file asked for in it, is not there."""


def resource_candidates(
    package_dir: Path = _PACKAGE_DIR, meipass: str | None = None
) -> list[Path]:
    """The folders searched for resources, in order (first existing one wins)."""
    candidates: list[Path] = []
    if meipass:
        candidates.append(Path(meipass) / "selftrust" / "resources")
    candidates.append(package_dir / "resources")
    # src/selftrust -> src -> repository top level
    candidates.append(package_dir.parent.parent / "resources")
    return candidates


def find_resources_dir(package_dir: Path = _PACKAGE_DIR, meipass: str | None = None) -> Path:
    """The first candidate folder that exists; a clear error naming them all otherwise."""
    candidates = resource_candidates(package_dir, meipass)
    for folder in candidates:
        if folder.is_dir():
            return folder
    searched = ", ".join(str(c) for c in candidates)
    raise ResourceNotFoundError(
        f"Self-Trust cannot find its resources folder (looked in: {searched}). "
        "The installation looks incomplete; reinstalling should bring it back."
    )


@cache
def resources_dir() -> Path:
    """The resources folder of this running Self-Trust (looked up once)."""
    return find_resources_dir(meipass=getattr(sys, "_MEIPASS", None))


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. ``resource_path("icons", "ui", "kept.svg")``.

    With no parts, the resources folder itself. Raises ResourceNotFoundError when the
    resource is missing, and ValueError for a path that would leave the folder.
    """
    relative = PurePath(*parts)
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"A resource path stays inside the resources folder: {relative}")
    path = resources_dir().joinpath(relative)
    if not path.exists():
        raise ResourceNotFoundError(
            f"Self-Trust cannot find the resource {relative.as_posix()!r} in {resources_dir()}."
        )
    return path


def localized_resource_path(*parts: str) -> Path:
    """A resource in the language spoken now, when it is translated; the English otherwise.

    Translated pages sit in a folder named by the language beside the English ones
    (``help/de/about.html`` beside ``help/about.html``); "de_AT" finds "de" too.
    """
    from selftrust.base import i18n

    *folder, name = parts
    code = i18n.language()
    for candidate in dict.fromkeys((code, code.split("_")[0])):
        path = resources_dir().joinpath(*folder, candidate, name)
        if path.is_file():
            return path
    return resource_path(*parts)
