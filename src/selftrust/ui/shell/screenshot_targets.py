"""What `selftrust screenshot --view` can capture, by name.

Kept free of Qt, so the CLI can offer the names in `--help` without starting Qt.
"""

from __future__ import annotations

VIEWS = ("today", "streaks", "jar", "charts", "reflections")

DIALOGS: dict[str, str] = {
    # name -> "module:function" taking (ctx, window) and returning the widget to grab
    "welcome": "selftrust.ui.dialogs.welcome_dialog:screenshot_target",
    "commitment-dialog": "selftrust.ui.dialogs.commitment_dialog:screenshot_target",
    "preferences": "selftrust.ui.dialogs.preferences_dialog:screenshot_target",
    "preferences-loop": "selftrust.ui.dialogs.preferences_dialog:loop_screenshot_target",
    "preferences-loop-followed":
        "selftrust.ui.dialogs.preferences_dialog:loop_followed_screenshot_target",
    "preferences-sync": "selftrust.ui.dialogs.preferences_dialog:sync_screenshot_target",
    "preferences-sync-set-up":
        "selftrust.ui.dialogs.preferences_dialog:sync_set_up_screenshot_target",
    "sync-kept-both": "selftrust.ui.dialogs.sync_notes:screenshot_target",
    "send-to-loop": "selftrust.ui.dialogs.loop_send_dialog:screenshot_target",
    "manage": "selftrust.ui.dialogs.manage_dialog:screenshot_target",
    "reflection-dialog": "selftrust.ui.reflections.reflection_picture:screenshot_target",
    "how-counted": "selftrust.ui.dialogs.help_dialog:screenshot_target",
    "backups": "selftrust.ui.dialogs.data_dialogs:screenshot_target",
    "pause": "selftrust.ui.dialogs.pause_dialog:screenshot_target",
    "shortcuts": "selftrust.ui.dialogs.shortcuts_dialog:screenshot_target",
}


def all_targets() -> tuple[str, ...]:
    return (*VIEWS, *DIALOGS)
