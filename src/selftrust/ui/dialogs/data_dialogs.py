"""File → Import…, File → Export… and File → Backups…, and the daily copy's timer.

The main window calls ``import_data``, ``export_data`` and ``show_backups``; each
returns what it started (a ``DataTask`` or the dialog) so tests can wait for it.
Every question and answer goes through ``messages.prompter``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from selftrust.services import auto_export
from selftrust.services.interchange import (
    ExportFormat,
    ExportSummary,
    ImportSummary,
    export_file,
    import_file,
)
from selftrust.ui.dialogs import file_places, messages
from selftrust.ui.dialogs.backups_dialog import BackupsDialog, open_backups
from selftrust.ui.dialogs.data_task import (
    BackgroundCall,
    Cancel,
    DataTask,
    Outcome,
    Progress,
    stop_on_cancel,
)
from selftrust.ui.dialogs.file_places import EXPORT, IMPORT
from selftrust.ui.shell.context import UiContext

log = logging.getLogger(__name__)

IMPORT_FILTERS = (
    "Self-Trust or Loop Habit Tracker files (*.json *.zip *.db);;"
    "Self-Trust export (*.json *.zip);;Loop Habit Tracker export or backup (*.zip *.db);;"
    "All files (*)"
)
AUTO_EXPORT_EVERY_MS = 60 * 60 * 1000


# --- import ---------------------------------------------------------------------------------


def import_data(ctx: UiContext, parent: QWidget | None) -> DataTask | None:
    path = messages.prompter.open_file(parent, "Import data", IMPORT_FILTERS,
                                       start=file_places.start_folder(ctx.prefs, IMPORT))
    if path is None:
        return None
    file_places.remember(ctx.prefs, IMPORT, path)
    return start_import(ctx, parent, path)


def start_import(ctx: UiContext, parent: QWidget | None, path: Path) -> DataTask:
    ws = ctx.ws

    def work(progress: Progress, cancel: Cancel) -> ImportSummary:
        return import_file(ws, path, progress=progress, cancel=cancel, reload=False)

    task = DataTask(parent, f"Importing “{path.name}”…", work)

    def ended(outcome: str, payload: object) -> None:
        if outcome == Outcome.DONE:
            summary = payload
            assert isinstance(summary, ImportSummary)
            if summary.changed:
                ctx.ws.reload()  # on the UI thread: every view refreshes
            lines = summary.lines()
            notes = "\n".join(f"• {w}" for w in summary.warnings)
            title = "Import finished" if summary.changed else "Nothing new to import"
            messages.prompter.inform(parent, title, "\n\n".join(lines),
                                     f"Good to know:\n{notes}" if notes else "")
        elif outcome == Outcome.CANCELLED:
            messages.prompter.inform(parent, "Import cancelled",
                                     "The import was stopped. Nothing in your data was changed.")
        else:
            messages.prompter.problem(parent, "That file could not be imported",
                                      f"{payload}\n\nNothing in your data was changed.")

    task.finished.connect(ended)
    return task.start()


# --- export ---------------------------------------------------------------------------------

EXPORT_CHOICES = [
    "JSON — one file with everything",
    "CSV — spreadsheet files in a zip",
]


def export_data(ctx: UiContext, parent: QWidget | None) -> DataTask | None:
    choice = messages.prompter.choose(
        parent, "Export your data",
        "Save all your commitments, check-ins, reflections and settings. Which kind of file?",
        EXPORT_CHOICES,
    )
    if choice is None:
        return None
    fmt = ExportFormat.JSON if choice == 0 else ExportFormat.CSV
    suffix = ".json" if fmt is ExportFormat.JSON else ".zip"
    filters = "JSON (*.json)" if fmt is ExportFormat.JSON else "CSV files in a zip (*.zip)"
    suggested = file_places.export_name(ctx.ws.today(), suffix)
    path = messages.prompter.save_file(parent, "Export your data", suggested, filters,
                                       start=file_places.start_folder(ctx.prefs, EXPORT))
    if path is None:
        return None
    file_places.remember(ctx.prefs, EXPORT, path)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return start_export(ctx, parent, path, fmt)


def start_export(ctx: UiContext, parent: QWidget | None, path: Path,
                 fmt: ExportFormat) -> DataTask:
    ws = ctx.ws

    def work(progress: Progress, cancel: Cancel) -> ExportSummary:
        return export_file(ws, path, fmt, progress=stop_on_cancel(progress, cancel))

    task = DataTask(parent, f"Saving “{path.name}”…", work)

    def ended(outcome: str, payload: object) -> None:
        if outcome == Outcome.DONE:
            assert isinstance(payload, ExportSummary)
            messages.prompter.inform(parent, "Export saved",
                                     f"Saved {payload.headline()} to {payload.path}.")
        elif outcome == Outcome.FAILED:
            messages.prompter.problem(parent, "The export could not be saved", str(payload))

    task.finished.connect(ended)
    return task.start()


# --- backups ----------------------------------------------------------------------------------


def show_backups(ctx: UiContext, parent: QWidget | None) -> BackupsDialog:
    return open_backups(ctx, parent)


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    dialog = open_backups(ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # grabbed, then closed
    return dialog


# --- the daily copy ---------------------------------------------------------------------------


class AutoExporter(QObject):
    """Asks the service now and every hour (and when the day rolls over) whether today's
    copy is due; the service decides, on a worker thread."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running: BackgroundCall | None = None
        self.last: auto_export.AutoExportResult | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_EXPORT_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        ctx.clockwork.day_changed.connect(lambda _day: self.check())

    def check(self) -> BackgroundCall | None:
        if self.running is not None or not self.ctx.ws.settings.auto_export_folder:
            return None
        ws = self.ctx.ws
        self.running = BackgroundCall(lambda: auto_export.auto_export_if_due(ws), self)
        self.running.ended.connect(self._ended)
        return self.running.start_now()

    def _ended(self, result: object) -> None:
        self.running = None
        if isinstance(result, auto_export.AutoExportResult):
            self.last = result
            if result.outcome is auto_export.Outcome.FAILED:
                log.warning("daily copy: %s", result.message)


def start_auto_export(ctx: UiContext, window: QWidget) -> AutoExporter:
    """Called once by the main window a little after start-up."""
    exporter = window.findChild(AutoExporter)
    if exporter is None:
        exporter = AutoExporter(ctx, window)
    exporter.check()
    return exporter
