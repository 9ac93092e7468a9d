"""Shared fixtures: every test gets its own data folder in tmp_path, a real SQLite file
at the head revision, and a clock that only moves when the test says so.

Running the migrations costs more than most tests do, so the suite migrates one empty
database per process (one per xdist worker) and each ``ws`` starts from a copy of it:
what is opened is the same file a first start creates. The store's own tests that are
about creating and migrating (tests/store) open their folders from scratch.

Demo data is built once per process too: a test (or module) marked
``@pytest.mark.demo_data(years=1, commitments=6, seed=4)`` gets a ``ws`` opened on a copy
of a folder that ``services.demo.generate`` filled at the same clock, instead of
generating it again per test.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test talks to the desktop's session bus (its notification service would change which
# way reminders go); the notification tests start a private bus of their own.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/selftrust-tests-bus"
# What the app and its libraries keep per user (Qt's settings, matplotlib's font cache,
# the standard data folder) goes to a throw-away folder of this process, never into the
# home folder: nothing a test does reaches the user's files, and xdist workers never
# share a settings file. Processes the tests start inherit it.
_HOME = tempfile.mkdtemp(prefix="selftrust-tests-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())
# The suite speaks the app's own English whatever the machine's language is; the tests of
# other languages choose theirs (the `language` fixture) and put this one back.
os.environ["SELFTRUST_LANGUAGE"] = "en_GB"

from selftrust.services.clock import FixedClock  # noqa: E402
from selftrust.services.workspace import Workspace, open_workspace  # noqa: E402
from selftrust.store.database import open_database  # noqa: E402
from selftrust.store.paths import DataFolder  # noqa: E402

NOON = datetime(2026, 11, 24, 12, 0).astimezone()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the head revision, made once per test process through the
    store's own first start (closed, so the file holds everything and has no -wal)."""
    folder = DataFolder(tmp_path_factory.mktemp("migrated") / "data")
    with open_database(folder, daily_backup=False):
        pass
    return folder.database


def seed_database(data_dir: Path, migrated: Path) -> Path:
    """Put a copy of the migrated empty database into ``data_dir`` (made as a first start
    makes it), so that opening the folder finds a current database and skips migrating."""
    folder = DataFolder(data_dir).ensure()
    shutil.copyfile(migrated, folder.database)
    return data_dir


DemoFolders = Callable[..., Path]
"""``demo_folders(years=…, commitments=…, seed=…)``: the folder of that demo data."""


@pytest.fixture(scope="session")
def demo_folders(tmp_path_factory: pytest.TempPathFactory, migrated_database: Path
                 ) -> DemoFolders:
    """Data folders filled by ``services.demo.generate`` at NOON, one per set of arguments
    (made on first use, then kept for the session). Read only: copy before opening."""
    from selftrust.services.demo import generate

    made: dict[tuple[float, int, int], Path] = {}

    def folder(*, years: float = 2.0, commitments: int = 8, seed: int = 1) -> Path:
        key = (years, commitments, seed)
        if key not in made:
            data = seed_database(tmp_path_factory.mktemp("demo") / "data", migrated_database)
            with open_workspace(data, FixedClock(NOON), daily_backup=False) as demo_ws:
                generate(demo_ws, years=years, commitments=commitments, seed=seed)
            made[key] = data
        return made[key]

    return folder


@pytest.fixture
def ws(request: pytest.FixtureRequest, data_dir: Path, clock: FixedClock,
       migrated_database: Path) -> Iterator[Workspace]:
    demo = request.node.get_closest_marker("demo_data")
    if demo is None:
        seed_database(data_dir, migrated_database)
    else:
        demo_folder: Path = request.getfixturevalue("demo_folders")(**demo.kwargs)
        shutil.copytree(demo_folder, data_dir)
    workspace = open_workspace(data_dir, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def language() -> Iterator[Callable[[str], str]]:
    """Speak another language in this test: ``language("de")``, ``language("en_XA")``.

    The suite's own English comes back afterwards, whatever the test chose.
    """
    from selftrust.base import i18n

    def choose(code: str) -> str:
        return i18n.set_language(code)

    yield choose
    i18n.set_language("en_GB")
