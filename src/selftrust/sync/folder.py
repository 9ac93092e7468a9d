"""The sync folder's layout and this device's place in it. (Skeleton: bodies follow.)"""

from __future__ import annotations

from pathlib import Path

from selftrust.sync.records import DeviceInfo


class SyncFolder:
    """``<root>/Self-Trust/``: format.json, and one folder per device that only that device
    writes (device.json and its append-only logs)."""

    @classmethod
    def open(
        cls, root: Path, device_id: str, device_name: str, passphrase: str | None
    ) -> SyncFolder:
        """Open (creating the layout when missing) the sync folder at ``root`` for this device.

        Raises SyncError with words for the person: a wrong passphrase, a passphrase for a
        folder that is not encrypted or none for one that is, a folder of a newer format.
        Nothing is written before the passphrase is known to be right.
        """
        raise NotImplementedError

    def devices(self) -> list[DeviceInfo]:
        """Every device that writes here (this one included, ``this_device`` True), with the
        reason it is skipped when it cannot be read."""
        raise NotImplementedError
