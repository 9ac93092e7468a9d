"""The tooltip of a calendar day: the date, its state in words, the amount and the
note (the user's own text, so escaped, and cut short), and what a click can do."""

from __future__ import annotations

import html

MAX_NOTE_IN_TIP = 400


def day_tooltip(words: str, note: str, *, in_history: bool, can_reflect: bool) -> str:
    when, _, what = words.partition(": ")
    parts = [f"<b>{html.escape(when)}</b>", html.escape(what[:1].upper() + what[1:])]
    if note:
        if len(note) > MAX_NOTE_IN_TIP:
            note = note[:MAX_NOTE_IN_TIP].rstrip() + "…"
        parts.append("<i>“" + html.escape(note).replace("\n", "<br>") + "”</i>")
    if in_history:
        hint = "Click to open this day in Today."
        if can_reflect:
            hint += " Right-click (or press R) to reflect on it."
        parts.append(f"<span style='font-size:small'>{html.escape(hint)}</span>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"
