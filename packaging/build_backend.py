"""setuptools' build backend, with the translation catalogues compiled first.

The ``.po`` files are the sources (committed, what translators edit); the ``.mo`` files
the app reads are built here, at every install (wheel, editable or sdist), into
``resources/locale/<code>/LC_MESSAGES`` so they ship inside the package and, from there,
the PyInstaller folder. pyproject.toml names this module with ``backend-path``.
"""

from __future__ import annotations

from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every other hook stays setuptools'


def _compile_catalogues() -> None:
    from catalogues import compile_all

    compile_all()


def build_wheel(wheel_directory: str, config_settings: Any = None,
                metadata_directory: str | None = None) -> str:
    _compile_catalogues()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory: str, config_settings: Any = None,
                   metadata_directory: str | None = None) -> str:
    _compile_catalogues()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory: str, config_settings: Any = None) -> str:
    _compile_catalogues()
    return _setuptools.build_sdist(sdist_directory, config_settings)
