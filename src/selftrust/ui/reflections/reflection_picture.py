"""The reflection dialog as the screenshot shows it: over the dimmed main window, about
the latest unrepaired miss, with a few true-to-life words written in."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import _
from selftrust.domain.history import Status
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext


def sample() -> dict[str, str]:
    """A few true-to-life words for the picture, in the picture's language."""
    return {
        # TRANSLATORS: sample text for the screenshot of the reflection dialog
        "happened": _("Work ran late and I was exhausted when I got home. My shoes stayed "
                      "by the door."),
        # TRANSLATORS: sample text for the screenshot; keep your language's word for
        # "but" in it, so the picture shows the coach's gentle hint
        "owning": _("I chose the sofa over my walk, but I was really tired."),
        # TRANSLATORS: sample text for the screenshot of the reflection dialog
        "friend": _("One missed day doesn’t undo all the days you showed up. Rest, and go "
                    "again tomorrow."),
    }


def _a_recent_miss(ctx: UiContext) -> tuple[int | None, date | None]:
    """The latest unrepaired miss of the last two months, for a true-to-life picture."""
    ws = ctx.ws
    ws.ledger.ensure_loaded()
    today = ws.today()
    commitments = ws.commitments.all()
    for back in range(1, 60):
        day = today - timedelta(days=back)
        for c in commitments:
            entry = ws.ledger.entry(c.id, day)
            if (entry is not None and entry.status is Status.MISSED
                    and not ws.ledger.repaired(c.id, day)):
                return c.id, day
    return None, None


class _OverWindow(QWidget):
    """The dialog drawn over the dimmed main window, grabbed at the moment of capture."""

    def __init__(self, window: QWidget, dialog: ReflectionDialog) -> None:
        super().__init__()
        self.window_, self.dialog = window, dialog
        self.resize(window.size())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.window_.grab())
        painter.fillRect(self.rect(), QColor(0, 0, 0, 90))
        shot = self.dialog.grab()
        x = (self.width() - self.dialog.width()) // 2
        y = (self.height() - self.dialog.height()) // 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for spread in range(12, 0, -3):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 14))
            painter.drawRoundedRect(x - spread, y - spread + 4, self.dialog.width() + 2 * spread,
                                    self.dialog.height() + 2 * spread, spread, spread)
        painter.drawPixmap(x, y, shot)
        painter.end()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.dialog.close_without_asking()
        super().closeEvent(event)


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    cid, day = _a_recent_miss(ctx)
    dialog = ReflectionDialog(ctx, window, commitment_id=cid, day=day)
    dialog.pose_for_picture()
    if cid is not None:
        dialog.form.set_parts(sample())
        dialog.form.before.set_value(2)
        dialog.notice.setVisible(False)
    # sized to the picture's window, not to the offscreen screen
    dialog.resize(min(dialog.width(), window.width() - 120), window.height() - 48)
    dialog.show()
    return _OverWindow(window, dialog)
