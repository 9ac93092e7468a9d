"""The main window's menu bar: every action in its menu, in the order people expect,
with the platform's menu roles (Quit, About, Preferences) set."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from selftrust.base.i18n import pgettext
from selftrust.ui.shell.actions import Actions


def build_menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    # TRANSLATORS: the menu bar's menus; each letter after & is its Alt key, and no two
    # menus should share one.
    file_menu = bar.addMenu(pgettext("menu", "&File"))
    for action in (a.new_commitment, None, a.import_data, a.export_data, a.export_chart,
                   None, a.send_to_loop, None, a.backups, None, a.quit):
        file_menu.addSeparator() if action is None else file_menu.addAction(action)
    edit = bar.addMenu(pgettext("menu", "&Edit"))
    for action in (a.undo, a.redo, None, a.manage, None, a.preferences):
        edit.addSeparator() if action is None else edit.addAction(action)
    view = bar.addMenu(pgettext("menu", "&View"))
    for action in (a.view_today, a.view_streaks, a.view_jar, a.view_charts,
                   a.view_reflections, None, a.previous_day, a.next_day, a.go_today,
                   a.pick_day):
        view.addSeparator() if action is None else view.addAction(action)
    reflect = bar.addMenu(pgettext("menu", "&Reflect"))
    reflect.addAction(a.reflect)
    help_menu = bar.addMenu(pgettext("menu", "&Help"))
    for action in (a.help_counted, a.help_guide, a.help_more, a.shortcuts, None, a.about):
        help_menu.addSeparator() if action is None else help_menu.addAction(action)
    a.quit.setMenuRole(a.quit.MenuRole.QuitRole)
    a.about.setMenuRole(a.about.MenuRole.AboutRole)
    a.preferences.setMenuRole(a.preferences.MenuRole.PreferencesRole)
    for action in a.all():
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
