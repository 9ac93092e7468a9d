"""The commitment filter: all commitments, one, or a few.

Clicking a commitment while "All commitments" is on shows only that one; further
clicks add or remove commitments; "All commitments" goes back to everything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, pgettext
from selftrust.services.records import CommitmentRow


def swatch(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class CommitmentFilter(QPushButton):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Commitments shown in the chart"))
        self.setToolTip(_("Choose which commitments the chart shows"))
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._rows: list[CommitmentRow] = []
        self._chosen: set[int] | None = None  # None: all
        self._update_text()

    @property
    def selection(self) -> tuple[int, ...] | None:
        if self._chosen is None:
            return None
        return tuple(c.id for c in self._rows if c.id in self._chosen)

    def set_commitments(self, rows: Sequence[CommitmentRow]) -> None:
        self._rows = list(rows)
        if self._chosen is not None:
            known = {c.id for c in rows}
            self._chosen &= known
            if not self._chosen:
                self._chosen = None
        self._rebuild()

    def select(self, ids: Sequence[int] | None) -> None:
        self._chosen = None if ids is None else set(ids) or None
        self._rebuild()
        self.changed.emit()

    def _rebuild(self) -> None:
        menu = self._menu
        menu.clear()
        everything = QAction(_("All commitments"), menu)
        everything.setCheckable(True)
        everything.setChecked(self._chosen is None)
        everything.triggered.connect(lambda: self.select(None))
        menu.addAction(everything)
        menu.addSeparator()
        archived_started = False
        for c in self._rows:
            if c.archived and not archived_started:
                # TRANSLATORS: a heading in the chart's commitment menu, over the
                # archived commitments.
                menu.addSection(pgettext("commitments", "Archived"))
                archived_started = True
            # "&" in a title is an ampersand, not a shortcut marker.
            action = QAction(swatch(c.color), c.title.replace("&", "&&"), menu)
            action.setCheckable(True)
            action.setChecked(self._chosen is not None and c.id in self._chosen)
            action.triggered.connect(lambda _checked=False, cid=c.id: self._toggle(cid))
            menu.addAction(action)
        self._update_text()

    def _toggle(self, cid: int) -> None:
        if self._chosen is None:
            chosen = {cid}
        else:
            chosen = set(self._chosen) ^ {cid}
        self.select(sorted(chosen) if chosen else None)

    def _update_text(self) -> None:
        count = 0 if self._chosen is None else len(self._chosen)
        if self._chosen is None:
            text = _("All commitments")
        elif count == 1:
            (cid,) = self._chosen
            text = next((c.title for c in self._rows if c.id == cid), None) or ngettext(
                "{n} commitment", "{n} commitments", 1).format(n=formats.number(1))
            if len(text) > 28:
                text = text[:27].rstrip() + "…"
        else:
            text = ngettext("{n} commitment", "{n} commitments", count).format(
                n=formats.number(count))
        self.setText(text.replace("&", "&&"))
