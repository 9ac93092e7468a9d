"""A list of commitments drawn by the commitment delegate; the reorderable one takes
drag and drop inside itself (the model moves the rows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView

from selftrust.ui.widgets.commitment_delegate import CommitmentDelegate
from selftrust.ui.widgets.commitment_list_model import CommitmentListModel


def commitment_list_view(model: CommitmentListModel, name: str, *,
                         reorderable: bool) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(CommitmentDelegate(view, grip=reorderable))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if reorderable:
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragDropOverwriteMode(False)
    return view
