"""Light and dark palettes, and following the system's choice.

Our own palettes (on the Fusion style) give the same calm look on every platform and
let screenshots and tests pick a theme regardless of the desktop they run on.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


ACCENT = "#3F8F6B"  # a calm green: growth, not alarm
ACCENT_DARK = "#6CC49A"
GOLD = "#D4A72C"

_LIGHT = {
    QPalette.ColorRole.Window: "#F6F4EF",
    QPalette.ColorRole.WindowText: "#23262B",
    QPalette.ColorRole.Base: "#FFFFFF",
    QPalette.ColorRole.AlternateBase: "#F1EEE7",
    QPalette.ColorRole.ToolTipBase: "#FFFFFF",
    QPalette.ColorRole.ToolTipText: "#23262B",
    QPalette.ColorRole.PlaceholderText: "#8A8F98",
    QPalette.ColorRole.Text: "#23262B",
    QPalette.ColorRole.Button: "#EDEAE3",
    QPalette.ColorRole.ButtonText: "#23262B",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#2F6FA8",
    QPalette.ColorRole.Mid: "#C9C4B9",
    QPalette.ColorRole.Midlight: "#E4E0D7",
    QPalette.ColorRole.Dark: "#9C978C",
    QPalette.ColorRole.Shadow: "#6B675F",
    QPalette.ColorRole.Light: "#FFFFFF",
}

_DARK = {
    QPalette.ColorRole.Window: "#1E2024",
    QPalette.ColorRole.WindowText: "#E6E4DF",
    QPalette.ColorRole.Base: "#26292E",
    QPalette.ColorRole.AlternateBase: "#2C2F35",
    QPalette.ColorRole.ToolTipBase: "#2C2F35",
    QPalette.ColorRole.ToolTipText: "#E6E4DF",
    QPalette.ColorRole.PlaceholderText: "#8C9099",
    QPalette.ColorRole.Text: "#E6E4DF",
    QPalette.ColorRole.Button: "#2E3137",
    QPalette.ColorRole.ButtonText: "#E6E4DF",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Highlight: ACCENT_DARK,
    QPalette.ColorRole.HighlightedText: "#15171A",
    QPalette.ColorRole.Link: "#7FB3E6",
    QPalette.ColorRole.Mid: "#4A4E56",
    QPalette.ColorRole.Midlight: "#3A3E45",
    QPalette.ColorRole.Dark: "#15171A",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Light: "#50545C",
}


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for role, color in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6E727A" if dark else "#A5A29B")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme, *, system_dark: bool | None = None) -> bool:
    """Set the palette; returns True when the result is dark. ``system_dark`` is the
    desktop's scheme when the caller already knows it (a change signal)."""
    if theme is Theme.SYSTEM:
        dark = system_prefers_dark() if system_dark is None else system_dark
    else:
        dark = theme is Theme.DARK
    from selftrust.ui.look.style import CalmStyle

    if not isinstance(app.style(), CalmStyle):
        app.setStyle(CalmStyle())
    app.setPalette(palette_for(dark))
    app.setProperty("selftrust_dark", dark)
    return dark


def follow_system_scheme(app: QApplication, chosen: Callable[[], Theme]) -> Callable[[], None]:
    """While the chosen theme is "system", switch palettes when the desktop switches
    between light and dark; our own palettes would otherwise keep the old scheme."""

    def changed(scheme: Qt.ColorScheme) -> None:
        if chosen() is Theme.SYSTEM:
            apply_theme(app, Theme.SYSTEM, system_dark=scheme == Qt.ColorScheme.Dark)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(changed)

    def stop_following() -> None:
        hints.colorSchemeChanged.disconnect(changed)

    return stop_following


def is_dark(palette: QPalette | None = None) -> bool:
    """True when text is lighter than the window: works for any palette."""
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.WindowText).lightness() > pal.color(
        QPalette.ColorRole.Window
    ).lightness()


def accent(palette: QPalette | None = None) -> QColor:
    return QColor(ACCENT_DARK if is_dark(palette) else ACCENT)


def soft(color: QColor, palette: QPalette | None = None, amount: float = 0.18) -> QColor:
    """A colour blended towards the window background: for calm fills."""
    pal = palette or QGuiApplication.palette()
    bg = pal.color(QPalette.ColorRole.Base)
    r = bg.redF() + (color.redF() - bg.redF()) * amount
    g = bg.greenF() + (color.greenF() - bg.greenF()) * amount
    b = bg.blueF() + (color.blueF() - bg.blueF()) * amount
    return QColor.fromRgbF(r, g, b)
