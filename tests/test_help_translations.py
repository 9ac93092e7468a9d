"""Translated help pages (resources/help/<code>/*.html): one for every English page, the same
placeholders, links and structure as the English, filled in cleanly the way the app fills them,
and really translated.

The English pages' own checks (allowed HTML, documented placeholders, what they must say) are
in test_help_texts.py.
"""

from __future__ import annotations

import html
import re
import string
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from selftrust.base import i18n
from selftrust.services.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
HELP = REPO / "resources" / "help"
SHIPPED = {"de", "es", "fr", "he"}
LANGUAGES = sorted(p.name for p in HELP.iterdir() if p.is_dir())
PAGES = sorted(p.name for p in HELP.glob("*.html"))
PAIRS = [(code, page) for code in LANGUAGES for page in PAGES]
COUNTED_TAGS = ("h2", "h3", "p", "li", "a")
REGIONAL = {"de": "de_AT", "es": "es_MX", "fr": "fr_CA", "he": "he_IL"}
# The subset the English pages use (test_help_texts.py); a translation needs nothing more.
ALLOWED_TAGS = {"h2", "h3", "p", "ul", "ol", "li", "b", "i", "em", "strong", "br", "table",
                "tr", "td", "th"}
ALLOWED_ATTRIBUTES = {"cellspacing", "cellpadding", "align"}
VOID_TAGS = {"br"}


class _Page(HTMLParser):
    """A help page's tags, links, comments and text, and anything unbalanced."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str, str | None]] = Counter()
        self.hrefs: list[str | None] = []
        self.comments: list[str] = []
        self.problems: list[str] = []
        self._open: list[str] = []
        self._text: list[str] = []
        self.feed(source)
        self.close()
        if self._open:
            self.problems.append(f"not closed: {self._open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes.update((tag, name, value) for name, value in attrs)
        self.hrefs += [value for name, value in attrs if name == "href"]
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        self.problems += [f"{tag} {name}=" for name, _v in attrs if name not in ALLOWED_ATTRIBUTES]
        if tag not in VOID_TAGS:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open.pop() != tag:
            self.problems.append(f"unbalanced </{tag}>")

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    @property
    def text(self) -> str:
        """The words shown, whitespace made single (entities already turned into characters)."""
        return " ".join(" ".join(self._text).split())


def _source(page: str, code: str | None = None) -> str:
    folder = HELP / code if code else HELP
    return (folder / page).read_text(encoding="utf-8")


def _placeholders(source: str) -> set[str]:
    return {field for _t, field, _s, _c in string.Formatter().parse(source) if field is not None}


def _sentences(text: str) -> list[str]:
    """The English text's sentences and clauses of three words or more (shorter ones, such as
    "Self-Trust" or "Version {version}", may well stay the same in a translation)."""
    parts = re.split(r"(?<=[.!?:;])\s+", text)
    return [part for part in parts if len(part.split()) >= 3]


def test_every_shipped_language_has_its_help_folder() -> None:
    assert SHIPPED <= set(LANGUAGES), f"help folders: {LANGUAGES}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_english_page_is_translated_and_nothing_else(code: str) -> None:
    translated = {p.name for p in (HELP / code).iterdir()}
    assert translated == set(PAGES)


@pytest.mark.parametrize(("code", "page"), PAIRS)
def test_same_placeholders_links_and_structure_as_the_english(code: str, page: str) -> None:
    english_source, source = _source(page), _source(page, code)
    assert _placeholders(source) == _placeholders(english_source)
    english, translated = _Page(english_source), _Page(source)
    assert not translated.problems, translated.problems
    assert translated.hrefs == english.hrefs
    for tag in COUNTED_TAGS:
        assert translated.tags[tag] == english.tags[tag], f"<{tag}> in {code}/{page}"
    assert translated.tags == english.tags, f"tags in {code}/{page}"
    # The same attributes, though a right-to-left language may put a row's cells in the
    # other order (Qt does not mirror tables).
    assert translated.attributes == english.attributes
    assert translated.comments[0] == english.comments[0], "the leading comment stays as it is"
    assert source.lstrip().startswith("<!--")


@pytest.mark.parametrize(("code", "page"), PAIRS)
def test_translated_not_copied(code: str, page: str) -> None:
    english = _sentences(_Page(_source(page)).text)
    translated = _Page(_source(page, code)).text
    kept = [sentence for sentence in english if sentence in translated]
    assert english, page
    assert len(kept) <= 0.2 * len(english), f"still English in {code}/{page}: {kept}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_app_shows_and_fills_the_translated_pages(
        code: str, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """help_dialog.page_html, as the help window calls it, in the person's language: the
    translation (a regional variant such as de_AT finds it too), every placeholder filled with
    the locale's figures and no brace left over."""
    from selftrust import __version__
    from selftrust.base import formats
    from selftrust.ui.dialogs.help_dialog import page_html
    from selftrust.ui.shell.context import UiContext

    ctx = cast(UiContext, SimpleNamespace(ws=ws))
    for spoken in (code, REGIONAL.get(code, f"{code}_{code.upper()}")):
        monkeypatch.setattr(i18n, "language", lambda spoken=spoken: spoken)
        figures = {key: html.escape(formats.number(value))
                   for key, value in ws.stats.jar_figures().items()}
        figures["version"] = html.escape(__version__)
        for page in PAGES:
            shown = page_html(ctx, page.removesuffix(".html"))
            assert "{" not in shown and "}" not in shown, f"{code}/{page}"
            source = _source(page, code)
            assert shown == source.format_map({f: figures[f] for f in _placeholders(source)})


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_welcome_reads_its_heading_and_two_sentences(
        code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from selftrust.ui.dialogs.welcome_dialog import welcome_text

    english_heading, english_body = welcome_text()
    monkeypatch.setattr(i18n, "language", lambda: code)
    heading, body = welcome_text()
    source = _source("welcome.html", code)
    assert len(re.findall(r"<h2[^>]*>", source)) == 1
    assert heading and heading != english_heading and heading in _Page(source).text
    assert body and body != english_body and "<" not in body
    sentences = [s for s in re.split(r"[.!?](?:\s|$)", body) if s.strip()]
    assert len(sentences) == 2, sentences
