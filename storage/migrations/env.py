"""Alembic environment for the Community Trigger schema.

Run by :func:`storage.migrate.upgrade` with a connection passed in ``config.attributes``
(the application's way, `trigger db upgrade`), or by the alembic CLI, when the database is the
``sqlalchemy.url`` of the configuration or, failing that, ``TRIGGER_DATABASE_URL``. The
settings (and the default SQLite file) belong to the application: storage does not read them.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from storage.tables import Table

config = context.config
target_metadata = Table.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: later migrations use batch mode (copy and move).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("TRIGGER_DATABASE_URL")
    if not url:
        raise SystemExit(
            "no database: set sqlalchemy.url or TRIGGER_DATABASE_URL, or run `trigger db upgrade`"
        )
    return url


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the connection we were given, or connect to the configured database."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from storage.database import connect

    engine = connect(_database_url())
    try:
        with engine.begin() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
