"""`trigger audit verify`: check the audit log's hash chain, entry by entry.

The walk itself is storage's (:func:`storage.repositories.audit.verify_audit_log`); this module
only renders its findings. Exit status: 0 intact, 1 one or more entries broken, 2 the log could
not be read (bad URL, no database, schema not upgraded).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage.audit_chain import AuditFinding

BROKEN = 1
UNREADABLE = 2


def register(subparsers: Any) -> None:
    """Add the ``audit`` command with its ``verify`` action."""
    parser = subparsers.add_parser(
        "audit",
        help="the audit log: verify its hash chain",
        description="Check the append-only audit log.",
    )
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check every entry's hash and its link to the entry before it",
        description="Walk the audit log in id order and check every entry's hash and link: "
        "exit 0 when intact, 1 naming each entry changed or cut out of the chain.",
    )
    verify.add_argument(
        "--database-url",
        help="SQLAlchemy URL (default: TRIGGER_DATABASE_URL, else var/trigger.sqlite3)",
    )
    verify.add_argument(
        "--batch-size", type=int, default=1000, help="entries read per transaction (default 1000)"
    )
    verify.set_defaults(handler=_verify)


def describe(finding: AuditFinding) -> str:
    """One line naming a broken entry and what is wrong with it."""
    from storage.audit_chain import AuditProblem

    problem = {
        AuditProblem.CHANGED: "changed after it was written",
        AuditProblem.CHAIN_BROKEN: "chain broken (entry before it removed or changed)",
    }[finding.problem]
    return f"entry {finding.entry_id}: {problem}"


def _verify(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import InvalidDatabaseUrl, connect, failure, redacted
    from storage.repositories.audit import verify_audit_log

    if args.database_url:
        url, source = str(args.database_url), "--database-url"
    else:
        url, source = load_settings().database_url, "TRIGGER_DATABASE_URL"
    try:
        engine = connect(url)
    except InvalidDatabaseUrl as exc:
        print(f"trigger audit verify: {source} {redacted(url)}: {exc}", file=sys.stderr)
        return UNREADABLE
    try:
        verification = verify_audit_log(engine, batch_size=max(1, args.batch_size))
    except SQLAlchemyError as exc:
        print(f"trigger audit verify: {failure(url, exc)}", file=sys.stderr)
        return UNREADABLE
    finally:
        engine.dispose()
    if verification.intact:
        print(f"audit log intact: {verification.entries} entries")
        return 0
    for finding in verification.findings:
        print(describe(finding))
    broken = len({finding.entry_id for finding in verification.findings})
    print(
        f"audit log NOT intact: {broken} of {verification.entries} entries broken",
        file=sys.stderr,
    )
    return BROKEN
