"""Figures a reliability run reports (kills survived, inputs tried), for docs/reliability.md.

Tests call ``record(name, **figures)``. When SELFTRUST_RELIABILITY_FIGURES names a file,
each record is appended to it as one JSON line; `make reliability` then prints a table
with ``python -m tests.reliability.rel_summary FILE``. Otherwise records go nowhere.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()


def record(name: str, **figures: Any) -> None:
    target = os.environ.get("SELFTRUST_RELIABILITY_FIGURES")
    if not target:
        return
    line = json.dumps({"test": name, **figures}, sort_keys=True)
    with _lock, Path(target).open("a", encoding="utf-8") as out:
        out.write(line + "\n")
