"""The reflection dialog: writing (or editing) a self-forgiveness reflection.

It opens from a miss (Today's offer, the streak calendar), free from Ctrl+R, and from
the journal to edit (`open_dialogs`). Words are never lost: the draft is kept on disk
a second after each change (`draft_keeper`), comes back the next time the same
reflection is opened, and closing with unsaved words says the draft is kept and asks
whether to close or discard it. Saving is one undoable step (`saving`); on a missed day
it repairs the miss, and every view follows through the change signal.

The dialog fits the screen it opens on: the header and the buttons always stay in view
and the prompts scroll between them (`writing_page`, `screen_fit`). When it closes, the
keyboard focus goes back to where the user was (`focus_return`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.domain.coach import has_writing
from selftrust.domain.history import Status
from selftrust.services.drafts import Draft, draft_key, edit_key
from selftrust.services.errors import UserError
from selftrust.services.records import ReflectionRow
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.dialogs import messages
from selftrust.ui.reflections.about_choices import AboutChoices
from selftrust.ui.reflections.draft_keeper import DraftKeeper
from selftrust.ui.reflections.focus_return import FocusReturn
from selftrust.ui.reflections.saved_page import SavedPage
from selftrust.ui.reflections.saving import save_reflection
from selftrust.ui.reflections.screen_fit import fitting_height, keep_on_screen
from selftrust.ui.reflections.words import day_words, status_words
from selftrust.ui.reflections.writing_page import WritingPage
from selftrust.ui.shell.context import UiContext

PREFERRED_LINES = 44  # the comfortable height in lines of text, when the screen has room


def need_writing() -> str:
    """What the status line says while there is nothing to save yet."""
    return _("Write at least one line to save — a few words are enough.")


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
        self.saved_row: ReflectionRow | None = None
        self._closing = False
        self._fitted = False
        self.focus_return = FocusReturn(parent)
        self.setObjectName("ReflectionDialog")
        self.setWindowTitle(_("Edit reflection") if reflection else _("Reflect"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.choices = (AboutChoices(self.ws.commitments.all(), self.day, self.ws.today(), self,
                                     week_start=self.ws.settings.week_start)
                        if self.free else None)
        self.page = WritingPage(ctx, self, editing=reflection is not None, choices=self.choices)
        self.form, self.scroll_area = self.page.form, self.page.scroll_area
        self.notice = self.page.notice
        self.status, self.save_button = self.page.status, self.page.save_button
        self.page.close_button.clicked.connect(self.close)
        self.save_button.clicked.connect(self.save)
        if self.choices is not None:
            self.day_edit = self.choices.day_edit
            self.choices.chosen.connect(self._chose)
        self.drafts = DraftKeeper(self.ws, self.key, self.keep_draft, self.status.setText, self)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.page)
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
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        ctx.clockwork.day_changed.connect(self._new_day)
        em = QFontMetrics(self.font())
        self.resize(max(560, em.averageCharWidth() * 78), em.height() * PREFERRED_LINES)

    # --- what it is about ---------------------------------------------------------------
    def _new_day(self, today: object) -> None:
        if self.choices is not None and isinstance(today, date):
            self.choices.limit_days(today)

    def _chose(self) -> None:
        assert self.choices is not None
        self.commitment_id = self.choices.commitment_id()
        self.day = self.choices.day()
        self._update_header()
        self._edited()

    def _update_header(self) -> None:
        ws = self.ws
        title = _("A free reflection")
        sub = day_words(self.day, ws.today())
        status: Status | None = None
        if self.commitment_id is not None:
            try:
                title = ws.commitments.get(self.commitment_id).title
            except UserError:
                title = _("A commitment no longer here")
            stored = ws.checkins.get(self.commitment_id, self.day)
            status = stored.state.status if stored else None
            # TRANSLATORS: {day} is a date such as "Yesterday, Monday 23 November";
            # {state} what happened that day, such as "not kept"
            sub = _("{day} — {state}").format(day=sub, state=status_words(status))
        self.page.say_intro(self.commitment_id is not None and status is Status.MISSED)
        if self.free and self.commitment_id is not None:
            # TRANSLATORS: {title} is the commitment's title, as its person wrote it
            title = _("A free reflection: {title}").format(title=isolate(title))
        self.page.title.setText(title)
        self.page.subtitle.setText(sub)
        # TRANSLATORS: the window's title; {title} is what the reflection is about
        self.setWindowTitle((_("Edit reflection — {title}") if self.reflection
                             else _("Reflect — {title}")).format(title=isolate(title)))

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
        kept = self.drafts.kept()
        if kept is not None and kept != original:
            self.form.fill(kept)
            if self.choices is not None:
                self.choices.show_draft(kept, self.ws.today())
            self.notice.setText(_("Your unsaved words from last time are back."))
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
        if self.saved_row is None:
            self.drafts.soon()

    def keep_draft(self) -> bool:
        """Write the draft now (the autosave); a changeless edit keeps no draft. False
        when the draft could not be written."""
        self.drafts.stop()
        if not self.drafts.enabled or self.saved_row is not None:
            return self.saved_row is not None
        return self.drafts.keep(self.current() if self.has_changes() else None)

    def _update_save(self) -> None:
        ok = has_writing(*self.form.parts().values())
        self.save_button.setEnabled(ok)
        need = need_writing()
        if not ok:
            self.status.setText(need)
        elif self.status.text() == need:
            self.status.setText("")

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self.saved_row is not None or not self.save_button.isEnabled():
            return
        draft = ReflectionDraft(
            day=self.day,
            commitment_id=self.commitment_id,
            feeling_before=self.form.before.value(),
            feeling_after=self.form.after.value(),
            **self.form.parts(),
        )
        try:
            row = save_reflection(self.ctx, self.reflection, draft)
        except UserError as exc:
            messages.prompter.problem(self, _("Not saved"), str(exc))
            return
        self.saved_row = row
        self.drafts.remove()
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

    def pose_for_picture(self) -> None:
        """For a screenshot: nothing goes to disk, the size is the picture's (not fitted
        to the screen), and the dialog outlives its closing until the picture is taken."""
        self.drafts.enabled = False
        self._fitted = True
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    # --- closing ------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Shown and not closing: the one editor of its reflection."""
        return self.isVisible() and not self._closing

    def close_without_asking(self) -> None:
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._closing and not self.may_close():
            event.ignore()
            return
        self._closing = True
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
            self.drafts.stop()
            if self.reflection is not None and self.saved_row is None:
                self.drafts.remove()
            return True
        kept = self.keep_draft()
        editing = self.reflection is not None
        if kept:
            text = (_("Your changes are kept as a draft; they come back when you open this "
                      "reflection again. Close now?") if editing else
                    _("Your words are kept as a draft; they come back when you open this "
                      "reflection again. Close now?"))
            choices = [_("Close (keep the draft)"),
                       _("Discard the changes") if editing else _("Discard the draft")]
        else:
            text = (_("Your changes could not be kept as a draft on this computer, so "
                      "closing now loses them.") if editing else
                    _("Your words could not be kept as a draft on this computer, so closing "
                      "now loses them."))
            choices = [_("Close and lose them")]
        choice = messages.prompter.choose(self, _("Close this reflection?"), text, choices)
        if choice == 0:
            return True
        if choice == 1:
            self.drafts.remove()
            return True
        return False
