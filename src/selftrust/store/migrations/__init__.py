"""Alembic migrations of the Self-Trust database, shipped inside the package.

They run in code (``selftrust.store.migrate``), never through ``alembic.ini``, so an
installed app can update a user's database on open. To add a revision: change
``tables.py``, write ``versions/NNNN_what.py`` by hand from ``script.py.mako`` (or
let ``alembic.autogenerate`` propose it, then check every line), append its id to
``migrate.REVISIONS``, and run ``tests/store``: they compare the migrated schema with
the tables and walk every revision up and down.
"""
