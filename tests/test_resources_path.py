"""resource_path finds the resources folder installed, in a checkout and frozen."""

from __future__ import annotations

from pathlib import Path

import pytest

from selftrust.base.resources import (
    ResourceNotFoundError,
    find_resources_dir,
    resource_candidates,
    resource_path,
    resources_dir,
)

REPO = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_the_top_level_resources_folder() -> None:
    assert resources_dir() == REPO / "resources"
    assert resource_path() == REPO / "resources"


def test_resource_path_joins_parts() -> None:
    path = resource_path("icons", "ui", "kept.svg")
    assert path == REPO / "resources" / "icons" / "ui" / "kept.svg"
    assert path.is_file()
    assert resource_path("icons/ui/kept.svg") == path


def test_missing_resource_names_what_is_missing() -> None:
    with pytest.raises(ResourceNotFoundError, match="no-such-file.svg"):
        resource_path("icons", "no-such-file.svg")


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("icons", "..", "..", "README.md")])
def test_paths_outside_the_folder_are_refused(parts: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="inside the resources folder"):
        resource_path(*parts)


def test_absolute_paths_are_refused() -> None:
    with pytest.raises(ValueError, match="inside the resources folder"):
        resource_path(str(REPO / "pyproject.toml"))


def _layout(root: Path, *folders: str) -> Path:
    for folder in folders:
        (root / folder).mkdir(parents=True)
    return root


def test_installed_package_folder_wins_over_a_checkout(tmp_path: Path) -> None:
    # site-packages/selftrust/resources next to the module, and a stray ../../resources
    root = _layout(tmp_path, "lib/selftrust/resources", "resources")
    assert find_resources_dir(root / "lib" / "selftrust") == root / "lib/selftrust/resources"


def test_checkout_layout(tmp_path: Path) -> None:
    root = _layout(tmp_path, "src/selftrust", "resources")
    assert find_resources_dir(root / "src" / "selftrust") == root / "resources"


def test_pyinstaller_bundle_wins(tmp_path: Path) -> None:
    root = _layout(tmp_path, "bundle/_internal/selftrust/resources", "src/selftrust/resources")
    meipass = str(root / "bundle" / "_internal")
    found = find_resources_dir(root / "src" / "selftrust", meipass=meipass)
    assert found == root / "bundle/_internal/selftrust/resources"


def test_empty_meipass_is_ignored(tmp_path: Path) -> None:
    root = _layout(tmp_path, "src/selftrust", "resources")
    assert find_resources_dir(root / "src" / "selftrust", meipass="") == root / "resources"
    assert len(resource_candidates(root / "src" / "selftrust", meipass="")) == 2


def test_nothing_found_is_a_clear_error_naming_every_place(tmp_path: Path) -> None:
    package = _layout(tmp_path, "src/selftrust") / "src" / "selftrust"
    with pytest.raises(ResourceNotFoundError) as caught:
        find_resources_dir(package, meipass=str(tmp_path / "frozen"))
    message = str(caught.value)
    assert "cannot find its resources folder" in message
    for candidate in resource_candidates(package, meipass=str(tmp_path / "frozen")):
        assert str(candidate) in message
