"""Logging to a rotating file in the data folder's log directory (never to the network).

The log helps a user report a problem; it holds no reflection text or notes, only
what the app did and tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if any(getattr(h, "_selftrust", False) for h in root.handlers):
        return None
    if log_dir is None:
        return None
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = log_dir / "selftrust.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        os.chmod(path, 0o600)
    except OSError:
        return None  # a read-only folder must not stop the app; the UI reports real errors
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._selftrust = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
