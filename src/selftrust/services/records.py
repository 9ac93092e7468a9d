"""The plain rows services hand to the CLI and the UI.

They are defined next to the queries that fill them (store/records.py); the UI takes
them from here, so it depends on services alone.
"""

from selftrust.store.records import CheckinRow, CommitmentRow, ReflectionRow

__all__ = ["CheckinRow", "CommitmentRow", "ReflectionRow"]
