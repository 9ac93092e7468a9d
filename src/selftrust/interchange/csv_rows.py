"""CSV records with the line each starts on, for every CSV file an importer reads.

A person fixing a file needs the line a problem is on, and a quoted cell can span
lines, so the reader counts lines itself. Bytes that are not UTF-8 are decoded as
stand-ins and refused with the line they are on (a strict decoder, working in large
chunks, could not tell which line that is).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Generator
from typing import IO

from selftrust.base.words import counted
from selftrust.interchange.errors import ImportProblem

NOT_TEXT = "is not UTF-8 text (is it a binary file?)"
_NOT_TEXT = re.compile("[\x00\udc80-\udcff]")


def numbered_rows(raw: IO[bytes], name: str, *, cell: str = "field"
                  ) -> Generator[tuple[int, list[str]], None, None]:
    """Yield (line where the record starts, cells) from ``raw`` (closed after), skipping
    blank lines. ``cell`` is the word for one cell in the message about an overlong one."""
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        reader = csv.reader(text, strict=True)
        line = 1
        try:
            for row in reader:
                if row:
                    if _NOT_TEXT.search("".join(row)):
                        raise ImportProblem(NOT_TEXT, file=name, line=line)
                    yield line, row
                line = reader.line_num + 1
        except csv.Error as exc:
            detail = str(exc)
            if "NUL" in detail:
                message = NOT_TEXT
            elif "field limit" in detail:
                message = f"has a {cell} longer than {csv.field_size_limit():,} characters"
            else:
                message = f"is not valid CSV ({detail})"
            raise ImportProblem(message, file=name, line=line) from None


def expect_columns(row: list[str], count: int, name: str, line: int, what: str) -> None:
    """Refuse a record of another width than ``what`` (a header, a kind of line) has."""
    if len(row) != count:
        raise ImportProblem(f"has {counted(len(row), 'column')}, but {what} has {count}",
                            file=name, line=line)
