"""Run in a fresh interpreter by test_charts_bench.py: open the app on Today, then the
Charts view, and report how long the first chart took (matplotlib import included)
and the process's peak memory. Prints one JSON object.

With a fifth argument ``preloaded``, matplotlib is imported ahead of need once Today
is painted (ui/charts/preload.py, untimed), as the shell may do when the app is idle:
the other way of opening the charts the first time, measured the same way.

    python charts_probe.py DATA_DIR PREFS.ini CHART RANGE [preloaded]"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import datetime
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux from VmHWM: ru_maxrss also counts
    the parent's memory at fork time (it survives exec), so a probe started from a big
    pytest process would report pytest's size instead of its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(data_dir: str, prefs_path: str, chart: str, rng: str, how: str = "") -> None:
    from PySide6.QtCore import QSettings

    from selftrust.services.clock import FixedClock
    from selftrust.services.workspace import open_workspace
    from selftrust.ui.shell.launch import make_application, make_context
    from selftrust.ui.shell.main_window import MainWindow
    from selftrust.ui.shell.prefs import UiPrefs

    app = make_application()
    ws = open_workspace(Path(data_dir), FixedClock(datetime(2026, 11, 24, 12)))
    prefs = UiPrefs(QSettings(prefs_path, QSettings.Format.IniFormat))
    prefs.set_value("charts/chart", chart)
    prefs.set_value("charts/range", rng)
    window = MainWindow(make_context(ws, prefs), restore_state=False)
    window.resize(1100, 720)
    window.show()
    for _ in range(30):
        app.processEvents()
    ws.ledger.ensure_loaded()
    assert "matplotlib" not in sys.modules
    if how == "preloaded":
        from selftrust.ui.charts.preload import preload

        preload()
    start = time.perf_counter()
    cpu = time.process_time()
    window.show_view("charts")
    view = window.page("charts")
    app.processEvents()  # the view paints, then the deferred first draw runs
    shown = time.perf_counter() - start
    while view.canvas is None or view._stale:
        app.processEvents()
    view.canvas.draw()  # the pixels, not only a scheduled paint
    opened = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak_mb = peak_rss_mb()
    print(json.dumps({"view_shown_s": shown, "first_chart_s": opened, "cpu_s": cpu,
                      "peak_mb": peak_mb}))
    window.close()
    ws.close()


if __name__ == "__main__":
    main(*sys.argv[1:6])
