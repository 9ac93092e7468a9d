"""SVG icons recoloured for the current palette.

The icons are drawn in pure black (#000000); here the black is swapped for the text
colour, so one set of files serves light and dark themes at any scaling.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from selftrust.resources_path import resource_path

_SIZES = (16, 20, 24, 32, 48, 64)


@lru_cache(maxsize=64)
def _svg_text(name: str) -> str:
    return resource_path("icons", "ui", f"{name}.svg").read_text(encoding="utf-8")


def _render(svg: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    side = max(1, round(size * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@lru_cache(maxsize=512)
def _icon(name: str, color: str, ratio: float) -> QIcon:
    svg = _svg_text(name).replace("#000000", color).replace("#000", color)
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(svg, size, ratio))
    return result


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The named UI icon in ``color`` (default: the palette's text colour)."""
    if color is None:
        color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    text = color.name() if isinstance(color, QColor) else color
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    return _icon(name, text, ratio)


def pixmap(name: str, size: int, color: QColor | str | None = None) -> QPixmap:
    return icon(name, color).pixmap(QSize(size, size))


def app_icon() -> QIcon:
    result = QIcon()
    base = resource_path("icons", "app")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = base / "hicolor" / f"{size}x{size}" / "apps" / "io.github.selftrust.SelfTrust.png"
        if png.exists():
            result.addFile(str(png), QSize(size, size))
    return result


def clear_cache() -> None:
    """After a theme change, icons are re-rendered in the new text colour."""
    _icon.cache_clear()
