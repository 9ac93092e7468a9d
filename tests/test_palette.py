"""The commitment palette: readable on light and dark, colour-blind aware, gold kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selftrust.base.color_distance import linear_rgb, seen_distance
from selftrust.base.palette import (
    Gold,
    Palette,
    PaletteColor,
    PaletteError,
    commitment_colors,
    gold,
    load_palette,
    palette,
    parse_palette,
)

LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#202020"


def _luminance(hex_color: str) -> float:
    r, g, b = linear_rgb(hex_color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_shipped_palette_loads() -> None:
    colors = commitment_colors()
    assert 12 <= len(colors) <= 16
    assert all(isinstance(c, PaletteColor) for c in colors)
    assert len({c.name for c in colors}) == len(colors), "colour names repeat"
    assert len({c.hex for c in colors}) == len(colors), "colours repeat"
    assert all(c.name and c.name[0].isupper() for c in colors)
    assert gold().hex not in {c.hex for c in colors}, "gold is reserved for repaired marbles"
    assert palette() is palette()


@pytest.mark.parametrize("background", [LIGHT_BACKGROUND, DARK_BACKGROUND])
def test_every_colour_reads_on_light_and_dark(background: str) -> None:
    weak = {
        c.name: round(_contrast(c.hex, background), 2)
        for c in commitment_colors()
        if _contrast(c.hex, background) < 3.0
    }
    assert not weak, f"below 3:1 contrast on {background}: {weak}"


def test_gold_edge_reads_on_light_and_gold_on_dark() -> None:
    assert _contrast(gold().edge, LIGHT_BACKGROUND) >= 3.0
    assert _contrast(gold().hex, DARK_BACKGROUND) >= 3.0


@pytest.mark.parametrize(("first", "least_distance"), [(2, 0.2), (4, 0.09), (8, 0.05)])
def test_first_colours_stay_apart_for_colour_blind_eyes(first: int, least_distance: float) -> None:
    colors = commitment_colors()[:first]
    closest = min(
        (seen_distance(a.hex, b.hex), a.name, b.name)
        for i, a in enumerate(colors)
        for b in colors[:i]
    )
    assert closest[0] >= least_distance, f"{closest[1]} and {closest[2]} look too alike"


def test_every_colour_is_told_apart_from_gold() -> None:
    assert min(seen_distance(c.hex, gold().hex) for c in commitment_colors()) >= 0.07


def test_suggest_takes_the_first_unused_colour_then_cycles() -> None:
    p = palette()
    hexes = [c.hex for c in p.colors]
    assert p.suggest() == hexes[0]
    assert p.suggest([hexes[0].upper()]) == hexes[1]
    assert p.suggest([hexes[1]]) == hexes[0]
    assert p.suggest(hexes) == hexes[0]
    assert p.suggest(hexes + [hexes[0]]) == hexes[1]


def test_load_palette_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "palette.json"
    path.write_text(
        json.dumps(
            {
                "colors": [{"name": "Blue", "hex": "#0000ff"}],
                "gold": {"name": "Gold", "hex": "#ffd700", "edge": "#806000"},
            }
        ),
        encoding="utf-8",
    )
    assert load_palette(path) == Palette(
        (PaletteColor("Blue", "#0000ff"),), Gold("Gold", "#ffd700", "#806000")
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "'colors' list"),
        ({"colors": []}, "no colours"),
        ({"colors": [{"name": "Blue", "hex": "blue"}]}, r"colors\[0\]"),
        ({"colors": [{"name": "Blue", "hex": "#0000FF"}]}, r"colors\[0\]"),
        ({"colors": [{"hex": "#0000ff"}]}, r"colors\[0\]"),
        ({"colors": [{"name": "Blue", "hex": "#0000ff"}]}, "'gold' entry"),
        (
            {
                "colors": [{"name": "Blue", "hex": "#0000ff"}],
                "gold": {"name": "G", "hex": "#ffd700"},
            },
            "gold edge",
        ),
    ],
)
def test_malformed_palettes_are_refused(data: object, message: str) -> None:
    with pytest.raises(PaletteError, match=message):
        parse_palette(data)


def test_suggest_leaves_archived_colours_and_keeps_away_from_active_ones() -> None:
    p = palette()
    ocean, tangerine, raspberry = (c.hex for c in p.colors[:3])
    violet = next(c.hex for c in p.colors if c.name == "Violet")
    # An archived commitment's colour is passed over while another is free.
    assert p.suggest([tangerine], retired=[ocean]) == raspberry
    # Ocean is free but looks like the active Violet: the next colour far from it.
    assert seen_distance(ocean, violet) < 0.05
    assert p.suggest([violet]) == tangerine
    # With every colour worn by someone, one not worn by an active commitment.
    everyone = [c.hex for c in p.colors]
    assert p.suggest(everyone[1:], retired=everyone[:1]) == ocean
