"""The application shell: start-up, the main window and what every view shares (context,
change bridge, undo, actions, per-machine preferences, screenshots)."""
