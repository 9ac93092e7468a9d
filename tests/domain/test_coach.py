"""The reflection coach's gentle "but" hint."""

from __future__ import annotations

import pytest

from selftrust.domain.coach import BUT_HINT, PROMPTS, contains_but, has_writing


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
