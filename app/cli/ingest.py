"""`trigger ingest FILE.eml...`: store email files and draft them, once, as the intake would.

The same pipeline as a message arriving by IMAP or the drop folder: each file is read (refused
over TRIGGER_DROP_MAX_BYTES), looked at (:func:`intake.mime.unreadable`: a file that is not an
email is refused, not stored), stored (raw bytes first; a file stored before, by any intake, is
recognised by its SHA-256 and not stored again), then drafted by the drafting worker, in this
process, under TRIGGER_POLICY, joining an open draft when it continues one. The files are left
where they are. With many files a progress bar runs on standard error (not when it is not a
terminal, or with ``--no-progress``).

One line per file on standard output: ``stored``/``already stored`` with the inbound id and
what drafting made of it, or ``refused`` with the reason. Exit status: 0 when every file was
stored (now or before), 1 when any file was refused or could not be read, 2 for a usage error,
3 when the database could not be used (nothing more is tried).
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.settings import Settings
    from storage.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)

# From this many files on, a progress bar is shown (on a terminal).
PROGRESS_FROM = 10
EXIT_REFUSED = 1
EXIT_DATABASE = 3


@dataclass
class Ingested:
    """One file's fate: its inbound id (stored now or before) or why it was refused."""

    path: Path
    inbound_id: int | None = None
    created: bool = False
    refused: str | None = None


def register(subparsers: Any) -> None:
    """Add the ``ingest`` sub-command."""
    parser = subparsers.add_parser(
        "ingest",
        help="store .eml files and draft them once, as the email intake would",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help=".eml files")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Store, then draft, every file; print one line each; return the exit status."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import InvalidDatabaseUrl, connect, failure, redacted
    from storage.migrate import upgrade
    from storage.unit_of_work import SqlUnitOfWork

    files: list[Path] = list(args.files)
    settings = load_settings()
    try:
        engine = connect(settings.database_url)
    except InvalidDatabaseUrl as exc:
        print(f"trigger ingest: TRIGGER_DATABASE_URL {redacted(settings.database_url)}: {exc}",
              file=sys.stderr)  # fmt: skip
        return EXIT_DATABASE
    try:
        upgrade(engine)
        unit_of_work = functools.partial(SqlUnitOfWork, engine)
        results = _ingest(settings, unit_of_work, files, progress=_progress(args, len(files)))
    except SQLAlchemyError as exc:
        print(f"trigger ingest: {failure(settings.database_url, exc)}", file=sys.stderr)
        return EXIT_DATABASE
    finally:
        engine.dispose()
    for line in results:
        print(line)
    return EXIT_REFUSED if any(line.startswith("refused") for line in results) else 0


def _progress(args: argparse.Namespace, count: int) -> bool:
    return not args.no_progress and count >= PROGRESS_FROM and sys.stderr.isatty()


def _ingest(
    settings: Settings, unit_of_work: UnitOfWorkFactory, files: list[Path], *, progress: bool
) -> list[str]:
    """Store each file, draft what waits, and describe each file in one line."""
    from datetime import timedelta

    from tqdm import tqdm

    from app.drafting import DraftingWorker
    from app.inbound import inbound_store
    from intake.drop_folder import inbound_from_eml
    from intake.errors import RejectedMessage
    from intake.headers import one_line
    from intake.load import read_capped
    from intake.mime import unreadable
    from trigger.profiles import get_profile

    store = inbound_store(unit_of_work)
    drafting = DraftingWorker(
        unit_of_work,
        get_profile(settings.policy),
        thread_window=timedelta(days=settings.thread_window_days),
        max_attempts=settings.draft_max_attempts,
    )
    done: list[Ingested] = []
    bar = tqdm(total=len(files) * 2, unit="step", disable=not progress, file=sys.stderr)
    try:
        for path in files:
            bar.set_description(path.name[:30])
            result = Ingested(path)
            try:
                data = read_capped(path, settings.drop_max_bytes)
            except RejectedMessage as exc:
                result.refused = str(exc)
            except OSError as exc:
                result.refused = f"cannot read: {exc.strerror or type(exc).__name__}"
            else:
                reason = unreadable(data)
                if reason is not None:
                    result.refused = reason
                else:
                    result.inbound_id, result.created = store(inbound_from_eml(data))
            result.refused = one_line(result.refused) if result.refused else None
            done.append(result)
            bar.update(1)
        # Draft whatever waits, these files first among them (oldest first), one at a time.
        while drafting.process_once():
            pass
        bar.update(len(files))
    finally:
        bar.close()
    return [_line(result, unit_of_work) for result in done]


def _line(result: Ingested, unit_of_work: UnitOfWorkFactory) -> str:
    """``<state>\t<file>\t<detail>``: the outcome of one file, tab-separated."""
    if result.inbound_id is None:
        return f"refused\t{result.path}\t{result.refused}"
    with unit_of_work() as uow:
        record = uow.inbound.get(result.inbound_id)
        state = str(record.state) if record is not None else "unknown"
        error = record.error if record is not None else None
    stored = "stored" if result.created else "already stored"
    detail = f"inbound {result.inbound_id}, {state}"
    if error:
        detail += f": {error}"
    return f"{stored}\t{result.path}\t{detail}"
