"""Message boxes are answered in tests by replacing one attribute, ``messages.prompter``.

That works only while every caller looks the instance up when it asks: a module that
imported the instance by name would keep the real one and leave a modal box waiting.
"""

from __future__ import annotations

import ast
from pathlib import Path

import selftrust
from selftrust.ui.dialogs import messages
from tests.ui.conftest import ScriptedPrompter

SRC = Path(selftrust.__file__).resolve().parent


def imports_of_the_instance(path: Path) -> list[int]:
    """Lines that bind ``prompter`` from ``messages`` into another module's names."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.ImportFrom) and (node.module or "").endswith("messages")
                and any(alias.name == "prompter" for alias in node.names)):
            lines.append(node.lineno)
    return lines


def test_no_module_imports_the_prompter_instance_by_name() -> None:
    found = {str(path.relative_to(SRC)): lines
             for path in sorted(SRC.rglob("*.py"))
             if (lines := imports_of_the_instance(path))}
    assert found == {}, "call messages.prompter.…(…) instead of importing the instance"


def test_the_fixture_swaps_the_one_attribute(prompter: ScriptedPrompter) -> None:
    assert messages.prompter is prompter
    prompter.answers.append(True)
    assert messages.prompter.ask(None, "Delete?", "It goes.", accept="Delete")
    assert prompter.asked == [("ask", "Delete?", "It goes.", "")]
