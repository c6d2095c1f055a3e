"""The drop folder: ``.eml`` files put in a directory become stored inbound messages.

The email intake of a machine with no IMAP configured. Each file is stored first (raw bytes,
SHA-256, a few header-derived keys) and only then moved to ``processed/``: a crash in between
leaves the file where it was, and storing it again is harmless (the external id is the SHA-256
of the bytes, so the same file is the same message). A file that cannot be stored stays in the
folder and is tried again on the next scan.

Only files it can trust are read (issue 6, "a drop folder that only takes regular files"):

- a symbolic link, FIFO, device or socket named ``*.eml`` is never opened: it is moved to
  ``rejected/`` with a log line naming it (a link to ``/proc/self/environ`` would otherwise store
  the server's own secrets as a message);
- a file over ``max_bytes`` is refused before it is read, and moved to ``rejected/``;
- a file counts as complete only when it is closed: writers that drop ``name.eml.tmp`` and
  rename are never seen half-written (only ``.eml`` is read); any other file must have been left
  unchanged for ``settle_seconds``, and on Linux a read lease proves that no process still has
  it open for writing (a writer that pauses mid-file is waited for, however long the pause).

The folder does not know where messages are kept: it is handed a :data:`StoreInbound` callable
(``app`` wires one over the storage unit of work), so it stays a channel and nothing else.
When the store fails with a transient database error (``store_unavailable``, by default
:func:`storage.transient.is_transient`: locked, connection lost) the scan stops, every file
waits in the inbox, and scans back off (1 s doubling to 30 s) until the store answers again;
the outage is logged once, naming the file that met it, and its end once.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import errno
import logging
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path

from intake.headers import one_line
from intake.limits import MAX_MESSAGE_BYTES
from intake.mime import unreadable
from storage.transient import Backoff, is_transient
from trigger.inbound import InboundChannel, InboundMessage, sha256_hex

log = logging.getLogger(__name__)

PROCESSED = "processed"
REJECTED = "rejected"
QUARANTINE = "quarantine"
REASON_SUFFIX = ".reason"
# How long a file must stay unchanged (size and modification time) before it is read.
DEFAULT_SETTLE_SECONDS = 5.0
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)

# Stores one message and returns (its inbound id, whether it was new); raises if it could not.
StoreInbound = Callable[[InboundMessage], tuple[int, bool]]


@dataclass(frozen=True)
class StoredFile:
    """What happened to one file: the inbound message id and whether it was new."""

    inbound_id: int
    created: bool
    moved_to: Path


@dataclass
class _StoreOutage:
    """The store's current outage, if any: when it began and how long to wait before trying."""

    backoff: Backoff = field(default_factory=Backoff)
    since: float | None = None
    wait: float = 0.0


class _NotReady(Exception):
    """The file changed or is still open for writing: look again on the next scan."""


class _Untrusted(Exception):
    """The file is not one the folder may read (its reason is the message)."""


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

    def __init__(
        self,
        folder: Path,
        store: StoreInbound,
        *,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
        max_bytes: int = MAX_MESSAGE_BYTES,
        store_unavailable: Callable[[Exception], bool] = is_transient,
    ) -> None:
        self.folder = folder
        self.processed = folder / PROCESSED
        self.rejected = folder / REJECTED
        self.quarantine = folder / QUARANTINE
        self.store_inbound = store
        self.settle_seconds = settle_seconds
        self.max_bytes = max_bytes
        self.store_unavailable = store_unavailable
        self._outage = _StoreOutage()
        # Files stored but not movable out of the inbox (a read-only processed/): said once,
        # not stored again until they change.
        self._stuck: set[tuple[str, int, int]] = set()
        # Files that could not be rejected either: said once.
        self._refused: set[tuple[str, int, int]] = set()

    def pending(self) -> list[Path]:
        """The ``.eml`` files ready to read, oldest first.

        Hidden files, other suffixes and files changed within ``settle_seconds`` are left for a
        later scan; links, FIFOs, devices and oversized files are moved to ``rejected/``.
        """
        if not self.folder.is_dir():
            return []
        cutoff = time.time() - self.settle_seconds
        found: list[tuple[float, str, Path]] = []
        for path in self.folder.iterdir():
            if path.name.startswith(".") or path.suffix.lower() != ".eml":
                continue
            try:
                info = path.lstat()
            except FileNotFoundError:  # taken by another process in the meantime
                continue
            key = (path.name, info.st_size, info.st_mtime_ns)
            if key in self._stuck or key in self._refused:
                continue
            if stat.S_ISDIR(info.st_mode):
                continue
            reason = self._distrust(info)
            if reason is not None:
                self._reject(path, key, reason)
                continue
            if info.st_mtime <= cutoff:
                found.append((info.st_mtime, path.name, path))
        return [path for _, _, path in sorted(found)]

    def store(self, path: Path) -> StoredFile:
        """Store one file, then move it to ``processed/``. Raises if it could not be stored."""
        data = self._read(path)
        inbound_id, created = self.store_inbound(inbound_from_eml(data))
        # Stored and committed: only now may the file leave the inbox.
        self.processed.mkdir(parents=True, exist_ok=True)
        target = _free_name(self.processed, path.name)
        path.rename(target)
        return StoredFile(inbound_id=inbound_id, created=created, moved_to=target)

    def scan_once(self) -> list[StoredFile]:
        """Store every pending file; a file that fails stays for the next scan."""
        stored: list[StoredFile] = []
        for path in self.pending():
            try:
                data = self._read(path)
            except FileNotFoundError:
                continue  # another watcher took it
            except _NotReady:
                log.debug("drop folder: %s is still being written", _shown(path))
                continue
            except _Untrusted as exc:
                info = _lstat(path)
                if info is not None:
                    self._reject(path, (path.name, info.st_size, info.st_mtime_ns), str(exc))
                continue
            except OSError as exc:
                log.warning("drop folder: cannot read %s, will retry: %s", _shown(path), _why(exc))
                continue
            reason = unreadable(data)
            if reason is not None:
                self._quarantine(path, reason)
                continue
            try:
                inbound_id, created = self.store_inbound(inbound_from_eml(data))
            except Exception as exc:  # the store is down, the disk is full: the file waits
                if self.store_unavailable(exc):
                    self._store_failed(path, exc)
                    break  # every other file waits for the store too
                log.warning(
                    "drop folder: could not store %s, will retry: %s",
                    _shown(path),
                    type(exc).__name__,
                )
                log.debug("drop folder: failure detail", exc_info=True)
                continue
            self._store_recovered()
            moved = self._move(path, inbound_id)
            if moved is None:
                continue
            log.info(
                "drop folder: %s %s as inbound message %d",
                "stored" if created else "already had",
                _shown(path),
                inbound_id,
            )
            stored.append(StoredFile(inbound_id=inbound_id, created=created, moved_to=moved))
        return stored

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Scan every ``interval`` seconds until ``stop`` is set."""
        self.folder.mkdir(parents=True, exist_ok=True)
        while not stop.is_set():
            await asyncio.to_thread(self.scan_once)
            wait = self._outage.wait if self._outage.since is not None else interval
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)

    # --- the store's outages ------------------------------------------------------------------

    def _store_failed(self, path: Path, exc: Exception) -> None:
        """A transient store error: say so once per outage, and back off."""
        outage = self._outage
        outage.wait = outage.backoff.next_delay()
        if outage.since is None:
            outage.since = time.monotonic()
            log.warning(
                "drop folder: could not store %s, will retry: %s (the store is unavailable; "
                "files wait in the inbox, retried with backoff up to %.0f s; logged again when "
                "it recovers)",
                _shown(path),
                type(exc).__name__,
                outage.backoff.cap,
            )
        else:
            log.debug("drop folder: store still unavailable (%s)", type(exc).__name__)
        log.debug("drop folder: failure detail", exc_info=True)

    def _store_recovered(self) -> None:
        outage = self._outage
        if outage.since is not None:
            log.info(
                "drop folder: the store is available again after %.0f s",
                time.monotonic() - outage.since,
            )
        outage.since = None
        outage.backoff.reset()

    # --- what may be read ---------------------------------------------------------------------

    def _distrust(self, info: os.stat_result) -> str | None:
        """Why a file with this ``lstat`` must not be read, or None when it may be."""
        if stat.S_ISLNK(info.st_mode):
            return "a symbolic link, not a file"
        if not stat.S_ISREG(info.st_mode):
            return "not a regular file (a FIFO, device or socket)"
        if info.st_size > self.max_bytes:
            return f"{info.st_size} bytes, over the limit of {self.max_bytes}"
        return None

    def _read(self, path: Path) -> bytes:
        """The file's bytes, read only if it is a closed regular file within the size limit.

        Opened without following links and without blocking (a FIFO swapped in after the scan
        cannot hang the reader); checked again on the open file; on Linux a read lease fails
        while any process has the file open for writing, so a paused writer is waited for.
        """
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _Untrusted("a symbolic link, not a file") from exc
            raise
        try:
            info = os.fstat(fd)
            reason = self._distrust(info)
            if reason is not None:
                raise _Untrusted(reason)
            if time.time() - info.st_mtime < self.settle_seconds:
                raise _NotReady
            leased = _take_read_lease(fd)
            try:
                chunks: list[bytes] = []
                remaining = self.max_bytes + 1
                while remaining > 0:
                    chunk = os.read(fd, min(remaining, 1 << 20))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    remaining -= len(chunk)
            finally:
                if leased:
                    _release_lease(fd)
            data = b"".join(chunks)
            if len(data) > self.max_bytes:
                raise _Untrusted(f"over the limit of {self.max_bytes} bytes")
            after = os.fstat(fd)
            if (after.st_size, after.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
                raise _NotReady
            return data
        finally:
            os.close(fd)

    # --- moving files out of the inbox ----------------------------------------------------------

    def _move(self, path: Path, inbound_id: int) -> Path | None:
        """Move a stored file to ``processed/``; say once when it cannot be moved."""
        try:
            self.processed.mkdir(parents=True, exist_ok=True)
            target = _free_name(self.processed, path.name)
            path.rename(target)
            return target
        except FileNotFoundError:
            return None  # another watcher moved it
        except OSError as exc:
            info = _lstat(path)
            if info is not None:
                self._stuck.add((path.name, info.st_size, info.st_mtime_ns))
            log.error(
                "drop folder: stored %s as inbound message %d but cannot move it to %s/: %s "
                "(it stays in the inbox and is not stored again)",
                _shown(path),
                inbound_id,
                PROCESSED,
                _why(exc),
            )
            return None

    def _quarantine(self, path: Path, reason: str) -> Path | None:
        """Move a file that is not an email we can read to ``quarantine/``, with its reason
        beside it in ``<name>.reason`` (written first: a crash leaves at worst a reason
        without its file, never a file without its reason). Nothing is stored or deleted."""
        reason = one_line(reason)
        try:
            self.quarantine.mkdir(parents=True, exist_ok=True)
            target = _free_name(self.quarantine, path.name)
            target.with_name(target.name + REASON_SUFFIX).write_text(reason + "\n")
            path.rename(target)
        except FileNotFoundError:
            return None
        except OSError as exc:
            info = _lstat(path)
            if info is not None:
                self._refused.add((path.name, info.st_size, info.st_mtime_ns))
            log.error(
                "drop folder: %s cannot be read (%s) nor moved to %s/ (%s); it is left alone",
                _shown(path),
                reason,
                QUARANTINE,
                _why(exc),
            )
            return None
        log.warning(
            "drop folder: %s is not an email we can read (%s); moved to %s/",
            _shown(path),
            reason,
            QUARANTINE,
        )
        return target

    def _reject(self, path: Path, key: tuple[str, int, int], reason: str) -> None:
        """Move an untrusted file (never opened) to ``rejected/``, saying why."""
        try:
            self.rejected.mkdir(parents=True, exist_ok=True)
            path.rename(_free_name(self.rejected, path.name))
        except FileNotFoundError:
            return
        except OSError as exc:
            self._refused.add(key)
            log.warning(
                "drop folder: refused %s (%s); it cannot be moved to %s/ (%s) and is left alone",
                _shown(path),
                reason,
                REJECTED,
                _why(exc),
            )
            return
        log.warning("drop folder: refused %s (%s); moved to %s/", _shown(path), reason, REJECTED)


def _free_name(folder: Path, name: str) -> Path:
    """``folder/<name>``, or ``<stem>.<n><suffix>`` when that name is taken."""
    target = folder / name
    counter = 1
    while os.path.lexists(target):
        stem, suffix = Path(name).stem, Path(name).suffix
        target = folder / f"{stem}.{counter}{suffix}"
        counter += 1
    return target


def _shown(path: Path) -> str:
    """A file's name fit for a log line: a name may hold line breaks (``a\nFAKE LOG LINE``)."""
    return one_line(path.name, 200)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except OSError:
        return None


def _take_read_lease(fd: int) -> bool:
    """Take a read lease on ``fd``: True when taken; raises :class:`_NotReady` when a process
    has the file open for writing. Where leases are not available (another OS, a file system
    without them, a file owned by another user without CAP_LEASE) the settle time alone rules.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not Linux
        return False
    set_lease = getattr(fcntl, "F_SETLEASE", None)
    if set_lease is None:  # pragma: no cover - not Linux
        return False
    try:
        fcntl.fcntl(fd, set_lease, fcntl.F_RDLCK)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EBUSY):
            raise _NotReady from exc
        return False
    return True


def _release_lease(fd: int) -> None:
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
