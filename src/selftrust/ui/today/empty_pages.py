"""What Today shows instead of the list: an invitation when there is no commitment
(or all rest in the archive), a calm word on a day with nothing due.

Both pages are made when first needed: most start-ups show a list, and every widget
made up front delays the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStackedWidget, QWidget

from selftrust.base.i18n import N_, _
from selftrust.ui.widgets.empty_state import EmptyState
from selftrust.ui.widgets.keys import key_text, tip_with_keys

FIRST_PROMISE = (
    N_("Make a promise to yourself"),
    N_("Start with something small you can keep today: a short walk, ten pages, "
       "a glass of water. Trust grows one kept promise at a time."),
)
ALL_ARCHIVED = (
    N_("Your promises are resting in the archive"),
    N_("Everything you kept is still there. Bring one back from Manage commitments, "
       "or make a fresh promise to yourself."),
)


class EmptyPages:
    """The two empty pages of Today's stack, made lazily in ``column``; their measures
    follow the font of ``owner`` (the view)."""

    def __init__(self, owner: QWidget, pages: QStackedWidget, column: QWidget,
                 new_commitment: Callable[[], None]) -> None:
        self._owner = owner
        self._pages = pages
        self._column = column
        self._new_commitment = new_commitment
        self._first: EmptyState | None = None
        self._rest: EmptyState | None = None

    @property
    def first(self) -> EmptyState:
        """The invitation shown when there are no commitments at all."""
        if self._first is None:
            title, text = FIRST_PROMISE
            empty = EmptyState("add", _(title), _(text), _("Make your first promise"),
                               self._column)
            empty.setObjectName("today-empty-first")
            if empty.button is not None:
                empty.button.setObjectName("today-first-promise")
                empty.button.setAccessibleName(_("Make your first promise"))
                empty.button.setToolTip(tip_with_keys(_("Make a new promise"), _new_keys()))
            empty.action_clicked.connect(self._new_commitment)
            self._first = self._add(empty)
        return self._first

    @property
    def rest(self) -> EmptyState:
        """Shown on a day with nothing due."""
        if self._rest is None:
            empty = EmptyState("today", _("Nothing is due today"),
                               _("Rest is part of it, too."), None, self._column)
            empty.setObjectName("today-empty-rest")
            self._rest = self._add(empty)
        return self._rest

    def show_first(self, archived: bool) -> None:
        """No live commitment: invite the first one (or a fresh one beside the archive)."""
        empty = self.first
        title, text = ALL_ARCHIVED if archived else FIRST_PROMISE
        empty.set_text(_(title), _(text))
        if empty.button is not None:
            words = _("Make a new promise") if archived else _("Make your first promise")
            empty.button.setText(words)
            empty.button.setAccessibleName(words)
        self._fit(empty)
        self._pages.setCurrentWidget(empty)

    def show_rest(self, day: date, today: date) -> None:
        title = _("Nothing is due today") if day == today else _("Nothing is due on this day")
        self.rest.set_text(title, _("Rest is part of it, too."))
        self._fit(self.rest)
        self._pages.setCurrentWidget(self.rest)

    def _add(self, empty: EmptyState) -> EmptyState:
        self._fit(empty)
        self._pages.addWidget(empty)
        return empty

    def _fit(self, empty: EmptyState) -> None:
        """Room for the words shown now (another language's may take more lines)."""
        _room_to_wrap(empty, self._owner.fontMetrics().height())


def _room_to_wrap(empty: EmptyState, u: int) -> None:
    """A centred, wrapped label gets no height-for-width from its layout: give it a
    width and the height its lines need at that width."""
    fm = empty.text.fontMetrics()
    longest = max((fm.horizontalAdvance(word) for word in empty.text.text().split()), default=0)
    # Wide enough for its longest word too (a long compound in another language).
    width = min(empty.text_room(), max(round(u * 26), longest + u // 2))
    empty.text.setFixedWidth(width)
    empty.text.setMinimumHeight(empty.text.heightForWidth(width))


def _new_keys() -> str:
    """The keys of the window's "New commitment" (the platform's standard New)."""
    return key_text(QKeySequence(QKeySequence.StandardKey.New))
