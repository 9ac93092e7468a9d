"""Starting the app: one QApplication, one window per data folder, a kind recovery when
the data cannot be opened, and a calm error dialog instead of a crash."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from selftrust import APP_ID, APP_NAME, __version__
from selftrust.base.i18n import _
from selftrust.services.clock import Clock, FixedClock, SystemClock
from selftrust.services.errors import DataProblem
from selftrust.services.workspace import (
    Workspace,
    data_folder,
    list_backups,
    open_workspace,
    restore_backup,
    start_fresh,
    start_logging,
)
from selftrust.ui.look.icons import app_icon
from selftrust.ui.look.theme import apply_theme, follow_system_scheme
from selftrust.ui.shell import language
from selftrust.ui.shell.bridge import Bridge
from selftrust.ui.shell.context import Clockwork, UiContext
from selftrust.ui.shell.prefs import UiPrefs
from selftrust.ui.shell.undo import new_stack

if TYPE_CHECKING:  # both import this module's siblings; imported when first used
    from selftrust.ui.desktop.desktop_citizen import DesktopCitizen
    from selftrust.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_MS = 60_000


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("selftrust")
    QCoreApplication.setApplicationName("Self-Trust")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    language.start(app)  # before any widget: Qt's words and the layout direction
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if app.platformName() == "offscreen":
        qInstallMessageHandler(_without_offscreen_noise)
    return app


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _without_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Screenshots, the smoke test and the tests run on Qt's offscreen platform, which warns
    on every window that it has no window manager to pass size hints to. The warning
    says nothing about the app and buried the lines that do; everything else is printed
    as Qt would."""
    if message == OFFSCREEN_NOISE:
        return
    print(qFormatLogMessage(kind, context, message), file=sys.stderr)


def make_context(ws: Workspace, prefs: UiPrefs | None = None) -> UiContext:
    """The context views share. Its undo stack serves until a main window is made;
    the window then puts in a stack of its own (see MainWindow)."""
    return UiContext(
        ws=ws, bridge=Bridge(ws), undo=new_stack(), prefs=prefs or UiPrefs(),
        clockwork=Clockwork(),
    )


def run_gui(
    data_dir: Path | None, *, exit_after_startup: bool = False, clock: Clock | None = None
) -> int:
    if _no_screen():
        # TRANSLATORS: DISPLAY and WAYLAND_DISPLAY are names of settings; `selftrust
        # --help` is a command to type: keep all three as they are.
        print(_("selftrust: no screen to show the window on (DISPLAY and WAYLAND_DISPLAY "
                "are unset). Start it from your desktop, or use the commands: "
                "selftrust --help"), file=sys.stderr)
        return 1
    folder = data_folder(data_dir)
    start_logging(data_dir)
    app = make_application()
    prefs = UiPrefs()
    apply_theme(app, prefs.theme)
    follow_system_scheme(app, lambda: prefs.theme)

    from selftrust.ui.desktop.single_instance import SingleInstance

    guard = SingleInstance(folder.root)
    if not guard.acquire():
        if guard.ask_first_to_show():
            print(_("Self-Trust is already open; it has been brought to the front."),
                  file=sys.stderr)
            return 0
        # TRANSLATORS: {folder} is the data folder, e.g. /home/ada/.local/share/selftrust
        print(_("Self-Trust seems to be open for {folder} but does not answer.").format(
            folder=folder.root), file=sys.stderr)
        return 1

    clock = clock or SystemClock()
    from selftrust.ui.shell.main_window import MainWindow

    while True:
        if exit_after_startup:
            # A probe (benchmarks, the packaging smoke test) must never wait on a dialog.
            try:
                ws: Workspace | None = open_workspace(data_dir, clock, daily_backup=False)
            except DataProblem as problem:
                print(f"selftrust: {problem}", file=sys.stderr)  # (the problem's own words)
                ws = None
        else:
            ws = _open_with_recovery(data_dir, clock)
        if ws is None:
            guard.release()
            return 1
        ctx = make_context(ws, prefs)
        try:
            # The probe's promise is "Today has painted": it opens there, whatever view
            # the folder showed last (Streaks would never paint Today, and it waited).
            window = MainWindow(ctx, start_view="today" if exit_after_startup else None)
            break
        except DataProblem as problem:
            # The first reads met a damaged page (the check at open is cheap): the next
            # open checks the file in full and offers to restore a backup.
            log.warning("cannot show the data: %s", problem)
            ctx.bridge.detach()
            ws.close()
            if exit_after_startup:
                print(f"selftrust: {problem}", file=sys.stderr)
                guard.release()
                return 1
    guard.activated.connect(window.bring_to_front)
    _install_excepthook(window)
    window.show()
    status = {"code": 0}
    citizens: list[DesktopCitizen] = []

    waited = {"turns": 0}

    def become_citizen() -> None:
        """The tray and reminders read the whole ledger: only after Today has painted
        and has loaded it a step at a time (asked for earlier, it is read in one go, a
        stall that grows with the years), then the other views' modules (``preload``)."""
        from selftrust.ui.desktop.desktop_citizen import DesktopCitizen

        if citizens:
            return
        if not ws.ledger.loaded and waited["turns"] < CITIZEN_WAIT_TURNS:
            waited["turns"] += 1
            QTimer.singleShot(CITIZEN_POLL_MS, become_citizen)
            return
        citizens.append(DesktopCitizen(ctx, window))
        QTimer.singleShot(PRELOAD_DELAY_MS, _preload)

    if not exit_after_startup:
        window.today_painted.connect(lambda: QTimer.singleShot(0, become_citizen))
        back_up_after_painting(ws, window)
    if exit_after_startup:
        def timed_out() -> None:
            status["code"] = 1
            log.error("the Today view did not paint within %s ms", STARTUP_TIMEOUT_MS)
            app.quit()

        window.today_painted.connect(lambda: QTimer.singleShot(0, app.quit))
        QTimer.singleShot(STARTUP_TIMEOUT_MS, timed_out)
    else:
        QTimer.singleShot(0, lambda: _first_run(ctx, window))
    code = app.exec()
    _wait_for_workers()
    for citizen in citizens:
        citizen.tray.hide()
    ctx.bridge.detach()
    ws.close()
    guard.release()
    return status["code"] or code


BACKUP_DELAY_MS = 1500
PRELOAD_DELAY_MS = 300
CITIZEN_POLL_MS = 50
CITIZEN_WAIT_TURNS = 200  # ten seconds at most


def _preload() -> None:
    """The other views' modules, on a worker, once Today has painted (``preload.py``)."""
    from selftrust.ui.shell import preload

    preload.start()


def back_up_after_painting(ws: Workspace, window: MainWindow) -> None:
    """The day's backup, once Today has painted and the app has settled, on a worker
    thread (``daily_backup.py``): copying twenty years of data (and checking the copy)
    is no reason to keep anyone from their day, or to stall the window."""
    done = {"once": False}

    def back_up() -> None:
        if done["once"] or ws.db.closed:
            return
        done["once"] = True
        from selftrust.ui.shell import daily_backup

        daily_backup.start(ws, window)

    window.today_painted.connect(lambda: QTimer.singleShot(BACKUP_DELAY_MS, back_up))


def _wait_for_workers() -> None:
    """A backup still being written finishes before the data closes."""
    data_task = sys.modules.get("selftrust.ui.dialogs.data_task")
    if data_task is not None:
        data_task.BackgroundCall.wait_for_all()


def _no_screen() -> bool:
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _first_run(ctx: UiContext, window: QWidget) -> None:
    from selftrust.ui.dialogs.welcome_dialog import maybe_welcome

    maybe_welcome(ctx, window)


def _open_with_recovery(data_dir: Path | None, clock: Clock) -> Workspace | None:
    while True:
        try:
            return open_workspace(data_dir, clock, daily_backup=False)
        except DataProblem as problem:
            log.warning("cannot open data: %s", problem)
            from selftrust.ui.dialogs import messages  # message boxes: only when needed

            passes = problem.kind in ("locked", "folder", "full", "readonly", "io")
            choices = [_("Restore a backup…"), _("Start fresh (keep the old file)")]
            if passes:
                # It passes (space freed, a lock let go): nothing to restore or set aside.
                choices = [_("Try again")]
            answer = messages.prompter.choose(None, _("Your data could not be opened"),
                                              str(problem), choices)
            if answer is None:
                return None
            if passes:
                continue
            if answer == 0:
                backups = list_backups(data_dir)
                if not backups:
                    messages.prompter.inform(
                        None, _("No backups yet"),
                        _("There are no backups in this data folder yet."))
                    continue
                path = messages.prompter.open_file(  # in the backups folder, not home
                    None, _("Choose a backup"),
                    # TRANSLATORS: file-dialog filters: translate the names, keep "(*.db)",
                    # "(*)" and ";;" as they are.
                    _("Self-Trust backups (*.db);;All files (*)"),
                    start=backups[0].path.parent,
                ) if len(backups) > 1 else backups[0].path
                if path is None:
                    continue
                try:
                    restore_backup(data_dir, path)
                except DataProblem as exc:
                    messages.prompter.problem(None, _("That backup cannot be restored"),
                                              str(exc))
                continue
            aside = start_fresh(data_dir)
            messages.prompter.inform(
                None, _("Starting fresh"),
                # TRANSLATORS: {path} is where the old data file now is.
                _("Your old data file is kept at {path}. Nothing was deleted.").format(
                    path=aside))


def _install_excepthook(window: QWidget) -> None:
    """An unexpected error is logged and shown calmly; the app keeps running."""

    def hook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        from selftrust.ui.dialogs import messages

        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", text)
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        messages.prompter.problem(
            window,
            _("Something went wrong"),
            _("Self-Trust ran into an unexpected problem. What you saved before is safe; "
              "the step that failed was not saved."),
            detail=text,
        )

    sys.excepthook = hook


__all__ = ["run_gui", "make_application", "make_context", "FixedClock"]
