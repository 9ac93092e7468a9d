"""Every window-level action in one place, with standard shortcuts where they exist,
accessible names, and status tips. Views add their own row-level actions.

The words are translated when the actions are made (with the window); the shortcuts
are not words: they stay as they are in every language."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.ui.look.icons import icon

Std = QKeySequence.StandardKey


@dataclass
class Actions:
    new_commitment: QAction
    import_data: QAction
    export_data: QAction
    export_chart: QAction
    send_to_loop: QAction
    backups: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    preferences: QAction
    manage: QAction
    view_today: QAction
    view_streaks: QAction
    view_jar: QAction
    view_charts: QAction
    view_reflections: QAction
    previous_day: QAction
    next_day: QAction
    go_today: QAction
    pick_day: QAction
    reflect: QAction
    help_counted: QAction
    help_guide: QAction
    help_more: QAction
    shortcuts: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


def _action(
    parent: QWidget,
    text: str,
    tip: str,
    shortcut: QKeySequence.StandardKey | str | list[str] | None = None,
    icon_name: str | None = None,
) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
    return action


def make_actions(parent: QWidget) -> Actions:
    """The window's actions, in the language spoken now (made with the window)."""
    a = Actions(
        new_commitment=_action(parent, _("&New commitment…"),
                               _("Make a new promise to yourself"), Std.New, "add"),
        import_data=_action(parent, _("&Import…"),
                            _("Bring in data from Self-Trust or Loop Habit Tracker"), "Ctrl+I",
                            "import"),
        export_data=_action(parent, _("&Export…"), _("Save all your data as JSON or CSV"),
                            "Ctrl+Shift+S", "export"),
        export_chart=_action(parent, _("Export &chart…"),
                             _("Save the chart you see as PNG, SVG or PDF"), "Ctrl+Shift+E"),
        send_to_loop=_action(parent, _("Send to &Loop…"),
                             _("Write a backup that Loop Habit Tracker on the phone merges")),
        backups=_action(parent, _("&Backups…"), _("See, make and restore backups"), None,
                        "backup"),
        quit=_action(parent, _("&Quit"), _("Close Self-Trust"), Std.Quit),
        undo=_action(parent, _("&Undo"), _("Undo the last change"), Std.Undo, "undo"),
        redo=_action(parent, _("&Redo"), _("Redo what was undone"), ["Ctrl+Shift+Z", "Ctrl+Y"],
                     "redo"),
        preferences=_action(parent, _("&Preferences…"),
                            _("Day start, week start, theme, motion"),
                            Std.Preferences if QKeySequence.keyBindings(Std.Preferences)
                            else "Ctrl+,", "settings"),
        manage=_action(parent, _("&Manage commitments…"),
                       _("Edit, reorder, pause, archive or delete commitments"), "Ctrl+M",
                       "edit"),
        # TRANSLATORS: the views' names, in the View menu and the rail at the window's
        # side (keep them short).
        view_today=_action(parent, pgettext("view", "&Today"), _("Today's promises"),
                           "Ctrl+1", "today"),
        view_streaks=_action(parent, pgettext("view", "&Streaks"), _("Streaks and calendars"),
                             "Ctrl+2", "streaks"),
        view_jar=_action(parent, pgettext("view", "Marble &jar"),
                         _("Your marble jar of self-trust"), "Ctrl+3", "jar"),
        view_charts=_action(parent, pgettext("view", "&Charts"), _("Trust growing over time"),
                            "Ctrl+4", "charts"),
        view_reflections=_action(parent, pgettext("view", "Re&flections"),
                                 _("Your reflections journal"), "Ctrl+5", "reflections"),
        previous_day=_action(parent, _("&Previous day"), _("Show the day before"),
                             ["Alt+Left", "Ctrl+PgUp"], "previous-day"),
        next_day=_action(parent, _("Ne&xt day"), _("Show the day after"),
                         ["Alt+Right", "Ctrl+PgDown"], "next-day"),
        go_today=_action(parent, _("Go to to&day"), _("Back to today"), ["Alt+Home", "Ctrl+T"]),
        pick_day=_action(parent, _("Go to &date…"), _("Pick a day from a calendar"), "Ctrl+G",
                         "calendar"),
        reflect=_action(parent, _("&Reflect…"), _("Write a reflection"), "Ctrl+R", "reflect"),
        help_counted=_action(parent, _("&How is this counted?"),
                             _("How the jar, streaks and strength are counted"),
                             Std.HelpContents, "help"),
        help_guide=_action(parent, _("Why &reflecting helps"),
                           _("The ideas behind the reflection")),
        help_more=_action(parent, _("When it’s &more than a habit"),
                          _("When professional support can help")),
        shortcuts=_action(parent, _("&Keyboard shortcuts"), _("Every key Self-Trust knows"),
                          "Ctrl+/"),
        about=_action(parent, _("&About Self-Trust"), _("About Self-Trust")),
    )
    for action in a.all():
        action.setData(action.text().replace("&", ""))
    return a
