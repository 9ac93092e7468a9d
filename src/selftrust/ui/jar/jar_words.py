"""The words beside the marble jar: true to the count, and kind.

Two rules the first day taught us. The gold line counts repairs, and says a marble is
gold only for the gold marbles the jar really holds (a repair on an empty jar leaves
nothing to draw gold yet). And an empty jar is "waiting for its first marble" only when
it has never had one: when marbles were won and knocked out again, it says so, and what
brings them back.

Every count goes through ``ngettext`` with its number (languages have up to six plural
forms) and ``formats.number`` ("1,250" / "1.250").
"""

from __future__ import annotations

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.domain.jar import JarRules
from selftrust.services.jar_picture import JarPicture

# Read at import, so kept in English and translated where shown: ``_(WAITING)``.
WAITING = N_("Your jar is waiting for its first marble. Every promise you keep adds one; "
             "a miss you reflect on comes back in gold.")
EMPTIED = N_("Your jar is empty for now. Every promise you keep adds a marble, and a "
             "reflection on a miss brings its marbles back.")


def repaired_words(n: int) -> str:
    """"3 misses repaired with a reflection"."""
    return ngettext("{n} miss repaired with a reflection",
                    "{n} misses repaired with a reflection", n).format(n=formats.number(n))


def gold_words(p: JarPicture) -> str:
    """The gold line ("" when nothing was repaired)."""
    if p.gold <= 0:
        return ""
    if p.gold_in_jar == p.gold:
        return ngettext("{n} gold marble — a miss you repaired with a reflection",
                        "{n} gold marbles — misses you repaired with a reflection",
                        p.gold).format(n=formats.number(p.gold))
    repaired = repaired_words(p.gold)
    if p.gold_in_jar <= 0:
        return repaired
    in_jar = ngettext("{n} gold marble in your jar", "{n} gold marbles in your jar",
                      p.gold_in_jar).format(n=formats.number(p.gold_in_jar))
    # TRANSLATORS: the jar's gold line when fewer gold marbles are in the jar than misses
    # were repaired: "3 misses repaired with a reflection · 1 gold marble in your jar".
    return _("{repaired} · {in_jar}").format(repaired=repaired, in_jar=in_jar)


def note_words(p: JarPicture, rules: JarRules) -> str:
    """The line under an empty jar ("" while it holds marbles)."""
    if p.marbles > 0:
        return ""
    if p.today_lost > 0:
        return _lost_today(p, rules)
    if p.ever_won > 0:
        return _(EMPTIED)
    if p.gold == 1:
        return _("Your jar is waiting for its first marble. Every promise you keep adds "
                 "one — it will shine gold, for the miss you repaired.")
    if p.gold > 1:
        return _("Your jar is waiting for its first marble. Every promise you keep adds "
                 "one — the first ones will shine gold, for the misses you repaired.")
    return _(WAITING)


def _lost_today(p: JarPicture, rules: JarRules) -> str:
    misses = p.today_misses
    if misses <= 1:
        # TRANSLATORS: why marbles left the jar today: "… knocked out by a promise not kept".
        cause = _("a promise not kept")
    else:
        cause = ngettext("{n} promise not kept", "{n} promises not kept", misses).format(
            n=formats.number(misses))
    lost = p.today_lost
    if p.today_won > 0:
        # TRANSLATORS: under an empty jar: {won} and {lost} are counts of marbles, {cause}
        # is "a promise not kept" or "3 promises not kept".
        what = ngettext("{won} marble won today, {lost} knocked out by {cause}",
                        "{won} marbles won today, {lost} knocked out by {cause}",
                        p.today_won).format(won=formats.number(p.today_won),
                                            lost=formats.number(lost), cause=cause)
    else:
        # TRANSLATORS: under an empty jar: {cause} is "a promise not kept" or "3 promises
        # not kept".
        what = ngettext("{lost} marble knocked out today by {cause}",
                        "{lost} marbles knocked out today by {cause}", lost).format(
                            lost=formats.number(lost), cause=cause)
    if misses <= 0:
        # TRANSLATORS: a sentence's full stop, after what happened to the jar today.
        return _("{what}.").format(what=what)
    some_back = rules.repair_return < rules.miss_cost
    if misses == 1:
        if some_back:
            remedy = _("a reflection on it brings some back.")
        elif lost == 1:
            remedy = _("a reflection on it brings it back.")
        else:
            remedy = _("a reflection on it brings them back.")
    elif some_back:
        remedy = _("a reflection on each brings some back.")
    else:
        remedy = _("a reflection on each brings its marbles back.")
    # TRANSLATORS: what happened to the jar today, then what a reflection does about it:
    # "2 marbles knocked out today by a promise not kept — a reflection on it brings
    # them back."
    return _("{what} — {remedy}").format(what=what, remedy=remedy)
