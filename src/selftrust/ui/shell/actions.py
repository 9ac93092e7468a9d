"""Every window-level action in one place, with standard shortcuts where they exist,
accessible names, and status tips. Views add their own row-level actions."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

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
    a = Actions(
        new_commitment=_action(parent, "&New commitment…", "Make a new promise to yourself",
                               Std.New, "add"),
        import_data=_action(parent, "&Import…",
                            "Bring in data from Self-Trust or Loop Habit Tracker", "Ctrl+I",
                            "import"),
        export_data=_action(parent, "&Export…", "Save all your data as JSON or CSV",
                            "Ctrl+Shift+S", "export"),
        export_chart=_action(parent, "Export &chart…", "Save the chart you see as PNG, SVG or PDF",
                             "Ctrl+Shift+E"),
        send_to_loop=_action(parent, "Send to &Loop…",
                             "Write a backup that Loop Habit Tracker on the phone merges"),
        backups=_action(parent, "&Backups…", "See, make and restore backups", None, "backup"),
        quit=_action(parent, "&Quit", "Close Self-Trust", Std.Quit),
        undo=_action(parent, "&Undo", "Undo the last change", Std.Undo, "undo"),
        redo=_action(parent, "&Redo", "Redo what was undone", ["Ctrl+Shift+Z", "Ctrl+Y"],
                     "redo"),
        preferences=_action(parent, "&Preferences…", "Day start, week start, theme, motion",
                            Std.Preferences if QKeySequence.keyBindings(Std.Preferences)
                            else "Ctrl+,", "settings"),
        manage=_action(parent, "&Manage commitments…",
                       "Edit, reorder, pause, archive or delete commitments", "Ctrl+M", "edit"),
        view_today=_action(parent, "&Today", "Today's promises", "Ctrl+1", "today"),
        view_streaks=_action(parent, "&Streaks", "Streaks and calendars", "Ctrl+2", "streaks"),
        view_jar=_action(parent, "Marble &jar", "Your marble jar of self-trust", "Ctrl+3", "jar"),
        view_charts=_action(parent, "&Charts", "Trust growing over time", "Ctrl+4", "charts"),
        view_reflections=_action(parent, "Re&flections", "Your reflections journal", "Ctrl+5",
                                 "reflections"),
        previous_day=_action(parent, "&Previous day", "Show the day before", ["Alt+Left",
                             "Ctrl+PgUp"], "previous-day"),
        next_day=_action(parent, "Ne&xt day", "Show the day after", ["Alt+Right", "Ctrl+PgDown"],
                         "next-day"),
        go_today=_action(parent, "Go to to&day", "Back to today", ["Alt+Home", "Ctrl+T"]),
        pick_day=_action(parent, "Go to &date…", "Pick a day from a calendar", "Ctrl+G",
                         "calendar"),
        reflect=_action(parent, "&Reflect…", "Write a reflection", "Ctrl+R", "reflect"),
        help_counted=_action(parent, "&How is this counted?",
                             "How the jar, streaks and strength are counted", Std.HelpContents,
                             "help"),
        help_guide=_action(parent, "Why &reflecting helps", "The ideas behind the reflection"),
        help_more=_action(parent, "When it’s &more than a habit",
                          "When professional support can help"),
        shortcuts=_action(parent, "&Keyboard shortcuts", "Every key Self-Trust knows",
                          "Ctrl+/"),
        about=_action(parent, "&About Self-Trust", "About Self-Trust"),
    )
    for action in a.all():
        action.setData(action.text().replace("&", ""))
    return a
