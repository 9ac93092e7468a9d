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

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.interchange.errors import ImportProblem

# TRANSLATORS: follows the name of a file and a colon ("Habits.csv, line 3: is not UTF-8
# text…"), as do the other problems of a file that start with a verb.
NOT_TEXT = N_("is not UTF-8 text (is it a binary file?)")
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
                        raise ImportProblem(_(NOT_TEXT), file=name, line=line)
                    yield line, row
                line = reader.line_num + 1
        except csv.Error as exc:
            detail = str(exc)
            if "NUL" in detail:
                message = _(NOT_TEXT)
            elif "field limit" in detail:
                limit = formats.number(csv.field_size_limit())
                if cell == "cell":
                    message = _("has a cell longer than {limit} characters").format(limit=limit)
                else:
                    message = _("has a field longer than {limit} characters").format(limit=limit)
            else:
                message = _("is not valid CSV ({reason})").format(reason=_csv_reason(detail))
            raise ImportProblem(message, file=name, line=line) from None


def _csv_reason(detail: str) -> str:
    """Python's words for a malformed CSV record, in the person's language where known."""
    if detail == "unexpected end of data":
        # TRANSLATORS: why a CSV file is not valid: a quoted cell is never closed.
        return _("unexpected end of data")
    quoted = re.fullmatch(r"'(.)' expected after '(.)'", detail)
    if quoted is not None:
        # TRANSLATORS: why a CSV file is not valid: a quote is followed by another
        # character than the separator ("“,” expected after “\"”").
        return _("“{expected}” expected after “{after}”").format(
            expected=quoted.group(1), after=quoted.group(2))
    return detail


def expect_columns(row: list[str], count: int, name: str, line: int, what: str) -> None:
    """Refuse a record of another width than ``what`` (a header, a kind of line) has."""
    if len(row) != count:
        # TRANSLATORS: a CSV line of the wrong width; {what} is e.g. "the header" or "a
        # check-mark line (Date,Value,Notes)", {count} the number of columns it has.
        text = ngettext("has {n} column, but {what} has {count}",
                        "has {n} columns, but {what} has {count}", len(row))
        raise ImportProblem(text.format(n=formats.number(len(row)), what=what,
                                        count=formats.number(count)),
                            file=name, line=line)
