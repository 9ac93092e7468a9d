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

from selftrust.ui.dialogs import messages

KEPT_BOTH_TITLE = "Both versions are kept"
KEPT_BOTH_MORE = ("The later change is the one shown; the other one is kept beside it, "
                  "so nothing you typed is lost.")


def show_kept_both(parent: QWidget, lines: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("sync-kept-both")
    box.setWindowTitle(KEPT_BOTH_TITLE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("\n".join(dict.fromkeys(lines)))  # each said once
    box.setInformativeText(KEPT_BOTH_MORE)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def merge_question(title: str) -> str:
    return f"“{title}” exists on both computers. Merge them into one?"


MERGE_DETAIL = ("The check-ins of both come together in one commitment; on a day both "
                "have one, the first one’s stays. Reflections move along.")


def ask_merge(parent: QWidget, title: str) -> bool:
    return messages.prompter.ask(parent, "Merge two commitments", merge_question(title),
                                 accept="Merge", reject="Keep both", detail=MERGE_DETAIL)


def screenshot_target(ctx: object, window: QWidget) -> QWidget:
    """The conflict message as it comes, for the docs."""
    box = show_kept_both(window, ["This reflection was also changed on Laptop; both "
                                  "versions are kept."])
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # grabbed, then closed
    return box
