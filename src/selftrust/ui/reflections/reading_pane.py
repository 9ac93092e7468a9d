"""Reading one reflection: every part under its heading, as plain text; a part also
written differently on another computer (sync kept both) shows that text under it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _, pgettext
from selftrust.domain.coach import PROMPTS
from selftrust.services.journal import JournalEntry
from selftrust.services.sync.kept import KeptText
from selftrust.ui.look.icons import icon
from selftrust.ui.reflections.next_step_action import button_text, show_promised
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.words import day_words, feeling_words, prompt_words


def feelings_text(before: int | None, after: int | None) -> str:
    words = feeling_words()

    def word(n: int | None) -> str:
        if n is None:
            return "—"
        # TRANSLATORS: a feeling's number (1 to 5) and its word ("2 low")
        return _("{n} {feeling}").format(n=formats.number(n), feeling=words[n])

    if before is None and after is None:
        return ""
    # TRANSLATORS: {before} and {after} are feelings such as "2 low" (or "—" for none)
    return _("Feeling before: {before}    after: {after}").format(
        before=word(before), after=word(after))


class ReadingPane(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    promise_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadingPane")
        em = QFontMetrics(self.font()).height()
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(em, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(0, 0, em // 2, 0)
        self.layout_.setSpacing(em // 3)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)

        self.title = plain_label("", self.body, bold=True, scale=1.3)
        self.title.setObjectName("reading-title")
        self.subtitle = plain_label("", self.body, muted=True)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        self.kept: dict[str, QWidget] = {}  # per part: the texts kept from other computers
        self._kept_boxes: dict[str, QVBoxLayout] = {}
        words = prompt_words()
        for prompt in PROMPTS:
            head = plain_label(words[prompt.key].title, self.body, bold=True)
            text = plain_label("", self.body)
            text.setObjectName(f"reading-{prompt.key}")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            kept = QWidget(self.body)
            kept.setObjectName(f"reading-kept-{prompt.key}")
            kept_box = QVBoxLayout(kept)
            kept_box.setContentsMargins(em, em // 4, 0, 0)
            kept_box.setSpacing(em // 6)
            kept.hide()
            self.layout_.addSpacing(em // 2)
            self.layout_.addWidget(head)
            self.layout_.addWidget(text)
            self.layout_.addWidget(kept)
            self.sections[prompt.key] = (head, text)
            self.kept[prompt.key] = kept
            self._kept_boxes[prompt.key] = kept_box
        self.feelings = plain_label("", self.body, muted=True)
        self.layout_.addSpacing(em // 2)
        self.layout_.addWidget(self.feelings)
        self.layout_.addStretch(1)

        self.promise = QPushButton(button_text(), self)
        self.promise.setObjectName("journal-promise")
        self.promise.clicked.connect(self.promise_requested)
        self.edit = QPushButton(icon("edit"), pgettext("button", "Edit"), self)
        self.edit.setObjectName("journal-edit")
        self.edit.setAccessibleName(_("Edit reflection"))
        self.edit.setToolTip(_("Edit this reflection (Enter)"))
        self.edit.clicked.connect(self.edit_requested)
        self.delete = QPushButton(icon("delete"), pgettext("button", "Delete"), self)
        self.delete.setObjectName("journal-delete")
        self.delete.setAccessibleName(_("Delete reflection"))
        self.delete.setToolTip(_("Delete this reflection (Delete; undo with Ctrl+Z)"))
        self.delete.clicked.connect(self.delete_requested)
        # The promise beside Edit and Delete where they fit on one line, above them where
        # not (a narrow window, a language of longer words): never cut.
        self._above, self._buttons = QHBoxLayout(), QHBoxLayout()
        self._above.addStretch(1)
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.edit)
        self._buttons.addWidget(self.delete)
        self._promise_above: bool | None = None
        self._place_promise(above=False)
        outer.addLayout(self._above)
        outer.addLayout(self._buttons)

        self.placeholder = plain_label(_("Choose a reflection in the list to read it here."),
                                        self, muted=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.placeholder)
        self.show_row(None, "", date.today())

    def _place_promise(self, above: bool) -> None:
        if above == self._promise_above:
            return
        self._promise_above = above
        self._above.removeWidget(self.promise)
        self._buttons.removeWidget(self.promise)
        (self._above if above else self._buttons).insertWidget(0, self.promise)

    def _one_line(self) -> int:
        """The width the buttons need on one line."""
        gap = self._buttons.spacing()
        return (self.promise.sizeHint().width() + self.edit.sizeHint().width()
                + self.delete.sizeHint().width() + 3 * max(gap, 0)
                + self._outer.contentsMargins().left())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Narrower than the buttons on one line is allowed: the promise goes above."""
        hint = super().minimumSizeHint()
        gap = max(self._buttons.spacing(), 0)
        two = max(self.promise.sizeHint().width(),
                  self.edit.sizeHint().width() + gap + self.delete.sizeHint().width())
        return QSize(min(hint.width(), two + self._outer.contentsMargins().left()),
                     hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_promise(above=self.promise.isVisibleTo(self)
                            and self.width() < self._one_line())

    def show_row(self, row: JournalEntry | None, about: str, today: date, *,
                 promised: bool = False, kept: Sequence[KeptText] = ()) -> None:
        """``promised``: the next step is on tomorrow's list already; ``kept``: the
        other versions of its parts that sync kept."""
        has = row is not None
        self.scroll_area.setVisible(has)
        for b in (self.edit, self.delete):
            b.setVisible(has)
        self.placeholder.setVisible(not has)
        if row is None:
            self.promise.setVisible(False)
            return
        self.title.setText(about)
        sub = day_words(row.day, today)
        if row.repairs:
            # TRANSLATORS: {day} is a date such as "Yesterday, Monday 23 November"
            sub = _("{day} — this reflection repairs a miss").format(day=sub)
        self.subtitle.setText(sub)
        for key, (head, text) in self.sections.items():
            value = row.part(key)
            others = [k for k in kept if k.field == key]
            head.setVisible(bool(value) or bool(others))
            text.setVisible(bool(value))
            text.setText(value)
            self._show_kept(key, others)
        self.feelings.setText(feelings_text(row.feeling_before, row.feeling_after))
        self.promise.setVisible(bool(row.next_step.strip()))
        show_promised(self.promise, promised,
                      _("A one-off commitment for tomorrow (Ctrl+Shift+P)"))
        self._place_promise(above=self.promise.isVisibleTo(self)
                            and self.width() < self._one_line())
        self.scroll_area.verticalScrollBar().setValue(0)

    def _show_kept(self, key: str, others: Sequence[KeptText]) -> None:
        """Under a part: "Also written on Laptop:" and that text, plainly."""
        box, layout = self.kept[key], self._kept_boxes[key]
        while (item := layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.setParent(None)  # Python owns it now and lets it go
        for other in others:
            # TRANSLATORS: {device} is the name of the person's other computer
            head = plain_label(_("Also written on {device}:").format(device=isolate(other.device)),
                               box, muted=True)
            head.setObjectName("reading-kept-head")
            text = plain_label(other.text, box)
            text.setObjectName("reading-kept-text")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            layout.addWidget(head)
            layout.addWidget(text)
        box.setVisible(bool(others))
