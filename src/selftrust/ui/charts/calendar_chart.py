"""A year calendar (GitHub style): one column per week, one square per day.

For all commitments a square is as deep as the share of that day's promises kept;
for one commitment it says what happened: kept, repaired, not kept, rested.
A range longer than a year is drawn a calendar year per block, the newest on top, so
"All" shows every year; the chart then asks the canvas for the height it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.text import Text

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, pgettext
from selftrust.domain.days import week_start_of
from selftrust.domain.occasions import DayState
from selftrust.services.chart_series import Calendar
from selftrust.ui.charts.common import NotEnough, row_legend, short_date
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.layers import Layers
from selftrust.ui.charts.style import ChartStyle, blend

MIN_COLUMNS = 14
"""Short ranges are drawn this many weeks wide at least, so squares stay day-sized."""
NUMBERED_UP_TO = 20
"""Up to this many weeks, each square carries its day of the month."""
GAP = 0.14
ONE_BLOCK_DAYS = 371
"""Up to 53 weeks fit one row of weeks; longer ranges get a block per calendar year."""
BLOCK = 9.6
"""Rows from one year's block to the next: 7 days, month names and a little air."""
YEAR_COLUMNS = 54
QUARTERS_FROM_YEARS = 4
"""From this many years on, only Jan, Apr, Jul and Oct are named."""


def state_words(state: int) -> str:
    """What a day's square means for one commitment, after its date in the tooltip."""
    # TRANSLATORS: what became of a commitment on one day, after the day's date in the
    # calendar chart's tooltip ("Tue, 24 Nov 2026: kept"); lower case in English.
    words = {
        DayState.KEPT: pgettext("calendar day", "kept"),
        DayState.PARTLY: pgettext("calendar day", "partly kept"),
        DayState.MISSED: pgettext("calendar day", "not kept"),
        DayState.REPAIRED: pgettext("calendar day", "not kept, repaired with a reflection"),
        DayState.SKIPPED: pgettext("calendar day", "skipped"),
        DayState.PAUSED: pgettext("calendar day", "planned rest"),
        DayState.UNMARKED: pgettext("calendar day", "not recorded"),
        DayState.OPEN: pgettext("calendar day", "nothing owed yet"),
        DayState.NOT_DUE: pgettext("calendar day", "not due"),
    }
    if not state:
        return pgettext("calendar day", "not started yet")
    return words.get(DayState(state), pgettext("calendar day", "not started yet"))


def _share_colors(style: ChartStyle) -> list[str]:
    """Nothing kept … all kept, from a faint to the full accent."""
    return [blend(style.background, style.accent, t) for t in (0.16, 0.4, 0.68, 1.0)]


def _state_colors(style: ChartStyle, color: str) -> dict[int, str]:
    rest = blend(style.background, style.spine, 0.55)
    return {
        DayState.KEPT: color,
        DayState.PARTLY: blend(style.background, color, 0.45),
        DayState.MISSED: style.missed,
        DayState.REPAIRED: style.gold,
        DayState.SKIPPED: rest,
        DayState.PAUSED: rest,
        DayState.UNMARKED: style.empty,
        DayState.OPEN: style.empty,
        DayState.NOT_DUE: style.empty,
    }


def _colors(cal: Calendar, style: ChartStyle, index: np.ndarray) -> list[str]:
    """Each drawn day's fill: its state (one commitment) or its share kept (several)."""
    if cal.states is not None:
        assert cal.color is not None
        palette = _state_colors(style, cal.color)
        return [palette.get(int(s), style.empty) for s in cal.states[index]]
    shades = _share_colors(style)
    due = cal.due[index]
    kept = cal.kept[index]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(due > 0, kept / np.maximum(due, 1), 0.0)
    level = np.select([share >= 1.0, share >= 0.5, share > 0.0], [3, 2, 1], 0)
    return [shades[lv] if d > 0 else style.empty for lv, d in zip(level, due, strict=True)]


HALF = (1 - GAP) / 2


def _squares(ax: Axes, cols: np.ndarray, rows: np.ndarray,
             colors: list[str]) -> PathCollection:
    """One filled path per colour holding all its squares: 7,300 squares of twenty years
    were as many Path objects, each built, transformed and filled on its own."""
    half = HALF
    names = list(dict.fromkeys(colors))  # each colour once
    code = {name: k for k, name in enumerate(names)}
    which = np.fromiter((code[name] for name in colors), dtype=np.int64, count=len(colors))
    paths = []
    for k in range(len(names)):
        c, r = cols[which == k], rows[which == k]
        corners = np.stack([c - half, r - half, c + half, r - half, c + half, r + half,
                            c - half, r + half, c - half, r - half], axis=1)
        paths.append(Path(corners.reshape(-1, 2), np.tile(_SQUARE, c.size)))
    squares = PathCollection(paths, facecolors=[to_rgba(name) for name in names],
                             edgecolors="none", transform=ax.transData,
                             snap=True)  # crisp square edges, as one path each had
    # The limits are set by the caller: no pass over thousands of squares for them.
    ax.add_collection(squares, autolim=False)
    return squares


_SQUARE = np.array([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY],
                   dtype=Path.code_type)


def squares_in(collection: PathCollection) -> int:
    """How many day squares a calendar collection holds (tests, exports)."""
    return sum(int(np.count_nonzero(p.codes == Path.MOVETO)) for p in collection.get_paths())


def _day_label(cal: Calendar, day: date, j: int) -> str:
    head = short_date(day)
    if cal.states is not None:
        # TRANSLATORS: a calendar square's tooltip: a date, then what became of the
        # commitment that day ("Tue, 24 Nov 2026: kept").
        return _("{day}: {state}").format(day=head, state=state_words(int(cal.states[j])))
    due_j, kept_j = int(cal.due[j]), int(cal.kept[j])
    if due_j == 0:
        if not kept_j:
            return _("{day}: nothing due").format(day=head)
        return ngettext("{day}: {kept} kept", "{day}: {kept} kept", kept_j).format(
            day=head, kept=formats.number(kept_j))
    # TRANSLATORS: a calendar square's tooltip: a date, how many of the day's promises
    # were kept and how many came due ("Tue, 24 Nov 2026: 2 of 3 kept").
    return ngettext("{day}: {kept} of {due} kept", "{day}: {kept} of {due} kept", due_j).format(
        day=head, kept=formats.number(kept_j), due=formats.number(due_j))


def draw(fig: Figure, cal: Calendar, style: ChartStyle, title: str) -> Hover:
    if cal.due.sum() == 0 and cal.kept.sum() == 0:
        raise NotEnough(_("Your calendar fills in, square by square, as you check in."))
    if (cal.last - cal.range_first).days + 1 > ONE_BLOCK_DAYS:
        return _draw_years(fig, cal, style, title)
    ax = fig.add_subplot()
    offset = (cal.range_first - cal.first).days
    index = np.arange(offset, cal.kept.size)
    cols = index // 7
    rows = index % 7
    ncols = int(cols.max()) + 1
    colors = _colors(cal, style, index)
    squares = _squares(ax, cols, rows, colors)
    numbers = []
    if ncols <= NUMBERED_UP_TO:
        for i, c, r in zip(index, cols, rows, strict=True):
            d = cal.first + timedelta(days=int(i))
            numbers.append(ax.text(float(c), float(r), str(d.day), ha="center", va="center",
                                   color=_ink(colors[int(i - offset)], style),
                                   fontsize=style.font_size * (0.8 if ncols > 10 else 0.9)))
    ax.set_xlim(-0.5, max(ncols, MIN_COLUMNS) - 0.5)
    ax.set_ylim(6.5, -1.9)  # the week's first day on top, room for month names
    ax.set_aspect("equal", adjustable="box")
    ax.set_anchor("NW")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([])
    ws = cal.week_start
    ax.set_yticks([0, 2, 4, 6],
                  [formats.weekday_name((ws + r) % 7, "abbreviated") for r in (0, 2, 4, 6)])
    ax.tick_params(axis="y", length=0, labelsize=style.font_size * 0.85)
    _month_labels(ax, cal, ncols, style)
    ax.set_title(_titled(title, cal), wrap=True)
    _legend(ax, cal, style)

    days = [cal.first + timedelta(days=int(i)) for i in index]

    def hover_for(cal: Calendar) -> Hover:
        hover = Hover()

        def label(i: int) -> str:
            return _day_label(cal, days[i], int(index[i]))

        hover.boxes(ax, cols - HALF, rows - HALF, cols + HALF, rows + HALF, label)
        return hover

    return _changing(ax, cal, style, (cols, rows, index), [squares, *numbers], hover_for)


def _draw_years(fig: Figure, cal: Calendar, style: ChartStyle, title: str) -> Hover:
    """A block of weeks per calendar year, newest on top; the year names each block."""
    ax = fig.add_subplot()
    years = list(range(cal.last.year, cal.range_first.year - 1, -1))
    offset = (cal.range_first - cal.first).days
    index = np.arange(offset, cal.kept.size)
    block_of = {year: k for k, year in enumerate(years)}
    block_first = {year: week_start_of(date(year, 1, 1), cal.week_start) for year in years}
    # Where each day sits, for all the days at once (twenty years are 7,300 of them).
    day = np.datetime64(cal.first, "D") + index
    year = day.astype("datetime64[Y]").astype(int) + 1970
    oldest = years[-1]
    starts = np.array([block_first[y] for y in range(oldest, years[0] + 1)],
                      dtype="datetime64[D]")
    since = (day - starts[year - oldest]).astype(int)
    cols = (since // 7).astype(float)
    rows = (years[0] - year) * BLOCK + since % 7
    squares = _squares(ax, cols, rows, _colors(cal, style, index))
    # Over many years every month's name would be 130 small labels: the quarters say enough.
    months = range(1, 13) if len(years) < QUARTERS_FROM_YEARS else (1, 4, 7, 10)
    for shown_year in years:
        top = block_of[shown_year] * BLOCK
        for month in months:
            first = date(shown_year, month, 1)
            after = date(shown_year + 1, 1, 1) if month == 12 else date(shown_year, month + 1, 1)
            if first > cal.last or after <= cal.range_first:
                continue  # the month lies outside the range
            if after - max(first, cal.range_first) < timedelta(days=10):
                continue  # a sliver at the range's edge: its name would crowd the next
            col = (max(first, cal.range_first) - block_first[shown_year]).days // 7
            # Inside the axes: left out of the layout pass, which measured all ~130.
            ax.text(col - 0.45, top - 0.8, formats.month_name(month, "abbreviated"),
                    ha="left", va="bottom",
                    color=style.muted, fontsize=style.font_size * 0.8, in_layout=False)
    ax.set_xlim(-0.6, YEAR_COLUMNS - 0.4)
    height = (len(years) - 1) * BLOCK + 7
    ax.set_ylim(height - 0.4, -1.9)
    ax.set_aspect("equal", adjustable="box")
    ax.set_anchor("NW")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([block_of[y] * BLOCK + 3 for y in years], [str(y) for y in years])
    ax.tick_params(axis="y", length=0, labelsize=style.font_size * 0.95)
    for tick in ax.get_yticklabels():
        tick.set_fontweight("bold")
    ax.set_title(_titled(title, cal), wrap=True)
    _legend(ax, cal, style)

    # Square cells: the axes' height is its width times rows per column; the title,
    # month names, year labels and the legend take about six lines more.
    line = style.font_size * style.dpi / 72 * 1.5
    tall = ((height + 2.3) / (YEAR_COLUMNS + 4.5), 6 * line)

    def hover_for(cal: Calendar) -> Hover:
        hover = Hover()

        def label(i: int) -> str:
            return _day_label(cal, cal.first + timedelta(days=int(index[i])), int(index[i]))

        hover.boxes(ax, cols - HALF, rows - HALF, cols + HALF, rows + HALF, label)
        hover.tall = tall
        return hover

    return _changing(ax, cal, style, (cols, rows, index), [squares], hover_for)


def _changing(ax: Axes, cal: Calendar, style: ChartStyle,
              where: tuple[np.ndarray, np.ndarray, np.ndarray], artists: list[Artist],
              hover_for: Callable[[Calendar], Hover]) -> Hover:
    """The hover of a drawn calendar, and how a check-in recolours it in place: the
    squares (``artists[0]``, one path per colour, made again) and the day numbers on
    them (``artists[1:]``, their ink follows the square's colour)."""
    cols, rows, index = where
    frame = _frame(cal)

    def update(new: Calendar) -> Hover | None:
        if _frame(new) != frame:
            return None  # other days or another commitment: drawn again
        colors = _colors(new, style, index)
        artists[0].remove()
        artists[0] = _squares(ax, cols, rows, colors)
        for number, color in zip(artists[1:], colors, strict=False):  # numbers: every
            if isinstance(number, Text):  # day of a short range, or none
                number.set_color(_ink(color, style))
        return hover_for(new)

    hover = hover_for(cal)
    hover.layers = Layers(artists, [], update)  # month names and legend never touch a square
    return hover


def _titled(title: str, cal: Calendar) -> str:
    """The chart's title, with the commitment's when it shows one."""
    if cal.title is None:
        return title
    # TRANSLATORS: the calendar chart's title for one commitment ("Calendar: Walk").
    return _("{chart}: {commitment}").format(chart=title, commitment=cal.title)


def _frame(cal: Calendar) -> tuple[object, ...]:
    """What places the squares and names them: a check-in changes none of it."""
    return (cal.first, cal.last, cal.range_first, cal.week_start, cal.kept.size,
            cal.states is None, cal.color, cal.title)


def _ink(fill: str, style: ChartStyle) -> str:
    """Text that reads on a square: white on deep colours, the theme's text on pale."""
    r, g, b = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if light < 150 else "#1f2326"


def _month_labels(ax: Axes, cal: Calendar, ncols: int, style: ChartStyle) -> None:
    seen = None
    for col in range(ncols):
        day = cal.first + timedelta(days=7 * col)
        # The column holding the 1st of a month (or the first column) names it.
        first_of_month = day if col == 0 else None
        for k in range(7):
            d = day + timedelta(days=k)
            if d.day == 1:
                first_of_month = d
        if first_of_month is None:
            continue
        key = (first_of_month.year, first_of_month.month)
        if key == seen:
            continue
        seen = key
        if col == 0 or first_of_month.month == 1:
            text = formats.short_month_year(first_of_month)
        else:
            text = formats.month_name(first_of_month.month, "abbreviated")
        if col == 0 and first_of_month.day > 20 and ncols > 4:
            continue  # a sliver of a month at the left edge: its name would crowd the next
        ax.text(col - 0.45, -1.0, text, ha="left", va="bottom", color=style.muted,
                fontsize=style.font_size * 0.85)


def _legend(ax: Axes, cal: Calendar, style: ChartStyle) -> None:
    if cal.states is not None:
        assert cal.color is not None
        p = _state_colors(style, cal.color)
        # TRANSLATORS: the calendar chart's legend for one commitment: what a square's
        # colour means (short: five sit in one row under the calendar).
        handles = [
            Patch(color=p[DayState.KEPT], label=pgettext("chart legend", "Kept")),
            Patch(color=p[DayState.PARTLY], label=pgettext("chart legend", "Partly")),
            Patch(color=p[DayState.REPAIRED], label=pgettext("chart legend", "Repaired")),
            Patch(color=p[DayState.MISSED], label=pgettext("chart legend", "Not kept")),
            Patch(color=p[DayState.SKIPPED], label=pgettext("chart legend", "Rest")),
        ]
    else:
        shades = _share_colors(style)
        # TRANSLATORS: the calendar chart's legend for all commitments: how many of a
        # day's promises were kept (short: five sit in one row under the calendar).
        handles = [
            Patch(color=shades[0], label=pgettext("chart legend", "None kept")),
            Patch(color=shades[1], label=pgettext("chart legend", "Some")),
            Patch(color=shades[2], label=pgettext("chart legend", "Most")),
            Patch(color=shades[3], label=pgettext("chart legend", "All kept")),
            Patch(color=style.empty, label=pgettext("chart legend", "Nothing due")),
        ]
    row_legend(ax, style, 5, handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0),
               borderaxespad=0.4, handlelength=1.0, handleheight=1.0, columnspacing=1.2,
               fontsize=style.font_size * 0.85)
