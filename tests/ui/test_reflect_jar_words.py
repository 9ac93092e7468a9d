"""What the marble jar says beside the drawing: true to the count, and kind.

The words never claim more gold than the jar holds, and an empty jar that has had
marbles is not "waiting for its first marble"."""

from __future__ import annotations

from datetime import date

from selftrust.domain.jar import JarRules
from selftrust.services.jar_picture import GOLD, JarPicture
from selftrust.ui.jar.jar_words import WAITING, gold_words, note_words

DAY = date(2026, 11, 24)


def picture(marbles: int = 0, gold: int = 0, *, won: int = 0, lost: int = 0, misses: int = 0,
            ever: int | None = None) -> JarPicture:
    gold_in_jar = min(gold, marbles)
    pile = (GOLD,) * gold_in_jar + (1,) * (marbles - gold_in_jar)
    return JarPicture(day=DAY, marbles=marbles, gold=gold, gold_in_jar=gold_in_jar, pile=pile,
                      colors={1: "#3F8F6B"}, shares=(), week_first=DAY, week_change=0,
                      week_gold=0, today_won=won, today_lost=lost, today_misses=misses,
                      ever_won=won if ever is None else ever)


def test_a_new_jar_is_waiting_for_its_first_marble() -> None:
    assert note_words(picture(), JarRules()) == WAITING
    assert gold_words(picture()) == ""


def test_day_one_kept_one_missed_one_repaired_one_is_told_as_it_is() -> None:
    # Walk kept (+1), the coffee limit passed (−2, but only 1 was there), Gym missed and
    # reflected on: 0 marbles, 1 repair, nothing gold in the jar
    p = picture(0, 1, won=1, lost=1, misses=1)
    note = note_words(p, JarRules())
    assert "first marble" not in note
    assert note == ("1 marble won today, 1 knocked out by a promise not kept — "
                    "a reflection on it brings it back.")
    assert gold_words(p) == "1 miss repaired with a reflection"  # a count, no gold claimed


def test_more_misses_and_marbles_are_counted_in_plural() -> None:
    note = note_words(picture(0, 0, won=2, lost=5, misses=3, ever=9), JarRules())
    assert note == ("2 marbles won today, 5 knocked out by 3 promises not kept — "
                    "a reflection on each brings its marbles back.")
    note = note_words(picture(0, 0, won=0, lost=2, misses=1, ever=4), JarRules())
    assert note == "2 marbles knocked out today by a promise not kept — a reflection on it " \
                   "brings them back."


def test_an_empty_jar_emptied_on_an_earlier_day() -> None:
    note = note_words(picture(0, 0, ever=6), JarRules())
    assert "first marble" not in note and note.startswith("Your jar is empty for now.")


def test_a_repair_before_any_marble_promises_the_first_one_gold() -> None:
    note = note_words(picture(0, 1), JarRules())
    assert note.startswith("Your jar is waiting for its first marble.")
    assert "gold" in note


def test_gold_words_never_put_more_gold_in_the_jar_than_it_holds() -> None:
    assert gold_words(picture(5, 1)) == "1 gold marble — a miss you repaired with a reflection"
    assert gold_words(picture(9, 3)) == "3 gold marbles — misses you repaired with a reflection"
    assert gold_words(picture(1, 3)) == "3 misses repaired with a reflection · 1 gold marble " \
                                        "in your jar"
    assert gold_words(picture(0, 2)) == "2 misses repaired with a reflection"


def test_when_a_repair_does_not_bring_everything_back_the_words_do_not_promise_it() -> None:
    rules = JarRules(kept_gain=1, miss_cost=3, repair_return=1)
    note = note_words(picture(0, 0, won=1, lost=1, misses=1), rules)
    assert note.endswith("a reflection on it brings some back.")
