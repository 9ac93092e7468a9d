"""Fixtures for store tests: a private data folder per test and an open database in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import NOW

from selftrust.store.database import Database, open_database
from selftrust.store.paths import DataFolder


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture
def db(folder: DataFolder) -> Iterator[Database]:
    database = open_database(folder, now=NOW)
    yield database
    database.close()
