"""SVG icons recoloured for the current palette.

The icons are drawn in pure black (#000000); here the black is swapped for the text
colour, so one set of files serves light and dark themes at any scaling.

An icon without a fixed colour is a `PaletteIcon` engine: it picks the colour each time
it is painted, so switching light/dark (Preferences, or the desktop changing its
scheme) recolours every action, button and menu at once, not after a restart. The
rendered pixmaps are cached per colour, size and pixel ratio, so a paint costs a lookup.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from selftrust.base.resources import resource_path
from selftrust.ui.look.screens import nullable, primary_screen

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


@lru_cache(maxsize=1024)
def _pixmap(name: str, color: str, size: int, ratio: float) -> QPixmap:
    svg = _svg_text(name).replace("#000000", color).replace("#000", color)
    return _render(svg, size, ratio)


def ink(mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """The colour an icon is drawn in now: the palette's text, muted when disabled, and
    the highlighted text colour on a selected (highlighted) item."""
    palette = QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode is QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.WindowText).name()


class PaletteIcon(QIconEngine):
    """An icon that follows the application palette (see the module docstring)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(  # noqa: N802 - Qt's name
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        return _pixmap(self.name, ink(mode), side, float(scale))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        device = nullable(painter.device())
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        side = max(1, min(rect.width(), rect.height()))
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        painter.drawPixmap(target, _pixmap(self.name, ink(mode), side, ratio))

    def actualSize(self, size: QSize, mode: QIcon.Mode,  # noqa: N802 - Qt's name
                   state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,  # noqa: N802
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(s, s) for s in _SIZES]

    def clone(self) -> QIconEngine:
        return PaletteIcon(self.name)

    def key(self) -> str:
        return "selftrust-palette-icon"

    def iconName(self) -> str:  # noqa: N802 - Qt's name
        return self.name


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The named UI icon: in the palette's text colour, following theme switches, or in
    a fixed ``color`` (an accent, a commitment's colour)."""
    if color is None:
        return QIcon(PaletteIcon(name))
    text = color.name() if isinstance(color, QColor) else color
    screen = primary_screen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    return _icon(name, text, ratio)


def pixmap(name: str, size: int, color: QColor | str | None = None) -> QPixmap:
    """A still picture of the icon; made again after a palette change if it should
    follow the theme (see EmptyState)."""
    if color is None:
        color = ink()
    text = color.name() if isinstance(color, QColor) else color
    screen = primary_screen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    return _pixmap(name, text, size, ratio)


def app_icon() -> QIcon:
    result = QIcon()
    base = resource_path("icons", "app")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = base / "hicolor" / f"{size}x{size}" / "apps" / "io.github.selftrust.SelfTrust.png"
        if png.exists():
            result.addFile(str(png), QSize(size, size))
    return result


def clear_cache() -> None:
    """Drop rendered pictures (icons already follow a theme change by themselves)."""
    _icon.cache_clear()
    _pixmap.cache_clear()
