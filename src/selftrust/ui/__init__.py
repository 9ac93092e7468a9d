"""The Qt user interface. It talks to services only."""

from selftrust.ui.none_guard import keep_none_alive

keep_none_alive()  # before any PySide6 call: see none_guard
