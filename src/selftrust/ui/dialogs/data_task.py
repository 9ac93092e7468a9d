"""Long data work (an import, an export) on a worker thread, with progress and Cancel.

The work itself is a service call; it runs on a QThread so the window keeps painting,
reports progress through a queued signal, and polls a cancel flag the Cancel button
sets. The progress dialog is window-modal, so nothing else can change the data while
an import holds its transaction. It only appears when the work takes a moment.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from selftrust.base.i18n import _
from selftrust.services.errors import UserError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Work = Callable[[Progress, Cancel], Any]

SHOW_AFTER_MS = 300


class Outcome(StrEnum):
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class _Stopped(Exception):
    """Raised inside the work when Cancel was pressed (for work with no cancel hook)."""


class _Worker(QThread):
    progressed = Signal(int, int)
    ended = Signal(str, object)  # Outcome, result or message

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.stop = threading.Event()

    def run(self) -> None:  # noqa: D102 - QThread's entry point, on the worker thread
        # Imported here, on the worker: the daily backup's BackgroundCall (this module)
        # must not cost the window the import of every file format.
        from selftrust.services.interchange import ImportCancelled

        def progress(done: int, total: int) -> None:
            self.progressed.emit(int(done), int(total))

        try:
            result = self._work(progress, self.stop.is_set)
        except (ImportCancelled, _Stopped):
            self.ended.emit(Outcome.CANCELLED.value, None)
        except UserError as exc:
            self.ended.emit(Outcome.FAILED.value, str(exc))
        except Exception:  # noqa: BLE001 - shown calmly, logged in full
            log.exception("data work failed")
            self.ended.emit(Outcome.FAILED.value,
                            _("Something went wrong; nothing was changed. The details are "
                              "in the log file in your data folder."))
        else:
            self.ended.emit(Outcome.DONE.value, result)


def stop_on_cancel(progress: Progress, cancel: Cancel) -> Progress:
    """A progress callback that ends the work when Cancel was pressed."""

    def report(done: int, total: int) -> None:
        if cancel():
            raise _Stopped
        progress(done, total)

    return report


class DataTask(QObject):
    """One piece of work with its progress dialog; ``finished`` fires after it ended.

    ``finished`` carries the outcome and the result (DONE) or the message (FAILED).
    """

    finished = Signal(str, object)
    progressed = Signal(int, int)

    def __init__(self, parent: QWidget | None, label: str, work: Work) -> None:
        super().__init__(parent)
        self.outcome: Outcome | None = None
        self.result: Any = None
        self.dialog = QProgressDialog(label, _("Cancel"), 0, 1000, parent)
        self.dialog.setWindowTitle("Self-Trust")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName(label)
        em = self.dialog.fontMetrics().horizontalAdvance("M")
        self.dialog.setMinimumWidth(em * 30)  # a floor: a longer label widens it
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.dialog.setCancelButton(self.cancel_button)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self._worker = _Worker(work, self)
        self._worker.progressed.connect(self._progress)
        self._worker.progressed.connect(self.progressed)
        self._worker.ended.connect(self._ended)

    def start(self) -> DataTask:
        self._worker.start()
        return self

    @property
    def running(self) -> bool:
        return self._worker.isRunning()

    def cancel(self) -> None:
        if self.outcome is None:
            self._worker.stop.set()
            self.dialog.setLabelText(_("Stopping… nothing will be changed."))
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        if self.outcome is not None:
            return
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _ended(self, outcome: str, payload: object) -> None:
        self._worker.wait()
        self.outcome = Outcome(outcome)
        self.result = payload
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit(outcome, payload)
        self.deleteLater()  # the outcome and result stay readable on this Python object


class BackgroundCall(QThread):
    """Run one quick service call off the UI thread (the daily export); no dialog.

    Calls still running are listed in ``RUNNING`` so a restore can wait for them
    before it swaps the database file."""

    RUNNING: set[BackgroundCall] = set()
    ended = Signal(object)  # the result, or the exception it raised

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call
        self.finished.connect(self._forget)

    def start_now(self) -> BackgroundCall:
        BackgroundCall.RUNNING.add(self)
        self.start()
        return self

    def run(self) -> None:  # noqa: D102 - on the worker thread
        try:
            result: object = self._call()
        except Exception as exc:  # noqa: BLE001 - reported to the caller, logged
            log.exception("background call failed")
            result = exc
        self.ended.emit(result)

    def _forget(self) -> None:
        BackgroundCall.RUNNING.discard(self)

    @classmethod
    def wait_for_all(cls) -> None:
        for call in list(cls.RUNNING):
            call.wait()
