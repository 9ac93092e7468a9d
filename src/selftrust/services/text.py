"""Checking text people type: titles, notes, reflection parts.

Text is stored exactly as typed (after trimming outer whitespace where that is
clearly meant) and always shown as plain text; here we only refuse what could not be
stored or shown faithfully.
"""

from __future__ import annotations

import unicodedata

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
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
        raise Invalid(_("Give your commitment a title — a few words are enough."))
    if "\n" in text or "\r" in text:
        raise Invalid(_("A title fits on one line."))
    if _has_bad_characters(text):
        raise Invalid(_("The title has invisible control characters; please retype it."))
    if len(text) > max_length:
        # TRANSLATORS: {limit} is the most characters a title may have, {n} how many it has.
        raise Invalid(ngettext(
            "Keep the title to {limit} characters or fewer (it has {n}).",
            "Keep the title to {limit} characters or fewer (it has {n}).",
            len(text),
        ).format(limit=formats.number(max_length), n=formats.number(len(text))))
    return text


def _control_characters(what: str) -> str:
    """"The note has invisible control characters…", as a whole sentence for each field
    (``what`` names the field as the callers always have: "note", "“owning it”" …)."""
    if what == "note":
        return _("The note has invisible control characters that cannot be saved; "
                 "please remove them.")
    if what == "“why this matters”":
        return _("The “why this matters” has invisible control characters that cannot be "
                 "saved; please remove them.")
    if what == "“what happened”":
        return _("The “what happened” has invisible control characters that cannot be "
                 "saved; please remove them.")
    if what == "“owning it”":
        return _("The “owning it” has invisible control characters that cannot be saved; "
                 "please remove them.")
    if what == "“what I would tell a friend”":
        return _("The “what I would tell a friend” has invisible control characters that "
                 "cannot be saved; please remove them.")
    if what == "“what I learned”":
        return _("The “what I learned” has invisible control characters that cannot be "
                 "saved; please remove them.")
    if what == "“one next small step”":
        return _("The “one next small step” has invisible control characters that cannot "
                 "be saved; please remove them.")
    # TRANSLATORS: {what} names the field of a form, e.g. “why this matters”.
    return _("The {what} has invisible control characters that cannot be saved; "
             "please remove them.").format(what=what)


def _too_long(what: str, n: int, limit: int) -> str:
    """"The note is too long to save…", a whole sentence for each field (see above)."""
    if what == "note":
        # TRANSLATORS: {n} characters written; {limit} the most a note may have.
        text = ngettext("The note is too long to save: {n} character, the limit is {limit}.",
                        "The note is too long to save: {n} characters, the limit is {limit}.",
                        n)
    elif what == "“why this matters”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “why this matters” is too long to save: {n} character, the limit is {limit}.",
            "The “why this matters” is too long to save: {n} characters, the limit is "
            "{limit}.", n)
    elif what == "“what happened”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “what happened” is too long to save: {n} character, the limit is {limit}.",
            "The “what happened” is too long to save: {n} characters, the limit is {limit}.",
            n)
    elif what == "“owning it”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “owning it” is too long to save: {n} character, the limit is {limit}.",
            "The “owning it” is too long to save: {n} characters, the limit is {limit}.", n)
    elif what == "“what I would tell a friend”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “what I would tell a friend” is too long to save: {n} character, the limit "
            "is {limit}.",
            "The “what I would tell a friend” is too long to save: {n} characters, the limit "
            "is {limit}.", n)
    elif what == "“what I learned”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “what I learned” is too long to save: {n} character, the limit is {limit}.",
            "The “what I learned” is too long to save: {n} characters, the limit is {limit}.",
            n)
    elif what == "“one next small step”":
        # TRANSLATORS: {n} characters written; {limit} the most the field may have.
        text = ngettext(
            "The “one next small step” is too long to save: {n} character, the limit is "
            "{limit}.",
            "The “one next small step” is too long to save: {n} characters, the limit is "
            "{limit}.", n)
    else:
        # TRANSLATORS: {what} names the field of a form, e.g. “why this matters”; {n}
        # characters written; {limit} the most the field may have.
        text = ngettext(
            "The {what} is too long to save: {n} character, the limit is {limit}.",
            "The {what} is too long to save: {n} characters, the limit is {limit}.", n)
    return text.format(what=what, n=formats.number(n), limit=formats.number(limit))


def clean_text(text: str | None, *, what: str, max_length: int) -> str:
    """Multi-line free text (why, notes, reflections): trimmed, never altered inside.

    ``what`` names the field in English as the messages do ("note", "“owning it”");
    each known field has its own whole sentence for translators."""
    if text is None:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    if _has_bad_characters(text):
        raise Invalid(_control_characters(what))
    if len(text) > max_length:
        raise Invalid(_too_long(what, len(text), max_length))
    return text
