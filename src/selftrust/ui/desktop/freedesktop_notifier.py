"""Reminders through the freedesktop notification service (GNOME, KDE, dunst, mako …).

The specification: https://specifications.freedesktop.org/notification-spec/ . Buttons
are offered only where ``GetCapabilities`` lists "actions" (elsewhere they would be
dropped silently, or shown and never answered). The body is escaped because servers
with "body-markup" read it as markup and a title like "Tea & toast" must show as typed.
``ActionInvoked`` brings an answer back; ``NotificationClosed`` forgets the note.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

from selftrust import APP_ID, APP_NAME
from selftrust.ui.desktop.dbus_values import byte, listen, typed_call
from selftrust.ui.desktop.notifications import TIMEOUT_MS, DbusNotifier, Fallback, Note
from selftrust.ui.desktop.notify_route import NOTIFICATIONS_SERVICE, Route

log = logging.getLogger(__name__)

PATH = "/org/freedesktop/Notifications"
INTERFACE = NOTIFICATIONS_SERVICE
URGENCY_NORMAL = 1
SERVER_DEFAULT = -1  # expire_timeout: the server's own


class FreedesktopNotifier(DbusNotifier):
    route = Route.NOTIFICATIONS

    def __init__(self, bus: QDBusConnection, fallback: Fallback,
                 parent: QObject | None = None) -> None:
        super().__init__(bus, fallback, parent)
        self._iface: QDBusInterface | None = None
        for signal, slot in (("ActionInvoked", "_on_action(QDBusMessage)"),
                             ("NotificationClosed", "_on_closed(QDBusMessage)")):
            if not listen(bus, NOTIFICATIONS_SERVICE, PATH, INTERFACE, signal, self, slot):
                log.warning("notifications: cannot listen to %s", signal)

    def capabilities(self) -> list[str]:
        call = QDBusMessage.createMethodCall(NOTIFICATIONS_SERVICE, PATH, INTERFACE,
                                             "GetCapabilities")
        reply = self.bus.call(call, QDBus.CallMode.Block, TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return []
        return [str(c) for c in reply.arguments()[0]]

    def _interface(self) -> QDBusInterface:
        if self._iface is None or not self._iface.isValid():
            self._iface = QDBusInterface(NOTIFICATIONS_SERVICE, PATH, INTERFACE, self.bus,
                                         self)
            self._iface.setTimeout(TIMEOUT_MS)
        return self._iface

    def show(self, note: Note) -> bool:
        actions: list[str] = []
        if "actions" in self.capabilities():
            actions = ["default", "Open"]  # a click on the notification itself
            for key, label in note.buttons:
                actions += [key, label]
        hints = {"desktop-entry": APP_ID, "urgency": byte(URGENCY_NORMAL)}
        try:
            sent = typed_call(self._interface(), "Notify", "uint", [
                (str, APP_NAME), ("uint", 0), (str, APP_ID), (str, note.title),
                (str, escape(note.body, quote=False)), ("QStringList", actions),
                ("QVariantMap", hints), (int, SERVER_DEFAULT)])
        except RuntimeError:  # no such method: the service went away or is not one
            sent = None
        if not sent:
            log.warning("notifications: Notify failed: %s",
                        self._interface().lastError().message())
            return False
        self.shown[int(sent)] = note
        return True

    @Slot(QDBusMessage)
    def _on_action(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) == 2:
            self.answer(self.shown.get(int(args[0])), str(args[1]))

    @Slot(QDBusMessage)
    def _on_closed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self.shown.pop(int(args[0]), None)
