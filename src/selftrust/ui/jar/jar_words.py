"""The words beside the marble jar: true to the count, and kind.

Two rules the first day taught us. The gold line counts repairs, and says a marble is
gold only for the gold marbles the jar really holds (a repair on an empty jar leaves
nothing to draw gold yet). And an empty jar is "waiting for its first marble" only when
it has never had one: when marbles were won and knocked out again, it says so, and what
brings them back.
"""

from __future__ import annotations

from selftrust.domain.jar import JarRules
from selftrust.services.jar_picture import JarPicture

WAITING = ("Your jar is waiting for its first marble. Every promise you keep adds one; "
           "a miss you reflect on comes back in gold.")
EMPTIED = ("Your jar is empty for now. Every promise you keep adds a marble, and a "
           "reflection on a miss brings its marbles back.")


def _n(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def gold_words(p: JarPicture) -> str:
    """The gold line ("" when nothing was repaired)."""
    if p.gold <= 0:
        return ""
    if p.gold_in_jar == p.gold:
        return (_n(p.gold, "gold marble", "gold marbles") + " — "
                + ("a miss you repaired with a reflection" if p.gold == 1
                   else "misses you repaired with a reflection"))
    repaired = _n(p.gold, "miss", "misses") + " repaired with a reflection"
    if p.gold_in_jar <= 0:
        return repaired
    return f"{repaired} · {_n(p.gold_in_jar, 'gold marble', 'gold marbles')} in your jar"


def note_words(p: JarPicture, rules: JarRules) -> str:
    """The line under an empty jar ("" while it holds marbles)."""
    if p.marbles > 0:
        return ""
    if p.today_lost > 0:
        return _lost_today(p, rules)
    if p.ever_won > 0:
        return EMPTIED
    if p.gold > 0:
        first = ("it will shine gold, for the miss you repaired" if p.gold == 1
                 else "the first ones will shine gold, for the misses you repaired")
        return ("Your jar is waiting for its first marble. Every promise you keep adds "
                f"one — {first}.")
    return WAITING


def _lost_today(p: JarPicture, rules: JarRules) -> str:
    misses = p.today_misses
    by = "a promise not kept" if misses <= 1 else f"{misses:,} promises not kept"
    lost = p.today_lost
    if p.today_won > 0:
        text = (f"{_n(p.today_won, 'marble', 'marbles')} won today, {lost:,} knocked out "
                f"by {by}")
    else:
        text = f"{_n(lost, 'marble', 'marbles')} knocked out today by {by}"
    if misses <= 0:
        return text + "."
    back = "some" if rules.repair_return < rules.miss_cost else None
    if misses == 1:
        them = back or ("it" if lost == 1 else "them")
        return f"{text} — a reflection on it brings {them} back."
    return f"{text} — a reflection on each brings {back or 'its marbles'} back."
