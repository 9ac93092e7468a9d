"""The reflection coach's gentle "but" hint, in each shipped language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from selftrust.domain.coach import BUT_HINT, PROMPTS, contains_but, has_writing

Language = Callable[[str], str]  # the `language` fixture: speak another language in a test


@pytest.mark.parametrize(
    "text",
    [
        "but",
        "But",
        "BUT",
        "I was late, but.",
        "I was late, but…",
        "I know. But I was tired.",
        "yes (but only once)",
        "it was bUt a slip",
        "but\nthen",
    ],
)
def test_but_as_a_word_is_noticed(text: str) -> None:
    assert contains_but(text)


@pytest.mark.parametrize(
    "text",
    ["butter", "rebut", "abut", "rebuttal", "buttons", "tribute", "", "I own it."],
)
def test_but_inside_another_word_is_not(text: str) -> None:
    assert not contains_but(text)


def test_writing_needs_more_than_whitespace() -> None:
    assert has_writing("  ", None, "x")
    assert not has_writing(None, "", "  \n\t")
    assert not has_writing()


def test_the_prompts() -> None:
    assert [p.key for p in PROMPTS] == ["happened", "owning", "friend", "learned", "next_step"]
    assert "but" in BUT_HINT


@pytest.mark.parametrize("text", ["\U0001fa77", "\U00012544", "\ue000"])
def test_a_character_newer_than_pythons_tables_still_counts_as_writing(text: str) -> None:
    # A new emoji (unassigned in this Python's Unicode tables) or a private-use glyph
    # shows on the person's screen: a reflection of it is written, not empty.
    assert has_writing(text)


# --- in each shipped language ----------------------------------------------------------


@pytest.fixture
def speak(language: Language, monkeypatch: pytest.MonkeyPatch) -> Language:
    """Speak a language whether or not its catalogue is installed in this checkout (a
    language without one falls back to English): the coach's words are its own."""
    from selftrust.base import i18n

    monkeypatch.setattr(i18n, "has_catalogue", lambda code: True)
    return language


APOLOGIES = {
    "en": ("I'm sorry I skipped the walk, but it was raining.",
           "I'm sorry I skipped the walk; the butter ran out and I rebutted nothing."),
    "de": ("Es tut mir leid, aber ich war müde.",
           "Es tut mir leid, ich war müde. Aberglaube, Abergläube und abermals: keine Ausrede."),
    "es": ("Lo siento, pero estaba cansada.",
           "Lo siento, estaba cansada. Una perorata de Perogrullo, y esperó."),
    "fr": ("Je suis désolé, mais j'étais fatigué.",
           "Je suis désolé, j'étais fatigué. Maintenant, à la maison, jamais de maïs."),
    "he": ("אני מצטער, אבל הייתי עייף.",
           "אני מצטער, הייתי עייף. מלאך באבל, והאבל כבד."),
}


@pytest.mark.parametrize("code", sorted(APOLOGIES))
def test_each_language_notices_its_own_but(speak: Language, code: str) -> None:
    assert speak(code) == code  # spoken, not English in its place
    with_but, without = APOLOGIES[code]
    assert contains_but(with_but)
    assert not contains_but(without)


@pytest.mark.parametrize("code", ["de", "es", "fr", "he"])
def test_english_but_is_noticed_in_every_language(speak: Language, code: str) -> None:
    # A person may write in English in a German app.
    speak(code)
    assert contains_but("Sorry, but I was tired.")
    assert not contains_but("Butter on toast.")


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("de", "ABER ich war müde."),
        ("de", "Ich wollte laufen, jedoch regnete es."),
        ("es", "Pero no pude."),
        ("fr", "MAIS je n'ai pas pu."),
        ("he", "רציתי ללכת, אך ירד גשם."),
        ("he", "רציתי ללכת ואבל ירד גשם."),  # "and but", the letter joined in front
        ("he", "רציתי ללכת, אֲבָל ירד גשם."),  # with vowel points
        ("he", "רציתי ללכת, אַךְ ירד גשם."),
        ("fr", "Je voulais, mais\u00a0non."),  # a no-break space is a space
    ],
)
def test_the_words_in_any_case_and_form(speak: Language, code: str, text: str) -> None:
    speak(code)
    assert contains_but(text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("de", "Ich habe es doch versucht."),  # "doch" is mostly no excuse: left out
        ("es", "No solo me fallé a mí, sino también a ella."),  # "sino": left out
        ("fr", "Le maïs était froid."),  # maize, with its diaeresis, is not "mais"
        ("he", "המלאך היה שם."),  # "angel" ends in the letters of "אך"
        ("he", "באבל ובצער."),  # "in mourning": ב is never joined to "but"
    ],
)
def test_words_that_are_no_but(speak: Language, code: str, text: str) -> None:
    speak(code)
    assert not contains_but(text)


def test_another_languages_but_is_not_looked_for(speak: Language) -> None:
    # The words of the language spoken now, and English's; not every language's at once
    # ("mais" is "more" in Portuguese, "pero" a pear tree in Italian).
    speak("de")
    assert not contains_but("Lo siento, pero estaba cansada.")


def test_a_language_without_words_of_its_own_has_englishs(speak: Language) -> None:
    speak("ja")
    assert contains_but("Sorry, but I was tired.")


def test_the_hint_is_translated(speak: Language) -> None:
    from selftrust.domain.coach import but_hint
    from tests.i18n_helpers import untranslated

    speak("en_XA")
    assert untranslated(but_hint()) == []


def test_the_hint_in_english() -> None:
    from selftrust.domain.coach import but_hint

    assert but_hint() == BUT_HINT
