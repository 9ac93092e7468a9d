"""Babel costs ≈ 30 ms to import and read a language: Today's first paint must not pay it.

The day's heading is a date: the headings of the coming weeks are kept in the window
settings after a start, and the next start's first paint reads today's from there.
Checked in fresh interpreters, since this test process imported Babel long ago.
"""

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
    from datetime import date, datetime
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from selftrust.domain.history import Status
    from selftrust.services.checkins import CheckinState
    from selftrust.services.clock import FixedClock
    from selftrust.services.commitments import CommitmentDraft
    from selftrust.services.workspace import open_workspace
    from selftrust.ui.shell.launch import make_application, make_context
    from selftrust.ui.shell.prefs import UiPrefs
    from selftrust.ui.today.today_view import TodayView

    app = make_application()
    ws = open_workspace(Path(sys.argv[1]), FixedClock(datetime(2026, 11, 24, 12)))
    if not ws.commitments.all():
        walk = ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1)))
        ws.checkins.record(walk.id, date(2026, 11, 24), CheckinState(Status.KEPT))
    prefs = UiPrefs(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    view = TodayView(make_context(ws, prefs))
    painted = []
    view.painted_with_data.connect(lambda: painted.append("babel" in sys.modules))
    view.resize(800, 600)
    view.show()
    while not painted:
        app.processEvents()
    print("babel at the first paint:", painted[0])
    print("heading:", view.navigator.title.text())
    print("summary:", view.summary.text())
    for _i in range(20):
        app.processEvents()
    view.close()
    ws.close()
""")


def _start(tmp_path: Path, language: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SELFTRUST_LANGUAGE=language,
               PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(tmp_path / "prefs.ini")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_first_paint_reads_the_kept_heading(tmp_path: Path) -> None:
    first = _start(tmp_path, "en_GB")  # nothing kept yet: Babel writes the heading
    assert first[1:] == ["heading: Tuesday 24 November", "summary: The one promise kept today"]
    again = _start(tmp_path, "en_GB")
    assert again == ["babel at the first paint: False", *first[1:]]


def test_another_language_is_written_afresh(tmp_path: Path) -> None:
    _start(tmp_path, "en_GB")
    other = _start(tmp_path, "en_XA")
    assert other[0] == "babel at the first paint: True"  # the kept headings are English
    assert other[1] == "heading: [Ţûéšđåý 24 Ñöṽéɱƀéŕ ~~~~~ ~~~]"
    assert _start(tmp_path, "en_XA")[:2] == ["babel at the first paint: False", other[1]]
