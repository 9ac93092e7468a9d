"""Importing the charts ahead of need (ui/charts/preload.py), on a worker thread as
the shell does: afterwards the Charts view finds everything its first chart needs.

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
    import threading

    from selftrust.ui.charts.preload import preload

    assert "matplotlib" not in sys.modules
    worker = threading.Thread(target=preload)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    for name in ("matplotlib.backends.backend_qtagg", "selftrust.ui.charts.canvas",
                 "selftrust.ui.charts.render", "selftrust.ui.charts.calendar_chart"):
        assert name in sys.modules, name
    print("ok")
""")


def test_preloading_imports_what_the_first_chart_needs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               MPLCONFIGDIR=str(tmp_path / "mpl"))
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
