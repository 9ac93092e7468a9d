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


def _sum_line(text: str) -> list[int]:
    """The page's own sum, "Altogether: a won − b … = m marbles", as numbers."""
    import re

    line = text.split("Altogether:", 1)[1].split("marbles.", 1)[0]
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", line)]


def test_the_page_adds_up_to_the_jar_with_extra_check_offs(ctx: UiContext) -> None:
    """Once a week, checked off three times a week: the page counts what the jar won."""
    from datetime import timedelta

    from selftrust.domain.commitment import Rules
    from selftrust.domain.schedule import Schedule

    ws = ctx.ws
    start = TODAY - timedelta(days=22)
    cid = ws.commitments.create(
        CommitmentDraft("Call Mum", Rules(Schedule.per_week(1)), created_on=start)).id
    for d in range(0, 21, 2):
        ws.checkins.record(cid, start + timedelta(days=d), CheckinState(Status.KEPT))
    ws.checkins.record(cid, start + timedelta(days=1), CheckinState(Status.MISSED))
    text = _text(ctx)
    jar = ws.stats.report().jar
    won, lost, repaired_cost, repaired_back, spared, marbles = _sum_line(text)
    assert marbles == jar.marbles
    assert won - lost - repaired_cost + repaired_back + spared == marbles
    assert f"Marbles in your jar {jar.marbles}" in text
    assert "Promises kept that won a marble 3" in text  # one a week, not eleven


def test_the_page_of_an_empty_folder_adds_up_to_nothing(ctx: UiContext) -> None:
    assert _sum_line(_text(ctx)) == [0, 0, 0, 0, 0, 0]
