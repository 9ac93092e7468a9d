"""Start Self-Trust when the user logs in: an XDG autostart entry on Linux, the Run key
of the user's account on Windows, a LaunchAgent on macOS.

No Qt, and nothing here needs administrator rights: each platform's per-user place is
written, so removing the entry (or uninstalling the app) never touches the data folder.
The command is the one running now: the frozen executable, the `selftrust` script of
the environment it was installed into, or ``python -m selftrust``.
"""

from __future__ import annotations

import importlib
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from selftrust import APP_ID, APP_NAME
from selftrust.base.i18n import _

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class AutostartError(OSError):
    """The entry could not be written or removed (the message is for people)."""


def launch_command(extra: Sequence[str] = ()) -> list[str]:
    """How to start this same Self-Trust again, with ``extra`` arguments."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *extra]
    script = Path(sys.executable).with_name("selftrust.exe" if os.name == "nt" else "selftrust")
    if script.is_file():
        return [str(script), *extra]
    found = shutil.which("selftrust")
    if found:
        return [found, *extra]
    return [sys.executable, "-m", "selftrust", *extra]


def desktop_exec(command: Sequence[str]) -> str:
    """The Exec= value for ``command`` (the Desktop Entry spec's quoting rules)."""
    parts = []
    for arg in command:
        escaped = arg.replace("%", "%%")
        if any(ch in arg for ch in ' \t\n"\'\\><~|&;$*?#()`'):
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in escaped)
            escaped = f'"{inner}"'
        parts.append(escaped)
    return " ".join(parts)


class Autostart:
    """The login entry for this user on this platform.

    ``platform``, ``environ`` and ``home`` default to the real ones; tests pass their own.
    """

    def __init__(
        self,
        command: Sequence[str] | None = None,
        *,
        platform: str | None = None,
        environ: Mapping[str, str] | None = None,
        home: Path | None = None,
    ) -> None:
        self.command = list(command) if command is not None else launch_command()
        self.platform = platform or sys.platform
        self.environ = os.environ if environ is None else environ
        self.home = home or Path.home()

    # --- where ------------------------------------------------------------------------
    @property
    def supported(self) -> bool:
        return self.platform.startswith(("linux", "freebsd", "openbsd")) or self.platform in (
            "win32", "darwin")

    @property
    def where(self) -> str:
        """Where the entry lives, in words for the preferences."""
        if self.platform == "win32":
            # TRANSLATORS: where Windows keeps what starts at login; HKCU\…\Run stays as it is.
            return _("the Run list of your Windows account (HKCU\\…\\Run)")
        return str(self.path) if self.supported else ""

    @property
    def path(self) -> Path:
        """The file that holds the entry (Linux and macOS)."""
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        config = self.environ.get("XDG_CONFIG_HOME", "")
        base = Path(config) if config and Path(config).is_absolute() else self.home / ".config"
        return base / "autostart" / f"{APP_ID}.desktop"

    # --- reading and writing ----------------------------------------------------------
    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._registry_value() is not None
        if not self.supported:
            return False
        return self.path.is_file()

    def enable(self) -> None:
        if not self.supported:
            raise AutostartError(
                _("Starting with the system is not available on this platform."))
        try:
            if self.platform == "win32":
                self._set_registry_value(subprocess.list2cmdline(self.command))
            elif self.platform == "darwin":
                self._write(self.path, plistlib.dumps(self._plist()))
            else:
                self._write(self.path, self._desktop_entry().encode("utf-8"))
        except OSError as exc:
            # TRANSLATORS: {error} is the system's words for the failure.
            raise AutostartError(_("Could not set Self-Trust to start with the system: "
                                   "{error}").format(error=exc.strerror or exc)) from exc

    def disable(self) -> None:
        try:
            if self.platform == "win32":
                self._set_registry_value(None)
            elif self.supported:
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            # TRANSLATORS: {error} is the system's words for the failure.
            raise AutostartError(_("Could not stop Self-Trust from starting with the system: "
                                   "{error}").format(error=exc.strerror or exc)) from exc

    def set_enabled(self, on: bool) -> None:
        self.enable() if on else self.disable()

    # --- the entries ------------------------------------------------------------------
    def _desktop_entry(self) -> str:
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Build trust in yourself, one small kept promise at a time\n"
            f"Exec={desktop_exec(self.command)}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def _plist(self) -> dict[str, object]:
        return {
            "Label": APP_ID,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Write beside, then rename: a half-written entry never starts anything."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    def _registry_value(self) -> str | None:  # pragma: no cover - Windows only
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, APP_NAME)
        except OSError:
            return None
        return str(value)

    def _set_registry_value(self, value: str | None) -> None:  # pragma: no cover - Windows
        winreg = _winreg()
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            if value is None:
                try:
                    winreg.DeleteValue(key, APP_NAME)
                except FileNotFoundError:
                    pass
            else:
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)


def _winreg() -> Any:  # pragma: no cover - Windows only
    """The registry module, loaded only on Windows (its stubs exist only there, so it is
    typed loosely instead of needing an ignore at every call)."""
    return importlib.import_module("winreg")
