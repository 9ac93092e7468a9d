"""Reminders through the notification portal, as a Flatpak must send them.

Inside the sandbox the app cannot be sure to reach the notification service; the portal
(xdg-desktop-portal) shows the notification for it, names it after the app, and always
offers buttons. Its body is plain text by definition, so nothing is escaped. The id is
ours: the portal hands it back with the button's action in ``ActionInvoked``.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from selftrust.ui.desktop.dbus_values import dict_array, listen
from selftrust.ui.desktop.notifications import OPEN, TIMEOUT_MS, DbusNotifier, Fallback, Note
from selftrust.ui.desktop.notify_route import Route

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Notification"


class PortalNotifier(DbusNotifier):
    route = Route.PORTAL

    def __init__(self, bus: QDBusConnection, fallback: Fallback,
                 parent: QObject | None = None) -> None:
        super().__init__(bus, fallback, parent)
        self._ids = itertools.count(1)
        if not listen(bus, SERVICE, PATH, INTERFACE, "ActionInvoked", self,
                      "_on_action(QDBusMessage)"):
            log.warning("portal: cannot listen to ActionInvoked")

    def show(self, note: Note) -> bool:
        key = f"reminder-{next(self._ids)}"
        call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "AddNotification")
        call.setArguments([key, {
            "title": note.title,
            "body": note.body,
            "priority": "normal",
            "default-action": OPEN,
            "buttons": dict_array([{"label": label, "action": action}
                                   for action, label in note.buttons]),
        }])
        reply = self.bus.call(call, QDBus.CallMode.Block, TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.warning("portal: AddNotification failed: %s", reply.errorMessage())
            return False
        self.shown[key] = note
        return True

    @Slot(QDBusMessage)
    def _on_action(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) >= 2:
            self.answer(self.shown.pop(str(args[0]), None), str(args[1]))
