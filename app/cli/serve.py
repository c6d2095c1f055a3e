"""`trigger serve`: run the system in one process until Ctrl-C or SIGTERM.

Loads the settings, upgrades the database (as TRIGGER_MIGRATION_DATABASE_URL's role when that
is set), creates the drop folder and runs the services of :mod:`app.serve`, which says plainly
at INFO which parts are not configured or not built yet.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import TYPE_CHECKING, Any

from app.serve import log, run_services, settle_heap

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.settings import Settings


def register(subparsers: Any) -> None:
    """Add the ``serve`` command."""
    parser = subparsers.add_parser(
        "serve",
        help="run the console, the email intake and the Telegram bot until stopped",
        description="Run everything in one process; Ctrl-C or SIGTERM stops it cleanly.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="first load the dev corpus (../shared/corpus/dev, else tests/fixtures/corpus) "
        "as sample drafts, so the console's queue is populated",
    )
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import InvalidDatabaseUrl, connect, redacted

    root = logging.getLogger()
    if root.getEffectiveLevel() > logging.INFO:  # serve reports what runs, at INFO
        root.setLevel(logging.INFO)
    # Alembic announces each of its plugins at INFO on every start: noise in an operator's log.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    settings = load_settings()
    try:
        engine = connect(settings.database_url)
    except InvalidDatabaseUrl as exc:
        log.error("TRIGGER_DATABASE_URL %s: %s", redacted(settings.database_url), exc)
        return 1
    try:
        try:
            revision = _upgrade(settings, engine)
        except InvalidDatabaseUrl as exc:
            url = settings.migration_database_url
            log.error("TRIGGER_MIGRATION_DATABASE_URL %s: %s", redacted(url), exc)
            return 1
        except SQLAlchemyError as exc:  # the URL that migrates (the same one, unless set apart)
            url = settings.migration_database_url
            log.error("database %s: %s", redacted(url), type(exc).__name__)
            log.debug("database failure detail", exc_info=True)
            return 1
        log.info("database %s at revision %s", redacted(settings.database_url), revision)
        settings.inbox.mkdir(parents=True, exist_ok=True)
        if getattr(args, "demo", False):
            _load_demo(settings, engine)
        settle_heap()
        return asyncio.run(run_services(settings, engine=engine))
    finally:
        engine.dispose()


def _upgrade(settings: Settings, engine: Engine) -> str | None:
    """Upgrade the schema: with ``engine`` itself, or as TRIGGER_MIGRATION_DATABASE_URL's role
    when that is set (then granting the application's role its rights)."""
    from storage.database import connect
    from storage.migrate import application_role, upgrade

    if not settings.separate_migration_role:
        return upgrade(engine)
    owner_engine = connect(settings.migration_database_url)
    try:
        role = application_role(settings.database_url, settings.migration_database_url)
        return upgrade(owner_engine, application_role=role)
    finally:
        owner_engine.dispose()


def _load_demo(settings: Settings, engine: Engine) -> None:
    """Load the demo corpus as ready drafts (files loaded before are skipped)."""
    import functools

    from app.console_service import demo_corpus, load_demo
    from storage.unit_of_work import SqlUnitOfWork
    from trigger.profiles import get_profile

    corpus = demo_corpus()
    if corpus is None:
        log.warning("demo: no corpus found (../shared/corpus/dev or tests/fixtures/corpus)")
        return
    log.info("demo: drafting the files of %s (a minute or so)", corpus)
    added = load_demo(
        functools.partial(SqlUnitOfWork, engine), get_profile(settings.policy), corpus
    )
    log.info("demo: %d sample draft(s) added to the queue", added)
