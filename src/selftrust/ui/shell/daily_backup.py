"""The day's backup, made on a worker thread once Today has painted.

Copying and checking the whole file grows with the years of data (1.4 s at 100
commitments × 20 years), so it never runs on the window's thread. The copy is also
the full check of the data (the check at open is cheap): when it finds the file
damaged, the person is told plainly and offered the backups to restore one, and the
store refuses every write to the damaged file from then on.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import N_, _
from selftrust.services.errors import DataProblem
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.context import UiContext

log = logging.getLogger(__name__)

DAMAGED_TITLE = N_("Your data file is damaged")  # translated where shown: _(DAMAGED_TITLE)
RESTORE = N_("Restore a backup…")


def start(ws: Workspace, window: QWidget) -> None:
    """Make the day's backup off the window's thread, unless there is one already.
    The window's ``daily_backup_done`` signal tells when it ended (with the backup
    made, None when none was due, or the DataProblem it met)."""
    from selftrust.ui.dialogs.data_task import BackgroundCall  # after the first paint

    def back_up() -> object:
        try:
            return ws.back_up_if_due()
        except DataProblem as problem:  # an answer for the window, not a crash
            return problem

    call = BackgroundCall(back_up, window)
    call.ended.connect(lambda result: ended(window, result))
    call.start_now()


def ended(window: QWidget, result: object) -> None:
    if isinstance(result, DataProblem):
        log.warning("daily backup failed: %s", result)
        if result.kind == "damaged":
            tell_damage(window, result)
    elif isinstance(result, Exception):
        log.warning("daily backup failed: %s", result)
    done = getattr(window, "daily_backup_done", None)
    if done is not None:
        done.emit(result)


def tell_damage(window: QWidget, problem: DataProblem) -> None:
    """Say what was found and the way back; from now on nothing is written to the file."""
    from selftrust.ui.dialogs import messages  # message boxes: only when one is shown

    # TRANSLATORS: {problem} says what was found and how to get back (a backup).
    text = _("{problem}\n\nUntil then Self-Trust will not write to this file, so nothing "
             "more can go wrong in it: you can still look at everything.").format(
                 problem=problem)
    answer = messages.prompter.choose(window, _(DAMAGED_TITLE), text,
                                      [_(RESTORE), _("Not now")])
    ctx: UiContext | None = getattr(window, "ctx", None)
    if answer == 0 and ctx is not None:
        from selftrust.ui.dialogs.data_dialogs import show_backups

        show_backups(ctx, window)
