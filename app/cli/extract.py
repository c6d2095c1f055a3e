"""`trigger extract [--policy PROFILE] FILE...`: messages to draft applications, as JSON Lines.

The contract is ../shared/spec/extract-contract.md: one JSON object per input, in input order; an
input that cannot be read or parsed still yields a line with an ``error`` and the command exits 1
after the rest are done.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Every field of the output object, so an error line has the same keys as a draft.
_EMPTY_DRAFT: dict[str, Any] = {
    "source": None,
    "channel": None,
    "received_at": None,
    "applicant": None,
    "victim": None,
    "consent": None,
    "incidents": [],
    "hate_strands": [],
    "community_reporters": None,
    "exclusions": [],
    "risk_flags": [],
    "threshold": None,
    "rejected_dates": [],
}


def register(subparsers: Any) -> None:
    """Add the ``extract`` sub-command."""
    parser = subparsers.add_parser(
        "extract",
        help="parse .eml / .chat.json / .txt files into draft applications (JSON Lines)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=".eml, .chat.json or .txt")
    parser.add_argument("--policy", help="policy profile (default: TRIGGER_POLICY or hartlepool)")
    parser.add_argument(
        "--received",
        help="ISO-8601 time a .txt input was received (required for .txt; naive = Europe/London)",
    )
    parser.set_defaults(handler=run)


def _received(value: str | None) -> datetime | None:
    if value is None:
        return None
    from zoneinfo import ZoneInfo

    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("Europe/London"))
    return moment


def run(args: argparse.Namespace) -> int:
    """Extract every input; exit 1 when any failed, 2 on bad usage."""
    import os

    from trigger.profiles import UnknownProfile, default_profile_id, get_profile

    try:
        profile = get_profile(args.policy or default_profile_id(os.environ))
    except UnknownProfile as exc:
        print(f"trigger extract: {exc}", file=sys.stderr)
        return 2
    try:
        received = _received(args.received)
    except ValueError:
        print(
            f"trigger extract: --received {args.received!r} is not an ISO-8601 time",
            file=sys.stderr,
        )
        return 2

    from app.extraction import draft_application
    from intake.errors import RejectedMessage
    from intake.load import load_document
    from nlp.extract import Extractor

    extractor = Extractor()
    failed = 0
    out = sys.stdout
    for given in args.files:
        path = Path(given)
        # A file name that is not UTF-8 (surrogate escapes) is reported readably, never crashes.
        name = given.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        try:
            document = load_document(path, received)
            draft = draft_application(extractor, document, profile, source=name)
            line = draft.model_dump_json()
        except RejectedMessage as exc:
            failed += 1
            line = json.dumps({**_EMPTY_DRAFT, "source": name, "error": str(exc)})
        except OSError as exc:
            failed += 1
            reason = exc.strerror or exc.__class__.__name__
            line = json.dumps(
                {**_EMPTY_DRAFT, "source": name, "error": f"cannot read the file: {reason}"}
            )
        except Exception as exc:  # one broken input must not stop the rest (contract)
            failed += 1
            # The exception text may quote the message: only its type is logged above DEBUG.
            log.error(
                "extract failed on input %d: %s",
                args.files.index(given) + 1,
                exc.__class__.__name__,
            )
            log.debug("extract failure detail", exc_info=True)
            line = json.dumps(
                {
                    **_EMPTY_DRAFT,
                    "source": name,
                    "error": f"internal error while extracting ({exc.__class__.__name__})",
                }
            )
        out.write(line + "\n")
        out.flush()
    return 1 if failed else 0
