"""The reflection coach: gentle guidance for handling a lapse, never a lecture.

The prompts follow what helps people forgive themselves and try again: name what
happened, own it without excuses, speak to yourself as to a friend, learn, and take
one next small step.

The prompts and feelings here are the app's English and their keys and order; the
reflection screens say them in the person's language (``ui/reflections/words.py``).
The "but" the coach notices is the language's own (``BUT_WORDS``), and its hint is
translated by ``but_hint()``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from selftrust.base import i18n
from selftrust.base.i18n import N_, _

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


# TRANSLATORS: shown while the "Owning it" text contains this language's word for
# "but" (the coach looks for it: BUT_WORDS in src/selftrust/domain/coach.py); name that
# word here.
BUT_HINT = N_(
    "A real apology has no “but” in it. Try owning this part without the excuse — "
    "you can keep it if it feels right."
)


def but_hint() -> str:
    """The coach's gentle thought about a "but", in the person's language."""
    return _(BUT_HINT)


BUT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("but",),
    "de": ("aber", "jedoch"),
    "es": ("pero",),
    "fr": ("mais",),
    "he": ("אבל", "אך"),
}
"""The words that turn an apology into an excuse, per language (its base code).

A real apology has no "but": in each language it is the plain word that takes back
what came before it, as "but" does in "I'm sorry, but I was tired". Left out on
purpose, because they are more often something else than an excuse:

- German "doch": mostly a particle ("Ich habe es doch versucht"), or "yes" against a
  "no"; "jedoch" (however) takes back as "aber" does and is in.
- Spanish "sino": the "but rather" after a "no", most often "no solo … sino también"
  (not only … but also), which adds to what is owned instead of taking it back.
- French "pourtant", "cependant" (yet, however): rarer in a sentence about oneself,
  and "mais" is the word people write.

The coach looks for the words of the language the app speaks and for English's (a
person may write in English in a German app). A language with no entry here gets
English's alone.
"""

JOINED_IN_FRONT: dict[str, str] = {"he": "ו"}
"""Letters a language writes joined to the front of a word, that may stand before its
"but": Hebrew "ואבל" is "and but". Other prefixed letters (ה "the", ב "in", ל "to")
never stand before "but"; "האבל" and "באבל" are mourning, not an excuse."""


def _alternatives(language: str) -> str:
    words = "|".join(re.escape(w) for w in BUT_WORDS[language])
    joined = JOINED_IN_FRONT.get(language, "")
    front = f"[{re.escape(joined)}]?" if joined else ""
    # A word of its own: no letter, digit or underscore on either side (any script).
    return rf"(?<!\w){front}(?:{words})(?!\w)"


@cache
def _but_pattern(language: str) -> re.Pattern[str]:
    languages = ["en"] + ([language] if language in BUT_WORDS and language != "en" else [])
    return re.compile("|".join(_alternatives(lang) for lang in languages), re.IGNORECASE)


def _plain(text: str) -> str:
    """The text as its words are compared: composed (NFC), Hebrew vowel points left out
    ("אֲבָל" is "אבל"). Other marks stay: French "maïs" (maize) is not "mais"."""
    text = unicodedata.normalize("NFC", text)
    return "".join(
        c for c in text if not ("\u0591" <= c <= "\u05c7" and unicodedata.category(c) == "Mn")
    )


def contains_but(text: str) -> bool:
    """True when the text holds a "but" as a word, in any case: the words of the language
    spoken now (``BUT_WORDS``) and English's; never inside another word ("butter",
    "Aberglaube", "jamais")."""
    return _but_pattern(i18n.base_language()).search(_plain(text)) is not None


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
