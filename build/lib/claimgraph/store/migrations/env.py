"""Alembic environment: migrations run on the connection ``open_store`` hands over.

The store runs its migrations itself when it is opened (``engine.py``), so
there is no alembic.ini: the caller puts a live connection in
``config.attributes["connection"]`` and this script migrates it in place.
"""

from __future__ import annotations

from alembic import context

from claimgraph.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
