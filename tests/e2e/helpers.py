"""Run `selftrust` against the code under test: in this process (the usual way, fast) or as
a real process (for what only a process shows: exit codes of the executable, start-up
imports, `python -m selftrust`, bytes on the command line, what reaches the terminal).

Both give a `subprocess.CompletedProcess` with ``returncode``, ``stdout`` and ``stderr``."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from typing import Any

import selftrust
from selftrust.cli import main
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace

SRC = Path(selftrust.__file__).resolve().parent.parent
NOW = "2026-11-24T12:00:00"

Run = Callable[..., subprocess.CompletedProcess[str]]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a `selftrust` process: this checkout's code, the test clock,
    offscreen Qt, and no data folder from the environment."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["SELFTRUST_NOW"] = NOW
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SELFTRUST_DATA_DIR", None)
    env.update(extra)
    return env


def _checked(args: tuple[str, ...], result: subprocess.CompletedProcess[str],
             ok: bool) -> subprocess.CompletedProcess[str]:
    if ok and result.returncode != 0:
        raise AssertionError(f"selftrust {' '.join(args)} failed:\n{result.stderr}")
    return result


def _data_args(data_dir: Path | None) -> list[str]:
    return ["--data-dir", str(data_dir)] if data_dir is not None else []


# --- in this process ----------------------------------------------------------------------


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """os.environ as a process started with ``env`` would see it; put back afterwards.

    Only the variables that differ are touched, so a thread reading the environment
    meanwhile (the kill harness starts processes) never sees it half-made."""
    before = dict(os.environ)
    _apply(env)
    try:
        yield
    finally:
        _apply(before)


def _apply(env: Mapping[str, str]) -> None:
    tz = os.environ.get("TZ")
    for name in [n for n in os.environ if n not in env]:
        os.environ.pop(name, None)
    for name, value in env.items():
        if os.environ.get(name) != value:
            os.environ[name] = value
    if os.environ.get("TZ") != tz and hasattr(time, "tzset"):
        time.tzset()


@contextmanager
def _fresh_logging() -> Iterator[None]:
    """Logging as a new process starts it: the command's log handler (added once per
    process) is removed and closed afterwards, so the next command logs to its own
    folder; the levels it set are put back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    font_level = logging.getLogger("fontTools").level
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        logging.getLogger("fontTools").setLevel(font_level)


def _stream(data: bytes = b"", errors: str = "strict") -> io.TextIOWrapper:
    """A text stream over bytes, as a pipe is: UTF-8, not a terminal, with a ``buffer``."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors,
                            write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    """What a reader in text mode sees (universal newlines, as subprocess gives)."""
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return io.TextIOWrapper(io.BytesIO(raw.getvalue()), encoding="utf-8").read()


_ONE_AT_A_TIME = threading.Lock()  # the streams and the environment are the process's own


def call_main(argv: list[str], env: Mapping[str, str],
              input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``selftrust.cli.main(argv)`` with the process's streams, environment and logging
    swapped for the call, as `subprocess.run(..., capture_output=True, text=True)` would."""
    stdin = _stream((input or "").encode())
    stdout, stderr = _stream(), _stream(errors="backslashreplace")
    saved_stdin = sys.stdin
    with _ONE_AT_A_TIME, _environment(env), _fresh_logging(), redirect_stdout(stdout), \
            redirect_stderr(stderr):
        sys.stdin = stdin
        try:
            code = main(argv)
        except SystemExit as exc:  # --help and --version end through argparse
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdin = saved_stdin
    return subprocess.CompletedProcess(["selftrust", *argv], code, _text(stdout), _text(stderr))


def make_runner(data: Path) -> Run:
    """Run `selftrust --data-dir DATA ...` in this process; ``ok`` asserts it succeeded."""

    def _run(*args: str, ok: bool = True, data_dir: Path | None = data, input: str | None = None,
             **env: str) -> subprocess.CompletedProcess[str]:
        result = call_main([*_data_args(data_dir), *args], cli_env(**env), input)
        return _checked(args, result, ok)

    return _run


# --- as a real process ----------------------------------------------------------------------


def make_process_runner(data: Path) -> Run:
    """Run `python -m selftrust --data-dir DATA ...` as a new process."""

    def _run(*args: str, ok: bool = True, data_dir: Path | None = data, input: str | None = None,
             **env: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "selftrust", *_data_args(data_dir), *args],
            input=input, capture_output=True, text=True, env=cli_env(**env), timeout=120,
        )
        return _checked(args, result, ok)

    return _run


# --- reading what it printed ----------------------------------------------------------------


def stats(run: Run, *args: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(run("stats", "--json", *args).stdout)
    return report


def by_title(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["title"]: c for c in report["commitments"]}


# --- data made once -------------------------------------------------------------------------


def copy_of(template: Path, data: Path) -> Run:
    """A runner on a copy of ``template`` (data a module builds once, each test changes its own)."""
    shutil.copytree(template, data)
    return make_runner(data)


def empty_data(data: Path) -> Path:
    """A data folder holding an empty Self-Trust database, as the app leaves a new one."""
    with open_workspace(data, FixedClock(datetime.fromisoformat(NOW))):
        pass
    return data
