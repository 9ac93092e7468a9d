"""`selftrust settings [NAME [VALUE]]`: the personal settings of Preferences (day start,
week start, reminders, the daily summary, the daily export), listed, shown or set.

Names and words live in services/personal_settings.py; the checks are the window's."""

from __future__ import annotations

import argparse

from selftrust.base.i18n import N_, _
from selftrust.cli.common import Command, open_data, print_json


def _settings_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?",
                   help=_("one setting, e.g. day-start (default: all of them)"))
    p.add_argument("value", nargs="?", help=_("its new value, e.g. 05:00"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _settings(args: argparse.Namespace) -> int:
    from selftrust.services.personal_settings import SETTINGS, change_setting, find_setting

    chosen = SETTINGS if args.name is None else (find_setting(args.name),)
    with open_data(args) as ws:
        if args.value is not None:
            change_setting(ws, chosen[0], args.value)
        settings = ws.settings
    if args.json:
        print_json({s.name: s.value(settings) for s in chosen})
    elif args.value is not None:
        # TRANSLATORS: {name} is a setting's name as typed ("day-start"), {value} its value.
        print(_("Saved: {name} is {value}.").format(name=chosen[0].name,
                                                    value=chosen[0].shown(settings)))
    elif args.name is not None:
        print(f"{chosen[0].name}: {chosen[0].shown(settings)} — {chosen[0].about}")
    else:
        width = max(len(s.shown(settings)) for s in SETTINGS)
        for s in SETTINGS:
            print(f"{s.name:<14} {s.shown(settings):<{width}}  {s.about}")
    return 0


SETTINGS_COMMAND = Command("settings", N_("list, show or change your personal settings"),
                           _settings_args, _settings,
                           reads_only=lambda args: args.value is None)
