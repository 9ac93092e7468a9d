"""Render the application icon's PNG sizes from its SVG masters with QtSvg.

    python packaging/render_icons.py           # (re)write the PNGs
    python packaging/render_icons.py --check   # exit 1 when a PNG is missing or out of date

The detailed drawing ``io.github.selftrust.SelfTrust.svg`` gives 32 px and up; the
pixel-fitted ``io.github.selftrust.SelfTrust-16.svg`` gives 16 and 24 px, where the
detailed one would blur. The PNGs go to resources/icons/app/hicolor/<N>x<N>/apps/, laid
out as in the freedesktop hicolor theme so packaging can copy the tree as it is.
Runs headless (the offscreen Qt platform); needs only PySide6 with QtSvg.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.selftrust.SelfTrust"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_SIZES = (16, 24)
ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"

# Renders from another Qt version may differ in anti-aliasing by a few levels; a PNG is
# out of date when more than this share of its pixels differ by more than PIXEL_TOLERANCE.
PIXEL_TOLERANCE = 32
CHANGED_SHARE = 0.01


@dataclass(frozen=True)
class Target:
    size: int
    svg: Path
    png: Path


def targets(icon_dir: Path = ICON_DIR) -> list[Target]:
    """Every PNG to render: its size, the SVG master it comes from and where it goes."""
    big = icon_dir / f"{APP_ID}.svg"
    small = icon_dir / f"{APP_ID}-16.svg"
    return [
        Target(n, small if n in SMALL_SIZES else big,
               icon_dir / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png")
        for n in SIZES
    ]


_app: QGuiApplication | None = None


def _ensure_gui() -> None:
    """QtSvg needs a QGuiApplication; make a headless one unless the caller has one."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0]])


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent size×size image (straight, not premultiplied, alpha)."""
    _ensure_gui()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that QtSvg can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)


def changed_share(a: QImage, b: QImage) -> float:
    """The share of pixels with a channel off by more than PIXEL_TOLERANCE (1.0: sizes differ)."""
    if a.size() != b.size():
        return 1.0
    diff = np.abs(_pixels(a).astype(np.int16) - _pixels(b).astype(np.int16)).max(axis=2)
    return float((diff > PIXEL_TOLERANCE).mean())


def stale(icon_dir: Path = ICON_DIR) -> list[Path]:
    """The PNGs that are missing or no longer match their SVG."""
    out: list[Path] = []
    for t in targets(icon_dir):
        if not t.png.exists():
            out.append(t.png)
            continue
        if changed_share(render(t.svg, t.size), QImage(str(t.png))) > CHANGED_SHARE:
            out.append(t.png)
    return out


def write_all(icon_dir: Path = ICON_DIR) -> list[Path]:
    written: list[Path] = []
    for t in targets(icon_dir):
        t.png.parent.mkdir(parents=True, exist_ok=True)
        if not render(t.svg, t.size).save(str(t.png), "PNG"):
            raise OSError(f"could not write {t.png}")
        written.append(t.png)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a PNG is missing or out of date")
    parser.add_argument("--icon-dir", type=Path, default=ICON_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale(args.icon_dir)
        for png in out_of_date:
            print(f"out of date: {png}", file=sys.stderr)
        if out_of_date:
            print("run: python packaging/render_icons.py", file=sys.stderr)
        return 1 if out_of_date else 0
    for png in write_all(args.icon_dir):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
