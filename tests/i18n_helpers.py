"""What the pseudo-language tests share: finding words that never passed through gettext.

In the pseudo-language (``en_XA``) every translated message is accented, longer and in
brackets, and every date or month name from ``base.formats`` too. Whatever letters are
left once the bracketed parts are taken out were written by hand somewhere: a string a
person reads that a translator would never see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt only for the widget walker: the CLI's tests never import it
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QWidget

# Languages are offered by their own names ("Deutsch"), in every language: never translated.
LANGUAGE_NAMES = ("English", "Deutsch", "Español", "Français", "עברית", "العربية")

_INNERMOST = re.compile(r"\[[^\[\]]*\]")


def outside_brackets(text: str) -> str:
    """The text with every bracketed part (innermost first, so nesting works) removed."""
    previous = None
    while previous != text:
        previous, text = text, _INNERMOST.sub(" ", text)
    return text


def untranslated(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` outside any bracket (``allowed``: words that are not words
    a translator owns, e.g. a commitment title the test typed itself, "Self-Trust",
    "Loop Habit Tracker")."""
    for word in (*allowed, *LANGUAGE_NAMES):
        text = text.replace(word, " ")
    return [w for w in re.findall(r"[^\W\d_]{2,}", outside_brackets(text))]


def visible_texts(widget: QWidget, skip: tuple[type[QWidget], ...] = ()) -> list[str]:
    """Every text a person can read in ``widget`` and the widgets shown inside it.

    Labels, buttons (with their menus), window titles, placeholders, combo box, list,
    tree and tab items, group box titles, tooltips and the names a screen reader says.
    Hidden widgets are left out (a page of a stack not shown, a message not raised), so a
    test shows what it means to check. Qt's own words (the standard buttons of a button
    box or message box: "Close", "Cancel") come from Qt's catalogues, not ours, and are
    left out too; the names the app gives them are not.

    ``skip``: widgets of these types, and everything inside them, are left out (a test of
    one area leaving the parts another area owns to that area's test).
    """
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDialogButtonBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QMenu,
        QMenuBar,
        QMessageBox,
        QPlainTextEdit,
        QPushButton,
        QTabWidget,
        QTextEdit,
        QToolButton,
        QTreeWidget,
        QWidget,
    )

    texts: list[str] = []

    def add(*found: str | None) -> None:
        texts.extend(t for t in found if t)

    def add_actions(actions: Iterable[QAction], seen: set[int]) -> None:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            add(action.text(), action.toolTip() if action.toolTip() != action.text()
                else "", action.statusTip())
            menu = action.menu()
            if isinstance(menu, QMenu) and id(menu) not in seen:
                seen.add(id(menu))
                add(menu.title())
                add_actions(menu.actions(), seen)

    def qt_words(button: QAbstractButton) -> bool:
        box = button.parentWidget()
        while box is not None and not isinstance(box, QDialogButtonBox | QMessageBox):
            box = box.parentWidget()
        if isinstance(box, QDialogButtonBox):
            return box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
        if isinstance(box, QMessageBox) and isinstance(button, QPushButton):
            return box.standardButton(button) != QMessageBox.StandardButton.NoButton
        return False

    def skipped(w: QWidget) -> bool:
        while w is not None and w is not widget:
            if isinstance(w, skip):
                return True
            w = w.parentWidget()
        return False

    menus_seen: set[int] = set()
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QMenu):
            continue  # read through the button or bar that opens it
        if w is not widget and (not w.isVisibleTo(widget) or skipped(w)):
            continue
        if w.isWindow():
            add(w.windowTitle())
        add(w.toolTip(), w.accessibleName(), w.accessibleDescription())
        if isinstance(w, QLabel):
            add(w.text())
        elif isinstance(w, QAbstractButton):
            if not qt_words(w):
                add(w.text())
            menu = w.menu() if isinstance(w, QPushButton | QToolButton) else None
            if menu is not None:
                add_actions(menu.actions(), menus_seen)
        elif isinstance(w, QLineEdit):
            add(w.placeholderText())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            add(w.placeholderText(), w.toPlainText())
        elif isinstance(w, QComboBox):
            add(*(w.itemText(i) for i in range(w.count())))
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QTabWidget):
            add(*(w.tabText(i) for i in range(w.count())),
                *(w.tabToolTip(i) for i in range(w.count())))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                if item is not None and not item.isHidden():
                    add(item.text(), item.toolTip())
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            if header is not None and not w.isHeaderHidden():
                add(*(header.text(c) for c in range(w.columnCount())))
            items = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while items:
                item = items.pop(0)
                if item is None or item.isHidden():
                    continue
                add(*(item.text(c) for c in range(w.columnCount())),
                    *(item.toolTip(c) for c in range(w.columnCount())))
                items.extend(item.child(i) for i in range(item.childCount()))
        elif isinstance(w, QMenuBar):
            add_actions(w.actions(), menus_seen)
    return texts
