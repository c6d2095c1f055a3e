"""`trigger db`: the database schema (``upgrade`` to the newest revision, ``current``)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(subparsers: Any) -> None:
    """Add the ``db`` command with its ``upgrade`` and ``current`` actions."""
    parser = subparsers.add_parser(
        "db",
        help="database schema: upgrade, current",
        description="Manage the database schema (Alembic migrations shipped with the package).",
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="bring the schema to the newest revision")
    upgrade.add_argument("--revision", default="head", help="target revision (default: head)")
    current = actions.add_parser("current", help="print the schema revision of the database")
    upgrade.add_argument(
        "--database-url",
        help="SQLAlchemy URL to migrate with, as the tables' owner (default: "
        "TRIGGER_MIGRATION_DATABASE_URL, else TRIGGER_DATABASE_URL, else var/trigger.sqlite3)",
    )
    current.add_argument(
        "--database-url",
        help="SQLAlchemy URL (default: TRIGGER_DATABASE_URL, else var/trigger.sqlite3)",
    )
    upgrade.set_defaults(handler=_upgrade)
    current.set_defaults(handler=_current)


def _database_url(args: argparse.Namespace) -> tuple[str, str]:
    """The URL this action uses and where it came from (the option or a variable's name).

    ``upgrade`` migrates with TRIGGER_MIGRATION_DATABASE_URL when it is set (the tables' owner).
    """
    from app.settings import load_settings

    if args.database_url:
        return str(args.database_url), "--database-url"
    settings = load_settings()
    if args.db_action == "upgrade" and settings.separate_migration_role:
        return settings.migration_database_url, "TRIGGER_MIGRATION_DATABASE_URL"
    return settings.database_url, "TRIGGER_DATABASE_URL"


def _connect(args: argparse.Namespace, url: str, source: str) -> Engine | None:
    """An engine for ``url``, or None after one line naming where the bad URL came from."""
    from storage.database import InvalidDatabaseUrl, connect, redacted

    try:
        return connect(url)
    except InvalidDatabaseUrl as exc:
        print(f"trigger db {args.db_action}: {source} {redacted(url)}: {exc}", file=sys.stderr)
        return None


def _upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import failure, redacted
    from storage.migrate import application_role, upgrade

    url, source = _database_url(args)
    # The application's role (TRIGGER_DATABASE_URL's user) is granted its rights when it is
    # not the role that migrates.
    role = application_role(load_settings().database_url, url)
    engine = _connect(args, url, source)
    if engine is None:
        return 1
    try:
        revision = upgrade(engine, args.revision, application_role=role)
    except SQLAlchemyError as exc:
        print(f"trigger db upgrade: {failure(url, exc)}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"{redacted(url)}: at revision {revision}")
    if role is not None:
        print(f"application role {role}: granted its rights (audit_log: SELECT, INSERT only)")
    return 0


def _current(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from storage.database import failure, redacted
    from storage.migrate import current_revision, head_revision

    url, source = _database_url(args)
    engine = _connect(args, url, source)
    if engine is None:
        return 1
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        print(f"trigger db current: {failure(url, exc)}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    head = head_revision()
    if revision is None:
        print(f"{redacted(url)}: empty (no schema); run `trigger db upgrade` (head is {head})")
    elif revision == head:
        print(f"{redacted(url)}: at revision {revision} (head)")
    else:
        print(f"{redacted(url)}: at revision {revision}; head is {head}: run `trigger db upgrade`")
    return 0
