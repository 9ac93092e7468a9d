"""Which way a reminder reaches the person on this desktop, and how Preferences says so.

A stock GNOME desktop has no tray, so reminders cannot rely on one: they go as desktop
notifications wherever a notification service listens, through the portal inside a
Flatpak (the sandbox may not talk to the service itself), through the tray icon where
only a tray exists, and nowhere (said plainly) where there is neither. The route is
picked once when the app starts (the bus calls behind it block), kept in the UI
context, and Preferences and the commitment form read it from there and apply the same
rule (`can_show`), so that what they offer matches what will happen.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QSystemTrayIcon

from selftrust.base.i18n import N_, _

FLATPAK_INFO = Path("/.flatpak-info")
NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"

# The lines Preferences shows, translated where shown (``route_line``, ``no_tray_line``).
AS_NOTIFICATIONS = N_("Reminders arrive as desktop notifications.")
THROUGH_TRAY = N_("Reminders arrive through the tray icon.")
NO_ROUTE = N_("Not available: reminders cannot be shown on this desktop, which has no "
              "notification service and no system tray, and Self-Trust closes with its "
              "window. Your choices are kept for a desktop that has one.")
NO_MESSAGES = N_("Not available: reminders cannot be shown on this desktop, which has no "
                 "notification service, and its tray cannot show messages. Your choices "
                 "are kept for when they can.")
NO_TRAY = N_("Not available: this desktop has no system tray, so Self-Trust closes with "
             "its window.")


class Route(StrEnum):
    PORTAL = "portal"  # org.freedesktop.portal.Notification, inside a Flatpak
    NOTIFICATIONS = "notifications"  # org.freedesktop.Notifications on the session bus
    TRAY = "tray"  # the tray icon's balloon messages
    NONE = "none"

    @property
    def is_dbus(self) -> bool:
        return self in (Route.PORTAL, Route.NOTIFICATIONS)


def session_bus() -> QDBusConnection:
    """The bus notifications go over (the tests hand in a private one instead)."""
    return QDBusConnection.sessionBus()


def has_service(bus: QDBusConnection, name: str) -> bool:
    """True when ``name`` has an owner, or the bus would start one on the first call
    (dunst, mako and others are started by D-Bus activation)."""
    if not bus.isConnected():
        return False
    iface = bus.interface()
    owned = iface.isServiceRegistered(name)
    if owned.isValid() and owned.value():
        return True
    activatable = iface.activatableServiceNames()
    return activatable.isValid() and name in (activatable.value() or [])


def pick_route(bus: QDBusConnection | None = None, *, in_flatpak: bool | None = None,
               tray_available: bool | None = None) -> Route:
    """The way reminders go here: the portal in a Flatpak, else the notification
    service, else the tray, else none. Each argument defaults to this desktop's."""
    bus = session_bus() if bus is None else bus
    flatpak = FLATPAK_INFO.exists() if in_flatpak is None else in_flatpak
    if flatpak and bus.isConnected():
        return Route.PORTAL
    if has_service(bus, NOTIFICATIONS_SERVICE):
        return Route.NOTIFICATIONS
    tray = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
    return Route.TRAY if tray else Route.NONE


def route_in_use(known: Route | None) -> Route:
    """The route the running app picked (``UiContext.reminder_route``); picked afresh
    only where none is running yet (a dialog opened before the tray, or in a test)."""
    return pick_route() if known is None else known


def can_show(route: Route) -> bool:
    """Whether a reminder sent this way reaches the person (a tray that cannot show
    messages is a route to nowhere)."""
    if route is Route.TRAY:
        return QSystemTrayIcon.supportsMessages()
    return route is not Route.NONE


def route_line(route: Route) -> str:
    """The line Preferences shows about where reminders go (translated)."""
    if route.is_dbus:
        return _(AS_NOTIFICATIONS)
    if route is Route.TRAY:
        return _(THROUGH_TRAY) if can_show(route) else _(NO_MESSAGES)
    return _(NO_ROUTE)


def no_tray_line() -> str:
    """The line Preferences shows where no tray can keep Self-Trust running (translated)."""
    return _(NO_TRAY)
