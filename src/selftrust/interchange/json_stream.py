"""Read a large JSON document piece by piece, with line numbers for every problem.

``json.load`` builds the whole document in memory: for an export with a million
check-ins that is well over a gigabyte of Python objects. This reader keeps a window
of the text (a megabyte or so) and decodes one value at a time with the standard
decoder's ``raw_decode``, so an import's memory stays flat however long the file is,
and any JSON layout works (pretty-printed, on one line, keys in any order).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.interchange.csv_rows import NOT_TEXT
from selftrust.interchange.errors import ImportProblem

CHUNK = 1 << 20
MAX_VALUE_CHARS = 16 << 20
"""No single value (an array element, a setting) may be longer than this."""

_SPACE = re.compile(r"[ \t\r\n]*")
_COMMA = re.compile(r"[ \t\r\n]*,")


class _NeedMore(Exception):
    pass


# Python's words for what is wrong in a JSON text (``JSONDecodeError.msg``, first letter
# lowered, "at"/"starting" taken off), in the person's language where known.
_DECODER_WORDS = {
    "expecting value": N_("expecting value"),
    "expecting property name enclosed in double quotes":
        N_("expecting property name enclosed in double quotes"),
    "expecting ':' delimiter": N_("expecting ':' delimiter"),
    "expecting ',' delimiter": N_("expecting ',' delimiter"),
    "unterminated string": N_("unterminated string"),
    "invalid control character": N_("invalid control character"),
    "invalid \\escape": N_("invalid \\escape"),
    "invalid \\uXXXX escape": N_("invalid \\uXXXX escape"),
    "extra data": N_("extra data"),
    "illegal trailing comma before end of object":
        N_("illegal trailing comma before end of object"),
    "illegal trailing comma before end of array":
        N_("illegal trailing comma before end of array"),
}  # fmt: skip


def _decoder_words(what: str) -> str:
    known = _DECODER_WORDS.get(what)
    return what if known is None else _(known)


class JsonStream:
    """A cursor over one JSON document; ``line`` is where the next value starts."""

    def __init__(self, text: TextIO, name: str, chunk: int | None = None) -> None:
        self._text = text
        self._name = name
        self._chunk = chunk or CHUNK
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # the line at self._counted; lines are counted only when asked
        self._counted = 0
        self._decoder = json.JSONDecoder()

    @property
    def line(self) -> int:
        """The line of the current position (1-based)."""
        if self._counted != self._pos:
            self._line += self._buf.count("\n", self._counted, self._pos)
            self._counted = self._pos
        return self._line

    def problem(self, detail: str, line: int | None = None) -> ImportProblem:
        return ImportProblem(detail, file=self._name, line=self.line if line is None else line)

    # --- reading the text -------------------------------------------------------------
    def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            more = self._text.read(self._chunk)
        except UnicodeDecodeError:
            raise self.problem(_(NOT_TEXT)) from None
        if "\x00" in more:
            raise self.problem(_(NOT_TEXT))
        if not more:
            self._eof = True
            return False
        self.line  # noqa: B018 - count the lines of the text about to be dropped
        self._buf = self._buf[self._pos :] + more
        self._pos = self._counted = 0
        return True

    def _advance(self, to: int) -> None:
        self._pos = to

    def skip_space(self) -> None:
        while True:
            m = _SPACE.match(self._buf, self._pos)
            assert m is not None
            self._advance(m.end())
            if self._pos < len(self._buf) or not self._fill():
                return

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        self.skip_space()
        return self._buf[self._pos] if self._pos < len(self._buf) else ""

    def expect(self, char: str, what: str) -> None:
        """The next character must be ``char``; ``what`` says it in words ("“:” after a
        name"), for the message when it is not."""
        found = self.peek()
        if found != char:
            if found:
                # TRANSLATORS: a JSON file is not as expected; {what} is e.g. "“:” after
                # a name", {found} the character found instead.
                text = _("expected {what} but found “{found}”").format(what=what, found=found)
            else:
                text = _("expected {what} but found the end of the file (the file seems "
                         "cut short)").format(what=what)
            raise self.problem(text)
        self._advance(self._pos + 1)

    # --- values ---------------------------------------------------------------------
    def value(self) -> Any:
        """Decode the next value whole."""
        self.skip_space()
        while True:
            try:
                obj, end = self._decoder.raw_decode(self._buf, self._pos)
                # A number at the very end of the window may continue in the next chunk.
                if end == len(self._buf) and not self._eof:
                    raise _NeedMore
            except _NeedMore:
                self._fill()
                continue
            except json.JSONDecodeError as exc:
                if not self._eof and len(self._buf) - self._pos < MAX_VALUE_CHARS:
                    self._fill()
                    continue
                line = self.line + self._buf.count("\n", self._pos, exc.pos)
                what = exc.msg.removesuffix(" at").removesuffix(" starting")
                what = _decoder_words(what[:1].lower() + what[1:])
                if self._eof and not self._buf.rstrip().endswith("}"):
                    # A whole document ends with "}"; this one stops in the middle.
                    raise self.problem(
                        _("is not valid JSON ({reason}); the file seems cut short").format(
                            reason=what), line
                    ) from None
                if len(self._buf) - self._pos >= MAX_VALUE_CHARS:
                    raise self.problem(
                        _("holds a value longer than {limit} characters").format(
                            limit=formats.number(MAX_VALUE_CHARS))
                    ) from None
                raise self.problem(_("is not valid JSON ({reason})").format(reason=what),
                                   line) from None
            self._advance(end)
            return obj

    def members(self) -> Iterator[str]:
        """The keys of an object, one by one; the caller reads each value before the next."""
        self.expect("{", "“{”")
        if self.peek() == "}":
            self._advance(self._pos + 1)
            return
        while True:
            line = self.line
            key = self.value() if self.peek() == '"' else None
            if not isinstance(key, str):
                raise self.problem(_("expected a name in quotes"), line)
            self.expect(":", _("“:” after a name"))
            yield key
            if self.peek() == ",":
                self._advance(self._pos + 1)
                continue
            self.expect("}", _("“,” or “}”"))
            return

    def items(self) -> Iterator[tuple[int, Any]]:
        """The elements of an array as (line where it starts, value)."""
        self.expect("[", _("a list “[”"))
        if self.peek() == "]":
            self._advance(self._pos + 1)
            return
        while True:
            self.skip_space()
            yield self.line, self.value()
            comma = _COMMA.match(self._buf, self._pos)  # the usual case, in one step
            if comma is not None:
                self._pos = comma.end()
                continue
            if self.peek() == ",":
                self._advance(self._pos + 1)
                continue
            self.expect("]", _("“,” or “]”"))
            return

    def end(self) -> None:
        """Only white space may follow the document."""
        if self.peek():
            raise self.problem(_("has more text after the end of the JSON document"))
