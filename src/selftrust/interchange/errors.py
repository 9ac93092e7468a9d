"""The one exception every importer raises for a file it cannot read.

Importers read files people bring from elsewhere: a zip from another app, a backup,
a hand-edited CSV. When something is wrong the user needs to know *where* (which file
inside the zip, which line or record) and *what*, in plain words, so they can fix or
re-export it. Every importer shares this type so the CLI and the UI show one kind of
message and never a traceback.
"""

from __future__ import annotations


class ImportProblem(Exception):
    """A file that cannot be imported, with where and what went wrong.

    ``file`` names the file (for a zip: the member inside it, e.g. ``"001 Run/Checkmarks.csv"``;
    for a database: the table); ``line`` is the 1-based line (or ``None``); ``detail`` is
    the plain-words problem. ``str()`` gives the message shown to the user, e.g.
    ``Habits.csv, line 4: the frequency '0/7' is not a number of times per days``.
    """

    def __init__(self, detail: str, *, file: str | None = None, line: int | None = None) -> None:
        self.detail = detail
        self.file = file
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if not where:
            return self.detail
        return f"{', '.join(where)}: {self.detail}"

    def __str__(self) -> str:
        return self.message
