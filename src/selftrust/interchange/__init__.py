"""Getting data in and out: our JSON and CSV, and Loop Habit Tracker's files. No Qt."""
