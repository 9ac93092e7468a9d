"""Persistence: SQLModel tables, the safe way to open the database, migrations,
backups and the repository (the only place that runs queries). No Qt here."""
