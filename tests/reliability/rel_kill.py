"""A harness that kills `selftrust` commands with SIGKILL at random moments.

A *victim* describes one kind of write (check-ins, reflections, backups, imports): how
to prepare a data folder, the command of attempt n, whether the command reported the
change as saved, and what the database must hold afterwards. The harness runs attempts
one after another in the same folder, each time either letting the process finish or
killing it at a random moment of its life, and after every attempt checks a copy of
the database (the file and its -wal, so the check itself changes nothing the next
process sees):

- ``PRAGMA integrity_check`` is "ok" and ``PRAGMA foreign_key_check`` finds nothing;
- everything reported saved is there, and nothing half-done is (the victim's check);
- a run that was not killed exited 0: the folder still opens after all earlier kills.

Kills are aimed at a point of the command's own progress, not at a moment of the clock
(see rel_steps.py: before an SQL statement, before a file-system rename, link or unlink,
or once it has returned), so where they land does not depend on the machine's speed.
A few uninterrupted runs count a command's steps; half the kills aim anywhere in them,
half in their second part, where the writing happens. The full run (`make reliability`)
also kills a share at random moments of the command's measured life time
(``rel_scale.TIMED_KILLS``), which can land inside SQLite's own writing of a commit.
Each kill is classified by whether its change had reached the database ("after
commit") or not.
"""

from __future__ import annotations

import math
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tests.e2e.helpers import cli_env, make_runner
from tests.reliability.rel_scale import CALIBRATION_RUNS, TIMED_KILLS
from tests.reliability.rel_steps import dying_command, steps_logged


@dataclass
class Step:
    """One attempt: the command line (after --data-dir), extra environment and what it
    is meant to change (the victim's own description)."""

    n: int
    args: list[str]
    expect: Any = None
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None


@dataclass
class Outcome:
    step: Step
    killed: bool
    reported: bool
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    steps: int = 0  # the steps it reached (see rel_steps.py)
    landed: bool | None = None  # did the change reach the database (kills only)


class Victim(Protocol):
    name: str

    def prepare(self, data: Path, run: Callable[..., subprocess.CompletedProcess[str]]) -> None:
        """Set the folder up with uninterrupted commands."""

    def step(self, n: int, rng: random.Random) -> Step: ...

    def reported(self, outcome: Outcome) -> bool:
        """True if the command told the user its change was saved."""

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        """Assert what the database (a checked copy) must hold after ``history``."""

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        """Whether this step's change is in the database (to classify a kill)."""

    # Optional: ``before_attempt(data)`` runs before every attempt (e.g. to start each
    # import from the same data folder).


@dataclass
class KillFigures:
    victim: str
    attempts: int = 0
    kills: int = 0
    kills_after_commit: int = 0
    completed: int = 0
    reported_saved: int = 0
    checks: int = 0
    seconds: float = 0.0
    life_ms: list[float] = field(default_factory=list)

    def merge(self, other: KillFigures) -> None:
        self.attempts += other.attempts
        self.kills += other.kills
        self.kills_after_commit += other.kills_after_commit
        self.completed += other.completed
        self.reported_saved += other.reported_saved
        self.checks += other.checks
        self.seconds = max(self.seconds, other.seconds)
        self.life_ms.extend(other.life_ms)


def runner(data: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `selftrust --data-dir DATA ...` to completion; fail loudly if it fails.

    In this process: setting up and checking are not what is killed (the attempts are
    real processes, see ``_attempt``)."""
    run_cli = make_runner(data)

    def run(*args: str, ok: bool = True, input_bytes: bytes | None = None,
            **env: str) -> subprocess.CompletedProcess[str]:
        text = input_bytes.decode() if input_bytes is not None else None
        return run_cli(*args, ok=ok, input=text, **env)

    return run


def database_copy(data: Path, scratch: Path) -> Path:
    """Copy the database with its -wal into ``scratch`` (what the next open would see)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    source = data / "selftrust.db"
    for suffix in ("", "-wal"):
        part = source.with_name(source.name + suffix)
        if part.exists():
            shutil.copyfile(part, scratch / part.name)
    return scratch / source.name


def assert_healthy(conn: sqlite3.Connection, what: str = "the database") -> None:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    assert problems == ["ok"], f"{what} fails its integrity check: {problems[:3]}"
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    assert not broken, f"{what} has broken references: {broken[:3]}"


class KillHarness:
    def __init__(self, root: Path, make_victim: Callable[[], Victim], *, kills: int,
                 seed: int, workers: int = 1) -> None:
        self.root = root
        self.make_victim = make_victim
        self.kills = kills
        self.seed = seed
        self.workers = max(1, min(workers, kills))

    def run(self) -> KillFigures:
        shares = [self.kills // self.workers + (1 if w < self.kills % self.workers else 0)
                  for w in range(self.workers)]
        if self.workers == 1:
            results = [self._worker(0, shares[0])]
        else:
            with ThreadPoolExecutor(self.workers) as pool:
                results = list(pool.map(self._worker, range(self.workers), shares))
        total = KillFigures(results[0].victim)
        for r in results:
            total.merge(r)
        return total

    # --- one folder, many attempts --------------------------------------------------
    def _worker(self, w: int, kills: int) -> KillFigures:
        started = time.perf_counter()
        victim = self.make_victim()
        figures = KillFigures(victim.name)
        rng = random.Random(self.seed * 1000 + w)
        data = self.root / f"worker-{w}" / "data"
        scratch = Path(tempfile.mkdtemp(prefix="check-", dir=self.root))
        victim.prepare(data, runner(data))
        history: list[Outcome] = []
        n = 0
        lives: list[float] = []
        steps: list[int] = []
        while len(lives) < CALIBRATION_RUNS:
            outcome = self._attempt(data, victim.step(n, rng), None, None, victim)
            n += 1
            history.append(outcome)
            lives.append(outcome.seconds)
            steps.append(outcome.steps)
            self._verify(victim, data, scratch, history, figures)
        life = statistics.median(lives)
        points = max(steps)
        figures.life_ms = [round(x * 1000) for x in lives]
        limit = kills * 4 + 50  # aims past a shorter run's last step let it finish instead
        while figures.kills < kills:
            if n > limit:
                raise AssertionError(f"only {figures.kills} of {kills} kills landed in "
                                     f"{n} attempts; the command ran out of steps first")
            late = rng.random() >= 0.5
            aim: int | None = None
            delay: float | None = None
            if rng.random() < TIMED_KILLS:
                delay = (rng.uniform(0.55 * life, 1.0 * life) if late
                         else rng.uniform(0.0, 1.05 * life))
            else:
                aim = rng.randint(math.ceil(0.55 * points) if late else 1, points)
            outcome = self._attempt(data, victim.step(n, rng), aim, delay, victim)
            n += 1
            history.append(outcome)
            self._verify(victim, data, scratch, history, figures)
        figures.attempts = n
        figures.completed = sum(1 for o in history if not o.killed)
        figures.reported_saved = sum(1 for o in history if o.reported)
        figures.seconds = time.perf_counter() - started
        shutil.rmtree(scratch, ignore_errors=True)
        return figures

    def _attempt(self, data: Path, step: Step, aim: int | None, delay: float | None,
                 victim: Victim) -> Outcome:
        """Run one step's command: to the end, killed before its ``aim``-th step, or
        killed ``delay`` seconds after it started."""
        before_attempt = getattr(victim, "before_attempt", None)
        if before_attempt is not None:
            before_attempt(data)
        env = cli_env(**step.env)
        stdin_file = None
        if step.stdin is not None:
            stdin_path = data.parent / f"stdin-{step.n}"
            stdin_path.write_bytes(step.stdin)
            stdin_file = stdin_path.open("rb")
        log = data.parent / f"steps-{step.n}"
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                dying_command(aim or 0, log, "--data-dir", str(data), *step.args),
                stdin=stdin_file or subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
            )
        finally:
            if stdin_file is not None:
                stdin_file.close()
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
        seconds = time.perf_counter() - start
        # Killed by its aim or by the signal above; either may come after it finished.
        killed = proc.returncode == -signal.SIGKILL
        outcome = Outcome(step, killed, False, proc.returncode,
                          out.decode(errors="replace"), err.decode(errors="replace"), seconds,
                          steps=len(steps_logged(log)))
        log.unlink(missing_ok=True)
        if not outcome.killed:
            assert proc.returncode == 0, (
                f"{victim.name} attempt {step.n} ({' '.join(step.args)}) failed after earlier "
                f"kills (exit {proc.returncode}):\n{outcome.stderr}"
            )
        outcome.reported = victim.reported(outcome)
        if not outcome.killed:
            assert outcome.reported, f"finished without saying it saved: {outcome.stdout!r}"
        return outcome

    def _verify(self, victim: Victim, data: Path, scratch: Path, history: list[Outcome],
                figures: KillFigures) -> None:
        last = history[-1]
        copy = database_copy(data, scratch)
        assert copy.exists(), f"the database is gone after {victim.name} attempt {last.step.n}"
        conn = sqlite3.connect(copy)
        try:
            assert_healthy(conn, f"the database after {victim.name} attempt {last.step.n}")
            victim.check(conn, data, history)
            if last.killed:
                figures.kills += 1
                last.landed = victim.landed(conn, last.step)
                figures.kills_after_commit += int(bool(last.landed))
        finally:
            conn.close()
        figures.checks += 1

