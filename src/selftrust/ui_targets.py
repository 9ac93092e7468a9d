"""Names the CLI offers for `screenshot --view`, kept free of Qt so `--help` stays fast."""

SCREENSHOT_TARGETS = (
    "today", "streaks", "jar", "charts", "reflections",
    "welcome", "commitment-dialog", "preferences", "manage", "reflection-dialog",
    "how-counted", "backups", "pause", "shortcuts",
)
