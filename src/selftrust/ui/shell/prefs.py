"""Per-machine preferences kept in QSettings: theme, reduced motion, window state.

Settings that belong to the data (day start, week start) live in the database and
travel with backups and exports; these describe this computer's window only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from selftrust.ui.look.theme import Theme


class UiPrefs:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings()

    def _get(self, key: str, default: object) -> object:
        value = self.qs.value(key, default)
        return default if value is None else value

    @property
    def theme(self) -> Theme:
        raw = str(self._get("appearance/theme", Theme.SYSTEM.value))
        return Theme(raw) if raw in Theme._value2member_map_ else Theme.SYSTEM

    @theme.setter
    def theme(self, value: Theme) -> None:
        self.qs.setValue("appearance/theme", value.value)

    @property
    def reduced_motion(self) -> bool:
        return str(self._get("appearance/reduced_motion", "false")).lower() in ("true", "1")

    @reduced_motion.setter
    def reduced_motion(self, value: bool) -> None:
        self.qs.setValue("appearance/reduced_motion", bool(value))

    @property
    def geometry(self) -> QByteArray | None:
        value = self.qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self.qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.qs.setValue("window/state", value)

    @property
    def last_view(self) -> str:
        return str(self._get("window/last_view", "today"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self.qs.setValue("window/last_view", value)

    def value(self, key: str, default: object = None) -> object:
        """Other views' small bits of remembered state (chart range, filters …)."""
        return self._get(key, default)

    def set_value(self, key: str, value: object) -> None:
        self.qs.setValue(key, value)
