"""The reflection coach: gentle guidance for handling a lapse, never a lecture.

The prompts follow what helps people forgive themselves and try again: name what
happened, own it without excuses, speak to yourself as to a friend, learn, and take
one next small step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BUT = re.compile(r"\bbut\b", re.IGNORECASE)

MAX_PART_LENGTH = 20_000
FEELING_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}


@dataclass(frozen=True, slots=True)
class Prompt:
    key: str
    title: str
    question: str
    hint: str


PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "happened",
        "What happened",
        "What happened? Just the facts, as you would tell them to someone kind.",
        "Name it plainly; a sentence or two is enough.",
    ),
    Prompt(
        "owning",
        "Owning it",
        "What part of this was yours? You can own it without beating yourself up.",
        "Owning a lapse is not the same as being a bad person.",
    ),
    Prompt(
        "friend",
        "What I would tell a friend",
        "If a good friend told you this, what would you say to them?",
        "Now say it to yourself, in the same voice.",
    ),
    Prompt(
        "learned",
        "What I learned",
        "What does this show you about what gets in the way?",
        "A lapse carries information. What is it telling you?",
    ),
    Prompt(
        "next_step",
        "One next small step",
        "What is one small, concrete thing you will do next?",
        "Small enough that you are sure you can keep it.",
    ),
)

BUT_HINT = (
    "A real apology has no “but” in it. Try owning this part without the excuse — "
    "you can keep it if it feels right."
)


def contains_but(text: str) -> bool:
    """True when "but" appears as a word, in any case (not inside "butter" or "rebut")."""
    return _BUT.search(text) is not None


# Categories that draw nothing on their own: separators (spaces), controls, format
# characters (zero-width spaces and joiners, BOMs, word joiners, bidi marks), marks
# with no letter to sit on, unassigned, private-use and surrogate code points.
# Unassigned ("Cn") and private-use ("Co") characters count as writing: a character newer
# than this Python's Unicode tables (a new emoji) or from a private-use font still shows.
_UNSEEN = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"))
# Letters and symbols that are blank by design (Hangul fillers, the blank Braille cell).
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _visible(ch: str) -> bool:
    return ch not in _BLANK and unicodedata.category(ch) not in _UNSEEN


def has_writing(*parts: str | None) -> bool:
    """A reflection needs at least one written line: a part must hold a character that
    shows. Blanks, zero-width spaces and joiners, BOMs alone are not writing, and a
    reflection of nothing else is no reflection (it cannot repair a miss)."""
    return any(p is not None and any(map(_visible, p)) for p in parts)
