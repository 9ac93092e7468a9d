"""The services speak the person's language: in the pseudo-language every sentence they
make (insights, reminders, settings' words, problems, refusals, the demo's own words)
comes back bracketed, so none of them was written outside the catalogue.

The demo is generated after switching, so its titles come bracketed too, as they would
come in German: they are ours, not the person's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from selftrust.base.i18n import _
from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services import insights as say
from selftrust.services.auto_export import auto_export_if_due, set_folder
from selftrust.services.autostart import Autostart, AutostartError
from selftrust.services.backups import KIND_NAMES, kind_name
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange, presets
from selftrust.services.checkins import CheckinChange, CheckinState, StoredCheckin
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.demo import generate, templates
from selftrust.services.errors import UserError
from selftrust.services.next_step import promise_for_tomorrow
from selftrust.services.personal_settings import SETTINGS, find_setting
from selftrust.services.problems import write_problem
from selftrust.services.reflections import PART_NAMES, ReflectionDraft
from selftrust.services.reminders import Kind, Nudge, OpenPromise, combine
from selftrust.services.settings import Settings
from selftrust.services.starters import load_starters
from selftrust.services.streak_units import streak_length
from selftrust.services.text import clean_text, clean_title
from selftrust.services.workspace import Workspace
from tests.i18n_helpers import untranslated

TODAY = date(2026, 11, 24)


@pytest.fixture
def pseudo(language: Callable[[str], str]) -> Iterator[None]:
    language("en_XA")
    yield


def said(texts: list[str], allowed: tuple[str, ...] = ()) -> None:
    """Every text read by a person is bracketed (``allowed``: words that are data)."""
    assert texts
    for text in texts:
        assert text, "an empty sentence"
        assert untranslated(text, allowed) == [], text


def refusal(action: Callable[[], object]) -> str:
    with pytest.raises(UserError) as refused:
        action()
    return str(refused.value)


# --- the demo: written in the person's language ------------------------------------------


def test_the_demo_is_generated_in_the_persons_language(ws: Workspace, pseudo: None) -> None:
    generate(ws, years=0.5, commitments=len(templates()) + 2, seed=3)
    rows = ws.commitments.all(include_archived=True)
    said([c.title for c in rows])
    said([c.why for c in rows if c.why])
    units = [c.rules.target.unit for c in rows if c.rules.target is not None]
    said(units)
    assert any(c.title.endswith("~]") and "(2)" in c.title for c in rows)  # made again
    reflections = ws.reflections.search()
    assert reflections
    said([part for r in reflections[:40]
          for part in (r.happened, r.owning, r.friend, r.learned, r.next_step) if part])


def test_the_starters_come_in_the_persons_language(pseudo: None) -> None:
    starters = load_starters()
    said([d.title for d in starters])
    said([d.why for d in starters if d.why])
    said([d.rules.target.unit for d in starters if d.rules.target is not None])


# --- insights: every chart's sentence ----------------------------------------------------


def test_every_insight_of_every_range_is_translated(ws: Workspace, pseudo: None) -> None:
    generate(ws, years=1.5, commitments=8, seed=2)
    data = ChartData(ws)
    ranges = [ChartRange(code) for code, _label in presets()]
    ranges.append(ChartRange("custom", TODAY - timedelta(days=200), TODAY - timedelta(days=20)))
    lines: list[str] = []
    for rng in ranges:
        for lead in (None, *say.Topic):
            lines += data.insights(rng, limit=10, lead=lead)
        first = data.span(rng)
        assert first is not None
        lines.append(rng.words(*first))
        for c in ws.commitments.all()[:3]:
            lines += data.insights(rng, [c.id], limit=10)
    assert len({line for line in lines}) > 12
    said(lines)
    said(list(data.weekdays(ChartRange("3m")).labels))
    said([label for _code, label in presets()])


def test_each_insight_sentence_in_each_of_its_forms(pseudo: None) -> None:
    title = _("Walk")  # a title from the catalogue, as the demo's are
    some = [
        say.weekday_misses(title, [4, 1, 0, 1, 0, 1, 0]),
        say.weekday_misses(title, [4, 1, 1, 1, 1, 0, 0]),
        say.strength_change(title, 0.5, 0.7, date(2026, 3, 1), TODAY),
        say.strength_change(title, 0.8, 0.68, date(2025, 11, 25), TODAY),
        say.repairs(1, 1, _("in the last year")),
        say.repairs(3, 3, _("in the last year")),
        say.repairs(0, 1, _("in the last year")),
        say.repairs(0, 2, _("in the last year")),
        say.repairs(1, 2, _("in the last year")),
        say.jar_change(1, 2, _("in the last year")),
        say.jar_change(100, 1357, _("in the last year")),
        say.jar_change(50, 40, _("in the last year")),
        say.kept_share(86, 100, _("in the last year")),
        say.short_span(date(2026, 3, 3), date(2026, 3, 9)),
        say.short_span(date(2026, 3, 3), date(2026, 4, 9)),
        say.short_span(date(2025, 3, 3), date(2026, 4, 9)),
    ]
    for unit in ("day", "week", "month", "time"):
        some.append(say.longest_streak(title, 8, unit, date(2026, 9, 28), date(2026, 11, 22)))
        some += [streak_length(1, unit), streak_length(8, unit)]
    assert None not in some
    said([s for s in some if s is not None])
    said([say.weekdays_plural(day) for day in range(7)])
    words = [ChartRange("custom", date(2026, 3, 1), date(2026, 4, 20)).words(
        date(2026, 3, 1), date(2026, 4, 20))]
    words += [ChartRange(code).words(date(2019, 3, 3), TODAY) for code in ("4w", "3m", "1y",
                                                                           "all")]
    said(words)


def test_a_range_refused_is_told_in_the_persons_language(pseudo: None) -> None:
    said([
        refusal(lambda: ChartRange.parse("2026-05-01:2026-01-01")),
        refusal(lambda: ChartRange("custom")),
        refusal(lambda: ChartRange("5y")),
    ], allowed=("5y",))
    said([refusal(lambda: ChartRange.parse("someday"))], allowed=("someday",))
    # The usage codes (4w, 3m, 1y, all) are typed as they are; they sit inside the brackets.


# --- reminders' notifications ------------------------------------------------------------


def test_every_notification_is_translated(pseudo: None) -> None:
    walk = OpenPromise(1, _("Walk"), "#287ccf", False)
    read = OpenPromise(2, _("Read 10 pages"), "#e07227", True)
    at = datetime(2026, 11, 24, 9, 0)
    nudges = [
        Nudge(Kind.COMMITMENT, TODAY, at, (walk,), 2),
        Nudge(Kind.SUMMARY, TODAY, at, (walk, read), 2),
        Nudge(Kind.SUMMARY, TODAY, at, (walk,), 1),
        Nudge(Kind.CATCH_UP, TODAY, at, (walk, read), 2),
    ]
    texts = [n.title for n in nudges] + [n.text for n in nudges]
    texts += list(combine(nudges[:2])) + list(combine(nudges[:1]))
    said(texts)


# --- settings ----------------------------------------------------------------------------


def test_the_settings_are_described_and_shown_in_the_persons_language(pseudo: None) -> None:
    settings = Settings(summary_enabled=False, chosen_week_start=6)
    said([s.about for s in SETTINGS])
    shown = [s.shown(settings) for s in SETTINGS if s.name not in ("day-start", "summary-time")]
    said(shown)
    said([refusal(lambda: find_setting("bedtime"))],
         allowed=("bedtime", "day", "start", "week", "reminders", "daily", "summary", "time",
                  "export"))
    said([refusal(lambda: find_setting("reminders").changes("maybe"))], allowed=("maybe",))
    said([refusal(lambda: find_setting("week-start").changes("someday"))],
         allowed=("someday",))
    said([refusal(lambda: find_setting("day-start").changes("4:30")),
          refusal(lambda: find_setting("day-start").changes("late")),
          refusal(lambda: find_setting("daily-export").changes("/0/1"))], allowed=("late",))
    said([refusal(lambda: Settings(day_start_hour=25).validated()),
          refusal(lambda: Settings(chosen_week_start=7).validated()),
          refusal(lambda: Settings(jar_miss_cost=500).validated())])


def test_the_english_words_are_always_understood(pseudo: None) -> None:
    assert find_setting("reminders").changes("off") == {"reminders_enabled": False}
    assert find_setting("reminders").changes("on") == {"reminders_enabled": True}
    assert find_setting("week-start").changes("sunday") == {"chosen_week_start": 6}
    assert find_setting("week-start").changes("sun") == {"chosen_week_start": 6}
    on = SETTINGS[2].shown(Settings(reminders_enabled=True))
    assert find_setting("reminders").changes(on) == {"reminders_enabled": True}


# --- problems and refusals ---------------------------------------------------------------


def test_problems_with_the_data_file_are_translated(pseudo: None) -> None:
    path = Path("/0/1")
    texts = []
    for error in ("database or disk is full", "attempt to write a readonly database",
                  "database is locked", "42"):
        texts.append(str(write_problem(sa.exc.OperationalError("x", {}, Exception(error)),
                                       path)))
    said(texts, allowed=("database", "attempt", "to", "write", "readonly", "is", "locked",
                         "or", "disk", "full"))


def test_refusals_of_the_services_are_translated(ws: Workspace, pseudo: None) -> None:
    walk = ws.commitments.create(CommitmentDraft(_("Walk"), created_on=TODAY)).id
    pages = ws.commitments.create(CommitmentDraft(
        _("Read 10 pages"), Rules(parse_schedule("mon"), Target(10, "", Period.DAY)),
        created_on=TODAY - timedelta(days=30))).id
    walk2 = ws.commitments.create(CommitmentDraft(_("Walk") + " 2", created_on=TODAY)).id
    texts = [
        refusal(lambda: ws.checkins.record(walk, TODAY + timedelta(days=1),
                                           CheckinState(Status.KEPT))),
        refusal(lambda: ws.checkins.record(walk, TODAY - timedelta(days=1),
                                           CheckinState(Status.KEPT))),
        refusal(lambda: ws.checkins.record(pages, TODAY, CheckinState(Status.KEPT))),
        refusal(lambda: ws.checkins.record(pages, TODAY - timedelta(days=1),
                                           CheckinState(Status.KEPT))),
        refusal(lambda: ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT, 3.0))),
        refusal(lambda: ws.checkins.record(pages, TODAY - timedelta(days=1),
                                           CheckinState(Status.KEPT, -1.0))),
        refusal(lambda: ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT,
                                                                       note="a\x00b"))),
        refusal(lambda: ws.commitments.find("")),
        refusal(lambda: ws.commitments.find(_("Walk")[:3])),
        refusal(lambda: ws.commitments.create(CommitmentDraft(_("Walk")))),
        refusal(lambda: ws.commitments.create(CommitmentDraft("")),),
        refusal(lambda: ws.commitments.create(CommitmentDraft("a\nb"))),
        refusal(lambda: ws.commitments.create(CommitmentDraft("a\x01b"))),
        refusal(lambda: ws.commitments.create(CommitmentDraft("x" * 121))),
        refusal(lambda: ws.commitments.create(CommitmentDraft("x", why="y" * 2001))),
        refusal(lambda: ws.commitments.create(CommitmentDraft("x", why="\x01"))),
        refusal(lambda: ws.commitments.set_pauses(
            walk, [Pause(TODAY - timedelta(days=3), TODAY)])),
        refusal(lambda: ws.commitments.get(999)),
        refusal(lambda: ws.reflections.write(ReflectionDraft(TODAY))),
        refusal(lambda: ws.reflections.write(ReflectionDraft(TODAY + timedelta(days=2),
                                                             happened="x"))),
        refusal(lambda: ws.reflections.write(ReflectionDraft(TODAY, happened="x",
                                                             feeling_before=9))),
        refusal(lambda: promise_for_tomorrow(ws, "  ")),
        refusal(lambda: generate(ws, years=0)),
        refusal(lambda: generate(ws, commitments=0)),
        refusal(lambda: generate(ws)),
    ]
    ws.commitments.archive(walk2, TODAY)
    texts.append(refusal(lambda: ws.commitments.find(_("Walk") + " 2")))
    texts.append(refusal(lambda: ws.commitments.find("zzz")))
    texts.append(refusal(lambda: ws.commitments.find("zzz", whole_title=True)))
    texts.append(refusal(lambda: ws.commitments.create(
        CommitmentDraft("x", color="red"))))
    step = _("Walk")
    promised = promise_for_tomorrow(ws, step)
    said([promised.why])
    texts.append(refusal(lambda: promise_for_tomorrow(ws, step)))
    for name in PART_NAMES:
        texts.append(refusal(lambda name=name: ws.reflections.write(
            ReflectionDraft(TODAY, **{name: "\x01"}))))  # type: ignore[arg-type]
        texts.append(refusal(lambda name=name: ws.reflections.write(
            ReflectionDraft(TODAY, **{name: "y" * 20_001}))))  # type: ignore[arg-type]
    said(texts, allowed=("zzz", "red"))
    said([refusal(lambda: clean_title("x" * 200)),
          refusal(lambda: clean_text("\x01", what="field", max_length=10)),
          refusal(lambda: clean_text("y" * 20, what="field", max_length=10))],
         allowed=("field",))


def test_what_a_change_does_to_a_repair_is_translated(pseudo: None) -> None:
    def change(after: Status | None, repaired_after: bool) -> str:
        stored = None if after is None else StoredCheckin(1, CheckinState(after))
        return CheckinChange(1, TODAY, None, stored, (), not repaired_after,
                             repaired_after).repair_news

    said([change(Status.MISSED, True), change(None, False), change(Status.KEPT, False),
          change(Status.SKIPPED, False), change(Status.MISSED, False)])


def test_backups_exports_and_autostart_speak_the_persons_language(
        ws: Workspace, tmp_path: Path, pseudo: None) -> None:
    said([kind_name(kind) for kind in KIND_NAMES])
    folder = tmp_path / "0"
    folder.mkdir()
    set_folder(ws, folder)
    folder.rmdir()
    result = auto_export_if_due(ws)
    said([result.message], allowed=tuple(folder.parts[1:]) + ("0",))
    said([Autostart(platform="win32").where], allowed=("HKCU", "Run"))
    with pytest.raises(AutostartError) as refused:
        Autostart(platform="plan9").enable()
    said([str(refused.value)])
