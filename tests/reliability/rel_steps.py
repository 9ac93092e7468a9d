"""Running a `selftrust` command that kills itself (SIGKILL) at an exact point of its own
progress, so a kill test aims at a moment of the work rather than at a moment of the
clock, and lands there however fast or busy the machine is.

The points are *steps*, of the kinds asked for:

- ``sql``: just before each SQL statement runs, on any connection (SQLite's trace
  callback; a COMMIT that has not run has not happened);
- ``files``: just before each file-system rename, link or unlink (``os``'s functions);
- ``exit``: once the command has returned, with what it printed flushed (the user saw it).

A wrapper script does the counting around ``selftrust.cli.main``; the CLI knows nothing
of it. Each step is written to a log file before it runs, so after a kill the last line
says what was about to happen, and every line before it did happen.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

SQL, FILES, EXIT = "sql", "files", "exit"
ALL_KINDS = (SQL, FILES, EXIT)
EXIT_STEP = "exit"

WRAPPER = textwrap.dedent(
    """
    import os, signal, sqlite3, sqlite3.dbapi2, sys

    k, log, kinds = int(sys.argv[1]), open(sys.argv[2], "w", buffering=1), sys.argv[3]
    seen = 0

    def step(what):
        global seen
        seen += 1
        log.write(" ".join(str(what).split())[:200] + "\\n")
        if seen == k:
            sys.stdout.flush()
            sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    if "sql" in kinds:
        real_connect = sqlite3.connect

        def connect(*args, **kwargs):
            conn = real_connect(*args, **kwargs)
            conn.set_trace_callback(step)
            return conn

        sqlite3.connect = sqlite3.dbapi2.connect = connect
    if "files" in kinds:
        def wrap(name, real):
            def file_step(*args, **kwargs):
                step(name)
                return real(*args, **kwargs)
            return file_step

        for name in ("replace", "rename", "link", "unlink"):
            setattr(os, name, wrap(name, getattr(os, name)))
    from selftrust.cli import main
    code = main(sys.argv[4:])
    if "exit" in kinds:
        step("exit")
    sys.exit(code)
    """
)


def dying_command(k: int, log: Path, *args: str, kinds: tuple[str, ...] = ALL_KINDS
                  ) -> list[str]:
    """The command line of `selftrust ARGS` killing itself before step ``k`` (0: never)."""
    return [sys.executable, "-c", WRAPPER, str(k), str(log), ",".join(kinds), *args]


def steps_logged(log: Path) -> list[str]:
    """The steps the command reached, in order (after a kill, the last one did not run)."""
    return log.read_text().splitlines() if log.exists() else []
