"""The IMAP intake: the partnership's mailbox read over IMAP, each message stored exactly once.

The only IMAP code of the system (imapclient). One worker reads one folder:

1. it connects (implicit TLS when ``ssl``, else plain: a loopback test server), logs in and
   selects the folder, creating the processed and quarantine folders when they are missing;
2. every message in the folder is new (stored mail leaves it): its ``RFC822.SIZE`` is read
   first, and one over ``max_bytes`` goes to the quarantine folder unread;
3. the others are fetched one at a time by UID with ``BODY.PEEK[]`` (flags left alone), and
   the raw bytes are stored through the :data:`StoreInbound` callable FIRST;
4. only once the store has committed is the message moved to the processed folder (``MOVE``
   where the server has it, else ``COPY``, ``\\Deleted`` and ``UID EXPUNGE`` of that UID only).

Exactly once: the external id is ``sha256:<hex>`` of the raw bytes, the key the drop folder
uses, so a crash between the store and the move (or mid-move) ends, after a restart, with the
message found stored already and moved; the same bytes appended twice, or delivered once by
IMAP and once by the drop folder, are one stored message. The (UIDVALIDITY, UID) a message had
is logged with its inbound id.

With a :class:`FolderLedger` (``trigger serve`` always has one, in the database) the worker
remembers each folder's UIDVALIDITY and the highest UID it stored. A changed UIDVALIDITY then
PAUSES the folder (an ERROR line and an audit entry; nothing read again, nothing skipped) until
a person resumes it (``trigger mailbox resume``). Without one, a change is logged as a WARNING
and the folder read as usual, safe because stored messages are found by hash. Stored mail is
moved to the processed folder, or (``processed_action="flag"``) left in place and flagged
``$TriggerStored``; then only UIDs above the last one stored and not flagged are read.

Mail is never deleted: a message leaves the folder only by a move into the processed folder
(after it was stored) or the quarantine folder (too large, not an email at all
(:func:`intake.mime.unreadable`), or refused by the store for a reason waiting cannot cure,
logged with the reason). A transient store error (the database is locked
or down) leaves every message in the folder and is retried with backoff, like a network error.

Waiting: with IDLE where the server offers it (re-issued every ``idle_seconds``), else a poll
every ``poll_seconds``; either returns within about a second of ``stop``. Network errors and
server restarts are retried with exponential backoff (1 s doubling to 60 s), logged once per
outage and once when it ends. No subject, address or body is logged above DEBUG.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import socket
import ssl as ssl_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from intake.drop_folder import StoreInbound, inbound_from_eml
from intake.errors import MailboxUnavailable
from intake.limits import MAX_MESSAGE_BYTES
from intake.mime import header_block, largest_attachment, unreadable
from intake.replies import RefusalKind, refusal_error
from storage.repositories.mail_folders import MailFolder
from storage.transient import Backoff, is_transient

log = logging.getLogger(__name__)

DEFAULT_IDLE_SECONDS = 60.0  # RFC 2177 asks for a re-issue within 29 minutes; we re-check often
DEFAULT_POLL_SECONDS = 30.0
DEFAULT_TIMEOUT_SECONDS = 30.0
_STOP_CHECK_SECONDS = 1.0  # how often a wait looks at ``stop``
_DELETED = b"\\Deleted"
# The keyword a stored message is flagged with when stored mail stays in the folder.
STORED_KEYWORD = "$TriggerStored"
ProcessedAction = Literal["move", "flag"]
T = TypeVar("T")

# What a broken connection or a server going away raises (imaplib.abort is an IMAP4.error).
_NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    socket.timeout,
    ssl_module.SSLError,
    imaplib.IMAP4.abort,
    EOFError,
)


class _StoreUnavailable(Exception):
    """The store failed for a reason waiting may cure: every message waits in the folder."""


# Keeps the headers of a message refused unread (too large, an attachment too large) with the
# refusal as its error, so that the acknowledgement worker answers it: (headers, error).
RefuseInbound = Callable[[bytes, str], None]


class FolderLedger(Protocol):
    """Where the worker keeps what it knows of each folder across restarts (app wires the
    database's :class:`storage.repositories.mail_folders.MailFolderRepository`)."""

    def known(self, folder: str) -> MailFolder | None:
        """The folder as remembered, or None the first time."""
        ...

    def remember(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        """The folder at ``uidvalidity`` has had ``last_uid`` stored (never lowered)."""
        ...

    def pause(self, folder: str, found: int) -> bool:
        """Pause the folder, whose UIDVALIDITY is now ``found``, with an audit entry; False
        when it was paused already."""
        ...


@dataclass(frozen=True)
class ImapAccount:
    """Where the mailbox is and how to log in (the password is only read to log in)."""

    host: str
    user: str
    password: str = field(repr=False)
    port: int = 993
    ssl: bool = True
    starttls: bool = False  # without ssl: upgrade the plain connection (RFC 2595) before login
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"


@dataclass(frozen=True)
class Handled:
    """What became of one message: stored (``inbound_id``) or quarantined (``reason``)."""

    uid: int
    uidvalidity: int
    inbound_id: int | None = None
    created: bool = False
    reason: str | None = None


class ImapWorker:
    """Reads one IMAP folder and stores each message in it once; see the module text."""

    def __init__(
        self,
        account: ImapAccount,
        store: StoreInbound,
        *,
        max_bytes: int = MAX_MESSAGE_BYTES,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        backoff: Backoff | None = None,
        store_unavailable: Callable[[Exception], bool] = is_transient,
        use_idle: bool = True,
        ledger: FolderLedger | None = None,
        processed_action: ProcessedAction = "move",
        refuse: RefuseInbound | None = None,
        max_attachment_bytes: int | None = None,
    ) -> None:
        self.account = account
        self.store_inbound = store
        self.max_bytes = max_bytes
        self.idle_seconds = idle_seconds
        self.poll_seconds = poll_seconds
        self.timeout = timeout
        self.backoff = backoff or Backoff(initial=1.0, cap=60.0)
        self.store_unavailable = store_unavailable
        self.use_idle = use_idle
        self.ledger = ledger
        self.processed_action = processed_action
        self.refuse = refuse
        self.max_attachment_bytes = max_attachment_bytes
        self._said_paused: set[str] = set()
        self.uidvalidity: dict[str, int] = {}  # per folder, as last selected
        self._outage_since: float | None = None

    # --- running ------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Read the folder until ``stop`` is set (the blocking IMAP work runs in a thread)."""
        stopping = threading.Event()

        async def relay() -> None:
            await stop.wait()
            stopping.set()

        relay_task = asyncio.create_task(relay())
        try:
            await asyncio.to_thread(self.serve, stopping)
        finally:
            stopping.set()
            relay_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay_task

    def serve(self, stopping: threading.Event) -> None:
        """Connect, drain and wait, reconnecting with backoff, until ``stopping`` is set."""
        while not stopping.is_set():
            try:
                client = self.connect()
            except MailboxUnavailable as exc:
                self._wait_out(exc, stopping)
                continue
            try:
                self._session(client, stopping)
            except (MailboxUnavailable, _StoreUnavailable) as exc:
                self._wait_out(exc, stopping)
            finally:
                _close(client)

    def connect(self) -> IMAPClient:
        """A logged-in client; raises :class:`MailboxUnavailable` when that cannot be had."""
        account = self.account
        try:
            client = IMAPClient(
                account.host, port=account.port, ssl=account.ssl, timeout=self.timeout
            )
        except (*_NETWORK_ERRORS, IMAPClientError) as exc:
            raise MailboxUnavailable(f"cannot connect: {type(exc).__name__}") from exc
        if account.starttls and not account.ssl:
            try:
                client.starttls(ssl_module.create_default_context())
            except (*_NETWORK_ERRORS, IMAPClientError) as exc:
                _close(client)
                raise MailboxUnavailable(f"cannot start TLS: {type(exc).__name__}") from exc
        try:
            client.login(account.user, account.password)
        except (*_NETWORK_ERRORS, IMAPClientError) as exc:
            _close(client)
            raise MailboxUnavailable(f"cannot log in: {type(exc).__name__}") from exc
        return client

    def drain(self, client: IMAPClient) -> list[Handled]:
        """Select the folder and store (then move) or quarantine every message in it."""
        try:
            return self._drain(client)
        except (*_NETWORK_ERRORS, IMAPClientError) as exc:
            raise MailboxUnavailable(f"mailbox lost: {type(exc).__name__}") from exc

    # --- one connection -------------------------------------------------------------------------

    def _session(self, client: IMAPClient, stopping: threading.Event) -> None:
        try:
            self._prepare(client)
            idle = self.use_idle and client.has_capability("IDLE")
            log.debug("imap: %s waits with %s", self.account.folder, "IDLE" if idle else "polls")
            while not stopping.is_set():
                self._drain(client)
                self._recovered()
                if stopping.is_set():
                    return
                if idle:
                    self._idle(client, stopping)
                else:
                    stopping.wait(self.poll_seconds)
                    client.noop()
        except (*_NETWORK_ERRORS, IMAPClientError) as exc:
            raise MailboxUnavailable(f"mailbox lost: {type(exc).__name__}") from exc

    def _prepare(self, client: IMAPClient) -> None:
        """Create the processed and quarantine folders when they are missing."""
        for folder in (self.account.processed_folder, self.account.quarantine_folder):
            if not client.folder_exists(folder):
                try:
                    client.create_folder(folder)
                    log.info("imap: created folder %s", folder)
                except IMAPClientError:  # created by another worker in the meantime
                    if not client.folder_exists(folder):
                        raise

    def _select(self, client: IMAPClient) -> int:
        """Select the folder; return its UIDVALIDITY, warning when it changed."""
        folder = self.account.folder
        status = client.select_folder(folder)
        uidvalidity = int(status[b"UIDVALIDITY"])
        known = self.uidvalidity.get(folder)
        if self.ledger is None and known is not None and known != uidvalidity:
            log.warning(
                "imap: UIDVALIDITY of folder %s changed from %d to %d; its messages are read "
                "again and the ones already stored are recognised by their content hash",
                folder,
                known,
                uidvalidity,
            )
        self.uidvalidity[folder] = uidvalidity
        return uidvalidity

    def _drain(self, client: IMAPClient) -> list[Handled]:
        uidvalidity = self._select(client)
        handled: list[Handled] = []
        last_uid = self._last_uid(uidvalidity)
        if last_uid is None:  # paused
            return handled
        criteria: list[str] = ["NOT", "DELETED"]
        if self.processed_action == "flag":
            criteria += ["NOT", "KEYWORD", STORED_KEYWORD]
        uids = sorted(int(uid) for uid in client.search(criteria))
        if self.processed_action == "flag":  # stored mail stays: only what came after it
            uids = [uid for uid in uids if uid > last_uid]
        if not uids:
            return handled
        sizes = client.fetch(uids, ["RFC822.SIZE"])
        for uid in uids:
            info = sizes.get(uid)
            if info is None:  # gone since the search (another client moved it)
                continue
            size = int(info[b"RFC822.SIZE"])
            if size > self.max_bytes:
                reason = f"{size} bytes, over the limit of {self.max_bytes}"
                self._refuse_unread(client, uid, RefusalKind.TOO_LARGE, self.max_bytes, size)
                self._quarantine(client, uid, uidvalidity, reason)
                handled.append(Handled(uid, uidvalidity, reason=reason))
                self._remember(uidvalidity, uid)
                continue
            result = self._take(client, uid, uidvalidity)
            if result is not None:
                handled.append(result)
                self._remember(uidvalidity, uid)
        return handled

    # --- what the ledger remembers --------------------------------------------------------------

    def _ledger(self, call: Callable[[], T]) -> T:
        """Run a ledger call; a transient database error makes the mail wait, like the store's."""
        try:
            return call()
        except Exception as exc:
            if self.store_unavailable(exc):
                log.debug("imap: ledger failure detail", exc_info=True)
                raise _StoreUnavailable(type(exc).__name__) from exc
            raise

    def _last_uid(self, uidvalidity: int) -> int | None:
        """The highest UID stored at this UIDVALIDITY (0 without a ledger or the first time),
        or None when the folder is paused: its UIDVALIDITY is not the one remembered."""
        if self.ledger is None:
            return 0
        ledger, folder = self.ledger, self.account.folder
        known = self._ledger(lambda: ledger.known(folder))
        if known is None:
            self._ledger(lambda: ledger.remember(folder, uidvalidity, 0))
            return 0
        if not known.paused and known.uidvalidity == uidvalidity:
            self._said_paused.discard(folder)
            return known.last_uid
        if not known.paused:
            if self._ledger(lambda: ledger.pause(folder, uidvalidity)):
                log.error(
                    "imap: UIDVALIDITY of folder %s changed from %d to %d: the folder is PAUSED "
                    "(its UIDs may now name other messages; nothing is read again or skipped). "
                    "Check the mailbox, then run `trigger mailbox resume %s`",
                    folder,
                    known.uidvalidity,
                    uidvalidity,
                    folder,
                )
                self._said_paused.add(folder)
        if folder not in self._said_paused:
            log.error(
                "imap: folder %s is paused since its UIDVALIDITY changed; mail waits in it "
                "until `trigger mailbox resume %s`",
                folder,
                folder,
            )
            self._said_paused.add(folder)
        return None

    def _remember(self, uidvalidity: int, uid: int) -> None:
        if self.ledger is not None:
            ledger, folder = self.ledger, self.account.folder
            self._ledger(lambda: ledger.remember(folder, uidvalidity, uid))

    def _take(self, client: IMAPClient, uid: int, uidvalidity: int) -> Handled | None:
        """Fetch, store, then move one message; None when it vanished before it was fetched."""
        fetched = client.fetch([uid], ["BODY.PEEK[]"]).get(uid)
        if fetched is None:
            return None
        data = fetched.get(b"BODY[]")
        if not isinstance(data, bytes):
            reason = "the server sent no message body"
            self._quarantine(client, uid, uidvalidity, reason)
            return Handled(uid, uidvalidity, reason=reason)
        if len(data) > self.max_bytes:
            reason = f"{len(data)} bytes, over the limit of {self.max_bytes}"
            self._quarantine(client, uid, uidvalidity, reason)
            return Handled(uid, uidvalidity, reason=reason)
        unread = unreadable(data)
        if unread is not None:
            self._quarantine(client, uid, uidvalidity, unread)
            return Handled(uid, uidvalidity, reason=unread)
        limit = self.max_attachment_bytes
        attachment = largest_attachment(data) if limit is not None else 0
        if limit is not None and attachment > limit:
            reason = f"an attachment of about {attachment} bytes, over the limit of {limit}"
            self._refuse(header_block(data), RefusalKind.ATTACHMENT_TOO_LARGE, limit, attachment)
            self._quarantine(client, uid, uidvalidity, reason)
            return Handled(uid, uidvalidity, reason=reason)
        try:
            inbound_id, created = self.store_inbound(inbound_from_eml(data))
        except Exception as exc:
            if self.store_unavailable(exc):
                log.debug("imap: store failure detail", exc_info=True)
                raise _StoreUnavailable(type(exc).__name__) from exc
            reason = f"could not be stored: {type(exc).__name__}"
            log.debug("imap: store failure detail", exc_info=True)
            self._quarantine(client, uid, uidvalidity, reason)
            return Handled(uid, uidvalidity, reason=reason)
        # Stored and committed: only now may the message leave the folder (or be flagged).
        if self.processed_action == "flag":
            client.add_flags([uid], [STORED_KEYWORD])
            where = f"flagged {STORED_KEYWORD}"
        else:
            self._move(client, uid, self.account.processed_folder)
            where = f"moved to {self.account.processed_folder}"
        log.info(
            "imap: %s %s uid %d (uidvalidity %d) as inbound message %d; %s",
            "stored" if created else "already had",
            self.account.folder,
            uid,
            uidvalidity,
            inbound_id,
            where,
        )
        return Handled(uid, uidvalidity, inbound_id=inbound_id, created=created)

    def _refuse_unread(
        self, client: IMAPClient, uid: int, kind: RefusalKind, limit: int, size: int
    ) -> None:
        """Keep the headers (only) of a message too large to read, for its refusal reply."""
        if self.refuse is None:
            return
        fetched = client.fetch([uid], ["BODY.PEEK[HEADER]"]).get(uid) or {}
        headers = fetched.get(b"BODY[HEADER]")
        if isinstance(headers, bytes):
            self._refuse(header_block(headers), kind, limit, size)

    def _refuse(self, headers: bytes, kind: RefusalKind, limit: int, size: int) -> None:
        """Hand a refused message's headers over (stored once, answered once); a transient
        store error makes it wait like any message."""
        if self.refuse is None:
            return
        try:
            self.refuse(headers, refusal_error(kind, limit, f"{size} bytes"))
        except Exception as exc:
            if self.store_unavailable(exc):
                log.debug("imap: store failure detail", exc_info=True)
                raise _StoreUnavailable(type(exc).__name__) from exc
            log.warning("imap: the refusal could not be kept (%s)", type(exc).__name__)
            log.debug("imap: refusal failure detail", exc_info=True)

    def _quarantine(self, client: IMAPClient, uid: int, uidvalidity: int, reason: str) -> None:
        self._move(client, uid, self.account.quarantine_folder)
        log.warning(
            "imap: %s uid %d (uidvalidity %d) moved to %s: %s",
            self.account.folder,
            uid,
            uidvalidity,
            self.account.quarantine_folder,
            reason,
        )

    def _move(self, client: IMAPClient, uid: int, folder: str) -> None:
        """Move one message: MOVE (RFC 6851), else COPY, \\Deleted and UID EXPUNGE of it only.

        Without UIDPLUS (RFC 4315) there is no expunge of one message: it stays flagged
        \\Deleted (searches skip it) rather than expunging what others flagged.
        """
        if client.has_capability("MOVE"):
            client.move([uid], folder)
            return
        client.copy([uid], folder)
        client.add_flags([uid], [_DELETED])
        if client.has_capability("UIDPLUS"):
            client.uid_expunge([uid])

    def _idle(self, client: IMAPClient, stopping: threading.Event) -> None:
        """Wait in IDLE until the folder changes, ``idle_seconds`` pass or ``stopping`` is set."""
        deadline = time.monotonic() + self.idle_seconds
        client.idle()
        quick_empties = 0
        try:
            while not stopping.is_set() and time.monotonic() < deadline:
                started = time.monotonic()
                responses = client.idle_check(timeout=_STOP_CHECK_SECONDS)
                if any(_is_news(response) for response in responses):
                    return
                # imapclient swallows an EOF in idle_check and returns nothing at once: a
                # connection the server closed reads as empty answers that do not wait.
                if responses or time.monotonic() - started >= _STOP_CHECK_SECONDS / 2:
                    quick_empties = 0
                else:
                    quick_empties += 1
                    if quick_empties >= 3:
                        raise MailboxUnavailable("connection closed by the server")
        finally:
            with contextlib.suppress(*_NETWORK_ERRORS, IMAPClientError):
                client.idle_done()

    # --- outages ------------------------------------------------------------------------------

    def _wait_out(self, exc: Exception, stopping: threading.Event) -> None:
        """Log the first failure of an outage (its kind only), then wait the next backoff."""
        delay = self.backoff.next_delay()
        if self._outage_since is None:
            self._outage_since = time.monotonic()
            what = (
                "the store is unavailable"
                if isinstance(exc, _StoreUnavailable)
                else "the mailbox is unavailable"
            )
            log.warning(
                "imap: %s (%s); mail waits in %s, retried with backoff up to %.0f s, "
                "logged again when it recovers",
                what,
                exc,
                self.account.folder,
                self.backoff.cap,
            )
        else:
            log.debug("imap: still unavailable (%s)", exc)
        stopping.wait(delay)

    def _recovered(self) -> None:
        if self._outage_since is not None:
            log.info(
                "imap: %s readable again after %.0f s",
                self.account.folder,
                time.monotonic() - self._outage_since,
            )
        self._outage_since = None
        self.backoff.reset()


def _is_news(response: tuple[object, ...]) -> bool:
    """True for an IDLE response that may mean new mail (EXISTS, RECENT) or a gone server."""
    return any(part in (b"EXISTS", b"RECENT", b"BYE") for part in response[:2])


def _close(client: IMAPClient) -> None:
    """Log out, or at least close the socket; a dead connection is no error here."""
    try:
        client.logout()
    except Exception:  # the connection may already be gone
        with contextlib.suppress(Exception):
            client.shutdown()
