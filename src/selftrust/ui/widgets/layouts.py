"""Layouts for editors that sit inside a form: no margins of their own (the form has
them), parts stacked in the order given; and rows that read as one sentence with fields
in it, in the word order of the person's language."""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

_FIELD = re.compile(r"\{(\w+)\}")
SENTENCE_PART = "sentence-part"
"""The object name of the words between a sentence's fields: a piece of one translated
message (the whole of it is the row's ``sentence`` property)."""


def column(owner: QWidget, *parts: QWidget | QLayout, spacing: int = 6) -> QVBoxLayout:
    """``owner``'s layout: the parts top to bottom, flush with its edges."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


class Sentence(QWidget):
    """A row that reads as one sentence with fields in it: "[3] times a week".

    The template is the translated sentence naming its fields ("{times} times a week"),
    so each language puts them where its word order wants them; the words between the
    fields become plain labels, and the row lays itself out right to left in a
    right-to-left language, as every layout does. A sentence whose words follow a
    field's number (plural forms) is given its new template as the number changes.
    """

    def __init__(self, template: str, fields: Mapping[str, QWidget], *,
                 stretch: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = dict(fields)
        self._stretch = stretch
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        for field in self._fields.values():
            field.setParent(self)
        self.template = ""
        self.set_template(template)

    def set_template(self, template: str) -> None:
        """Lay the row out for ``template`` (the same fields, maybe in another order)."""
        if template == self.template:
            return
        self.template = template
        self.setProperty("sentence", template)
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.objectName() == SENTENCE_PART:
                widget.deleteLater()
        for i, piece in enumerate(_FIELD.split(template)):
            if i % 2:
                self.row.addWidget(self._fields[piece])
            elif piece.strip():
                label = QLabel(piece.strip(), self)
                label.setObjectName(SENTENCE_PART)
                label.setTextFormat(Qt.TextFormat.PlainText)
                self.row.addWidget(label)
        if self._stretch:
            self.row.addStretch(1)


def sentence(template: str, fields: Mapping[str, QWidget], *, stretch: bool = True
             ) -> Sentence:
    """A `Sentence` row with ``fields`` placed where ``template`` names them."""
    return Sentence(template, fields, stretch=stretch)
