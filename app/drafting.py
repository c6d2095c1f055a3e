"""The drafting worker: stored inbound emails become draft applications.

Runs inside ``trigger serve``, one message at a time, in three steps:

1. **take** the oldest message still ``received`` in a transaction of its own, counting one
   more attempt and leasing it (several workers share the work: on PostgreSQL with ``SKIP
   LOCKED``, and the lease keeps a message apart while it is drafted). The transaction commits
   before any work starts, so a message that kills the server is given up after
   ``max_attempts`` starts instead of being retried forever: it is marked ``failed`` ("drafting
   started 3 times without finishing"). A worker that dies leaves its lease behind: the message
   is taken again once the lease (the time limit plus 30 s) has run out;
2. **draft** it from its stored raw bytes with the area's policy profile, outside any
   transaction, in a worker process with a time limit (:mod:`app.drafting_process`): a
   message over the limit is marked ``failed`` ("took longer than 60 s") and never retried;
3. **record** the outcome in a second transaction: the draft saved as an application linked
   to the message (``processed``), or the message marked ``ignored`` (the sender got it wrong:
   not an email, no text) or ``failed`` with the error's type (never its text, which may quote
   the message), kept for a person. Nothing is deleted. A message that continues an open
   application (the same email thread, or the same sender about the same person within
   ``thread_window``) is merged into it instead (:mod:`trigger.threads`): new incidents added,
   the ones it already holds not twice, and the threshold decided again on the whole.

Transient database errors (:mod:`storage.transient`) are waited out with a capped exponential
backoff and logged once per outage; any other error stops the worker (and the server). A stop
request kills the worker process at once and gives the message in hand back, uncounted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, timedelta

from app.drafting_process import Drafter, DraftingProcess, Outcome, draft_message
from app.serve import pause
from nlp.extract import Extractor
from storage.repositories.applications import StoredDraft
from storage.tables import InboundRecord, InboundState
from storage.transient import Backoff, Outage, is_transient
from storage.unit_of_work import UnitOfWork, UnitOfWorkFactory
from trigger.draft import Draft
from trigger.inbound import InboundChannel
from trigger.profiles import Profile, get_profile
from trigger.threads import merge_drafts, same_person
from trigger.threshold import threshold_result

log = logging.getLogger(__name__)

# The channels whose stored messages this worker drafts; the Telegram bot drafts its own.
DRAFTED_CHANNELS = (InboundChannel.EMAIL,)

DEFAULT_TIME_LIMIT = 60.0
DEFAULT_MAX_ATTEMPTS = 3
# How long after a sender's message a new one from them about the same person continues it.
DEFAULT_THREAD_WINDOW = timedelta(days=14)
# A lease outlives the time limit by this much: time to send the message, save the draft and
# wait out a short database outage before another worker may take the message again.
LEASE_MARGIN = timedelta(seconds=30)


@dataclass(frozen=True)
class Taken:
    """A message taken for drafting: its raw bytes, or None when taking it settled it."""

    inbound_id: int
    attempts: int
    raw: bytes | None


@dataclass
class DraftingWorker:
    """Turns stored inbound emails into drafts.

    ``unit_of_work`` makes the unit of work each step runs in (SQL in production, a fake in the
    use-case tests). :meth:`run` (``trigger serve``) drafts with ``drafter``, by default a
    worker process with ``time_limit``; :meth:`process_once` drafts in this process with
    ``extractor`` (built on first use), without a time limit, for tests and one-off runs.
    """

    unit_of_work: UnitOfWorkFactory
    profile: Profile
    extractor: Extractor | None = None
    batch: int = 10
    time_limit: float = DEFAULT_TIME_LIMIT
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    backoff: Backoff = field(default_factory=Backoff)
    drafter: Drafter | None = None
    thread_window: timedelta | None = DEFAULT_THREAD_WINDOW

    @property
    def lease(self) -> timedelta:
        """How long a taken message is kept from other workers."""
        return timedelta(seconds=self.time_limit) + LEASE_MARGIN

    def take(self) -> Taken | None:
        """Take the oldest waiting message (step 1), or None when nothing waits.

        Settles at once, in the same transaction, a message that needs no drafting: one whose
        attempts are used up (``failed``) or that is not an email with stored bytes
        (``ignored``); its :class:`Taken` has no bytes.
        """
        with self.unit_of_work() as uow:
            records = uow.inbound.take(1, lease=self.lease, channels=DRAFTED_CHANNELS)
            if not records:
                return None
            record = records[0]
            assert record.id is not None
            if record.attempts > self.max_attempts:
                reason = f"drafting started {self.max_attempts} times without finishing"
                uow.inbound.set_state(record.id, InboundState.FAILED, error=reason)
                log.error("inbound %d failed: %s", record.id, reason)
                return Taken(record.id, record.attempts, None)
            if record.channel != InboundChannel.EMAIL or record.raw is None:
                uow.inbound.set_state(
                    record.id, InboundState.IGNORED, error="not an email with stored bytes"
                )
                return Taken(record.id, record.attempts, None)
            return Taken(record.id, record.attempts, record.raw)

    def record(self, taken: Taken, outcome: Outcome) -> None:
        """Save what drafting ``taken`` came to (step 3). Transient errors are raised for the
        caller to retry; another error while saving the draft fails the message alone."""
        inbound_id = taken.inbound_id
        with self.unit_of_work() as uow:
            current = uow.inbound.get(inbound_id)
            if (
                current is None
                or current.state is not InboundState.RECEIVED
                or current.attempts != taken.attempts
            ):
                log.warning(
                    "inbound %d was taken again meanwhile; this draft is dropped", inbound_id
                )
                return
            application: int | None = None
            if outcome.state is InboundState.PROCESSED and outcome.draft is not None:
                # A savepoint: a draft that fails to save leaves nothing half-written.
                try:
                    with uow.savepoint():
                        application = self._save(uow, current, outcome.draft)
                except Exception as exc:
                    if is_transient(exc):
                        raise
                    log.debug("drafting failure detail", exc_info=True)
                    outcome = Outcome(InboundState.FAILED, error=exc.__class__.__name__)
            uow.inbound.set_state(inbound_id, outcome.state, error=outcome.error)
        if application is not None and outcome.draft is not None:
            threshold = outcome.draft.threshold
            log.info(
                "inbound %d drafted as application %d (%s)",
                inbound_id,
                application,
                threshold.status if threshold else "no decision",
            )
        elif outcome.state is InboundState.IGNORED:
            log.info("inbound %d ignored: %s", inbound_id, outcome.error)
        else:
            log.error("inbound %d failed: %s", inbound_id, outcome.error)

    def _save(self, uow: UnitOfWork, message: InboundRecord, draft: Draft) -> int:
        """Save the draft of ``message``: merged into the open application it continues, if
        any (:meth:`continued`), else as a new application. Returns the application's id."""
        assert message.id is not None
        found = self.continued(uow, message, draft)
        if found is None:
            return uow.applications.save_draft(
                draft, policy=self.profile.id, inbound_ids=[message.id]
            )
        held, why = found
        merged = merge_drafts(held.draft, draft)
        profile = self.profile if held.policy == self.profile.id else get_profile(held.policy)
        merged.draft.threshold = threshold_result(merged.draft, profile)
        first_new = len(held.draft.incidents)
        application = uow.applications.save_draft(
            merged.draft,
            policy=held.policy,
            inbound_ids=[message.id],
            application_id=held.id,
            expected_version=held.version,
            evidence_sources={
                position: message.id for position in merged.added if position >= first_new
            },
        )
        log.info(
            "inbound %d continues application %d (%s): %d incident(s) added, %d already held",
            message.id,
            application,
            why,
            len(merged.added) - merged.duplicates,
            merged.duplicates,
        )
        return application

    def continued(
        self, uow: UnitOfWork, message: InboundRecord, draft: Draft
    ) -> tuple[StoredDraft, str] | None:
        """The open application ``message`` continues and why, or None for a new one.

        The same email thread (its Message-ID, In-Reply-To or References among those of a
        message of an open application), whenever it came; else, within ``thread_window``,
        the same sender writing again about the same person (:func:`trigger.threads.same_person`).
        """
        found = uow.applications.find_open_thread(list(message.thread_keys or ()))
        if found is not None:
            return found, "same thread"
        if self.thread_window is None or not message.sender:
            return None
        since = message.received_at.astimezone(UTC) - self.thread_window
        for candidate in uow.applications.find_open_from(message.sender, since):
            if same_person(candidate.draft.victim, draft.victim):
                return candidate, "same sender"
        return None

    def release(self, taken: Taken) -> None:
        """Give a message back undrafted (a stop request): it waits again, uncounted."""
        with self.unit_of_work() as uow:
            if uow.inbound.release(taken.inbound_id, attempts=taken.attempts):
                log.info("inbound %d given back undrafted, for the next start", taken.inbound_id)

    def process_once(self) -> int:
        """Take, draft (in this process) and record up to ``batch`` messages; return how many
        were handled. Database errors are raised."""
        handled = 0
        while handled < self.batch:
            taken = self.take()
            if taken is None:
                break
            handled += 1
            if taken.raw is None:
                continue
            if self.extractor is None:
                self.extractor = Extractor()
            source = f"inbound:{taken.inbound_id}"
            self.record(taken, draft_message(self.extractor, self.profile, taken.raw, source))
        return handled

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Draft waiting messages in a worker process until ``stop`` is set; look for new ones
        every ``interval`` seconds when none wait."""
        process = self.drafter or DraftingProcess(self.profile.id)
        outage = Outage("drafting", log, self.backoff)
        try:
            while not stop.is_set():
                try:
                    handled = await self._step(stop, process, outage)
                except Exception as exc:
                    if not is_transient(exc):
                        raise
                    await pause(stop, outage.failed(exc))
                    continue
                outage.recovered()
                if not handled:
                    await pause(stop, interval)
        finally:
            process.close()

    async def _step(self, stop: asyncio.Event, process: Drafter, outage: Outage) -> bool:
        """One message through the three steps; False when none waited (or we are stopping)."""
        if not await process.start(stop):
            return False
        taken = await asyncio.to_thread(self.take)
        if taken is None:
            return False
        if taken.raw is None:
            return True
        outcome = await process.draft(
            taken.inbound_id, taken.raw, stop=stop, time_limit=self.time_limit
        )
        if outcome is None:  # stopping: the process is killed; the message waits for next time
            with contextlib.suppress(Exception):
                await asyncio.to_thread(self.release, taken)
            return False
        while True:
            try:
                await asyncio.to_thread(self.record, taken, outcome)
                return True
            except Exception as exc:
                if not is_transient(exc):
                    raise
                if await pause(stop, outage.failed(exc)):
                    # Stopping: its lease runs out and it is drafted again, one attempt spent.
                    return False
