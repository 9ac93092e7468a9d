"""Importing matplotlib ahead of need, once Today is painted and the app is idle.

matplotlib's import is most of the Charts view's first opening (≈ 0.3 s of ≈ 0.45 s
on a 2-core machine). DESIGN.md lets the app import it ahead of need, after Today is
painted and idle, if the memory goal still holds: the same modules are loaded either
way, so the peak with the charts open does not change, only the memory of a session
that never opens them. Imported on a thread of its own, so the window's event loop
keeps running (Python hands the interpreter back and forth every few milliseconds);
opening the Charts while it runs waits for the rest of the import, as it would have
imported it anyway.

The shell calls ``preload_in_background`` once, after the first paint of Today.
"""

from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger(__name__)

_started: threading.Thread | None = None


def preload() -> None:
    """Import what the first chart needs: matplotlib with its Qt canvas, every chart's
    module, and the charts' font read from its file."""
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib import font_manager

    import selftrust.ui.charts.canvas
    import selftrust.ui.charts.render  # noqa: F401 - every chart's module
    from selftrust.ui.charts.style import FONT_FAMILY

    font_manager.get_font(font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY)))


def _quietly() -> None:
    try:
        preload()
    except Exception:  # the Charts view imports it again, and says what went wrong
        log.exception("importing matplotlib ahead of need failed")


def preload_in_background() -> threading.Thread | None:
    """Start importing the charts' libraries on a thread (once; None if already done)."""
    global _started
    if _started is not None or "selftrust.ui.charts.canvas" in sys.modules:
        return None
    _started = threading.Thread(target=_quietly, name="charts-preload", daemon=True)
    _started.start()
    return _started
