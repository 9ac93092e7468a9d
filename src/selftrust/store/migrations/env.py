"""Alembic's environment: run the migrations on the connection ``migrate`` hands in.

There is no URL and no offline (SQL script) mode: the store opens the database
itself, checks it, backs it up and then calls Alembic with the open connection, in
a transaction it already began, so a failed migration leaves nothing half done.
"""

from __future__ import annotations

from alembic import context

from selftrust.store.tables import METADATA


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if context.is_offline_mode() or connection is None:
        raise RuntimeError(
            "Self-Trust runs its migrations in code, on an open connection: "
            "use selftrust.store.migrate.upgrade()."
        )
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
