"""Run `selftrust` as a real process, against the code under test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import selftrust

SRC = Path(selftrust.__file__).resolve().parent.parent
NOW = "2026-11-24T12:00:00"


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["SELFTRUST_NOW"] = NOW
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SELFTRUST_DATA_DIR", None)
    env.update(extra)
    return env


Run = Callable[..., subprocess.CompletedProcess[str]]


def make_runner(data: Path) -> Run:

    def _run(*args: str, ok: bool = True, data_dir: Path | None = data,
             **env: str) -> subprocess.CompletedProcess[str]:
        prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
        result = subprocess.run(
            [sys.executable, "-m", "selftrust", *prefix, *args],
            capture_output=True,
            text=True,
            env=cli_env(**env),
            timeout=120,
        )
        if ok and result.returncode != 0:
            raise AssertionError(f"selftrust {' '.join(args)} failed:\n{result.stderr}")
        return result

    return _run


def stats(run: Run, *args: str) -> dict[str, Any]:
    return json.loads(run("stats", "--json", *args).stdout)


def by_title(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["title"]: c for c in report["commitments"]}
