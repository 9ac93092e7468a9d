"""Pure rules of Self-Trust: dates, schedules, streaks, strength, the marble jar.

Nothing here imports Qt, SQL or does I/O, so every rule can be tested exhaustively
and reused by the CLI, the UI and the importers alike.
"""
