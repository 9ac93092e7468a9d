"""base.bidi: the person's text set inside a sentence of ours is isolated, line by line."""

from __future__ import annotations

from selftrust.base.bidi import FSI, PDI, isolate, without_isolates


def test_a_text_is_wrapped_in_first_strong_isolates() -> None:
    assert isolate("Walk") == "\u2068Walk\u2069"
    assert isolate("שלום") == f"{FSI}שלום{PDI}"


def test_nothing_stays_nothing() -> None:
    assert isolate("") == ""


def test_each_line_is_isolated_by_itself() -> None:
    """A paragraph ends every isolate: each line gets its own pair."""
    assert isolate("one\ntwo") == f"{FSI}one{PDI}\n{FSI}two{PDI}"
    assert isolate("a\r\nb") == f"{FSI}a{PDI}\r\n{FSI}b{PDI}"


def test_the_marks_can_be_taken_out_again() -> None:
    sentence = "“{title}” is on tomorrow’s list.".format(title=isolate("Book\non pillow"))
    assert without_isolates(sentence) == "“Book\non pillow” is on tomorrow’s list."
