"""Running one of our own commands (`selftrust loop pull --json …`, later `selftrust sync
--json`) as a short-lived process, for work the window starts on its own.

Why a process and not a thread: the command opens the data folder through its own
connection and commits as any outside writer does, so the window learns of it the way
it learns of `selftrust check` typed in a terminal (``outside_changes``), and nothing
it does can hold the window's connection or the GUI thread. The command prints one
JSON object; the job parses it and reports on the GUI thread: ``succeeded(dict)`` or
``failed(str)`` with the one line the command printed to say why.

One job never runs twice at once: asking again while it runs remembers to run once
more when it ends (with the arguments of the latest ask), so a burst of asks costs at
most one extra run.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

import selftrust
from selftrust.base import i18n
from selftrust.base.i18n import _

log = logging.getLogger(__name__)

TIMEOUT_MS = 120_000


def cli_program(frozen: bool | None = None, executable: str | None = None
                ) -> tuple[str, list[str]]:
    """The program and leading arguments that run `selftrust` as this app is installed.

    A frozen (PyInstaller) app is itself the `selftrust` command and takes the same
    sub-commands (packaging/selftrust_entry.py); on Windows the GUI executable has no
    standard output, so the console twin `selftrust-cli.exe` beside it is used when
    there. Otherwise this Python runs the package (``-m selftrust``)."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    executable = executable or sys.executable
    if frozen:
        console = Path(executable).with_name(
            "selftrust-cli.exe" if os.name == "nt" else "selftrust-cli")
        return (str(console) if console.is_file() else executable), []
    return executable, ["-m", "selftrust"]


def _environment() -> QProcessEnvironment:
    """This environment, with the package the window runs first on the import path (a
    checkout run from source must not start an installed, older copy), speaking the
    window's language (the one line a refusal prints is shown in the window)."""
    env = QProcessEnvironment.systemEnvironment()
    env.insert(i18n.ENV_VAR, i18n.language())
    if not getattr(sys, "frozen", False):
        src = str(Path(selftrust.__file__).resolve().parent.parent)
        rest = env.value("PYTHONPATH", "")
        env.insert("PYTHONPATH", src + (os.pathsep + rest if rest else ""))
    env.insert("PYTHONIOENCODING", "utf-8")
    return env


class CliJob(QObject):
    """One kind of command for one data folder, run on demand, one run at a time."""

    started = Signal()
    succeeded = Signal(object)  # the parsed JSON object
    failed = Signal(str)  # one line for people

    def __init__(self, data_dir: Path | None, parent: QObject | None = None, *,
                 timeout_ms: int = TIMEOUT_MS) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._process: QProcess | None = None
        self._again: list[str] | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(timeout_ms)
        self._timeout.timeout.connect(self._too_long)
        self._timed_out = False
        self.exit_code: int | None = None
        """The code the last command that refused ended with (``failed``); None if it
        did not end by itself (never started, stopped, crashed)."""

    @property
    def running(self) -> bool:
        return self._process is not None

    def run(self, args: Sequence[str]) -> bool:
        """Start ``selftrust [--data-dir D] ARGS``; False when a run is under way (this
        ask then runs once it ends)."""
        if self._process is not None:
            self._again = list(args)
            return False
        program, lead = cli_program()
        data = ["--data-dir", str(self.data_dir)] if self.data_dir is not None else []
        process = QProcess(self)
        process.setProcessEnvironment(_environment())
        process.setProgram(program)
        process.setArguments([*lead, *data, *args])
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._timed_out = False
        log.info("running selftrust %s", " ".join(args))
        process.start()
        self._timeout.start()
        self.started.emit()
        return True

    def finish(self, within_ms: int) -> bool:
        """Wait, blocking, for the run under way and the one asked for meanwhile, for at
        most ``within_ms`` (the window's last pass as it closes); a run still going then
        is stopped. True when everything asked for ran to its end."""
        deadline = time.monotonic() + within_ms / 1000
        while self._process is not None:
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                break
            self._process.waitForFinished(left)
        done = self._process is None
        self.stop()
        return done

    def stop(self) -> None:
        """End a run under way (the window is closing); its command leaves no half-done
        change behind (each command is one transaction)."""
        self._again = None
        process = self._process
        if process is None:
            return
        self._process = None
        self._timeout.stop()
        process.finished.disconnect(self._finished)
        process.errorOccurred.disconnect(self._error)
        process.kill()
        process.waitForFinished(3_000)
        process.deleteLater()

    def _too_long(self) -> None:
        if self._process is not None:
            self._timed_out = True
            self._process.kill()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            process = self._process
            self._done(process)
            self.exit_code = None
            # TRANSLATORS: {reason} is the system's own words (often English).
            self.failed.emit(_("Self-Trust could not start its helper command "
                               "({reason}).").format(reason=process.errorString()))

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        self._done(process)
        self.exit_code = None
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        if self._timed_out:
            self.failed.emit(_("It took too long and was stopped; nothing half-done was "
                               "kept."))
        elif status != QProcess.ExitStatus.NormalExit or code != 0:
            self.exit_code = code if status == QProcess.ExitStatus.NormalExit else None
            self.failed.emit(_one_line(err) or _(
                "Self-Trust could not start its helper command (it ended with code "
                "{code}).").format(code=code))
        else:
            try:
                result: Any = json.loads(out)
            except ValueError:
                log.warning("selftrust printed no JSON: %r", out[:200])
                self.failed.emit(_("Self-Trust could not start its helper command (it "
                                   "answered in a way not understood)."))
            else:
                self.succeeded.emit(result)
        self._next()

    def _done(self, process: QProcess) -> None:
        self._timeout.stop()
        self._process = None
        process.deleteLater()

    def _next(self) -> None:
        again, self._again = self._again, None
        if again is not None:
            self.run(again)


def _one_line(stderr: str) -> str:
    """The command's last line to stderr, without its "selftrust loop:" prefix."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    head, sep, rest = last.partition(": ")
    if sep and head.startswith("selftrust") and len(head.split()) <= 2:
        return rest
    return last
