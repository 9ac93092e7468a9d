"""Right to left: Today's rows mirror (the check circle at the left, the words from the
right) and still work; the arrows of the day's header point the way the days go."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.today.day_navigator import DayNavigator
from selftrust.ui.today.today_view import TodayView
from selftrust.ui.widgets.commitment_delegate import CommitmentDelegate
from tests.ui.today_support import add, click_circle, row_of, stored


def _row_option(view: TodayView, title: str) -> QStyleOptionViewItem:
    opt = QStyleOptionViewItem()
    view.list.initViewItemOption(opt)
    opt.rect = view.list.visualRect(view.model.index(row_of(view, title), 0))
    return opt


def test_a_row_mirrors_and_its_circle_still_checks(
    qtbot: QtBot, ws: Workspace, ctx: UiContext
) -> None:
    walk = add(ws, "Walk")
    view = TodayView(ctx)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(view)
    view.resize(800, 500)
    with qtbot.waitExposed(view):
        view.show()
    opt = _row_option(view, "Walk")
    assert opt.direction == Qt.LayoutDirection.RightToLeft
    g = view.delegate.geometry(opt)
    assert g.check.right() < g.text.left() < g.bar.left()  # circle, words, colour mark
    click_circle(qtbot, view, "Walk")
    state = stored(ws, walk)
    assert state is not None and state.status is Status.KEPT
    ltr = QStyleOptionViewItem(opt)
    ltr.direction = Qt.LayoutDirection.LeftToRight
    mirrored = view.delegate.geometry(ltr)
    assert mirrored.bar.right() < mirrored.text.left() < mirrored.check.left()
    assert mirrored.check.width() == g.check.width()


def test_the_day_arrows_point_the_way_the_days_go(qtbot: QtBot) -> None:
    ltr = DayNavigator()
    rtl = DayNavigator()
    rtl.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(ltr)
    qtbot.addWidget(rtl)
    assert ltr._drawn("previous-day") == "previous-day"
    assert rtl._drawn("previous-day") == "next-day"
    assert rtl._drawn("calendar") == "calendar"


def test_a_commitment_list_check_box_sits_at_the_leading_edge() -> None:
    rect = QRectF(0, 0, 400, 40)
    left = CommitmentDelegate.check_rect(rect, 16)
    right = CommitmentDelegate.check_rect(rect, 16, Qt.LayoutDirection.RightToLeft)
    assert left.left() < 20 and right.right() > 380
    assert left.width() == right.width()
