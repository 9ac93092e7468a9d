"""Setting the computer's time zone for a block of a test (TZ + time.tzset)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """Run the block as if the computer's time zone were ``name``."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def at(text: str, zone: ZoneInfo = BERLIN) -> datetime:
    """A wall-clock time in ``zone`` (Berlin unless told otherwise)."""
    return datetime.fromisoformat(text).replace(tzinfo=zone)
