"""Preferences → Loop: the folder where Loop's backups arrive, on or off, and what the
last look at it found.

The page only keeps the choice (``LoopSettings``) and tells the window's follower
(``UiContext.loop``) to follow the folder; the merging itself is the follower's.
Choosing a folder turns following on: that is why one chooses it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from selftrust.base.i18n import N_, _
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.loop_follow import LoopSettings, last_merge_line, record, skipped_lines
from selftrust.ui.widgets.labels import ElidedLabel, Hint, InlineMessage

# TRANSLATORS: "⋮ › Settings › Export full backup" are the words of Loop Habit Tracker's
# own menus: write them as Loop's translation in your language has them
EXPLAINED = N_(
    "Check off on the phone with Loop Habit Tracker, and look back here in the evening. "
    "In Loop: ⋮ › Settings › Export full backup, and save the backup into a folder this "
    "computer also sees: a folder that Syncthing (or Nextcloud, Dropbox…) keeps in step "
    "with the phone, or one you copy the file into by hand. Self-Trust follows that "
    "folder and brings in each new backup within seconds: check-ins, notes and habits "
    "changed on the phone. What you changed here stays."
)
# TRANSLATORS: "File › Send to Loop…" is the way there through Self-Trust's own menus
SEND_BACK = N_("To send this computer’s check-ins to the phone: File › Send to Loop…")
NO_FOLDER = N_("No folder chosen yet.")


class LoopPrefsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loop-prefs")
        self.settings = LoopSettings(ctx.prefs, ctx.ws.db.folder.root)
        em = self.fontMetrics().horizontalAdvance("m")

        self.explained = Hint(_(EXPLAINED))
        self.folder_label = ElidedLabel(_(NO_FOLDER))
        self.folder_label.setObjectName("loop-folder")
        self.choose = QPushButton(_("C&hoose folder…"))
        self.choose.setObjectName("loop-choose-folder")
        self.choose.setAccessibleName(_("Choose the folder where Loop’s backups arrive"))
        self.follow = QCheckBox(_("&Bring in new Loop backups from this folder"))
        self.follow.setObjectName("loop-follow")
        self.follow.setAccessibleName(_("Bring in new Loop backups from this folder"))
        self.last = Hint("")
        self.last.setObjectName("loop-last-merge")
        self.skipped = InlineMessage()
        self.skipped.setObjectName("loop-skipped")
        self.merge_now = QPushButton(_("&Merge now"))
        self.merge_now.setObjectName("loop-merge-now")
        self.merge_now.setAccessibleName(_("Merge the newest Loop backup now"))
        self.send_back = Hint(_(SEND_BACK))
        for button in (self.choose, self.merge_now):
            button.setAutoDefault(False)  # Enter in Preferences closes it, as before

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose)
        last_row = QHBoxLayout()
        last_row.addWidget(self.last, 1)
        last_row.addWidget(self.merge_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, 0)
        layout.setSpacing(6)
        layout.addWidget(section_label(_("Loop Habit Tracker on the phone")))
        layout.addWidget(self.explained)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Folder where Loop’s backups arrive"), self.choose))
        layout.addLayout(folder_row)
        layout.addWidget(self.follow)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Last merge")))
        layout.addLayout(last_row)
        layout.addWidget(self.skipped)
        layout.addSpacing(em)
        layout.addWidget(self.send_back)
        layout.addStretch(1)

        self.choose.clicked.connect(self.choose_folder)
        self.follow.toggled.connect(self._follow_toggled)
        self.merge_now.clicked.connect(self._merge_now)
        if ctx.loop is not None:
            ctx.loop.looked.connect(self.refresh)
            ctx.loop.job.started.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        folder = self.settings.folder
        self.folder_label.set_full_text(str(folder) if folder else _(NO_FOLDER))
        self.follow.blockSignals(True)
        self.follow.setChecked(folder is not None and self.settings.enabled)
        self.follow.blockSignals(False)
        self.follow.setEnabled(folder is not None)
        busy = self.ctx.loop is not None and self.ctx.loop.busy
        self.merge_now.setEnabled(folder is not None and self.ctx.loop is not None and not busy)
        last = self.settings.last
        self.last.setText(_("Looking at the folder…") if busy else last_merge_line(last))
        skipped = skipped_lines(last)
        if skipped:
            # TRANSLATORS: above a list of Loop backups that could not be read
            self.skipped.show_message(
                "\n".join((_("Passed over, to be tried again when it changes:"), *skipped)))
        else:
            self.skipped.clear_message()

    def choose_folder(self) -> None:
        chosen = messages.prompter.choose_folder(self, _("Folder where Loop’s backups arrive"))
        if chosen is None:
            return
        self.use_folder(chosen)

    def use_folder(self, folder: Path) -> None:
        if folder != self.settings.folder:
            self.settings.last = None  # what another folder held says nothing here
        self.settings.folder = folder
        self.settings.enabled = True
        self._apply()

    def _follow_toggled(self, on: bool) -> None:
        self.settings.enabled = on
        self._apply()

    def _merge_now(self) -> None:
        if self.ctx.loop is not None:
            self.ctx.loop.pull_now()
        self.refresh()

    def _apply(self) -> None:
        if self.ctx.loop is not None:
            self.ctx.loop.apply()
        self.refresh()


def picture_example(ctx: UiContext) -> None:
    """A followed folder and a last merge, as the screenshots show them."""
    settings = LoopSettings(ctx.prefs, ctx.ws.db.folder.root)
    settings.folder = Path("~/Sync/Loop")
    settings.enabled = True
    settings.last = record({
        "source": "~/Sync/Loop/Loop Habits Backup 2026-11-24 081500.db",
        "habits": {"new": 0, "linked": 0, "changed": 0},
        "checkins": {"added": 3, "changed": 1, "removed": 0, "kept_desktop": 0},
        "skipped": [{"file": "Loop Habits Backup 2026-11-24 113000.db",
                     "reason": "the database is damaged or cannot be opened "
                     "(database disk image is malformed)"}],
        "warnings": []}, None, datetime(2026, 11, 24, 11, 30))
