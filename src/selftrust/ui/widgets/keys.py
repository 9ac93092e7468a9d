"""Keyboard shortcuts named in tooltips: "Previous day (Alt+Left)".

The key names are Qt's (``QKeySequence``'s native text, which Qt's own translations
word: "Strg+G" in German); the words around them are ours.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from selftrust.base.i18n import _


def key_text(keys: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """A shortcut as the platform and the language write it ("Alt+Left", "Strg+T")."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def tip_with_keys(tip: str, keys: str) -> str:
    """``tip`` and the shortcut that does the same, or ``tip`` alone without one."""
    if not keys:
        return tip
    # TRANSLATORS: a tooltip: what a button or menu entry does, then its keyboard
    # shortcut ("Previous day (Alt+Left)").
    return _("{tip} ({keys})").format(tip=tip, keys=keys)
