"""Wrapped labels that keep every line their words need.

Qt does not size a window by its labels' height for the width they get: a wrapped note
asks for the lines it needs at a width of its own choosing, and when the width it really
gets holds fewer words, its last line was cut off (words in a longer language, German
about a third longer than English, made it happen where English fitted). A dialog that
calls ``hold_wrapped_heights`` when it is resized and when its words change gives each
such label, as its minimum, the height its lines need at its present width;
``keep_wrapped_heights`` has a dialog do that by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

_WHEN = (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show)


def hold_wrapped_heights(root: QWidget) -> bool:
    """Hold the whole height of each word-wrapped label shown in ``root`` (once the
    window is shown: before that a label's width is not yet its own). True when one
    changed."""
    if not root.isVisible():
        return False
    changed = False
    for label in root.findChildren(QLabel):
        if not label.wordWrap() or not label.isVisibleTo(root):
            continue
        width = max(label.width(), label.minimumWidth())
        need = label.heightForWidth(width) if label.text() and width > 0 else 0
        if need >= 0 and label.minimumHeight() != need:
            label.setMinimumHeight(need)
            changed = True
    return changed


class _Holder(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _WHEN and isinstance(watched, QWidget):
            hold_wrapped_heights(watched)
        return False


def keep_wrapped_heights(window: QWidget) -> None:
    """Hold the wrapped labels' heights whenever ``window`` is shown, resized or laid out
    anew (its words changed)."""
    holder = _Holder(window)
    holder.setObjectName("wrapped-heights")
    window.installEventFilter(holder)
