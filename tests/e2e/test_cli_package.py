"""The `selftrust.cli` package: no import circles, the command modules never import the
package back, and `selftrust --help` starts without SQL, Qt or matplotlib."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import selftrust.cli
from tests.e2e.helpers import cli_env

PACKAGE = Path(selftrust.cli.__file__).parent


def _cli_imports(path: Path) -> set[str]:
    """The selftrust.cli modules a module imports at its top level (type-only imports aside)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "selftrust.cli":
                found |= {f"selftrust.cli.{a.name}" for a in node.names}
                found.add("selftrust.cli")
            elif node.module.startswith("selftrust.cli."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("selftrust.cli")}
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.glob("*.py"):
        name = "selftrust.cli" if path.stem == "__init__" else f"selftrust.cli.{path.stem}"
        graph[name] = _cli_imports(path)
    return graph


def test_no_module_imports_the_package_back() -> None:
    graph = _graph()
    assert {name for name, deps in graph.items() if "selftrust.cli" in deps} == set()


def test_no_import_circles() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " → ".join((*path, name))
        if name in done:
            return
        for dep in graph.get(name, ()):
            visit(dep, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


@pytest.mark.e2e
def test_help_needs_no_sql_qt_or_matplotlib() -> None:
    script = (
        "import sys, contextlib, io\n"
        "from selftrust.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'alembic', 'PySide6', 'matplotlib')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=cli_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
