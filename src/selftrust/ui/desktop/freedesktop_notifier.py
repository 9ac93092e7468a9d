"""Reminders through the freedesktop notification service (GNOME, KDE, dunst, mako …).

The specification: https://specifications.freedesktop.org/notification-spec/ . Buttons
are offered only where ``GetCapabilities`` lists "actions" (elsewhere they would be
dropped silently, or shown and never answered). The body is escaped only for a server
that lists "body-markup" (it reads the body as markup; the others show it as it is), so
a title like "Tea & toast" shows as typed on both. The capabilities are asked once per
server, not at every reminder (a blocking call on the GUI thread), and asked again
when another program takes the service's name.
``ActionInvoked`` brings an answer back; ``NotificationClosed`` forgets the note.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QObject, Slot
from PySide6.QtDBus import (
    QDBus,
    QDBusConnection,
    QDBusInterface,
    QDBusMessage,
    QDBusServiceWatcher,
)

from selftrust import APP_ID, APP_NAME
from selftrust.ui.desktop.dbus_values import byte, listen, typed_call
from selftrust.ui.desktop.notifications import (
    TIMEOUT_MS,
    DbusNotifier,
    Fallback,
    Note,
    open_label,
)
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
        self._capabilities: list[str] | None = None
        self._watcher = QDBusServiceWatcher(
            NOTIFICATIONS_SERVICE, bus, QDBusServiceWatcher.WatchModeFlag.WatchForOwnerChange,
            self)
        self._watcher.serviceOwnerChanged.connect(self._forget_server)
        for signal, slot in (("ActionInvoked", "_on_action(QDBusMessage)"),
                             ("NotificationClosed", "_on_closed(QDBusMessage)")):
            if not listen(bus, NOTIFICATIONS_SERVICE, PATH, INTERFACE, signal, self, slot):
                log.warning("notifications: cannot listen to %s", signal)

    def capabilities(self) -> list[str]:
        """The server's capabilities, asked once (an answer that failed is asked again)."""
        if self._capabilities is None:
            asked = self._ask_capabilities()
            if asked is None:
                return []
            self._capabilities = asked
        return self._capabilities

    def _ask_capabilities(self) -> list[str] | None:
        call = QDBusMessage.createMethodCall(NOTIFICATIONS_SERVICE, PATH, INTERFACE,
                                             "GetCapabilities")
        reply = self.bus.call(call, QDBus.CallMode.Block, TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        return [str(c) for c in reply.arguments()[0]]

    def _forget_server(self, *_owners: str) -> None:
        """Another server took the name: its capabilities and interface are its own."""
        self._capabilities = None
        self._iface = None

    def _interface(self) -> QDBusInterface:
        if self._iface is None or not self._iface.isValid():
            self._iface = QDBusInterface(NOTIFICATIONS_SERVICE, PATH, INTERFACE, self.bus,
                                         self)
            self._iface.setTimeout(TIMEOUT_MS)
        return self._iface

    def show(self, note: Note) -> bool:
        capabilities = self.capabilities()
        body = escape(note.body, quote=False) if "body-markup" in capabilities else note.body
        actions: list[str] = []
        if "actions" in capabilities:
            actions = ["default", open_label()]  # a click on the notification itself
            for key, label in note.buttons:
                actions += [key, label]
        hints = {"desktop-entry": APP_ID, "urgency": byte(URGENCY_NORMAL)}
        try:
            sent = typed_call(self._interface(), "Notify", "uint", [
                (str, APP_NAME), ("uint", 0), (str, APP_ID), (str, note.title),
                (str, body), ("QStringList", actions),
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
