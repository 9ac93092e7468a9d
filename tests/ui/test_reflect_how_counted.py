""""How is this counted?" says exactly what the jar does: a reflection brings the
marbles back and one marble in the jar is then drawn gold; repairs are counted as
repairs, never as gold marbles the jar does not hold."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.dialogs.help_dialog import page_html
from selftrust.ui.shell.context import UiContext
from tests.ui.reflect_helpers import TODAY


def _text(ctx: UiContext) -> str:
    doc = QTextDocument()
    doc.setHtml(page_html(ctx, "how-counted"))
    return " ".join(doc.toPlainText().split())


def test_the_rules_say_what_a_reflection_really_does(ctx: UiContext) -> None:
    text = _text(ctx)
    assert "+2, in gold" not in text  # the old claim: two gold marbles added
    assert "the 2 marbles it knocked out come back" in text
    assert "one of the marbles in your jar is then drawn gold" in text
    assert "never less than empty" in text


def test_a_repair_on_an_empty_jar_is_not_shown_as_a_gold_marble(ctx: UiContext) -> None:
    from selftrust.domain.commitment import Rules

    ws = ctx.ws
    gym = ws.commitments.create(CommitmentDraft("Gym", Rules(), created_on=TODAY)).id
    ws.checkins.record(gym, TODAY, CheckinState(Status.MISSED))
    ws.reflections.write(ReflectionDraft(TODAY, gym, happened="Too tired."))
    text = _text(ctx)
    assert "Marbles in your jar 0" in text
    assert "Gold marbles 1" not in text
    assert "Misses repaired by a reflection 1" in text
    assert "half a kept day (1 so far)" in text
