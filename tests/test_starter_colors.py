"""Starter commitments wear calm colours: a kept row is tinted in its colour, and a red
one (a kept "No more than 2 coffees" in brick red) reads like an error."""

from __future__ import annotations

import colorsys
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STARTERS = json.loads(
    (REPO / "resources" / "starter_commitments.json").read_text(encoding="utf-8")
)["commitments"]


def hue(hex_color: str) -> float:
    r, g, b = (int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def test_no_starter_wears_a_warning_red() -> None:
    reds = {s["title"]: s["color"] for s in STARTERS
            if hue(s["color"]) >= 330 or hue(s["color"]) <= 20}
    assert reds == {}
