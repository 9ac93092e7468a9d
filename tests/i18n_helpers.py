"""What the pseudo-language tests share: finding words that never passed through gettext.

In the pseudo-language (``en_XA``) every translated message is accented, longer and in
brackets, and every date or month name from ``base.formats`` too. Whatever letters are
left once the bracketed parts are taken out were written by hand somewhere: a string a
person reads that a translator would never see.
"""

from __future__ import annotations

import re

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
    for word in allowed:
        text = text.replace(word, " ")
    return [w for w in re.findall(r"[^\W\d_]{2,}", outside_brackets(text))]
