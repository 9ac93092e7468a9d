"""How sync stands, in the words of Preferences → Sync ("Up to date with Laptop ·
2 minutes ago"), from the JSON `selftrust sync` prints."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from selftrust.base.words import counted


def parse_utc(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def ago(moment: datetime | None, now: datetime) -> str:
    """"just now", "2 minutes ago", "3 hours ago", "yesterday", "5 days ago"."""
    if moment is None:
        return "not yet"
    seconds = max(0.0, (now - moment).total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{counted(int(seconds // 60), 'minute')} ago"
    if seconds < 86_400:
        return f"{counted(int(seconds // 3600), 'hour')} ago"
    days = int(seconds // 86_400)
    return "yesterday" if days == 1 else f"{counted(days, 'day')} ago"


def names(devices: list[dict[str, Any]]) -> str:
    listed = [str(d.get("name") or "another device") for d in devices if not d.get("skipped")]
    if not listed:
        return ""
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def status_line(status: dict[str, Any], last: dict[str, Any] | None, last_at: str | None,
                problem: str | None, busy: str | None, now: datetime) -> str:
    if busy in ("pass", "join"):
        return "Syncing…"
    if problem:
        return problem
    devices = status.get("devices")
    if devices is None and last is not None:
        devices = last.get("devices")
    others = names([d for d in devices or [] if isinstance(d, dict)])
    when = ago(parse_utc(last_at or status.get("last_pass")), now)
    if last is None and not status.get("last_pass"):
        return "Not synced yet"
    waiting = int(status.get("waiting") or 0) if last is None else 0
    if waiting:
        return f"{counted(waiting, 'change')} to send · last synced {when}"
    if not others:
        return f"Up to date · no other computer has written to the folder yet · {when}"
    return f"Up to date with {others} · {when}"


def device_lines(devices: list[dict[str, Any]], now: datetime) -> list[str]:
    if not devices:
        return ["No other computer yet. Start Self-Trust there and choose the same folder."]
    lines = []
    for d in devices:
        name = str(d.get("name") or "another device")
        if d.get("skipped"):
            lines.append(f"{name}: {d['skipped']}")
        elif d.get("last_write"):
            lines.append(f"{name} · last wrote {ago(parse_utc(d['last_write']), now)}")
        else:
            lines.append(f"{name} · nothing written yet")
    return lines
