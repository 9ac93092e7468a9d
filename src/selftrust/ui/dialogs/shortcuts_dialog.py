"""Help → Keyboard shortcuts: every key Self-Trust knows, read from the actions themselves.

Generated, never hand-written, so the list cannot drift from what the keys really do:
the window's menus give the groups (File, Edit, View, …) in the order the menu bar
shows them, and Today's row actions add the keys that work on a selected row.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import N_, _, pgettext
from selftrust.ui.look.screens import nullable
from selftrust.ui.shell.context import UiContext

Group = tuple[str, list[tuple[str, str]]]
# TRANSLATORS: a group in the list of keyboard shortcuts: keys that act on the row
# selected in Today
ROW_GROUP = N_("On a selected Today row")


SPECIAL_KEYS = Qt.Key.Key_Help.value
"""From here on Qt's keys are dedicated ones (Help, Back, New, Undo, media keys) that
few keyboards have: the standard shortcuts include them, the list leaves them out."""


def first_key(keys: QKeySequence) -> int:
    """The key (without modifiers) a sequence starts with."""
    return int(keys[0].key().value)  # type: ignore[index]  # the stubs lack QKeySequence[i]


def keys_text(action: QAction) -> str:
    """"Alt+Left or Ctrl+PgUp": an action's keys, as the platform writes keys, joined
    as the person's language lists alternatives."""
    native = QKeySequence.SequenceFormat.NativeText
    # Each key set apart, left to right, in a sentence of any direction (Qt's own text
    # opens an embedding in a right-to-left language and never closes it).
    return formats.join([
        isolate(k.toString(native).replace("\u202a", "").replace("\u202c", ""))
        for k in action.shortcuts()
        if not k.isEmpty() and first_key(k) < SPECIAL_KEYS
    ], style="or")


def _name(action: QAction, *, stable: bool) -> str:
    # The window's actions keep their first words in data() (Undo's text changes to
    # "Undo Mark kept" as the stack moves); a row action's toggles ("Mark kept" /
    # "Clear kept") keep theirs in a property, as its data is its icon name.
    data = action.data() if stable else action.property("shortcut_name")
    text = data if isinstance(data, str) and data else action.text()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _rows(actions: Iterable[QAction], *, stable: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for action in actions:
        if action.isSeparator() or action.menu() is not None:
            continue
        keys = keys_text(action)
        if keys:
            out.append((_name(action, stable=stable), keys))
    return out


def shortcut_groups(window: QWidget) -> list[Group]:
    """(group, [(what, keys)]) for the window's menus, then Today's row actions."""
    groups: list[Group] = []
    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                rows = _rows(menu.actions(), stable=True)
                if rows:
                    groups.append((top.text().replace("&", ""), rows))
    page = getattr(window, "page", None)
    today = page("today") if callable(page) else None
    row_actions = getattr(today, "actions_", None)
    if row_actions is not None:
        rows = _rows(row_actions.all(), stable=False)
        if rows:
            groups.append((_(ROW_GROUP), rows))
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, groups: list[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(_("Keyboard shortcuts — Self-Trust"))
        self.setAccessibleName(_("Keyboard shortcuts"))
        u = self.fontMetrics().height()
        box = QVBoxLayout(self)
        box.setContentsMargins(u, u, u, u)
        box.setSpacing(round(u * 0.6))
        intro = QLabel(_("Everything in Self-Trust can be done from the keyboard."), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts-list")
        self.tree.setAccessibleName(_("Keyboard shortcuts, by menu"))
        self.tree.setColumnCount(2)
        # TRANSLATORS: the two columns of the list of keyboard shortcuts
        self.tree.setHeaderLabels([_("What"), _("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        for title, rows in groups:
            group = QTreeWidgetItem(self.tree, [title, ""])
            font = group.font(0)
            font.setWeight(font.Weight.DemiBold)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            for what, keys in rows:
                QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()
        first = self.tree.topLevelItem(0)
        row = first.child(0) if first is not None else None
        if row is not None:
            self.tree.setCurrentItem(row)
        lines = sum(1 + len(rows) for _title, rows in groups)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            pgettext("verb, button", "Close"))
        box.addWidget(intro)
        box.addWidget(self.tree, 1)
        box.addWidget(buttons)
        # Every line in view without scrolling where the screen allows, and as wide as
        # the longest name and keys need (a longer language elided them).
        line = max(self.tree.sizeHintForRow(0), u)
        columns = (self.tree.sizeHintForColumn(0) + self.tree.sizeHintForColumn(1)
                   + self.tree.indentation() + 2 * self.tree.frameWidth()
                   + self.tree.verticalScrollBar().sizeHint().width() + u * 3)
        width = max(round(u * 30), columns)
        screen = nullable(self.screen())
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        intro_height = max(intro.heightForWidth(width - 2 * u), u)  # one line in English
        self.resize(width, round(line * (lines + 1) + u * 6) + intro_height)
        self.tree.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, what, keys) as shown, for tests and screen readers alike."""
        out: list[tuple[str, str, str]] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            children = [group.child(r) for r in range(group.childCount())] if group else []
            out.extend((group.text(0), child.text(0), child.text(1))
                       for child in children if group is not None and child is not None)
        return out


def show_shortcuts(ctx: UiContext, window: QWidget) -> ShortcutsDialog:
    """Not modal: the list can stay open beside the window while trying the keys."""
    dialog = ShortcutsDialog(shortcut_groups(window), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    dialog = show_shortcuts(ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog
