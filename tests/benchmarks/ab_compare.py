"""Two source trees of Self-Trust compared: start-up to a painted Today, and the peak
memory of opening the charts, as whole processes run turn about (medians and ratios).

    python tests/benchmarks/ab_compare.py BEFORE_TREE AFTER_TREE DATA_DIR [ROUNDS]

e.g. a worktree of the commit before a change against the checkout, on a folder of
`make bench` demo data (.bench-data/demo-c20-y10-*/data). Each tree runs from its own
src/ with its own bytecode cache, in the C locale (English), on its own copy of the data,
so the two differ only in their code. Issue 16 used it: languages may cost start-up and
memory at most 3 %.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _env(tree: Path, work: Path, name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SELFTRUST_", "LC_")) and k != "LANGUAGE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree / "src"), LANG="C.UTF-8",
               PYTHONPYCACHEPREFIX=str(work / f"pyc-{name}"), SELFTRUST_NOW="2026-11-24T12:00",
               XDG_CONFIG_HOME=str(work / f"cfg-{name}"), XDG_DATA_HOME=str(work / f"xdg-{name}"))
    return env


def _start(env: dict[str, str], data: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one start to a painted Today and out."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "selftrust", "--data-dir", str(data),
                    "--exit-after-startup"], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _peak(tree: Path, env: dict[str, str], data: Path, prefs: Path) -> float:
    """Peak resident MB of a process that opens Today, then the growth chart."""
    out = subprocess.run([sys.executable, str(tree / "tests/benchmarks/charts_probe.py"),
                          str(data), str(prefs), "growth", "all"],
                         env=env, check=True, capture_output=True, text=True)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["peak_mb"])


def main(argv: list[str]) -> int:
    trees = {"before": Path(argv[0]).resolve(), "after": Path(argv[1]).resolve()}
    rounds = int(argv[3]) if len(argv) > 3 else 11
    work = Path(tempfile.mkdtemp(prefix="selftrust-ab-"))
    try:
        data = {name: work / name for name in trees}
        env = {name: _env(tree, work, name) for name, tree in trees.items()}
        for name in trees:
            shutil.copytree(argv[2], data[name])
            for _warm in range(2):  # bytecode caches, the kept Today headings
                _start(env[name], data[name])
        wall: dict[str, list[float]] = {n: [] for n in trees}
        cpu: dict[str, list[float]] = {n: [] for n in trees}
        peak: dict[str, list[float]] = {n: [] for n in trees}
        for i in range(rounds):
            order = list(trees) if i % 2 == 0 else list(reversed(trees))
            for name in order:
                w, c = _start(env[name], data[name])
                wall[name].append(w)
                cpu[name].append(c)
            if i < 5:
                for name in order:
                    peak[name].append(_peak(trees[name], env[name], data[name],
                                            work / f"prefs-{name}.ini"))
        for name in trees:
            print(f"{name}: start-up {1000 * statistics.median(wall[name]):.0f} ms wall, "
                  f"{1000 * statistics.median(cpu[name]):.0f} ms CPU; "
                  f"peak with charts {statistics.median(peak[name]):.1f} MB")

        def ratio(figures: dict[str, list[float]]) -> float:
            return statistics.median(figures["after"]) / statistics.median(figures["before"])

        paired = statistics.median(a / b for a, b in zip(wall["after"], wall["before"],
                                                          strict=True))
        print(f"after ÷ before: start-up {ratio(wall):.3f} wall, {ratio(cpu):.3f} CPU "
              f"(paired {paired:.3f}); peak memory {ratio(peak):.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
