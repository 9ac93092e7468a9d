"""An audit: does the UI show the user's text as plain text everywhere?

Given the strings a user typed, it walks a widget tree and reports every place where one
of them could be read as something else:
- a QLabel showing it without ``Qt.TextFormat.PlainText`` (markup would be rendered);
- a tooltip (widget or item model) holding it raw while it has characters HTML reads
  (Qt shows tooltips that look like rich text as rich text);
- a QAction (a menu item) holding a text with "&" undoubled (read as a shortcut key);
- a matplotlib text with "$" that mathtext would parse.
Each finding names the widget and the string, so a failure says where to look.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

MARKER_LENGTH = 12


def markers(texts: Iterable[str]) -> list[str]:
    """The start of each user string (labels elide or clip long ones)."""
    found = []
    for text in texts:
        line = text.splitlines()[0] if text.strip() else ""
        marker = line[:MARKER_LENGTH]
        if len(marker) >= 3:
            found.append(marker)
    return sorted(set(found))


def _needs_escaping(marker: str) -> bool:
    return html.escape(marker, quote=False) != marker


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()!r})"


def audit_widgets(root: QWidget, user_texts: Iterable[str]) -> list[str]:
    found: list[str] = []
    wanted = markers(user_texts)
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel):
            text = widget.text()
            hits = [m for m in wanted if m in text]
            if hits and widget.textFormat() != Qt.TextFormat.PlainText:
                found.append(f"{_name(widget)} shows {hits[0]!r} as "
                             f"{widget.textFormat().name}, not plain text")
        tip = widget.toolTip()
        found += [f"tooltip of {_name(widget)} holds {m!r} unescaped"
                  for m in wanted if _needs_escaping(m) and m in tip and GuiQt.mightBeRichText(tip)]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += audit_model(widget.model(), wanted, _name(widget))
    for action in root.findChildren(QAction):
        found += audit_action(action, wanted)
    return found


def audit_action(action: QAction, wanted: list[str]) -> list[str]:
    text = action.text()
    problems = []
    for m in wanted:
        if "&" in m and m in text and m.replace("&", "&&") not in text:
            problems.append(f"menu item {text!r} reads the & of {m!r} as a shortcut key")
    return problems


def audit_model(model: QAbstractItemModel, wanted: list[str], where: str) -> list[str]:
    found = []
    rows = min(model.rowCount(QModelIndex()), 500)
    try:
        columns = max(1, model.columnCount(QModelIndex()))
    except TypeError:  # a list model keeps columnCount private
        columns = 1
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and GuiQt.mightBeRichText(tip):
                found += [f"tooltip of row {row} in {where} holds {m!r} unescaped"
                          for m in wanted if _needs_escaping(m) and m in tip]
    return found


def audit_figure(figure: Any, user_texts: Iterable[str]) -> list[str]:
    """matplotlib: a user's "$" must not switch on mathtext."""
    from matplotlib.text import Text

    found = []
    wanted = [m for m in markers(user_texts) if "$" in m]
    for artist in figure.findobj(Text):
        text = artist.get_text()
        for m in wanted:
            if m in text and artist.get_parse_math() and text.count("$") - text.count("\\$") > 1:
                found.append(f"chart text {text[:40]!r} would be drawn as mathtext")
    return found
