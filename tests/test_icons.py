"""UI icons follow one convention; the app icon's PNGs match its SVGs."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from selftrust import APP_ID

REPO = Path(__file__).resolve().parents[1]
UI_ICONS = REPO / "resources" / "icons" / "ui"
APP_ICONS = REPO / "resources" / "icons" / "app"
SVG_NS = "{http://www.w3.org/2000/svg}"

REQUIRED_UI_ICONS = (
    "today streaks jar charts reflections add edit archive restore delete undo redo "
    "previous-day next-day calendar note settings skip missed kept reflect search export "
    "import backup help pause"
).split()
ALLOWED_ELEMENTS = {"svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline",
                    "polygon", "title"}
COLOR_ATTRIBUTES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")
FORBIDDEN_ATTRIBUTES = ("style", "opacity", "fill-opacity", "stroke-opacity", "class",
                        "transform")


def _ui_icons() -> list[Path]:
    return sorted(UI_ICONS.glob("*.svg"))


def _render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid(), f"QtSvg cannot draw {svg.name}"
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def test_every_required_ui_icon_exists() -> None:
    missing = [n for n in REQUIRED_UI_ICONS if not (UI_ICONS / f"{n}.svg").is_file()]
    assert not missing


@pytest.mark.parametrize("svg", _ui_icons(), ids=lambda p: p.stem)
def test_ui_icon_follows_the_convention(svg: Path) -> None:
    text = svg.read_text(encoding="utf-8")
    assert "currentColor" not in text
    root = ET.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        "24", "24", "0 0 24 24"
    )
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS)
        assert name in ALLOWED_ELEMENTS, f"<{name}> in {svg.name}"
        for attribute in COLOR_ATTRIBUTES:
            value = element.get(attribute)
            assert value in (None, "none", "#000000"), f"{attribute}={value!r} in {svg.name}"
        for attribute in FORBIDDEN_ATTRIBUTES:
            assert element.get(attribute) is None, f"{attribute} in {svg.name}"
        width = element.get("stroke-width")
        assert width in (None, "2"), f"stroke-width={width} in {svg.name}"


@pytest.mark.parametrize("svg", _ui_icons(), ids=lambda p: p.stem)
def test_ui_icon_renders_black_only_inside_its_margin(qapp: object, svg: Path) -> None:
    image = _render(svg, 24)
    inked = 0
    for y in range(24):
        for x in range(24):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 0:
                continue
            inked += 1
            assert (pixel.red(), pixel.green(), pixel.blue()) == (0, 0, 0), (
                f"{svg.name} has colour at {x},{y}: the UI could not recolour it"
            )
            assert 1 <= x <= 22 and 1 <= y <= 22, f"{svg.name} draws in the margin at {x},{y}"
    assert inked > 20, f"{svg.name} draws (almost) nothing"


def _render_icons_module() -> ModuleType:
    path = REPO / "packaging" / "render_icons.py"
    spec = importlib.util.spec_from_file_location("render_icons", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_icons", module)
    spec.loader.exec_module(module)
    return module


def test_app_icon_svgs_render(qapp: object) -> None:
    for name in (f"{APP_ID}.svg", f"{APP_ID}-16.svg"):
        image = _render(APP_ICONS / name, 64)
        assert image.pixelColor(32, 40).alpha() == 255, f"{name} is empty in the middle"


def test_app_icon_pngs_exist_at_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = APP_ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.is_file(), f"missing {png.relative_to(REPO)}"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_app_icon_pngs_are_up_to_date(qapp: object) -> None:
    render_icons = _render_icons_module()
    stale = render_icons.stale()
    assert not stale, (
        "PNGs do not match the SVGs; run python packaging/render_icons.py: "
        + ", ".join(str(p.relative_to(REPO)) for p in stale)
    )


def test_render_icons_writes_every_size(qapp: object, tmp_path: Path) -> None:
    render_icons = _render_icons_module()
    for name in (f"{APP_ID}.svg", f"{APP_ID}-16.svg"):
        (tmp_path / name).write_bytes((APP_ICONS / name).read_bytes())
    assert render_icons.main(["--check", "--icon-dir", str(tmp_path)]) == 1
    assert render_icons.main(["--icon-dir", str(tmp_path)]) == 0
    assert render_icons.main(["--check", "--icon-dir", str(tmp_path)]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png"))
    expected = sorted(
        p.relative_to(APP_ICONS).as_posix() for p in APP_ICONS.rglob("*.png")
    )
    assert written == expected
