"""Ways to make the data folder misbehave on purpose, shared by the fault tests.

- ``LockHolder``: another process that holds the database (a write lock, or SQLite's
  exclusive locking mode that keeps even readers out) until told to let go;
- ``read_only_folder``: a data folder the process really cannot write: chmod for an
  ordinary user; for root (whom chmod does not stop) a read-only bind mount in a
  private mount namespace; None where neither is possible;
- ``inject``: make every new connection of a workspace fail writes the way a full
  disk (``PRAGMA max_page_count``) or a read-only file (``PRAGMA query_only``) does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from selftrust.services.workspace import Workspace

HOLD = textwrap.dedent(
    """
    import sqlite3, sys

    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    if sys.argv[2] == "exclusive":
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("SELECT count(*) FROM checkin").fetchone()
    print("holding", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    """
)


class LockHolder:
    """``with LockHolder(db, "write"):`` another process holds the database meanwhile.

    "write": BEGIN EXCLUSIVE, as any program writing to the file (readers still read,
    in WAL mode); "exclusive": SQLite's exclusive locking mode, which keeps readers
    out too (what some database browsers do)."""

    def __init__(self, database: Path, mode: str = "write") -> None:
        self.database = database
        self.mode = mode
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> LockHolder:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(self.database), self.mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line.strip() != "holding":
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise RuntimeError(f"the lock holder did not start: {line!r} {err}")
        return self

    def release(self) -> None:
        if self.proc is None:
            return
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.proc.communicate(timeout=30)
        assert self.proc.returncode == 0
        self.proc = None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.release()


def inject(ws: Workspace, pragma: str) -> Callable[[], None]:
    """Run ``pragma`` on every new connection of ``ws`` from now on; returns the undo."""

    def on_connect(dbapi: Any, _record: Any) -> None:
        dbapi.execute(pragma)

    sa.event.listen(ws.db.engine, "connect", on_connect)
    ws.db.engine.dispose()

    def lift() -> None:
        sa.event.remove(ws.db.engine, "connect", on_connect)
        ws.db.engine.dispose()

    return lift


def failing_writes(ws: Workspace, message: str = "database or disk is full"
                   ) -> Callable[[], None]:
    """From now on every statement that writes fails as SQLite fails it on a full disk
    (an sqlite3.OperationalError with SQLite's own message); returns the undo. Unlike
    ``full_disk`` this catches even a write that would fit in a page's free space."""
    import sqlite3

    def do_execute(cursor: Any, statement: str, parameters: Any, context: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE",
                                                            "REPLACE"):
            raise sqlite3.OperationalError(message)

    sa.event.listen(ws.db.engine, "do_execute", do_execute)

    def lift() -> None:
        sa.event.remove(ws.db.engine, "do_execute", do_execute)

    return lift


def full_disk(ws: Workspace, extra_pages: int = 0) -> Callable[[], None]:
    """From now on the database cannot grow past ``extra_pages`` more pages."""
    with ws.read() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    return inject(ws, f"PRAGMA max_page_count = {pages + extra_pages}")


def read_only_file(ws: Workspace) -> Callable[[], None]:
    """From now on every write fails as on a read-only file (SQLITE_READONLY)."""
    return inject(ws, "PRAGMA query_only = ON")


# --- a data folder that cannot be written -----------------------------------------------------


def namespace_prefix() -> list[str] | None:
    """`unshare -m` (root) or `unshare -rm` (a user, if user namespaces are on), or None."""
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return None
    command = [unshare, "-m"] if os.geteuid() == 0 else [unshare, "-rm"]
    try:
        probe = subprocess.run([*command, "true"], capture_output=True, timeout=30)
    except OSError:
        return None
    return command if probe.returncode == 0 else None


READ_ONLY_RUN = textwrap.dedent(
    """
    set -e
    folder="$1"; shift
    mount --bind "$folder" "$folder"
    mount -o remount,bind,ro "$folder"
    exec "$@"
    """
)


def read_only_runner(data: Path) -> Callable[[list[str], dict[str, str]],
                                             subprocess.CompletedProcess[str]] | None:
    """A function running a command on ``data`` made read-only, or None if impossible.

    An ordinary user gets chmod (folder 0500, files 0400, undone afterwards). root,
    whom permission bits do not stop, gets a read-only bind mount of the folder in a
    private mount namespace that only the command sees."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        def chmod_run(command: list[str], env: dict[str, str]
                      ) -> subprocess.CompletedProcess[str]:
            modes = {p: p.stat().st_mode for p in [data, *data.rglob("*")]}
            try:
                for p in sorted(modes, key=lambda p: len(p.parts), reverse=True):
                    p.chmod(0o500 if p.is_dir() else 0o400)
                return subprocess.run(command, capture_output=True, text=True, env=env,
                                      timeout=120)
            finally:
                for p, mode in sorted(modes.items(), key=lambda kv: len(kv[0].parts)):
                    p.chmod(mode)

        return chmod_run
    prefix = namespace_prefix()
    if prefix is None:
        return None

    def mount_run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, "sh", "-c", READ_ONLY_RUN, "sh", str(data), *command],
                              capture_output=True, text=True, env=env, timeout=120)

    return mount_run
