"""Dates and numbers as each shipped language writes them, and the week's first day as
CLDR has it for every country."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from selftrust.base import formats, i18n

DAY = date(2026, 11, 24)


def test_the_first_weekday_table_is_cldrs(language: Callable[[str], str]) -> None:
    """The built-in table (no locale data read at start-up) says what Babel's CLDR says
    for every locale with a country, except four whose languages disagree in CLDR."""
    from babel import localedata
    from babel.core import Locale

    disagree = {"GW", "GQ", "AO", "CV"}
    checked = 0
    for ident in localedata.locale_identifiers():
        loc = Locale.parse(ident)
        if (not loc.territory or not loc.territory.isalpha() or loc.territory in disagree
                or loc.script or loc.variant):
            continue
        formats._locale.cache_clear()
        i18n._current = i18n._Current(f"{loc.language}_{loc.territory}", i18n.PseudoTranslations())
        assert formats.first_weekday() == loc.first_week_day, ident
        checked += 1
    assert checked > 300


@pytest.mark.parametrize(("code", "first"), [("en_GB", 0), ("en_US", 6), ("en", 6)])
def test_a_language_without_a_country_takes_its_likely_one(
    language: Callable[[str], str], code: str, first: int
) -> None:
    language(code)
    assert formats.first_weekday() == first


def test_english_dates_and_numbers_read_as_before(language: Callable[[str], str]) -> None:
    language("en_GB")
    assert formats.day_title(DAY) == "Tuesday 24 November"
    assert formats.day_title_with_year(DAY) == "Tuesday, 24 November 2026"
    assert formats.short_date(DAY) == "24 Nov 2026"
    assert formats.number(1250) == "1,250"
    assert formats.decimal(25.7) == "25.7"
    assert formats.percent(0.57) == "57%"


def test_the_pseudo_language_marks_what_the_locale_wrote(language: Callable[[str], str]) -> None:
    language(i18n.PSEUDO)
    assert formats.day_title(DAY).startswith("[")
    assert formats.number(3) == "3"  # digits are no one's words


@pytest.mark.parametrize("code", ["en_GB", "de", "es", "fr", "he", "ar", "en_US"])
def test_small_numbers_are_babels_without_asking_babel(
    language: Callable[[str], str], code: str
) -> None:
    language(code)
    from babel.numbers import format_decimal

    for n in (0, 1, 7, 42, 999):
        assert formats.number(n) == format_decimal(n, locale=code)


@pytest.mark.parametrize("code", ["en_GB", "de", "fr", "he"])
def test_whole_amounts_are_babels_without_asking_babel(
    language: Callable[[str], str], code: str
) -> None:
    language(code)
    from babel.numbers import format_decimal

    for x in (0.0, 1.0, 10.0, 999.0, 9.96):
        assert formats.decimal(x) == format_decimal(round(x, 1), format="#,##0.#", locale=code)
