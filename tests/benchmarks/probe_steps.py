"""The steps an app probe takes inside a running window, one after another.

A probe (stall_probe.py, sync_memory_probe.py) starts the real app and walks it through
steps — an action, then a condition to wait for, then a pause to settle — without ever
blocking the event loop it measures: every wait is a timer. A step that raises or does
not finish in time ends the run with its name in ``state["error"]``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Step:
    name: str
    action: Callable[[], None]
    done: Callable[[], bool]
    settle_ms: int


def walk(app: QApplication, steps: Sequence[Step], state: dict[str, Any], *,
         first_ms: int = 0, poll_ms: int = 20, timeout_s: float = 60.0,
         on_step: Callable[[Step], None] | None = None) -> None:
    """Start walking ``steps`` once the event loop runs (``first_ms`` after); quits the app
    after the last one, or at the first that fails (``state["error"]`` says which)."""
    deadline = {"at": 0.0}

    def fail(message: str) -> None:
        state["error"] = message
        app.quit()

    def run(index: int) -> None:
        if index == len(steps):
            app.quit()
            return
        step = steps[index]
        if on_step is not None:
            on_step(step)
        try:
            step.action()
        except Exception as exc:  # noqa: BLE001 - reported in the figures
            fail(f"{step.name}: {type(exc).__name__}: {exc}")
            return
        deadline["at"] = time.perf_counter() + timeout_s
        wait(index)

    def wait(index: int) -> None:
        step = steps[index]
        if step.done():
            QTimer.singleShot(step.settle_ms, lambda: run(index + 1))
        elif time.perf_counter() > deadline["at"]:
            fail(f"{step.name}: timed out")
        else:
            QTimer.singleShot(poll_ms, lambda: wait(index))

    QTimer.singleShot(first_ms, lambda: run(0))
