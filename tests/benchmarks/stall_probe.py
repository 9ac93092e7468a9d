"""The longest stall of the window's event loop, through a short day of use.

A QTimer ticks every 5 ms in the app's own process; the longest gap between two ticks
is the longest time the window could not answer. The probe starts the app as a person
does (``run_gui``: Today, the tray, the daily backup 1.5 s after the first paint),
then waits for the daily backup (made due by removing the day's backup from the
copy), checks a commitment off with Space, shows Streaks, Jar, Charts, Reflections
and Today again, and has ``selftrust check`` in another process write a check-in
that the window then merges. Each phase reports its own longest gap.

    python tests/benchmarks/stall_probe.py --size 20x10          # JSON on stdout
    python tests/benchmarks/stall_probe.py DATA_DIR --profile OUT.prof

From Python (run_bench), ``measure(size=(20, 10))`` or ``measure(data_dir=…)`` runs
the probe in a fresh process on a private copy and returns the figures as a dict:
``longest_ms``, ``phases`` (phase → longest gap in ms), ``worst`` (the five longest
gaps with their phase), ``first_tick_s`` (process start to the loop's first tick).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BENCH_NOW = "2026-11-24T12:00:00"
TICK_MS = 5
SETTLE_MS = 400
VIEWS = ("streaks", "jar", "charts", "reflections", "today")


def measure(*, size: tuple[int, int] | None = None, data_dir: Path | None = None,
            profile: Path | None = None, timeout: float = 300) -> dict[str, Any]:
    """Run the probe in a fresh process on a private copy of ``data_dir`` (or of the
    cached demo data of ``size``) and return its figures."""
    if data_dir is None:
        sys.path.insert(0, str(HERE))
        from bench_data import demo_folder

        commitments, years = size or (20, 10)
        data_dir = demo_folder(commitments, years)
    with tempfile.TemporaryDirectory(prefix="stall-probe-") as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data_dir, copy)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["SELFTRUST_NOW"] = BENCH_NOW
        env["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")  # never the user's settings
        env.pop("SELFTRUST_DATA_DIR", None)
        command = [sys.executable, str(Path(__file__).resolve()), str(copy)]
        if profile is not None:
            command += ["--profile", str(profile)]
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"stall probe failed:\n{result.stderr[-4000:]}")
        figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    if size is not None:
        figures["size"] = f"{size[0]}x{size[1]}"
    return figures


class _Recorder:
    """Records the gaps between the timer's ticks, per phase."""

    def __init__(self) -> None:
        self.phase = "start"
        self.last: float | None = None
        self.first: float | None = None
        self.phases: dict[str, float] = {}
        self.gaps: list[tuple[float, str, float]] = []  # (gap s, phase, at s)

    def tick(self) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        if self.last is not None:
            gap = now - self.last
            self.phases[self.phase] = max(self.phases.get(self.phase, 0.0), gap)
            self.gaps.append((gap, self.phase, now - STARTED))
        self.last = now

    def figures(self) -> dict[str, Any]:
        worst = sorted(self.gaps, reverse=True)[:5]
        return {
            "tick_ms": TICK_MS,
            "longest_ms": round(max((g for g, _, _ in self.gaps), default=0.0) * 1000, 1),
            "phases": {k: round(v * 1000, 1) for k, v in self.phases.items()},
            "worst": [{"phase": p, "ms": round(g * 1000, 1), "at_s": round(at, 2)}
                      for g, p, at in worst],
            "first_tick_s": round((self.first or STARTED) - STARTED, 3),
        }


def _run(data_dir: Path) -> dict[str, Any]:
    from datetime import datetime

    from probe_steps import Step, walk  # beside this script
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from selftrust.services.clock import FixedClock
    from selftrust.ui.shell import launch
    from selftrust.ui.shell.main_window import MainWindow

    for daily in (data_dir / "backups").glob("selftrust-????-??-??.db"):
        daily.unlink()  # the day's backup is due, as on the first start of a day
    app = launch.make_application()
    recorder = _Recorder()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(recorder.tick)
    timer.start()
    state: dict[str, Any] = {"backup": False, "merged": False, "error": None}
    steps: list[Step] = []

    def window() -> MainWindow:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0]

    def hook_window() -> None:
        win = window()
        done = getattr(win, "daily_backup_done", None)
        if done is not None:
            done.connect(lambda _result: state.update(backup=True))
        else:  # a version that backs up on the window's thread says nothing: wait for it
            QTimer.singleShot(launch.BACKUP_DELAY_MS + 3000, lambda: state.update(backup=True))
        win.outside.noticed.connect(lambda: state.update(merged=True))

    def today_rows() -> list[Any]:
        return list(window().page("today").model.items())  # type: ignore[attr-defined]

    def check_off() -> None:
        view = window().page("today")
        state["row_before"] = today_rows()[0].status
        view.list.setCurrentIndex(view.model.index(0, 0))  # type: ignore[attr-defined]
        QTest.keyClick(view.list, Qt.Key.Key_Space)  # type: ignore[attr-defined]

    def outside_check_in() -> None:
        rows = today_rows()[1:] or today_rows()  # row 0 was checked off in the window
        open_rows = [item for item in rows if item.status is None]
        # A change for certain: an open row marked missed, else a recorded one cleared.
        change = [open_rows[0].title, "--missed"] if open_rows else [rows[0].title, "--clear"]
        env = dict(os.environ, SELFTRUST_NOW=BENCH_NOW)
        state["cli"] = subprocess.Popen(
            [sys.executable, "-m", "selftrust", "--data-dir", str(data_dir), "check", *change],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def cli_done_and_merged() -> bool:
        cli: subprocess.Popen[str] = state["cli"]
        if cli.poll() is None:
            return False
        if cli.returncode != 0:
            state["error"] = f"selftrust check failed: {cli.stderr.read() if cli.stderr else ''}"
            return True
        return bool(state["merged"])

    steps.append(Step("start", hook_window, lambda: True, 1200))
    steps.append(Step("daily backup", lambda: None, lambda: bool(state["backup"]), SETTLE_MS))
    steps.append(Step("check-off", check_off,
                      lambda: today_rows()[0].status != state["row_before"], SETTLE_MS))
    for key in VIEWS:
        steps.append(Step(f"view {key}", lambda k=key: window().go_to_view(k), lambda: True,
                          1500 if key == "charts" else SETTLE_MS))
    steps.append(Step("outside change", outside_check_in, cli_done_and_merged, SETTLE_MS))

    def enter(step: Step) -> None:
        recorder.phase = step.name

    walk(app, steps, state, on_step=enter)
    clock = FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone())
    code = launch.run_gui(data_dir, clock=clock)
    figures = recorder.figures()
    figures["exit_code"] = code
    if state["error"]:
        figures["error"] = state["error"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path,
                        help="a data folder to use AS IS (it is written to); else --size")
    parser.add_argument("--size", help="COMMITMENTSxYEARS of cached demo data, e.g. 20x10")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    args = parser.parse_args(argv)
    if args.data_dir is None:
        commitments, years = (int(x) for x in (args.size or "20x10").split("x"))
        print(json.dumps(measure(size=(commitments, years), profile=args.profile)))
        return 0
    if args.profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        figures = profiler.runcall(_run, args.data_dir)
        profiler.dump_stats(args.profile)
    else:
        figures = _run(args.data_dir)
    print(json.dumps(figures))  # an "error" in the figures says which step failed
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
