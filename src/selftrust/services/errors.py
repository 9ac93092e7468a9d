"""Errors a person can act on. The CLI prints the message as one line; the UI shows it.

Messages are written for the user: what is wrong and what to do, warmly, without codes.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an impossible request: nothing was changed."""


class NotFound(UserError):
    pass


class Invalid(UserError):
    pass


class DataProblem(UserError):
    """The data folder cannot be used as it is (damaged, foreign, from a newer version,
    locked). Nothing was written; ``path`` names the file, ``kind`` says which problem."""

    def __init__(self, message: str, *, path: str, kind: str) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind
