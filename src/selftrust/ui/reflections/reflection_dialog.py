"""The reflection dialog: writing (or editing) a self-forgiveness reflection.

It opens from a miss (Today's offer, the streak calendar), free from Ctrl+R, and from
the journal to edit. Words are never lost: a draft is autosaved to the data folder a
second after each change, comes back the next time the same reflection is opened, and
closing with unsaved words says the draft is kept and asks whether to close or discard
it. Saving is one undoable step; on a missed day it repairs the miss, and every view
follows through the change signal.

The dialog fits the screen it opens on: the header and the buttons always stay in view
and the prompts scroll between them (a 1024×600 netbook, a laptop with a taskbar). When
it closes, the keyboard focus goes back to where the user was (focus_return.py).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFontMetrics,
    QKeySequence,
    QPalette,
    QShortcut,
    QShowEvent,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selftrust.domain.coach import has_writing
from selftrust.domain.history import Status
from selftrust.services.drafts import Draft, draft_key, drafts_of, edit_key
from selftrust.services.errors import UserError
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.dialogs import messages
from selftrust.ui.reflections.focus_return import FocusReturn
from selftrust.ui.reflections.reflection_form import ReflectionForm, _plain_label
from selftrust.ui.reflections.saved_page import SavedPage
from selftrust.ui.reflections.screen_fit import fitting_height, keep_on_screen
from selftrust.ui.reflections.support_line import SupportLine
from selftrust.ui.reflections.words import STATUS_WORDS, day_words
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform

if TYPE_CHECKING:
    from selftrust.services.records import ReflectionRow

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
NEED_WRITING = "Write at least one line to save — a few words are enough."
INTRO = ("Take a few quiet minutes and write as much or as little as helps — every part "
         "is optional.")
SLIP = "Everyone slips sometimes. "  # said once, before INTRO, and only about a miss
SAVE_KEYS = "Ctrl+Enter"
PREFERRED_LINES = 44  # the comfortable height in lines of text, when the screen has room

PRIMARY_STYLE = (
    "QPushButton { background: palette(highlight); color: palette(highlighted-text); "
    "border: 1px solid palette(highlight); border-radius: 6px; padding: 5px 16px; }"
    "QPushButton:disabled { background: palette(button); color: palette(mid); "
    "border-color: palette(midlight); }"
)

_open_dialogs: dict[tuple[int, str], ReflectionDialog] = {}
"""The dialog open per workspace and draft key, so one reflection has one editor."""


class ReflectionDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None,
        *,
        commitment_id: int | None = None,
        day: date | None = None,
        reflection: ReflectionRow | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.reflection = reflection
        self.free = reflection is None and commitment_id is None
        if reflection is not None:
            commitment_id, day = reflection.commitment_id, reflection.day
        self.commitment_id = commitment_id
        self.day = day or self.ws.today()
        self.key = edit_key(reflection.id) if reflection else draft_key(commitment_id, day)
        self.drafts = drafts_of(self.ws)
        self.autosave_enabled = True
        self.saved_row: ReflectionRow | None = None
        self._closing = False
        self._fitted = False
        self.focus_return = FocusReturn(parent)
        self.setObjectName("ReflectionDialog")
        self.setWindowTitle("Edit reflection" if reflection else "Reflect")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.keep_draft)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._writing_page())
        self.saved = SavedPage(ctx, self)
        self.saved.done.connect(self.close)
        self.pages.addWidget(self.saved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self._original = self._load()
        self._update_header()
        self._update_save()
        self.form.changed.connect(self._edited)
        self.form.submitted.connect(self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._flush)
        ctx.clockwork.day_changed.connect(self._new_day)
        em = QFontMetrics(self.font())
        self.resize(max(560, em.averageCharWidth() * 78), em.height() * PREFERRED_LINES)

    # --- building ---------------------------------------------------------------------
    def _writing_page(self) -> QWidget:
        """The header (what it is about) and the buttons stay put; the rest scrolls."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        em = QFontMetrics(self.font()).height()
        layout.setContentsMargins(em * 3 // 2, em, em * 3 // 2, em)
        layout.setSpacing(em // 2)

        self.title = _plain_label("", page, bold=True, scale=1.45)
        self.title.setObjectName("reflection-title")
        self.subtitle = _plain_label("", page, muted=True)
        self.subtitle.setObjectName("reflection-subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        if self.free:
            layout.addWidget(self._free_choices(page))

        self.scroll = QScrollArea(page)
        self.scroll.setObjectName("reflection-scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, em // 4, em // 2, em // 2)
        holder_layout.setSpacing(em // 2)
        self.support = SupportLine(self.ctx, holder)
        self.support.refresh()
        holder_layout.addWidget(self.support)
        self.intro = _plain_label(INTRO, holder, muted=True)
        self.intro.setObjectName("reflection-intro")
        self.intro.setVisible(self.reflection is None)
        holder_layout.addWidget(self.intro)
        self.notice = _plain_label("", holder, muted=True)
        self.notice.setObjectName("reflection-notice")
        self.notice.setVisible(False)
        holder_layout.addWidget(self.notice)
        self.form = ReflectionForm()
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        self.scroll.setWidget(holder)
        layout.addWidget(self.scroll, 1)

        footer = QHBoxLayout()
        footer.setSpacing(em // 2)
        self.status = _plain_label("", page, muted=True)
        self.status.setObjectName("reflection-status")
        footer.addWidget(self.status, 1)
        self.close_button = QPushButton("Close", page)
        self.close_button.setObjectName("reflection-close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        self.save_hint = _plain_label(SAVE_KEYS, page, muted=True)
        self.save_hint.setObjectName("reflection-save-keys")
        self.save_hint.setWordWrap(False)
        self.save_hint.setAccessibleName(f"Save with {SAVE_KEYS}")
        self.save_button = QPushButton("Save changes" if self.reflection else "Save reflection",
                                       page)
        self.save_button.setObjectName("reflection-save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(f"Save ({SAVE_KEYS})")
        self.save_button.setAccessibleDescription(f"Saves the reflection; {SAVE_KEYS} also saves")
        self.save_button.clicked.connect(self.save)
        self.save_button.setStyleSheet(PRIMARY_STYLE)
        footer.addWidget(self.close_button)
        footer.addSpacing(em // 2)
        footer.addWidget(self.save_hint)
        footer.addWidget(self.save_button)
        layout.addLayout(footer)
        return page

    def _free_choices(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 4)
        self.about = QComboBox(box)
        self.about.setObjectName("reflection-about")
        self.about.setAccessibleName("What this is about")
        self.about.addItem("No particular commitment", None)
        for c in self.ws.commitments.all():
            self.about.addItem(c.title, c.id)
        self.about.currentIndexChanged.connect(self._chose)
        self.day_edit = QDateEdit(box)
        self.day_edit.setObjectName("reflection-day")
        self.day_edit.setAccessibleName("The day it is about")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dddd d MMMM yyyy")
        today = self.ws.today()
        self.day_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self._limit_days(today)
        self.day_edit.dateChanged.connect(self._chose)
        form.addRow("About", self.about)
        form.addRow("Day", self.day_edit)
        return box

    # --- what it is about ---------------------------------------------------------------
    def _limit_days(self, today: date) -> None:
        """Today and before: a day to come has nothing to reflect on yet. The days after
        today are greyed in the pop-up calendar too, so they do not look like choices."""
        edit = self.day_edit
        edit.setMaximumDate(QDate(today.year, today.month, today.day))
        calendar = edit.calendarWidget()
        if calendar is None:
            return
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget older greying
        later = QTextCharFormat()
        later.setForeground(self.palette().color(QPalette.ColorGroup.Disabled,
                                                 QPalette.ColorRole.Text))
        first = QDate(today.year, today.month, today.day).addDays(1)
        for n in range(42):  # the most a month page shows after today
            calendar.setDateTextFormat(first.addDays(n), later)

    def _new_day(self, today: object) -> None:
        if self.free and isinstance(today, date):
            self._limit_days(today)

    def _chose(self) -> None:
        self.commitment_id = self.about.currentData()
        qd = self.day_edit.date()
        self.day = date(qd.year(), qd.month(), qd.day())
        self._update_header()
        self._edited()

    def _update_header(self) -> None:
        ws = self.ws
        today = ws.today()
        title = "A free reflection"
        sub = day_words(self.day, today)
        status: Status | None = None
        if self.commitment_id is not None:
            try:
                title = ws.commitments.get(self.commitment_id).title
            except UserError:
                title = "A commitment no longer here"
            stored = ws.checkins.get(self.commitment_id, self.day)
            status = stored.state.status if stored else None
            sub = f"{sub} — {STATUS_WORDS[status]}"
        if hasattr(self, "intro"):  # a free reflection may be about a good day
            about_a_miss = self.commitment_id is not None and status is Status.MISSED
            self.intro.setText((SLIP if about_a_miss else "") + INTRO)
        if self.free and self.commitment_id is not None:
            title = f"A free reflection: {title}"
        self.title.setText(title)
        self.subtitle.setText(sub)
        self.setWindowTitle(f"{'Edit reflection' if self.reflection else 'Reflect'} — {title}")

    # --- drafts -------------------------------------------------------------------------
    def _load(self) -> Draft:
        """Fill the form from the reflection (when editing) and then from a kept draft."""
        original = Draft(self.commitment_id, self.day)
        if self.reflection is not None:
            r = self.reflection
            original = Draft(r.commitment_id, r.day,
                             {"happened": r.happened, "owning": r.owning, "friend": r.friend,
                              "learned": r.learned, "next_step": r.next_step},
                             r.feeling_before, r.feeling_after)
            self.form.fill(original)
        kept = self.drafts.get(self.key)
        if kept is not None and kept != original:
            self.form.fill(kept)
            if self.free:
                index = self.about.findData(kept.commitment_id)
                self.about.setCurrentIndex(max(0, index))
                if kept.day is not None and kept.day <= self.ws.today():
                    self.day_edit.setDate(QDate(kept.day.year, kept.day.month, kept.day.day))
            self.notice.setText("Your unsaved words from last time are back.")
            self.notice.setVisible(True)
        return original

    def current(self) -> Draft:
        return Draft(self.commitment_id, self.day, self.form.parts(),
                     self.form.before.value(), self.form.after.value())

    def has_changes(self) -> bool:
        if self.saved_row is not None:
            return False
        now = self.current()
        if self.reflection is None:
            return now.has_writing or bool(now.feeling_before or now.feeling_after)
        return now.parts != self._original.parts or (
            now.feeling_before, now.feeling_after
        ) != (self._original.feeling_before, self._original.feeling_after)

    def _edited(self) -> None:
        self._update_save()
        if self.autosave_enabled and self.saved_row is None:
            self._timer.start()

    def keep_draft(self) -> bool:
        """Write the draft now (the autosave); a changeless edit keeps no draft. False
        when the draft could not be written."""
        self._timer.stop()
        if not self.autosave_enabled or self.saved_row is not None:
            return self.saved_row is not None
        try:
            if self.has_changes():
                self.drafts.put(self.key, self.current())
                self.status.setText("Draft kept — your words are safe.")
            else:
                self.drafts.remove(self.key)
        except OSError as exc:
            log.warning("could not keep the reflection draft: %s", exc)
            self.status.setText("Could not keep a draft on disk; please save when you can.")
            return False
        return True

    def _flush(self) -> None:
        if self._timer.isActive():
            self.keep_draft()

    def _update_save(self) -> None:
        ok = has_writing(*self.form.parts().values())
        self.save_button.setEnabled(ok)
        if not ok:
            self.status.setText(NEED_WRITING)
        elif self.status.text() == NEED_WRITING:
            self.status.setText("")

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self.saved_row is not None or not self.save_button.isEnabled():
            return
        parts = self.form.parts()
        draft = ReflectionDraft(
            day=self.day,
            commitment_id=self.commitment_id,
            feeling_before=self.form.before.value(),
            feeling_after=self.form.after.value(),
            **parts,
        )
        ws = self.ws
        try:
            if self.reflection is not None:
                rid = self.reflection.id
                perform(self.ctx.undo, "Edit reflection",
                        lambda: ws.reflections.update(rid, draft), ws.reflections.put_back)
                row = ws.reflections.get(rid)
            else:
                row = perform(self.ctx.undo, "Write reflection", _writer(ws, draft),
                              lambda written: ws.reflections.delete(written.id))
        except UserError as exc:
            messages.prompter.problem(self, "Not saved", str(exc))
            return
        self.saved_row = row
        self._timer.stop()
        try:
            self.drafts.remove(self.key)
        except OSError as exc:
            log.warning("could not remove the reflection draft: %s", exc)
        if self.reflection is not None:
            self.close()
            return
        self.pages.setCurrentIndex(1)
        self.saved.show_for(row)

    # --- fitting the screen ---------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        """Before the first show: as tall as the screen allows, so Qt centres it at the
        size it will have."""
        if visible and not self._fitted:
            self._fitted = True
            self.resize(self.width(), fitting_height(self, self.height()))
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # once the window manager has framed it: shrink or move it to fit, if need be
        QTimer.singleShot(0, self._keep_on_screen)
        QTimer.singleShot(250, self._keep_on_screen)

    def _keep_on_screen(self) -> None:
        if self.isVisible():
            keep_on_screen(self)

    # --- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._closing and not self.may_close():
            event.ignore()
            return
        self._closing = True
        _forget((id(self.ws), self.key))
        super().closeEvent(event)
        self.focus_return.give_back()

    def reject(self) -> None:
        """Escape and the window's close button both come here: close() asks first."""
        if self._closing:
            super().reject()
        else:
            self.close()

    def may_close(self) -> bool:
        """Unsaved words: keep the draft first, then say so and ask — close (the draft
        stays for next time) or discard it. Cancel or Escape goes back to writing."""
        if not self.has_changes():
            self._timer.stop()
            if self.reflection is not None and self.saved_row is None:
                self._quietly(lambda: self.drafts.remove(self.key))
            return True
        kept = self.keep_draft()
        editing = self.reflection is not None
        what = "changes" if editing else "words"
        if kept:
            text = (f"Your {what} are kept as a draft; they come back when you open this "
                    "reflection again. Close now?")
            choices = ["Close (keep the draft)",
                       "Discard the changes" if editing else "Discard the draft"]
        else:
            text = (f"Your {what} could not be kept as a draft on this computer, so closing "
                    "now loses them.")
            choices = ["Close and lose them"]
        choice = messages.prompter.choose(self, "Close this reflection?", text, choices)
        if choice == 0:
            return True
        if choice == 1:
            self._timer.stop()
            self._quietly(lambda: self.drafts.remove(self.key))
            return True
        return False

    def _quietly(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except OSError as exc:
            log.warning("drafts file: %s", exc)


def _writer(ws, draft: ReflectionDraft):  # type: ignore[no-untyped-def]
    """Write once; on redo put the same reflection back (same id, same links)."""
    written: list[ReflectionRow] = []

    def do() -> ReflectionRow:
        if not written:
            written.append(ws.reflections.write(draft))
        else:
            ws.reflections.put_back(written[0])
        return written[0]

    return do


def _show(dialog: ReflectionDialog) -> ReflectionDialog:
    key = (id(dialog.ws), dialog.key)
    _open_dialogs[key] = dialog
    dialog.destroyed.connect(lambda *_: _forget(key))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.form.first_edit().setFocus()
    return dialog


def _forget(key: tuple[int, str]) -> None:
    _open_dialogs.pop(key, None)


def _alive(key: tuple[int, str]) -> ReflectionDialog | None:
    """The dialog already open for ``key`` (a deleted one is forgotten)."""
    import shiboken6

    dialog = _open_dialogs.get(key)
    if dialog is not None and not shiboken6.isValid(dialog):
        _open_dialogs.pop(key, None)
        return None
    return dialog


def open_reflection(
    ctx: UiContext, parent: QWidget | None, commitment_id: int | None, day: date | None
) -> ReflectionDialog | None:
    """Open (or bring forward) the reflection on a commitment's day, or a free one."""
    today = ctx.ws.today()
    if day is not None and day > today:
        messages.prompter.inform(parent, "Not yet",
                                 "That day has not come yet; you can reflect on it afterwards.")
        return None
    if commitment_id is not None and day is None:
        day = today
    key = draft_key(commitment_id, day)
    existing = _alive((id(ctx.ws), key))
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    return _show(ReflectionDialog(ctx, parent, commitment_id=commitment_id, day=day))


def open_reflection_for_edit(
    ctx: UiContext, parent: QWidget | None, reflection_id: int
) -> ReflectionDialog | None:
    existing = _alive((id(ctx.ws), edit_key(reflection_id)))
    if existing is not None:
        existing.raise_()
        return existing
    try:
        row = ctx.ws.reflections.get(reflection_id)
    except UserError as exc:
        messages.prompter.problem(parent, "Cannot open", str(exc))
        return None
    return _show(ReflectionDialog(ctx, parent, reflection=row))


# --- screenshots ------------------------------------------------------------------------

SAMPLE = {
    "happened": "Work ran late and I was exhausted when I got home. My shoes stayed by the door.",
    "owning": "I chose the sofa over my walk, but I was really tired.",
    "friend": "One missed day doesn’t undo all the days you showed up. Rest, and go again "
              "tomorrow.",
}


def _a_recent_miss(ctx: UiContext) -> tuple[int | None, date | None]:
    """The latest unrepaired miss of the last two months, for a true-to-life picture."""
    from datetime import timedelta

    ws = ctx.ws
    ws.ledger.ensure_loaded()
    today = ws.today()
    commitments = ws.commitments.all()
    for back in range(1, 60):
        day = today - timedelta(days=back)
        for c in commitments:
            entry = ws.ledger.entry(c.id, day)
            if entry is not None and entry.status is Status.MISSED and not entry.repaired:
                return c.id, day
    return None, None


class _OverWindow(QWidget):
    """The dialog drawn over the dimmed main window, grabbed at the moment of capture."""

    def __init__(self, window: QWidget, dialog: ReflectionDialog) -> None:
        super().__init__()
        self.window_, self.dialog = window, dialog
        self.resize(window.size())

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtGui import QColor, QPainter

        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.window_.grab())
        painter.fillRect(self.rect(), QColor(0, 0, 0, 90))
        shot = self.dialog.grab()
        x = (self.width() - self.dialog.width()) // 2
        y = (self.height() - self.dialog.height()) // 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for spread in range(12, 0, -3):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 14))
            painter.drawRoundedRect(x - spread, y - spread + 4, self.dialog.width() + 2 * spread,
                                    self.dialog.height() + 2 * spread, spread, spread)
        painter.drawPixmap(x, y, shot)
        painter.end()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.dialog._closing = True
        self.dialog.close()
        super().closeEvent(event)


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    cid, day = _a_recent_miss(ctx)
    dialog = ReflectionDialog(ctx, window, commitment_id=cid, day=day)
    dialog.autosave_enabled = False
    dialog._fitted = True  # sized to the picture's window below, not to the offscreen screen
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if cid is not None:
        dialog.form.set_parts(SAMPLE)
        dialog.form.before.set_value(2)
        dialog.notice.setVisible(False)
    dialog.resize(min(dialog.width(), window.width() - 120), window.height() - 48)
    dialog.show()
    return _OverWindow(window, dialog)
