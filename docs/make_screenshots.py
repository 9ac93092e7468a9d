"""Regenerate the screenshots in docs/screenshots from demo data.

    .venv/bin/python docs/make_screenshots.py [--only NAME...]

Everything runs offscreen with the clock fixed at 2026-11-24 12:00, so the pictures
are the same on every machine that has the same fonts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"
NOW = "2026-11-24T12:00:00"

SIZES = {"small": "800x600", "large": "1600x1000", "default": "1100x720"}
CHARTS = ("growth", "strength", "kept-rate", "calendar", "weekday", "streaks")


def shots() -> list[tuple[str, list[str], str]]:
    """(file name, screenshot arguments, which data folder)."""
    out: list[tuple[str, list[str], str]] = []
    for theme in ("light", "dark"):
        for data in ("demo", "empty"):
            for size in ("small", "large"):
                for view in ("today", "streaks"):
                    out.append((f"{view}-{data}-{theme}-{SIZES[size]}.png",
                                ["--view", view, "--size", SIZES[size]], data))
        for view, name in (("jar", "jar"), ("reflections", "journal"),
                           ("reflection-dialog", "reflection"), ("welcome", "welcome"),
                           ("commitment-dialog", "commitment-dialog"),
                           ("backups", "backups"),
                           ("preferences-loop-followed", "loop-preferences"),
                           ("preferences-sync", "sync-preferences-new"),
                           ("preferences-sync-set-up", "sync-preferences"),
                           ("sync-kept-both", "sync-kept-both"),
                           ("send-to-loop", "send-to-loop")):
            data = "empty" if view == "welcome" else "demo"
            out.append((f"{name}-{theme}.png", ["--view", view], data))
        for chart in CHARTS:
            out.append((f"charts-{chart}-{theme}.png", ["--view", "charts", "--chart", chart],
                        "demo"))
    # In the person's language: German, and Hebrew (right to left), on demo data made in
    # that language; the data folder "demo-<code>" is also what says which language.
    for code in LANGUAGES:
        for view, name, extra in (("today", "today", ["--size", SIZES["small"]]),
                                  ("today", "today-large", ["--size", SIZES["large"]]),
                                  ("reflection-dialog", "reflection", []),
                                  ("jar", "jar", []),
                                  ("charts", "charts-growth", ["--chart", "growth"])):
            out.append((f"{name}-{code}-light.png", ["--view", view, *extra], f"demo-{code}"))
    return out


LANGUAGES = ("de", "he")


def _speaking(env: dict[str, str], data: str) -> dict[str, str]:
    """The environment for a data folder: "demo-de" speaks German, the others English."""
    code = data.partition("-")[2] if data.startswith("demo-") else "en_GB"
    return dict(env, SELFTRUST_LANGUAGE=code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", help="file names (or parts of them) to make")
    args = parser.parse_args()
    env = dict(os.environ, SELFTRUST_NOW=NOW, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(HERE.parent / "src")
    base = [sys.executable, "-m", "selftrust"]
    # A fixed folder name: Backups shows where backups are kept, so a random name would
    # make that picture differ from run to run.
    tmp = Path(tempfile.gettempdir()) / "selftrust-screenshots"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(mode=0o700)
    try:
        folders = {"demo": tmp / "demo", "empty": tmp / "empty"}
        folders |= {f"demo-{code}": tmp / f"demo-{code}" for code in LANGUAGES}
        for data in ("demo", *(f"demo-{code}" for code in LANGUAGES)):
            subprocess.run([*base, "--data-dir", str(folders[data]), "demo", "--years", "2",
                            "--commitments", "8", "--seed", "1"], env=_speaking(env, data),
                           check=True, stdout=subprocess.DEVNULL)
        # `screenshot` only reads: the empty folder is made (a database, no data) first.
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                        "from selftrust.services.workspace import open_workspace; "
                        "open_workspace(Path(sys.argv[1])).close()", str(folders["empty"])],
                       env=env, check=True)
        for name, extra, data in shots():
            if args.only and not any(part in name for part in args.only):
                continue
            theme = "dark" if "-dark" in name else "light"
            subprocess.run([*base, "--data-dir", str(folders[data]), "screenshot", *extra,
                            "--theme", theme, "--out", str(OUT / name)],
                           env=_speaking(env, data), check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            print(name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
