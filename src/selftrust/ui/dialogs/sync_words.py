"""How sync stands, in the words of Preferences → Sync ("Up to date with Laptop ·
2 minutes ago"), from the JSON `selftrust sync` prints."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext


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
        # TRANSLATORS: when sync last happened, before it ever did ("last synced not yet")
        return _("not yet")
    seconds = max(0.0, (now - moment).total_seconds())
    if seconds < 60:
        return _("just now")
    if seconds < 3600:
        n = int(seconds // 60)
        return ngettext("{n} minute ago", "{n} minutes ago", n).format(n=formats.number(n))
    if seconds < 86_400:
        n = int(seconds // 3600)
        return ngettext("{n} hour ago", "{n} hours ago", n).format(n=formats.number(n))
    days = int(seconds // 86_400)
    if days == 1:
        return _("yesterday")
    return ngettext("{n} day ago", "{n} days ago", days).format(n=formats.number(days))


def _device_name(device: dict[str, Any]) -> str:
    return str(device.get("name") or _("another device"))


def names(devices: list[dict[str, Any]]) -> str:
    """"Laptop", "Laptop and Office": the devices sync reached, as the language lists."""
    return formats.join([_device_name(d) for d in devices if not d.get("skipped")])


def status_line(status: dict[str, Any], last: dict[str, Any] | None, last_at: str | None,
                problem: str | None, busy: str | None, now: datetime) -> str:
    if busy in ("pass", "join"):
        return _("Syncing…")
    if problem:
        return problem
    devices = status.get("devices")
    if devices is None and last is not None:
        devices = last.get("devices")
    others = names([d for d in devices or [] if isinstance(d, dict)])
    when = ago(parse_utc(last_at or status.get("last_pass")), now)
    if last is None and not status.get("last_pass"):
        return _("Not synced yet")
    waiting = int(status.get("waiting") or 0) if last is None else 0
    if waiting:
        # TRANSLATORS: {when} is how long ago sync last ran ("2 minutes ago", "yesterday")
        return ngettext("{n} change to send · last synced {when}",
                        "{n} changes to send · last synced {when}", waiting).format(
            n=formats.number(waiting), when=when)
    if not others:
        # TRANSLATORS: {when} is how long ago sync last ran ("2 minutes ago", "yesterday")
        return _("Up to date · no other computer has written to the folder yet · {when}"
                 ).format(when=when)
    # TRANSLATORS: {others} names the other computers ("Laptop and Office"); {when} is
    # how long ago sync last ran ("2 minutes ago")
    return _("Up to date with {others} · {when}").format(others=others, when=when)


def device_lines(devices: list[dict[str, Any]], now: datetime) -> list[str]:
    if not devices:
        return [_("No other computer yet. Start Self-Trust there and choose the same folder.")]
    lines = []
    for d in devices:
        name = _device_name(d)
        if d.get("skipped"):
            # TRANSLATORS: a device sync passed over, and why ("Old PC: written by a newer
            # Self-Trust")
            lines.append(_("{name}: {reason}").format(name=name, reason=d["skipped"]))
        elif d.get("last_write"):
            # TRANSLATORS: {when} is how long ago ("2 minutes ago", "yesterday")
            lines.append(_("{name} · last wrote {when}").format(
                name=name, when=ago(parse_utc(d["last_write"]), now)))
        else:
            lines.append(_("{name} · nothing written yet").format(name=name))
    return lines
