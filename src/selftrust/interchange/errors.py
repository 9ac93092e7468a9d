"""The one exception every importer raises for a file it cannot read.

Importers read files people bring from elsewhere: a zip from another app, a backup,
a hand-edited CSV. When something is wrong the user needs to know *where* (which file
inside the zip, which line or record) and *what*, in plain words, so they can fix or
re-export it. Every importer shares this type so the CLI and the UI show one kind of
message and never a traceback.
"""

from __future__ import annotations

from selftrust.base.i18n import _


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
        if self.file and self.line is not None:
            # TRANSLATORS: where a problem of an imported file is: the file (or the file
            # inside a zip), the line, and the problem in plain words.
            return _("{file}, line {line}: {problem}").format(
                file=self.file, line=self.line, problem=self.detail)
        if self.file:
            # TRANSLATORS: a file and what is wrong with it; the problem often goes on
            # from the name ("Habits.csv: is not UTF-8 text").
            return _("{file}: {problem}").format(file=self.file, problem=self.detail)
        if self.line is not None:
            return _("line {line}: {problem}").format(line=self.line, problem=self.detail)
        return self.detail

    def __str__(self) -> str:
        return self.message


def cannot_be_read(exc: OSError) -> str:
    """ "cannot be read (Permission denied)": said after a file's name and a colon."""
    # TRANSLATORS: follows a file's name and a colon; {reason} is the system's own words.
    return _("cannot be read ({reason})").format(reason=exc.strerror or exc)
