"""The reflection dialog's writing page: the header (what it is about) and the buttons
stay put, and between them the support line, the introduction and the coach's prompts
scroll — so the dialog fits a 1024×600 netbook as well as a large screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import _, pgettext
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.reflections.reflection_form import ReflectionForm
from selftrust.ui.reflections.support_line import SupportLine
from selftrust.ui.shell.context import UiContext

PRIMARY_STYLE = (
    "QPushButton { background: palette(highlight); color: palette(highlighted-text); "
    "border: 1px solid palette(highlight); border-radius: 6px; padding: 5px 16px; }"
    "QPushButton:disabled { background: palette(button); color: palette(mid); "
    "border-color: palette(midlight); }"
)


class WritingPage(QWidget):
    """``editing``: an existing reflection (no introduction, "Save changes");
    ``choices``: what a free reflection is about, shown under the header."""

    def __init__(self, ctx: UiContext, parent: QWidget, *, editing: bool,
                 choices: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        em = QFontMetrics(parent.font()).height()
        layout.setContentsMargins(em * 3 // 2, em, em * 3 // 2, em)
        layout.setSpacing(em // 2)

        self.title = plain_label("", self, bold=True, scale=1.45)
        self.title.setObjectName("reflection-title")
        self.subtitle = plain_label("", self, muted=True)
        self.subtitle.setObjectName("reflection-subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        if choices is not None:
            choices.setParent(self)
            layout.addWidget(choices)
        self._scrolling_part(ctx, layout, em, editing)
        layout.addLayout(self._footer(em, editing))

    def _scrolling_part(self, ctx: UiContext, layout: QVBoxLayout, em: int,
                        editing: bool) -> None:
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("reflection-scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, em // 4, em // 2, em // 2)
        holder_layout.setSpacing(em // 2)
        self.support = SupportLine(ctx, holder)
        self.support.refresh()
        holder_layout.addWidget(self.support)
        self.intro = plain_label(intro(about_a_miss=False), holder, muted=True)
        self.intro.setObjectName("reflection-intro")
        self.intro.setVisible(not editing)
        holder_layout.addWidget(self.intro)
        self.notice = plain_label("", holder, muted=True)
        self.notice.setObjectName("reflection-notice")
        self.notice.setVisible(False)
        holder_layout.addWidget(self.notice)
        self.form = ReflectionForm()
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        self.scroll_area.setWidget(holder)
        layout.addWidget(self.scroll_area, 1)

    def _footer(self, em: int, editing: bool) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.setSpacing(em // 2)
        self.status = plain_label("", self, muted=True)
        self.status.setObjectName("reflection-status")
        footer.addWidget(self.status, 1)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setObjectName("reflection-close")
        self.close_button.setAutoDefault(False)
        keys = save_keys()
        self.save_hint = plain_label(keys, self, muted=True)
        self.save_hint.setObjectName("reflection-save-keys")
        self.save_hint.setWordWrap(False)
        # TRANSLATORS: {keys} is a key combination such as "Ctrl+Enter"
        self.save_hint.setAccessibleName(_("Save with {keys}").format(keys=keys))
        self.save_button = QPushButton(_("Save changes") if editing else _("Save reflection"),
                                       self)
        self.save_button.setObjectName("reflection-save")
        self.save_button.setDefault(True)
        # TRANSLATORS: {keys} is a key combination such as "Ctrl+Enter"
        self.save_button.setToolTip(_("Save ({keys})").format(keys=keys))
        self.save_button.setAccessibleDescription(
            # TRANSLATORS: {keys} is a key combination such as "Ctrl+Enter"
            _("Saves the reflection; {keys} also saves").format(keys=keys))
        self.save_button.setStyleSheet(PRIMARY_STYLE)
        footer.addWidget(self.close_button)
        footer.addSpacing(em // 2)
        footer.addWidget(self.save_hint)
        footer.addWidget(self.save_button)
        return footer

    def say_intro(self, about_a_miss: bool) -> None:
        """A reflection about a miss starts with a word of comfort; one about a good day
        (a free reflection may be) does not."""
        self.intro.setText(intro(about_a_miss=about_a_miss))


def save_keys() -> str:
    """The keys that save, as the keyboard's labels name them."""
    # TRANSLATORS: the key combination that saves a reflection (Ctrl+Return), written as
    # keyboards in your language label the keys ("Strg+Eingabe")
    return pgettext("key names", "Ctrl+Enter")


def intro(*, about_a_miss: bool) -> str:
    """The words above the prompts; about a miss, with a word of comfort first (once)."""
    if about_a_miss:
        return _("Everyone slips sometimes. Take a few quiet minutes and write as much or as "
                 "little as helps — every part is optional.")
    return _("Take a few quiet minutes and write as much or as little as helps — every part "
             "is optional.")
