"""Writing in the reflection form: a click anywhere on a prompt's card goes to its text,
and the feeling pills behave like radio buttons (a stray Space never clears a choice)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from selftrust.ui.reflections.open_dialogs import open_reflection
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import part


def _card_of(dialog: ReflectionDialog, key: str) -> QFrame:
    card = part(dialog, key).parentWidget()
    assert isinstance(card, QFrame) and card.objectName() == "card"
    return card


def test_a_click_anywhere_on_a_card_puts_the_cursor_in_its_text(
        qtbot: QtBot, window: MainWindow, ctx: UiContext, prompter) -> None:  # type: ignore[no-untyped-def]
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    card = _card_of(dialog, "friend")
    dialog.scroll_area.ensureWidgetVisible(card)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(4, card.height() - 4))
    assert dialog.focusWidget() is part(dialog, "friend")
    qtbot.keyClicks(dialog.focusWidget(), "You showed up.")
    assert part(dialog, "friend").toPlainText() == "You showed up."

    learned = _card_of(dialog, "learned")
    dialog.scroll_area.ensureWidgetVisible(learned)
    question = learned.findChildren(QLabel)[1]  # the muted question under the title
    qtbot.mouseClick(question, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert dialog.focusWidget() is part(dialog, "learned")
    prompter.answers = [1]  # discard
    dialog.close()


def test_feelings_behave_like_radio_buttons(qtbot: QtBot, window: MainWindow,
                                            ctx: UiContext, prompter) -> None:  # type: ignore[no-untyped-def]
    dialog = open_reflection(ctx, window, None, None)
    assert dialog is not None
    before = dialog.form.before
    pill = before.buttons[3]
    pill.setFocus()
    qtbot.keyClick(pill, Qt.Key.Key_Space)
    assert before.value() == 3
    for _ in range(3):  # stray spaces never clear the choice
        qtbot.keyClick(pill, Qt.Key.Key_Space)
    assert before.value() == 3 and pill.isChecked()
    qtbot.keyClick(pill, Qt.Key.Key_Return)  # nor does Enter; and it does not save
    assert before.value() == 3 and dialog.saved_row is None

    qtbot.keyClick(pill, Qt.Key.Key_Right)  # arrows move, taking the choice along
    assert dialog.focusWidget() is before.buttons[4] and before.value() == 4
    qtbot.keyClick(before.buttons[4], Qt.Key.Key_Left)
    qtbot.keyClick(before.buttons[3], Qt.Key.Key_Left)
    assert dialog.focusWidget() is before.buttons[2] and before.value() == 2
    assert [n for n, b in before.buttons.items() if b.isChecked()] == [2]

    qtbot.keyClick(before.buttons[2], Qt.Key.Key_Delete)  # taken back on purpose
    assert before.value() is None
    qtbot.keyClick(before.buttons[2], Qt.Key.Key_Right)  # no choice: arrows only move
    assert dialog.focusWidget() is before.buttons[3] and before.value() is None

    qtbot.mouseClick(before.buttons[5], Qt.MouseButton.LeftButton)
    assert before.value() == 5
    qtbot.mouseClick(before.buttons[5], Qt.MouseButton.LeftButton)  # a click again clears
    assert before.value() is None

    # the row is one Tab stop: the chosen pill, or the first
    tabbable = [n for n, b in before.buttons.items()
                if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tabbable == [1]
    before.buttons[4].click()
    assert [n for n, b in before.buttons.items()
            if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == [4]
    prompter.answers = [1]
    dialog.close()
