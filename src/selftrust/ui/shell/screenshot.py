"""`selftrust screenshot`: render a view (or a dialog) offscreen into a PNG.

Docs, tests and reviewers use it to look at screens with real data at exact sizes,
themes and days, without a desktop.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from selftrust.base.i18n import _
from selftrust.services.clock import Clock
from selftrust.services.workspace import open_workspace
from selftrust.ui.look.theme import Theme, apply_theme
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.screenshot_targets import DIALOGS, VIEWS, all_targets

Target = Callable[[UiContext, QWidget], QWidget]
"""Opens something on top of the main window and returns the widget to capture."""


def settle(ms: int = 60) -> None:
    """Let layouts, timers and first paints run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def take(
    data_dir: Path | None,
    view: str,
    out: Path,
    *,
    size: tuple[int, int] = (1100, 720),
    theme: Theme = Theme.LIGHT,
    day: date | None = None,
    chart: str | None = None,
    clock: Clock | None = None,
    scale: float = 1.0,
) -> Path:
    if scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from selftrust.ui.shell import language
    from selftrust.ui.shell.launch import make_application, make_context
    from selftrust.ui.shell.main_window import MainWindow
    from selftrust.ui.shell.prefs import UiPrefs

    app = make_application()  # a new application speaks the wanted language
    language.follow(app)  # one made before (in-process) speaks the language now spoken
    apply_theme(app, theme)
    ws = open_workspace(data_dir, clock)
    prefs = UiPrefs(_scratch_settings())
    prefs.reduced_motion = True  # a still picture of the end state
    ctx = make_context(ws, prefs)
    window = MainWindow(ctx, restore_state=False)
    try:
        window.resize(*size)
        window.show()
        target: QWidget = window
        if view in VIEWS:
            window.show_view(view)
            page = window.page(view)
            if day is not None and hasattr(page, "set_day"):
                page.set_day(day)
            if chart is not None and hasattr(page, "show_chart"):
                page.show_chart(chart)
        elif view in DIALOGS:
            module_name, func = DIALOGS[view].split(":")
            import importlib

            target = getattr(importlib.import_module(module_name), func)(ctx, window)
        else:
            # TRANSLATORS: {view} is what was typed after --view; {names} lists the names
            # that can be typed there (commands' words: they stay as they are).
            raise ValueError(_("unknown view {view}; choose from {names}").format(
                view=repr(view), names=", ".join(all_targets())))
        settle(150)
        image = target.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise OSError(_("could not write {path}").format(path=out))
        if target is not window:
            target.close()
        return out
    finally:
        window.close()
        ctx.bridge.detach()
        ws.close()
        QApplication.processEvents()


def _scratch_settings() -> QSettings:
    """Screenshots must not read or change the user's window preferences."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="selftrust-shot-")) / "prefs.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)
