"""Acknowledging email applications: once a message is drafted, its sender gets one reply.

The worker follows the audit log: every ``draft.created`` / ``draft.updated`` entry names the
messages a draft was made from. For each such message, once:

- a message no one should answer (an auto-reply, a bounce, a list, our own mail:
  :func:`intake.replies.should_acknowledge`) gets a ``reply.skipped`` entry with the reason code;
- any other gets its acknowledgement sent, a ``reply.sent`` entry and, about the application,
  an ``application.acknowledged`` entry (what its statutory clock reads: the acknowledge step
  is done the day the email went; a reply skipped, refused or never sent leaves it open).
  The entries are appended first, in the transaction that then sends the mail and commits only
  once the server has taken it: the audit append serialises workers (a lock on PostgreSQL, the
  write lock on SQLite), and a worker that finds another ``reply.*`` entry for the message backs
  out. So a message is sent at most once, unless the commit itself fails after the server took
  the mail (the one window SMTP leaves open);
- a message the mail server refuses for good (5xx) gets ``reply.refused`` with the code;
- a message whose promised day (the ``acknowledge`` timescale) has already passed gets
  ``reply.skipped`` (``deadline_passed``): turning SMTP on never mails a backlog of old drafts;
- a message ``ignored`` because it was refused unread (too large, an attachment too large:
  :func:`intake.replies.read_refusal` on its error) is answered with a refusal saying so and
  what the limit is, under the same rules; other ignored messages get nothing.

The audit log is the record: what was answered survives restarts, and a restart scans the log
again from the start, answering whatever was left. A mail server that is down or answers 4xx is
retried with a capped exponential backoff (logged once per outage): nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from app.serve import pause
from intake.replies import (
    HEAR_BY_STEP,
    ReplyDecision,
    acknowledgement,
    read_refusal,
    refusal,
    should_acknowledge,
)
from intake.smtp import MailRefused, MailUnavailable
from storage.repositories.audit import AuditAction
from storage.tables import InboundState, utc_now
from storage.transient import Backoff, Outage, is_transient
from storage.unit_of_work import UnitOfWork, UnitOfWorkFactory
from trigger.inbound import InboundChannel
from trigger.profiles import Profile, get_profile
from trigger.workdays import due_date

LONDON = ZoneInfo("Europe/London")

log = logging.getLogger(__name__)

# The audit entries that start drafting's news: their detail lists the messages drafted.
_DRAFTED = frozenset({AuditAction.DRAFT_CREATED.value, AuditAction.DRAFT_UPDATED.value})
# In :attr:`AcknowledgingWorker.pending`, in place of an application id: a message ignored,
# answered only if it was refused unread (too large).
_REFUSED = 0


class ReplyAction(StrEnum):
    """What the audit log records about a message's acknowledgement (subject: the message)."""

    SENT = "reply.sent"
    SKIPPED = "reply.skipped"
    REFUSED = "reply.refused"


_SETTLED = frozenset(action.value for action in ReplyAction)


class MailSender(Protocol):
    """Sends one message (:class:`intake.smtp.SmtpSender`, or a fake in tests)."""

    def send(self, message: EmailMessage) -> None:
        """Send it, or raise :class:`MailUnavailable` / :class:`MailRefused`."""


class _AlreadySettled(Exception):
    """Another worker recorded this message's reply first: back out, send nothing."""


def _settled(uow: UnitOfWork, inbound_id: int, *, besides: int | None = None) -> bool:
    """True when the message's reply is already recorded (by an entry other than ``besides``)."""
    return any(
        entry.action in _SETTLED and entry.id != besides
        for entry in uow.audit.trail(subject_type="inbound", subject_id=inbound_id)
    )


@dataclass
class AcknowledgingWorker:
    """Sends each drafted email's acknowledgement once; see the module's docstring."""

    unit_of_work: UnitOfWorkFactory
    profile: Profile
    sender: MailSender
    from_address: str
    our_addresses: Collection[str]
    clock: Callable[[], datetime] = utc_now
    backoff: Backoff = field(default_factory=lambda: Backoff(initial=1.0, cap=300.0))
    mail: Outage = field(init=False)
    batch: int = 500
    #: The last audit entry read; a new worker reads the whole log once.
    cursor: int = 0
    #: Messages drafted and not yet answered: inbound id -> application id, oldest first.
    pending: dict[int, int] = field(default_factory=dict)
    retry_at: float = 0.0

    def __post_init__(self) -> None:
        self.mail = Outage("email replies", log, self.backoff, resource="mail server")

    def discover(self) -> int:
        """Read the audit log past :attr:`cursor` for drafted messages; return how many were
        added to :attr:`pending`."""
        found = 0
        while True:
            with self.unit_of_work() as uow:
                entries = uow.audit.entries_after(self.cursor, self.batch)
            if not entries:
                return found
            for entry in entries:
                assert entry.id is not None
                self.cursor = entry.id
                if (
                    entry.action == AuditAction.INBOUND_STATE_CHANGED.value
                    and entry.detail.get("to") == InboundState.IGNORED.value
                    and entry.subject_id is not None
                    and entry.subject_id not in self.pending
                ):
                    self.pending[entry.subject_id] = _REFUSED
                    found += 1
                    continue
                if entry.action not in _DRAFTED or entry.subject_id is None:
                    continue
                for inbound_id in entry.detail.get("inbound_ids", []):
                    if int(inbound_id) not in self.pending:
                        self.pending[int(inbound_id)] = entry.subject_id
                        found += 1

    def _profile(self, policy: str) -> Profile:
        return self.profile if policy == self.profile.id else get_profile(policy)

    def _record(self, inbound_id: int, action: ReplyAction, detail: dict[str, object]) -> bool:
        """Append ``action`` unless the message's reply is already recorded; True if appended."""
        with self.unit_of_work() as uow:
            if _settled(uow, inbound_id):
                return False
            uow.audit.append(action, subject_type="inbound", subject_id=inbound_id, detail=detail)
            return True

    def acknowledge(self, inbound_id: int, application_id: int) -> ReplyAction | None:
        """Answer one drafted message, once; return what was recorded (None: nothing to do, it
        was answered before). Raises :class:`MailUnavailable` (retry later) and transient
        database errors, after which nothing is recorded."""
        if application_id == _REFUSED:
            return self.answer_refusal(inbound_id)
        with self.unit_of_work() as uow:
            if _settled(uow, inbound_id):
                return None
            record = uow.inbound.get(inbound_id)
            stored = uow.applications.get(application_id)
            raw = record.raw if record is not None else None
            is_email = record is not None and record.channel == InboundChannel.EMAIL
        detail: dict[str, object] = {"application_id": application_id}
        if raw is None or not is_email or stored is None:
            detail["reason"] = "not_an_email"
            return self._skip(inbound_id, detail)
        answer, reason = should_acknowledge(raw, self.our_addresses)
        if not answer:
            detail["reason"] = str(reason)
            return self._skip(inbound_id, detail)
        # A reply promising a day already past helps no one (mail drafted before SMTP was
        # configured, or a mail server down for days): an officer writes instead.
        today = self.clock().astimezone(LONDON).date()
        if due_date(HEAR_BY_STEP, stored.draft.application_date) < today:
            detail["reason"] = "deadline_passed"
            return self._skip(inbound_id, detail)
        try:
            profile = self._profile(stored.policy)
            message = acknowledgement(
                raw, stored.draft, profile, from_address=self.from_address, now=self.clock()
            )
        except Exception as exc:  # a message we cannot answer must not stop the others
            log.error("inbound %d: acknowledgement not built (%s)", inbound_id, type(exc).__name__)
            detail["reason"] = f"not_built:{type(exc).__name__}"
            return self._skip(inbound_id, detail)
        if not message["To"]:
            detail["reason"] = str(ReplyDecision.NULL_SENDER)
            return self._skip(inbound_id, detail)
        return self._send(inbound_id, message, detail)

    def answer_refusal(self, inbound_id: int) -> ReplyAction | None:
        """Answer a message refused unread (too large, an attachment too large: its error says
        so, :func:`intake.replies.read_refusal`), once; other ignored messages get nothing."""
        with self.unit_of_work() as uow:
            if _settled(uow, inbound_id):
                return None
            record = uow.inbound.get(inbound_id)
            if record is None or record.raw is None:
                return None
            refused = read_refusal(record.error)
            raw, received = record.raw, record.received_at
        if refused is None:
            return None
        kind, limit = refused
        detail: dict[str, object] = {"refusal": str(kind)}
        answer, reason = should_acknowledge(raw, self.our_addresses)
        if not answer:
            detail["reason"] = str(reason)
            return self._skip(inbound_id, detail)
        today = self.clock().astimezone(LONDON).date()
        if due_date(HEAR_BY_STEP, received.astimezone(LONDON).date()) < today:
            detail["reason"] = "deadline_passed"
            return self._skip(inbound_id, detail)
        message = refusal(
            raw, kind, limit, self.profile, from_address=self.from_address, now=self.clock()
        )
        if not message["To"]:
            detail["reason"] = str(ReplyDecision.NULL_SENDER)
            return self._skip(inbound_id, detail)
        return self._send(inbound_id, message, detail)

    def _send(
        self, inbound_id: int, message: EmailMessage, detail: dict[str, object]
    ) -> ReplyAction | None:
        """Record, then send, one reply; the record commits only once the server took it."""
        detail["message_id"] = str(message["Message-ID"])
        try:
            with self.unit_of_work() as uow:
                entry = uow.audit.append(
                    ReplyAction.SENT, subject_type="inbound", subject_id=inbound_id, detail=detail
                )
                if _settled(uow, inbound_id, besides=entry):
                    raise _AlreadySettled
                if "application_id" in detail:  # an acknowledgement, not a refusal
                    # The case's statutory clock counts its acknowledgement step done today.
                    uow.audit.append(
                        AuditAction.APPLICATION_ACKNOWLEDGED,
                        subject_type="application",
                        subject_id=int(str(detail["application_id"])),
                        detail={"inbound_id": inbound_id},
                    )
                self.sender.send(message)  # committed only once the server has taken it
        except _AlreadySettled:
            return None
        except MailRefused as exc:
            log.warning("inbound %d: acknowledgement refused (SMTP %d)", inbound_id, exc.code)
            detail["code"] = exc.code
            return (
                ReplyAction.REFUSED
                if self._record(inbound_id, ReplyAction.REFUSED, detail)
                else None
            )
        if "refusal" in detail:
            log.info("inbound %d answered: refused (%s)", inbound_id, detail["refusal"])
        else:
            log.info(
                "inbound %d acknowledged (application %s)", inbound_id, detail["application_id"]
            )
        return ReplyAction.SENT

    def _skip(self, inbound_id: int, detail: dict[str, object]) -> ReplyAction | None:
        if not self._record(inbound_id, ReplyAction.SKIPPED, detail):
            return None
        log.info("inbound %d not acknowledged: %s", inbound_id, detail["reason"])
        return ReplyAction.SKIPPED

    def process_once(self) -> int:
        """Discover drafted messages and answer those waiting, unless the mail server is in its
        backoff; return how many were settled. Raises database errors; a mail server that is
        down ends the round and sets :attr:`retry_at`."""
        self.discover()
        settled = 0
        for inbound_id, application_id in list(self.pending.items()):
            if time.monotonic() < self.retry_at:
                break
            try:
                self.acknowledge(inbound_id, application_id)
            except MailUnavailable as exc:
                self.retry_at = time.monotonic() + self.mail.failed(exc)
                break
            del self.pending[inbound_id]
            settled += 1
            self.mail.recovered()
            self.retry_at = 0.0
        return settled

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Answer drafted messages until ``stop`` is set, looking every ``interval`` seconds."""
        outage = Outage("email replies", log)
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.process_once)
            except Exception as exc:
                if not is_transient(exc):
                    raise
                await pause(stop, outage.failed(exc))
                continue
            outage.recovered()
            await pause(stop, interval)
