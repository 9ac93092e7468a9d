"""What sync tells the person once, and the one question it asks.

* A text changed on two computers while apart: both versions are kept, and the person
  is told once, in a box that does not stop them (it arrives on its own, while they may
  be typing; it waits beside the window until read).
* Two commitments of one title after two records met: offered for merging, never
  merged silently (two "Walk" commitments may be two promises).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from selftrust.base.i18n import N_, _, pgettext
from selftrust.ui.dialogs import messages

KEPT_BOTH_TITLE = N_("Both versions are kept")
KEPT_BOTH_MORE = N_("The later change is the one shown; the other one is kept beside it, "
                    "so nothing you typed is lost.")


def show_kept_both(parent: QWidget, lines: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("sync-kept-both")
    box.setWindowTitle(_(KEPT_BOTH_TITLE))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("\n".join(dict.fromkeys(lines)))  # each said once
    box.setInformativeText(_(KEPT_BOTH_MORE))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def merge_question(title: str) -> str:
    # TRANSLATORS: {title} is a commitment's title, held by one commitment on each computer
    return _("“{title}” exists on both computers. Merge them into one?").format(title=title)


MERGE_DETAIL = N_("The check-ins of both come together in one commitment; on a day both "
                  "have one, the first one’s stays. Reflections move along.")


def ask_merge(parent: QWidget, title: str) -> bool:
    return messages.prompter.ask(parent, _("Merge two commitments"), merge_question(title),
                                 accept=pgettext("verb, button", "Merge"),
                                 reject=_("Keep both"), detail=_(MERGE_DETAIL))


def screenshot_target(ctx: object, window: QWidget) -> QWidget:
    """The conflict message as it comes, for the docs."""
    # the words sync says (services/sync/result.py), about an example device
    box = show_kept_both(window, [
        _("This reflection was also changed on {device}; both versions are kept.").format(
            device="Laptop")])
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # grabbed, then closed
    return box
