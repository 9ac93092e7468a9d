"""User text in any direction shows correctly: a Hebrew title or reflection in the English
window, an English title in a right-to-left one.

Where we set the person's text inside a sentence of ours, it is isolated (base.bidi), so
the sentence keeps its own direction and order: Qt lays out a plain label by its first
strong letter *outside* isolates. Painted rows take each part's direction from the part
and mirror for a right-to-left window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from selftrust.base.bidi import FSI, PDI
from selftrust.domain.commitment import Rules
from selftrust.services import calendar
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.reflections.journal_delete import deleted_words
from selftrust.ui.reflections.journal_model import Role
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.reflections.next_step_action import made_words
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.streaks.list_model import row_words

TODAY = date(2026, 11, 24)
HEBREW_TITLE = "הליכה 20 דקות"  # "a 20-minute walk"
HEBREW_TEXT = "נשארתי על הספה, והיום אני סולחת לעצמי!"  # a reflection, ending in "!"
RED = "#E0201C"


def _laid_out(text: str) -> str:
    """"RTL" or "LTR": the direction a plain label gives the line ``text``, by comparing
    its picture with the same line forced either way (LRE/RLE … PDF)."""

    def picture(t: str) -> QImage:
        label = plain_label(t, None, wrap=False)
        label.resize(600, 40)
        return label.grab().toImage()

    shown = picture(text)
    if shown == picture("\u202b" + text + "\u202c"):
        return "RTL"
    assert shown == picture("\u202a" + text + "\u202c"), "neither way?"
    return "LTR"


def test_a_hebrew_title_inside_an_english_sentence_keeps_its_order(qapp: object) -> None:
    said = made_words(HEBREW_TITLE)
    assert f"“{FSI}{HEBREW_TITLE}{PDI}”" in said
    assert _laid_out(said) == "LTR"  # the English sentence reads left to right
    bare = said.replace(FSI, "").replace(PDI, "")
    assert _laid_out(bare) == "RTL"  # what the title alone would have done to it


def test_an_english_title_inside_a_right_to_left_sentence(
        qapp: object, language: Callable[[str], str]) -> None:
    # A Hebrew sentence around an English title (what a Hebrew catalogue would give):
    sentence = "“{title}” נמצא ברשימה של מחר.".format(title=f"{FSI}Walk 20 minutes{PDI}")
    assert _laid_out(sentence) == "RTL"
    language("he")  # a right-to-left language: the same isolating, whatever the catalogue
    said = made_words("Walk 20 minutes")
    assert f"{FSI}Walk 20 minutes{PDI}" in said


def test_composed_lines_isolate_the_person_s_words(ctx: UiContext) -> None:
    ws = ctx.ws
    cid = ws.commitments.create(CommitmentDraft(HEBREW_TITLE, Rules(),
                                                created_on=TODAY - timedelta(days=5))).id
    assert f"{FSI}{HEBREW_TITLE}{PDI}:" in row_words(calendar.details(ws, cid))
    dialog = ReflectionDialog(ctx, None)
    try:
        assert dialog.choices is not None
        dialog.choices.about.setCurrentIndex(dialog.choices.about.findData(cid))
        assert f"{FSI}{HEBREW_TITLE}{PDI}" in dialog.page.title.text()
        assert f"{FSI}{HEBREW_TITLE}{PDI}" in dialog.windowTitle()
    finally:
        dialog.close_without_asking()
    row = ws.reflections.write(ReflectionDraft(TODAY, cid, happened=HEBREW_TEXT))
    view = JournalView(ctx)
    entry = view.model.entry(view.model.row_of(row.id) or 0)
    assert f"({FSI}{HEBREW_TITLE}{PDI}, " in deleted_words(ctx, entry, HEBREW_TITLE, True)
    view.close()


def _red_columns(image: QImage) -> list[int]:
    """The x of every column holding the commitment's red dot."""
    red = QColor(RED)
    out = []
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if abs(c.red() - red.red()) < 30 and c.green() < 80 and c.blue() < 80:
                out.append(x)
                break
    return out


def test_the_journal_paints_a_hebrew_reflection_and_mirrors_for_rtl(
        qtbot: QtBot, ctx: UiContext) -> None:
    ws = ctx.ws
    cid = ws.commitments.create(CommitmentDraft(HEBREW_TITLE, Rules(), color=RED,
                                                created_on=TODAY - timedelta(days=5))).id
    ws.reflections.write(ReflectionDraft(TODAY, cid, happened=HEBREW_TEXT))
    view = JournalView(ctx)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    index = view.model.index(0)
    assert index.data(Role.TITLE) == HEBREW_TITLE
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    assert f"{FSI}{HEBREW_TITLE}{PDI}: {FSI}{HEBREW_TEXT}{PDI}" in shown

    def row_picture() -> QImage:
        rect: QRect = view.list.visualRect(index)
        return view.list.viewport().grab(rect).toImage()  # the delegate paints it

    ltr = _red_columns(row_picture())
    width = view.list.visualRect(index).width()
    assert ltr and max(ltr) < width / 4  # the dot at the start: the left
    view.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    rtl = _red_columns(row_picture())
    assert rtl and min(rtl) > width * 3 / 4  # a right-to-left window starts on the right


def test_a_label_of_the_person_s_text_alone_finds_its_own_direction(qapp: object) -> None:
    label = QLabel(HEBREW_TEXT)
    assert label.text() == HEBREW_TEXT  # no marks where no sentence of ours surrounds it
    assert _laid_out(HEBREW_TEXT) == "RTL"
