"""Schema migrations, run from the application (no alembic CLI needed, works when installed).

``trigger db upgrade`` and ``trigger serve`` call :func:`upgrade`; the migrations live in
``storage/migrations`` next to this module and ship as package data.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

_HERE = Path(__file__).resolve().parent

# Several `trigger serve` processes may start together against one PostgreSQL: the first to
# take this advisory lock migrates, the others wait and then find nothing to do.
_MIGRATION_LOCK_KEY = 0x7472696767657221  # "trigger!"


def alembic_config() -> Config:
    """The Alembic configuration of the packaged migrations."""
    config = Config(str(_HERE / "alembic.ini"))
    config.set_main_option("script_location", str(_HERE / "migrations"))
    return config


def head_revision() -> str:
    """The newest revision the packaged migrations know."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a revision
        raise RuntimeError("no migrations found in storage/migrations")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    engine: Engine, revision: str = "head", *, application_role: str | None = None
) -> str | None:
    """Bring the database's schema to ``revision`` (default: the newest); return where it is.

    Idempotent: upgrading a database already at head does nothing. With ``application_role``
    (PostgreSQL; ``engine`` connects as the tables' owner), that role is then granted what the
    application needs and no more (:func:`grant_application_role`), in the same transaction.
    """
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        if application_role is not None:
            _grant(connection, application_role)
    now = current_revision(engine)
    log.info("database schema at revision %s", now)
    return now


def downgrade(engine: Engine, revision: str) -> str | None:
    """Take the schema back to ``revision`` (``"base"``: empty). For tests and operators."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    return current_revision(engine)


# The table the application may only read and append to; alembic's own it may only read.
_APPEND_ONLY_TABLES = frozenset({"audit_log"})
_READ_ONLY_TABLES = frozenset({"alembic_version"})


def application_role(application_url: str, migration_url: str) -> str | None:
    """The role the application connects as, when it must be granted its rights: both URLs are
    PostgreSQL and name different users. ``None`` otherwise (one role does everything, or
    SQLite, which has no roles, or a URL that names no user)."""
    try:
        application, migration = make_url(application_url), make_url(migration_url)
    except (ArgumentError, ValueError):
        return None
    if not all(url.get_backend_name() == "postgresql" for url in (application, migration)):
        return None
    if not application.username or application.username == migration.username:
        return None
    return application.username


def grant_application_role(owner_engine: Engine, role: str) -> None:
    """Grant ``role`` exactly what the application needs on the tables ``owner_engine``'s user
    owns (PostgreSQL).

    SELECT, INSERT, UPDATE and DELETE on every table; SELECT and INSERT only on the audit log;
    SELECT only on ``alembic_version``; USAGE on the schema and its sequences. Whatever the role
    held before on these tables is revoked first. The role owns nothing, so it can neither
    disable nor drop the audit log's triggers (only a table's owner may). Run after every
    upgrade: tables a migration adds are covered too.
    """
    with owner_engine.begin() as connection:
        _grant(connection, role)


def _grant(connection: Connection, role: str) -> None:
    if connection.dialect.name != "postgresql":
        raise ValueError("roles and grants are PostgreSQL's: SQLite has none")
    quote = connection.dialect.identifier_preparer.quote_identifier
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    grantee, where = quote(role), quote(schema)
    connection.execute(text(f"GRANT USAGE ON SCHEMA {where} TO {grantee}"))
    for table in inspect(connection).get_table_names(schema=schema):
        name = f"{where}.{quote(table)}"
        if table in _APPEND_ONLY_TABLES:
            rights = "SELECT, INSERT"
        elif table in _READ_ONLY_TABLES:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        connection.execute(text(f"REVOKE ALL ON TABLE {name} FROM {grantee}"))
        connection.execute(text(f"GRANT {rights} ON TABLE {name} TO {grantee}"))
    connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {where} FROM {grantee}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {where} TO {grantee}"))
    powerful = connection.execute(
        text(
            "SELECT rolsuper OR pg_has_role(:role, tableowner, 'USAGE') FROM pg_roles, pg_tables"
            " WHERE rolname = :role AND schemaname = :schema AND tablename = 'audit_log'"
        ),
        {"role": role, "schema": schema},
    ).scalar_one_or_none()
    if powerful:
        log.warning(
            "application role %s is a superuser or a member of the tables' owner: "
            "it can still disable the audit log's triggers",
            role,
        )
    log.info("application role %s granted its rights on schema %s", role, schema)
