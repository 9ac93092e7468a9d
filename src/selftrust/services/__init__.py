"""Use cases shared by the CLI and the UI: check in, undo, reflect, the day's dashboard,
statistics, import and export. Glue between domain and store; no Qt here."""
