"""Nasty text shown by the app: every view is opened on data whose titles, notes and
reflections are nasty strings, and rel_plain_text audits what is on screen (labels,
tooltips, item models, menu items, chart texts)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import VIEWS, MainWindow
from tests.reliability.rel_figures import record
from tests.reliability.rel_nasty import NASTY, expected_text, expected_title
from tests.reliability.rel_plain_text import audit_figure, audit_widgets

TODAY = date(2026, 11, 24)


@pytest.fixture
def nasty_data(ws: Workspace) -> list[str]:
    """Commitments titled with every nasty string a title may hold; notes and
    reflections with the others. Returns the texts as stored."""
    shown: list[str] = []
    seen: set[str] = set()
    statuses = [Status.KEPT, Status.MISSED, Status.SKIPPED]
    for n, text in enumerate(NASTY):
        title = expected_title(text)
        if title is None or title.casefold() in seen or len(title) > 60:
            title = f"Plain {n}"
        seen.add(title.casefold())
        cid = ws.commitments.create(CommitmentDraft(
            title, why=expected_text(text, 2000) or "", created_on=TODAY - timedelta(days=60),
        )).id
        shown.append(title)
        note = expected_text(text, 2000)
        for back in range(0, 40, 3):
            ws.checkins.record(cid, TODAY - timedelta(days=back), CheckinState(
                statuses[(n + back) % 3], note=note if back == 0 and note else ""))
        if note:
            shown.append(note)
        part = expected_text(text, 20_000)
        if part and part.strip() and len(part) < 5000:
            try:
                ws.reflections.write(ReflectionDraft(TODAY - timedelta(days=3), cid,
                                                     happened=part, next_step=part))
            except Invalid:
                pass
            else:
                shown.append(part)
    return shown


def settle(qtbot: QtBot) -> None:
    """Deliver what is queued (layouts, posted updates, deferred deletes), without
    waiting on the clock."""
    for _ in range(5):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # a tab in a title
@pytest.mark.filterwarnings("ignore:constrained_layout not applied")  # 60 long titles
def test_rel_every_view_shows_nasty_text_as_plain_text(
    qtbot: QtBot, nasty_data: list[str], window: MainWindow
) -> None:
    problems: list[str] = []
    for key in VIEWS:
        window.show_view(key)
        settle(qtbot)
        page: Any = window.page(key)
        if key == "charts":
            from selftrust.ui.charts.catalog import NAMES

            for name in NAMES:
                page.show_chart(name)
                page.refresh()
                assert page.canvas is not None
                page.canvas.draw()  # raises if a title breaks the drawing
                problems += [f"charts/{name}: {p}"
                             for p in audit_figure(page.canvas.figure, nasty_data)]
        problems += [f"{key}: {p}" for p in audit_widgets(window, nasty_data)]
    record("nasty text: views", strings=len(nasty_data), views=len(VIEWS))
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
