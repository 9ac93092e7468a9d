"""The reliability suite reuses the UI fixtures (a real workspace, a main window, a
scripted prompter) for its UI tests; see tests/ui/conftest.py."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.reliability.rel_time import local_zone
from tests.ui.conftest import ScriptedPrompter, ctx, prefs, prompter, window

__all__ = ["ScriptedPrompter", "berlin", "ctx", "prefs", "prompter", "window"]


@pytest.fixture
def berlin() -> Iterator[None]:
    """The computer's time zone is Europe/Berlin for the test (DST on 29 March and
    25 October 2026)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    with local_zone("Europe/Berlin"):
        yield
