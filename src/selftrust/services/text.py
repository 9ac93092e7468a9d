"""Checking text people type: titles, notes, reflection parts.

Text is stored exactly as typed (after trimming outer whitespace where that is
clearly meant) and always shown as plain text; here we only refuse what could not be
stored or shown faithfully.
"""

from __future__ import annotations

import unicodedata

from selftrust.services.errors import Invalid


def _has_bad_characters(text: str) -> bool:
    for ch in text:
        if ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or category == "Cs":
            return True
    return False


def clean_title(title: str, *, max_length: int = 120) -> str:
    text = title.strip()
    if not text:
        raise Invalid("Give your commitment a title — a few words are enough.")
    if "\n" in text or "\r" in text:
        raise Invalid("A title fits on one line.")
    if _has_bad_characters(text):
        raise Invalid("The title has invisible control characters; please retype it.")
    if len(text) > max_length:
        raise Invalid(f"Keep the title to {max_length} characters or fewer (it has {len(text)}).")
    return text


def clean_text(text: str | None, *, what: str, max_length: int) -> str:
    """Multi-line free text (why, notes, reflections): trimmed, never altered inside."""
    if text is None:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    if _has_bad_characters(text):
        raise Invalid(
            f"The {what} has invisible control characters that cannot be saved; "
            "please remove them."
        )
    if len(text) > max_length:
        raise Invalid(
            f"The {what} is too long to save: {len(text):,} characters, "
            f"the limit is {max_length:,}."
        )
    return text
