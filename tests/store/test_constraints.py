"""The schema's rules hold in SQLite itself, whatever program writes the rows."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from store_helpers import add_checkin, add_commitment, add_reflection, insert

from selftrust.store.database import Database


def _refused(db: Database, table: str, **values: Any) -> str:
    """Insert a row in its own transaction and return SQLite's complaint."""
    with pytest.raises(sa.exc.IntegrityError) as caught, db.transaction() as conn:
        if table == "commitment":
            add_commitment(conn, **values)
        else:
            parent = add_commitment(conn, uid="parent")
            if table == "checkin":
                add_checkin(conn, parent, values.pop("day", "2026-03-01"), **values)
            elif table == "reflection":
                add_reflection(conn, **values)
            else:
                insert(conn, table, commitment_id=parent, **values)
    return str(caught.value.orig)


def _accepted(db: Database, **commitment: Any) -> None:
    with db.transaction() as conn:
        add_commitment(conn, **commitment)


def test_one_check_in_per_commitment_and_day(db: Database) -> None:
    with db.transaction() as conn:
        walk = add_commitment(conn)
        add_checkin(conn, walk, "2026-03-01")
    with pytest.raises(sa.exc.IntegrityError, match="UNIQUE"), db.transaction() as conn:
        add_checkin(conn, walk, "2026-03-01", status="missed")


def test_the_same_day_is_fine_for_another_commitment(db: Database) -> None:
    with db.transaction() as conn:
        walk = add_commitment(conn, uid="walk")
        read = add_commitment(conn, uid="read", title="Read")
        add_checkin(conn, walk, "2026-03-01")
        add_checkin(conn, read, "2026-03-01")


@pytest.mark.parametrize("status", ["done", "KEPT", "", "unmarked"])
def test_unknown_status_is_refused(db: Database, status: str) -> None:
    assert "ck_checkin_status" in _refused(db, "checkin", status=status)


@pytest.mark.parametrize(
    ("values", "rule"),
    [
        ({"value": -1.0}, "ck_checkin_value"),
        ({"value": 2e12}, "ck_checkin_value"),
        ({"note": "x" * 2001}, "ck_checkin_note"),
    ],
)
def test_check_in_values_are_bounded(db: Database, values: dict[str, Any], rule: str) -> None:
    assert rule in _refused(db, "checkin", **values)


def test_a_check_in_needs_an_existing_commitment(db: Database) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"), db.transaction() as conn:
        add_checkin(conn, 999, "2026-03-01")


def test_deleting_a_commitment_cascades_and_keeps_reflections(db: Database) -> None:
    with db.transaction() as conn:
        walk = add_commitment(conn)
        missed = add_checkin(conn, walk, "2026-03-01", status="missed")
        insert(conn, "pause", commitment_id=walk, first_day="2026-04-01", last_day="2026-04-07")
        add_reflection(conn, commitment_id=walk, checkin_id=missed)
    with db.transaction() as conn:
        conn.exec_driver_sql("DELETE FROM commitment WHERE id = ?", (walk,))
    with db.transaction(write=False) as conn:
        count = conn.exec_driver_sql
        assert count("SELECT count(*) FROM checkin").scalar() == 0
        assert count("SELECT count(*) FROM pause").scalar() == 0
        reflection = count("SELECT commitment_id, checkin_id, happened FROM reflection").one()
    assert reflection[:2] == (None, None)
    assert reflection[2]  # the user's words survive as a free reflection


def test_deleting_a_check_in_unlinks_its_reflection(db: Database) -> None:
    with db.transaction() as conn:
        walk = add_commitment(conn)
        missed = add_checkin(conn, walk, "2026-03-01", status="missed")
        add_reflection(conn, commitment_id=walk, checkin_id=missed)
        conn.exec_driver_sql("DELETE FROM checkin WHERE id = ?", (missed,))
        row = conn.exec_driver_sql("SELECT commitment_id, checkin_id FROM reflection").one()
    assert tuple(row) == (walk, None)


@pytest.mark.parametrize(
    "parts",
    [
        {"happened": None},
        {"happened": ""},
        {"happened": "   "},
        {"happened": "\n\t \r\n"},
        {"happened": None, "owning": " ", "friend": "\n", "learned": "", "next_step": "\t"},
    ],
)
def test_a_reflection_needs_some_writing(db: Database, parts: dict[str, Any]) -> None:
    assert "ck_reflection_written" in _refused(db, "reflection", **parts)


def test_one_written_part_is_enough(db: Database) -> None:
    with db.transaction() as conn:
        add_reflection(conn, happened=None, next_step="Lay out my shoes tonight.")


@pytest.mark.parametrize("feeling", [0, 6, -1])
def test_feelings_are_1_to_5(db: Database, feeling: int) -> None:
    assert "ck_reflection_feeling" in _refused(db, "reflection", feeling_before=feeling)
    assert "ck_reflection_feeling" in _refused(db, "reflection", uid="r2", feeling_after=feeling)


def test_once_needs_its_day_and_only_once_has_one(db: Database) -> None:
    assert "ck_commitment_once_on" in _refused(db, "commitment", schedule_kind="once")
    assert "ck_commitment_once_on" in _refused(db, "commitment", once_on="2026-03-05")
    _accepted(db, schedule_kind="once", once_on="2026-03-05")


@pytest.mark.parametrize(
    "values",
    [
        {"kind": "measurable"},  # no target, no period
        {"kind": "measurable", "target": 20.0},  # no period
        {"kind": "measurable", "target_per": "day"},  # no target
        {"kind": "measurable", "target": 0.0, "target_per": "day"},
        {"kind": "measurable", "target": -5.0, "target_per": "day"},
        {"kind": "measurable", "target": 20.0, "target_per": "year"},
        {"kind": "yes_no", "target": 20.0, "target_per": "day"},
        {"kind": "yes_no", "target_per": "day"},
    ],
)
def test_measurable_rule(db: Database, values: dict[str, Any]) -> None:
    assert "ck_commitment_measurable" in _refused(db, "commitment", **values)


def test_a_proper_measurable_commitment_is_accepted(db: Database) -> None:
    _accepted(db, kind="measurable", unit="pages", target=20.0, target_per="day")
    _accepted(db, uid="c2", kind="measurable", target=2.0, target_per="week", at_most=1)


@pytest.mark.parametrize(
    ("values", "rule"),
    [
        ({"title": ""}, "ck_commitment_title"),
        ({"title": "   "}, "ck_commitment_title"),
        ({"title": "x" * 121}, "ck_commitment_title"),
        ({"why": "x" * 2001}, "ck_commitment_why"),
        ({"kind": "maybe"}, "ck_commitment_kind"),
        ({"unit": "x" * 25}, "ck_commitment_unit"),
        ({"schedule_kind": "hourly"}, "ck_commitment_schedule_kind"),
        ({"schedule_times": 0}, "ck_commitment_schedule_times"),
        ({"schedule_days": 366}, "ck_commitment_schedule_days"),
        ({"weekdays": 0}, "ck_commitment_weekdays"),
        ({"weekdays": 128}, "ck_commitment_weekdays"),
        ({"color": "blue"}, "ck_commitment_color"),
        ({"color": "#12345g"}, "ck_commitment_color"),
        ({"archived_on": "2025-12-31"}, "ck_commitment_archived"),
    ],
)
def test_commitment_fields_are_checked(db: Database, values: dict[str, Any], rule: str) -> None:
    assert rule in _refused(db, "commitment", **values)


def test_uids_are_unique(db: Database) -> None:
    _accepted(db, uid="same")
    assert "UNIQUE" in _refused(db, "commitment", uid="same")


def test_a_pause_ends_on_or_after_its_start(db: Database) -> None:
    assert "ck_pause_range" in _refused(db, "pause", first_day="2026-03-05", last_day="2026-03-04")
