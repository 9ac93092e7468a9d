"""Runs inside a private mount namespace (see test_rel_disk_full.py): mounts a 1 MB
tmpfs, fills it to the last byte while Self-Trust's data lives there, runs commands,
frees the space, runs more, and prints what happened as one JSON object.

    unshare -m [-r] python rel_full_disk_driver.py MOUNT_POINT
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

NOW = "2026-11-24T12:00:00"


def cli(data: Path, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "SELFTRUST_NOW": NOW, "QT_QPA_PLATFORM": "offscreen"},
    )
    return {"args": list(args), "rc": result.returncode, "out": result.stdout,
            "err": result.stderr}


def fill(path: Path) -> int:
    """Write zeros until the file system says it is full; returns the bytes written."""
    written = 0
    with path.open("wb", buffering=0) as out:
        block = b"\0" * 4096
        try:
            while True:
                written += out.write(block)
        except OSError:
            pass
        try:
            while True:
                written += out.write(b"\0")
        except OSError:
            pass
    return written


def main(mount_point: str) -> None:
    root = Path(mount_point)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(root)], check=True)
    data = root / "data"
    report: dict[str, object] = {"before": [], "full": [], "after": []}
    before = report["before"]
    assert isinstance(before, list)
    before.append(cli(data, "add", "Walk", "--start", "2020-01-01"))
    before.append(cli(data, "check", "Walk", "--day", "2026-11-20", "--note", "before full"))
    before.append(cli(data, "reflect", "Walk", "--day", "2026-11-20", "--happened",
                      "written before the disk filled up"))
    report["filler_bytes"] = fill(root / "filler")
    full = report["full"]
    assert isinstance(full, list)
    for args in (
        ("check", "Walk", "--day", "2026-11-21", "--note", "while full"),
        ("reflect", "Walk", "--day", "2026-11-21", "--happened", "while full " * 400),
        ("add", "Read while full"),
        ("list",),
        ("stats", "--json"),
        ("backups",),
    ):
        full.append(cli(data, *args))
    (root / "filler").unlink()
    after = report["after"]
    assert isinstance(after, list)
    after.append(cli(data, "check", "Walk", "--day", "2026-11-22", "--note", "after"))
    after.append(cli(data, "list", "--json"))
    conn = sqlite3.connect(data / "selftrust.db")
    try:
        report["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
        report["notes"] = sorted(n for (n,) in conn.execute(
            "SELECT note FROM checkin WHERE note IS NOT NULL"))
        report["titles"] = sorted(t for (t,) in conn.execute("SELECT title FROM commitment"))
        report["reflections"] = sorted(h for (h,) in conn.execute(
            "SELECT happened FROM reflection"))
    finally:
        conn.close()
    report["files"] = sorted(str(p.relative_to(data)) for p in data.rglob("*"))
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
