"""Help pages and the About box: our own HTML from resources/help, shown read-only.

Figures put into a page are numbers we computed, formatted and escaped here; no user
text is ever inserted into HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from selftrust import __version__
from selftrust.base import formats
from selftrust.base.i18n import N_, _, shown_markup
from selftrust.base.resources import localized_resource_path
from selftrust.ui.shell.context import UiContext

TITLES = {
    "how-counted": N_("How is this counted?"),
    "reflection-guide": N_("Why reflecting helps"),
    "more-than-a-habit": N_("When it’s more than a habit"),
    "about": N_("About Self-Trust"),
    "welcome": N_("Welcome"),
}


def page_title(page: str) -> str:
    return _(TITLES[page]) if page in TITLES else _("Help")


def page_html(ctx: UiContext, page: str) -> str:
    text = shown_markup(
        localized_resource_path("help", f"{page}.html").read_text(encoding="utf-8"))
    if page == "how-counted":
        figures = ctx.ws.stats.jar_figures()
        return text.format_map({k: html.escape(formats.number(v)) for k, v in figures.items()})
    if page == "about":
        return text.format_map({"version": html.escape(__version__)})
    return text


class HelpDialog(QDialog):
    def __init__(self, ctx: UiContext, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"help-{page}")
        self.setWindowTitle(page_title(page))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(page_html(ctx, page))
        self.browser.setAccessibleName(page_title(page))
        self.browser.document().setDocumentMargin(18)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_help(ctx: UiContext, parent: QWidget | None, page: str) -> HelpDialog:
    dialog = HelpDialog(ctx, page, parent)
    dialog.show()  # not modal: help can stay open beside the window
    return dialog


def show_about(ctx: UiContext, parent: QWidget | None) -> HelpDialog:
    return show_help(ctx, parent, "about")


def screenshot_target(ctx: UiContext, parent: QWidget) -> QWidget:
    dialog = show_help(ctx, parent, "how-counted")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog
