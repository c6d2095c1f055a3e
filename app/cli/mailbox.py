"""`trigger mailbox list|resume FOLDER`: the IMAP folders the intake remembers, and resuming
a folder paused because its UIDVALIDITY changed.

A paused folder is not read (mail waits in it) until a person has checked the mailbox and runs
``trigger mailbox resume FOLDER``: the new UIDVALIDITY is accepted and the folder read again
from its first message; mail stored before is recognised by its content hash, not doubled.
Exit status: 0 done, 1 no such paused folder, 3 the database could not be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``mailbox`` command with its ``list`` and ``resume`` actions."""
    parser = subparsers.add_parser(
        "mailbox",
        help="IMAP folders as remembered: list, resume a paused folder",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="mailbox_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every remembered folder, paused ones marked")
    listing.set_defaults(handler=_list)
    resume = actions.add_parser("resume", help="accept a paused folder's new UIDVALIDITY")
    resume.add_argument("folder", help="the folder's name, e.g. INBOX")
    resume.add_argument(
        "--mailbox", help="user@host:port (default: the configured TRIGGER_IMAP_* mailbox)"
    )
    resume.set_defaults(handler=_resume)


def _list(args: argparse.Namespace) -> int:
    def work(uow: Any) -> int:
        for folder in uow.mail_folders.all_folders():
            state = (
                f"PAUSED (server now says {folder.paused_uidvalidity})" if folder.paused else "ok"
            )
            print(
                f"{folder.mailbox}\t{folder.folder}\tuidvalidity {folder.uidvalidity}\t"
                f"last uid {folder.last_uid}\t{state}"
            )
        return 0

    return _with_database(work)


def _resume(args: argparse.Namespace) -> int:
    from app.inbound import mailbox_name
    from app.settings import load_settings

    settings = load_settings()
    mailbox = args.mailbox
    if mailbox is None and settings.imap_host and settings.imap_user:
        mailbox = mailbox_name(settings.imap_user, settings.imap_host, settings.imap_port)
    if mailbox is None:
        print("trigger mailbox resume: no --mailbox and no TRIGGER_IMAP_* mailbox", file=sys.stderr)
        return 2

    def work(uow: Any) -> int:
        resumed = uow.mail_folders.resume(mailbox, args.folder, actor="cli")
        if resumed is None:
            print(f"trigger mailbox resume: {args.folder} of {mailbox} is not paused",
                  file=sys.stderr)  # fmt: skip
            return 1
        print(f"{args.folder} resumed at uidvalidity {resumed.uidvalidity}, from its first message")
        return 0

    return _with_database(work)


def _with_database(work: Any) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import InvalidDatabaseUrl, connect, failure
    from storage.migrate import upgrade
    from storage.unit_of_work import SqlUnitOfWork

    settings = load_settings()
    try:
        engine = connect(settings.database_url)
    except InvalidDatabaseUrl as exc:
        print(f"trigger mailbox: TRIGGER_DATABASE_URL: {exc}", file=sys.stderr)
        return 3
    try:
        upgrade(engine)
        with SqlUnitOfWork(engine) as uow:
            return int(work(uow))
    except SQLAlchemyError as exc:
        print(f"trigger mailbox: {failure(settings.database_url, exc)}", file=sys.stderr)
        return 3
    finally:
        engine.dispose()
