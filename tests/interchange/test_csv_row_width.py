"""A CSV line of the wrong width is named with its count in plain words."""

from __future__ import annotations

import pytest

from selftrust.interchange.csv_rows import expect_columns
from selftrust.interchange.errors import ImportProblem


def test_one_column_is_one_column() -> None:
    with pytest.raises(ImportProblem, match="has 1 column, but the header has 3"):
        expect_columns(["only"], 3, "checkins.csv", 4, "the header")
    with pytest.raises(ImportProblem, match="has 2 columns, but the header has 1$"):
        expect_columns(["a", "b"], 1, "checkins.csv", 4, "the header")
