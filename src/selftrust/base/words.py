"""Counting words for human output: "1 marble", "2 marbles", never "1 marbles".

One helper for every layer that writes a count for a person to read (the command line,
services' messages, the window), so no line has to remember the singular by itself.
"""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and its noun, singular for exactly one: counted(3, "miss", "misses")."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
