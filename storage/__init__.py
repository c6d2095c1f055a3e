"""Persistence: SQLModel tables, repositories over a unit of work, Alembic migrations.

The public entry points::

    from storage.database import connect          # URL -> Engine (SQLite or PostgreSQL)
    from storage.migrate import upgrade            # bring the schema to the newest revision
    from storage.repository import unit_of_work    # `with unit_of_work(engine) as repo: ...`

Nothing connects at import time.
"""
