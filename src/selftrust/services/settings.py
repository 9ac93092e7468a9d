"""Settings that belong to the data (they travel with exports and backups).

Window geometry, theme and other per-machine preferences live in QSettings instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from selftrust.base.i18n import _
from selftrust.domain.days import DEFAULT_DAY_START_HOUR
from selftrust.domain.jar import JarRules
from selftrust.domain.reminder import ReminderError, parse_time
from selftrust.services.errors import Invalid


@dataclass(frozen=True, slots=True)
class Settings:
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    # The first day of a week the person chose (0 = Monday … 6 = Sunday); None: the one of
    # where they live, as their language's locale says (``week_start``).
    chosen_week_start: int | None = None
    jar_kept_gain: int = 1
    jar_miss_cost: int = 2
    jar_repair_return: int = 2
    welcomed: bool = False  # the first-run welcome has been shown
    # Reminders (services/reminders.py): the switch for all of them, and the optional
    # daily summary "N promises are still open" at one local time ("HH:MM").
    reminders_enabled: bool = True
    summary_enabled: bool = False
    summary_time: str = "20:00"
    auto_export_folder: str = ""  # a JSON export is written there daily ("" = off)

    @property
    def week_start(self) -> int:
        """The first day of a week: the chosen one, or the locale's (Sunday in Israel or
        the United States, Monday in Germany), looked up only when a week is reckoned."""
        if self.chosen_week_start is not None:
            return self.chosen_week_start
        from selftrust.base import formats

        return formats.first_weekday()

    @property
    def jar_rules(self) -> JarRules:
        return JarRules(self.jar_kept_gain, self.jar_miss_cost, self.jar_repair_return)

    def validated(self) -> Settings:
        if not 0 <= self.day_start_hour <= 23:
            raise Invalid(_("The day can start at any hour from 0 to 23."))
        if self.chosen_week_start is not None and not 0 <= self.chosen_week_start <= 6:
            raise Invalid(_("The week starts on a weekday: 0 (Monday) to 6 (Sunday)."))
        for name in ("jar_kept_gain", "jar_miss_cost", "jar_repair_return"):
            if not 0 <= getattr(self, name) <= 100:
                raise Invalid(_("Marble counts must be between 0 and 100."))
        try:
            parse_time(self.summary_time)
        except ReminderError as exc:
            raise Invalid(str(exc)) from None
        return self

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> Settings:
        """Known keys of the right type; anything else keeps its default.

        The week's first day is stored as "week_start", -1 for "as the language has it"
        (a data folder that never stored one follows the language too).
        """
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "chosen_week_start":
                raw = stored.get(WEEK_START_KEY)
                if isinstance(raw, int) and not isinstance(raw, bool) and raw != LANGUAGE_WEEK:
                    values[f.name] = raw
                continue
            if f.name in stored:
                raw = stored[f.name]
                default = getattr(defaults, f.name)
                if isinstance(raw, type(default)) and not (
                    isinstance(default, int) and isinstance(raw, bool)
                    and not isinstance(default, bool)
                ):
                    values[f.name] = raw
        try:
            return replace(defaults, **values).validated()
        except Invalid:
            return defaults

    def to_stored(self) -> dict[str, Any]:
        stored = asdict(self)
        chosen = stored.pop("chosen_week_start")
        stored[WEEK_START_KEY] = LANGUAGE_WEEK if chosen is None else chosen
        return stored


WEEK_START_KEY = "week_start"
LANGUAGE_WEEK = -1
"""How "the week starts as my language has it" is stored, exported and synced."""
