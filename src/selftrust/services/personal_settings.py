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

from selftrust.base import formats
from selftrust.base.i18n import N_, _, pgettext
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
_AUTO = "auto"  # the week starts as the person's language has it


def _on_word() -> str:
    # TRANSLATORS: a setting's state, shown and typed ("selftrust settings reminders on");
    # the English "on" is always understood too.
    return pgettext("setting is", "on")


def _off_word() -> str:
    # TRANSLATORS: a setting's state, shown and typed ("selftrust settings reminders off");
    # the English "off" is always understood too.
    return pgettext("setting is", "off")


def _is_on(word: str) -> bool | None:
    """True for "on" (and its kin), False for "off", None for neither; the English words
    always, and the person's language's too."""
    if word in _ON or word == _on_word().lower():
        return True
    if word in _OFF or word == _off_word().lower():
        return False
    return None


@dataclass(frozen=True, slots=True)
class PersonalSetting:
    name: str
    description: str  # English, marked with N_: `about` says it in the person's language
    value: Callable[[Settings], Value]
    changes: Callable[[str], dict[str, Any]]
    """The fields of Settings that a value typed by a person sets; Invalid if it is none."""

    @property
    def about(self) -> str:
        """What the setting is for, in the person's language."""
        return _(self.description)

    def shown(self, settings: Settings) -> str:
        value = self.value(settings)
        if isinstance(value, bool):
            return _on_word() if value else _off_word()
        if self.name == "week-start" and value == _AUTO:
            # TRANSLATORS: the week's first day when the person has not chosen one; {day}
            # is the weekday the language's locale starts weeks on.
            return _("auto: {day}, as your language has it").format(
                day=formats.weekday_name(settings.week_start))
        if self.name == "week-start" and isinstance(value, str):
            return formats.weekday_name(_FULL_WEEKDAYS.index(value))
        return _off_word() if value is None else value


def _day_start(text: str) -> dict[str, Any]:
    match = _HOUR.match(text.strip())
    if match is None:
        raise Invalid(_("“{text}” is not an hour; write it as 04:00, or just 4.")
                      .format(text=text))
    if match.group(2) not in (None, "00"):
        raise Invalid(_("The day starts on a whole hour, e.g. 04:00."))
    return {"day_start_hour": int(match.group(1))}


def _week_start(text: str) -> dict[str, Any]:
    word = text.strip().lower()
    # TRANSLATORS: the word to type for "the week starts as my language has it" (the
    # English "auto" is always understood too).
    if word in (_AUTO, _("auto").lower()):
        return {"chosen_week_start": None}
    for names in (_FULL_WEEKDAYS, WEEKDAY_NAMES, _weekday_words()):
        if word in names:
            return {"chosen_week_start": names.index(word)}
    # TRANSLATORS: "monday, tuesday … sunday" and "auto" are the words to type; the English
    # ones are always understood, and the weekdays in the person's language too.
    raise Invalid(_("“{text}” is not a weekday; say monday, tuesday … sunday, or auto.")
                  .format(text=text))


def _weekday_words() -> tuple[str, ...]:
    """The weekdays in the person's language, as typed (lower case), Monday first."""
    return tuple(formats.weekday_name(day).lower() for day in range(7))


def _switch(field: str) -> Callable[[str], dict[str, Any]]:
    def changes(text: str) -> dict[str, Any]:
        on = _is_on(text.strip().lower())
        if on is not None:
            return {field: on}
        # TRANSLATORS: "on" and "off" are the words to type, as the setting's states are
        # translated; the English ones are always understood.
        raise Invalid(_("“{text}”: say on or off.").format(text=text))

    return changes


def _summary_time(text: str) -> dict[str, Any]:
    try:
        return {"summary_time": format_time(parse_time(text))}
    except ReminderError as exc:
        raise Invalid(str(exc)) from None


def _export_folder(text: str) -> dict[str, Any]:
    from selftrust.services.auto_export import folder_text  # the export machinery: when set

    word = text.strip().lower()
    if not word or _is_on(word) is False:
        return {"auto_export_folder": folder_text(None)}
    folder = Path(text).expanduser()
    if not folder.is_dir():
        # TRANSLATORS: {folder} is the folder typed; "off" is the word to type.
        raise Invalid(_("There is no folder at {folder}; make it first, or say off.")
                      .format(folder=text))
    return {"auto_export_folder": folder_text(folder)}


SETTINGS: tuple[PersonalSetting, ...] = (
    PersonalSetting(
        "day-start",
        N_("when a new day begins: a check-in before it counts for the day before"),
        lambda s: f"{s.day_start_hour:02d}:00", _day_start),
    PersonalSetting(
        "week-start", N_("the first day of a week, for weekly promises and the charts "
                         "(auto: as your language has it)"),
        lambda s: _AUTO if s.chosen_week_start is None else _FULL_WEEKDAYS[s.week_start],
        _week_start),
    PersonalSetting(
        "reminders", N_("gentle reminders of promises still open, while the app runs"),
        lambda s: s.reminders_enabled, _switch("reminders_enabled")),
    PersonalSetting(
        "daily-summary", N_("one note a day of the promises still open"),
        lambda s: s.summary_enabled, _switch("summary_enabled")),
    PersonalSetting(
        "summary-time", N_("when that note comes"), lambda s: s.summary_time, _summary_time),
    PersonalSetting(
        "daily-export", N_("a folder that gets a JSON copy of your data each day"),
        lambda s: s.auto_export_folder or None, _export_folder),
)


def find_setting(name: str) -> PersonalSetting:
    wanted = name.strip().lower().replace("_", "-")
    for setting in SETTINGS:
        if setting.name == wanted:
            return setting
    names = ", ".join(s.name for s in SETTINGS)
    # TRANSLATORS: {names} lists the settings' names as typed (day-start, week-start …).
    raise Invalid(_("There is no setting called “{name}”; the settings are {names}.")
                  .format(name=name, names=names))


def change_setting(ws: Workspace, setting: PersonalSetting, text: str) -> Settings:
    """Set ``setting`` from the words ``text``; returns the settings as they were."""
    return ws.update_settings(replace(ws.settings, **setting.changes(text)))
