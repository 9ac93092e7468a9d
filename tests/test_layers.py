"""The one rule of dependencies (DESIGN.md): imports point downward only.

Nothing below ``ui`` imports Qt or the UI, the domain stays free of SQL, and
matplotlib is left to ``ui/charts``. Imports are read from the source with ``ast``,
so a violation is caught even in code no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "selftrust"
BELOW_UI = ("base", "domain", "store", "services", "interchange", "sync")
QT_AND_UI = ("PySide6", "shiboken6", "selftrust.ui", "matplotlib")
SQL = ("sqlalchemy", "sqlmodel", "alembic", "sqlite3", "selftrust.store")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved against the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    problems = []
    for path in sorted((SRC / layer).rglob("*.py")):
        for module in sorted(_imports(path)):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                problems.append(f"{path.relative_to(SRC)} imports {module}")
    return problems


@pytest.mark.parametrize("layer", BELOW_UI)
def test_no_qt_ui_or_matplotlib_below_the_ui(layer: str) -> None:
    assert _violations(layer, QT_AND_UI) == []


def test_domain_has_no_sql() -> None:
    assert _violations("domain", SQL) == []


def test_store_does_not_reach_up() -> None:
    assert _violations("store", ("selftrust.services", "selftrust.interchange")) == []


def test_sync_is_files_and_crdt_only() -> None:
    """sync/ knows the folder and the documents; SQLite and the use cases belong to the
    services that call it."""
    forbidden = (*SQL, "selftrust.services", "selftrust.interchange", "selftrust.domain")
    assert _violations("sync", forbidden) == []


NETWORK = ("socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp",
           "websocket", "websockets", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib",
           "xmlrpc", "socketserver", "asyncio", "selectors", "PySide6.QtNetwork",
           "PySide6.QtWebSockets", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets")
# The single-instance guard talks to the first window through a local (Unix) socket or
# named pipe: that never leaves the machine.
LOCAL_ONLY = {"PySide6.QtNetwork.QLocalServer", "PySide6.QtNetwork.QLocalSocket"}


def test_no_module_opens_the_network() -> None:
    """No network access, ever (DESIGN.md safety rules): sync and the Loop bridge only
    read and write files; file-sync tools do the carrying."""
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        imports = _imports(path)
        names = {m for m in imports if m.startswith("PySide6.QtNetwork.")}
        local_only = bool(names) and names <= LOCAL_ONLY
        for module in sorted(imports):
            if module in LOCAL_ONLY or (local_only and module == "PySide6.QtNetwork"):
                continue
            if any(module == n or module.startswith(n + ".") for n in NETWORK):
                problems.append(f"{path.relative_to(SRC)} imports {module}")
    assert problems == []


def test_the_scanner_sees_imports() -> None:
    """Guard against a scanner that silently finds nothing."""
    assert "PySide6.QtNetwork.QLocalServer" in _imports(
        SRC / "ui" / "desktop" / "single_instance.py")
    assert "selftrust.store.tables" in _imports(SRC / "store" / "migrations" / "env.py")
    assert any(m.startswith("sqlalchemy") for m in _imports(SRC / "store" / "engine.py"))


def test_the_ui_goes_through_services() -> None:
    """The UI never queries or opens the store itself (DESIGN.md: ui → services)."""
    assert _violations("ui", ("selftrust.store", "sqlalchemy", "sqlmodel", "sqlite3")) == []


@pytest.mark.parametrize("layer", BELOW_UI)
def test_nothing_below_the_ui_reaches_the_command_line(layer: str) -> None:
    """The CLI is a shell over the services, like the UI: nothing it holds may be needed
    below it."""
    assert _violations(layer, ("selftrust.cli",)) == []


def test_base_stands_on_nothing_of_ours() -> None:
    """base/ is under every layer, so it imports no other part of Self-Trust."""
    others = tuple(f"selftrust.{p.name}" for p in SRC.iterdir()
                   if p.is_dir() and p.name not in ("base", "__pycache__"))
    assert len(others) >= 6
    assert _violations("base", others) == []


def test_the_store_knows_nothing_of_sync() -> None:
    """The change log is filled by SQLite triggers, so the store needs no sync code; the
    mapping between records and versions is services/sync's."""
    assert _violations("store", ("selftrust.sync", "pycrdt", "cryptography")) == []
