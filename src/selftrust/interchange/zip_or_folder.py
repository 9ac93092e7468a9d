"""The files of an export, read out of its zip or out of the folder it unpacked to.

Our CSV export and Loop's both arrive as a zip a person picked, or as the folder their
file manager unpacked it to (sometimes with one folder more around it). Reading both the
same way means one set of guards: a damaged member becomes an ImportProblem naming it,
a member (or the whole export) that unpacks far past any real export stops before it
fills memory, and a folder is only read, never changed. The limits and the words are the
format's own (:class:`Guard`), so each keeps the messages its users already know.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.interchange.errors import ImportProblem, cannot_be_read
from selftrust.interchange.guarded_stream import buffered

JUNK_FOLDER = "__MACOSX/"
JUNK_FILE = ".DS_Store"
DAMAGED_ZIP = N_("the zip file is damaged or incomplete (was the download or copy cut short?)")
# TRANSLATORS: why a file inside a zip cannot be opened, put in another message's
# "({reason})".
PACKED_ODDLY = N_("it is damaged or packed in an unusual way")
_UNZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, zlib.error, OSError, EOFError)


@dataclass(frozen=True, slots=True)
class Guard:
    """How far one format's export may unpack, and the words for each refusal.

    Templates take ``{mb}`` (a size in MB), ``{count}`` (files in the zip), ``{folder}``
    and ``{reason}`` (why a member could not be opened). They are English marked with
    ``N_`` (a guard is made when its module is imported) and translated where used.
    """

    member_bytes: int
    member_too_big: str
    damaged: str
    unpackable: str
    declared_too_big: str | None = None  # checked before unpacking when set
    total_bytes: int | None = None
    total_too_big: str = ""
    max_members: int | None = None
    too_many_in_zip: str = ""
    too_many_in_folder: str = ""


def first_bytes(path: Path, count: int) -> tuple[int, bytes]:
    """The size of the file at ``path`` and its first ``count`` bytes, or ImportProblem."""
    if not path.exists():
        raise ImportProblem(_("there is no file or folder at {path}").format(path=path))
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(count)
    except OSError as exc:
        raise ImportProblem(cannot_be_read(exc), file=path.name) from None
    return size, head


def is_junk(name: str) -> bool:
    """What macOS leaves in the zips it makes, never part of an export."""
    return name.startswith(JUNK_FOLDER) or name.rsplit("/", 1)[-1] == JUNK_FILE


def holds(path: Path, name: str) -> bool:
    """True if the zip or folder at ``path`` has a file ``name`` at its top or one folder down."""
    if path.is_dir():
        return (path / name).is_file() or any((d / name).is_file() for d in _subdirs(path))
    return name in {n.rsplit("/", 1)[-1] for n in _zip_names(path) if n.count("/") <= 1}


class ExportFiles:
    """The files of one export, named as inside it (``"001 Run/Checkmarks.csv"``).

    ``marker`` is the file every such export has at its top: when it is not there but in
    exactly one folder one level down, that folder is the export. ``wanted`` limits the
    files to those names at the top (the format knows them all); without it every file
    of the top two levels counts.
    """

    def __init__(self, path: Path, *, marker: str, guard: Guard,
                 wanted: Collection[str] | None = None) -> None:
        self.path = path
        self.read_bytes = 0
        self._guard = guard
        self._archive: zipfile.ZipFile | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._files: dict[str, Path] = {}
        if path.is_dir():
            self._files = _folder_files(path, marker, guard, wanted)
        else:
            self._archive, self._infos = _zip_files(path, marker, guard, wanted)

    def __enter__(self) -> ExportFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._archive is not None:
            self._archive.close()

    def has(self, name: str) -> bool:
        return name in self._infos or name in self._files

    def names(self) -> list[str]:
        return list(self._infos or self._files)

    def size(self, name: str) -> int:
        """How many bytes the file holds (for a zip member: unpacked, as its header says)."""
        info = self._infos.get(name)
        return info.file_size if info is not None else self._files[name].stat().st_size

    def open(self, name: str) -> IO[bytes]:
        """The file for reading, guarded: damage and excess become ImportProblem."""
        guard = self._guard
        if self._archive is None:
            try:
                inner: IO[bytes] = self._files[name].open("rb")
            except OSError as exc:
                raise ImportProblem(cannot_be_read(exc), file=name) from None
        else:
            info = self._infos[name]
            if info.flag_bits & 0x1:
                raise ImportProblem(_("this file inside the zip is password-protected"),
                                    file=name)
            if guard.declared_too_big is not None and info.file_size > guard.member_bytes:
                raise ImportProblem(
                    _(guard.declared_too_big).format(mb=formats.number(info.file_size // 2**20)),
                    file=name,
                )
            try:
                inner = self._archive.open(info)
            except _UNZIP_ERRORS as exc:
                reason = getattr(exc, "strerror", None) or _(PACKED_ODDLY)
                raise ImportProblem(_(guard.unpackable).format(reason=reason),
                                    file=name) from None
        return buffered(inner, name, on_read=self._spend, damaged=_(guard.damaged))

    def _spend(self, n: int, so_far: int, name: str) -> None:
        """Count the bytes read; stop a member, or the export, that unpacks too far."""
        guard = self._guard
        self.read_bytes += n
        if so_far > guard.member_bytes:
            raise ImportProblem(
                _(guard.member_too_big).format(mb=formats.number(guard.member_bytes // 2**20)),
                file=name)
        if guard.total_bytes is not None and self.read_bytes > guard.total_bytes:
            raise ImportProblem(
                _(guard.total_too_big).format(mb=formats.number(guard.total_bytes // 2**20)),
                file=name)


def _zip_names(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportProblem(_(DAMAGED_ZIP), file=path.name) from None


def _zip_files(path: Path, marker: str, guard: Guard, wanted: Collection[str] | None
               ) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportProblem(_(DAMAGED_ZIP), file=path.name) from None
    if guard.max_members is not None and len(infos) > guard.max_members:
        archive.close()
        raise ImportProblem(_(guard.too_many_in_zip).format(count=formats.number(len(infos))),
                            file=path.name)
    files = {i.filename: i for i in infos if not i.is_dir() and not is_junk(i.filename)}
    prefix = ""
    if marker not in files:
        nested = [n for n in files if n.count("/") == 1 and n.endswith("/" + marker)]
        if len(nested) == 1:
            prefix = nested[0][: -len(marker)]
    inside = {name[len(prefix):]: info for name, info in files.items() if name.startswith(prefix)}
    if wanted is not None:
        inside = {name: inside[name] for name in wanted if name in inside}
    return archive, inside


def _folder_files(path: Path, marker: str, guard: Guard, wanted: Collection[str] | None
                  ) -> dict[str, Path]:
    root = path
    if not (root / marker).is_file():
        nested = [d for d in _subdirs(root) if (d / marker).is_file()]
        if len(nested) == 1:
            root = nested[0]
    if wanted is not None:
        return {name: root / name for name in wanted if (root / name).is_file()}
    names: list[str] = []
    try:
        for entry in os.scandir(root):
            if entry.is_file():
                names.append(entry.name)
            elif entry.is_dir() and not is_junk(entry.name + "/"):
                names.extend(f"{entry.name}/{sub.name}" for sub in os.scandir(entry.path)
                             if sub.is_file())
    except OSError as exc:
        raise ImportProblem(_("the folder {folder} cannot be read ({reason})").format(
            folder=root, reason=exc.strerror or exc)) from None
    if guard.max_members is not None and len(names) > guard.max_members:
        raise ImportProblem(_(guard.too_many_in_folder).format(folder=root))
    return {name: root / name for name in names if not is_junk(name)}


def _subdirs(root: Path) -> list[Path]:
    try:
        return [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return []
