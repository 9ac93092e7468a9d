"""Re-importing a file names every kind it found already here, reflections included."""

from __future__ import annotations

from pathlib import Path

from selftrust.services.clock import FixedClock
from selftrust.services.interchange import export_file, import_file
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import fill, workspace


def test_the_same_file_again_says_its_reflections_are_already_here(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    reflections = len(ws.reflections.search())
    assert reflections >= 1
    export_file(ws, tmp_path / "all.json")
    with workspace(tmp_path / "copy", clock) as copy:
        first = import_file(copy, tmp_path / "all.json")
        second = import_file(copy, tmp_path / "all.json")
    assert first.reflections_added == reflections
    assert second.reflections_unchanged == reflections
    text = " ".join(second.lines())
    assert "commitments already here" in text or "commitment already here" in text
    assert "check-ins already here" in text or "check-in already here" in text
    noun = "reflection" if reflections == 1 else "reflections"
    assert f"{reflections} {noun} already here" in text
