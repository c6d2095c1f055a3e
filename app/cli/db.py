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
    for action in (upgrade, current):
        action.add_argument(
            "--database-url",
            help="SQLAlchemy URL (default: TRIGGER_DATABASE_URL, else var/trigger.sqlite3)",
        )
    upgrade.set_defaults(handler=_upgrade)
    current.set_defaults(handler=_current)


def _database_url(args: argparse.Namespace) -> str:
    from app.settings import load_settings

    if args.database_url:
        return str(args.database_url)
    return load_settings().database_url


def _connect(args: argparse.Namespace, url: str) -> Engine | None:
    """An engine for ``url``, or None after one line naming where the bad URL came from."""
    from storage.database import InvalidDatabaseUrl, connect, redacted

    try:
        return connect(url)
    except InvalidDatabaseUrl as exc:
        source = "--database-url" if args.database_url else "TRIGGER_DATABASE_URL"
        print(f"trigger db {args.db_action}: {source} {redacted(url)}: {exc}", file=sys.stderr)
        return None


def _upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from storage.database import redacted, scrubbed
    from storage.migrate import upgrade

    url = _database_url(args)
    engine = _connect(args, url)
    if engine is None:
        return 1
    try:
        revision = upgrade(engine, args.revision)
    except SQLAlchemyError as exc:
        reason = scrubbed(str(exc), url).splitlines()[0]
        print(
            f"trigger db upgrade: {redacted(url)}: {type(exc).__name__}: {reason}", file=sys.stderr
        )
        return 1
    finally:
        engine.dispose()
    print(f"{redacted(url)}: at revision {revision}")
    return 0


def _current(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from storage.database import redacted, scrubbed
    from storage.migrate import current_revision, head_revision

    url = _database_url(args)
    engine = _connect(args, url)
    if engine is None:
        return 1
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        reason = scrubbed(str(exc), url).splitlines()[0]
        print(
            f"trigger db current: {redacted(url)}: {type(exc).__name__}: {reason}", file=sys.stderr
        )
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
