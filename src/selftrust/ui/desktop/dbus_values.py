"""D-Bus values of the exact types a notification server expects, made from Python.

Servers check signatures strictly (GNOME Shell and the portal refuse a call whose
``replaces_id`` is an ``i`` instead of a ``u``), but PySide6 turns a Python int into an
``i``, a list of dicts into ``av`` and, through ``QDBusArgument <<``, a string into an
``as``. These helpers build the few values the notifiers send with the types named in
the specifications; the tests' server has typed slots, so a wrong type fails there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QMetaType, QObject, Qt
from PySide6.QtDBus import QDBusArgument, QDBusConnection, QDBusInterface, QDBusVariant

_VARIANT = QMetaType.fromName(b"QDBusVariant")


def byte(value: int) -> QDBusArgument:
    """A ``y``: PySide6 marshals a one-character str as a byte."""
    arg = QDBusArgument()
    arg << chr(value)  # noqa: B015 - operator<< writes into arg
    return arg


def dict_array(items: list[dict[str, str]]) -> QDBusArgument:
    """An ``aa{sv}`` (the portal's buttons)."""
    arg = QDBusArgument()
    arg.beginArray(QMetaType(QMetaType.Type.QVariantMap))
    for item in items:
        arg.beginMap(QMetaType(QMetaType.Type.QString), _VARIANT)
        for key, value in item.items():
            arg.beginMapEntry()
            arg.appendVariant(key)  # the value itself: a plain ``s``
            arg << QDBusVariant(value)  # noqa: B015
            arg.endMapEntry()
        arg.endMap()
    arg.endArray()
    return arg


def typed_call(iface: QDBusInterface, method: str, result: str,
               args: list[tuple[str | type, Any]]) -> Any:
    """Call ``method`` with each argument converted to its named Qt type ("uint",
    "QStringList", "QVariantMap" …); the interface's introspection gives the D-Bus
    signature. Blocks for at most the interface's timeout; None when the call failed."""
    return QMetaObject.invokeMethod(
        iface, method, Qt.ConnectionType.DirectConnection, Q_RETURN_ARG(result),
        *(Q_ARG(kind, value) for kind, value in args))


def listen(bus: QDBusConnection, service: str, path: str, interface: str, signal: str,
           receiver: QObject, slot: str) -> bool:
    """Connect a D-Bus signal to ``receiver``'s ``slot`` ("name(QDBusMessage)": a slot
    taking the whole message matches any signature, so a server's variant still
    arrives). Only signals sent by ``service``'s owner are delivered."""
    connect: Any = bus.connect  # its stubs want bytes; PySide6 takes SLOT()'s str
    return bool(connect(service, path, interface, signal, receiver, SLOT(slot)))
