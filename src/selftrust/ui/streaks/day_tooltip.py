"""The tooltip of a calendar day: the date, its state in words, the amount and the
note (the user's own text, so escaped, isolated and cut short), and what a click can do."""

from __future__ import annotations

import html

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _

MAX_NOTE_IN_TIP = 400


def day_tooltip(when: str, what: str, note: str, *, in_history: bool,
                can_reflect: bool) -> str:
    """``when`` and ``what``: the day and what it holds (``words.day_parts``)."""
    parts = [f"<b>{html.escape(when)}</b>", html.escape(what)]
    if note:
        if len(note) > MAX_NOTE_IN_TIP:
            note = note[:MAX_NOTE_IN_TIP].rstrip() + "…"
        # TRANSLATORS: the day's note, as its person wrote it, in quotation marks
        quoted = _("“{note}”").format(note=isolate(note))
        parts.append("<i>" + html.escape(quoted).replace("\n", "<br>") + "</i>")
    if in_history:
        hint = (_("Click to open this day in Today. Right-click (or press R) to reflect on it.")
                if can_reflect else _("Click to open this day in Today."))
        parts.append(f"<span style='font-size:small'>{html.escape(hint)}</span>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"
