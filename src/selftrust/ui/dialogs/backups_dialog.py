"""File → Backups: the automatic backups with date and size, restore, back up now, and
the daily copy to a folder of your choice.

Restoring replaces the data under the running app, so it asks first (plainly, with
the date), keeps what is there now aside, and then every view reloads. The undo
history is cleared: it describes changes to data that is no longer open.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, pgettext
from selftrust.services import auto_export
from selftrust.services.backups import (
    Backup,
    backups_folder,
    kind_name,
    list_backups,
    restore_in_place,
)
from selftrust.services.errors import UserError
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.data_task import BackgroundCall
from selftrust.ui.dialogs.wrapped import keep_wrapped_heights
from selftrust.ui.look.icons import icon
from selftrust.ui.shell.context import UiContext

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
BACK_UP_KEYS = "Ctrl+B"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        # TRANSLATORS: a file's size in kilobytes ("250 KB")
        return _("{size} KB").format(size=formats.number(max(1, round(size / 1024))))
    # TRANSLATORS: a file's size in megabytes ("1.5 MB")
    return _("{size} MB").format(
        size=formats.decimal(size / (1024 * 1024), 1, keep_zeros=True))


def _day(moment: datetime) -> str:
    """"Sun, 22 Nov 2026"."""
    return formats.skeleton(moment.date(), "yMMMEd")


def when_text(moment: datetime, today: date | None = None) -> str:
    """ "Today, 12:00", "Yesterday, 21:30", "Sun, 22 Nov 2026, 12:00"."""
    day = moment.date()
    time = formats.time_of_day(moment)
    if today is not None and day == today:
        # TRANSLATORS: when a backup was taken, in the list of backups
        return _("Today, {time}").format(time=time)
    if today is not None and day == today - timedelta(days=1):
        # TRANSLATORS: when a backup was taken, in the list of backups
        return _("Yesterday, {time}").format(time=time)
    # TRANSLATORS: when a backup was taken: a date ("Sun, 22 Nov 2026") and a time
    return _("{day}, {time}").format(day=_day(moment), time=time)


def last_saved_text(moment: datetime, today: date) -> str:
    """When the daily copy was last saved: "Last saved today at 12:00 as …"."""
    day = moment.date()
    time = formats.time_of_day(moment)
    if day == today:
        return _("Last saved today at {time} as {file}. A new copy is saved each day "
                 "your data changes.").format(time=time, file=auto_export.FILE_NAME)
    if day == today - timedelta(days=1):
        return _("Last saved yesterday at {time} as {file}. A new copy is saved each day "
                 "your data changes.").format(time=time, file=auto_export.FILE_NAME)
    # TRANSLATORS: {day} is a date ("Sun, 22 Nov 2026"); {file} the copy's file name
    return _("Last saved on {day} at {time} as {file}. A new copy is saved each day "
             "your data changes.").format(day=_day(moment), time=time,
                                          file=auto_export.FILE_NAME)


def _plain(text: str, parent: QWidget | None = None, *, muted: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if muted:  # secondary text: the palette's quieter colour, readable in both themes
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        label.setPalette(palette)
    return label


def _heading(text: str, parent: QWidget, scale: float = 1.0) -> QLabel:
    label = _plain(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(font.Weight.DemiBold)
    label.setFont(font)
    return label


class BackupsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._backups: list[Backup] = []
        self.setObjectName("backups-dialog")
        self.setWindowTitle(_("Backups"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        em = self.fontMetrics().horizontalAdvance("M")
        self._em = em
        self.resize(em * 50, em * 50)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(int(em * 1.6), int(em * 1.4), int(em * 1.6), em)
        layout.setSpacing(round(em * 0.6))
        layout.addWidget(_heading(_("Backups"), self, 1.3))
        layout.addWidget(_plain(
            _("Self-Trust keeps a copy of your data every day, in your data folder: one "
              "for each of the last 7 days, then a weekly one for 4 weeks more. Restoring "
              "one puts it back in place; what you have now is kept aside, never deleted."),
            self, muted=True))

        self.list = QTreeWidget(self)
        self.list.setAccessibleName(_("Backups"))
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([
            # TRANSLATORS: column heading in the list of backups: when each was made
            pgettext("backup", "Taken"),
            pgettext("backup", "Kind"),
            pgettext("backup", "Size"),
        ])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.list.headerItem().setTextAlignment(
            2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda *_: self.restore_selected())
        self.empty = _plain(_("No backups yet. One is made each day you open Self-Trust, "
                              "and “Back up now” makes one this minute."), self, muted=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(em * 2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        row = QHBoxLayout()
        self.back_up_button = QPushButton(icon("backup"), _("Back up &now"), self)
        self.back_up_button.setToolTip(
            _("Make a backup of your data now ({keys})").format(keys=BACK_UP_KEYS))
        self.back_up_button.clicked.connect(self.back_up)
        back_up = QAction(_("Back up now"), self)
        back_up.setShortcut(QKeySequence(BACK_UP_KEYS))
        back_up.triggered.connect(self.back_up)
        self.addAction(back_up)
        self.restore_button = QPushButton(icon("restore"), _("&Restore…"), self)
        self.restore_button.setToolTip(_("Put the chosen backup back in place of your data"))
        self.restore_button.clicked.connect(self.restore_selected)
        for button in (self.back_up_button, self.restore_button):
            button.setAutoDefault(False)
        row.addWidget(self.back_up_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        # TRANSLATORS: {folder} is where the backups are kept
        folder = isolate(str(backups_folder(ctx.ws)))
        self.status = _plain(_("Kept in {folder}").format(folder=folder), self, muted=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(_("Backup status"))
        layout.addWidget(self.status)

        layout.addSpacing(em)
        layout.addWidget(_heading(_("A daily copy in a folder"), self, 1.1))
        self.auto_box = QCheckBox(
            _("&Save all my data every day as a JSON file in a folder"), self)
        self.auto_box.setToolTip(_("Handy with Syncthing, Nextcloud or a USB stick"))
        self.auto_box.toggled.connect(self._auto_toggled)
        layout.addWidget(self.auto_box)
        indent = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth) + round(
            em * 0.5)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(indent, 0, 0, 0)
        self.folder_label = _plain("", self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(_("Folder for the daily copy"))
        self.choose_button = QPushButton(_("&Choose folder…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        layout.addLayout(folder_row)
        self.auto_status = _plain("", self, muted=True)
        self.auto_status.setAccessibleName(_("Daily copy status"))
        self.auto_status.setContentsMargins(indent, 0, 0, 0)
        layout.addWidget(self.auto_status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setTabOrder(self.list, self.back_up_button)
        self.setTabOrder(self.back_up_button, self.restore_button)
        self.setTabOrder(self.restore_button, self.auto_box)
        self.setTabOrder(self.auto_box, self.choose_button)
        self._exporting: BackgroundCall | None = None
        keep_wrapped_heights(self)  # every note whole, in any language; the list gives way
        self.refresh()

    # --- the list -------------------------------------------------------------------
    def refresh(self) -> None:
        self._backups = list_backups(self.ctx.ws)
        self.list.clear()
        for backup in self._backups:
            item = QTreeWidgetItem([when_text(backup.taken_at, self._today()),
                                    kind_name(backup.kind), size_text(backup.size)])
            item.setData(0, PATH_ROLE, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            item.setSizeHint(0, QSize(0, round(self.fontMetrics().height() * 1.8)))
            self.list.addTopLevelItem(item)
        for column in (1, 2):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + self._em * 2)
        self.stack.setCurrentWidget(self.list if self._backups else self.empty)
        newest = self.list.topLevelItem(0)
        if newest is not None:
            self.list.setCurrentItem(newest)
        self._selection_changed()
        self._show_auto_export()

    def _today(self) -> date:
        return self.ctx.ws.clock.now().astimezone().date()

    def selected(self) -> Backup | None:
        items = self.list.selectedItems()
        if not items:
            return None
        path = Path(str(items[0].data(0, PATH_ROLE)))
        return next((b for b in self._backups if b.path == path), None)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- actions --------------------------------------------------------------------
    def back_up(self) -> None:
        try:
            made = self.ctx.ws.back_up_now()
        except UserError as exc:
            messages.prompter.problem(self, _("The backup could not be made"), str(exc))
            return
        self.refresh()
        # TRANSLATORS: {size} is the backup's size ("250 KB")
        self.status.setText(_("Backed up just now ({size}).").format(size=size_text(made.size)))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        when = when_text(backup.taken_at)
        if not messages.prompter.ask(
            self, _("Restore this backup?"),
            # TRANSLATORS: {when} is when the backup was taken ("Sun, 22 Nov 2026, 12:00")
            _("Your data will go back to how it was on {when}.").format(when=when),
            accept=pgettext("verb, button", "Restore"), reject=_("Keep my data"),
            detail=_("What you have now is kept aside in your data folder, never deleted, "
                     "so you can always go back to it."),
            destructive=True,
        ):
            return
        BackgroundCall.wait_for_all()
        try:
            aside = restore_in_place(self.ctx.ws, backup.path)
        except UserError as exc:
            messages.prompter.problem(
                self, _("That backup could not be restored"),
                # TRANSLATORS: {problem} is what went wrong, a sentence of its own
                _("{problem} Your data was not changed.").format(problem=exc))
            return
        self.ctx.undo.clear()
        self.refresh()
        # TRANSLATORS: {name} is a file name, {folder} the folder it is in
        kept = (_("What you had before is kept as {name} in {folder}.").format(
                    name=aside.name, folder=aside.parent)
                if aside is not None else "")
        # TRANSLATORS: {when} is when the backup was taken ("Sun, 22 Nov 2026, 12:00")
        self.status.setText(_("Restored the backup from {when}.").format(when=when))
        messages.prompter.inform(self, _("Backup restored"),
                                 _("Your data is back to how it was on {when}.").format(
                                     when=when), kept)

    # --- the daily copy -------------------------------------------------------------
    def _show_auto_export(self) -> None:
        folder = self.ctx.ws.settings.auto_export_folder
        self.auto_box.blockSignals(True)
        self.auto_box.setChecked(bool(folder))
        self.auto_box.blockSignals(False)
        self.folder_label.setText(folder or _("No folder chosen yet."))
        self.folder_label.setEnabled(bool(folder))
        self.auto_status.setText(self._auto_status_text(folder))

    def _auto_status_text(self, folder: str) -> str:
        if not folder:
            return _("Off. Your data stays only on this computer (and in its backups).")
        if self._exporting is not None:
            return _("Saving a copy now…")
        try:
            noted = auto_export.state(self.ctx.ws)
        except UserError:
            return ""
        if noted.problem:
            return noted.problem
        if noted.written_at and noted.folder == folder:
            written = datetime.fromisoformat(noted.written_at.removesuffix("Z")).replace(
                tzinfo=UTC).astimezone()
            return last_saved_text(written, self._today())
        # TRANSLATORS: {file} is the copy's file name
        return _("A copy will be saved as {file} shortly.").format(file=auto_export.FILE_NAME)

    def _auto_toggled(self, on: bool) -> None:
        if on and not self.ctx.ws.settings.auto_export_folder:
            if not self.choose_folder():
                self._show_auto_export()
            return
        if not on:
            auto_export.set_folder(self.ctx.ws, None)
            self._show_auto_export()

    def choose_folder(self) -> bool:
        folder = messages.prompter.choose_folder(self, _("Choose a folder for the daily copy"))
        if folder is None:
            return False
        try:
            auto_export.set_folder(self.ctx.ws, folder)
        except UserError as exc:
            messages.prompter.problem(self, _("That folder cannot be used"), str(exc))
            return False
        self.export_now()
        return True

    def export_now(self) -> BackgroundCall:
        ws = self.ctx.ws
        call = BackgroundCall(lambda: auto_export.auto_export_if_due(ws, force=True), self)
        self._exporting = call
        call.ended.connect(self._exported)
        self._show_auto_export()
        return call.start_now()

    def _exported(self, _result: object) -> None:
        self._exporting = None
        self._show_auto_export()


def open_backups(ctx: UiContext, parent: QWidget | None) -> BackupsDialog:
    """Show the Backups dialog (the one already open, if there is one)."""
    dialog = parent.findChild(BackupsDialog) if parent is not None else None
    if dialog is None or not dialog.isVisible():
        dialog = BackupsDialog(ctx, parent)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
