"""Scroll bars in CalmStyle: thin, a rounded handle in palette colours, no arrow
buttons, a clear answer to hover, and still usable (page clicks, drag)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHoverEvent, QImage
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider
from pytestqt.qtbot import QtBot

from selftrust.ui.look.theme import Theme, apply_theme

CC = QStyle.ComplexControl
SC = QStyle.SubControl


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, Theme.LIGHT)
    yield qapp
    apply_theme(qapp, Theme.LIGHT)


@pytest.fixture
def bar(qtbot: QtBot, app: QApplication) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.setRange(0, 900)
    bar.setPageStep(100)
    qtbot.addWidget(bar)
    bar.resize(bar.sizeHint().width(), 400)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def _option(bar: QScrollBar) -> QStyleOptionSlider:
    opt = QStyleOptionSlider()
    bar.initStyleOption(opt)
    return opt


def _handle(bar: QScrollBar):  # type: ignore[no-untyped-def]
    return bar.style().subControlRect(CC.CC_ScrollBar, _option(bar), SC.SC_ScrollBarSlider, bar)


def _ink(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(x, y)


def test_it_is_thin_but_scales_with_the_font(app: QApplication) -> None:
    extent = app.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    text = QFontMetrics(app.font()).height()
    assert text * 0.45 <= extent <= text * 0.8


def test_no_arrow_buttons_and_the_handle_uses_the_whole_track(bar: QScrollBar) -> None:
    style = bar.style()
    for arrow in (SC.SC_ScrollBarAddLine, SC.SC_ScrollBarSubLine):
        assert style.subControlRect(CC.CC_ScrollBar, _option(bar), arrow, bar).isEmpty()
    handle = _handle(bar)
    assert handle.top() <= 2
    assert 35 <= handle.height() <= 45  # a page of 100 in 1000: a tenth of 400 px


def test_a_click_below_the_handle_moves_a_page(qtbot: QtBot, bar: QScrollBar) -> None:
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, 300))
    assert bar.value() == 100


def test_the_handle_is_rounded_in_palette_colours_and_answers_hover(
        qtbot: QtBot, bar: QScrollBar) -> None:
    handle = _handle(bar)
    centre = handle.center()
    # Offscreen, Qt makes no hover events itself: the pointer is moved by hand, first
    # away from the bar, then onto the handle.
    here, away = QPointF(centre), QPointF(-50.0, -50.0)
    QApplication.sendEvent(bar, QHoverEvent(QEvent.Type.HoverLeave, away, away, here))
    still = bar.grab().toImage()
    corner = _ink(still, handle.left(), handle.top())
    middle = _ink(still, centre.x(), centre.y())
    window = bar.palette().color(bar.palette().ColorRole.Window)
    assert middle.lightness() < window.lightness() - 40  # visible on a light window
    assert corner.lightness() > middle.lightness()  # rounded: the corner is not filled

    QApplication.sendEvent(bar, QHoverEvent(QEvent.Type.HoverEnter, here, away, away))
    QApplication.sendEvent(bar, QHoverEvent(QEvent.Type.HoverMove, here, away, away))
    hovered = _ink(bar.grab().toImage(), centre.x(), centre.y())
    assert hovered.lightness() < middle.lightness() - 15


def test_in_the_dark_the_handle_is_light_on_dark(bar: QScrollBar, app: QApplication) -> None:
    apply_theme(app, Theme.DARK)
    handle = _handle(bar)
    image = bar.grab().toImage()
    middle = _ink(image, handle.center().x(), handle.center().y())
    window = QApplication.palette().color(QApplication.palette().ColorRole.Window)
    assert middle.lightness() > window.lightness() + 40
