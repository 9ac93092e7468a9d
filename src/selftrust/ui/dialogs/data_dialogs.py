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

from selftrust.base.i18n import N_, _
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
from selftrust.ui.dialogs.file_places import EXPORT, IMPORT, name_filter
from selftrust.ui.shell.context import UiContext

log = logging.getLogger(__name__)

AUTO_EXPORT_EVERY_MS = 60 * 60 * 1000


def import_filters() -> str:
    return ";;".join((
        name_filter(_("Self-Trust or Loop Habit Tracker files"), "*.json *.zip *.db"),
        name_filter(_("Self-Trust export"), "*.json *.zip"),
        name_filter(_("Loop Habit Tracker export or backup"), "*.zip *.db"),
        name_filter(_("All files"), "*"),
    ))


# --- import ---------------------------------------------------------------------------------


def import_data(ctx: UiContext, parent: QWidget | None) -> DataTask | None:
    path = messages.prompter.open_file(parent, _("Import data"), import_filters(),
                                       start=file_places.start_folder(ctx.prefs, IMPORT))
    if path is None:
        return None
    file_places.remember(ctx.prefs, IMPORT, path)
    return start_import(ctx, parent, path)


def start_import(ctx: UiContext, parent: QWidget | None, path: Path) -> DataTask:
    ws = ctx.ws

    def work(progress: Progress, cancel: Cancel) -> ImportSummary:
        return import_file(ws, path, progress=progress, cancel=cancel, reload=False)

    # TRANSLATORS: {name} is the name of the file being imported
    task = DataTask(parent, _("Importing “{name}”…").format(name=path.name), work)

    def ended(outcome: str, payload: object) -> None:
        if outcome == Outcome.DONE:
            summary = payload
            assert isinstance(summary, ImportSummary)
            if summary.changed:
                ctx.ws.reload()  # on the UI thread: every view refreshes
            lines = summary.lines()
            notes = "\n".join(f"• {w}" for w in summary.warnings)
            title = _("Import finished") if summary.changed else _("Nothing new to import")
            more = "\n".join((_("Good to know:"), notes)) if notes else ""
            messages.prompter.inform(parent, title, "\n\n".join(lines), more)
        elif outcome == Outcome.CANCELLED:
            messages.prompter.inform(
                parent, _("Import cancelled"),
                _("The import was stopped. Nothing in your data was changed."))
        else:
            messages.prompter.problem(
                parent, _("That file could not be imported"),
                "\n\n".join((str(payload), _("Nothing in your data was changed."))))

    task.finished.connect(ended)
    return task.start()


# --- export ---------------------------------------------------------------------------------

EXPORT_CHOICES = [
    N_("JSON — one file with everything"),
    N_("CSV — spreadsheet files in a zip"),
]


def export_data(ctx: UiContext, parent: QWidget | None) -> DataTask | None:
    choice = messages.prompter.choose(
        parent, _("Export your data"),
        _("Save all your commitments, check-ins, reflections and settings. "
          "Which kind of file?"),
        [_(c) for c in EXPORT_CHOICES],
    )
    if choice is None:
        return None
    fmt = ExportFormat.JSON if choice == 0 else ExportFormat.CSV
    suffix = ".json" if fmt is ExportFormat.JSON else ".zip"
    filters = (name_filter(_("JSON"), "*.json") if fmt is ExportFormat.JSON
               else name_filter(_("CSV files in a zip"), "*.zip"))
    suggested = file_places.export_name(ctx.ws.today(), suffix)
    path = messages.prompter.save_file(parent, _("Export your data"), suggested, filters,
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

    # TRANSLATORS: {name} is the name of the file being written
    task = DataTask(parent, _("Saving “{name}”…").format(name=path.name), work)

    def ended(outcome: str, payload: object) -> None:
        if outcome == Outcome.DONE:
            assert isinstance(payload, ExportSummary)
            # TRANSLATORS: {what} counts what was saved ("3 commitments, 120 check-ins…");
            # {path} is the file
            messages.prompter.inform(parent, _("Export saved"),
                                     _("Saved {what} to {path}.").format(
                                         what=payload.headline(), path=payload.path))
        elif outcome == Outcome.FAILED:
            messages.prompter.problem(parent, _("The export could not be saved"),
                                      str(payload))

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
