"""The drop folder: ``.eml`` files put in a directory become stored inbound messages.

The email intake of a machine with no IMAP configured. Each file is stored first (raw bytes,
SHA-256, a few header-derived keys) and only then moved to ``processed/``: a crash in between
leaves the file where it was, and storing it again is harmless (the external id is the SHA-256
of the bytes, so the same file is the same message). A file that cannot be stored stays in the
folder and is tried again on the next scan.

The folder does not know where messages are kept: it is handed a :data:`StoreInbound` callable
(``app`` wires one over the storage unit of work), so it stays a channel and nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path

from trigger.inbound import InboundChannel, InboundMessage, sha256_hex

log = logging.getLogger(__name__)

PROCESSED = "processed"

# Stores one message and returns (its inbound id, whether it was new); raises if it could not.
StoreInbound = Callable[[InboundMessage], tuple[int, bool]]
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class StoredFile:
    """What happened to one file: the inbound message id and whether it was new."""

    inbound_id: int
    created: bool
    moved_to: Path


def inbound_from_eml(data: bytes) -> InboundMessage:
    """An email inbound message from raw ``.eml`` bytes (only headers are read here).

    The external id is ``sha256:<hex>`` of the bytes; the thread keys are the thread's root
    Message-ID (first of References, else In-Reply-To, else its own) followed by the others.
    """
    sender: str | None = None
    ids: list[str] = []
    try:
        headers = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
            data, headersonly=True
        )
        sender = parseaddr(str(headers.get("From", "")))[1] or None
        own = _MESSAGE_ID.findall(str(headers.get("Message-ID", "")))
        references = _MESSAGE_ID.findall(str(headers.get("References", "")))
        reply_to = _MESSAGE_ID.findall(str(headers.get("In-Reply-To", "")))
        for key in [*references[:1], *reply_to, *own, *references[1:]]:
            if key not in ids:
                ids.append(key)
    except (ValueError, TypeError, LookupError):  # odd headers never stop a file being kept
        log.debug("drop folder: unreadable headers", exc_info=True)
    return InboundMessage(
        channel=InboundChannel.EMAIL,
        external_id=f"sha256:{sha256_hex(data)}",
        received_at=datetime.now(UTC),
        raw=data,
        sender=sender,
        thread_keys=tuple(ids),
    )


class DropFolder:
    """Watches one directory for ``.eml`` files and stores them as inbound messages."""

    def __init__(self, folder: Path, store: StoreInbound, *, settle_seconds: float = 0.5) -> None:
        self.folder = folder
        self.processed = folder / PROCESSED
        self.store_inbound = store
        # A file modified this recently may still be being written: wait for the next scan.
        self.settle_seconds = settle_seconds

    def pending(self) -> list[Path]:
        """The ``.eml`` files waiting, oldest first (hidden and still-changing files skipped)."""
        if not self.folder.is_dir():
            return []
        cutoff = time.time() - self.settle_seconds
        found: list[tuple[float, str, Path]] = []
        for path in self.folder.iterdir():
            if path.name.startswith(".") or path.suffix.lower() != ".eml":
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # taken by another process in the meantime
                continue
            if path.is_file() and stat.st_mtime <= cutoff:
                found.append((stat.st_mtime, path.name, path))
        return [path for _, _, path in sorted(found)]

    def store(self, path: Path) -> StoredFile:
        """Store one file, then move it to ``processed/``. Raises if it could not be stored."""
        data = path.read_bytes()
        inbound_id, created = self.store_inbound(inbound_from_eml(data))
        # Stored and committed: only now may the file leave the inbox.
        self.processed.mkdir(parents=True, exist_ok=True)
        target = self._free_name(path.name)
        path.rename(target)
        return StoredFile(inbound_id=inbound_id, created=created, moved_to=target)

    def scan_once(self) -> list[StoredFile]:
        """Store every pending file; a file that fails stays for the next scan."""
        stored: list[StoredFile] = []
        for path in self.pending():
            try:
                result = self.store(path)
            except FileNotFoundError:
                continue  # another watcher took it
            except Exception as exc:  # the store is down, the disk is full: the file waits
                log.warning(
                    "drop folder: could not store a file, will retry: %s", type(exc).__name__
                )
                log.debug("drop folder: failure detail", exc_info=True)
                continue
            log.info(
                "drop folder: %s inbound message %d",
                "stored" if result.created else "already had",
                result.inbound_id,
            )
            stored.append(result)
        return stored

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Scan every ``interval`` seconds until ``stop`` is set."""
        self.folder.mkdir(parents=True, exist_ok=True)
        while not stop.is_set():
            await asyncio.to_thread(self.scan_once)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)

    def _free_name(self, name: str) -> Path:
        """``processed/<name>``, or ``<stem>.<n><suffix>`` when that name is taken."""
        target = self.processed / name
        counter = 1
        while target.exists():
            stem, suffix = Path(name).stem, Path(name).suffix
            target = self.processed / f"{stem}.{counter}{suffix}"
            counter += 1
        return target
