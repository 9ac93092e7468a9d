"""A small notification server for the tests, run on a private bus by dbus-run-session.

    dbus-run-session -- python notification_server.py STATE_FILE MODE

MODE is ``notifications`` (owns org.freedesktop.Notifications and offers actions and
"body-markup", as GNOME Shell does), ``plain-body`` (actions, but bodies shown as plain
text, as some servers do), ``no-actions`` (plain bodies and no "actions" capability),
``portal`` (owns org.freedesktop.portal.Desktop with the Notification interface, as
inside a Flatpak) or
``none`` (owns nothing: a desktop without a notification service). Every call it
receives is appended to STATE_FILE as one JSON line, so the test reads what a person
would have seen. A control object (io.github.selftrust.TestServer, /control) lets the
test press a button "on the server side": the server then emits the signal a real
server emits. Once ready it prints ``READY <its pid> <bus address>``: the test stops
the server by its pid, and dbus-run-session then stops the bus.

Typed slots and signals ("uint", "QStringList") give the D-Bus signatures of the
specification exactly, so a client that sends the wrong types is refused here as a
real server would refuse it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusArgument, QDBusConnection, QDBusVariant

NOTIFICATIONS = "org.freedesktop.Notifications"
PORTAL = "org.freedesktop.portal.Desktop"
CONTROL = "io.github.selftrust.TestServer"
EXPORT = (QDBusConnection.RegisterOption.ExportAllSlots
          | QDBusConnection.RegisterOption.ExportAllSignals)


class Log:
    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, **call: Any) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(call) + "\n")


def plain(value: Any) -> Any:
    """A D-Bus value as plain JSON."""
    if isinstance(value, QDBusArgument):
        return _shape(value)
    if isinstance(value, QDBusVariant):
        return plain(value.variant())
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _shape(arg: QDBusArgument) -> dict[str, Any]:
    """A nested array (the portal's buttons) as its signature and length: PySide6 cannot
    read the entries of a map inside one (its beginMapEntry is the writing overload), so
    the tests check the type here and the actions by invoking them."""
    shape: dict[str, Any] = {"signature": arg.currentSignature()}
    if arg.currentType() == QDBusArgument.ElementType.ArrayType:
        arg.beginArray()
        count = 0
        while not arg.atEnd():
            arg.asVariant()
            count += 1
        shape["count"] = count
    return shape


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    ActionInvoked = Signal("uint", str)  # noqa: N815 - the specification's names
    NotificationClosed = Signal("uint", "uint")  # noqa: N815

    def __init__(self, log: Log, capabilities: list[str]) -> None:
        super().__init__()
        self.log = log
        self.capabilities = capabilities
        self.last_id = 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:  # noqa: N802
        self.log.write(call="GetCapabilities")
        return self.capabilities

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name: str, replaces_id: int, app_icon: str, summary: str,  # noqa: N802
               body: str, actions: list[str], hints: dict[str, Any], expire_timeout: int
               ) -> int:
        self.last_id += 1
        self.log.write(call="Notify", id=self.last_id, app_name=app_name,
                       replaces_id=replaces_id, app_icon=app_icon, summary=summary, body=body,
                       actions=list(actions), hints=plain(hints),
                       expire_timeout=expire_timeout)
        return self.last_id

    @Slot("uint")
    def CloseNotification(self, id_: int) -> None:  # noqa: N802
        self.log.write(call="CloseNotification", id=id_)
        self.NotificationClosed.emit(id_, 3)

    @Slot(result=str)
    def GetServerInformation(self) -> str:  # noqa: N802
        return "selftrust-test-server"


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Notification"})
class Portal(QObject):
    ActionInvoked = Signal(str, str, "QVariantList")  # noqa: N815

    def __init__(self, log: Log) -> None:
        super().__init__()
        self.log = log

    @Slot(str, "QVariantMap")
    def AddNotification(self, id_: str, notification: dict[str, Any]) -> None:  # noqa: N802
        self.log.write(call="AddNotification", id=id_, notification=plain(notification))

    @Slot(str)
    def RemoveNotification(self, id_: str) -> None:  # noqa: N802
        self.log.write(call="RemoveNotification", id=id_)


@ClassInfo({"D-Bus Interface": CONTROL})
class Control(QObject):
    """What the test does in a person's place: press a button, dismiss a notification."""

    def __init__(self, notifications: Notifications | None, portal: Portal | None) -> None:
        super().__init__()
        self.notifications = notifications
        self.portal = portal

    @Slot(int, str)
    def Invoke(self, id_: int, action: str) -> None:  # noqa: N802
        assert self.notifications is not None
        self.notifications.ActionInvoked.emit(id_, action)
        self.notifications.NotificationClosed.emit(id_, 2)  # as a server closes it after

    @Slot(int)
    def Dismiss(self, id_: int) -> None:  # noqa: N802
        assert self.notifications is not None
        self.notifications.NotificationClosed.emit(id_, 2)

    @Slot(str, str)
    def InvokePortal(self, id_: str, action: str) -> None:  # noqa: N802
        assert self.portal is not None
        self.portal.ActionInvoked.emit(id_, action, [])


def main(argv: list[str]) -> int:
    state, mode = Path(argv[1]), argv[2]
    app = QCoreApplication(argv)
    bus = QDBusConnection.sessionBus()
    log = Log(state)
    notifications = portal = None
    capabilities = {"notifications": ["body", "actions", "body-markup"],
                    "plain-body": ["body", "actions"], "no-actions": ["body"]}
    if mode in capabilities:
        caps = capabilities[mode]
        notifications = Notifications(log, caps)
        assert bus.registerObject("/org/freedesktop/Notifications", notifications, EXPORT)
        assert bus.registerService(NOTIFICATIONS)
    elif mode == "portal":
        portal = Portal(log)
        assert bus.registerObject("/org/freedesktop/portal/desktop", portal, EXPORT)
        assert bus.registerService(PORTAL)
    control = Control(notifications, portal)
    assert bus.registerObject("/control", control, EXPORT)
    assert bus.registerService(CONTROL)
    print("READY", os.getpid(), os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
