"""The rotating log file in the data folder, readable by its owner only.

Logs can quote commitment titles or file names, so like the database they are
created with mode 0600. The app's start-up code attaches this handler; the store
only knows where the file goes and how it is opened.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler

from selftrust.store.files import PRIVATE_FILE
from selftrust.store.paths import DataFolder

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _private_opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, PRIVATE_FILE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE)
    return fd


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files (current and rotated) are 0600."""

    def _open(self) -> TextIOWrapper:
        return open(
            self.baseFilename,
            "a",  # what RotatingFileHandler always uses; rotation never truncates
            encoding=self.encoding,
            errors=self.errors,
            opener=_private_opener,
        )

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log line that cannot be written (a full disk, a read-only folder) is dropped.

        logging's default prints a traceback to stderr, which would bury the one clear
        line the CLI owes the user under forty lines about the log file."""


def log_handler(
    folder: DataFolder, *, max_bytes: int = 1_000_000, backup_count: int = 3
) -> logging.Handler:
    """A handler writing ``<data folder>/logs/selftrust.log``, rotated at ``max_bytes``."""
    folder.ensure()
    handler = PrivateRotatingFileHandler(
        folder.log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler
