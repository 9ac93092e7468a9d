"""Shared set-up for the Streaks view tests: commitments and check-ins through the services."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.streaks_view import StreaksView

TODAY = date(2026, 11, 24)  # a Tuesday
KEPT = CheckinState(Status.KEPT)
MISSED = CheckinState(Status.MISSED)
SKIPPED = CheckinState(Status.SKIPPED)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def add(ws: Workspace, title: str = "Walk", schedule: str = "daily",
        start: date = date(2026, 6, 1), target: Target | None = None,
        color: str | None = None) -> int:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    draft = CommitmentDraft(title, rules, created_on=start, color=color)
    return ws.commitments.create(draft).id


def streaks(window: MainWindow) -> StreaksView:
    window.show_view("streaks")
    page = window.page("streaks")
    assert isinstance(page, StreaksView)
    return page


def cell_image(view: StreaksView, day: date) -> QImage:
    """The calendar cell of ``day`` as the user sees it, in grey levels only."""
    rect: QRect = view.heat.cell_rect(day)
    assert not rect.isEmpty(), f"{day} is not in the calendar"
    image = view.heat.grab(rect).toImage()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def same_image(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and a == b
