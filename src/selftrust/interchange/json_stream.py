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

from selftrust.interchange.errors import ImportProblem

CHUNK = 1 << 20
MAX_VALUE_CHARS = 16 << 20
"""No single value (an array element, a setting) may be longer than this."""

_SPACE = re.compile(r"[ \t\r\n]*")
_COMMA = re.compile(r"[ \t\r\n]*,")


class _NeedMore(Exception):
    pass


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
            raise self.problem("is not UTF-8 text (is it a binary file?)") from None
        if "\x00" in more:
            raise self.problem("is not UTF-8 text (is it a binary file?)")
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
        found = self.peek()
        if found != char:
            shown = f"“{found}”" if found else "the end of the file"
            cut = " (the file seems cut short)" if not found else ""
            raise self.problem(f"expected {what} but found {shown}{cut}")
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
                what = what[:1].lower() + what[1:]
                if self._eof and not self._buf.rstrip().endswith("}"):
                    # A whole document ends with "}"; this one stops in the middle.
                    raise self.problem(
                        f"is not valid JSON ({what}); the file seems cut short", line
                    ) from None
                if len(self._buf) - self._pos >= MAX_VALUE_CHARS:
                    raise self.problem(
                        f"holds a value longer than {MAX_VALUE_CHARS:,} characters"
                    ) from None
                raise self.problem(f"is not valid JSON ({what})", line) from None
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
                raise self.problem("expected a name in quotes", line)
            self.expect(":", "“:” after a name")
            yield key
            if self.peek() == ",":
                self._advance(self._pos + 1)
                continue
            self.expect("}", "“,” or “}”")
            return

    def items(self) -> Iterator[tuple[int, Any]]:
        """The elements of an array as (line where it starts, value)."""
        self.expect("[", "a list “[”")
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
            self.expect("]", "“,” or “]”")
            return

    def end(self) -> None:
        """Only white space may follow the document."""
        if self.peek():
            raise self.problem("has more text after the end of the JSON document")
