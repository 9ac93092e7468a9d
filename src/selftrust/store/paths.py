"""Where the user's data lives: one folder with the database, its backups and the log.

The folder is, in order of precedence: the one given explicitly (the CLI's
``--data-dir``), the ``SELFTRUST_DATA_DIR`` environment variable, or the platform's
standard data folder for the app name ``selftrust``:

- Linux: ``$XDG_DATA_HOME/selftrust`` (usually ``~/.local/share/selftrust``)
- macOS: ``~/Library/Application Support/selftrust``
- Windows: ``%LOCALAPPDATA%\\selftrust``

Keeping everything in one folder makes "where is my data?" a one-line answer and lets
tests and the CLI point at a throw-away folder with a single argument.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from selftrust.store.errors import DataFolderProblem
from selftrust.store.files import ensure_private_dir

APP_DIR_NAME = "selftrust"
ENV_VAR = "SELFTRUST_DATA_DIR"
DATABASE_NAME = "selftrust.db"


def standard_root() -> Path:
    """The platform's per-user data folder for Self-Trust (not created here)."""
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False, roaming=False)


@dataclass(frozen=True, slots=True)
class DataFolder:
    """The data folder and the fixed names inside it.

    ``standard`` is True for the platform folder, which is ours by name, so its mode
    may be tightened; a folder the user chose keeps the mode the user gave it.
    """

    root: Path
    standard: bool = False

    @classmethod
    def resolve(
        cls,
        explicit: str | os.PathLike[str] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> DataFolder:
        """Pick the folder: explicit argument, then ``SELFTRUST_DATA_DIR``, then standard."""
        env = os.environ if environ is None else environ
        chosen = explicit if explicit not in (None, "") else env.get(ENV_VAR) or None
        if chosen is None:
            return cls(standard_root(), standard=True)
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "selftrust.log"

    def ensure(self) -> DataFolder:
        """Create the folder, ``backups/`` and ``logs/`` owner-only (0700); returns self."""
        try:
            ensure_private_dir(self.root, tighten_existing=self.standard)
            ensure_private_dir(self.backups, tighten_existing=True)
            ensure_private_dir(self.log_dir, tighten_existing=True)
        except OSError as exc:
            raise DataFolderProblem(self.root, exc.strerror or str(exc)) from exc
        return self
