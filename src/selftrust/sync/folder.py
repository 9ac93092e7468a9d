"""The sync folder's layout and this device's place in it.

``<root>/Self-Trust/format.json`` says the format (and, when encrypted, the scrypt salt and
key check); ``devices/<device id>/`` belongs to one device, the only one that writes there:
``device.json`` (its name, format, current log generation, last write) and
``log-<generation>.bin``, its append-only log. A device's name can be personal ("Anna's
laptop"), so with a passphrase it is sealed like everything else; only the format and the
generation stay readable, to skip a newer device before trying to open anything.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selftrust.base.i18n import N_, _
from selftrust.sync.atomic import write_atomically
from selftrust.sync.crypto import UNREADABLE, Cipher, new_encryption, open_encryption
from selftrust.sync.framing import FORMAT
from selftrust.sync.records import DeviceInfo, SyncError

APP_FOLDER = "Self-Trust"
# TRANSLATORS: the name shown for a computer in the sync folder whose name cannot be read.
ANOTHER_DEVICE = N_("another computer")
_DEVICE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_LOG = re.compile(r"log-(\d{1,9})\.bin")
_NAME = struct.Struct(">H")


def newer_format_message(name: str) -> str:
    # TRANSLATORS: {name} is the name of another computer ("Laptop").
    return _(
        "Changes from {name} were made by a newer version of Self-Trust; "
        "they will arrive once Self-Trust is updated on this computer."
    ).format(name=name)


@dataclass(frozen=True)
class DeviceState:
    """What a device's ``device.json`` says about its logs."""

    generation: int
    snapshot_bytes: int


class SyncFolder:
    """``<root>/Self-Trust/`` opened for one device (use ``SyncFolder.open``)."""

    def __init__(self, base: Path, device_id: str, device_name: str, cipher: Cipher | None):
        self.base = base
        self.device_id = device_id
        self.device_name = device_name
        self.cipher = cipher

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    @classmethod
    def open(
        cls, root: Path, device_id: str, device_name: str, passphrase: str | None
    ) -> SyncFolder:
        """Open (creating the layout when missing) the sync folder at ``root`` for this device.

        Raises SyncError with words for the person: a missing folder, a wrong passphrase, a
        passphrase for a folder that has none or none for one that has, a newer format.
        Nothing is written before the passphrase is known to be right.
        """
        if not _DEVICE_ID.fullmatch(device_id):
            raise ValueError(f"not a device id: {device_id!r}")
        if not root.is_dir():
            raise SyncError(
                _("The sync folder {folder} cannot be found. "
                  "If it is on a drive, please connect it and try again.").format(folder=root)
            )
        passphrase = passphrase or None
        base = root / APP_FOLDER
        format_path = base / "format.json"
        if format_path.exists():
            cipher = _open_format(format_path, passphrase)
        elif any(_device_dirs(base / "devices")):
            # Another device set this folder up and its format.json has not arrived yet;
            # writing one here would give the folder two writers of one file.
            raise SyncError(_(UNREADABLE))
        else:
            base.mkdir(mode=0o700, exist_ok=True)
            entry, cipher = new_encryption(passphrase) if passphrase else (None, None)
            content = {"format": FORMAT, "app": "Self-Trust", "encryption": entry}
            write_atomically(format_path, json.dumps(content, indent=1).encode("utf-8"))
        folder = cls(base, device_id, device_name, cipher)
        folder.own_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        described = folder._read_description(device_id)
        if described is None or described.get("name") != device_name:
            state = folder.state(device_id)
            last = None if described is None else described.get("last_write")
            folder.describe(state, last)
        return folder

    @property
    def own_dir(self) -> Path:
        return self.device_dir(self.device_id)

    def device_dir(self, device_id: str) -> Path:
        return self.base / "devices" / device_id

    def log_path(self, device_id: str, generation: int) -> Path:
        return self.device_dir(device_id) / f"log-{generation:06d}.bin"

    def generations(self, device_id: str) -> list[int]:
        """The log generations present for ``device_id``, oldest first."""
        try:
            names = os.listdir(self.device_dir(device_id))
        except OSError:
            return []
        return sorted(int(m.group(1)) for n in names if (m := _LOG.fullmatch(n)))

    def state(self, device_id: str) -> DeviceState:
        """The device's current generation: the newest log present (a compaction's new
        log is complete before the old one goes, and holds everything the old one did),
        else what ``device.json`` says, else 1."""
        raw = self._read_raw(device_id) or {}
        present = self.generations(device_id)
        generation = present[-1] if present else _int(raw.get("generation"), 1)
        return DeviceState(generation, _int(raw.get("snapshot_bytes"), 0))

    def describe(self, state: DeviceState, last_write: str | None) -> None:
        """Replace this device's ``device.json`` (whole, atomically)."""
        private = {"name": self.device_name, "last_write": last_write}
        content: dict[str, Any] = {
            "format": FORMAT,
            "generation": state.generation,
            "snapshot_bytes": state.snapshot_bytes,
        }
        if self.cipher is None:
            content.update(private)
        else:
            sealed = self.cipher.seal(json.dumps(private).encode("utf-8"), self._aad("device"))
            content["sealed"] = base64.b64encode(sealed).decode("ascii")
        data = json.dumps(content, indent=1).encode("utf-8")
        write_atomically(self.own_dir / "device.json", data)

    def devices(self) -> list[DeviceInfo]:
        """Every device that writes here (this one included, ``this_device`` True), with the
        reason it is skipped when it cannot be read."""
        found = []
        for device_id in _device_dirs(self.base / "devices"):
            raw = self._read_raw(device_id) or {}
            described = self._read_description(device_id, raw) or {}
            name = str(described.get("name") or _(ANOTHER_DEVICE))
            fmt = _int(raw.get("format"), FORMAT)
            skipped = newer_format_message(name) if fmt > FORMAT else None
            last = described.get("last_write")
            found.append(DeviceInfo(device_id, name, last if isinstance(last, str) else None,
                                    fmt, skipped, device_id == self.device_id))
        return found

    def leave(self) -> None:
        """Remove this device's own files from the folder (others' are never touched)."""
        shutil.rmtree(self.own_dir, ignore_errors=True)

    def seal_payload(self, doc_name: str, update: bytes) -> bytes:
        """A log record's payload: the document's name and a Yjs update, sealed when the
        folder is encrypted (bound to this device, so it cannot pass as another's)."""
        name = doc_name.encode("utf-8")
        inner = _NAME.pack(len(name)) + name + update
        return inner if self.cipher is None else self.cipher.seal(inner, self._aad("log"))

    def open_payload(self, device_id: str, payload: bytes) -> tuple[str, bytes] | None:
        """(document name, update) of a record ``device_id`` wrote, or None if unreadable."""
        if self.cipher is not None:
            opened = self.cipher.open(payload, self._aad("log", device_id))
            if opened is None:
                return None
            payload = opened
        if len(payload) < _NAME.size:
            return None
        (length,) = _NAME.unpack_from(payload)
        try:
            name = payload[_NAME.size : _NAME.size + length].decode("utf-8")
        except UnicodeDecodeError:
            return None
        return name, payload[_NAME.size + length :]

    def _aad(self, what: str, device_id: str | None = None) -> bytes:
        return f"{what}|{device_id or self.device_id}".encode()

    def _read_raw(self, device_id: str) -> dict[str, Any] | None:
        try:
            raw = json.loads((self.device_dir(device_id) / "device.json").read_bytes())
        except (OSError, ValueError):
            return None
        return raw if isinstance(raw, dict) else None

    def _read_description(
        self, device_id: str, raw: dict[str, Any] | None = None
    ) -> dict[str, Any] | None:
        """The name and last write of a device (opened when sealed); None if unreadable."""
        raw = raw or self._read_raw(device_id)
        if not raw or self.cipher is None:
            return raw
        try:
            sealed = base64.b64decode(raw["sealed"])
        except (KeyError, TypeError, ValueError):
            return None
        opened = self.cipher.open(sealed, self._aad("device", device_id))
        try:
            private = json.loads(opened) if opened is not None else None
        except ValueError:
            return None
        return private if isinstance(private, dict) else None


def _open_format(path: Path, passphrase: str | None) -> Cipher | None:
    try:
        content = json.loads(path.read_bytes())
        fmt = int(content["format"])
        entry = content.get("encryption")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SyncError(_(UNREADABLE)) from error
    if fmt > FORMAT:
        raise SyncError(
            _("This sync folder was set up by a newer version of Self-Trust. "
              "Please update Self-Trust on this computer to use it.")
        )
    return open_encryption(entry, passphrase)


def _device_dirs(devices: Path) -> list[str]:
    try:
        names = sorted(os.listdir(devices))
    except OSError:
        return []
    return [n for n in names if _DEVICE_ID.fullmatch(n) and (devices / n).is_dir()]


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
