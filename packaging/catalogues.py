"""The translation catalogues: extract the app's messages, update, compile and check them.

    python packaging/catalogues.py extract    # resources/locale/selftrust.pot from the sources
    python packaging/catalogues.py update     # every <code>.po takes in the template's changes
    python packaging/catalogues.py init CODE  # a new language, every message still to translate
    python packaging/catalogues.py compile    # the .mo files the app reads (done at install)
    python packaging/catalogues.py check      # 100 %, no fuzzy, placeholders and plurals agree

Babel does the work (the same library formats the app's dates). The build backend
(``packaging/build_backend.py``) compiles at every install, so ``.mo`` files are never
committed. docs/translating.md tells a volunteer the same in plain words.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "selftrust"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "selftrust.pot"
DOMAIN = "selftrust"
STARTERS = ROOT / "resources" / "starter_commitments.json"

KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("TRANSLATORS:",)
_BRACES = re.compile(r"\{([^{}]*)\}")


def po_files(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _starter_messages() -> Iterator[tuple[str, str]]:
    """The starter commitments' words (title, why, unit), with where they come from."""
    data = json.loads(STARTERS.read_text(encoding="utf-8"))
    for item in data["commitments"]:
        yield item["title"], "starter commitment: title"
        if item.get("why"):
            yield item["why"], "starter commitment: why it matters"
        unit = (item.get("measurable") or {}).get("unit")
        if unit:
            yield unit, "starter commitment: unit of a measured commitment"


def build_template():  # type: ignore[no-untyped-def]
    """The catalogue of every message in the sources, with where each one stands."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(
        project="Self-Trust",
        version="0.1",
        copyright_holder="The Self-Trust developers",
        msgid_bugs_address="https://github.com/selftrust/selftrust/issues",
        charset="utf-8",
        header_comment="# Self-Trust: translate with care for its warm, never-judging voice.",
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCES),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        catalog.add(
            message,
            None,
            [(f"src/selftrust/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    for message, comment in _starter_messages():
        catalog.add(
            message,
            None,
            [("resources/starter_commitments.json", 0)],
            auto_comments=[comment],
        )
    return catalog


def extract() -> None:
    from babel.messages.pofile import write_po

    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as out:
        write_po(out, build_template(), width=100, sort_by_file=True, omit_header=False)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(build_template())} messages")


def _read(path: Path):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=path.parent.parent.name, domain=DOMAIN)


def _write(path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    with path.open("wb") as out:
        write_po(out, catalog, width=100, sort_by_file=True, include_previous=False)


def update() -> None:
    template = _read(TEMPLATE)
    for path in po_files():
        catalog = _read(path)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(path, catalog)
        print(f"{path.relative_to(ROOT)} updated")


def init(code: str) -> None:
    from babel.core import Locale

    template = _read(TEMPLATE)
    template.locale = Locale.parse(code)
    template.revision_date = template.creation_date
    path = LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise SystemExit(f"{path} is already there; `update` brings it up to date.")
    _write(path, template)
    print(f"{path.relative_to(ROOT)} created")


def compile_all(locale: Path = LOCALE) -> list[Path]:
    """Every .po to its .mo beside it; fuzzy entries are left out (they are not yet right)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for path in po_files(locale):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=path.parent.parent.name, domain=DOMAIN)
        target = path.with_suffix(".mo")
        scratch = target.with_suffix(".mo.new")
        with scratch.open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        scratch.replace(target)
        written.append(target)
    return written


def _forms(message) -> list[str]:  # type: ignore[no-untyped-def]
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def _ids(message) -> list[str]:  # type: ignore[no-untyped-def]
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def problems(path: Path, wanted: Iterable[tuple[str, str | None]] | None = None) -> list[str]:
    """What keeps a catalogue from shipping: missing, fuzzy, broken placeholders or plurals."""
    catalog = _read(path)
    found: list[str] = []
    name = path.parent.parent.name
    keys = set()
    for message in catalog:
        if not message.id:
            continue
        key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
        keys.add(key)
        label = f"{name}: {key[0][:60]!r}"
        if message.fuzzy:
            found.append(f"{label} is fuzzy")
        forms = _forms(message)
        if not all(forms):
            found.append(f"{label} is not translated")
            continue
        if message.pluralizable and len(forms) != catalog.num_plurals:
            found.append(f"{label} has {len(forms)} forms, the language has {catalog.num_plurals}")
        given = set().union(*(_BRACES.findall(i) for i in _ids(message)))
        for form in forms:
            extra = set(_BRACES.findall(form)) - given
            if extra:
                found.append(f"{label}: the translation has placeholders {sorted(extra)} "
                             "that the message does not")
        if not message.pluralizable and set(_BRACES.findall(forms[0])) != given:
            found.append(f"{label}: placeholders {sorted(given)} are not all in the translation")
        for error in message.check(catalog):
            found.append(f"{label}: {error}")
    if wanted is not None:
        missing = [k for k in wanted if k not in keys]
        found += [f"{name}: {k[0][:60]!r} is missing (run `catalogues.py update`)"
                  for k in missing]
    return found


def template_keys() -> set[tuple[str, str | None]]:
    return {
        (m.id if isinstance(m.id, str) else m.id[0], m.context) for m in build_template() if m.id
    }


def check() -> int:
    wanted = template_keys()
    total = 0
    for path in po_files():
        found = problems(path, wanted)
        total += len(found)
        for line in found[:50]:
            print(line)
        print(f"{path.relative_to(ROOT)}: {'ok' if not found else f'{len(found)} problems'}")
    return 1 if total else 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, *rest = argv
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "init" and rest:
        init(rest[0])
    elif command == "compile":
        for path in compile_all():
            print(f"{path.relative_to(ROOT)} compiled")
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
