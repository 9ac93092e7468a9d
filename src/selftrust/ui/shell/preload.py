"""The other views' modules (and matplotlib, for Charts), imported on a worker thread
once Today has painted and the window is idle.

Opening Streaks, the Jar, Reflections or Charts for the first time imported their
modules on the window's thread: 10–25 ms each, and ≈ 0.4 s for matplotlib. Imported
ahead on a worker, they cost the window only the moments the worker holds the GIL
(it yields every few milliseconds), and the first opening only builds the view.
matplotlib is then in memory for every session (≈ 40 MB); the budget is the peak
with the charts open, which this does not raise. A module a person opens before the
worker reached it is imported as before (Python's import lock keeps the two apart).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

log = logging.getLogger(__name__)

MODULES = (
    "selftrust.ui.streaks.streaks_view",
    "selftrust.ui.jar.jar_view",
    "selftrust.ui.reflections.journal_view",
    "selftrust.ui.charts.charts_view",
    "selftrust.ui.charts.preload",  # matplotlib, its Qt canvas, every chart, the font
)


def start(modules: tuple[str, ...] = MODULES) -> threading.Thread | None:
    """Import ``modules`` on a daemon thread; None when all are imported already."""
    missing = [name for name in modules if name not in sys.modules]
    if not missing:
        return None
    thread = threading.Thread(target=_import_all, args=(missing,), name="selftrust-preload",
                              daemon=True)
    thread.start()
    return thread


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            module = importlib.import_module(name)
            ahead = getattr(module, "preload", None)
            if callable(ahead):  # a package that knows what its first use needs says so
                ahead()
        except Exception:  # noqa: BLE001 - the view imports it again when opened, and says
            log.exception("could not import %s ahead of need", name)
