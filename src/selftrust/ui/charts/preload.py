"""What the Charts view's first chart needs, imported ahead of need.

matplotlib's import is most of the Charts view's first opening (≈ 0.3 s of ≈ 0.45 s
on a 2-core machine). DESIGN.md lets the app import it ahead of need, after Today is
painted and idle, if the memory goal still holds: the same modules are loaded either
way, so the peak with the charts open does not change, only the memory of a session
that never opens them. The shell's worker (ui/shell/preload.py) calls ``preload``
off the window's thread; the charts say here what their first chart needs.
"""

from __future__ import annotations


def preload() -> None:
    """Import matplotlib with its Qt canvas and every chart's module, and read the
    charts' font from its file (the first text drawn would otherwise)."""
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib import font_manager

    import selftrust.ui.charts.canvas
    import selftrust.ui.charts.render  # noqa: F401 - every chart's module
    from selftrust.ui.charts.style import FONT_FAMILY

    font_manager.get_font(font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY)))
