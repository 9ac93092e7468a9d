"""The "Reminders and desktop" section of the preferences: reminders on or off, the daily
summary and its time, keeping Self-Trust in the tray, and starting with the system.

A plain QWidget so the preferences dialog can embed it as one section. Every change
is saved at once (there is nothing to confirm); where the platform cannot do
something, the control is off and a line says why. The first line says which way
reminders arrive here (`notify_route`): a person should not have to guess.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import _
from selftrust.domain.reminder import parse_time
from selftrust.services.autostart import Autostart, AutostartError
from selftrust.services.errors import UserError
from selftrust.ui.desktop.desktop_citizen import autostart_for, keep_in_tray, set_keep_in_tray
from selftrust.ui.desktop.notify_route import NO_TRAY, Route, can_show, route_in_use, route_line
from selftrust.ui.dialogs import messages
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.labels import ElidedLabel


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setEnabled(False)  # the palette's quieter text colour
    return label


class _Column:
    """addRow(widget or layout) onto a vertical layout: the rows of this section."""

    def __init__(self, layout: QVBoxLayout) -> None:
        self._layout = layout

    def addRow(self, item: QWidget | QHBoxLayout) -> None:  # noqa: N802 - QFormLayout's name
        if isinstance(item, QWidget):
            self._layout.addWidget(item)
        else:
            self._layout.addLayout(item)


def _home_as_tilde(path: str) -> str:
    home = str(Path.home())
    return "~" + path[len(home):] if home != "/" and path.startswith(home + "/") else path


class DesktopPrefsSection(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 autostart: Autostart | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.autostart = autostart or autostart_for(ctx)
        self.setObjectName("desktop-prefs")
        settings = ctx.ws.settings

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_("Reminders and desktop"), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        # Every row spans the width, so a plain column: unlike a form layout it gives a
        # wrapped note the height its words need at any width and font size.
        form = _Column(outer)

        # Which way reminders arrive comes first; where they cannot, that reason, and the
        # controls below it are shown off (their settings kept), never ticked beside a
        # line saying no.
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable()
        route = route_in_use(ctx.reminder_route)
        self.can_remind = can_show(route)
        self.route_note = _note(route_line(route), self)
        form.addRow(self.route_note)
        # Without a tray, Self-Trust cannot stay in one: said once, by the route line
        # when it has no way for reminders either, else on its own above the option.
        self.tray_note: QLabel | None = None
        if not tray_ok:
            self.tray_note = (self.route_note if route is Route.NONE
                              else _note(_(NO_TRAY), self))

        self.reminders = QCheckBox(_("Re&mind me of promises still open"), self)
        self.reminders.setAccessibleName(_("Remind me of promises still open"))
        self.reminders.setChecked(settings.reminders_enabled)
        self.reminders.setToolTip(
            _("A gentle note at each commitment's reminder time, only if it is still open."))
        form.addRow(self.reminders)

        summary_row = QHBoxLayout()
        # TRANSLATORS: a check box followed by a time field ("A daily summary at 20:00")
        self.summary = QCheckBox(_("A daily s&ummary at"), self)
        self.summary.setAccessibleName(_("A daily summary of open promises"))
        self.summary.setChecked(settings.summary_enabled)
        self.summary_time = QTimeEdit(self)
        self.summary_time.setDisplayFormat("HH:mm")
        self.summary_time.setAccessibleName(_("Time of the daily summary"))
        at = parse_time(settings.summary_time)
        self.summary_time.setTime(QTime(at.hour, at.minute))
        summary_row.addWidget(self.summary)
        summary_row.addWidget(self.summary_time)
        summary_row.addStretch(1)
        form.addRow(summary_row)

        self.keep = QCheckBox(_("Keep running in the tra&y when the window is closed"), self)
        self.keep.setAccessibleName(_("Keep running in the tray when the window is closed"))
        self.keep.setChecked(tray_ok and keep_in_tray(ctx.prefs))
        self.keep.setEnabled(tray_ok)
        if self.tray_note is not None and self.tray_note is not self.route_note:
            form.addRow(self.tray_note)
        form.addRow(self.keep)
        if not self.can_remind:
            for control in (self.reminders, self.summary, self.summary_time):
                control.setAccessibleDescription(self.route_note.text())
        if self.tray_note is not None:
            self.keep.setAccessibleDescription(self.tray_note.text())

        self.login = QCheckBox(_("S&tart Self-Trust when I log in"), self)
        self.login.setAccessibleName(_("Start Self-Trust when I log in"))
        self.login.setEnabled(self.autostart.supported)
        self.login.setChecked(self.autostart.is_enabled())
        form.addRow(self.login)
        if self.autostart.supported:
            # TRANSLATORS: {path} is the file that starts Self-Trust at login
            self.login_note: QLabel = ElidedLabel(
                _("Adds a login entry: {path}").format(
                    path=_home_as_tilde(self.autostart.where)), self)
            self.login_note.setEnabled(False)  # the quieter text colour, as the notes
        else:
            self.login_note = _note(
                _("Starting with the system is not available here; add Self-Trust to your "
                  "desktop's startup programs instead."), self)
        form.addRow(self.login_note)
        outer.addStretch(1)

        self._sync_enabled()
        self.reminders.toggled.connect(self._save_settings)
        self.summary.toggled.connect(self._save_settings)
        self.summary_time.timeChanged.connect(self._save_settings)
        self.keep.toggled.connect(self._save_keep)
        self.login.toggled.connect(self._save_login)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Keep each note's whole height as a minimum: a window is not sized by its
        labels' height-for-width, and at 200 % the last line was cut off."""
        super().resizeEvent(event)
        for note in self.findChildren(QLabel):
            if note.wordWrap() and note.text():
                need = note.heightForWidth(event.size().width())
                if need > 0 and note.minimumHeight() != need:
                    note.setMinimumHeight(need)

    def _sync_enabled(self) -> None:
        can = self.can_remind
        on = self.reminders.isChecked()
        self.reminders.setEnabled(can)
        self.summary.setEnabled(can and on)
        self.summary_time.setEnabled(can and on and self.summary.isChecked())

    def _save_settings(self) -> None:
        self._sync_enabled()
        t = self.summary_time.time()
        ws = self.ctx.ws
        try:
            ws.update_settings(replace(
                ws.settings,
                reminders_enabled=self.reminders.isChecked(),
                summary_enabled=self.summary.isChecked(),
                summary_time=f"{t.hour():02d}:{t.minute():02d}",
            ))
        except UserError as exc:
            messages.prompter.problem(self, _("That was not saved"), str(exc))

    def _save_keep(self, on: bool) -> None:
        set_keep_in_tray(self.ctx.prefs, on)
        self.ctx.clockwork.prefs_changed.emit()

    def _save_login(self, on: bool) -> None:
        try:
            self.autostart.set_enabled(on)
        except AutostartError as exc:
            messages.prompter.problem(self, _("Starting with the system"), str(exc))
            self.login.blockSignals(True)
            self.login.setChecked(self.autostart.is_enabled())
            self.login.blockSignals(False)


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """For `selftrust screenshot`: the section on its own, at a readable width."""
    section = DesktopPrefsSection(ctx)
    section.setWindowTitle(_("Reminders and desktop"))
    section.resize(max(460, section.sizeHint().width()), section.sizeHint().height())
    section.setContentsMargins(16, 16, 16, 16)
    section.show()
    return section


__all__ = ["DesktopPrefsSection", "screenshot_target"]
