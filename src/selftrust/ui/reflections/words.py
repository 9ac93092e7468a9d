"""Words for days and check-ins as the reflection screens say them."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.history import Status

STATUS_WORDS = {
    Status.KEPT: "kept",
    Status.MISSED: "not kept",
    Status.SKIPPED: "a planned rest",
    None: "nothing recorded",
}


def day_words(day: date, today: date) -> str:
    """"Monday 23 November" (with the year when it is not this year); today/yesterday named."""
    text = f"{day:%A} {day.day} {day:%B}"
    if day.year != today.year:
        text += f" {day.year}"
    if day == today:
        return f"Today, {text}"
    if day == today - timedelta(days=1):
        return f"Yesterday, {text}"
    return text


def short_day(day: date, today: date) -> str:
    """"Mon 23 Nov" (with the year when it is not this year), for list rows."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"
