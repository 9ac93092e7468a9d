"""Every view and dialog, in the pseudo-language: no word a person reads escaped the
catalogue, and no text is cut off or laid over another at 800×600 and 1600×1000.

The pseudo-language (``en_XA``) shows every translated message accented, 40 % longer and
in brackets (and dates from ``base.formats`` too), so a readable word outside brackets was
written by hand somewhere, and a label too narrow for its pseudo-text would be too narrow
for German. The data is generated after switching, so even the demo's titles come from
the catalogue. ``SELFTRUST_PSEUDO_SHOTS=<folder>`` keeps a PNG of each step to look at.
"""

from __future__ import annotations

import html
import importlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from selftrust.base import i18n
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.screenshot_targets import DIALOGS, VIEWS
from selftrust.ui.widgets.layouts import SENTENCE_PART
from tests.i18n_helpers import untranslated, visible_texts

pytestmark = pytest.mark.timeout(900)

# Names that are nobody's to translate.
ALLOWED = ("Self-Trust", "Loop Habit Tracker", "Loop", "Syncthing", "Nextcloud", "Dropbox",
           "GPL", "GNU", "SQLite", "CSV", "JSON", "Qt", "PySide", "Python")
SIZES = ((800, 600), (1600, 1000))
HELP_PAGES = ("about", "reflection-guide", "more-than-a-habit", "how-counted")
CHARTS = ("growth", "strength", "kept-rate", "calendar", "weekday", "streaks")
NOW = "2026-11-24T12:00:00"


@pytest.fixture(scope="module")
def pseudo_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A year of demo data generated in the pseudo-language (titles from the catalogue)."""
    from datetime import datetime

    from selftrust.services import demo

    folder = tmp_path_factory.mktemp("pseudo-demo")
    i18n.set_language(i18n.PSEUDO)
    try:
        ws = open_workspace(folder, FixedClock(datetime.fromisoformat(NOW)))
        try:
            demo.generate(ws, years=1, commitments=6, seed=4)
        finally:
            ws.close()
    finally:
        i18n.set_language(i18n.ENGLISH)
    yield folder


@pytest.fixture
def pseudo_ctx(qapp: Any, pseudo_folder: Path, tmp_path: Path, prefs: Any, prompter: Any,
               language: Any) -> Iterator[UiContext]:
    from datetime import datetime

    language(i18n.PSEUDO)
    folder = tmp_path / "data"
    shutil.copytree(pseudo_folder, folder)
    ws = open_workspace(folder, FixedClock(datetime.fromisoformat(NOW)))
    prefs.reduced_motion = True
    ctx = make_context(ws, prefs)
    try:
        yield ctx
    finally:
        ctx.bridge.detach()
        ws.close()


MARKUP = re.compile(r"<[^<>]*>")
PATHS = re.compile(r"(?<![\w\]~])(?:~/|/(?=[\w.]))[^\s:;,()\[\]]*")  # a chosen folder
FILES = re.compile(r"/[^\n\[\]]*?\.(?:db|json|zip|csv)\b")  # a file, spaces and all
KEYS = re.compile(r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+[^\s)]+|\bF\d+\b|\b(?:Del|Ins|Esc)\b")


def _readable(text: str) -> str:
    """What a person reads of a text: markup and entities resolved, paths and keys (the
    person's own, and the platform's words) set aside."""
    text = html.unescape(MARKUP.sub(" ", text))
    if text.startswith("[") and text.endswith("…"):
        text += "]"  # a long title cut short where it is drawn: its end is not shown
    return KEYS.sub(" ", PATHS.sub(" ", FILES.sub(" ", text)))


def _sentences(widget: QWidget) -> list[str]:
    """Rows made of one translated sentence with fields in it are read whole (their words
    between the fields are pieces of that one message)."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        template = child.property("sentence")
        if isinstance(template, str) and child.isVisible():
            found.append(template)
    return found


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("SELFTRUST_PSEUDO_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"), "PNG")


def _chart_texts(widget: QWidget) -> list[str]:
    """What matplotlib drew: titles, labels, ticks, legends, annotations."""
    texts: list[str] = []
    try:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.text import Text
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return texts
    for canvas in widget.findChildren(FigureCanvasQTAgg):
        if not canvas.isVisible():
            continue
        canvas.draw()
        for artist in canvas.figure.findobj(Text):
            if artist.get_visible() and artist.get_text():
                texts.append(artist.get_text())
    return texts


def _inked(label: QLabel, root: QWidget) -> QRect:
    """Where a label's words are: a label on one line may be wider than its words."""
    rect = _text_rect(label, root)
    if label.wordWrap():
        return rect
    shown = MNEMONIC.sub(r"\1", label.text())
    need = max(label.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
    need += label.width() - label.contentsRect().width() + 2 * label.margin()
    if need >= rect.width():
        return rect
    align = QStyle.visualAlignment(label.layoutDirection(), label.alignment())
    if align & Qt.AlignmentFlag.AlignRight:
        return QRect(rect.right() - need, rect.top(), need, rect.height())
    if align & Qt.AlignmentFlag.AlignHCenter:
        return QRect(rect.center().x() - need // 2, rect.top(), need, rect.height())
    return QRect(rect.left(), rect.top(), need, rect.height())


def _pieces(widget: QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)
            if label.objectName() == SENTENCE_PART}


def _text_rect(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())


def cut_off(root: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit their width, and texts laid over texts."""
    found: list[str] = []
    boxes: list[tuple[QRect, QWidget]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.textFormat().name == "RichText" or "<" in widget.text():
                continue  # measured by its document; checked by eye in the screenshots
            if widget.objectName() == SENTENCE_PART:
                continue  # a piece of a sentence row, laid out by the row
            metrics = widget.fontMetrics()
            room = widget.contentsRect().width() - 2 * widget.margin() - max(widget.indent(), 0)
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height() + 2:
                    found.append(f"label {widget.text()!r} is cut at the bottom")
            else:
                shown = MNEMONIC.sub(r"\1", widget.text())  # "&Save" shows "Save"
                need = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
                if need > room + 2:
                    found.append(f"label {widget.text()!r} needs {need}px, has {room}px")
            boxes.append((_inked(widget, root), widget))
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 2:
                found.append(f"button {widget.text()!r} needs {widget.sizeHint().width()}px, "
                             f"has {widget.width()}px")
            boxes.append((_text_rect(widget, root), widget))
    for rect, widget in boxes:
        room = _room(widget, root)
        if room is not None and not (room.left() - 2 <= rect.left()
                                     and rect.right() <= room.right() + 2):
            found.append(f"{_name(widget)} reaches past the side of what is shown of it")
    for i, (rect, widget) in enumerate(boxes):
        for other_rect, other in boxes[i + 1:]:
            if widget.isAncestorOf(other) or other.isAncestorOf(widget):
                continue
            overlap = rect.intersected(other_rect)
            if overlap.width() > 2 and overlap.height() > 2:
                found.append(f"{_name(widget)} and {_name(other)} overlap")
    return found


def _room(widget: QWidget, root: QWidget) -> QRect | None:
    """What is shown around a widget: the viewport of the scroll area it sits in (unless
    that scrolls sideways, as a person can), or the window; in the root's coordinates."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            if area.horizontalScrollBar().isVisible():
                return None
            return _text_rect(parent, root)
        parent = area
    return root.rect()


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{type(widget).__name__} {text!r}"


MNEMONIC = re.compile(r"&(&?)")


def _check(widget: QWidget, name: str, extra: list[str] | None = None) -> None:
    QApplication.processEvents()
    _shot(widget, name)
    widget = getattr(widget, "dialog", widget)  # a picture of a dialog over the window
    texts = [_readable(t) for t in (*visible_texts(widget), *(extra or []))
             if t not in _pieces(widget)] + _sentences(widget)
    assert texts, f"{name}: nothing visible to read"
    leftovers = {t: untranslated(t, ALLOWED) for t in texts}
    leftovers = {t: words for t, words in leftovers.items() if words}
    assert leftovers == {}, f"{name}: words that never passed through the catalogue"
    problems = cut_off(widget)
    assert problems == [], f"{name}: text cut off or overlapping: " + "; ".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_speaks_the_catalogue(qtbot: QtBot, pseudo_ctx: UiContext, view: str,
                                         size: tuple[int, int]) -> None:
    window = MainWindow(pseudo_ctx, restore_state=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_view(view)
    qtbot.wait(200)
    page = window.page(view)
    if view == "charts":
        for chart in CHARTS:
            page.show_chart(chart)
            qtbot.wait(100)
            _check(window, f"charts-{chart}-{size[0]}", _chart_texts(window))
    else:
        _check(window, f"{view}-{size[0]}")
    # The window's own words: every menu and its entries.
    menu_texts = [a.text() for a in window.menuBar().actions()]
    for action in window.menuBar().actions():
        if action.menu():
            menu_texts += [a.text() for a in action.menu().actions() if a.text()]
    assert {t: w for t in menu_texts if (w := untranslated(t, ALLOWED))} == {}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dialog", sorted(DIALOGS))
def test_every_dialog_speaks_the_catalogue(qtbot: QtBot, pseudo_ctx: UiContext, dialog: str,
                                           size: tuple[int, int]) -> None:
    window = MainWindow(pseudo_ctx, restore_state=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    module_name, func = DIALOGS[dialog].split(":")
    target = getattr(importlib.import_module(module_name), func)(pseudo_ctx, window)
    try:
        qtbot.wait(200)
        _check(target, f"{dialog}-{size[0]}")
    finally:
        if target is not window:
            target.close()


@pytest.mark.parametrize("page", HELP_PAGES)
def test_help_pages_speak_the_language(qtbot: QtBot, pseudo_ctx: UiContext, page: str) -> None:
    from selftrust.ui.dialogs.help_dialog import HelpDialog

    dialog = HelpDialog(pseudo_ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(50)
    words = dialog.browser.toPlainText()
    assert untranslated(words, ALLOWED) == []
    assert len(words) > 100
