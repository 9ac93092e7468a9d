"""The shared widgets in the pseudo-language: every word they write passed through gettext.

The schedule, target, pause and reminder editors, the colour picker and an empty state,
made after switching to ``en_XA`` and shown in each of their states. The sentences the
domain writes (a schedule's summary "Every day", a target's refusal) are the domain's
to translate and are left to its tests; a row that reads as one sentence with fields in
it is read whole (its labels are pieces of one message).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Pause, Target
from selftrust.domain.days import Period
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import ScheduleError, ScheduleKind
from selftrust.ui.widgets.color_picker import ColorPicker
from selftrust.ui.widgets.dates import span_words
from selftrust.ui.widgets.empty_state import EmptyState
from selftrust.ui.widgets.layouts import Sentence
from selftrust.ui.widgets.pause_editor import PauseEditor
from selftrust.ui.widgets.reminder_editor import ReminderEditor
from selftrust.ui.widgets.rule_words import pause_words
from selftrust.ui.widgets.schedule_editor import ScheduleEditor
from selftrust.ui.widgets.target_editor import TargetEditor
from tests.i18n_helpers import untranslated, visible_texts

TODAY = date(2026, 11, 24)


def _texts(root: QWidget) -> list[str]:
    """What ``root`` shows, a sentence with fields read as the one message it is."""
    texts = visible_texts(root, skip=(Sentence,))
    for row in root.findChildren(Sentence):
        if row.isVisibleTo(root):
            texts.append(str(row.property("sentence")))
            for field in row.findChildren(QWidget):
                if field.parentWidget() is row and field.objectName() != "sentence-part":
                    texts += visible_texts(field)
    return texts


def _problems(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    return [f"{t!r}: {left}" for t in texts if (left := untranslated(t, allowed))]


def test_the_shared_editors_read_in_the_pseudo_language(
    qtbot: QtBot, language: Callable[[str], str]
) -> None:
    language("en_XA")
    host = QWidget()
    qtbot.addWidget(host)
    schedule = ScheduleEditor(today=TODAY)
    target = TargetEditor()
    pauses = PauseEditor(today=TODAY)
    reminder = ReminderEditor(tray_available=True, reminders_on=False)
    colours = ColorPicker()
    empty = EmptyState("today", "", "")
    box = QVBoxLayout(host)
    for widget in (schedule, target, pauses, reminder, colours, empty):
        box.addWidget(widget)
    host.show()
    problems: list[str] = []
    domain: set[str] = set()

    def domain_words() -> None:
        try:
            domain.add(schedule.schedule().describe())
        except ScheduleError as refusal:  # no weekday chosen yet: the domain says so
            domain.add(str(refusal))

    for kind in ScheduleKind:
        schedule.kind_box.setCurrentIndex(schedule.kind_box.findData(kind.value))
        domain_words()
        problems += _problems(_texts(schedule), tuple(sorted(domain, key=len, reverse=True)))
    schedule.week_times.setValue(1)  # the words follow the number: "1 time a week"
    schedule.kind_box.setCurrentIndex(schedule.kind_box.findData(ScheduleKind.PER_WEEK.value))
    domain_words()
    problems += _problems(_texts(schedule), tuple(domain))

    target.set_target(Target(20, "pages", Period.WEEK, at_most=True))
    domain.add(target.target().describe() if target.target() else "")
    problems += _problems(_texts(target), ("pages",))
    target.unit.setText("u" * 80)  # too long: the editor's own words say so
    problems += _problems(_texts(target) + [target.message.text()], ("u" * 80,))

    problems += _problems(_texts(pauses))  # none yet: the invitation
    pauses.set_pauses([Pause(date(2026, 12, 24), date(2027, 1, 3))])
    pauses.start.setDate(pauses.start.date().addDays(40))  # chosen, not added yet
    pauses.end.setDate(pauses.start.date().addDays(2))
    assert pauses.pending_hint.isVisible()
    problems += _problems(_texts(pauses))
    pauses.end.setDate(pauses.start.date().addDays(-3))  # the end before the start
    assert pauses.message.isVisible()
    problems += _problems(_texts(pauses))

    reminder.set_reminder(Reminder.parse("08:00", 0b0000101))
    problems += _problems(_texts(reminder))
    reminder.weekdays.set_day_mask(0)  # no day picked: the message
    problems += _problems(_texts(reminder) + [reminder.message.text()])
    no_tray = ReminderEditor(tray_available=False)
    qtbot.addWidget(no_tray)
    problems += _problems(_texts(no_tray) + [no_tray.hint.text()])

    problems += _problems(_texts(colours))
    colours.set_color("#123456")  # a colour from elsewhere: "Current colour"
    problems += _problems(_texts(colours))

    from selftrust.domain.commitment import Rules

    rules = Rules(pauses=(Pause(TODAY, date(2026, 11, 30)), Pause(date(2026, 12, 24),
                                                                  date(2027, 1, 3))))
    problems += _problems([span_words(TODAY, TODAY), span_words(TODAY, date(2027, 1, 3)),
                           pause_words(rules, TODAY),
                           pause_words(rules, date(2026, 12, 1))])
    assert problems == [], "\n".join(problems)


def test_a_sentence_keeps_its_fields_in_the_order_of_the_language(qtbot: QtBot) -> None:
    """A translation may put the fields anywhere: "{end} bis {start}" reads that way."""
    from PySide6.QtWidgets import QLabel, QSpinBox

    first, second = QSpinBox(), QSpinBox()
    row = Sentence("From {start} to {end}", {"start": first, "end": second})
    qtbot.addWidget(row)

    def order() -> list[str]:
        items = (row.row.itemAt(i).widget() for i in range(row.row.count()))
        return ["start" if w is first else "end" if w is second else w.text()
                for w in items if isinstance(w, QLabel | QSpinBox)]

    assert order() == ["From", "start", "to", "end"]
    row.set_template("{end} is after {start}")
    assert order() == ["end", "is after", "start"]
    assert row.property("sentence") == "{end} is after {start}"


def test_every_palette_colour_has_a_translated_name(language: Callable[[str], str]) -> None:
    """The names live in resources/palette.json; the picker's table must know each one."""
    from selftrust.base.palette import commitment_colors
    from selftrust.ui.widgets.color_picker import colour_name

    language("en_XA")
    for colour in commitment_colors():
        assert untranslated(colour_name(colour.name)) == [], colour.name
