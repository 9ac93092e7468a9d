"""The first run: a friendly welcome that explains the idea in two sentences and offers
starter commitments to pick (and edit) before adding them, or to start empty.

It shows once: when the data has never been welcomed and holds no commitments. However
it closes, ``welcomed`` is saved, so it never asks again.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, shown_markup
from selftrust.base.resources import localized_resource_path
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import UserError
from selftrust.services.starters import load_starters
from selftrust.ui.dialogs import commitment_actions as actions
from selftrust.ui.dialogs.opening import open_modal
from selftrust.ui.look.icons import app_icon
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.commitment_delegate import CommitmentDelegate
from selftrust.ui.widgets.commitment_list_model import COLOR_ROLE, DETAIL_ROLE
from selftrust.ui.widgets.labels import Hint, InlineMessage, plain_tooltip
from selftrust.ui.widgets.rule_words import rules_words

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 10


def welcome_text() -> tuple[str, str]:
    """(heading, the two sentences) from resources/help/welcome.html, as plain text."""
    source = shown_markup(
        localized_resource_path("help", "welcome.html").read_text(encoding="utf-8"))
    source = re.sub(r"<!--.*?-->", "", source, flags=re.DOTALL)

    def plain(fragment: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())

    heading = re.search(r"<h2[^>]*>(.*?)</h2>", source, flags=re.DOTALL)
    body = re.findall(r"<p[^>]*>(.*?)</p>", source, flags=re.DOTALL)
    return (plain(heading.group(1)) if heading else _("Welcome to Self-Trust"),
            " ".join(plain(p) for p in body))


class WelcomeDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcome-dialog")
        self.setWindowTitle(_("Welcome"))
        em = self.fontMetrics().horizontalAdvance("m")
        heading_text, body_text = welcome_text()

        logo = QLabel()
        side = self.fontMetrics().height() * 3
        logo.setPixmap(app_icon().pixmap(side, side))
        logo.setAccessibleName("Self-Trust")
        self.heading = QLabel(heading_text)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.body = QLabel(body_text)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setObjectName("welcome-text")

        self.pick_label = QLabel(_("&Pick a few promises to begin with:"))
        self.pick_label.setTextFormat(Qt.TextFormat.PlainText)
        pick_font = QFont(self.pick_label.font())
        pick_font.setWeight(QFont.Weight.DemiBold)
        self.pick_label.setFont(pick_font)
        self.pick_hint = Hint(_("Change any of them first with Edit, or later at any time. "
                                "Small and doable beats big and brave."))

        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("starter-list")
        self.list.setAccessibleName(_("Starter commitments"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CommitmentDelegate(self.list, grip=False))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.pick_label.setBuddy(self.list)
        for draft in load_starters():
            self.model.appendRow(self._item(draft))

        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setObjectName("welcome-edit")
        self.edit_button.setAccessibleName(_("Edit the selected starter"))
        self.edit_button.setToolTip(_("Change the selected promise before adding it"))
        self.edit_button.setAutoDefault(False)
        self.message = InlineMessage()
        self.empty_button = QPushButton(_("&Start empty"))
        self.empty_button.setObjectName("welcome-empty")
        self.empty_button.setAccessibleName(_("Start empty"))
        self.empty_button.setToolTip(_("Begin with no commitments and add your own"))
        self.empty_button.setAutoDefault(False)
        self.add_button = QPushButton()
        self.add_button.setObjectName("welcome-add")
        self.add_button.setDefault(True)

        top = QHBoxLayout()
        top.setSpacing(em)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.heading)
        words.addWidget(self.body)
        top.addLayout(words, 1)

        pick_row = QHBoxLayout()
        pick_row.addWidget(self.pick_label)
        pick_row.addStretch(1)
        pick_row.addWidget(self.edit_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.empty_button)
        bottom.addStretch(1)
        bottom.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 3 // 2)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(em)
        layout.addLayout(pick_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.pick_hint)
        layout.addWidget(self.message)
        layout.addSpacing(em // 2)
        layout.addLayout(bottom)
        self.resize(em * 44, em * 50)
        QWidget.setTabOrder(self.list, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.add_button)
        QWidget.setTabOrder(self.add_button, self.empty_button)

        self.model.itemChanged.connect(self._sync)
        self.list.selectionModel().currentChanged.connect(self._sync)
        self.list.activated.connect(lambda _index: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.empty_button.clicked.connect(self.start_empty)
        self.add_button.clicked.connect(self.add_picked)
        self.finished.connect(self._mark_welcomed)
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus()
        self._sync()

    # --- the starters -----------------------------------------------------------------
    @staticmethod
    def _item(draft: CommitmentDraft) -> QStandardItem:
        item = QStandardItem(draft.title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
        item.setCheckState(Qt.CheckState.Unchecked)
        WelcomeDialog._fill(item, draft)
        return item

    @staticmethod
    def _fill(item: QStandardItem, draft: CommitmentDraft) -> None:
        words = rules_words(draft.rules)
        item.setText(draft.title)
        item.setData(draft, DRAFT_ROLE)
        item.setData(words, DETAIL_ROLE)
        item.setData(draft.color or "#888888", COLOR_ROLE)
        item.setData(f"{draft.title}, {words}", Qt.ItemDataRole.AccessibleTextRole)
        tip = f"{draft.title}\n{words}"
        if draft.why:
            tip += f"\n\n{draft.why}"
        item.setToolTip(plain_tooltip(tip))  # an edited title is user text

    def drafts(self) -> list[CommitmentDraft]:
        return [self.model.item(r).data(DRAFT_ROLE) for r in range(self.model.rowCount())]

    def picked(self) -> list[CommitmentDraft]:
        return [
            self.model.item(r).data(DRAFT_ROLE)
            for r in range(self.model.rowCount())
            if self.model.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_picked(self, row: int, picked: bool = True) -> None:
        self.model.item(row).setCheckState(
            Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)

    def _sync(self, *_args: object) -> None:
        count = len(self.picked())
        self.add_button.setEnabled(count > 0)
        text = (ngettext("&Add {n} commitment", "&Add {n} commitments", count)
                .format(n=formats.number(count)) if count else _("&Add commitments"))
        self.add_button.setText(text)
        self.add_button.setAccessibleName(text.replace("&", ""))
        self.edit_button.setEnabled(self.list.currentIndex().isValid())

    # --- buttons ----------------------------------------------------------------------
    def edit_selected(self) -> QDialog | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        row = index.row()
        item = self.model.item(row)
        from selftrust.ui.dialogs.commitment_dialog import make_form

        def keep(draft: CommitmentDraft) -> None:
            self._fill(item, draft)
            item.setCheckState(Qt.CheckState.Checked)  # edited means wanted

        draft: CommitmentDraft = item.data(DRAFT_ROLE)
        form = make_form(
            self.ctx,
            self,
            save=keep,
            draft=replace(draft, created_on=draft.created_on or self.ctx.ws.today()),
            heading=_("Edit before adding"),
            accept_text=_("&Use this"),
        )
        form.open()
        return form

    def add_picked(self) -> None:
        picked = self.picked()
        if not picked:
            return
        # TRANSLATORS: the name of the step in Edit → Undo.
        text = ngettext("Add {n} starter commitment", "Add {n} starter commitments",
                        len(picked)).format(n=formats.number(len(picked)))
        try:
            actions.create_many(self.ctx, picked, text)
        except UserError as exc:
            self.message.show_message(str(exc))
            return
        self.accept()

    def start_empty(self) -> None:
        self.reject()

    def _mark_welcomed(self) -> None:
        mark_welcomed(self.ctx)


def mark_welcomed(ctx: UiContext) -> None:
    if ctx.ws.settings.welcomed:
        return
    try:
        ctx.ws.update_settings(replace(ctx.ws.settings, welcomed=True))
    except UserError:  # a read-only disk: the welcome may come again, nothing worse
        pass


def maybe_welcome(ctx: UiContext, parent: QWidget | None) -> WelcomeDialog | None:
    """Called at start-up: show the welcome once, to a person with no commitments yet."""
    if ctx.ws.settings.welcomed:
        return None
    if ctx.ws.commitments.all(include_archived=True):
        mark_welcomed(ctx)  # data from the command line or an import: no need to welcome
        return None
    return open_modal(WelcomeDialog(ctx, parent))


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    dialog = WelcomeDialog(ctx, window)
    dialog.finished.disconnect(dialog._mark_welcomed)  # a picture changes nothing
    for row in (0, 2, 5):
        dialog.set_picked(row)
    dialog.show()
    return dialog
