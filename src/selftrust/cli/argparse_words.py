"""argparse's own words ("usage:", "options", "the following arguments are required"),
in the person's language.

argparse asks ``gettext.gettext`` of its own ``argparse`` domain, which no system ships
in most languages and which never knows our pseudo-language. ``speak_argparse_words()``
points argparse at our catalogue instead (argparse looks its ``_`` and ``ngettext`` up
as module globals on every call), and the messages below are argparse's, word for word,
marked here so that extraction puts them in our catalogue and volunteers translate them
with the rest of the app. Nothing here is shown by this module itself.

They are argparse's ``%``-style messages: a translation keeps every ``%s``,
``%(name)s`` and ``%r`` exactly. The list covers Python 3.11 to 3.14; a message that
a newer argparse adds stays English until it is added here.
"""

from __future__ import annotations

import argparse

from selftrust.base import i18n
from selftrust.base.i18n import N_

MESSAGES = (
    # the help page
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("subcommands"),
    # mistakes on the command line
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def plural_messages(n: int) -> tuple[str, ...]:
    """argparse's messages with a count, marked the only way a plural can be (a call of
    ``ngettext`` with both forms); argparse itself asks for them as it needs them."""
    return (i18n.ngettext("expected %s argument", "expected %s arguments", n),)


def _gettext(message: str | None) -> str | None:
    # argparse also passes None (a sub-parsers group without a description).
    return i18n._(message) if message else message


def speak_argparse_words() -> None:
    """argparse's words from our catalogue, in the language spoken when it asks."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
