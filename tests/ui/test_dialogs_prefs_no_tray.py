"""Preferences on a desktop without a tray: the tray line says plainly why it is off,
and every line is whole (nothing clipped) at the usual size and with a doubled font."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog
from selftrust.ui.shell.context import UiContext


@pytest.fixture
def no_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))


def shown(qtbot: QtBot, ctx: UiContext, scale: float = 1.0) -> PreferencesDialog:
    """The dialog built and shown with the app's font scaled (as a large text setting)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    big = app.font()
    big.setPointSizeF(normal.pointSizeF() * scale)
    app.setFont(big)
    try:
        dialog = PreferencesDialog(ctx)
        qtbot.addWidget(dialog)
    finally:
        app.setFont(normal)
    dialog.setFont(big)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.layout().activate()
    return dialog


def clipped(widget: QWidget) -> list[str]:
    """Labels shorter than their words need at their width."""
    out = []
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if label.height() < need:
                out.append(f"{label.text()!r}: {label.height()} < {need}")
    return out


def test_the_tray_option_says_plainly_why_it_is_off(qtbot: QtBot, ctx: UiContext,
                                                    no_tray: None) -> None:
    dialog = shown(qtbot, ctx)
    keep = dialog.desktop.keep
    assert not keep.isEnabled() and not keep.isChecked()
    why = dialog.desktop.tray_note
    assert why.isVisible()
    assert why.text().startswith("Not available")
    assert "no system tray" in why.text()
    assert "reminder" in why.text().lower()
    assert keep.accessibleDescription() == why.text()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_nothing_is_clipped(qtbot: QtBot, ctx: UiContext, no_tray: None, scale: float) -> None:
    dialog = shown(qtbot, ctx, scale)
    assert clipped(dialog) == []


def test_it_fits_a_small_screen(qtbot: QtBot, ctx: UiContext, no_tray: None) -> None:
    dialog = shown(qtbot, ctx)
    assert dialog.height() <= 600 - 60, dialog.size()  # room for a title bar and a panel
    assert dialog.width() <= 800
