"""The charts there are, by the names the CLI and the view use.

No Qt and no matplotlib here, so `selftrust --help` and the view's buttons can list
the charts without paying for either.
"""

from __future__ import annotations

from dataclasses import dataclass

from selftrust.services.insights import Topic


@dataclass(frozen=True, slots=True)
class ChartInfo:
    name: str  # as typed: `selftrust chart growth`
    label: str  # on the view's button, with a mnemonic
    title: str  # above the chart
    about: str  # the button's tooltip
    topic: Topic  # the insight about what it draws: said first under it, and to a screen reader


CHARTS: tuple[ChartInfo, ...] = (
    ChartInfo("growth", "&Growth", "Self-trust growth",
              "Marbles in your jar, your overall strength and the misses you repaired", Topic.JAR),
    ChartInfo("strength", "&Strength", "Strength per commitment",
              "How established each commitment is, day by day", Topic.STRENGTH),
    ChartInfo("kept-rate", "&Kept rate", "Kept rate",
              "The share of promises kept, per week or per month", Topic.KEPT),
    ChartInfo("calendar", "&Calendar", "Calendar",
              "Every day of the year, coloured by the promises kept", Topic.KEPT),
    ChartInfo("weekday", "&Weekdays", "Weekday pattern",
              "Which days of the week are kept, and which are harder", Topic.WEEKDAYS),
    ChartInfo("streaks", "Stre&aks", "Best streaks",
              "Your longest runs of kept promises, with their dates", Topic.STREAK),
)

NAMES: tuple[str, ...] = tuple(c.name for c in CHARTS)
BY_NAME: dict[str, ChartInfo] = {c.name: c for c in CHARTS}

EXPORT_FORMATS: dict[str, str] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def chart_info(name: str) -> ChartInfo:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"“{name}” is not a chart; choose from {', '.join(NAMES)}") from None
