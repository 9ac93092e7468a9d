"""Where the file dialogs open: the folder last used for that kind of file.

Starting every Import… and Export… in the home folder made people walk back to the
folder they had just used. Each kind remembers its own folder in the per-machine
preferences (a folder is about this computer, not about the data); a kind never used
yet starts where the other last went (an export is often imported elsewhere), and a
folder that has since gone falls back to home.

The file names suggested stay the same in every language (they are file names); the
filters' descriptions are translated, their patterns never.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selftrust.ui.shell.prefs import UiPrefs

IMPORT = "import"
EXPORT = "export"
_KINDS = (IMPORT, EXPORT)


def _key(kind: str) -> str:
    return f"files/{kind}_folder"


def _remembered(prefs: UiPrefs, kind: str) -> Path | None:
    raw = prefs.value(_key(kind), "")
    if not raw:
        return None
    folder = Path(str(raw))
    return folder if folder.is_dir() else None


def start_folder(prefs: UiPrefs, kind: str) -> Path:
    """The folder a dialog for ``kind`` opens in."""
    others = [k for k in _KINDS if k != kind]
    for k in (kind, *others):
        folder = _remembered(prefs, k)
        if folder is not None:
            return folder
    return Path.home()


def remember(prefs: UiPrefs, kind: str, chosen: Path) -> None:
    """Called with the file the person picked: its folder is where ``kind`` opens next."""
    prefs.set_value(_key(kind), str(chosen.parent))


def name_filter(description: str, patterns: str) -> str:
    """"Self-Trust export (*.json)": a file dialog's filter, its description in the
    person's language (the caller translates it) and its patterns kept as they are (the
    dialog reads them)."""
    return f"{description} ({patterns})"


def export_name(day: date, suffix: str) -> str:
    """The suggested name of an export: the same pattern for JSON and zip."""
    return f"selftrust-export-{day.isoformat()}{suffix}"
