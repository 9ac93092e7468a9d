"""Switching light/dark recolours icons at once, not after a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.ui.look.theme import Theme, apply_theme, palette_for
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.widgets.empty_state import EmptyState


@pytest.fixture
def light(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, Theme.LIGHT)
    yield qapp
    apply_theme(qapp, Theme.LIGHT)


def _ink(image: QImage) -> QColor:
    """The colour of the most opaque pixel: the icon's stroke."""
    best, alpha = QColor(), -1
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() > alpha:
                best, alpha = c, c.alpha()
    return best


def _icon_ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    return _ink(icon.pixmap(QSize(24, 24), 1.0, mode).toImage())


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
               abs(a.blue() - b.blue())) <= 24


def _text(dark: bool) -> QColor:
    return palette_for(dark).color(palette_for(dark).ColorRole.WindowText)


def test_an_action_icon_turns_light_when_the_theme_turns_dark(
        qtbot: QtBot, light: QApplication, window: MainWindow) -> None:
    action = window.actions_.new_commitment
    assert _close(_icon_ink(action.icon()), _text(dark=False))

    apply_theme(light, Theme.DARK)  # as Preferences or the desktop would

    assert _close(_icon_ink(action.icon()), _text(dark=True))
    rail_button = window.rail._buttons["today"]
    assert _close(_icon_ink(rail_button.icon()), _text(dark=True))


def test_a_disabled_icon_uses_the_palettes_disabled_colour(light: QApplication) -> None:
    from selftrust.ui.look.icons import icon

    apply_theme(light, Theme.DARK)
    palette = palette_for(True)
    disabled = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText)
    assert _close(_icon_ink(icon("add"), QIcon.Mode.Disabled), disabled)


def test_a_selected_icon_reads_on_the_highlight(light: QApplication) -> None:
    from selftrust.ui.look.icons import icon

    palette = palette_for(False)
    on_highlight = palette.color(palette.ColorRole.HighlightedText)
    assert _close(_icon_ink(icon("kept"), QIcon.Mode.Selected), on_highlight)


def test_an_empty_state_picture_follows_the_theme(qtbot: QtBot, light: QApplication) -> None:
    empty = EmptyState("jar", "Nothing yet", "Your jar fills as you keep promises.")
    qtbot.addWidget(empty)
    empty.show()
    before = _ink(empty.icon.pixmap().toImage())
    apply_theme(light, Theme.DARK)
    QApplication.processEvents()
    after = _ink(empty.icon.pixmap().toImage())
    assert before.lightness() < after.lightness()


def test_the_desktop_switching_to_dark_recolours_a_system_themed_app(
        light: QApplication) -> None:
    from PySide6.QtCore import Qt

    from selftrust.ui.look.icons import icon
    from selftrust.ui.look.theme import follow_system_scheme, is_dark

    chosen = {"theme": Theme.SYSTEM}
    stop = follow_system_scheme(light, lambda: chosen["theme"])
    try:
        add = icon("add")
        light.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert is_dark()
        assert _close(_icon_ink(add), _text(dark=True))

        chosen["theme"] = Theme.LIGHT  # a theme picked in Preferences wins over the desktop
        apply_theme(light, Theme.LIGHT)
        light.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert not is_dark()
    finally:
        stop()
