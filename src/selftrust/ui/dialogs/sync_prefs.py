"""Preferences → Sync: the folder, this computer's name and the passphrase, then how
sync stands, the devices seen, commitments offered for merging, and leaving.

The page keeps nothing itself: every step is a `selftrust sync` command the window's
follower (``UiContext.sync``) runs, one at a time, and the page shows what came back.
A passphrase is typed twice, shown as dots, and reaches the command through a private
file deleted as soon as it ended (never a command line).
"""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import N_, _, pgettext
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.dialogs.sync_notes import ask_merge
from selftrust.ui.dialogs.sync_words import device_lines, status_line
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.labels import ElidedLabel, Hint, InlineMessage

EXPLAINED = N_(
    "Keep one record on two or three computers through a folder your file-sync tool "
    "already carries (Syncthing, Nextcloud, Dropbox, a USB stick…). Self-Trust only "
    "reads and writes files there: no server, no account."
)
PASSPHRASE_HINT = N_("Optional. With a passphrase, everything written in the folder is "
                     "encrypted. Use the same one on each computer; it cannot be recovered.")
NO_FOLDER = N_("No folder chosen yet.")
NOT_SAME = N_("The two passphrases are not the same.")
LEAVE_TEXT = N_("Stop syncing this computer’s data?")
LEAVE_DETAIL = N_("Everything stays here as it is, and the other computers keep what this "
                  "one sent. You can choose the folder again later.")


class SyncPrefsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sync-prefs")
        self.folder: Path | None = None
        em = self.fontMetrics().horizontalAdvance("m")

        # --- not syncing yet: choose ---------------------------------------------------
        self.setup = QWidget()
        self.folder_label = ElidedLabel(_(NO_FOLDER))
        self.folder_label.setObjectName("sync-folder")
        self.choose = QPushButton(_("C&hoose folder…"))
        self.choose.setObjectName("sync-choose-folder")
        self.choose.setAccessibleName(_("Choose the folder your file-sync tool carries"))
        self.device_name = QLineEdit(platform.node() or _("This computer"))
        self.device_name.setObjectName("sync-device-name")
        self.device_name.setAccessibleName(_("This computer’s name"))
        self.device_name.setMaxLength(80)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("sync-passphrase")
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.again = QLineEdit()
        self.again.setObjectName("sync-passphrase-again")
        self.again.setAccessibleName(_("Passphrase again"))
        for box in (self.passphrase, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.start = QPushButton(_("&Start syncing"))
        self.start.setObjectName("sync-start")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(section_label(_("This computer’s &name"), self.device_name),
                    self.device_name)
        form.addRow(section_label(_("&Passphrase"), self.passphrase), self.passphrase)
        # TRANSLATORS: the passphrase typed a second time, to be sure of it
        form.addRow(section_label(_("&Again"), self.again), self.again)
        form.addRow("", Hint(_(PASSPHRASE_HINT)))
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start)
        setup = QVBoxLayout(self.setup)
        setup.setContentsMargins(0, 0, 0, 0)
        setup.setSpacing(6)
        setup.addWidget(section_label(_("Folder"), self.choose))
        setup.addLayout(folder_row)
        setup.addSpacing(em // 2)
        setup.addLayout(form)
        setup.addLayout(start_row)

        # --- syncing: how it stands ----------------------------------------------------
        self.syncing = QWidget()
        self.status = plain_label("")  # names the other computers, as their people typed them
        self.status.setObjectName("sync-status")
        self.where = Hint("")
        self.where.setObjectName("sync-where")
        self.devices = Hint("")
        self.devices.setObjectName("sync-devices")
        self.offers = QWidget()
        self.offers.setObjectName("sync-offers")
        self._offers = QVBoxLayout(self.offers)
        self._offers.setContentsMargins(0, 0, 0, 0)
        self.sync_now = QPushButton(_("Sync &now"))
        self.sync_now.setObjectName("sync-now")
        self.leave = QPushButton(_("&Forget this device…"))
        self.leave.setObjectName("sync-leave")
        self.leave.setAccessibleName(_("Forget this device: stop syncing here"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_now)
        buttons.addStretch(1)
        buttons.addWidget(self.leave)
        syncing = QVBoxLayout(self.syncing)
        syncing.setContentsMargins(0, 0, 0, 0)
        syncing.setSpacing(6)
        syncing.addWidget(self.status)
        syncing.addWidget(self.where)
        syncing.addSpacing(em // 2)
        syncing.addWidget(section_label(_("Devices seen")))
        syncing.addWidget(self.devices)
        syncing.addWidget(self.offers)
        syncing.addSpacing(em // 2)
        syncing.addLayout(buttons)

        self.message = InlineMessage()
        self.message.setObjectName("sync-message")
        self.message.setWordWrap(True)
        for button in (self.choose, self.start, self.sync_now, self.leave):
            button.setAutoDefault(False)  # Enter in Preferences closes it, as before
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, 0)
        layout.setSpacing(6)
        layout.addWidget(section_label(_("Sync with your other computers")))
        layout.addWidget(Hint(_(EXPLAINED)))
        layout.addSpacing(em)
        layout.addWidget(self.setup)
        layout.addWidget(self.syncing)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.choose.clicked.connect(self.choose_folder)
        self.start.clicked.connect(self.start_syncing)
        self.sync_now.clicked.connect(self._sync_now)
        self.leave.clicked.connect(self.forget_device)
        for box in (self.passphrase, self.again, self.device_name):
            box.textEdited.connect(lambda _text: self.message.clear_message())
        follower = ctx.sync
        if follower is not None:
            follower.updated.connect(self.refresh)
            follower.refused.connect(self._refused)
            follower.done.connect(self._done)
            follower.refresh_status()  # set up in a terminal, perhaps
        self.refresh()

    # --- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        follower = self.ctx.sync
        status = None if follower is None else follower.status
        busy = None if follower is None else follower.busy_with
        self.setup.setVisible(status is None)
        self.syncing.setVisible(status is not None)
        self.folder_label.set_full_text(str(self.folder) if self.folder else _(NO_FOLDER))
        self.start.setEnabled(self.folder is not None and busy is None)
        self.start.setText(_("Starting…") if busy == "join" else _("&Start syncing"))
        if status is None or follower is None:
            return
        now = self.ctx.ws.clock.now()
        self.status.setText(status_line(status, follower.last, follower.last_at,
                                        follower.problem, busy, now))
        name, folder = status.get("device_name", ""), status.get("folder", "")
        # TRANSLATORS: {name} is this computer's name in sync, {folder} the sync folder
        self.where.setText(_("This computer is “{name}” · {folder} · encrypted").format(
            name=name, folder=folder) if status.get("encrypted") else
            _("This computer is “{name}” · {folder}").format(name=name, folder=folder))
        self.devices.setText("\n".join(device_lines(_devices(status, follower.last), now)))
        self._show_offers([] if follower.last is None
                          else [str(t) for t in follower.last.get("offers") or []])
        self.sync_now.setEnabled(busy is None)
        self.leave.setEnabled(busy is None)

    def _show_offers(self, titles: list[str]) -> None:
        while self._offers.count():
            item = self._offers.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for title in titles:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            # TRANSLATORS: {title} is a commitment's title, held by one on each computer
            words = Hint(_("“{title}” is on both computers.").format(title=title))
            merge = QPushButton(pgettext("verb, button", "Merge…"))
            merge.setObjectName("sync-merge")
            merge.setAccessibleName(_("Merge the two “{title}” into one").format(title=title))
            merge.setAutoDefault(False)
            merge.clicked.connect(lambda _checked=False, t=title: self.offer_merge(t))
            line.addWidget(words, 1)
            line.addWidget(merge)
            self._offers.addWidget(row)
        self.offers.setVisible(bool(titles))

    # --- acting ---------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = messages.prompter.choose_folder(self, _("Folder your file-sync tool carries"))
        if chosen is not None:
            self.folder = chosen
            self.message.clear_message()
            self.refresh()

    def start_syncing(self) -> None:
        if self.folder is None or self.ctx.sync is None:
            return
        if self.passphrase.text() != self.again.text():
            self.message.show_message(_(NOT_SAME))
            self.again.setFocus()
            return
        name = self.device_name.text().strip()
        if not name:
            self.message.show_message(
                _("Give this computer a name the others will know it by."))
            self.device_name.setFocus()
            return
        self.message.clear_message()
        self.ctx.sync.join(self.folder, name, self.passphrase.text() or None)
        self.refresh()

    def forget_device(self) -> None:
        if self.ctx.sync is None:
            return
        if messages.prompter.ask(self, _("Forget this device"), _(LEAVE_TEXT),
                                 accept=_("Stop syncing"), detail=_(LEAVE_DETAIL),
                                 destructive=True):
            self.ctx.sync.leave()

    def offer_merge(self, title: str) -> None:
        if self.ctx.sync is not None and ask_merge(self, title):
            self.ctx.sync.merge(title)

    def _sync_now(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()

    def _refused(self, kind: str, problem: str) -> None:
        self.message.show_message(problem)
        if kind == "join" and _about_passphrase(problem):
            self.passphrase.clear()
            self.again.clear()
            self.passphrase.setFocus()

    def _done(self, kind: str, result: object) -> None:
        answer = result if isinstance(result, dict) else {}
        if kind == "join":
            self.passphrase.clear()
            self.again.clear()
            backup = answer.get("backup")
            if backup:
                # TRANSLATORS: {path} is the backup file made before joining
                self.message.show_message(
                    _("Your data here was backed up first: {path}").format(path=backup))
        elif kind == "leave":
            # TRANSLATORS: {folder} is the sync folder this computer left
            self.message.show_message(
                _("This data no longer syncs with {folder}. Everything stays here as it is."
                  ).format(folder=answer.get("left")))
        elif kind == "merge":
            self.message.show_message(_("“{title}” is one commitment now.").format(
                title=answer.get("merged")))


def _about_passphrase(problem: str) -> bool:
    """Whether a refused join was about the passphrase (the typed ones are then cleared).

    The command says why in words, English or the person's language."""
    # TRANSLATORS: the word "passphrase" as the sync command's messages write it in your
    # language (a refusal that contains it clears the passphrase fields)
    words = {"passphrase", pgettext("word in sync messages", "passphrase").lower()}
    return any(word in problem.lower() for word in words)


def _devices(status: dict[str, Any], last: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The other devices: as the folder tells now (status), else as the last pass saw."""
    found = status.get("devices")
    if found is None and last is not None:
        found = last.get("devices")
    return [d for d in found or [] if isinstance(d, dict)]


def picture_example(ctx: UiContext) -> None:
    """Syncing with two other computers, a commitment offered for merging: the page as
    the screenshots show it (no command runs)."""
    follower = ctx.sync
    if follower is None:
        return
    now = ctx.ws.clock.now().astimezone(UTC)
    ago = lambda minutes: datetime.fromtimestamp(  # noqa: E731 - a small local helper
        now.timestamp() - minutes * 60, UTC).isoformat(timespec="seconds")
    devices = [{"name": "Laptop", "last_write": ago(2), "skipped": None},
               {"name": "Office", "last_write": ago(60 * 26), "skipped": None}]
    follower.status = {"folder": "~/Sync", "device_name": "Desk",
                       "encrypted": True, "last_pass": ago(2), "waiting": 0,
                       "conflicts": [], "devices": devices, "problem": None}
    follower.last = {"sent": 2, "received": 3, "devices": devices, "conflicts": 0,
                     "conflict_messages": [], "summary": "3 check-ins from Laptop",
                     "skipped": [], "offers": [_("Walk 20 minutes")], "backup": None}
    follower.last_at = ago(2)
