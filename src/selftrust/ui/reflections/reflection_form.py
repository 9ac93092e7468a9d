"""The writing page of a reflection: the coach's prompts on one calm page.

One page rather than one prompt at a time: a reflection is short, the whole shape is
visible at a glance, any part can be skipped without clicking through, and editing an
old reflection looks exactly like writing it. Each prompt is a soft card with its
question above the text and a hint as placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import _
from selftrust.domain.coach import PROMPTS, contains_but
from selftrust.services.drafts import PARTS, Draft
from selftrust.ui.reflections.feeling_picker import FeelingPicker
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.words import but_hint, prompt_words


def card_style() -> str:
    """The cards' look; the hint's accent stands on the side a line begins on."""
    from PySide6.QtGui import QGuiApplication

    side = "right" if QGuiApplication.isRightToLeft() else "left"
    return (
        "QFrame#card { background: palette(base); border: 1px solid palette(midlight); "
        "border-radius: 10px; }"
        "QFrame#card QPlainTextEdit { background: transparent; border: none; }"
        "QFrame#butHint { background: palette(alternate-base); border-radius: 8px; "
        f"border-{side}: 3px solid #D4A72C; }}"
    )


class PartEdit(QPlainTextEdit):
    """A plain-text box that grows with what is written, between 3 and 12 lines.

    Ctrl+Enter asks to save (the text box would otherwise take it as a new line)."""

    submitted = Signal()

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._min_lines = lines
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        lines = max(self._min_lines, min(12, int(self.document().size().height()) + 1))
        margins = self.contentsMargins()
        height = lines * metrics.lineSpacing() + 2 * int(self.document().documentMargin())
        self.setFixedHeight(height + margins.top() + margins.bottom() + 4)


class PromptCard(QFrame):
    """A prompt's card. A click anywhere on it (its padding, its question) puts the
    cursor in its text box, so what the user types next is never lost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.edit: PartEdit | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        edit = self.edit
        if edit is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        below = self.mapFromGlobal(edit.mapToGlobal(edit.rect().bottomLeft())).y()
        if event.position().y() > below:  # under the text: go on writing at its end
            edit.moveCursor(QTextCursor.MoveOperation.End)
        edit.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class ReflectionForm(QWidget):
    """The prompts and feelings; ``changed`` fires on every edit."""

    changed = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(card_style())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        spacing = QFontMetrics(self.font()).height()
        layout.setSpacing(spacing)

        self.before = FeelingPicker(_("Feeling before"), self)
        layout.addWidget(self._feeling_card(_("How do you feel right now?"), self.before))

        self.edits: dict[str, PartEdit] = {}
        words = prompt_words()
        for prompt in PROMPTS:
            said = words[prompt.key]
            card = PromptCard(self)
            box = QVBoxLayout(card)
            box.setContentsMargins(spacing, spacing * 3 // 4, spacing, spacing // 2)
            box.setSpacing(spacing // 4)
            box.addWidget(plain_label(said.title, card, bold=True))
            box.addWidget(plain_label(said.question, card, muted=True))
            edit = PartEdit(2 if prompt.key == "next_step" else 3, card)
            edit.setObjectName(f"part-{prompt.key}")
            edit.viewport().setCursor(Qt.CursorShape.IBeamCursor)
            card.edit = edit
            edit.setPlaceholderText(said.hint)
            edit.setAccessibleName(said.title)
            edit.setAccessibleDescription(said.question)
            edit.textChanged.connect(self.changed)
            edit.submitted.connect(self.submitted)
            box.addWidget(edit)
            if prompt.key == "owning":
                self.but_hint = self._but_hint(card)
                box.addWidget(self.but_hint)
                edit.textChanged.connect(self._check_but)
            self.edits[prompt.key] = edit
            layout.addWidget(card)

        self.after = FeelingPicker(_("Feeling after"), self)
        layout.addWidget(self._feeling_card(_("And how do you feel now?"), self.after))
        self.before.changed.connect(self.changed)
        self.after.changed.connect(self.changed)
        self.setTabOrder(self.before.buttons[5], self.edits["happened"])
        self.setTabOrder(self.edits["next_step"], self.after.buttons[1])

    def _feeling_card(self, question: str, picker: FeelingPicker) -> QFrame:
        card = QFrame(self)
        card.setObjectName("card")
        spacing = QFontMetrics(self.font()).height()
        box = QVBoxLayout(card)
        box.setContentsMargins(spacing, spacing * 3 // 4, spacing, spacing * 3 // 4)
        box.setSpacing(spacing // 2)
        box.addWidget(plain_label(question, card, bold=True))
        box.addWidget(picker)
        return card

    def _but_hint(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("butHint")
        frame.setAccessibleName(_("A gentle hint"))
        row = QVBoxLayout(frame)
        row.setContentsMargins(10, 6, 10, 6)
        label = plain_label(but_hint(), frame)
        label.setObjectName("butHintText")
        row.addWidget(label)
        frame.setVisible(False)
        return frame

    def _check_but(self) -> None:
        self.but_hint.setVisible(contains_but(self.edits["owning"].toPlainText()))

    # --- values ---------------------------------------------------------------------
    def parts(self) -> dict[str, str]:
        return {key: self.edits[key].toPlainText() for key in PARTS}

    def set_parts(self, parts: dict[str, str]) -> None:
        for key in PARTS:
            edit = self.edits[key]
            edit.setPlainText(parts.get(key, ""))
            edit.moveCursor(QTextCursor.MoveOperation.End)  # go on writing where it ended

    def fill(self, draft: Draft) -> None:
        self.set_parts(draft.parts)
        self.before.set_value(draft.feeling_before)
        self.after.set_value(draft.feeling_after)
        self._check_but()

    def first_edit(self) -> PartEdit:
        return self.edits["happened"]
