"""Smoke test of the built app (``make package`` runs it after PyInstaller).

Runs the frozen executable the way a person would, headless:

1. ``--version`` prints the version of the source tree it was built from;
2. the GUI starts on an empty data folder, paints Today and exits 0
   (``--exit-after-startup`` under QT_QPA_PLATFORM=offscreen), which also applies every
   migration from the files shipped in the folder;
3. the built binary's own ``demo`` command fills a second folder, ``stats --json``
   reads it back, the GUI starts on it too, and Today and Charts render offscreen;
4. a database at the first schema revision is migrated by the frozen Alembic;
5. it speaks German and Hebrew from the catalogues compiled into the folder (the CLI's
   help, a Today painted right to left), with Qt's and Babel's data for those languages;
6. the folder holds no Qt module the app does not use, and no language we do not ship.

    python packaging/smoke_test.py [dist/selftrust]

Exits 0 when all pass; otherwise prints what failed and exits 1. The last line is
"smoke: N passed, N failed" (each run of the binary counts as one check).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180
FORBIDDEN = re.compile(
    r"Qt6(Quick|Qml|WebEngine|3D|Multimedia|Pdf|Designer|Charts|DataVisualization)"
    r"|/qml/|QtWebEngine"
)
# Per-language files of languages we do not ship (Qt's and Babel's), e.g. qtbase_ja.qm.
LANGUAGE_FILE = re.compile(r"/translations/[a-z]+_([a-z]+)[^/]*\.qm$"
                           r"|/babel/locale-data/([A-Za-z]+)(?:_[^/]*)?\.dat$")


def _shipped_languages() -> set[str]:
    return {p.parent.parent.name.split("_")[0]
            for p in (ROOT / "resources" / "locale").glob("*/LC_MESSAGES/selftrust.po")}


def _version() -> str:
    text = (ROOT / "src" / "selftrust" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__ in src/selftrust/__init__.py"
    return match.group(1)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "SELFTRUST_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", SELFTRUST_NOW="2026-11-24T12:00", **extra)
    return env


PASSED = [0]


def _run(exe: Path, *args: str, home: Path,
         language: str = "en_GB") -> subprocess.CompletedProcess[str]:
    # A private HOME keeps Qt's settings and the standard data folder out of the user's.
    env = _env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(home / "run"),
               SELFTRUST_LANGUAGE=language)
    (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    started = time.monotonic()
    result = subprocess.run([str(exe), *args], capture_output=True, text=True,
                            timeout=TIMEOUT, env=env, check=False)
    took = time.monotonic() - started
    print(f"  selftrust {' '.join(args)}  -> exit {result.returncode} in {took:.1f} s")
    if result.returncode != 0:
        print(f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}",
              file=sys.stderr)
        print(f"smoke: {PASSED[0]} passed, 1 failed")
        raise SystemExit(1)
    PASSED[0] += 1
    return result


def _old_database(folder: Path) -> None:
    """A data folder whose database stops at revision 0001 (made with the source tree)."""
    sys.path.insert(0, str(ROOT / "src"))
    from selftrust.store import migrate
    from selftrust.store.engine import create_engine, dispose_engine

    folder.mkdir(mode=0o700, parents=True)
    path = folder / "selftrust.db"
    engine = create_engine(path)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO commitment (uid, title, kind, at_most, schedule_kind, "
                "schedule_times, schedule_days, weekdays, color, position, created_on) "
                "VALUES ('u1', 'Walk', 'yes_no', 0, 'daily', 1, 1, 127, '#4a90d9', 0, "
                "'2026-11-01')"
            )
    finally:
        dispose_engine(engine, path)
    os.chmod(path, 0o600)


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else ROOT / "dist" / "selftrust").resolve()
    exe = folder / ("selftrust.exe" if sys.platform == "win32" else "selftrust")
    if not exe.is_file():
        print(f"smoke test: {exe} does not exist; build it first (make package)",
              file=sys.stderr)
        return 1
    print(f"Smoke-testing {exe}")
    work = Path(tempfile.mkdtemp(prefix="selftrust-smoke-"))
    try:
        home = work / "home"
        out = _run(exe, "--version", home=home).stdout.strip()
        assert out == f"selftrust {_version()}", f"--version printed {out!r}"

        empty = work / "empty"
        _run(exe, "--data-dir", str(empty), "--exit-after-startup", home=home)
        assert (empty / "selftrust.db").is_file(), "no database was created"

        demo = work / "demo"
        _run(exe, "--data-dir", str(demo), "demo", "--years", "1", "--commitments", "6",
             home=home)
        report = json.loads(_run(exe, "--data-dir", str(demo), "stats", "--json",
                                 home=home).stdout)
        assert report["commitments"] and report["jar"]["marbles"] > 0, report
        _run(exe, "--data-dir", str(demo), "--exit-after-startup", home=home)
        for view in ("today", "charts"):  # charts: matplotlib's Qt back end, when it is used
            shot = work / f"{view}.png"
            _run(exe, "--data-dir", str(demo), "screenshot", "--view", view, "--out", str(shot),
                 home=home)
            assert shot.stat().st_size > 1000, f"the {view} screenshot is empty"

        # Sync (pycrdt's and cryptography's compiled parts) and the Loop bridge, frozen:
        # a second computer joins an encrypted folder and ends with the same figures.
        shared = work / "shared"
        shared.mkdir()
        secret = work / "passphrase.txt"
        secret.write_text("correct horse battery\n", encoding="utf-8")
        for data, name in ((demo, "Desk"), (work / "laptop", "Laptop")):
            _run(exe, "--data-dir", str(data), "sync", "--folder", str(shared),
                 "--device-name", name, "--passphrase-file", str(secret), home=home)
        joined = json.loads(_run(exe, "--data-dir", str(work / "laptop"), "stats", "--json",
                                 home=home).stdout)
        assert joined == report, "the second computer's figures differ after joining"
        phone = work / "phone"
        phone.mkdir()
        _run(exe, "--data-dir", str(demo), "loop", "push", str(phone), home=home)
        (written,) = phone.glob("Loop Habits Backup *.db")  # a folder's pull passes over
        pulled = json.loads(_run(exe, "--data-dir", str(work / "from-loop"), "loop", "pull",
                                 str(written), "--json", home=home).stdout)  # our own push
        assert pulled["checkins"]["added"] > 0, pulled

        old = work / "old"
        _old_database(old)
        _run(exe, "--data-dir", str(old), "add", "Read", "--remind", "21:00", home=home)
        listing = json.loads(_run(exe, "--data-dir", str(old), "list", "--json",
                                  home=home).stdout)
        assert [i["title"] for i in listing["items"]] == ["Walk", "Read"], listing

        # Languages: the catalogue compiled into the folder answers the CLI's help in
        # German, and Today paints in Hebrew (right to left, Qt's and Babel's data).
        import gettext

        (mo,) = folder.rglob("selftrust/resources/locale/de/LC_MESSAGES/selftrust.mo")
        german = gettext.GNUTranslations(mo.open("rb"))
        helped = _run(exe, "--help", home=home, language="de").stdout
        wanted = german.gettext("show this help message and exit")
        assert wanted != "show this help message and exit" and wanted in helped, helped
        shot = work / "today-he.png"
        _run(exe, "--data-dir", str(demo), "screenshot", "--view", "today", "--out", str(shot),
             home=home, language="he")
        assert shot.stat().st_size > 1000, "the Hebrew screenshot is empty"

        bundled = [p.relative_to(folder).as_posix() for p in folder.rglob("*")]
        unwanted = [p for p in bundled if FORBIDDEN.search("/" + p)]
        assert not unwanted, f"unused Qt parts were bundled: {unwanted[:10]}"
        shipped = _shipped_languages() | {"en", "root"}
        foreign = [p for p in bundled if (m := LANGUAGE_FILE.search("/" + p))
                   and (m.group(1) or m.group(2)) not in shipped]
        assert not foreign, f"files of languages we do not ship were bundled: {foreign[:10]}"
        for code in _shipped_languages():
            assert any(p.endswith(f"/translations/qtbase_{code}.qm") for p in bundled), (
                f"Qt's own translation for {code} is missing")
    except AssertionError as exc:
        print(f"smoke test failed: {exc}", file=sys.stderr)
        print(f"smoke: {PASSED[0]} passed, 1 failed")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and
               not p.is_symlink())
    print(f"{folder} holds {size / 2**20:.0f} MiB.")
    print(f"smoke: {PASSED[0]} passed, 0 failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
