"""Every `selftrust` command in the pseudo-language: what a person reads is translated.

In ``en_XA`` every message is accented and in brackets, and so is every date from
``base.formats``: a readable English word left outside brackets never passed through
gettext. The commands run in this process (``make_runner``), on data made after the
switch. What is not the app's to translate is allowed: command, option and setting names,
metavars and choices (typed as they are in every language), what the test typed (the
titles), and file paths.

``--json`` is the other half: it is for scripts, and it is the same bytes in every
language (en_GB, German, the pseudo-language).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from selftrust.cli.argparse_words import MESSAGES, plural_messages
from selftrust.cli.commitment_words import SCHEDULES
from selftrust.cli.parser import build_parser
from selftrust.cli.remind import DAYS
from selftrust.services.personal_settings import SETTINGS
from tests.e2e.helpers import Run, make_runner
from tests.i18n_helpers import untranslated

Language = Callable[[str], str]

TITLES = ("Walk", "Read", "Coffee", "Run", "Gym", "Swim", "Dentist", "Plan")
"""The titles this test types: the person's own words, never translated."""
SAID_BY_THE_TEST = (*TITLES, "Rain all day", "A quiet day", "Fresh air")

TYPED = (
    # what the commands read as typed, in every language (their help shows it)
    *re.findall(r"[A-Za-z]{2,}", SCHEDULES + " " + DAYS),
    "YYYY", "MM", "DD", "HH", "RRGGBB", "FILE", "WxH", "png", "svg", "pdf", "selftrust",
)


def _parser_words() -> set[str]:
    """The words of the command line itself: command names, argument names, metavars and
    choices, as the help and argparse's messages show them."""
    words: set[str] = set()

    def visit(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if action.dest and action.dest != argparse.SUPPRESS:
                words.update((action.dest, action.dest.upper()))  # an option's own metavar
            if isinstance(action.metavar, str):
                words.add(action.metavar)
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    words.add(name)
                    visit(sub)
            elif action.choices:
                words.update(str(c) for c in action.choices)

    visit(build_parser())
    words.update(s.name for s in SETTINGS)  # `selftrust settings NAME`
    return {w for word in words for w in re.findall(r"[^\W\d_]{2,}", word)}


_OPTION = re.compile(r"(?<![\w-])-{1,2}[A-Za-z][\w-]*")
_PATH = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|json|zip|png|svg|pdf|csv)\b")


def _left_untranslated(text: str) -> list[str]:
    """The words of ``text`` a translator never saw (see the module docstring)."""
    text = _OPTION.sub(" ", _PATH.sub(" ", text))
    allowed = _parser_words() | set(TYPED)
    return [w for w in untranslated(text, SAID_BY_THE_TEST) if w not in allowed]


@pytest.fixture
def pseudo(language: Language) -> Iterator[None]:
    language("en_XA")
    yield


def _said(result: object) -> str:
    return f"{result.stdout}\n{result.stderr}"  # type: ignore[attr-defined]


def _check_all(steps: list[tuple[tuple[str, ...], str]]) -> None:
    found = {" ".join(args): words for args, said in steps
             if (words := _left_untranslated(said))}
    assert found == {}, json.dumps(found, ensure_ascii=False)


# --- help and mistakes ------------------------------------------------------------------


def test_argparse_words_are_ours(pseudo: None) -> None:
    from selftrust.base.i18n import _

    for message in MESSAGES:
        assert _(message).startswith("["), message
    assert all(m.startswith("[") for m in plural_messages(1) + plural_messages(2))


def test_every_help_page(pseudo: None, tmp_path: Path) -> None:
    run = make_runner(tmp_path / "data")
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = list(sub.choices)
    steps = [(("--help",), _said(run("--help")))]
    for name in commands:
        steps.append(((name, "--help"), _said(run(name, "--help"))))
    for action in ("pull", "push", "send-again"):
        steps.append((("loop", action, "--help"), _said(run("loop", action, "--help"))))
    # the help pages are there, and they are the pseudo-language's
    assert all("[" in said for _args, said in steps)
    assert "usage:" not in steps[0][1] and "options" not in steps[0][1]
    _check_all(steps)


@pytest.mark.parametrize(
    "args",
    [
        ("check",),  # a required argument missing
        ("list", "--bogus"),  # an unknown option
        ("add", "Gym", "--per", "year"),  # not one of the choices
        ("check", "Walk", "--missed", "--skipped"),  # two that exclude each other
        ("check", "Walk", "--value"),  # an option without its value
        ("check", "Walk", "--value", "lots"),
        ("demo", "--commitments", "many"),
        ("reflect", "--before", "9"),
        ("nonsense",),
        ("loop",),
    ],
)
def test_a_mistake_on_the_command_line(pseudo: None, tmp_path: Path, args: tuple[str, ...]
                                       ) -> None:
    result = make_runner(tmp_path / "data")(*args, ok=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    _check_all([(args, _said(result))])


# --- every command, on data made in the pseudo-language ---------------------------------

Steps = list[tuple[tuple[str, ...], str]]

@pytest.fixture(scope="module")
def every_command(tmp_path_factory: pytest.TempPathFactory) -> Steps:
    """Every command run once in the pseudo-language: what each said (stdout and stderr),
    with the sentences the services wrote for it."""
    from selftrust.base import i18n

    tmp_path = tmp_path_factory.mktemp("pseudo")
    i18n.set_language("en_XA")
    try:
        return _run_every_command(tmp_path)
    finally:
        i18n.set_language("en_GB")


def _run_every_command(tmp_path: Path) -> Steps:
    data = tmp_path / "data"
    run = make_runner(data)
    own: Steps = []

    def say(*args: str, ok: bool = True) -> str:
        said = _said(run(*args, ok=ok))
        own.append((args, said))
        return said

    # making and changing commitments
    say("add", "Walk", "--start", "2026-11-16", "--remind", "07:30")
    say("reflections")  # none yet
    say("list", "--day", "2026-11-10")  # nothing due
    say("add", "Read", "--measurable", "pages", "--target", "20", "--start", "2026-11-16",
        "--schedule", "mon,wed,fri")
    say("add", "Coffee", "--measurable", "cups", "--target", "2", "--at-most",
        "--start", "2026-11-16")
    say("add", "Run", "--measurable", "km", "--target", "15", "--per", "week",
        "--start", "2026-11-09")
    say("add", "Gym", "--schedule", "3/week", "--start", "2026-11-09")
    say("add", "Swim", "--schedule", "2/5days", "--start", "2026-11-09")
    say("add", "Dentist", "--schedule", "once:2026-11-30")
    say("add", "Plan", "--schedule", "weekdays", "--start", "2026-11-16")
    say("add", "Gym", ok=False)  # a title another commitment has
    say("add", "X", "--schedule", "9/week", ok=False)
    say("add", "X", "--measurable", "pages", ok=False)
    say("edit", "Walk")
    say("edit", "Walk", "--why", "Fresh air")
    say("edit", "Run", "--target", "0", ok=False)
    say("remind", "Walk")
    say("remind", "Walk", "--days", "weekends")
    say("remind", "Walk", "--days", "mon,wed")
    say("remind", "Walk", "--days", "weekdays")
    say("remind", "Walk", "--days", "2/week", ok=False)
    say("remind", "Read", ok=False)
    say("remind", "Walk", "--off")
    say("pause", "Gym", "--from", "2026-12-01", "--to", "2026-12-05")
    say("pause", "Gym", "--from", "2026-12-05", "--to", "2026-12-01", ok=False)
    say("pause", "Gym", "--clear")
    say("archive", "Plan")
    say("archive", "Plan")
    say("unarchive", "Plan")
    say("unarchive", "Plan")
    # recording days
    say("check", "Walk", "--day", "2026-11-22")
    say("check", "Walk", "--day", "2026-11-23", "--missed")
    say("check", "Walk", "--skipped", "--note", "Rain")
    say("check", "Read", "--day", "2026-11-23", "--value", "12")
    say("check", "Read", "--day", "2026-11-22", "--value", "3", ok=False)  # a Sunday: not due
    say("check", "Coffee", "--value", "3")
    say("check", "Run", "--value", "8")
    say("check", "Gym")
    for day in ("2026-11-17", "2026-11-18", "2026-11-19", "2026-11-23"):
        say("check", "Gym", "--day", day)
    for day in ("2026-11-20", "2026-11-21", "2026-11-23"):
        say("check", "Swim", "--day", day)
    say("check", "Walk", "--day", "2026-11-21", "--missed")
    say("check", "Walk", "--day", "2026-11-21", "--clear")
    say("check", "Walk", "--day", "2026-13-01", ok=False)
    say("check", "Walk", "--day", "2026-02-30", ok=False)
    say("check", "Walk", "--clear", "--note", "x", ok=False)
    say("list")
    say("list", "--day", "2026-11-23")
    say("list", "--day", "2026-11-29")
    # reflecting
    say("reflect", "Walk", "--day", "2026-11-23", "--happened", "Rain all day",
        "--owning", "I stayed in, but it rained", "--before", "2", "--after", "4")
    say("reflect", "--happened", "A quiet day")
    say("reflect", "--happened", "x", "--text-file", "-", ok=False)
    say("reflections")
    say("reflections", "--search", "nothing")
    say("stats")
    say("stats", "--day", "2026-11-20")
    # settings, data in and out, backups
    say("settings")
    say("settings", "day-start")
    say("settings", "day-start", "05:00")
    say("export", "--out", str(tmp_path / "out.json"))
    say("import", str(tmp_path / "out.json"), "--dry-run")
    say("import", str(tmp_path / "nothing.json"), ok=False)
    say("backups")
    backup = json.loads(run("backups", "--json").stdout)[-1]["path"]
    say("delete", "Swim", ok=False)  # no terminal to ask on
    say("delete", "Swim", "--yes")
    say("delete", "Dentist", "--yes")
    say("restore", backup)
    say("restore", "nothing.db", ok=False)
    say("chart", "growth", "--out", str(tmp_path / "growth.txt"), ok=False)
    say("chart", "growth", "--out", str(tmp_path / "growth.png"), "--size", "big", ok=False)
    # a folder with no Self-Trust data, and demo data
    own.append((("list", "(no data)"), _said(make_runner(tmp_path / "empty")("list", ok=False))))
    demo = make_runner(tmp_path / "demo")
    own.append((("demo",), _said(demo("demo", "--years", "0.2", "--commitments", "3"))))
    # Made after the switch, the demo's titles are in the pseudo-language too (its
    # reflections are written as a person would write them: not listed here).
    for args in (("list",), ("stats",)):
        own.append(((*args, "(demo)"), _said(demo(*args))))
    return own


def test_every_command(every_command: Steps) -> None:
    assert len(every_command) >= 75
    _check_all(every_command)


# --- --json is the same in every language ---------------------------------------------

JSON_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("list", "--json"),
    ("list", "--day", "2026-11-23", "--json"),
    ("stats", "--json"),
    ("stats", "--day", "2026-11-20", "--json"),
    ("reflections", "--json"),
    ("settings", "--json"),
    ("backups", "--json"),
    ("edit", "Walk", "--json"),
    ("edit", "Read", "--target", "25", "--json"),
    ("remind", "Walk", "18:05", "--days", "mon,wed", "--json"),
    ("archive", "Coffee", "--json"),
    ("delete", "Swim", "--yes", "--json"),
)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a little of everything, made in the suite's English."""
    data = tmp_path_factory.mktemp("json") / "data"
    run = make_runner(data)
    run("add", "Walk", "--start", "2026-11-16", "--remind", "07:30")
    run("add", "Read", "--measurable", "pages", "--target", "20", "--start", "2026-11-16")
    run("add", "Coffee", "--measurable", "cups", "--target", "2", "--at-most",
        "--start", "2026-11-16")
    run("add", "Gym", "--schedule", "3/week", "--start", "2026-11-09")
    run("add", "Swim", "--schedule", "2/5days", "--start", "2026-11-09")
    run("check", "Walk", "--day", "2026-11-22")
    run("check", "Walk", "--day", "2026-11-23", "--missed")
    run("check", "Read", "--day", "2026-11-23", "--value", "12")
    run("check", "Coffee", "--value", "3")
    run("check", "Gym", "--day", "2026-11-23")
    run("check", "Swim", "--day", "2026-11-23")
    run("reflect", "Walk", "--day", "2026-11-23", "--happened", "Rain", "--owning",
        "I stayed in, but it rained")
    return data


def _json_outputs(template: Path, folder: Path) -> list[str]:
    data = folder / "data"
    shutil.copytree(template, data)
    run: Run = make_runner(data)
    # The data folder's own path is the one thing that differs between the copies.
    return [run(*args).stdout.replace(str(data), "DATA") for args in JSON_COMMANDS]


def test_json_is_the_same_in_every_language(language: Language, recorded: Path,
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    from selftrust.base import i18n

    english = _json_outputs(recorded, tmp_path / "en")
    # German, with its catalogue or without it (then its dates and numbers, the words in
    # English): a language without a catalogue would otherwise be spoken as English.
    monkeypatch.setattr(i18n, "has_catalogue", lambda code: True)
    assert language("de") == "de"
    german = _json_outputs(recorded, tmp_path / "de")
    language("en_XA")
    pseudo = _json_outputs(recorded, tmp_path / "xa")
    for args, en, de, xa in zip(JSON_COMMANDS, english, german, pseudo, strict=True):
        json.loads(en)
        assert de == en, args
        assert xa == en, args
        # nothing of the pseudo-language's in a value: no accents, no brackets of words
        assert not re.search(r"\[[^\[\]\"]*[^\W\d_][^\[\]\"]*~", xa), args
