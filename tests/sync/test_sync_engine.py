"""Two or three devices over one sync folder end with the same record, whatever order
their passes run in, and nothing a person typed is silently dropped."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from sync_core_helpers import Device, devices

from selftrust.sync import Stamp, Version

CHECKIN = "checkin"


def test_a_check_in_made_on_one_device_arrives_on_the_other(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change(CHECKIN, "c1/2026-03-01", {"status": "kept", "value": None, "note": "tea"})
    received = laptop.sync()
    resolution = received.changed[(CHECKIN, "c1/2026-03-01")]
    assert resolution.winner.fields == {"status": "kept", "value": None, "note": "tea"}
    assert received.versions == 1
    assert [d.name for d in received.devices] == ["Desk", "Laptop"]
    assert laptop.sync().changed == {}  # idempotent: nothing new the second time


def test_the_later_change_wins_on_every_device(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"}, at=1000)
    laptop.change("commitment", "u1", {"title": "Walk daily"}, at=2000)
    desk.sync()
    laptop.sync()
    assert desk.fields("commitment", "u1") == {"title": "Walk daily"}
    assert laptop.fields("commitment", "u1") == {"title": "Walk daily"}


def test_equal_clocks_are_broken_by_device_id(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("setting", "week_start", {"value": 0}, at=5000)
    laptop.change("setting", "week_start", {"value": 6}, at=5000)
    for device in (desk, laptop):
        device.sync()
        assert device.fields("setting", "week_start") == {"value": 6}  # "dev1" > "dev0"


def test_a_change_made_after_seeing_another_wins_even_with_a_slow_clock(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Run"}, at=9000)
    laptop.sync()
    laptop.change("commitment", "u1", {"title": "Jog"}, at=1000)  # its clock is behind
    desk.sync()
    assert desk.fields("commitment", "u1") == {"title": "Jog"}


def test_a_deletion_wins_over_an_older_edit_and_travels(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("reflection", "r1", {"happened": "Slept late"})
    laptop.sync()
    laptop.change("reflection", "r1", None)
    received = desk.sync()
    assert received.changed[("reflection", "r1")].deleted
    shown = desk.shows("reflection", "r1")
    assert shown is not None and shown.deleted and shown.conflicts == ()


def test_text_changed_on_two_devices_while_apart_keeps_both(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("reflection", "r1", {"happened": "Slept late", "learned": ""}, at=1000)
    laptop.sync()
    desk.change("reflection", "r1", {"happened": "Slept late, phone", "learned": ""}, at=2000)
    laptop.change("reflection", "r1", {"happened": "Slept late", "learned": "Alarm"}, at=3000)
    for device in (desk, laptop):
        device.sync()
    for device in (desk, laptop):
        shown = device.shows("reflection", "r1")
        assert shown is not None
        assert shown.winner.fields == {"happened": "Slept late", "learned": "Alarm"}
        assert [c.fields for c in shown.conflicts] == [
            {"happened": "Slept late, phone", "learned": ""}]


def test_an_edit_that_left_the_text_alone_is_no_conflict(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change(CHECKIN, "c1/2026-03-01", {"status": "kept", "note": "tea"}, at=1000)
    laptop.sync()
    desk.change(CHECKIN, "c1/2026-03-01", {"status": "missed", "note": "tea"}, at=2000)
    laptop.change(CHECKIN, "c1/2026-03-01", {"status": "kept", "note": "green tea"}, at=3000)
    desk.sync()
    shown = desk.shows(CHECKIN, "c1/2026-03-01")
    assert shown is not None and shown.conflicts == ()
    assert shown.winner.fields == {"status": "kept", "note": "green tea"}


def test_text_edited_while_another_device_deleted_is_kept(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("reflection", "r1", {"happened": "First words"}, at=1000)
    laptop.sync()
    desk.change("reflection", "r1", {"happened": "First words, more"}, at=2000)
    laptop.change("reflection", "r1", None, at=3000)
    desk.sync()
    shown = desk.shows("reflection", "r1")
    assert shown is not None and shown.deleted
    assert [c.fields for c in shown.conflicts] == [{"happened": "First words, more"}]


def _random_ops(rng: random.Random, people: list[Device]) -> list[tuple[Device, Version]]:
    ops = []
    for _ in range(40):
        device = rng.choice(people)
        kind, key = rng.choice([("commitment", "u1"), ("reflection", "r1"),
                                (CHECKIN, "u1/2025-12-31"), (CHECKIN, "u1/2026-01-01"),
                                (CHECKIN, "u2/2026-01-01")])
        fields = None if rng.random() < 0.2 else {"note": rng.choice("abc"), "n": rng.random()}
        ops.append((device, device.version(kind, key, fields, at=rng.randrange(1, 50) * 1000)))
    return ops


@pytest.mark.parametrize("seed", range(6))
def test_any_order_of_passes_gives_the_same_record(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    people = devices(tmp_path, 3)
    for device, version in _random_ops(rng, people):
        device.engine().publish([version])
        if rng.random() < 0.3:
            rng.choice(people).sync()
    for device in rng.sample(people, 3) + rng.sample(people, 3):
        device.sync()
    keys = [("commitment", "u1"), ("reflection", "r1"), (CHECKIN, "u1/2025-12-31"),
            (CHECKIN, "u1/2026-01-01"), (CHECKIN, "u2/2026-01-01")]
    seen = [[device.shows(k, key) for k, key in keys] for device in people]
    assert seen[0] == seen[1] == seen[2]


def test_three_devices_agree_whichever_receives_first(tmp_path: Path) -> None:
    results = []
    for order in itertools.permutations(range(3)):
        root = tmp_path / "".join(map(str, order))
        root.mkdir()
        people = devices(root, 3)
        for i, device in enumerate(people):
            device.change("reflection", "r1", {"happened": f"text {i}"}, at=1000 * (3 - i))
        for i in order:
            people[i].sync()
        results.append([people[i].shows("reflection", "r1") for i in range(3)])
    assert all(r == results[0] for r in results)
    assert results[0][0] == results[0][1] == results[0][2]
    winner = results[0][0]
    assert winner is not None and winner.winner.stamp == Stamp(3000, "dev0")
    assert len(winner.conflicts) == 2


def test_a_log_cut_mid_copy_is_picked_up_on_a_later_pass(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change(CHECKIN, "c1/2026-03-01", {"status": "kept"})
    desk.change(CHECKIN, "c1/2026-03-02", {"status": "kept"})
    log = next((tmp_path / "Self-Trust" / "devices" / "dev0").glob("log-*.bin"))
    whole = log.read_bytes()
    log.write_bytes(whole[: len(whole) - 5])  # the sync tool is still copying
    first = laptop.sync()
    assert set(first.changed) == {(CHECKIN, "c1/2026-03-01")}
    assert first.skipped == []
    log.write_bytes(whole)
    assert set(laptop.sync().changed) == {(CHECKIN, "c1/2026-03-02")}


def test_a_device_of_a_newer_format_is_skipped_with_a_message(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    description = tmp_path / "Self-Trust" / "devices" / "dev0" / "device.json"
    description.write_text(description.read_text().replace('"format": 1', '"format": 2'))
    received = laptop.sync()
    assert received.changed == {}
    assert received.skipped == [
        "Changes from Desk were made by a newer version of Self-Trust; "
        "they will arrive once Self-Trust is updated on this computer."]
    assert [d.skipped is not None for d in received.devices] == [True, False]


def test_a_kill_between_appending_and_saving_the_cache_is_completed_next_pass(
    tmp_path: Path,
) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    before = (dict(desk.cache.docs), desk.cache.offsets())
    desk.change("commitment", "u1", {"title": "Walk far"})
    desk.cache.docs, desk.cache._offsets = before  # the cache's transaction never committed
    desk.change("commitment", "u2", {"title": "Read"})
    laptop.sync()
    assert laptop.fields("commitment", "u1") == {"title": "Walk far"}
    assert laptop.fields("commitment", "u2") == {"title": "Read"}
    assert desk.fields("commitment", "u1") == {"title": "Walk far"}


def test_a_device_whose_files_vanished_writes_them_again(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.change("commitment", "u1", {"title": "Walk"})
    desk.folder().leave()
    desk.change("commitment", "u2", {"title": "Read"})
    laptop.sync()
    assert laptop.fields("commitment", "u1") == {"title": "Walk"}
    assert laptop.fields("commitment", "u2") == {"title": "Read"}


def test_a_commitments_check_in_keys_are_listed_over_every_device_and_year(
        tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2)
    desk.engine().publish([desk.version(CHECKIN, "c1/2025-12-31", {"status": "kept"}),
                           desk.version(CHECKIN, "c2/2026-01-01", {"status": "kept"})])
    laptop.change(CHECKIN, "c1/2026-01-02", {"status": "missed"})
    laptop.sync()
    desk.sync()
    for device in (desk, laptop):
        assert sorted(device.engine().keys_of("c1")) == ["c1/2025-12-31", "c1/2026-01-02"]
        assert device.engine().keys_of("c3") == []
