"""`selftrust stats`: streaks, strength, counts and the marble jar, as of a day."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext, pgettext
from selftrust.cli.common import Command, open_data, parse_day_arg, print_json
from selftrust.services.streak_units import streak_length, streak_unit

if TYPE_CHECKING:
    from selftrust.services.stats import CommitmentStats


def _stats_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help=_("as of this day (default today)"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _line(s: CommitmentStats) -> str:
    c, m = s.commitment, s.summary
    unit = streak_unit(c.rules)
    parts = [_("strength {percent}").format(percent=formats.percent(m.strength))]
    # No streak says nothing, as Today does (no scolding "streak 0 days").
    if m.current_streak:
        # TRANSLATORS: a commitment's current streak ("3 days", "2 weeks", "5 times")
        # and its longest one ever, a number.
        parts.append(_("streak {length} (best {best})").format(
            length=streak_length(m.current_streak, unit), best=formats.number(m.best_streak)))
    elif m.best_streak:
        # TRANSLATORS: a commitment's longest streak ever ("5 days"), when none runs now.
        parts.append(_("best streak {length}").format(
            length=streak_length(m.best_streak, unit)))
    n = formats.number
    parts.append(_("kept {kept}, not kept {missed} ({repaired} repaired), skipped {skipped}")
                 .format(kept=n(m.counts.kept), missed=n(m.counts.missed),
                         repaired=n(m.counts.repaired), skipped=n(m.counts.skipped)))
    # TRANSLATORS: what stands between the parts of a line such as "(kept, streak 3)".
    return f"  {c.title}: " + pgettext("between the parts of a line", ", ").join(parts)


def _stats(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        day = parse_day_arg(args.day, ws.today())
        report = ws.stats.report(day)
    if args.json:
        print_json(report.to_json())
        return 0
    jar = report.jar
    # TRANSLATORS: {day} is a date ("Tuesday, 24 November 2026"); gold marbles are the
    # ones a reflection brought back.
    print(ngettext("As of {day}: {n} marble in the jar ({gold} gold).",
                   "As of {day}: {n} marbles in the jar ({gold} gold).", jar.marbles).format(
        day=formats.day_title_with_year(day), n=formats.number(jar.marbles),
        gold=formats.number(jar.gold)))
    for s in report.items:
        print(_line(s))
    return 0


STATS = Command("stats", N_("streaks, strength, counts and the marble jar"), _stats_args, _stats,
                reads_only=True)
