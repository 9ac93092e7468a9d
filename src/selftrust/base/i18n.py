"""The app's words in its person's language: one GNU gettext catalogue for every layer.

The window, the services' sentences, the reflection coach and the command line all ask
here (``_``, ``ngettext``, ``pgettext``, ``npgettext``), so a sentence is translated once
and a volunteer finds every word in one ``.po`` file (``resources/locale/<code>/
LC_MESSAGES/selftrust.po``; the ``.mo`` files are compiled from them at install, see
``packaging/i18n.py``).

Which language: ``SELFTRUST_LANGUAGE`` (tests, scripts), then the one chosen in
Preferences (a one-line file in the per-user config folder, so the command line, which
never imports Qt, reads the same choice), then the system's (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``). A language without a catalogue speaks the app's own English.

``en_XA`` is a pseudo-language for testing: every translated message comes back accented,
40 % longer and in brackets, so a test that finds a readable word outside brackets has
found a string that never passed through here.

No Qt here; nothing is read until the first message is asked for.
"""

from __future__ import annotations

import gettext as _gettext
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "selftrust"
ENV_VAR = "SELFTRUST_LANGUAGE"
PSEUDO = "en_XA"
ENGLISH = "en_GB"
"""The app's own words are British English ("colour"); a system without a language
("C", "POSIX") gets them with British dates and numbers."""

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"})

_NATIVE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
    "he": "עברית",
    "ar": "العربية",
    PSEUDO: "[Þšéûðö-Ļöçåļé]",
}


@dataclass(frozen=True, slots=True)
class Language:
    """A language a person can choose: its code and its name in itself ("Deutsch")."""

    code: str
    name: str


# --- which language -------------------------------------------------------------------


def normalized(code: str) -> str:
    """"de_DE.UTF-8@euro" → "de_DE"; "C" and "POSIX" (no language at all) → ""."""
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    return "" if code in ("C", "POSIX") else code


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for, as gettext reads it; the app's English if none."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        for part in value.split(":"):
            code = normalized(part)
            if code:
                return ENGLISH if code == "en" else code
    return ENGLISH


def choice_file() -> Path:
    """Where Preferences keeps the chosen language (per computer, read by the CLI too)."""
    import platformdirs

    return platformdirs.user_config_path("selftrust", appauthor=False) / "language"


def chosen_language() -> str | None:
    """The language chosen in Preferences, or None to follow the system."""
    try:
        code = normalized(choice_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return code or None


def choose_language(code: str | None) -> None:
    """Keep a chosen language (None: follow the system again), written whole or not at all."""
    path = choice_file()
    if code is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".new")
    scratch.write_text(code + "\n", encoding="utf-8")
    os.replace(scratch, path)


def wanted_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to speak now: the environment's override, the choice, the system's."""
    env = os.environ if environ is None else environ
    override = normalized(env.get(ENV_VAR, ""))
    return override or chosen_language() or system_language(env)


# --- catalogues -----------------------------------------------------------------------


def locale_dir() -> Path:
    """The folder of the compiled catalogues (``<code>/LC_MESSAGES/selftrust.mo``)."""
    from selftrust.base.resources import resources_dir

    return resources_dir() / "locale"


def shipped_languages() -> list[Language]:
    """English and every language whose catalogue is installed, by their own names."""
    codes = {"en"}
    folder = locale_dir()
    if folder.is_dir():
        codes |= {
            p.name for p in folder.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
        }
    return sorted(
        (Language(c, _NATIVE_NAMES.get(c, c)) for c in codes), key=lambda lang: lang.code
    )


class PseudoTranslations(_gettext.NullTranslations):
    """Every message accented, 40 % longer and in brackets (see ``pseudo``)."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# What a translation keeps as it is: placeholders, markup, entities, addresses.
_KEPT = re.compile(
    r"\{[^{}]*\}|%\([^)]*\)[sdfr]|%[sdfr%]|<[^<>]*>|&[a-zA-Z]+;|&#\d+;|https?://\S+"
)


def pseudo(text: str) -> str:
    """"Save" → "[Šåṽé ~~]": what a translation does to length and letters, visibly.

    Placeholders, markup and entities are kept so formatting still works, and a message
    with no letters at all (a dash, a number) is left alone.
    """
    if not any(c.isalpha() for c in text):
        return text
    out: list[str] = []
    last = 0
    for match in _KEPT.finditer(text):
        out.append(text[last : match.start()].translate(_ACCENTED))
        out.append(match.group())
        last = match.end()
    out.append(text[last:].translate(_ACCENTED))
    pad = "~" * math.ceil(len(text) * 0.4)
    return f"[{''.join(out)} {pad}]"


_TAG = re.compile(r"(<[^<>]*>)")


def shown_markup(markup: str) -> str:
    """A translated page's HTML as it is shown: in the pseudo-language, its text accented
    and bracketed like the catalogue's (tags, entities and placeholders kept)."""
    if language() != PSEUDO:
        return markup
    return "".join(
        part if part.startswith("<") else pseudo(part) for part in _TAG.split(markup)
    )


def _translations_for(code: str) -> _gettext.NullTranslations:
    if code == PSEUDO:
        return PseudoTranslations()
    folder = locale_dir()
    if not folder.is_dir():
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, str(folder), languages=[code], fallback=True)


@dataclass(slots=True)
class _Current:
    code: str
    translations: _gettext.NullTranslations


_current: _Current | None = None


def has_catalogue(code: str) -> bool:
    """True for English, the pseudo-language and every language with an installed catalogue."""
    if code == PSEUDO or code.split("_")[0] == "en":
        return True
    folder = locale_dir()
    return folder.is_dir() and _gettext.find(DOMAIN, str(folder), [code]) is not None


def set_language(code: str | None = None) -> str:
    """Speak ``code`` from now on (None: the wanted one); returns the code in use.

    A language without a catalogue gets the app's English, dates and numbers included:
    Italian dates inside English sentences would read worse than English throughout.
    Words already on screen stay as they are: the window is built again (or restarted)
    to show a new language.
    """
    global _current
    code = normalized(code) if code else wanted_language()
    code = code or ENGLISH
    if not has_catalogue(code):
        code = ENGLISH
    _current = _Current(code, _translations_for(code))
    return code


def _translations() -> _gettext.NullTranslations:
    if _current is None:
        set_language()
    assert _current is not None
    return _current.translations


def language() -> str:
    """The code of the language spoken now ("de", "en_GB", "en_XA")."""
    if _current is None:
        set_language()
    assert _current is not None
    return _current.code


def base_language() -> str:
    """"de_AT" → "de": the part that names the language, not the country."""
    return language().split("_")[0]


def is_pseudo() -> bool:
    return language() == PSEUDO


def is_rtl() -> bool:
    """True for a language written right to left (the window mirrors its layout)."""
    return base_language() in RTL_LANGUAGES


# --- the words ------------------------------------------------------------------------


def _(message: str) -> str:
    """The message in the person's language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` in the person's language (Arabic has six, German two).

    The count is filled in by the caller: ``ngettext("{n} marble", "{n} marbles", n)
    .format(n=formats.number(n))``.
    """
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A short message whose meaning depends on where it stands ("Kept" as a state)."""
    return _translations().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it yet.

    For words kept in module-level tables: they are read before a language is chosen, so
    the table holds the English and the code translates it where it is shown: ``_(x)``.
    """
    return message
