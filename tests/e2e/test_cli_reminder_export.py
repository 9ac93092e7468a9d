"""A reminder set with `selftrust add --remind` survives `export` and `import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, make_runner

pytestmark = pytest.mark.e2e


def reminders(run: Run) -> dict[str, str | None]:
    items = json.loads(run("list", "--json").stdout)["items"]
    return {i["title"]: i["reminder"] for i in items}


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_reminder_goes_out_and_comes_back(run: Run, tmp_path: Path, fmt: str) -> None:
    run("add", "Stretch", "--remind", "7:30", "--start", "2026-11-01")
    run("add", "Read", "--start", "2026-11-01")
    assert reminders(run) == {"Stretch": "07:30", "Read": None}
    out = tmp_path / f"all.{'zip' if fmt == 'csv' else 'json'}"
    run("export", "--format", fmt, "--out", str(out))
    other = make_runner(tmp_path / "other")
    other("import", str(out))
    assert reminders(other) == {"Stretch": "07:30", "Read": None}
