"""The Loop Habit Tracker bridge: ``pull`` merges the phone's backups, ``push`` writes a
backup the phone merges. The CLI and the window share these."""

from selftrust.services.loop.gone import send_again
from selftrust.services.loop.pull import pull
from selftrust.services.loop.push import push
from selftrust.services.loop.reports import (
    LoopRefused,
    PullSummary,
    PushSummary,
    backup_moment,
)

__all__ = ["LoopRefused", "PullSummary", "PushSummary", "backup_moment", "pull", "push",
           "send_again"]
