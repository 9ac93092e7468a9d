"""The notifier for a route: the one place that knows every route's class."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection

from selftrust.ui.desktop.freedesktop_notifier import FreedesktopNotifier
from selftrust.ui.desktop.notifications import Notifier, TrayNotifier
from selftrust.ui.desktop.notify_route import Route
from selftrust.ui.desktop.portal_notifier import PortalNotifier
from selftrust.ui.desktop.tray import Tray


def make_notifier(route: Route, tray: Tray, bus: QDBusConnection,
                  parent: QObject | None = None) -> Notifier:
    """The notifier for ``route``; the tray's is the fallback of the D-Bus ones."""
    tray_notifier = TrayNotifier(tray, parent)
    if route is Route.PORTAL:
        return PortalNotifier(bus, tray_notifier.notify, parent)
    if route is Route.NOTIFICATIONS:
        return FreedesktopNotifier(bus, tray_notifier.notify, parent)
    tray_notifier.route = route  # TRAY, or NONE: the tray logs what it cannot show
    return tray_notifier
