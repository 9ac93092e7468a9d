"""File → Send to Loop…: write a backup that Loop Habit Tracker's "Import data" merges.

Before anything is written the dialog lists, in plain words, what will not travel and
why: the push's own dry run says it (`selftrust loop push --dry-run --json`), so the
list and the file can never disagree. Both the dry run and the push run as a
``CliJob``: the push reads every check-in, which grows with the years, so it never runs
on the GUI thread, and the link it records to each habit reaches the window as any
outside change does. The place offered first is the folder Loop's backups arrive in
(Preferences → Loop), since a sync tool already carries it to the phone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.dialogs.file_places import name_filter
from selftrust.ui.dialogs.opening import open_modal, shown
from selftrust.ui.dialogs.wrapped import keep_wrapped_heights
from selftrust.ui.shell.cli_job import CliJob
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.loop_follow import LoopSettings
from selftrust.ui.widgets.labels import ElidedLabel, Hint, InlineMessage

EXPLAINED = N_(
    "Self-Trust writes a backup file that Loop Habit Tracker on your phone merges with "
    "its “Import data”. Your commitments, check-ins and notes reach the phone; a habit "
    "already there is matched, not doubled, and nothing on the phone is removed."
)
# TRANSLATORS: "⋮ › Settings › Import data" are the words of Loop Habit Tracker's own
# menus: write them as Loop's translation in your language has them
IMPORT_ON_PHONE = N_(
    "On the phone, in Loop: ⋮ › Settings › Import data, and choose this file.")
LOOKING = N_("Looking at what Loop can hold…")
ALL_TRAVELS = N_("Everything travels: Loop can hold all your commitments as they are.")


def habits_and_entries(habits: int, entries: int) -> dict[str, str]:
    """The two counts a sentence about a push names: {habits} and {entries}."""
    return {
        "habits": ngettext("{n} habit", "{n} habits", habits).format(
            n=formats.number(habits)),
        # TRANSLATORS: entries are Loop's word for its check-ins
        "entries": ngettext("{n} entry", "{n} entries", entries).format(
            n=formats.number(entries)),
    }


class LoopSendDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loop-send-dialog")
        self.setWindowTitle(_("Send to Loop"))
        em = self.fontMetrics().horizontalAdvance("m")
        settings = LoopSettings(ctx.prefs, ctx.ws.db.folder.root)
        self.synced = settings.folder
        self.target: Path | None = None
        self.written: Path | None = None

        self.explained = Hint(_(EXPLAINED))
        self.place = ElidedLabel(_("No place chosen yet."))
        self.place.setObjectName("loop-send-place")
        self.choose_folder = QPushButton(_("Choose &folder…"))
        self.choose_folder.setObjectName("loop-send-choose-folder")
        self.choose_file = QPushButton(_("Choose f&ile…"))
        self.choose_file.setObjectName("loop-send-choose-file")
        for button in (self.choose_folder, self.choose_file):
            button.setAutoDefault(False)  # Enter sends, once there is something to send
        self.lost = QPlainTextEdit()
        self.lost.setObjectName("loop-send-lost")
        self.lost.setAccessibleName(_("What will not travel to Loop"))
        self.lost.setReadOnly(True)
        # three lines at least, more when the screen has room (a small or 200 % screen
        # must still show the words under it)
        self.lost.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.lost.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.summary = Hint("")
        self.summary.setObjectName("loop-send-summary")
        self.problem = InlineMessage()
        self.result_note = Hint("")
        self.result_note.setObjectName("loop-send-done")
        self.result_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_note.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send = self.buttons.addButton(pgettext("verb, button", "&Send"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setObjectName("loop-send")
        self.send.setAccessibleName(_("Send to Loop"))
        self.send.setEnabled(False)
        self.send.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.send.clicked.connect(self.write)

        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.choose_folder)
        place_row.addWidget(self.choose_file)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 3 // 2)
        layout.setSpacing(6)
        layout.addWidget(self.explained)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Where to write it")))
        layout.addLayout(place_row)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("What will not travel, and why"), self.lost))
        layout.addWidget(self.lost, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.result_note)
        layout.addSpacing(em // 2)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(em * 52)
        keep_wrapped_heights(self)  # the explanation whole; the list gives up the room

        self.job = CliJob(ctx.ws.db.folder.root, self)
        self.job.succeeded.connect(self._answered)
        self.job.failed.connect(self._refused)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.choose_file.clicked.connect(self._choose_file)
        if self.synced is not None and self.synced.is_dir():
            self.use(self.synced)

    def done(self, result: int) -> None:  # noqa: D102 - Qt's name; ends a run under way
        self.job.stop()
        super().done(result)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for about eight lines of the list where the screen has it."""
        hint = super().sizeHint()
        extra = self.fontMetrics().lineSpacing() * 5
        return QSize(max(hint.width(), self.minimumWidth()), hint.height() + extra)

    # --- choosing the place ---------------------------------------------------------
    def _choose_folder(self) -> None:
        chosen = messages.prompter.choose_folder(self, _("Folder to write the Loop backup into"))
        if chosen is not None:
            self.use(chosen)

    def _choose_file(self) -> None:
        start = self.synced if self.synced is not None else None
        chosen = messages.prompter.save_file(
            self, _("Save the Loop backup as"), "Loop Habits Backup for the phone.db",
            name_filter(_("Loop backups"), "*.db"), start=start)
        if chosen is not None:
            self.use(chosen if chosen.suffix else chosen.with_suffix(".db"))

    def use(self, target: Path) -> None:
        """Write to ``target`` (a folder, or a file): first ask what will not travel."""
        self.target = target
        self.written = None
        self.place.set_full_text(str(target))
        self.result_note.hide()
        self.problem.clear_message()
        self.lost.setPlainText(_(LOOKING))
        self.summary.setText("")
        self.send.setEnabled(False)
        self.job.run(["loop", "push", "--dry-run", "--json", str(target)])

    def write(self) -> None:
        if self.target is None or self.job.running:
            return
        self.send.setEnabled(False)
        self.summary.setText(_("Writing…"))
        self.job.run(["loop", "push", "--json", str(self.target)])

    # --- what the command said --------------------------------------------------------
    def _answered(self, pushed: object) -> None:
        if not isinstance(pushed, dict):
            # TRANSLATORS: shown as "Nothing was written: the answer was not understood"
            self._refused(_("the answer was not understood"))
            return
        if pushed.get("dry_run"):
            self._show_plan(pushed)
        else:
            self._show_written(pushed)

    def _show_plan(self, plan: dict[str, Any]) -> None:
        lost = [str(line) for line in plan.get("not_sent", [])]
        habits, entries = int(plan.get("habits", 0)), int(plan.get("checkins", 0))
        self.lost.setPlainText("\n".join(f"• {line}" for line in lost) if lost
                               else _(ALL_TRAVELS) if habits else "")
        if habits:
            # TRANSLATORS: {habits} is "3 habits", {entries} is "1,250 entries"
            self.summary.setText(_("Ready to send {habits} and {entries}.").format(
                **habits_and_entries(habits, entries)))
            self.send.setEnabled(True)
            self.send.setFocus()  # Enter sends
        else:
            self.summary.setText(_("There is nothing to send yet: your commitments go once "
                                   "you have made some."))

    def _show_written(self, pushed: dict[str, Any]) -> None:
        self.written = Path(str(pushed["path"]))
        carried = (self.synced is not None and self.written.parent == self.synced)
        # TRANSLATORS: {path} is the backup file just written
        where = (_("Written to {path}. Your sync tool carries this folder to the phone.")
                 if carried else _("Written to {path}. Copy it to the phone.")).format(
            path=self.written)
        self.result_note.setText(f"{where}\n{_(IMPORT_ON_PHONE)}")
        self.result_note.show()
        # TRANSLATORS: {habits} is "3 habits", {entries} is "1,250 entries"
        self.summary.setText(_("Sent {habits} and {entries}.").format(**habits_and_entries(
            int(pushed.get("habits", 0)), int(pushed.get("checkins", 0)))))
        self.send.setText(pgettext("verb, button", "&Send again"))
        self.send.setEnabled(True)

    def _refused(self, problem: str) -> None:
        if self.lost.toPlainText() == _(LOOKING):
            self.lost.setPlainText("")
        self.summary.setText("")
        # TRANSLATORS: {problem} says why, in words of its own
        self.problem.show_message(_("Nothing was written: {problem}").format(problem=problem))
        self.send.setEnabled(False)


def open_send_to_loop(ctx: UiContext, parent: QWidget | None) -> LoopSendDialog:
    return open_modal(LoopSendDialog(ctx, parent))


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """Shown with its plan: the screenshot waits for the dry run to answer."""
    import tempfile

    from PySide6.QtCore import QEventLoop, QTimer

    dialog = LoopSendDialog(ctx, window)
    if dialog.target is None:  # a file in a folder every machine has (the dry run writes nothing)
        dialog.use(Path(tempfile.gettempdir()) / "Loop Habits Backup for the phone.db")
    loop = QEventLoop()
    dialog.job.succeeded.connect(lambda _x: QTimer.singleShot(0, loop.quit))
    dialog.job.failed.connect(lambda _x: QTimer.singleShot(0, loop.quit))
    QTimer.singleShot(30_000, loop.quit)
    if dialog.job.running:
        loop.exec()
    return shown(dialog)
