"""matplotlib costs a second to import: the app must not pay it until Charts is opened.

Checked in a fresh interpreter, since this test process imported matplotlib long ago."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import selftrust

SRC = Path(selftrust.__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import sys
    from datetime import datetime
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from selftrust.services.clock import FixedClock
    from selftrust.services.workspace import open_workspace
    from selftrust.ui.shell.launch import make_application, make_context
    from selftrust.ui.shell.main_window import MainWindow
    from selftrust.ui.shell.prefs import UiPrefs

    assert "matplotlib" not in sys.modules, "imported with the main window"
    app = make_application()
    ws = open_workspace(Path(sys.argv[1]), FixedClock(datetime(2026, 11, 24, 12)))
    prefs = UiPrefs(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window = MainWindow(make_context(ws, prefs), restore_state=False)
    window.show()
    window.show_view("today")
    for _ in range(20):
        app.processEvents()
    # Nor sync's machinery, for someone who does not sync (it runs as its own process).
    syncing = sorted(m for m in sys.modules if m.startswith(("selftrust.sync",
                     "selftrust.services.sync", "pycrdt", "cryptography")))
    assert not syncing, f"imported with Today: {syncing}"
    # Creating the Charts view (not shown yet) costs nothing either.
    from selftrust.ui.charts import charts_view  # noqa: F401
    assert "matplotlib" not in sys.modules, "imported with Today or the charts module"
    print("before: clean")
    window.show_view("charts")
    view = window.page("charts")
    for _ in range(50):
        app.processEvents()
        if view.canvas is not None:
            break
    assert view.canvas is not None, "the chart was not drawn"
    assert "matplotlib" in sys.modules
    print("after: matplotlib")
    window.close()
    ws.close()
""")


def test_matplotlib_waits_for_the_charts_view(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(tmp_path / "prefs.ini")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["before:", "clean", "after:", "matplotlib"]
