"""Words are never lost: a reflection's draft is written to the data folder a second
after each change (and when the app quits), and removed once it is saved or discarded.
A drafts file that cannot be written is said calmly, never raised."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from selftrust.base.i18n import _
from selftrust.services.drafts import Draft, drafts_of
from selftrust.services.workspace import Workspace

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000


class DraftKeeper(QObject):
    """The draft of one reflection (``key``); ``write()`` is what the dialog calls a
    second after the last change; ``say`` shows how keeping went."""

    def __init__(self, ws: Workspace, key: str, write: Callable[[], object],
                 say: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.key = key
        self.store = drafts_of(ws)
        self.enabled = True  # off for a picture: nothing of it goes to disk
        self._say = say
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(write)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._flush)
        self._write = write

    def kept(self) -> Draft | None:
        return self.store.get(self.key)

    def soon(self) -> None:
        """A change: keep the draft in a second (each change starts the second again)."""
        if self.enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def keep(self, draft: Draft | None) -> bool:
        """Write ``draft`` now (None: a changeless edit keeps no draft). False when it
        could not be written."""
        try:
            if draft is not None:
                self.store.put(self.key, draft)
                self._say(_("Draft kept — your words are safe."))
            else:
                self.store.remove(self.key)
        except OSError as exc:
            log.warning("could not keep the reflection draft: %s", exc)
            self._say(_("Could not keep a draft on disk; please save when you can."))
            return False
        return True

    def remove(self) -> None:
        """Saved or discarded: the draft goes (a drafts file in trouble is only logged)."""
        self._timer.stop()
        try:
            self.store.remove(self.key)
        except OSError as exc:
            log.warning("could not remove the reflection draft: %s", exc)

    def _flush(self) -> None:
        if self._timer.isActive():
            self._write()
