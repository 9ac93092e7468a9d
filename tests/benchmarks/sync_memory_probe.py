"""The window's own peak memory with sync on and off, through the same short use.

The probe starts the app as a person does (``run_gui``, offscreen) on a copy of demo
data, checks a commitment off with Space, and has another process write a check-in that
the window then shows. With ``--sync``, the data was set up to sync with a folder that a
second data folder ("Laptop") joined beforehand: the window's follower catches up, sends
the check-off and merges the Laptop's check-in, each pass a short ``selftrust sync``
process; without it, the outside check-in is written straight into the data folder.
At the end the window reads its own peak resident size (``ru_maxrss``; the passes'
processes are not part of it).

    python tests/benchmarks/sync_memory_probe.py --size 20x10 [--sync]   # JSON on stdout

From Python, ``measure(size=(20, 10), sync=True)`` runs the probe in a fresh process
on private copies and returns ``{"peak_mb": …, "passes": …}``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BENCH_NOW = "2026-11-24T12:00:00"
SETTLE_MS = 500


def _env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SELFTRUST_NOW"] = BENCH_NOW
    env["XDG_CONFIG_HOME"] = str(scratch / "config")  # never the user's settings
    env.pop("SELFTRUST_DATA_DIR", None)
    return env


def cli(env: dict[str, str], data: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "selftrust", "--data-dir", str(data), *args],
                            env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"selftrust {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def measure(*, size: tuple[int, int] = (20, 10), sync: bool,
            timeout: float = 300) -> dict[str, Any]:
    """Run the probe in a fresh process on private copies of the cached demo data."""
    sys.path.insert(0, str(HERE))
    from bench_data import demo_folder

    with tempfile.TemporaryDirectory(prefix="sync-memory-") as scratch_name:
        scratch = Path(scratch_name)
        env = _env(scratch)
        desk = scratch / "desk"
        shutil.copytree(demo_folder(*size), desk)
        command = [sys.executable, str(Path(__file__).resolve()), str(desk)]
        if sync:
            folder, laptop = scratch / "Sync", scratch / "laptop"
            folder.mkdir()
            cli(env, desk, "sync", "--folder", str(folder), "--device-name", "Desk")
            cli(env, laptop, "sync", "--folder", str(folder), "--device-name", "Laptop")
            command += ["--laptop", str(laptop)]
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"sync memory probe failed:\n{result.stderr[-4000:]}")
        figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["size"] = f"{size[0]}x{size[1]}"
    return figures


def _run(data_dir: Path, laptop: Path | None) -> dict[str, Any]:
    from datetime import datetime

    from probe_steps import Step, walk  # beside this script
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from selftrust.services.clock import FixedClock
    from selftrust.ui.shell import launch
    from selftrust.ui.shell.main_window import MainWindow

    app = launch.make_application()
    state: dict[str, Any] = {"passes": 0, "merged": False, "error": None}
    env = dict(os.environ)

    def window() -> MainWindow:
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    def rows() -> list[Any]:
        return list(window().page("today").model.items())  # type: ignore[attr-defined]

    def start() -> None:
        win = window()
        win.outside.noticed.connect(lambda: state.update(merged=True))
        win.sync.merged.connect(lambda _words: state.update(merged=True))
        win.sync.job.started.connect(lambda: state.update(passes=state["passes"] + 1))
        if laptop is not None:
            win.sync.refresh_status()  # as on a start with sync remembered on

    def follower_idle() -> bool:
        follower = window().sync
        return not follower.busy and not follower._send.isActive()

    def started() -> bool:
        if laptop is None:
            return True
        follower = window().sync
        return follower.last is not None and follower_idle()  # caught up

    def check_off() -> None:
        view = window().page("today")
        state["before"] = rows()[0].status
        view.list.setCurrentIndex(view.model.index(0, 0))  # type: ignore[attr-defined]
        QTest.keyClick(view.list, Qt.Key.Key_Space)  # type: ignore[attr-defined]
        state["sent_from"] = state["passes"]

    def checked_off() -> bool:
        if rows()[0].status == state["before"]:
            return False
        return laptop is None or (state["passes"] > state["sent_from"] and follower_idle())

    def outside_check_in() -> None:
        open_rows = [item for item in rows()[1:] if item.status is None]
        title = (open_rows or rows()[1:])[0].title
        state["merged"] = False
        if laptop is None:
            cli(env, data_dir, "check", title, "--missed")
        else:
            cli(env, laptop, "check", title, "--missed")
            cli(env, laptop, "sync")

    def merged() -> bool:
        return bool(state["merged"]) and (laptop is None or follower_idle())

    steps = [
        Step("start", start, started, SETTLE_MS),
        Step("check-off", check_off, checked_off, SETTLE_MS),
        Step("outside change", outside_check_in, merged, SETTLE_MS),
    ]
    walk(app, steps, state, first_ms=1500, poll_ms=50, timeout_s=120)
    clock = FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone())
    code = launch.run_gui(data_dir, clock=clock)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    figures: dict[str, Any] = {"peak_mb": round(peak_kb / 1024, 1), "passes": state["passes"],
                               "exit_code": code}
    if state["error"]:
        figures["error"] = state["error"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path,
                        help="a data folder to use AS IS (it is written to); else --size")
    parser.add_argument("--laptop", type=Path, help="the other device's data (sync on)")
    parser.add_argument("--size", help="COMMITMENTSxYEARS of cached demo data, e.g. 20x10")
    parser.add_argument("--sync", action="store_true", help="with --size: sync on")
    args = parser.parse_args(argv)
    if args.data_dir is None:
        commitments, years = (int(x) for x in (args.size or "20x10").split("x"))
        print(json.dumps(measure(size=(commitments, years), sync=args.sync)))
        return 0
    print(json.dumps(_run(args.data_dir, args.laptop)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
