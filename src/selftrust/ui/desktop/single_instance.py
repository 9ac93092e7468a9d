"""Only one window per data folder: a second launch brings the first to the front.

A lock file in the data folder decides who is first (QLockFile clears the lock of a
crashed process); the first listens on a local socket named after the folder, and a
later launch connects to it, asks it to show itself, and exits.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"


def server_name(root: Path) -> str:
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"selftrust-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # another launch asked us to come to the front

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.name = server_name(root)
        self._lock = QLockFile(str(root / "instance.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process is the first; it then starts listening."""
        if not self._lock.tryLock(200):
            return False
        try:  # it names this host and process: owner-only, like every file of ours
            os.chmod(self.root / "instance.lock", 0o600)
        except OSError:
            pass
        QLocalServer.removeServer(self.name)  # a crashed owner's socket; we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance server could not listen: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def ask_first_to_show(self, attempts: int = 15) -> bool:
        """Tell the running instance to show itself; it may still be starting, so retry."""
        for _attempt in range(attempts):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(200):
                socket.write(SHOW)
                socket.flush()
                socket.waitForBytesWritten(500)
                socket.disconnectFromServer()
                return True
        return False

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
