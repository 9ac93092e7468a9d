"""The `selftrust` command: the app by default, plus sub-commands for people and scripts.

``common`` holds what the commands share; each other module holds one group of commands;
``parser`` gathers them and ``entry`` runs one. Nothing here imports this package's
``__init__`` back: it only re-exports the entry point (``selftrust = "selftrust.cli:main"``).
"""

from selftrust.cli.entry import main

__all__ = ["main"]
