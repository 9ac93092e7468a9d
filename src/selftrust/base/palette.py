"""The commitment colours and the gold of repaired marbles, read from resources/palette.json.

No Qt here: colours are ``#rrggbb`` strings (lower case, as ``QColor.name()`` gives them
and as the ``commitment.color`` column stores them).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from selftrust.base.color_distance import seen_distance
from selftrust.base.resources import resource_path

_HEX = re.compile(r"^#[0-9a-f]{6}$")
FAR_APART = 0.05
"""The least seen distance (base.color_distance) a new colour keeps from those in use
while the palette allows: what its first eight colours keep among themselves."""


class PaletteError(ValueError):
    """palette.json is not in the expected shape."""


@dataclass(frozen=True, slots=True)
class PaletteColor:
    name: str
    hex: str


@dataclass(frozen=True, slots=True)
class Gold:
    """The colour of a repaired marble, and a darker edge that reads on light backgrounds."""

    name: str
    hex: str
    edge: str


@dataclass(frozen=True, slots=True)
class Palette:
    colors: tuple[PaletteColor, ...]
    gold: Gold

    def suggest(self, used: Iterable[str] = (), retired: Iterable[str] = ()) -> str:
        """The colour for a new commitment, given the colours of the active commitments
        (``used``) and of archived ones (``retired``).

        A colour no commitment wears, else one no active commitment wears; among those,
        the first in palette order that looks far from every colour in use (FAR_APART,
        colour blindness included), else the one farthest from them. When the active
        commitments wear every colour, colours repeat in order, so the n-th commitment
        gets the (n mod size)-th colour.
        """
        taken = [c.lower() for c in used]
        free = [c.hex for c in self.colors if c.hex not in taken]
        if not free:
            return self.colors[len(taken) % len(self.colors)].hex
        old = {c.lower() for c in retired}
        fresh = [h for h in free if h not in old] or free
        active = {c for c in taken if _HEX.match(c)}

        def nearest(candidate: str) -> float:
            return min((seen_distance(candidate, c) for c in active), default=math.inf)

        return next((h for h in fresh if nearest(h) >= FAR_APART), None) or max(
            fresh, key=nearest)


def _hex(value: object, where: str) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise PaletteError(f"{where}: expected a colour like #287ccf, got {value!r}")
    return value


def parse_palette(data: object) -> Palette:
    """Check and convert the JSON document of palette.json."""
    if not isinstance(data, dict) or not isinstance(data.get("colors"), list):
        raise PaletteError("palette.json needs a 'colors' list")
    colors: list[PaletteColor] = []
    for i, entry in enumerate(data["colors"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise PaletteError(f"colors[{i}]: expected {{'name': ..., 'hex': ...}}")
        colors.append(PaletteColor(entry["name"], _hex(entry.get("hex"), f"colors[{i}]")))
    if not colors:
        raise PaletteError("palette.json lists no colours")
    gold = data.get("gold")
    if not isinstance(gold, dict) or not isinstance(gold.get("name"), str):
        raise PaletteError("palette.json needs a 'gold' entry with name, hex and edge")
    return Palette(
        tuple(colors),
        Gold(gold["name"], _hex(gold.get("hex"), "gold"), _hex(gold.get("edge"), "gold edge")),
    )


def load_palette(path: Path | None = None) -> Palette:
    """Read a palette file (default: the one shipped in resources)."""
    source = path if path is not None else resource_path("palette.json")
    return parse_palette(json.loads(source.read_text(encoding="utf-8")))


@cache
def palette() -> Palette:
    """The shipped palette, read once."""
    return load_palette()


def commitment_colors() -> list[PaletteColor]:
    """The commitment colours in the order new commitments should get them."""
    return list(palette().colors)


def gold() -> Gold:
    return palette().gold
