"""The tray icon: how many promises are still open today, and a menu to check them off.

The menu and the badge are built whether or not the desktop has a tray (tests and
offscreen runs use them directly); the icon itself is shown only where a tray exists.
A check-off from the tray goes through the same service and undo stack as Today, so
Ctrl+Z in the window takes it back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from selftrust import APP_NAME
from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.errors import UserError
from selftrust.services.reminders import Nudge, OpenPromise, ReminderService, combine
from selftrust.ui.dialogs import messages
from selftrust.ui.look.icons import app_icon
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import push_checkin

log = logging.getLogger(__name__)

BADGE_SIZES = (16, 22, 24, 32, 48, 64)
MESSAGE_MS = 10_000


def badge_text(count: int) -> str:
    """What the badge says: nothing when all is done, "9+" past nine (the digits the
    language writes, in a small round badge)."""
    if count <= 0:
        return ""
    if count < 10:
        return formats.number(count)
    # TRANSLATORS: the tray icon's badge when ten or more promises are open: a tiny
    # circle, two or three characters at most.
    return _("{n}+").format(n=formats.number(9))


def badge_pixmap(base: QIcon, count: int, size: int, color: QColor) -> QPixmap:
    """The app icon at ``size`` px with a round count in its top-right corner."""
    pix = base.pixmap(size, size)
    text = badge_text(count)
    if not text:
        return pix
    pix = pix.copy()
    ratio = pix.devicePixelRatio()
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = size * (0.62 if size <= 24 else 0.55)
    rect = QRectF(size - side, 0, side, side)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, round(side * (0.62 if len(text) == 1 else 0.48))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return pix


def badge_icon(count: int, color: QColor | None = None) -> QIcon:
    base = app_icon()
    colour = color or QColor("#c2410c")
    icon = QIcon()
    for size in BADGE_SIZES:
        icon.addPixmap(badge_pixmap(base, count, size, colour))
    return icon


def tooltip(promises: list[OpenPromise]) -> str:
    if not promises:
        # TRANSLATORS: the tray icon's tooltip; {app} is Self-Trust.
        return _("{app}: nothing open today").format(app=APP_NAME)
    n = len(promises)
    # TRANSLATORS: the tray icon's tooltip; {app} is Self-Trust.
    return ngettext("{app}: {n} promise still open today", "{app}: {n} promises still open today",
                    n).format(app=APP_NAME, n=formats.number(n))


class Tray(QObject):
    """Owns the QSystemTrayIcon, its menu and the count; `window` is the main window."""

    open_requested = Signal()  # show the window on Today
    quit_requested = Signal()

    def __init__(self, ctx: UiContext, reminders: ReminderService, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reminders = reminders
        self.promises: list[OpenPromise] = []
        self.menu = QMenu()
        # TRANSLATORS: what a screen reader calls the tray icon's menu; {app} is Self-Trust.
        self.menu.setAccessibleName(_("{app} tray menu").format(app=APP_NAME))
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_requested)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        # After a check-off the tray updates on the next turn of the event loop, so
        # the window's own update comes first.
        ctx.bridge.changed.connect(lambda _change: self._refresh_soon.start())
        ctx.clockwork.day_changed.connect(lambda _day: self.refresh())
        self.refresh()

    # --- state ------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.promises)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Show the icon where the desktop has a tray; False where it has none."""
        if not self.available():
            return False
        self.icon.show()
        return True

    def hide(self) -> None:
        self.icon.hide()

    def refresh(self) -> None:
        try:
            self.promises = self.reminders.open_today()
        except UserError as exc:  # the data folder went away: keep the last count
            log.warning("tray: %s", exc)
        self.icon.setIcon(badge_icon(self.count))
        self.icon.setToolTip(tooltip(self.promises))
        self._build_menu()

    # --- the menu ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menu
        menu.clear()
        open_app = menu.addAction(_("Open {app}").format(app=APP_NAME))
        open_app.triggered.connect(self.open_requested)
        menu.addSeparator()
        if self.promises:
            heading = menu.addAction(
                _("Check off for today:") if any(not p.measurable for p in self.promises)
                else _("Still open today:"))
            heading.setEnabled(False)
            for promise in self.promises:
                self._add_promise(promise)
        else:
            done = menu.addAction(_("Nothing open today"))
            done.setEnabled(False)
        menu.addSeparator()
        quit_action = menu.addAction(_("Quit {app}").format(app=APP_NAME))
        quit_action.triggered.connect(self.quit_requested)

    def _add_promise(self, promise: OpenPromise) -> QAction:
        title = promise.title.replace("&", "&&")  # plain text: no mnemonic from user text
        if promise.measurable:
            # An amount needs the window: open Today on it.
            # TRANSLATORS: a measurable promise in the tray's menu; {title} is its name
            # (choosing it opens the window to enter the amount).
            action = self.menu.addAction(_("{title}…").format(title=title))
            action.setToolTip(_("Open Today to enter the amount"))
            action.triggered.connect(self.open_requested)
        else:
            action = self.menu.addAction(title)
            action.triggered.connect(lambda _checked=False, p=promise: self.check_off(p))
        action.setData(promise.commitment_id)
        return action

    def promise_actions(self) -> list[QAction]:
        """The menu's actions for open promises, in order (tests drive these)."""
        return [a for a in self.menu.actions() if a.data() is not None]

    def check_off(self, promise: OpenPromise) -> None:
        ws = self.ctx.ws
        try:
            change = ws.checkins.record(promise.commitment_id, ws.today(),
                                        CheckinState(Status.KEPT))
        except UserError as exc:
            messages.prompter.problem(None, _("That was not saved"), str(exc))
            return
        # TRANSLATORS: the undo step of a check-off from the tray ("Undo Kept “Walk”").
        push_checkin(self.ctx.undo, ws, change, _("Kept “{title}”").format(title=promise.title))
        self.refresh()

    # --- notifications ----------------------------------------------------------------
    def notify(self, nudges: list[Nudge]) -> bool:
        """Show one desktop message for what is due; False where no tray can show it."""
        if not nudges:
            return False
        title, text = combine(nudges)
        if not (self.icon.isVisible() and QSystemTrayIcon.supportsMessages()):
            log.info("reminder not shown (no tray): %s: %s", title, text)
            return False
        self.icon.showMessage(title, text, app_icon(), MESSAGE_MS)
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
