"""A text changed on two computers while apart is kept beside the shown one, and the
window shows it where the person reads and writes it: under the reflection's part in
the journal, and above the note while the note is edited on Today. Always plain text."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from today_support import TODAY, add, key, select, with_selected

from selftrust.base.bidi import without_isolates
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from selftrust.store.repository import sync as repo
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.shell.main_window import MainWindow

FOUND = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _keep(ws: Workspace, kind: str, key_: str, field: str, text: str) -> None:
    """What a pass leaves when another computer's text lost to the one shown here."""
    with ws.write() as conn:
        repo.add_conflict(conn, kind=kind, key=key_, field=field, other_text=text,
                          other_device="Laptop", found_at=FOUND)


def _texts(widget: QWidget, name: str) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel, name) if w.isVisibleTo(widget)]


def test_the_journal_shows_the_other_version_of_a_part(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    cid = add(ws, "Walk").id
    row = ws.reflections.write(ReflectionDraft(TODAY, cid, happened="It rained",
                                               learned="Take a coat"))
    other = ws.reflections.write(ReflectionDraft(TODAY, None, happened="A quiet day"))
    _keep(ws, "reflection", row.uid, "learned", "<b>An umbrella</b> helps")
    window.show_view("reflections")
    view = window.page("reflections")
    assert isinstance(view, JournalView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=2000)
    pane = view.pane

    ids = [view.model.entry(r).id for r in range(2)]
    view.list.setCurrentIndex(view.model.index(ids.index(row.id)))
    kept = pane.kept["learned"]
    assert kept.isVisibleTo(pane)
    assert [without_isolates(t) for t in _texts(kept, "reading-kept-head")] == [
        "Also written on Laptop:"]
    [text] = kept.findChildren(QLabel, "reading-kept-text")
    assert text.text() == "<b>An umbrella</b> helps"
    assert text.textFormat() is Qt.TextFormat.PlainText  # as typed, never rich text
    assert not pane.kept["happened"].isVisibleTo(pane)  # only the part written twice

    view.list.setCurrentIndex(view.model.index(ids.index(other.id)))
    assert not any(box.isVisibleTo(pane) for box in pane.kept.values())


def test_editing_a_note_shows_the_other_version_beside_it(
        qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    walk, read = add(ws, "Walk"), add(ws, "Read")
    ws.checkins.record(walk.id, TODAY, CheckinState(Status.KEPT, note="in the rain"))
    ws.checkins.record(read.id, TODAY, CheckinState(Status.KEPT, note="a chapter"))
    with ws.read() as conn:
        uid = repo.commitment_uids_by_id(conn)[walk.id]
    _keep(ws, "checkin", f"{uid}/{TODAY.isoformat()}", "note", "in the <i>sun</i>")

    view = with_selected(qtbot, window, "Walk")
    key(qtbot, view, Qt.Key.Key_N)
    editor = view.note_editor
    assert editor.isVisible() and editor.kept.isVisible()
    # The computer's name set apart by Unicode isolates (invisible), as its person typed it.
    assert editor.kept.text() == "Also written on \u2068Laptop\u2069:\nin the <i>sun</i>"
    assert editor.kept.textFormat() is Qt.TextFormat.PlainText  # as typed
    assert editor.text.toPlainText() == "in the rain"  # the shown note is the one edited
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)

    select(qtbot, view, "Read")  # nothing kept beside this one
    key(qtbot, view, Qt.Key.Key_N)
    assert editor.isVisible() and not editor.kept.isVisible()
    assert editor.text.toPlainText() == "a chapter"
