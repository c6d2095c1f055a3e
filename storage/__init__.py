"""Persistence: SQLModel tables, one repository per aggregate over a unit of work, Alembic
migrations.

The public entry points::

    from storage.database import connect             # URL -> Engine (SQLite or PostgreSQL)
    from storage.migrate import upgrade               # bring the schema to the newest revision
    from storage.unit_of_work import SqlUnitOfWork   # `with SqlUnitOfWork(engine) as uow: ...`

Use cases type against :class:`storage.unit_of_work.UnitOfWork` (the abstract unit of work,
with ``uow.inbound``, ``uow.applications``, ``uow.decisions``, ``uow.officers``, ``uow.audit``)
and take a :data:`storage.unit_of_work.UnitOfWorkFactory`. Nothing connects at import time.
"""
