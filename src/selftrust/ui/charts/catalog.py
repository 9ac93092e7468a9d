"""The charts there are, by the names the CLI and the view use.

No Qt and no matplotlib here, so `selftrust --help` and the view's buttons can list
the charts without paying for either.
"""

from __future__ import annotations

from dataclasses import dataclass

from selftrust.base.i18n import N_, _
from selftrust.services.insights import Topic


@dataclass(frozen=True, slots=True)
class ChartInfo:
    """A chart's name and its words; the words are kept in English (read at import,
    before a language is chosen) and translated each time they are asked for."""

    name: str  # as typed: `selftrust chart growth`
    label_text: str  # on the view's button, with a mnemonic
    title_text: str  # above the chart
    about_text: str  # the button's tooltip
    topic: Topic  # the insight about what it draws: said first under it, and to a screen reader

    @property
    def label(self) -> str:
        return _(self.label_text)

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def about(self) -> str:
        return _(self.about_text)


CHARTS: tuple[ChartInfo, ...] = (
    # TRANSLATORS: a chart button ("&" marks its Alt+letter shortcut: each of the six
    # buttons needs a different letter), the chart's title and the button's tooltip.
    ChartInfo("growth", N_("&Growth"), N_("Self-trust growth"),
              N_("Marbles in your jar, your overall strength and the misses you repaired"),
              Topic.JAR),
    ChartInfo("strength", N_("&Strength"), N_("Strength per commitment"),
              N_("How established each commitment is, day by day"), Topic.STRENGTH),
    ChartInfo("kept-rate", N_("&Kept rate"), N_("Kept rate"),
              N_("The share of promises kept, per week or per month"), Topic.KEPT),
    ChartInfo("calendar", N_("&Calendar"), N_("Calendar"),
              N_("Every day of the year, coloured by the promises kept"), Topic.KEPT),
    ChartInfo("weekday", N_("&Weekdays"), N_("Weekday pattern"),
              N_("Which days of the week are kept, and which are harder"), Topic.WEEKDAYS),
    ChartInfo("streaks", N_("Stre&aks"), N_("Best streaks"),
              N_("Your longest runs of kept promises, with their dates"), Topic.STREAK),
)

NAMES: tuple[str, ...] = tuple(c.name for c in CHARTS)
BY_NAME: dict[str, ChartInfo] = {c.name: c for c in CHARTS}

EXPORT_FORMATS: dict[str, str] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def chart_info(name: str) -> ChartInfo:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"“{name}” is not a chart; choose from {', '.join(NAMES)}") from None
