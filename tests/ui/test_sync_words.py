"""How Preferences → Sync words the state of sync, from the command's JSON."""

from __future__ import annotations

from datetime import UTC, datetime

from selftrust.ui.dialogs.sync_words import ago, device_lines, parse_utc, status_line

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LAPTOP = {"name": "Laptop", "last_write": "2026-11-24T11:58:00+00:00", "skipped": None}
OLD = {"name": "Old PC", "last_write": None, "skipped": "written by a newer Self-Trust"}


def test_moments_read_as_people_say_them() -> None:
    assert ago(parse_utc("2026-11-24T11:59:30Z"), NOW) == "just now"
    assert ago(parse_utc("2026-11-24T11:58:00"), NOW) == "2 minutes ago"
    assert ago(parse_utc("2026-11-24T09:00:00Z"), NOW) == "3 hours ago"
    assert ago(parse_utc("2026-11-23T10:00:00Z"), NOW) == "yesterday"
    assert ago(parse_utc("2026-11-19T10:00:00Z"), NOW) == "5 days ago"
    assert ago(parse_utc("not a time"), NOW) == "not yet"


def test_the_status_line() -> None:
    status = {"last_pass": "2026-11-24T11:58:00Z", "waiting": 0, "devices": [LAPTOP, OLD]}
    last = {"devices": [LAPTOP]}
    assert status_line(status, last, "2026-11-24T11:58:00+00:00", None, None, NOW) \
        == "Up to date with Laptop · 2 minutes ago"
    assert status_line(status, None, None, None, "pass", NOW) == "Syncing…"
    assert status_line(status, None, None, "The folder is gone.", None, NOW) \
        == "The folder is gone."
    assert status_line({**status, "waiting": 3}, None, None, None, None, NOW) \
        == "3 changes to send · last synced 2 minutes ago"
    assert status_line({"last_pass": None, "devices": []}, None, None, None, None, NOW) \
        == "Not synced yet"
    assert status_line({"last_pass": "2026-11-24T11:58:00Z", "devices": []}, None, None,
                       None, None, NOW).startswith("Up to date · no other computer")


def test_the_devices_seen() -> None:
    assert device_lines([LAPTOP, OLD], NOW) == [
        "Laptop · last wrote 2 minutes ago", "Old PC: written by a newer Self-Trust"]
    assert device_lines([], NOW)[0].startswith("No other computer yet.")
