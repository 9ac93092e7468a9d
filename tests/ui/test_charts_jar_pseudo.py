"""The charts and the jar in the pseudo-language: every word they show was translated.

In ``en_XA`` every message comes back accented and in brackets, and so does every date
and month name from ``base.formats``; a word left outside brackets was written by hand
somewhere and no translator would ever see it. The views are built after the switch,
on data whose commitment titles are bracketed too (the demo's are renamed), and every
chart is drawn over every range: titles, axis labels, tick labels, legends, notices,
tooltips, and the Qt words around them, the insights under the chart among them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from selftrust.base.i18n import pseudo
from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.jar import JarRules
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import PRESETS, ChartRange
from selftrust.services.chart_series import Calendar, Growth, KeptRate, Weekdays
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.jar_picture import GOLD, JarPicture
from selftrust.services.workspace import Workspace
from selftrust.ui.charts import render
from selftrust.ui.charts.canvas import ChartCanvas
from selftrust.ui.charts.catalog import NAMES
from selftrust.ui.charts.charts_view import ChartsView, export_filters
from selftrust.ui.charts.common import NotEnough
from selftrust.ui.charts.hover import Hover
from selftrust.ui.charts.style import ChartStyle
from selftrust.ui.jar.jar_view import JarView, week_words
from selftrust.ui.jar.jar_words import gold_words, note_words
from selftrust.ui.shell.context import UiContext
from tests.i18n_helpers import untranslated, visible_texts
from tests.ui.conftest import ScriptedPrompter

TODAY = date(2026, 11, 24)
RANGES = [code for code, _words in PRESETS]
STYLE = ChartStyle.for_theme(False, font_size=10.0, dpi=100.0)
SMALL = (585, 580)
"""The size of a view in an 800×600 window (the rail, in longer words, and the menu take
the rest)."""


# --- what a person reads ------------------------------------------------------------------


def drawn_texts(fig: Figure) -> list[str]:
    """Every text matplotlib draws in the figure: titles, labels, ticks (after a draw,
    so the formatters have run), offsets, legends and notices."""
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def hover_texts(hover: Hover, most: int = 400) -> list[str]:
    """What hovering shows, for up to ``most`` points or boxes of each group."""
    texts = []
    for points in hover._points:
        n = points.x.size
        texts += [points.label(i) for i in range(0, n, max(1, n // most))]
    for boxes in hover._boxes:
        n = boxes.x0.size
        texts += [boxes.label(i) for i in range(0, n, max(1, n // most))]
    return texts


def spills(fig: Figure) -> list[float]:
    """How far (pixels) what the figure draws reaches past its edges: left, bottom,
    right, top (nothing drawn past an edge: all ≤ 0)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # an Agg canvas
    drawn = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
    box = fig.bbox
    return [round(v, 1) for v in (box.x0 - drawn.x0, box.y0 - drawn.y0, drawn.x1 - box.x1,
                                  drawn.y1 - box.y1)]


def squeezed(root: QWidget) -> list[str]:
    """Wrapped labels given less height than their lines need (they overlap or clip)."""
    return [label.text() for label in root.findChildren(QLabel)
            if label.isVisibleTo(root) and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]


def words_left(texts: list[str]) -> list[tuple[str, list[str]]]:
    """Each text with words outside brackets, and those words."""
    return [(t, left) for t in texts if (left := untranslated(t))]


# --- data with bracketed titles -------------------------------------------------------------


def bracket_titles(ws: Workspace) -> list[int]:
    """Give every commitment a short title in the pseudo-language (short, so a legend
    never clips it: a clipped title loses its closing bracket)."""
    ids = []
    for n, row in enumerate(ws.commitments.all(include_archived=True), start=1):
        ws.commitments.put_back(dataclasses.replace(row, title=pseudo(f"Habit {n}")))
        ids.append(row.id)
    return ids


@pytest.fixture
def pseudo_ctx(language: Callable[[str], str], ctx: UiContext) -> Iterator[UiContext]:
    language("en_XA")
    yield ctx


def charts_view(qtbot: QtBot, ctx: UiContext, size: tuple[int, int] = (1100, 720)
                ) -> ChartsView:
    view = ChartsView(ctx)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitUntil(lambda: view.canvas is not None and not view._stale, timeout=10_000)
    return view


def chart_words(qtbot: QtBot, view: ChartsView) -> list[str]:
    """Everything the view shows now: its chart drawn, the hover's words, its widgets
    (the insights under the chart among them)."""
    view.update_insights()
    canvas = view.canvas
    assert canvas is not None
    canvas.draw()
    menu = view.filter.menu()  # its section headings too ("Archived")
    assert menu is not None
    return [*drawn_texts(canvas.figure), *hover_texts(canvas.hover), *visible_texts(view),
            *(action.text() for action in menu.actions())]


# --- the charts -----------------------------------------------------------------------------


@pytest.mark.demo_data(years=1.2, commitments=14, seed=7)
def test_every_chart_over_every_range_is_translated(qtbot: QtBot, ws: Workspace,
                                                    pseudo_ctx: UiContext) -> None:
    """At the size of an 800×600 window, where longer words wrap and nothing spills."""
    ids = bracket_titles(ws)
    ws.commitments.archive(ids[-1], TODAY - timedelta(days=20))  # the menu's "Archived"
    view = charts_view(qtbot, pseudo_ctx, SMALL)
    assert view.minimumSizeHint().width() <= SMALL[0]  # the window can be that small
    found: dict[str, list[tuple[str, list[str]]]] = {}
    spilled: dict[str, list[float]] = {}
    seen = 0
    for rng in RANGES:
        view.set_range(ChartRange(rng))
        for name in NAMES:
            view.show_chart(name)
            assert view.canvas is not None and not view.canvas.notice, (name, rng)
            texts = chart_words(qtbot, view)
            seen += len(texts)
            if left := words_left(texts):
                found[f"{name} {rng}"] = left
            if max(edges := spills(view.canvas.figure)) > 1:
                spilled[f"{name} {rng}"] = edges
            if name != "calendar":  # square days: as wide as their weeks need
                plot = view.canvas.figure.axes[0].get_position()
                assert plot.width > 0.5, f"{name} {rng}: the plot squeezed by its words"
    # One commitment (the calendar says what each day was), and three side by side.
    for chosen in ([ids[0]], ids[:3]):
        view.filter.select(chosen)
        for name in ("calendar", "kept-rate", "strength", "growth"):
            view.show_chart(name)
            if left := words_left(chart_words(qtbot, view)):
                found[f"{name} of {len(chosen)}"] = left
            if max(edges := spills(view.canvas.figure)) > 1:
                spilled[f"{name} of {len(chosen)}"] = edges
    assert found == {}
    assert spilled == {}
    assert seen > 2000  # ticks, legends and tooltips were really read


def test_charts_with_too_little_to_show_are_translated(qtbot: QtBot, ws: Workspace,
                                                       pseudo_ctx: UiContext) -> None:
    view = charts_view(qtbot, pseudo_ctx)
    found: dict[str, list[tuple[str, list[str]]]] = {}

    def look(stage: str) -> None:
        for name in NAMES:
            view.show_chart(name)
            assert view.canvas is not None and view.canvas.notice, (stage, name)
            if left := words_left([*chart_words(qtbot, view), view.canvas.notice]):
                found[f"{stage} {name}"] = left

    look("empty")
    ws.commitments.create(CommitmentDraft(pseudo("Walk"), Rules(),
                                          created_on=TODAY - timedelta(days=2)))
    view.refresh()
    look("young")
    assert found == {}


def test_each_charts_own_words_for_too_little_are_translated(
        language: Callable[[str], str]) -> None:
    """What a chart says in its place when its series hold too little (``NotEnough``)."""
    language("en_XA")
    none = np.zeros(0, dtype="datetime64[D]")
    week = np.zeros((1, 2), dtype=np.int64)
    empty: dict[str, tuple[object, ...]] = {
        "growth": (Growth(none, np.zeros(0), np.zeros(0), none, np.zeros(0)),),
        "strength": ([], (TODAY, TODAY)),
        "kept-rate": (KeptRate("week", none, none, (1,), ("t",), ("#000000",), week, week),),
        "calendar": (Calendar(TODAY, TODAY, TODAY, 0, np.zeros(1), np.zeros(1), None, None,
                              None),),
        "weekday": (Weekdays(("Monday",) * 7, np.zeros(7), np.zeros(7), np.zeros(7)),),
        "streaks": ([],),
    }
    said = []
    for name, series in empty.items():
        with pytest.raises(NotEnough) as few:
            render.DRAWERS[name](Figure(), *series, STYLE, "t")
        said.append(few.value.detail)
    assert all(said) and words_left(said) == []


@pytest.mark.demo_data(years=0.5, commitments=3, seed=2)
def test_the_views_notices_and_dialogs_are_translated(qtbot: QtBot, ws: Workspace,
                                                      pseudo_ctx: UiContext,
                                                      prompter: ScriptedPrompter,
                                                      tmp_path: Path) -> None:
    bracket_titles(ws)
    view = charts_view(qtbot, pseudo_ctx)
    told: list[str] = []
    view._tell = lambda text, ms: told.append(text)  # type: ignore[method-assign]
    # A remembered range with none of the data in it gives way, out loud.
    view.rng = ChartRange("custom", date(2020, 1, 1), date(2020, 3, 1))
    view.refresh()
    prompter.answers.append(tmp_path / "chart.txt")  # not a kind of file charts are
    view.export_chart()
    prompter.answers.append(tmp_path / "chart.png")
    view.export_chart()
    asked = [words for kind, title, text, _detail in prompter.asked
             for words in (title, text) if kind != "save_file" or words == title]
    texts = [*told, *asked, export_filters()]
    assert len(told) == 2 and len(asked) == 4
    assert words_left(texts) == []


@pytest.mark.demo_data(years=0.5, commitments=3, seed=2)
def test_a_chart_in_another_language_still_changes_in_place(ws: Workspace,
                                                            language: Callable[[str], str]
                                                            ) -> None:
    """The translated words are the same at every draw, so a check-in takes the update
    path (values changed over the kept background) as it does in English."""
    language("en_XA")
    data = ChartData.shared(ws)
    walk = data.commitments()[0].id
    for name in ("growth", "strength", "calendar", "weekday", "kept-rate"):
        fig = Figure(figsize=(11, 7.2), dpi=100)
        FigureCanvasAgg(fig)
        request = render.Request(name, ChartRange("3m"))
        shown = render.redraw_chart(fig, data, request, STYLE, None)
        for status in (Status.MISSED, Status.KEPT, Status.MISSED):
            ws.checkins.record(walk, TODAY, CheckinState(status))
            fig.canvas.draw()
            shown = render.redraw_chart(fig, data, request, STYLE, shown)
        assert shown.updated, name


def test_the_canvas_is_named_in_the_language(qtbot: QtBot,
                                             language: Callable[[str], str]) -> None:
    language("en_XA")
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    assert untranslated(canvas.accessibleName()) == []


# --- the jar --------------------------------------------------------------------------------


@pytest.mark.demo_data(years=1.2, commitments=14, seed=7)
def test_the_jar_is_translated(qtbot: QtBot, ws: Workspace, pseudo_ctx: UiContext) -> None:
    bracket_titles(ws)
    view = JarView(pseudo_ctx)
    qtbot.addWidget(view)
    view.resize(*SMALL)
    with qtbot.waitExposed(view):
        view.show()
    assert view.picture is not None and view.picture.gold > 0
    assert view.sample_note.isVisible()  # a full jar shows a sample of its marbles
    texts = visible_texts(view)
    assert any("~" in t for t in texts)
    assert words_left(texts) == []
    assert squeezed(view) == []  # the words beside the jar scroll rather than overlap
    view.resize(SMALL[0], 360)
    qtbot.waitUntil(lambda: view.panel_area.verticalScrollBar().isVisible(), timeout=2000)
    assert squeezed(view) == []


def jar(marbles: int = 0, gold: int = 0, *, won: int = 0, lost: int = 0, misses: int = 0,
        ever: int | None = None, week: int = 0) -> JarPicture:
    gold_in_jar = min(gold, marbles)
    pile = (GOLD,) * gold_in_jar + (1,) * (marbles - gold_in_jar)
    return JarPicture(day=TODAY, marbles=marbles, gold=gold, gold_in_jar=gold_in_jar, pile=pile,
                      colors={1: "#3F8F6B"}, shares=(), week_first=TODAY, week_change=week,
                      week_gold=0, today_won=won, today_lost=lost, today_misses=misses,
                      ever_won=won if ever is None else ever)


def test_every_word_beside_the_jar_is_translated(language: Callable[[str], str]) -> None:
    language("en_XA")
    pictures = [jar(), jar(0, 1), jar(0, 2), jar(0, 0, ever=6), jar(5, 1), jar(9, 3),
                jar(1, 3), jar(0, 2), jar(0, 1, won=1, lost=1, misses=1),
                jar(0, 0, won=2, lost=5, misses=3, ever=9),
                jar(0, 0, lost=2, misses=1, ever=4), jar(0, 0, lost=2, ever=4)]
    some_back = JarRules(kept_gain=1, miss_cost=3, repair_return=1)
    texts = [words for p in pictures for rules in (JarRules(), some_back)
             for words in (note_words(p, rules), gold_words(p))]
    texts += [week_words(n) for n in (-1250, -1, 0, 1, 1250)]
    assert sum(bool(t) for t in texts) > 20
    assert words_left(texts) == []
