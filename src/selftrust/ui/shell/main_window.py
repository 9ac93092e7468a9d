"""The main window: a navigation rail, the views, the menus and the undo stack it owns.

Views are created the first time they are shown, so start-up builds only Today and the
Charts view (and matplotlib) costs nothing until someone opens it.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

from selftrust import APP_NAME
from selftrust.base.i18n import _, pgettext
from selftrust.domain.days import next_day_start
from selftrust.ui.shell.actions import Actions, make_actions
from selftrust.ui.shell.context import DayPage, UiContext
from selftrust.ui.shell.loop_follow import LoopFollower
from selftrust.ui.shell.menus import build_menus
from selftrust.ui.shell.outside_changes import UPDATED, OutsideChanges
from selftrust.ui.shell.sync_follow import SyncFollower
from selftrust.ui.shell.undo import new_stack
from selftrust.ui.shell.window_fit import keep_on_screen, place_default
from selftrust.ui.widgets.nav_rail import NavRail

log = logging.getLogger(__name__)

VIEWS: dict[str, tuple[str, str]] = {
    "today": ("selftrust.ui.today.today_view", "TodayView"),
    "streaks": ("selftrust.ui.streaks.streaks_view", "StreaksView"),
    "jar": ("selftrust.ui.jar.jar_view", "JarView"),
    "charts": ("selftrust.ui.charts.charts_view", "ChartsView"),
    "reflections": ("selftrust.ui.reflections.journal_view", "JournalView"),
}


def window_title(shown: str) -> str:
    """"Tuesday 24 November — Self-Trust": what the window shows, then the app's name."""
    # TRANSLATORS: the window's title: {shown} is the view or day shown, {app} the
    # app's name (Self-Trust).
    return _("{shown} — {app}").format(shown=shown, app=APP_NAME)


def remembered_view_key(root: Path) -> str:
    """The QSettings key of the view last used with the data folder at ``root``."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"window/last_view_by_folder/{digest}"


class MainWindow(QMainWindow):
    today_painted = Signal()  # the Today view has painted with its data (start-up probes)
    daily_backup_done = Signal(object)  # the backup made, None, or the problem it met

    def __init__(self, ctx: UiContext, *, restore_state: bool = True,
                 start_view: str | None = None) -> None:
        """``start_view`` opens on that view instead of the one remembered, and leaves
        the memory as it is (the start-up probe waits for Today, wherever the person
        left off)."""
        super().__init__()
        # The window owns its undo history. Made before anything else, the stack is the
        # first child to go when the window is deleted: its last signals (a dying stack
        # clears itself) still find the actions and views alive, and no stack is left
        # behind whose signals reach a window that is gone.
        ctx.undo = new_stack(self)
        self.ctx = ctx
        ctx.navigator = self
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.actions_ = make_actions(self)
        self._pages: dict[str, QWidget] = {}
        self._current = ""

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.rail = NavRail(central)
        self.stack = QStackedWidget(central)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for key in VIEWS:
            self.rail.add(key, self._view_action(key))
        self.rail.selected.connect(self.go_to_view)

        build_menus(self, self.actions_)
        self._wire_actions()
        self._arm_rollover()
        ctx.bridge.changed.connect(self._on_change)
        self._auto_export = QTimer(self)  # the daily copy to a folder, checked after start-up
        self._auto_export.setSingleShot(True)
        self._auto_export.timeout.connect(lambda: self._data_call("start_auto_export"))
        self._auto_export.start(20_000)
        self._build_status_bar()
        self.outside = OutsideChanges(ctx, self)
        self.outside.noticed.connect(lambda: self.say(_(UPDATED)))
        self.loop = ctx.loop = LoopFollower(ctx.ws, ctx.prefs, self)  # Preferences → Loop's folder
        self.loop.merged.connect(self._loop_merged)
        self.sync = ctx.sync = SyncFollower(ctx.ws, ctx.prefs, ctx.bridge, self.outside, self)
        self.sync.merged.connect(self.say)  # "3 check-ins from Laptop"
        self.sync.told.connect(self._tell_kept_both)  # told once

        if restore_state:
            self._restore_geometry()
        if start_view is not None:
            self.show_view(start_view, remember=False)
        else:
            self.show_view(self._start_view() if restore_state else "today")

    # --- views ------------------------------------------------------------------------
    def _tell_kept_both(self, lines: list[str]) -> None:
        from selftrust.ui.dialogs.sync_notes import show_kept_both  # only when it happens

        show_kept_both(self, lines)

    def _view_action(self, key: str) -> QAction:
        return getattr(self.actions_, f"view_{key}")

    def page(self, key: str) -> QWidget:
        """The view for ``key``, created on first use."""
        page = self._pages.get(key)
        if page is None:
            module_name, class_name = VIEWS[key]
            cls = getattr(importlib.import_module(module_name), class_name)
            page = cls(self.ctx)
            page.setObjectName(f"view-{key}")
            self._pages[key] = page
            self.stack.addWidget(page)
            if key == "today" and hasattr(page, "painted_with_data"):
                page.painted_with_data.connect(self.today_painted)
            if hasattr(page, "title_changed"):
                page.title_changed.connect(lambda text, k=key: self._retitle(k, text))
        return page

    def show_view(self, key: str, *, remember: bool = True) -> None:
        if key not in VIEWS:
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.rail.set_current(key)
        self._current = key
        if remember:
            self.ctx.prefs.last_view = key
            self.ctx.prefs.set_value(remembered_view_key(self.ctx.ws.db.folder.root), key)
        self.actions_.export_chart.setEnabled(key == "charts")
        for nav in ("previous_day", "next_day", "go_today", "pick_day"):
            getattr(self.actions_, nav).setEnabled(key == "today")
        title = getattr(page, "window_title", None) or self._view_action(key).text()
        self.setWindowTitle(window_title(title.replace("&", "")))
        if hasattr(page, "activated"):
            page.activated()

    def go_to_view(self, key: str) -> None:
        """The rail and its shortcuts: "Today" there means the current day, whichever
        day Today showed last (show_day opens a chosen day on purpose)."""
        page = self.page(key)
        if key == "today" and isinstance(page, DayPage) and page.day != self.ctx.ws.today():
            page.go_today()  # (an open note stays on today)
        self.show_view(key)

    def _start_view(self) -> str:
        """Today on a first run, where the welcome opens over it; else the view last
        used with this data folder (another folder's memory means nothing here)."""
        ws = self.ctx.ws
        if not ws.settings.welcomed and not ws.commitments.all(include_archived=True):
            return "today"
        key = str(self.ctx.prefs.value(remembered_view_key(ws.db.folder.root), "today"))
        return key if key in VIEWS else "today"

    def _retitle(self, key: str, title: str) -> None:
        """A view names what it shows (Today: the shown day) while it is the one shown."""
        if key == self._current:
            self.setWindowTitle(window_title(title))

    @property
    def current_view(self) -> str:
        return self._current

    def show_day(self, day: date) -> None:
        self._today_call("set_day", day)

    def reflect_on(self, commitment_id: int | None, day: date | None) -> None:
        from selftrust.ui.reflections.open_dialogs import open_reflection

        open_reflection(self.ctx, self, commitment_id, day)

    def new_commitment(self) -> None:
        from selftrust.ui.dialogs.commitment_dialog import new_commitment

        new_commitment(self.ctx, self)

    def edit_commitment(self, commitment_id: int) -> None:
        from selftrust.ui.dialogs.commitment_dialog import edit_commitment

        edit_commitment(self.ctx, self, commitment_id)

    # --- menus ------------------------------------------------------------------------
    def _wire_actions(self) -> None:
        a: Actions = self.actions_
        stack = self.ctx.undo
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
        for key in VIEWS:
            self._view_action(key).triggered.connect(
                lambda _checked=False, k=key: self.go_to_view(k))
        a.quit.triggered.connect(self.close)
        a.new_commitment.triggered.connect(self.new_commitment)
        a.reflect.triggered.connect(lambda: self.reflect_on(None, None))
        a.previous_day.triggered.connect(lambda: self._today_call("step_day", -1))
        a.next_day.triggered.connect(lambda: self._today_call("step_day", 1))
        a.go_today.triggered.connect(lambda: self._today_call("go_today"))
        a.pick_day.triggered.connect(lambda: self._today_call("pick_day"))
        a.manage.triggered.connect(self._open_manage)
        a.preferences.triggered.connect(self._open_preferences)
        a.about.triggered.connect(self._open_about)
        a.shortcuts.triggered.connect(self._open_shortcuts)
        a.help_counted.triggered.connect(lambda: self._open_help("how-counted"))
        a.help_guide.triggered.connect(lambda: self._open_help("reflection-guide"))
        a.help_more.triggered.connect(lambda: self._open_help("more-than-a-habit"))
        a.import_data.triggered.connect(lambda: self._data_call("import_data"))
        a.export_data.triggered.connect(lambda: self._data_call("export_data"))
        a.backups.triggered.connect(lambda: self._data_call("show_backups"))
        a.export_chart.triggered.connect(self._export_chart)
        a.send_to_loop.triggered.connect(self._send_to_loop)

    def _undo_text(self, text: str) -> None:
        # TRANSLATORS: Edit menu; {action} is what undo takes back, e.g. Mark “Walk” kept
        self.actions_.undo.setText(_("&Undo {action}").format(action=text) if text
                                   else _("&Undo"))

    def _redo_text(self, text: str) -> None:
        # TRANSLATORS: Edit menu; {action} is what redo does again, e.g. Mark “Walk” kept
        self.actions_.redo.setText(_("&Redo {action}").format(action=text) if text
                                   else _("&Redo"))

    def _today_call(self, name: str, *args: object) -> None:
        self.show_view("today")
        getattr(self.page("today"), name)(*args)

    def _open_manage(self) -> None:
        from selftrust.ui.dialogs.manage_dialog import open_manage

        open_manage(self.ctx, self)

    def _open_preferences(self) -> None:
        from selftrust.ui.dialogs.preferences_dialog import open_preferences

        open_preferences(self.ctx, self)

    def _open_shortcuts(self) -> None:
        from selftrust.ui.dialogs.shortcuts_dialog import show_shortcuts

        show_shortcuts(self.ctx, self)

    def _open_about(self) -> None:
        from selftrust.ui.dialogs.help_dialog import show_about

        show_about(self.ctx, self)

    def _open_help(self, page: str) -> None:
        from selftrust.ui.dialogs.help_dialog import show_help

        show_help(self.ctx, self, page)

    def _data_call(self, name: str) -> None:
        from selftrust.ui.dialogs import data_dialogs

        getattr(data_dialogs, name)(self.ctx, self)

    def _send_to_loop(self) -> None:
        from selftrust.ui.dialogs.loop_send_dialog import open_send_to_loop

        open_send_to_loop(self.ctx, self)

    def _export_chart(self) -> None:
        page = self._pages.get("charts")
        if page is not None and hasattr(page, "export_chart"):
            page.export_chart()

    # --- status ---------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        """A status bar that is there only while it has something to say."""
        bar = QStatusBar(self)
        bar.setSizeGripEnabled(False)
        bar.setAccessibleName(pgettext("status bar", "Status"))
        self._status = QLabel(bar)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        line = self._status.fontMetrics().height()
        self._status.setContentsMargins(line * 2 // 3, line // 3, line, line // 3)
        bar.addWidget(self._status, 1)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(lambda: self.say(""))
        bar.hide()
        self.setStatusBar(bar)

    def say(self, text: str, ms: int = 8_000) -> None:
        """A calm, passing word at the bottom of the window (plain text; "" ends it)."""
        self._status.setText(text)
        self._status.setAccessibleDescription(text)
        self.statusBar().setVisible(bool(text))
        if text:
            self._status_timer.start(ms)
        else:
            self._status_timer.stop()

    def _loop_merged(self, text: str) -> None:
        """Show the merge at once (not at the next poll), then say what it brought."""
        self.outside.check()
        self.say(text)

    def status_text(self) -> str:
        return self._status.text()

    # --- time -------------------------------------------------------------------------
    def _arm_rollover(self) -> None:
        """Move Today to the new day when the day-start hour passes with the app open.

        A one-minute check also catches a laptop waking up after the boundary (timers
        do not run during sleep) and a clock changed by hand."""
        self._known_today = self.ctx.ws.today()
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self.check_day)
        self._minute.start()
        self._boundary = QTimer(self)
        self._boundary.setSingleShot(True)
        self._boundary.timeout.connect(self.check_day)
        self._aim_boundary()

    def _aim_boundary(self) -> None:
        now = self.ctx.ws.clock.now().astimezone()
        nxt = next_day_start(now, self.ctx.ws.settings.day_start_hour)
        # Read the naive local start as local time, so a DST night (23 or 25 hours)
        # is measured in real seconds, not wall-clock ones.
        wait = (nxt.astimezone() - now).total_seconds()
        self._boundary.start(int(max(1.0, min(wait + 1.0, 6 * 3600.0)) * 1000))

    def check_day(self) -> None:
        today = self.ctx.ws.today()
        if today != self._known_today:
            log.info("day rolled over: %s -> %s", self._known_today, today)
            self._known_today = today
            self.ctx.clockwork.day_changed.emit(today)
        self._aim_boundary()

    def _on_change(self, change: object) -> None:
        from selftrust.services.events import Change, What

        if isinstance(change, Change) and change.what in (What.SETTINGS, What.EVERYTHING):
            self._aim_boundary()
            self.check_day()

    # --- window state -----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.ctx.prefs.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            place_default(self)
        else:
            keep_on_screen(self)
        state = self.ctx.prefs.window_state
        if state is not None:
            self.restoreState(state)

    def event(self, event: QEvent) -> bool:
        """A theme switch reaches the window for certain: Qt sends the application's
        palette change to every window (to event(), not changeEvent()), while a view's
        own PaletteChange only comes when its resolved palette differs, which Qt does
        not always find after a switch. A view that colours something by hand (the
        jar's rising week) is told here."""
        handled = super().event(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            for page in self._pages.values():
                if hasattr(page, "theme_changed"):
                    page.theme_changed()
        return handled

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        for page in self._pages.values():
            if hasattr(page, "can_close") and not page.can_close():
                event.ignore()
                return
        self.ctx.prefs.geometry = self.saveGeometry()
        self.ctx.prefs.window_state = self.saveState()
        self.loop.stop()
        self.sync.close_pass()
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        """Called when a second launch asks this window to show itself."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()


