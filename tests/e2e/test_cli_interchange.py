"""`selftrust export`, `import`, `backups` and `restore`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, copy_of, make_runner, stats

pytestmark = pytest.mark.e2e

LOOP = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "loop_v231_export"


@pytest.fixture(scope="module")
def filled_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two commitments, a few days and a reflection, made once for the module through the
    CLI itself; each test gets a copy."""
    data = tmp_path_factory.mktemp("filled") / "data"
    run = make_runner(data)
    run("add", "Walk 20 minutes", "--start", "2026-11-01", "--why", "=fresh air, \"really\"")
    run("add", "Read", "--measurable", "pages", "--target", "20", "--start", "2026-11-01")
    for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
        run("check", "Walk 20 minutes", "--day", day, "--note", "@home, then -out-")
        run("check", "Read", "--day", day, "--value", "12.5")
    run("check", "Walk 20 minutes", "--day", "2026-11-23", "--missed")
    run("reflect", "Walk 20 minutes", "--day", "2026-11-23", "--happened", "Rain, all day")
    return data


@pytest.fixture
def filled(filled_data: Path, tmp_path: Path) -> Run:
    return copy_of(filled_data, tmp_path / "data")


def test_export_import_export_is_identical(filled: Run, tmp_path: Path) -> None:
    for fmt, name in (("json", "a.json"), ("csv", "a.zip")):
        out = filled("export", "--format", fmt, "--out", str(tmp_path / name)).stdout
        assert "2 commitments, 7 check-ins, 1 reflection" in out
        other = make_runner(tmp_path / f"other-{fmt}")
        assert "Imported" in other("import", str(tmp_path / name)).stdout
        second = tmp_path / f"again-{name}"
        other("export", "--format", fmt, "--out", str(second))
        assert second.read_bytes() == (tmp_path / name).read_bytes()
        assert stats(other) == stats(filled)


def test_format_from_the_name_and_into_a_folder(filled: Run, tmp_path: Path) -> None:
    filled("export", "--out", str(tmp_path / "by-name.zip"))
    assert zipfile.is_zipfile(tmp_path / "by-name.zip")
    filled("export", "--format", "csv", "--out", str(tmp_path))
    assert zipfile.is_zipfile(tmp_path / "selftrust-export-2026-11-24.zip")
    bad = filled("export", "--out", str(tmp_path / "x.txt"), ok=False)
    assert bad.returncode == 2 and "end the name with .json" in bad.stderr


def test_dry_run_changes_nothing(filled: Run, tmp_path: Path) -> None:
    filled("export", "--out", str(tmp_path / "a.json"))
    other = make_runner(tmp_path / "other")
    out = other("import", "--dry-run", str(tmp_path / "a.json")).stdout
    assert "Would import" in out and "nothing was changed" in out
    assert stats(other)["commitments"] == []


def test_a_bad_file_is_one_clear_line(filled: Run, tmp_path: Path) -> None:
    filled("export", "--out", str(tmp_path / "a.json"))
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    (tmp_path / "bad.json").write_text(text.replace('"kept"', '"done"', 1), encoding="utf-8")
    before = stats(filled)
    result = filled("import", str(tmp_path / "bad.json"), ok=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("selftrust import: bad.json, line ")
    assert "“done”" in lines[0]
    assert stats(filled) == before
    missing = filled("import", str(tmp_path / "nowhere.zip"), ok=False)
    assert missing.returncode == 2 and "no file or folder" in missing.stderr


def test_loop_export_import(run: Run) -> None:
    out = run("import", str(LOOP)).stdout
    assert "Loop Habit Tracker CSV export: 9 commitments" in out
    assert "Note:" in out  # a note on an unmarked day could not be kept
    again = run("import", str(LOOP)).stdout
    assert again.startswith("Nothing new")


def test_backups_and_restore_by_name(filled: Run, tmp_path: Path) -> None:
    listing = json.loads(filled("backups", "--json").stdout)
    assert listing and {"path", "taken_at", "size", "kind"} <= set(listing[0])
    daily = Path(listing[-1]["path"])
    text = filled("backups").stdout
    assert daily.name in text and "Daily" in text
    out = filled("restore", daily.name).stdout
    assert out.startswith(f"Restored {daily.name}.") and "previous data is kept at" in out
    missing = filled("restore", "selftrust-1999-01-01.db", ok=False)
    assert missing.returncode == 2 and "selftrust backups" in missing.stderr
