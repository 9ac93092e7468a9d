"""Help texts: the HTML subset QTextBrowser shows, nothing external, documented placeholders."""

from __future__ import annotations

import re
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HELP = REPO / "resources" / "help"

PLACEHOLDERS = {
    "how-counted.html": {
        "marbles", "won", "missed", "repaired", "spared", "won_marbles", "missed_marbles",
        "repaired_cost", "repaired_back", "half_kept", "kept_gain", "miss_cost",
        "repair_return",
    },
    "about.html": {"version"},
    "welcome.html": set(),
    "more-than-a-habit.html": set(),
    "reflection-guide.html": set(),
}
ALLOWED_TAGS = {"h2", "h3", "p", "ul", "ol", "li", "b", "i", "em", "strong", "br", "table",
                "tr", "td", "th"}
ALLOWED_ATTRIBUTES = {"cellspacing", "cellpadding", "align"}
VOID_TAGS = {"br"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open: list[str] = []
        self.comments: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        self.problems += [f"{tag} {name}=" for name, _ in attrs if name not in ALLOWED_ATTRIBUTES]
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"unbalanced </{tag}>")

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(name: str) -> _Checker:
    checker = _Checker()
    checker.feed((HELP / name).read_text(encoding="utf-8"))
    checker.close()
    return checker


def test_every_help_text_is_there_and_nothing_else() -> None:
    """The English pages; the translations are in a folder per language
    (test_help_translations.py)."""
    assert {p.name for p in HELP.iterdir() if p.is_file()} == set(PLACEHOLDERS)


@pytest.mark.parametrize("name", sorted(PLACEHOLDERS))
def test_simple_balanced_html_without_anything_external(name: str) -> None:
    checker = _check(name)
    assert not checker.problems, checker.problems
    assert not checker.open, f"not closed: {checker.open}"
    lowered = (HELP / name).read_text(encoding="utf-8").lower()
    for forbidden in ("<script", "<style", "<img", "<a ", "href", "src=", "http", "www.",
                      "javascript:", "@"):
        assert forbidden not in lowered, f"{forbidden!r} in {name}"
    assert "".join(checker.text).strip(), f"{name} has no text"


@pytest.mark.parametrize("name", sorted(PLACEHOLDERS))
def test_placeholders_are_the_documented_ones_and_fill_cleanly(name: str) -> None:
    text = (HELP / name).read_text(encoding="utf-8")
    used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    assert used == PLACEHOLDERS[name]
    checker = _check(name)
    assert text.lstrip().startswith("<!--"), f"{name} should open with its comment"
    documented = set(re.findall(r"^\s*\{(\w+)\}", checker.comments[0], re.MULTILINE))
    assert documented == PLACEHOLDERS[name], f"the comment in {name} lists {documented}"
    if not documented:
        assert "Placeholders: none" in checker.comments[0]
    filled = text.format_map({field: 7 for field in used})
    assert "{" not in filled and "}" not in filled


def test_how_counted_explains_the_jar_and_strength() -> None:
    text = " ".join(_check("how-counted.html").text)
    for words in ("marble", "gold", "skipped", "never less than empty", "Strength",
                  "half a kept day", "Loop Habit Tracker"):
        assert words in text


def test_welcome_is_two_sentences() -> None:
    paragraphs = " ".join(_check("welcome.html").text).split("Welcome to Self-Trust", 1)[1]
    sentences = [s for s in re.split(r"[.!?](?:\s|$)", paragraphs) if s.strip()]
    assert len(sentences) == 2, sentences


def test_about_says_private_and_the_licence() -> None:
    text = " ".join(_check("about.html").text)
    assert "Nothing leaves your computer" in text
    assert "GPL-3.0-or-later" in text


def test_more_than_a_habit_points_to_help_without_numbers_that_go_stale() -> None:
    text = " ".join(_check("more-than-a-habit.html").text)
    assert not re.search(r"\d", text), "no phone numbers: they differ by country and change"
    for words in ("family doctor", "counsellor", "therapist", "assistance programme",
                  "local emergency number", "harming yourself"):
        assert words in text


def test_reflection_guide_names_its_sources() -> None:
    text = " ".join(" ".join(_check("reflection-guide.html").text).split())
    for words in ("Kristin Neff", "Cornish and Wade", "Responsibility", "Remorse",
                  "Restoration", "Renewal", "apology has no", "fractured bone", "friend"):
        assert words in text


def test_the_loop_comparison_names_the_one_difference() -> None:
    """Strength is Loop's formula with one twist (DESIGN.md): a miss you reflected on
    counts as half a kept day. "Exactly as in Loop" would be untrue wherever there are
    reflections, so both pages that name Loop say what differs, in plain words."""
    for name in ("how-counted.html", "about.html"):
        text = " ".join(" ".join(_check(name).text).split())
        assert "exactly as in Loop" not in text
        loop = text[text.index("Loop Habit Tracker"):]
        assert "half a kept day" in loop, f"{name} does not say what differs from Loop"
        assert "without reflections" in loop or "no reflections" in loop, name
