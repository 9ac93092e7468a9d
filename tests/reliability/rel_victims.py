"""The writes the kill harness interrupts: check-ins, reflections, the daily backup and
restores. Each victim keeps just enough of a model to say what the database may hold
after any mix of finished and killed attempts."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.reliability.rel_kill import Outcome, Step, assert_healthy

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 12, 0)
Run = Callable[..., Any]

CheckinKey = tuple[str, str]  # (title, ISO day)
CheckinState = tuple[str, float | None, str | None] | None  # (status, value, note) or absent


def stored_checkins(conn: sqlite3.Connection) -> dict[CheckinKey, CheckinState]:
    rows = conn.execute(
        "SELECT c.title, k.day, k.status, k.value, k.note FROM checkin k "
        "JOIN commitment c ON c.id = k.commitment_id"
    )
    return {(t, d): (s, v, n) for t, d, s, v, n in rows}


def allowed_states(history: Sequence[Outcome], key: Any, initial: Any) -> list[Any]:
    """What a key may hold: the last reported state, or any state attempted after it
    (a killed attempt may or may not have committed before it died)."""
    attempts = [o for o in history if o.step.expect[0] == key]
    last_reported = max((i for i, o in enumerate(attempts) if o.reported), default=None)
    if last_reported is None:
        return [initial, *(o.step.expect[1] for o in attempts)]
    return [o.step.expect[1] for o in attempts[last_reported:]]


def check_checkins(conn: sqlite3.Connection, history: Sequence[Outcome]) -> None:
    """Every attempted (title, day) holds an allowed state; no other check-in exists."""
    stored = stored_checkins(conn)
    keys = {o.step.expect[0] for o in history}
    stray = set(stored) - keys
    assert not stray, f"check-ins nobody asked for: {sorted(stray)[:3]}"
    for key in keys:
        allowed = allowed_states(history, key, None)
        assert stored.get(key) in allowed, (
            f"{key} holds {stored.get(key)!r}; after the reported saves it may only hold "
            f"one of {allowed!r}"
        )


class CheckinVictim:
    """`selftrust check` on a fortnight of days: kept, missed, skipped, amounts, clears,
    with a note naming the attempt, so a stored row says which attempt wrote it."""

    name = "check-ins"
    titles = ("Walk", "Read")

    def prepare(self, data: Path, run: Run) -> None:
        run("add", "Walk", "--start", "2020-01-01")
        run("add", "Read", "--measurable", "pages", "--target", "10", "--start", "2020-01-01")

    def step(self, n: int, rng: random.Random) -> Step:
        title = rng.choice(self.titles)
        day = (TODAY - timedelta(days=rng.randrange(14))).isoformat()
        action = rng.choice(("kept", "missed", "skipped", "clear", "kept"))
        note = f"kill {n}"
        args = ["check", title, "--day", day]
        state: CheckinState
        if action == "clear":
            args.append("--clear")
            state = None
        elif action == "kept" and title == "Read":
            value = float(rng.randrange(0, 30))
            args += ["--value", str(value), "--note", note]
            state = ("kept", value, note)
        elif action == "kept":
            args += ["--note", note]
            state = ("kept", None, note)
        else:
            args += [f"--{action}", "--note", note]
            state = (action, None, note)
        return Step(n, args, ((title, day), state))

    def reported(self, outcome: Outcome) -> bool:
        return outcome.returncode == 0 and (
            outcome.stdout.startswith("Saved:") or outcome.stdout.startswith("Cleared")
        )

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        check_checkins(conn, history)

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        key, state = step.expect
        return stored_checkins(conn).get(key) == state


PARTS = ("happened", "owning", "friend", "learned", "next_step")
FLAGS = {"owning": "--owning", "friend": "--friend", "learned": "--learned",
         "next_step": "--next-step"}


class ReflectionVictim:
    """`selftrust reflect`, on missed days (repairing them), other days and free ones;
    some long (a 20,000-character part read from standard input)."""

    name = "reflections"

    def prepare(self, data: Path, run: Run) -> None:
        run("add", "Walk", "--start", "2020-01-01")
        for back in range(0, 14, 2):
            run("check", "Walk", "--day", (TODAY - timedelta(days=back)).isoformat(), "--missed")

    def step(self, n: int, rng: random.Random) -> Step:
        day = (TODAY - timedelta(days=rng.randrange(14))).isoformat()
        title = "Walk" if rng.random() < 0.75 else None
        parts = {p: f"r{n} {p} — honest words" for p in PARTS}
        stdin = None
        args = ["reflect", *([title] if title else []), "--day", day]
        if rng.random() < 0.2:
            head = f"r{n} happened "
            parts["happened"] = head + ("a long evening, " * 1250)[: 20_000 - len(head)].strip()
            args += ["--text-file", "-"]
            stdin = parts["happened"].encode()
        else:
            args += ["--happened", parts["happened"]]
        for part, flag in FLAGS.items():
            if rng.random() < 0.8:
                args += [flag, parts[part]]
            else:
                parts[part] = ""
        return Step(n, args, (n, {"day": day, "title": title, **parts}), stdin=stdin)

    def reported(self, outcome: Outcome) -> bool:
        return outcome.returncode == 0 and outcome.stdout.startswith("Saved your reflection")

    def _stored(self, conn: sqlite3.Connection) -> list[dict[str, Any]]:
        rows = conn.execute(
            "SELECT r.day, c.title, r.checkin_id, r.happened, r.owning, r.friend, r.learned, "
            "r.next_step, r.commitment_id FROM reflection r "
            "LEFT JOIN commitment c ON c.id = r.commitment_id"
        )
        out = []
        for day, title, checkin_id, *parts, cid in rows:
            out.append({"day": day, "title": title, "checkin_id": checkin_id, "cid": cid,
                        **{p: v or "" for p, v in zip(PARTS, parts, strict=True)}})
        return out

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        by_n = {o.step.expect[0]: o for o in history}
        seen: set[int] = set()
        checkin_ids = {
            (cid, day): kid for kid, cid, day in conn.execute(
                "SELECT id, commitment_id, day FROM checkin")
        }
        for row in self._stored(conn):
            n = int(row["happened"].split(" ", 1)[0][1:])
            assert n not in seen, f"reflection {n} was saved twice"
            seen.add(n)
            wanted = by_n[n].step.expect[1]
            got = {k: row[k] for k in ("day", "title", *PARTS)}
            assert got == wanted, f"reflection {n} is not as written: {got} != {wanted}"
            if row["cid"] is not None:
                assert row["checkin_id"] == checkin_ids.get((row["cid"], row["day"])), (
                    f"reflection {n} lost its link to the check-in it repairs"
                )
        missing = {o.step.expect[0] for o in history if o.reported} - seen
        assert not missing, f"reflections reported saved but missing: {sorted(missing)}"

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        prefix = f"r{step.expect[0]} happened"
        return any(r["happened"].startswith(prefix + " ") or r["happened"] == prefix
                   for r in self._stored(conn))


def backup_files(data: Path) -> list[Path]:
    return sorted((data / "backups").glob("selftrust-*.db"))


def leftovers(data: Path) -> list[Path]:
    """Temporary files an interrupted write left in the data folder or its backups."""
    names = [p for p in data.iterdir() if p.name.startswith(".")]
    if (data / "backups").is_dir():
        names += [p for p in (data / "backups").iterdir() if p.name.startswith(".")]
    return sorted(names)


class BackupVictim:
    """The daily backup made when a command opens the data: each attempt runs on the next
    day (SELFTRUST_NOW), so every open backs up (and prunes old dailies) before the
    check-in. Every backup file left behind must be a healthy, complete database."""

    name = "daily backups"

    def prepare(self, data: Path, run: Run) -> None:
        run("add", "Walk", "--start", "2020-01-01", SELFTRUST_NOW=NOW.isoformat())

    def step(self, n: int, rng: random.Random) -> Step:
        moment = NOW + timedelta(days=n + 1, minutes=rng.randrange(600))
        day = moment.date().isoformat()
        return Step(n, ["check", "Walk", "--day", day, "--note", f"b{n}"],
                    ((("Walk", day)), ("kept", None, f"b{n}")),
                    env={"SELFTRUST_NOW": moment.isoformat(timespec="minutes")})

    def reported(self, outcome: Outcome) -> bool:
        return outcome.returncode == 0 and outcome.stdout.startswith("Saved:")

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        check_checkins(conn, history)
        for backup in backup_files(data):
            copy = database_copy_single(backup)
            with contextlib.closing(sqlite3.connect(copy)) as b:
                assert_healthy(b, f"the backup {backup.name}")
                notes = {n for (n,) in b.execute("SELECT note FROM checkin")}
                assert notes <= {f"b{o.step.n}" for o in history}
            copy.unlink()
        left = leftovers(data)
        stray = [p for p in left if ".partial-" not in p.name]
        assert not stray, f"unexpected files left behind: {stray}"
        if not history[-1].killed:
            # A backup that finished tidies up after one that was killed half-way.
            assert not left, f"an interrupted backup left files behind: {left}"

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        key, state = step.expect
        return stored_checkins(conn).get(key) == state


def database_copy_single(path: Path) -> Path:
    """A copy of a backup (one self-contained file) to check without touching it."""
    fd, name = tempfile.mkstemp(prefix="check-", suffix=".db")
    os.close(fd)
    copy = Path(name)
    copy.write_bytes(path.read_bytes())
    return copy


class RestoreVictim:
    """`selftrust restore` of one backup, alternating with check-ins. Whatever moment a
    restore dies at, the data folder holds a database that opens, with either the data
    from before the restore or the backup's, and the replaced data is kept aside."""

    name = "restores"

    def __init__(self) -> None:
        self.backup: Path | None = None
        self.base: set[str] = set()

    def prepare(self, data: Path, run: Run) -> None:
        run("add", "Walk", "--start", "2020-01-01")
        for back in range(1, 6):
            day = (TODAY - timedelta(days=back)).isoformat()
            run("check", "Walk", "--day", day, "--note", f"base {back}")
        # Tomorrow's first open makes the daily backup holding the five base check-ins.
        run("list", SELFTRUST_NOW=(NOW + timedelta(days=1)).isoformat())
        self.backup = backup_files(data)[-1]
        self.base = {f"base {back}" for back in range(1, 6)}

    def step(self, n: int, rng: random.Random) -> Step:
        if n % 2 == 0:
            return Step(n, ["restore", str(self.backup)], ("restore", None),
                        env={"SELFTRUST_NOW": (NOW + timedelta(days=1)).isoformat()})
        day = (TODAY + timedelta(days=1) - timedelta(days=6 + n)).isoformat()
        return Step(n, ["check", "Walk", "--day", day, "--note", f"s{n}"],
                    ("check", f"s{n}"),
                    env={"SELFTRUST_NOW": (NOW + timedelta(days=1)).isoformat()})

    def reported(self, outcome: Outcome) -> bool:
        return outcome.returncode == 0 and outcome.stdout.startswith(("Saved:", "Restored"))

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        notes = {n for (n,) in conn.execute("SELECT note FROM checkin")}
        assert self.base <= notes, (
            "after a restore was interrupted the data folder shows neither the data from "
            f"before nor the backup (it holds {sorted(notes)[:5]})"
        )
        attempted = {o.step.expect[1] for o in history if o.step.expect[0] == "check"}
        assert notes <= self.base | attempted
        # Every check-in reported saved is in the database or in a file set aside by a
        # later restore: nothing is ever deleted.
        everywhere = set(notes)
        for aside in data.glob("selftrust.db.before-restore-*"):
            if aside.name.endswith(("-wal", "-shm")):
                continue
            copy = database_copy_single(aside)
            with contextlib.closing(sqlite3.connect(copy)) as a:
                everywhere |= {n for (n,) in a.execute("SELECT note FROM checkin")}
            copy.unlink()
        reported = {o.step.expect[1] for o in history
                    if o.step.expect[0] == "check" and o.reported}
        assert reported <= everywhere, f"lost: {sorted(reported - everywhere)}"

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        notes = {n for (n,) in conn.execute("SELECT note FROM checkin")}
        if step.expect[0] == "check":
            return step.expect[1] in notes
        return notes == self.base




Snapshot = tuple[frozenset[Any], ...]


def snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Everything an import can change, as sets that compare whole."""
    return (
        frozenset(conn.execute("SELECT uid, title, why, color FROM commitment")),
        frozenset(conn.execute(
            "SELECT c.uid, k.day, k.status, k.value, k.note FROM checkin k "
            "JOIN commitment c ON c.id = k.commitment_id")),
        frozenset(conn.execute(
            "SELECT uid, day, happened, owning, friend, learned, next_step, checkin_id "
            "FROM reflection")),
        frozenset(conn.execute("SELECT key, value FROM setting")),
    )


def snapshot_of(data: Path) -> Snapshot:
    with contextlib.closing(sqlite3.connect(data / "selftrust.db")) as conn:
        return snapshot(conn)


class ImportVictim:
    """`selftrust import` of our JSON export, our CSV zip and a Loop Habit Tracker CSV
    export, each time into the same starting folder (a user's own data). A killed
    import must leave that data exactly as it was, or the whole import in place:
    nothing half-imported, whatever the moment."""

    name = "imports"

    def __init__(self) -> None:
        self.base: Path | None = None
        self.sources: list[Path] = []
        self.expected: dict[str, Snapshot] = {}
        self.before: Snapshot | None = None

    def prepare(self, data: Path, run: Run) -> None:
        from tests.reliability.rel_kill import runner

        root = data.parent
        source = root / "source"
        make = runner(source)
        make("demo", "--years", "3", "--commitments", "8", "--seed", "3")
        make("export", "--out", str(root / "export.json"))
        make("export", "--out", str(root / "export.zip"))
        loop = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" \
            / "loop_v231_export"
        self.sources = [root / "export.json", root / "export.zip", loop]
        # The user's own data: a year of three commitments (titles the export shares).
        run("demo", "--years", "1", "--commitments", "3", "--seed", "9")
        self.base = root / "base"
        shutil.copytree(data, self.base)
        self.before = snapshot_of(self.base)
        for path in self.sources:
            trial = root / f"trial-{path.name}"
            shutil.copytree(self.base, trial)
            runner(trial)("import", str(path))
            self.expected[str(path)] = snapshot_of(trial)
            assert self.expected[str(path)] != self.before, f"{path} imported nothing"
            shutil.rmtree(trial)

    def before_attempt(self, data: Path) -> None:
        assert self.base is not None
        shutil.rmtree(data)
        shutil.copytree(self.base, data)

    def step(self, n: int, rng: random.Random) -> Step:
        path = rng.choice(self.sources)
        return Step(n, ["import", str(path)], (str(path), None))

    def reported(self, outcome: Outcome) -> bool:
        return outcome.returncode == 0 and outcome.stdout.startswith("Imported")

    def check(self, conn: sqlite3.Connection, data: Path, history: Sequence[Outcome]) -> None:
        last = history[-1]
        now = snapshot(conn)
        whole = self.expected[last.step.expect[0]]
        if last.reported:
            assert now == whole, "an import reported done is not all there"
        else:
            assert now in (self.before, whole), (
                f"a killed import of {Path(last.step.expect[0]).name} left part of itself "
                "behind")
        stray = [p for p in leftovers(data) if ".partial-" not in p.name]
        assert not stray, f"unexpected files left behind: {stray}"
        for backup in (data / "backups").glob("selftrust-before-import-*.db"):
            copy = database_copy_single(backup)
            with contextlib.closing(sqlite3.connect(copy)) as b:
                assert_healthy(b, f"the backup {backup.name}")
                assert snapshot(b) == self.before, "the safety backup is not the data before"
            copy.unlink()

    def landed(self, conn: sqlite3.Connection, step: Step) -> bool:
        return snapshot(conn) == self.expected[step.expect[0]]
