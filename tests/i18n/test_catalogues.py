"""The shipped translations are whole: every message, no fuzzy entry, placeholders and
plural forms that agree with the English, and the compiled catalogue the app reads is
the one compiled from the .po file a translator edited."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("de", "es", "fr", "he")


def _catalogues() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "catalogues", ROOT / "packaging" / "catalogues.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _catalogues()


@pytest.fixture(scope="module")
def template_keys() -> set[tuple[str, str | None]]:
    return catalogues.template_keys()


def test_every_shipped_language_has_a_catalogue() -> None:
    found = {p.parent.parent.name for p in catalogues.po_files()}
    assert set(SHIPPED) <= found


def test_the_template_holds_every_message_of_the_sources(
    template_keys: set[tuple[str, str | None]],
) -> None:
    """selftrust.pot is what translators and Weblate start from: `make messages` keeps it
    in step with the code."""
    written = catalogues._read(catalogues.TEMPLATE)
    keys = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in written if m.id}
    assert sorted(template_keys - keys, key=str) == [], "run `make messages`"
    assert sorted(keys - template_keys, key=str) == [], "run `make messages`"
    assert len(template_keys) > 1000  # the app's words, not an empty extraction


@pytest.mark.parametrize("code", SHIPPED)
def test_a_shipped_catalogue_is_complete_and_consistent(
    code: str, template_keys: set[tuple[str, str | None]]
) -> None:
    path = catalogues.LOCALE / code / "LC_MESSAGES" / "selftrust.po"
    assert catalogues.problems(path, template_keys) == []


@pytest.mark.parametrize("code", SHIPPED)
def test_the_installed_catalogue_is_compiled_from_its_po(code: str, tmp_path: Path) -> None:
    from babel.messages.mofile import write_mo

    path = catalogues.LOCALE / code / "LC_MESSAGES" / "selftrust.po"
    compiled = io.BytesIO()
    write_mo(compiled, catalogues._read(path), use_fuzzy=False)
    installed = path.with_suffix(".mo")
    assert installed.is_file(), "the install compiles the catalogues (make test does too)"
    assert installed.read_bytes() == compiled.getvalue(), "make test compiles it again"


def test_the_checks_catch_what_a_translator_can_get_wrong(tmp_path: Path) -> None:
    """A catalogue with a fuzzy entry, an untranslated one, a lost placeholder and a
    missing plural form is refused, each in words that say which message."""
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "selftrust.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "Kept"\nmsgstr "Gehalten"\n\n'
        'msgid "Not kept today"\nmsgstr ""\n\n'
        'msgid "“{title}” is paused"\nmsgstr "„{titel}“ ruht"\n\n'
        'msgid "{n} marble"\nmsgid_plural "{n} marbles"\nmsgstr[0] "{n} Murmel"\n'
        'msgstr[1] ""\n',
        encoding="utf-8",
    )
    found = "\n".join(catalogues.problems(po, {("Kept", None), ("Save", None)}))
    assert "'Kept' is fuzzy" in found
    assert "'Not kept today' is not translated" in found
    assert "['titel']" in found
    assert "'{n} marble' is not translated" in found
    assert "'Save' is missing" in found
