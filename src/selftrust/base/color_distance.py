"""How far apart two colours look, also to eyes with red-green colour blindness.

The palette is ordered so that its first colours stay apart for everyone; when a new
commitment gets a colour, the same measure keeps it away from the colours in use.
Distance is in OKLab (Björn Ottosson, 2020), the smallest over normal vision and the
Machado, Oliveira & Fernandes (2009) simulations of protanopia and deuteranopia at full
severity, applied to linear RGB.
"""

from __future__ import annotations

import math

Matrix = tuple[tuple[float, float, float], ...]

SIMULATIONS: dict[str, Matrix | None] = {
    "normal": None,
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}

RGB = tuple[float, float, float]


def linear_rgb(hex_color: str) -> RGB:
    """``#rrggbb`` as linear-light red, green and blue, 0 to 1."""

    def channel(i: int) -> float:
        c = int(hex_color[i : i + 2], 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return channel(1), channel(3), channel(5)


def oklab(rgb: RGB) -> RGB:
    r, g, b = rgb
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (max(v, 0.0) ** (1 / 3) for v in lms)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def _seen(rgb: RGB, matrix: Matrix | None) -> RGB:
    if matrix is None:
        return rgb
    r, g, b = (min(1.0, max(0.0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))
               for row in matrix)
    return r, g, b


def seen_distance(a: str, b: str) -> float:
    """The smallest OKLab distance between two colours over normal vision and the
    simulations: how alike they can look to someone."""
    ra, rb = linear_rgb(a), linear_rgb(b)
    return min(math.dist(oklab(_seen(ra, m)), oklab(_seen(rb, m))) for m in SIMULATIONS.values())
