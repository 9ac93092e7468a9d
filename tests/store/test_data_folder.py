"""The data folder: where it is, which choice wins, and that it is private."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_helpers import mode

from selftrust.store import paths
from selftrust.store.errors import DataFolderProblem
from selftrust.store.paths import ENV_VAR, DataFolder

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def standard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "standard" / "selftrust"
    monkeypatch.setattr(paths, "standard_root", lambda: root)
    monkeypatch.delenv(ENV_VAR, raising=False)
    return root


def test_standard_folder_when_nothing_is_chosen(standard: Path) -> None:
    folder = DataFolder.resolve()
    assert folder.root == standard
    assert folder.standard


def test_environment_variable_beats_standard(
    standard: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    folder = DataFolder.resolve()
    assert folder.root == (tmp_path / "from-env").resolve()
    assert not folder.standard


def test_explicit_argument_beats_environment(
    standard: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    folder = DataFolder.resolve(tmp_path / "explicit")
    assert folder.root == (tmp_path / "explicit").resolve()


def test_empty_values_count_as_not_given(
    standard: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, "")
    assert DataFolder.resolve("").root == standard


def test_home_is_expanded(standard: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert DataFolder.resolve("~/mine").root == (tmp_path / "mine").resolve()


def test_environment_mapping_can_be_passed(standard: Path, tmp_path: Path) -> None:
    folder = DataFolder.resolve(environ={ENV_VAR: str(tmp_path / "given")})
    assert folder.root == (tmp_path / "given").resolve()


def test_standard_root_is_the_platform_data_folder() -> None:
    root = paths.standard_root()
    assert root.name == "selftrust"
    assert root.is_absolute()


def test_names_inside_the_folder(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path)
    assert folder.database == tmp_path / "selftrust.db"
    assert folder.backups == tmp_path / "backups"
    assert folder.log_dir == tmp_path / "logs"
    assert folder.log_file.parent == folder.log_dir


@posix_only
def test_ensure_creates_private_folders(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = DataFolder(tmp_path / "a" / "data").ensure()
    finally:
        os.umask(old)
    for path in (folder.root, folder.backups, folder.log_dir):
        assert path.is_dir()
        assert mode(path) == 0o700


@posix_only
def test_ensure_tightens_folders_that_are_ours(standard: Path) -> None:
    for path in (standard, standard / "backups", standard / "logs"):
        path.mkdir(parents=True)
        path.chmod(0o755)
    DataFolder.resolve().ensure()
    for path in (standard, standard / "backups", standard / "logs"):
        assert mode(path) == 0o700


@posix_only
def test_ensure_leaves_a_chosen_existing_folder_as_it_is(tmp_path: Path) -> None:
    chosen = tmp_path / "my-data"
    chosen.mkdir()
    chosen.chmod(0o755)
    folder = DataFolder.resolve(chosen).ensure()
    assert mode(chosen) == 0o755
    assert mode(folder.backups) == 0o700


def test_ensure_is_idempotent(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    assert folder.ensure() is folder
    folder.ensure()


def test_a_file_where_the_folder_should_be_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderProblem, match="data"):
        DataFolder(blocker).ensure()
