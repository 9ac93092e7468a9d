"""The other views' modules are imported on a worker thread once Today has painted,
so their first opening does not wait for the import; a module that fails to import is
logged and left for the view to import (and report) when it is opened."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from selftrust.ui.shell import preload


def test_modules_are_imported_off_the_window_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "preload_probe_view.py").write_text(
        "import threading\nTHREAD = threading.current_thread().name\n", encoding="utf-8")
    (tmp_path / "preload_probe_broken.py").write_text("raise ImportError('no')\n",
                                                      encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("preload_probe_view", "preload_probe_broken"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    thread = preload.start(("preload_probe_broken", "preload_probe_view"))
    assert thread is not None
    thread.join(timeout=30)
    module = sys.modules["preload_probe_view"]
    assert module.THREAD != threading.main_thread().name
    assert "preload_probe_broken" not in sys.modules
    assert "could not import preload_probe_broken" in caplog.text
    assert preload.start(("preload_probe_view",)) is None  # nothing left to do
    monkeypatch.delitem(sys.modules, "preload_probe_view")
