"""Every message box and file dialog goes through here.

One place means user text is always shown as plain text, buttons always carry clear
words ("Delete", not "Yes"), and tests can answer for the user by replacing
``prompter`` with a scripted one instead of leaving a modal dialog waiting.

Callers always write ``messages.prompter.ask(...)``, never ``from ... import prompter``:
the instance is looked up at the moment of asking, so replacing this one attribute
reaches every caller (tests/ui/test_dialogs_prompter.py checks it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from selftrust.base.i18n import _


def _box(
    parent: QWidget | None, title: str, text: str, kind: QMessageBox.Icon
) -> QMessageBox:
    """A message box that shows ``text`` as plain text (user text is never markup)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setIcon(kind)
    return box


class Prompter:
    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        accept: str,
        reject: str | None = None,
        detail: str = "",
        destructive: bool = False,
    ) -> bool:
        """``reject``: the word of the button that says no ("Cancel" when not given)."""
        box = _box(parent, title, text,
                   QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
        if detail:
            box.setInformativeText(detail)
        yes = box.addButton(
            accept,
            QMessageBox.ButtonRole.DestructiveRole
            if destructive
            else QMessageBox.ButtonRole.AcceptRole,
        )
        no = box.addButton(_("Cancel") if reject is None else reject,
                           QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no if destructive else yes)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        box = _box(parent, title, text, QMessageBox.Icon.Information)
        if detail:
            box.setInformativeText(detail)
        box.exec()

    def problem(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        """The detail (a traceback, a file's errors) goes behind "Show details"."""
        box = _box(parent, title, text, QMessageBox.Icon.Warning)
        if detail:
            box.setDetailedText(detail)
        box.exec()

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: list[str]
    ) -> int | None:
        """Several clear answers; returns the index chosen or None for Cancel/Escape."""
        box = _box(parent, title, text, QMessageBox.Icon.Question)
        buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, button in enumerate(buttons) if button is clicked), None)

    def open_file(self, parent: QWidget | None, caption: str, filters: str, *,
                  start: Path | None = None) -> Path | None:
        """``start``: the folder to open in (home when not given)."""
        folder = start or Path.home()
        name, _filter = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, caption: str, suggested: str, filters: str, *,
        start: Path | None = None,
    ) -> Path | None:
        """``suggested``: a file name, put in ``start`` (home when not given)."""
        folder = start or Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            parent, caption, str(folder / suggested), filters
        )
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, caption: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, caption, str(Path.home()))
        return Path(name) if name else None


prompter = Prompter()
"""The one instance the app uses; tests swap in a scripted subclass."""
