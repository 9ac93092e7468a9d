"""The glass jar's shape and where marbles rest in it, in jar units.

Jar units: the jar is 1 wide and HEIGHT tall, y grows downwards, so everything scales
with the widget (resolution-independent) and the packing is computed once per size of
marble. Marbles pack in hexagonal rows from the bottom up, each row filled from the
middle out, so a half-full row forms a gentle mound as real marbles would.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

HEIGHT = 1.22
GLASS = 0.028  # wall thickness
NECK_TOP = 0.085  # below the lid
NECK_HALF = 0.31
BODY_HALF = 0.48
SHOULDER_TOP = 0.13
SHOULDER_BOTTOM = 0.30
CORNER = 0.11
FILL_LIMIT = 0.16  # marbles never rise above this (inside the shoulder)
MAX_RADIUS = 0.062
MIN_RADIUS = 0.0205


def outline(inset: float = 0.0) -> QPainterPath:
    """The jar's outline (``inset`` > 0 gives the inside of the glass)."""
    left, right = 0.5 - BODY_HALF + inset, 0.5 + BODY_HALF - inset
    neck_l, neck_r = 0.5 - NECK_HALF + inset, 0.5 + NECK_HALF - inset
    top, bottom = NECK_TOP + inset * 0.3, HEIGHT - inset
    corner = CORNER - inset * 0.5
    p = QPainterPath(QPointF(neck_l, top))
    p.lineTo(neck_l, SHOULDER_TOP)
    p.cubicTo(neck_l, SHOULDER_TOP + 0.06, left, SHOULDER_BOTTOM - 0.1, left, SHOULDER_BOTTOM)
    p.lineTo(left, bottom - corner)
    p.quadTo(left, bottom, left + corner, bottom)
    p.lineTo(right - corner, bottom)
    p.quadTo(right, bottom, right, bottom - corner)
    p.lineTo(right, SHOULDER_BOTTOM)
    p.cubicTo(right, SHOULDER_BOTTOM - 0.1, neck_r, SHOULDER_TOP + 0.06, neck_r, SHOULDER_TOP)
    p.lineTo(neck_r, top)
    return p


def lid() -> QRectF:
    return QRectF(0.5 - NECK_HALF - 0.045, 0.0, 2 * NECK_HALF + 0.09, NECK_TOP + 0.01)


def half_width(y: float) -> float:
    """Inside half-width of the glass at height y (jar units)."""
    inner = BODY_HALF - GLASS
    bottom = HEIGHT - GLASS
    if y >= bottom:
        return 0.0
    if y > bottom - CORNER:
        d = (y - (bottom - CORNER)) / CORNER  # 0 … 1 into the rounded corner
        return inner - CORNER * (1 - math.sqrt(max(0.0, 1 - d * d)))
    if y >= SHOULDER_BOTTOM:
        return inner
    if y <= SHOULDER_TOP:
        return NECK_HALF - GLASS
    t = (y - SHOULDER_TOP) / (SHOULDER_BOTTOM - SHOULDER_TOP)
    ease = t * t * (3 - 2 * t)
    return (NECK_HALF - GLASS) + (inner - NECK_HALF + GLASS) * ease


@dataclass(frozen=True, slots=True)
class Slot:
    x: float
    y: float
    r: float


def _jitter(n: int) -> tuple[float, float, float]:
    """Small, repeatable irregularity so the pile looks poured, not printed."""
    h = (n * 2654435761) & 0xFFFFFFFF
    a = ((h & 0xFF) / 255.0) - 0.5
    b = (((h >> 8) & 0xFF) / 255.0) - 0.5
    c = (((h >> 16) & 0xFF) / 255.0) - 0.5
    return a, b, c


@lru_cache(maxsize=64)
def slots(radius: float) -> tuple[Slot, ...]:
    """Every resting place for marbles of ``radius``, bottom row first."""
    out: list[Slot] = []
    step_y = radius * math.sqrt(3)
    y = HEIGHT - GLASS - radius * 1.02
    row = 0
    while y - radius >= FILL_LIMIT:
        hw = min(half_width(y - radius * 0.7), half_width(y), half_width(y + radius * 0.7))
        hw -= radius * 1.02
        if hw >= 0:
            offset = radius if row % 2 else 0.0
            xs = []
            k = 0
            while True:
                placed = False
                for sign in ((1,) if k == 0 and not offset else (1, -1)):
                    x = sign * (offset + 2 * radius * k)
                    if abs(x) <= hw:
                        xs.append(x)
                        placed = True
                if not placed:
                    break
                k += 1
            xs.sort(key=lambda x: (abs(x), x))
            for x in xs:
                a, b, c = _jitter(len(out))
                out.append(Slot(0.5 + x + a * radius * 0.22, y + b * radius * 0.16,
                                radius * (0.95 + c * 0.1)))
        y -= step_y
        row += 1
    return tuple(out)


@lru_cache(maxsize=256)
def radius_for(count: int) -> float:
    """The largest marble size (within bounds) at which ``count`` marbles fit."""
    r = MAX_RADIUS
    while r > MIN_RADIUS and len(slots(round(r, 5))) < count:
        r *= 0.94
    return round(max(r, MIN_RADIUS), 5)


def capacity() -> int:
    """How many marbles the jar can show at the smallest size."""
    return len(slots(round(MIN_RADIUS, 5)))
