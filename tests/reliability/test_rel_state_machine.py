"""Random sequences of user actions against a simple model of what the data must be.

Hypothesis drives the same calls the UI makes (services for the change, the real
QUndoStack with ui.undo and ui.dialogs.commitment_actions for undo and redo): check in
(kept, missed, skipped, clear, with notes), undo, redo, write and edit reflections, add,
edit, archive and restore commitments, import a file (again and again). The model is
plain dictionaries; undo and redo restore the model's snapshot from before or after the
step, so "undo gives back exactly what was there" is checked too. After every step the
database, read back with plain sqlite3, must equal the model; the app's in-memory ledger
must agree with the database; and at the end a fresh workspace on the same folder must
compute the same figures.
"""

from __future__ import annotations

import copy
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
)
from PySide6.QtCore import QSettings

from selftrust.domain.coach import has_writing
from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import UserError
from selftrust.services.interchange import ExportFormat, export_file, import_file
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import open_workspace
from selftrust.ui.dialogs import commitment_actions
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.prefs import UiPrefs
from selftrust.ui.shell.undo import perform, push_checkin
from tests.reliability import rel_scale
from tests.reliability.rel_figures import record

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 12).astimezone()
SCHEDULES = {"daily": None, "mon,wed,fri": {0, 2, 4}}
PARTS = ("happened", "owning", "friend", "learned", "next_step")

# Text a person might type, now and then with something that cannot be stored.
plain_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                           include_characters="\n\t\r"), max_size=40)
texts = st.one_of(*[plain_text] * 9, plain_text.map(lambda t: t + "\x07"))
titles = st.sampled_from(["Walk", "Read", "Floss", "  Call Mum ", "Sleep by 23:00",
                          "<b>Gym</b>", "Tea & toast", "\u202eRTL", ""])


def cleaned_text(text: str) -> str | None:
    """What services.text keeps of multi-line text, or None if it must be refused."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs"):
            return None
    return text


def cleaned_part(text: str) -> str | None:
    """A reflection's part as kept: one without a visible character is left empty (the
    coach's rule of what counts as writing)."""
    clean = cleaned_text(text)
    return clean if clean is None or has_writing(clean) else ""


def cleaned_title(title: str) -> str | None:
    text = title.strip()
    if not text or "\n" in text or "\r" in text or len(text) > 120:
        return None
    return text if cleaned_text(text) == text else None


@dataclass
class Model:
    commitments: dict[int, dict[str, Any]] = field(default_factory=dict)
    checkins: dict[tuple[int, date], tuple[str, str]] = field(default_factory=dict)
    # reflection id -> parts, day, commitment id, and the (cid, day) it repairs or None
    reflections: dict[int, dict[str, Any]] = field(default_factory=dict)


class UserActions(RuleBasedStateMachine):
    commitment_ids = Bundle("commitments")
    reflection_ids = Bundle("reflections")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(TMP.mktemp("machine")) / "data"
        self.ws = open_workspace(self.folder, FixedClock(NOW))
        prefs = UiPrefs(QSettings(str(self.folder.parent / "prefs.ini"),
                                  QSettings.Format.IniFormat))
        self.ctx = make_context(self.ws, prefs)
        self.model = Model()
        # Snapshots of the model before and after each step on the undo stack.
        self.done: list[tuple[Model, Model]] = []
        self.undone: list[tuple[Model, Model]] = []
        self.imported = False

    # --- helpers ---------------------------------------------------------------------
    def _pushed(self, before: Model) -> None:
        tally("steps saved")
        self.done.append((before, copy.deepcopy(self.model)))
        self.undone.clear()

    def _taken(self, title: str | None, besides: int | None = None) -> bool:
        """Another commitment has this title but for case: one title, one commitment."""
        return title is not None and any(
            cid != besides and c["title"].casefold() == title.casefold()
            for cid, c in self.model.commitments.items())

    def _due(self, cid: int, day: date) -> bool:
        c = self.model.commitments.get(cid)
        if c is None:
            return False  # added, then undone
        days = SCHEDULES[c["schedule"]]
        return (c["archived_on"] is None and day <= TODAY
                and (days is None or day.weekday() in days))

    # --- rules -----------------------------------------------------------------------
    @initialize(target=commitment_ids)
    def first_commitment(self) -> int:
        row = commitment_actions.create(self.ctx, CommitmentDraft(
            "Walk", Rules(parse_schedule("daily")), created_on=date(2026, 11, 1)))
        self.ctx.undo.clear()  # the starting point, not an undoable step
        self.model.commitments[row.id] = {"title": "Walk", "why": "", "archived_on": None,
                                          "schedule": "daily"}
        return row.id

    @rule(target=commitment_ids, title=titles, why=texts,
          schedule=st.sampled_from(list(SCHEDULES)))
    def add_commitment(self, title: str, why: str, schedule: str) -> Any:
        before = copy.deepcopy(self.model)
        draft = CommitmentDraft(title, Rules(parse_schedule(schedule)), why,
                                created_on=date(2026, 11, 1))
        clean_title, clean_why = cleaned_title(title), cleaned_text(why)
        refused = clean_title is None or clean_why is None or self._taken(clean_title)
        try:
            row = commitment_actions.create(self.ctx, draft)
        except UserError:
            assert refused
            return multiple()
        assert clean_title is not None and clean_why is not None and not refused
        self.model.commitments[row.id] = {"title": clean_title, "why": clean_why,
                                          "archived_on": None, "schedule": schedule}
        self._pushed(before)
        return row.id

    @rule(cid=commitment_ids, back=st.integers(-1, 4),
          status=st.sampled_from(["kept", "missed", "skipped", None]), note=texts)
    def check(self, cid: int, back: int, status: str | None, note: str) -> None:
        before = copy.deepcopy(self.model)
        day = TODAY - timedelta(days=back)
        state = CheckinState(Status(status), note=note) if status else None
        clean_note = cleaned_text(note)
        try:
            change = self.ws.checkins.record(cid, day, state)
        except UserError:
            assert not self._due(cid, day) or (status is not None and clean_note is None)
            return
        assert self._due(cid, day) or (status is None and day <= TODAY
                                       and self.model.commitments[cid]["archived_on"] is None)
        assert status is None or clean_note is not None
        push_checkin(self.ctx.undo, self.ws, change, "Check")
        tally("check-ins")
        key = (cid, day)
        if status is None:
            self.model.checkins.pop(key, None)
            for r in self.model.reflections.values():
                if r["repairs"] == key:
                    r["repairs"] = None  # the check-in it was linked to is gone
        else:
            assert clean_note is not None
            self.model.checkins[key] = (status, clean_note)
        self._pushed(before)

    @rule(target=reflection_ids, cid=st.one_of(st.none(), commitment_ids),
          back=st.integers(0, 4),
          parts=st.lists(st.one_of(st.just(""), texts), min_size=5, max_size=5))
    def reflect(self, cid: int | None, back: int, parts: list[str]) -> Any:
        before = copy.deepcopy(self.model)
        day = TODAY - timedelta(days=back)
        draft = ReflectionDraft(day, cid, **dict(zip(PARTS, parts, strict=True)))
        written: list[Any] = []

        def do() -> Any:
            if not written:
                written.append(self.ws.reflections.write(draft))
            else:
                self.ws.reflections.put_back(written[0])
            return written[0]

        cleaned = [cleaned_part(p) for p in parts]
        try:
            row = perform(self.ctx.undo, "Write reflection", do,
                          lambda w: self.ws.reflections.delete(w.id))
        except UserError:
            assert (None in cleaned or not any(cleaned)
                    or (cid is not None and cid not in self.model.commitments))
            return multiple()
        assert None not in cleaned and has_writing(*cleaned)
        key = (cid, day) if cid is not None and (cid, day) in self.model.checkins else None
        tally("reflections written")
        self.model.reflections[row.id] = {
            "day": day, "cid": cid, "repairs": key,
            **dict(zip(PARTS, cleaned, strict=True))}
        self._pushed(before)
        return row.id

    @rule(rid=reflection_ids, happened=texts)
    def edit_reflection(self, rid: int, happened: str) -> None:
        if rid not in self.model.reflections:
            return  # written, then undone: nothing to edit
        before = copy.deepcopy(self.model)
        current = self.model.reflections[rid]
        draft = ReflectionDraft(current["day"], current["cid"], happened=happened,
                                **{p: current[p] for p in PARTS if p != "happened"})
        clean = cleaned_part(happened)
        try:
            perform(self.ctx.undo, "Edit reflection",
                    lambda: self.ws.reflections.update(rid, draft),
                    self.ws.reflections.put_back)
        except UserError:
            assert clean is None or not any([clean, *(current[p] for p in PARTS[1:])])
            return
        assert clean is not None
        current["happened"] = clean
        self._pushed(before)

    @rule(cid=commitment_ids, title=titles, why=texts)
    def edit_commitment(self, cid: int, title: str, why: str) -> None:
        if cid not in self.model.commitments:
            return
        before = copy.deepcopy(self.model)
        c = self.model.commitments[cid]
        draft = CommitmentDraft(title, Rules(parse_schedule(c["schedule"])), why)
        clean_title, clean_why = cleaned_title(title), cleaned_text(why)
        refused = clean_title is None or clean_why is None or (
            clean_title != c["title"] and self._taken(clean_title, besides=cid))
        try:
            commitment_actions.update(self.ctx, cid, draft)
        except UserError:
            assert refused
            return
        assert not refused
        c["title"], c["why"] = clean_title, clean_why
        self._pushed(before)

    @rule(cid=commitment_ids)
    def archive_or_restore(self, cid: int) -> None:
        if cid not in self.model.commitments:
            return
        before = copy.deepcopy(self.model)
        c = self.model.commitments[cid]
        if c["archived_on"] is None:
            commitment_actions.archive(self.ctx, cid)
            c["archived_on"] = max(TODAY, date(2026, 11, 1))
        else:
            commitment_actions.restore(self.ctx, cid)
            c["archived_on"] = None
        self._pushed(before)

    @rule()
    def import_a_file(self) -> None:
        """File → Import of a small export: not undoable; undo and redo of earlier steps
        keep what it brought (they change only their own records)."""
        before = self.stored()
        summary = import_file(self.ws, SOURCE, reload=False)
        self.ws.reload()
        tally("imports")
        after = self.stored()
        new_commitments = {k: v for k, v in after.commitments.items()
                           if k not in before.commitments}
        new_checkins = {k: v for k, v in after.checkins.items() if k not in before.checkins}
        new_reflections = {k: v for k, v in after.reflections.items()
                           if k not in before.reflections}
        if self.imported:
            assert not summary.changed
            assert not (new_commitments or new_checkins or new_reflections)
        else:
            assert sorted(c["title"] for c in new_commitments.values()) == IMPORTED_TITLES
            assert len(new_checkins) == IMPORTED_CHECKINS
            assert len(new_reflections) == 1
            self.imported = True
        for c in new_commitments.values():
            c["schedule"] = "daily"
        for model in [self.model, *(m for pair in self.done + self.undone for m in pair)]:
            model.commitments.update(copy.deepcopy(new_commitments))
            model.checkins.update(new_checkins)
            model.reflections.update(copy.deepcopy(new_reflections))

    @precondition(lambda self: self.ctx.undo.canUndo())
    @rule()
    def undo(self) -> None:
        self.ctx.undo.undo()
        tally("undos")
        before, after = self.done.pop()
        assert self.model == after
        self.model = copy.deepcopy(before)
        self.undone.append((before, after))

    @precondition(lambda self: self.ctx.undo.canRedo())
    @rule()
    def redo(self) -> None:
        self.ctx.undo.redo()
        tally("redos")
        before, after = self.undone.pop()
        self.model = copy.deepcopy(after)
        self.done.append((before, after))

    # --- what must always hold --------------------------------------------------------
    def stored(self) -> Model:
        """The database read back with plain sqlite3, in the model's terms."""
        conn = sqlite3.connect(self.folder / "selftrust.db")
        try:
            commitments = {
                cid: {"title": t, "why": w or "",
                      "archived_on": date.fromisoformat(a) if a else None}
                for cid, t, w, a in conn.execute(
                    "SELECT id, title, why, archived_on FROM commitment")
            }
            checkins = {
                (cid, date.fromisoformat(d)): (s, n or "")
                for cid, d, s, n in conn.execute(
                    "SELECT commitment_id, day, status, note FROM checkin")
            }
            ids = {kid: (cid, date.fromisoformat(d)) for kid, cid, d in conn.execute(
                "SELECT id, commitment_id, day FROM checkin")}
            reflections = {}
            for rid, d, cid, kid, *parts in conn.execute(
                    "SELECT id, day, commitment_id, checkin_id, happened, owning, friend, "
                    "learned, next_step FROM reflection"):
                reflections[rid] = {"day": date.fromisoformat(d), "cid": cid,
                                    "repairs": ids[kid] if kid is not None else None,
                                    **{p: v or "" for p, v in zip(PARTS, parts, strict=True)}}
            problems = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        assert problems == "ok"
        return Model(commitments, checkins, reflections)

    @invariant()
    def the_database_matches_the_model(self) -> None:
        stored = self.stored()
        expected = {cid: {k: v for k, v in c.items() if k != "schedule"}
                    for cid, c in self.model.commitments.items()}
        assert stored.commitments == expected
        assert stored.checkins == self.model.checkins
        assert stored.reflections == self.model.reflections

    @invariant()
    def the_app_remembers_what_is_stored(self) -> None:
        ledger = self.ws.ledger
        for cid in self.model.commitments:
            held = {d: (e.status.value, e.reflected) for d, e in ledger.entries(cid).items()}
            repaired = {r["repairs"] for r in self.model.reflections.values()}
            wanted = {d: (s, (cid, d) in repaired)
                      for (c, d), (s, _) in self.model.checkins.items() if c == cid}
            assert held == wanted

    def teardown(self) -> None:
        tally("sequences")
        try:
            mine = self.ws.stats.report(TODAY).to_json()
            fresh = open_workspace(self.folder, FixedClock(NOW))
            try:
                assert fresh.stats.report(TODAY).to_json() == mine
            finally:
                fresh.close()
        finally:
            self.ctx.undo.clear()
            self.ctx.bridge.detach()
            self.ws.close()


TMP: Any = None
SOURCE: Path = Path()
IMPORTED_TITLES = ["Imported tea", "Imported yoga"]
IMPORTED_CHECKINS = 12


def make_source(folder: Path) -> Path:
    """A small JSON export from another data folder: two commitments, twelve check-ins
    (two misses), one reflection repairing a miss."""
    ws = open_workspace(folder / "data", FixedClock(NOW))
    try:
        for title in IMPORTED_TITLES:
            cid = ws.commitments.create(CommitmentDraft(title, created_on=date(2026, 11, 1))).id
            for back in range(6):
                status = Status.MISSED if back == 2 else Status.KEPT
                ws.checkins.record(cid, TODAY - timedelta(days=back),
                                   CheckinState(status, note=f"{title} {back}"))
        ws.reflections.write(ReflectionDraft(TODAY - timedelta(days=2), cid,
                                             happened="imported words"))
        out = folder / "export.json"
        export_file(ws, out, ExportFormat.JSON)
    finally:
        ws.close()
    return out
COUNTS: dict[str, int] = {}


def tally(what: str) -> None:
    COUNTS[what] = COUNTS.get(what, 0) + 1


@pytest.mark.timeout(3600 if rel_scale.FULL else 300)
def test_rel_random_user_actions_match_the_model(
    qapp: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    global TMP, SOURCE
    TMP = tmp_path_factory
    SOURCE = make_source(tmp_path_factory.mktemp("source"))
    UserActions.TestCase.settings = settings(
        max_examples=rel_scale.MACHINE_EXAMPLES,
        stateful_step_count=rel_scale.MACHINE_STEPS,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    COUNTS.clear()
    UserActions.TestCase().runTest()
    record("user-action sequences", **COUNTS)
