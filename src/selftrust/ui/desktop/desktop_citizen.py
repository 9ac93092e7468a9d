"""What makes Self-Trust a good desktop citizen while it runs: the tray icon, reminders
at their minute (as desktop notifications, or through the tray: see `notify_route`),
and (optionally) staying in the tray when the window is closed.

`launch.py` creates one `DesktopCitizen` for the main window; nothing else needs to
know about it. The reminder timer aims at each minute boundary and asks
`services.reminders` what is due, so all time rules live (and are tested) there; a
computer waking from sleep simply makes the next tick late, and the service turns
what was missed into one catch-up.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from selftrust import APP_NAME
from selftrust.base.i18n import _
from selftrust.services.autostart import Autostart, launch_command
from selftrust.services.reminders import OpenPromise, ReminderService
from selftrust.ui.desktop.notifiers import make_notifier
from selftrust.ui.desktop.notify_route import pick_route, session_bus
from selftrust.ui.desktop.tray import Tray
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.prefs import UiPrefs

log = logging.getLogger(__name__)

KEEP_IN_TRAY = "desktop/keep_in_tray"
HINT_SHOWN = "desktop/tray_hint_shown"


def keep_in_tray(prefs: UiPrefs) -> bool:
    """The "keep running in the tray" preference; on by default only where a tray exists."""
    default = QSystemTrayIcon.isSystemTrayAvailable()
    raw = prefs.value(KEEP_IN_TRAY, None)
    if raw is None:
        return default
    return str(raw).lower() in ("true", "1")


def set_keep_in_tray(prefs: UiPrefs, on: bool) -> None:
    prefs.set_value(KEEP_IN_TRAY, bool(on))


def autostart_for(ctx: UiContext) -> Autostart:
    """The login entry that starts this Self-Trust on this data folder.

    The folder is always named: at login neither --data-dir nor SELFTRUST_DATA_DIR of
    today's start is there to say which one."""
    return Autostart(launch_command(["--data-dir", str(ctx.ws.db.folder.root)]))


class DesktopCitizen(QObject):
    def __init__(self, ctx: UiContext, window: QWidget, *, bus: QDBusConnection | None = None,
                 in_flatpak: bool | None = None) -> None:
        """``bus`` and ``in_flatpak`` default to this desktop's (tests hand in their own)."""
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._quitting = False
        self.reminders = ReminderService(ctx.ws)
        self.reminders.start()
        self.tray = Tray(ctx, self.reminders, self)
        self.tray.open_requested.connect(self.open_today)
        self.tray.quit_requested.connect(self.quit_app)
        quit_action = getattr(getattr(window, "actions_", None), "quit", None)
        if quit_action is not None:
            # Runs after the window's own close: see eventFilter.
            quit_action.triggered.connect(self.quit_app)
        self.tray.show()
        bus = session_bus() if bus is None else bus
        self.route = pick_route(bus, in_flatpak=in_flatpak)
        ctx.reminder_route = self.route  # the dialogs' answer: no second round of bus calls
        self.notifier = make_notifier(self.route, self.tray, bus, self)
        self.notifier.kept.connect(self.keep_from_note)
        self.notifier.open_requested.connect(self.open_today)
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        self._aim()
        ctx.clockwork.prefs_changed.connect(self.apply_prefs)
        self.apply_prefs()

    # --- reminders --------------------------------------------------------------------
    def tick(self) -> None:
        try:
            nudges = self.reminders.due()
        except Exception:  # noqa: BLE001 - a reminder must never take the app down
            log.exception("checking reminders failed")
            nudges = []
        if nudges:
            self.notifier.notify(nudges)
        self._aim()

    def keep_from_note(self, promise: OpenPromise, day: date | None) -> None:
        """"Kept" pressed on a notification: the tray menu's undoable step, only while
        the note's day is today and nothing is recorded for it yet. A note left on screen
        from yesterday, or a day already marked, opens Today instead: the person sees the
        day as it is and decides there (no record after the fact, no overwrite)."""
        ws = self.ctx.ws
        if day != ws.today() or ws.checkins.get(promise.commitment_id, day) is not None:
            self.open_today()
            return
        self.tray.check_off(promise)

    def _aim(self) -> None:
        wait = (self.reminders.next_check() - self.reminders.now()).total_seconds()
        self.timer.start(int(min(max(wait, 1.0), 60.0) * 1000) + 250)

    # --- window and tray --------------------------------------------------------------
    @property
    def keeps_running(self) -> bool:
        return keep_in_tray(self.ctx.prefs) and self.tray.icon.isVisible()

    def apply_prefs(self) -> None:
        QApplication.setQuitOnLastWindowClosed(not self.keeps_running)

    def open_today(self) -> None:
        show_view = getattr(self.window, "show_view", None)
        if show_view is not None:
            show_view("today")
        bring = getattr(self.window, "bring_to_front", None)
        if bring is not None:
            bring()
        else:
            self.window.show()

    def quit_app(self) -> None:
        """Quit for real (the tray's Quit, or File ▸ Quit), even when kept in the tray."""
        self._quitting = True
        if not self.window.close():
            self._quitting = False  # unsaved text: the window said no
            return
        self.tray.hide()
        QCoreApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if (watched is self.window and event.type() == QEvent.Type.Close
                and not self._quitting and self.keeps_running):
            # Hide on the next turn: if this close came from File ▸ Quit, quit_app runs
            # first and the window closes properly instead.
            event.ignore()
            QTimer.singleShot(0, self._tuck_away)
            return True
        return super().eventFilter(watched, event)

    def _tuck_away(self) -> None:
        if self._quitting:
            return
        self.window.hide()
        if not self.ctx.prefs.value(HINT_SHOWN, False):
            self.ctx.prefs.set_value(HINT_SHOWN, True)
            self.tray.icon.showMessage(
                APP_NAME,
                _("Self-Trust keeps running here and will remind you. "
                  "Quit it from this icon's menu."),
                self.tray.icon.icon(),
                8000,
            )
