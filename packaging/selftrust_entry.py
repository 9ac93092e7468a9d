"""The frozen app's entry point: the same `selftrust` command as a pip install.

PyInstaller needs a script, not a console-script entry point; this is that script.
"""

from selftrust.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
