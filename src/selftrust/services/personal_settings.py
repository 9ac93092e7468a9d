"""The personal settings by name, as `selftrust settings` reads and writes them.

Preferences and the Backups dialog change these with widgets; a terminal changes them
with words ("day-start 5", "week-start sunday", "reminders off"). Each entry turns
those words into the fields of ``Settings`` and back; the checks of what a setting may
be stay in ``Settings.validated`` and the change goes through ``update_settings``, as
the window's does, so both refuse the same things in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selftrust.domain.days import WEEKDAY_NAMES, WEEKDAY_TITLES
from selftrust.domain.reminder import ReminderError, format_time, parse_time
from selftrust.services.errors import Invalid
from selftrust.services.settings import Settings

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

Value = str | bool | None
"""A setting as scripts read it (JSON): text, on/off, or None for "off"."""

_HOUR = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
_ON = {"on", "yes", "true", "1"}
_OFF = {"off", "no", "false", "0"}
_FULL_WEEKDAYS = tuple(t.lower() for t in WEEKDAY_TITLES)


@dataclass(frozen=True, slots=True)
class PersonalSetting:
    name: str
    about: str
    value: Callable[[Settings], Value]
    changes: Callable[[str], dict[str, Any]]
    """The fields of Settings that a value typed by a person sets; Invalid if it is none."""

    def shown(self, settings: Settings) -> str:
        value = self.value(settings)
        if isinstance(value, bool):
            return "on" if value else "off"
        if self.name == "week-start" and isinstance(value, str):
            return value.capitalize()
        return "off" if value is None else value


def _day_start(text: str) -> dict[str, Any]:
    match = _HOUR.match(text.strip())
    if match is None:
        raise Invalid(f"“{text}” is not an hour; write it as 04:00, or just 4.")
    if match.group(2) not in (None, "00"):
        raise Invalid("The day starts on a whole hour, e.g. 04:00.")
    return {"day_start_hour": int(match.group(1))}


def _week_start(text: str) -> dict[str, Any]:
    word = text.strip().lower()
    for names in (_FULL_WEEKDAYS, WEEKDAY_NAMES):
        if word in names:
            return {"week_start": names.index(word)}
    raise Invalid(f"“{text}” is not a weekday; say monday, tuesday … sunday.")


def _switch(field: str) -> Callable[[str], dict[str, Any]]:
    def changes(text: str) -> dict[str, Any]:
        word = text.strip().lower()
        if word in _ON | _OFF:
            return {field: word in _ON}
        raise Invalid(f"“{text}”: say on or off.")

    return changes


def _summary_time(text: str) -> dict[str, Any]:
    try:
        return {"summary_time": format_time(parse_time(text))}
    except ReminderError as exc:
        raise Invalid(str(exc)) from None


def _export_folder(text: str) -> dict[str, Any]:
    from selftrust.services.auto_export import folder_text  # the export machinery: when set

    if text.strip().lower() in ("", *_OFF):
        return {"auto_export_folder": folder_text(None)}
    folder = Path(text).expanduser()
    if not folder.is_dir():
        raise Invalid(f"There is no folder at {text}; make it first, or say off.")
    return {"auto_export_folder": folder_text(folder)}


SETTINGS: tuple[PersonalSetting, ...] = (
    PersonalSetting(
        "day-start", "when a new day begins: a check-in before it counts for the day before",
        lambda s: f"{s.day_start_hour:02d}:00", _day_start),
    PersonalSetting(
        "week-start", "the first day of a week, for weekly promises and the charts",
        lambda s: _FULL_WEEKDAYS[s.week_start], _week_start),
    PersonalSetting(
        "reminders", "gentle reminders of promises still open, while the app runs",
        lambda s: s.reminders_enabled, _switch("reminders_enabled")),
    PersonalSetting(
        "daily-summary", "one note a day of the promises still open",
        lambda s: s.summary_enabled, _switch("summary_enabled")),
    PersonalSetting(
        "summary-time", "when that note comes", lambda s: s.summary_time, _summary_time),
    PersonalSetting(
        "daily-export", "a folder that gets a JSON copy of your data each day",
        lambda s: s.auto_export_folder or None, _export_folder),
)


def find_setting(name: str) -> PersonalSetting:
    wanted = name.strip().lower().replace("_", "-")
    for setting in SETTINGS:
        if setting.name == wanted:
            return setting
    names = ", ".join(s.name for s in SETTINGS)
    raise Invalid(f"There is no setting called “{name}”; the settings are {names}.")


def change_setting(ws: Workspace, setting: PersonalSetting, text: str) -> Settings:
    """Set ``setting`` from the words ``text``; returns the settings as they were."""
    return ws.update_settings(replace(ws.settings, **setting.changes(text)))
