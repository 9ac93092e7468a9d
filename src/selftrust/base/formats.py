"""Dates, numbers and amounts as the person's language writes them (Babel, CLDR data).

"Dienstag, 24. November", "25,7 km", "1.250 Murmeln": every date or number a person
reads goes through here, in the language ``base.i18n`` speaks. Machine output (``--json``,
exports, file names) never does: it stays ISO dates and plain numbers.

Babel is imported on the first call (≈ 8 ms, and ≈ 10 ms to read the first language's
data), not with the module. In the pseudo-language the words come back accented and in
brackets like the catalogue's, so a test can tell a formatted date from one written by
hand.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Literal

from selftrust.base import i18n

if TYPE_CHECKING:
    from babel.core import Locale

Width = Literal["wide", "abbreviated", "narrow", "short"]
MonthWidth = Literal["wide", "abbreviated", "narrow"]


@cache
def _locale(code: str) -> Locale:
    from babel.core import Locale, UnknownLocaleError

    name = i18n.ENGLISH if code == i18n.PSEUDO else code
    try:
        loc = Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        try:
            loc = Locale.parse(name.split("_")[0])
        except (UnknownLocaleError, ValueError):
            loc = Locale.parse(i18n.ENGLISH)
    _keep_only_what_we_write(loc)
    return loc


# CLDR data the app never writes: the names of every language, country, script, currency
# and time zone, units other than durations. A locale's data is ≈ 4.5 MB in memory, held
# for the life of the window; without these ≈ 1.5 MB.
_UNUSED_DATA = ("languages", "territories", "scripts", "variants", "currency_names",
                "currency_names_plural", "currency_symbols", "currency_unit_patterns",
                "compact_currency_formats", "compact_decimal_formats", "unit_display_names",
                "compound_unit_patterns", "meta_zones", "time_zones", "measurement_systems")


def _keep_only_what_we_write(loc: Locale) -> None:
    """Let go of the parts of a locale's CLDR data no date or number of ours uses.

    Babel keeps each locale's merged data, and its parents' ("root", "en", "en_001"),
    in a module cache; only the merged data is read once a locale is made. This reaches
    into Babel's own (stable since 2.0) structures, so any surprise leaves it as it is.
    """
    try:
        from babel import localedata

        data = loc._data._data  # the merged dict Babel's cache holds too
        for key in _UNUSED_DATA:
            data.pop(key, None)
        units = data.get("unit_patterns", {})
        for key in [k for k in units if not k.startswith("duration-")]:
            del units[key]  # format_timedelta reads the "duration-…" ones only
        # The parents were only needed to build the merged data (a locale made later
        # reads them again from disk); a locale already made holds its own data.
        for name in [n for n in localedata._cache if n != str(loc)]:
            del localedata._cache[name]
    except (AttributeError, KeyError, TypeError):  # pragma: no cover - another Babel
        return


def locale() -> Locale:
    """Babel's locale for the language spoken now."""
    return _locale(i18n.language())


def _shown(text: str) -> str:
    return i18n.pseudo(text) if i18n.is_pseudo() else text


_QUOTED = re.compile(r"('[^']*')")


@cache
def _pattern(code: str, skeleton: str) -> str:
    """The locale's pattern for a skeleton, with full names where the skeleton asks.

    CLDR offers "MMMMEd" (abbreviated weekday) where we ask "MMMMEEEEd"; like ICU's
    skeleton matching, the fields are widened to the requested width afterwards.
    """
    from babel.dates import match_skeleton

    loc = _locale(code)
    key = match_skeleton(skeleton, loc.datetime_skeletons) or skeleton
    pattern = str(getattr(loc.datetime_skeletons[key], "pattern", loc.datetime_skeletons[key]))
    parts = []
    for part in _QUOTED.split(pattern):
        if not part.startswith("'"):
            if "EEEE" in skeleton:
                part = re.sub(r"(?<!E)E{1,3}(?!E)", "EEEE", part)
                part = re.sub(r"(?<!c)c{1,3}(?!c)", "cccc", part)
            if "MMMM" in skeleton:
                part = re.sub(r"(?<!M)M{3}(?!M)", "MMMM", part)
                part = re.sub(r"(?<!L)L{3}(?!L)", "LLLL", part)
        parts.append(part)
    return "".join(parts)


def skeleton(day: date | datetime, fields: str) -> str:
    """A date in any CLDR skeleton ("yMMMd", "MMMEd"…), the locale choosing the order."""
    from babel.dates import format_date

    return _shown(format_date(day, _pattern(i18n.language(), fields), locale=locale()))


def day_title(day: date) -> str:
    """"Tuesday 24 November" / "Dienstag, 24. November": a day of this year."""
    return skeleton(day, "MMMMEEEEd")


def day_title_with_year(day: date) -> str:
    """"Tuesday, 24 November 2026"."""
    return skeleton(day, "yMMMMEEEEd")


def short_day(day: date) -> str:
    """"Tue 24 Nov"."""
    return skeleton(day, "MMMEd")


def short_date(day: date) -> str:
    """"24 Nov 2026"."""
    return skeleton(day, "yMMMd")


def long_date(day: date) -> str:
    """"24 November 2026"."""
    return skeleton(day, "yMMMMd")


def day_month(day: date) -> str:
    """"24 November"."""
    return skeleton(day, "MMMMd")


def short_day_month(day: date) -> str:
    """"24 Nov"."""
    return skeleton(day, "MMMd")


def month_year(day: date) -> str:
    """"November 2026" (the month standing alone, as a heading)."""
    return skeleton(day, "yMMMM")


def short_month_year(day: date) -> str:
    """"Nov 2026"."""
    return skeleton(day, "yMMM")


def month_name(month: int, width: MonthWidth = "wide") -> str:
    """A month standing alone ("November", "Nov"), 1 = January."""
    from babel.dates import get_month_names

    return _shown(get_month_names(width, "stand-alone", locale=locale())[month])


def weekday_name(weekday: int, width: Width = "wide") -> str:
    """A weekday standing alone, 0 = Monday as in ``date.weekday()``."""
    from babel.dates import get_day_names

    return _shown(get_day_names(width, "stand-alone", locale=locale())[weekday])


def time_of_day(moment: time | datetime) -> str:
    """"20:00" or "8:00 PM", as the locale tells the time."""
    from babel.dates import format_time

    return _shown(format_time(moment, "short", locale=locale()))


def date_time(moment: datetime) -> str:
    """"24 Nov 2026, 20:00": a moment, e.g. when a backup was made."""
    from babel.dates import format_datetime

    return _shown(format_datetime(moment, "medium", locale=locale()))


def ago(delta: timedelta, *, threshold: float = 0.85) -> str:
    """"2 minutes ago", "in 3 days": a distance in time, rounded as people say it."""
    from babel.dates import format_timedelta

    return _shown(
        format_timedelta(-delta, add_direction=True, threshold=threshold, locale=locale())
    )


def duration(delta: timedelta, *, threshold: float = 0.85) -> str:
    """"3 days", "2 hours": a length of time without a direction."""
    from babel.dates import format_timedelta

    return _shown(format_timedelta(delta, threshold=threshold, locale=locale()))


def number(n: int) -> str:
    """"1,250" / "1.250" / "1 250": a whole number with the locale's grouping.

    Below a thousand every locale writes the plain digits (Babel writes Latin digits in
    every language unless asked otherwise), so small counts — most of them, and those on
    Today at start-up — do not read a locale's data.
    """
    if 0 <= n < 1000 and type(n) is int:
        return str(n)
    from babel.numbers import format_decimal

    return format_decimal(n, locale=locale())


def decimal(x: float, places: int = 1, *, keep_zeros: bool = False) -> str:
    """"25.7" / "25,7": a measured amount, at most ``places`` decimals (``keep_zeros``: exactly).

    A whole amount below a thousand ("10 pages", a target on Today at start-up) is its
    digits in every locale, as ``number`` says.
    """
    rounded = round(x, places)
    if not keep_zeros and rounded == int(rounded) and 0 <= rounded < 1000:
        return str(int(rounded))
    from babel.numbers import format_decimal

    fmt = "#,##0." + ("0" if keep_zeros else "#") * places if places else "#,##0"
    return format_decimal(rounded, format=fmt, locale=locale())


def percent(fraction: float, places: int = 0) -> str:
    """"57%" / "57 %": a share of a whole (0.57), as the locale writes a percentage."""
    from babel.numbers import format_percent

    return format_percent(
        round(fraction, places + 2), locale=locale(), decimal_quantization=places == 0
    )


def join(items: list[str], style: Literal["standard", "or"] = "standard") -> str:
    """"walking, reading and water" as the language joins a list."""
    from babel.lists import format_list

    if not items:
        return ""
    return _shown(format_list(items, style=style, locale=locale()))


# CLDR's first day of the week where it is not Monday, by territory (weekData firstDay),
# so that the week's first day is known without reading a locale's data: Today asks for
# it at start-up. tests/i18n/test_formats.py holds it to Babel's CLDR for every locale.
_FIRST_DAY = {
    **dict.fromkeys(("AF", "BH", "DJ", "DZ", "EG", "IQ", "IR", "JO", "KW", "LY", "OM", "QA",
                     "SD", "SY"), 5),
    **dict.fromkeys(("AG", "AS", "BD", "BR", "BS", "BT", "BW", "BZ", "CA", "CO", "DM", "DO",
                     "ET", "GT", "GU", "HK", "HN", "ID", "IL", "IN", "IS", "JM", "JP", "KE",
                     "KH", "KR", "LA", "MH", "MM", "MO", "MT", "MX", "MZ", "NI", "NP", "PA",
                     "PE", "PH", "PK", "PR", "PT", "PY", "SA", "SG", "ST", "SV", "TH", "TL",
                     "TT", "TW", "UM", "US", "VE", "VI", "WS", "YE", "ZA", "ZW"), 6),
    "MV": 4,
}
# The country a language alone most likely means (CLDR's likely subtags), for the
# languages we ship; any other falls back to Babel.
_LIKELY_TERRITORY = {"en": "US", "de": "DE", "es": "ES", "fr": "FR", "he": "IL", "ar": "EG"}


def first_weekday() -> int:
    """The first day of the week where the person lives (0 = Monday … 6 = Sunday).

    A language alone names no country ("he"): its most likely one ("he_IL") decides.
    """
    code = i18n.ENGLISH if i18n.is_pseudo() else i18n.language()
    parts = code.split("_")
    territory = parts[-1] if len(parts) > 1 and parts[-1].isupper() else (
        _LIKELY_TERRITORY.get(parts[0]))
    if territory is not None:
        return _FIRST_DAY.get(territory, 0)
    loc = locale()
    if loc.territory is None:
        from babel.core import Locale, get_global

        likely = get_global("likely_subtags").get(str(loc))
        if likely:
            try:
                loc = Locale.parse(likely)
            except (ValueError, LookupError):
                pass
    return int(loc.first_week_day)


def is_rtl() -> bool:
    """True when the locale writes right to left (the window mirrors)."""
    return i18n.is_rtl()
