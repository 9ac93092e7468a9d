"""Words of the reflection screens: the coach's prompts and feelings as the person's
language says them, and days and check-ins as the reflection screens say them.

The prompts and feelings are the app's warm voice; the domain (``domain.coach``) keeps
their keys, order and English, and they are translated here, where they are shown, so
no word is translated before the language is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.domain.history import Status


@dataclass(frozen=True, slots=True)
class PromptWords:
    """A prompt's heading, its question and the hint shown in its empty text box."""

    title: str
    question: str
    hint: str


def prompt_words() -> dict[str, PromptWords]:
    """The coach's five prompts, by the keys of ``domain.coach.PROMPTS``."""
    return {
        "happened": PromptWords(
            _("What happened"),
            _("What happened? Just the facts, as you would tell them to someone kind."),
            _("Name it plainly; a sentence or two is enough."),
        ),
        "owning": PromptWords(
            _("Owning it"),
            _("What part of this was yours? You can own it without beating yourself up."),
            _("Owning a lapse is not the same as being a bad person."),
        ),
        "friend": PromptWords(
            _("What I would tell a friend"),
            _("If a good friend told you this, what would you say to them?"),
            _("Now say it to yourself, in the same voice."),
        ),
        "learned": PromptWords(
            _("What I learned"),
            _("What does this show you about what gets in the way?"),
            _("A lapse carries information. What is it telling you?"),
        ),
        "next_step": PromptWords(
            _("One next small step"),
            _("What is one small, concrete thing you will do next?"),
            _("Small enough that you are sure you can keep it."),
        ),
    }


def but_hint() -> str:
    """The coach's gentle hint while "owning it" holds a "but"."""
    # TRANSLATORS: shown while the "Owning it" text contains this language's word for
    # "but" (the coach looks for it); name that word here.
    return _("A real apology has no “but” in it. Try owning this part without the excuse — "
             "you can keep it if it feels right.")


def feeling_words() -> dict[int, str]:
    """How I feel, 1 (very low) to 5 (very good): the words on the feeling pills."""
    return {
        1: pgettext("feeling", "very low"),
        2: pgettext("feeling", "low"),
        3: pgettext("feeling", "okay"),
        4: pgettext("feeling", "good"),
        5: pgettext("feeling", "very good"),
    }


def status_words(status: Status | None) -> str:
    """What happened on the day a reflection is about, after a dash: "— not kept"."""
    if status is Status.KEPT:
        return pgettext("check-in state, after a dash", "kept")
    if status is Status.MISSED:
        return pgettext("check-in state, after a dash", "not kept")
    if status is Status.SKIPPED:
        return pgettext("check-in state, after a dash", "a planned rest")
    return pgettext("check-in state, after a dash", "nothing recorded")


def day_words(day: date, today: date) -> str:
    """"Monday 23 November" (with the year when it is not this year); today/yesterday named."""
    text = formats.day_title(day) if day.year == today.year else formats.day_title_with_year(day)
    if day == today:
        # TRANSLATORS: {day} is a date such as "Tuesday 24 November"
        return _("Today, {day}").format(day=text)
    if day == today - timedelta(days=1):
        # TRANSLATORS: {day} is a date such as "Monday 23 November"
        return _("Yesterday, {day}").format(day=text)
    return text


def short_day(day: date, today: date) -> str:
    """"Mon 23 Nov" (with the year when it is not this year), for list rows."""
    return formats.short_day(day) if day.year == today.year else formats.skeleton(day, "yMMMEd")
