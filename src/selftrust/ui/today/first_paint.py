"""Today's first paint without Babel: the day's heading and its numbers, ready at once.

Babel (``base.formats``) costs ≈ 30 ms the first time a process writes a date: its
import and the language's CLDR data. Today's heading is a date painted at start-up, so
the headings of the coming weeks are kept in the window settings, for the language they
were written in, and the first paint reads today's from there. They are written again
just after a paint that missed them, or when fewer than a week of them is left.

Counts below 1,000 need no Babel at all: every language writes them in plain digits
(``formats.number`` keeps the Latin digits). An amount with decimals needs only the
language's decimal sign, kept with the headings. Anything else (a day the cache does not
hold, a big number) goes to ``base.formats`` then and there, as without the cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QSettings

import selftrust
from selftrust.base import formats, i18n

KEY = "today/first-paint-words"
AHEAD = 35  # days of headings kept
LEFT_BEFORE_REFRESH = 7  # fewer days left than this: keep a fresh month


@dataclass
class _Kept:
    language: str = ""
    decimal: str = ""
    titles: dict[str, str] = field(default_factory=dict)


_settings: QSettings | None = None
_kept = _Kept()


def attach(settings: QSettings) -> None:
    """Read the words kept in ``settings`` (the view calls this when it is made)."""
    global _settings, _kept
    _settings = settings
    _kept = _read(settings)


def _read(settings: QSettings) -> _Kept:
    raw = settings.value(KEY)
    try:
        data = json.loads(str(raw)) if raw else {}
        if data.get("version") != selftrust.__version__:
            return _Kept()
        titles = {str(k): str(v) for k, v in dict(data.get("titles", {})).items()}
        return _Kept(str(data.get("language", "")), str(data.get("decimal", "")), titles)
    except (ValueError, TypeError, AttributeError):
        return _Kept()


def _current() -> _Kept | None:
    return _kept if _kept.language and _kept.language == i18n.language() else None


def day_title(day: date) -> str:
    """``formats.day_title(day)``, from the kept headings when they hold the day."""
    kept = _current()
    title = kept.titles.get(day.isoformat()) if kept else None
    return title if title is not None else formats.day_title(day)


def number(n: int) -> str:
    """``formats.number(n)``: below 1,000 the digits as they are."""
    return str(n) if 0 <= n < 1000 else formats.number(n)


def amount(value: float) -> str:
    """``formats.decimal(value, 2)``: "12", "2.5" / "2,5", "1,250"."""
    rounded = round(value, 2)
    if 0 <= rounded < 1000:
        if rounded == int(rounded):
            return str(int(rounded))
        kept = _current()
        if kept and kept.decimal:
            return f"{rounded:.2f}".rstrip("0").replace(".", kept.decimal)
    return formats.decimal(value, 2)


def keep_ahead(today: date) -> None:
    """Keep the headings from ``today`` on, unless enough of them are kept already
    (a paint that missed them has loaded Babel anyway; otherwise this loads it, once a
    month, after the paint)."""
    global _kept
    if _settings is None:
        return
    kept = _current()
    wanted = [today + timedelta(days=n) for n in range(LEFT_BEFORE_REFRESH)]
    if kept and all(d.isoformat() in kept.titles for d in wanted):
        return
    days = [today + timedelta(days=n) for n in range(AHEAD)]
    _kept = _Kept(
        language=i18n.language(),
        decimal=formats.decimal(1.5, 1)[1:-1],
        titles={d.isoformat(): formats.day_title(d) for d in days},
    )
    _settings.setValue(KEY, json.dumps({
        "version": selftrust.__version__, "language": _kept.language,
        "decimal": _kept.decimal, "titles": _kept.titles,
    }, ensure_ascii=False))
    _settings.sync()
