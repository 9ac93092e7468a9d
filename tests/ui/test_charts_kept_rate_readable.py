"""The kept-rate chart stays readable with many commitments and over long ranges."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts import kept_rate_chart
from selftrust.ui.charts.style import ChartStyle


@pytest.fixture
def many(ws: Workspace) -> Workspace:
    generate(ws, years=4, commitments=20, seed=8)
    return ws


def drawn(ws: Workspace, rng: ChartRange, selection: tuple[int, ...] | None = None
          ) -> tuple[Figure, ChartData]:
    fig = Figure(figsize=(11, 7.2), dpi=100, layout="constrained")
    data = ChartData(ws)
    kept_rate_chart.draw(fig, data.kept_rate(rng, selection), ChartStyle.for_theme(False),
                         "Kept rate")
    fig.canvas.draw()
    return fig, data


def bar_tops(fig: Figure) -> list[np.ndarray]:
    return [np.array([p.vertices[2, 1] for p in group.get_paths()])
            for group in fig.axes[0].collections]


@pytest.mark.parametrize("code", ["4w", "all"])
def test_many_commitments_draw_one_overall_bar_per_bucket(many: Workspace, code: str) -> None:
    fig, data = drawn(many, ChartRange(code))
    rate = data.kept_rate(ChartRange(code))
    [tops] = bar_tops(fig)
    assert np.allclose(tops, np.nan_to_num(rate.total_rate()))
    assert fig.axes[0].get_legend() is None, "twenty colours explain nothing"


def test_a_few_commitments_over_a_short_range_stand_side_by_side(many: Workspace) -> None:
    ids = tuple(r.id for r in many.commitments.all()[:3])
    fig, _ = drawn(many, ChartRange("3m"), ids)
    assert len(bar_tops(fig)) == 3
    assert fig.axes[0].get_legend() is not None


def test_a_few_commitments_over_years_are_one_overall_bar(many: Workspace) -> None:
    ids = tuple(r.id for r in many.commitments.all()[:3])
    fig, _ = drawn(many, ChartRange("all"), ids)
    assert len(bar_tops(fig)) == 1


def test_week_bars_are_named_by_their_first_day(many: Workspace) -> None:
    fig, data = drawn(many, ChartRange("4w"))
    rate = data.kept_rate(ChartRange("4w"))
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    first = rate.starts[0].astype(object)
    assert labels[0] == f"{first.day} {first:%b}"
    assert len(labels) == rate.starts.size


def test_long_ranges_have_few_legible_ticks(many: Workspace) -> None:
    fig, _ = drawn(many, ChartRange("all"))
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert 3 <= len(labels) <= 8
