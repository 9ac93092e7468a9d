"""Text that has broken other programs: control characters, huge text, lone surrogates,
markup, bidirectional marks, zero-width joiners, emoji sequences, SQL and format
fragments, very long words. Each one is either stored and shown back exactly as typed
(after the documented trimming) or refused with a clear message; ``expected`` says which.
"""

from __future__ import annotations

import unicodedata

NASTY: tuple[str, ...] = (
    # control characters (refused, except tab and newline inside free text)
    "\x00",
    "bell\x07",
    "esc\x1b[31mred",
    "del\x7f",
    "next line\x85",
    "tab\tinside",
    "two\nlines",
    "windows\r\nline",
    "old mac\rline",
    # sizes
    "x" * 1_000_000,
    "a" * 120,
    "a" * 121,
    "W" * 2000,
    "W" * 2001,
    "Supercalifragilisticexpialidocious" * 60,
    # unpaired surrogates
    "\ud800",
    "lone \udfff low",
    # markup a label or a tooltip could interpret
    "<b>x</b>",
    "<img src=x onerror=alert(1)>",
    "<script>alert('hi')</script>",
    "<a href='file:///etc/passwd'>click</a>",
    "<h1>Big</h1><hr>",
    "<table><tr><td>cell</td></tr></table>",
    "<qt>rich text?</qt>",
    "<html><body><p style='color:red'>red</p></body></html>",
    "&amp; &lt;b&gt; &#x41;",
    "<!-- a comment -->",
    "1 < 2 > 0",
    # matplotlib mathtext and Qt mnemonics
    "$x^2$",
    "Save $5 and $10",
    "$\\frac{1}{$",
    "Tea & toast",
    "&&Save",
    # bidirectional text and invisible characters
    "\u202eevil\u202c.txt",
    "\u200fright-to-left mark",
    "שלום עולם",
    "مرحبا بالعالم",
    "zero\u200bwidth",
    "joiner\u200d",
    "\ufeffbyte order mark",
    "nbsp\u00a0inside",
    "Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032dl\u036e\u0312\u036bg\u030c\u0317o",
    # emoji sequences
    "👩‍👩‍👧‍👦 family",
    "🏳️‍🌈",
    "👍🏽 thumbs",
    "🧘\u200d♀️ yoga",
    # SQL, format strings, shell
    "'); DROP TABLE checkin;--",
    "Robert'); DROP TABLE commitment;--",
    "\" OR 1=1 --",
    "%s %d %(title)s %n",
    "{0} {title} {{}}",
    "${HOME} $(rm -rf ~) `id`",
    "\\n \\x00 \\u202e",
    # what a spreadsheet would run
    "=1+2",
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-2+3",
    # whitespace only
    "   ",
    "\u3000",
)


def _bad_character(text: str) -> bool:
    return any(ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs") for ch in text)


def expected_title(text: str) -> str | None:
    """The title as stored and shown, or None if it must be refused."""
    clean = text.strip()
    if not clean or "\n" in clean or "\r" in clean or _bad_character(clean):
        return None
    return clean if len(clean) <= 120 else None


def expected_text(text: str, limit: int) -> str | None:
    """A note, a "why" or a reflection part as stored (trimmed, line ends made \\n),
    or None if refused."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _bad_character(clean) or len(clean) > limit:
        return None
    return clean


def printable(text: str) -> str:
    """A short name for a nasty string in test ids and messages."""
    shown = text if len(text) <= 24 else f"{text[:20]}…({len(text):,})"
    return shown.encode("unicode_escape").decode("ascii")
