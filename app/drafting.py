"""The drafting worker: stored inbound emails become draft applications.

Runs inside ``trigger serve``. Each pass claims the messages still in state ``received`` (on
PostgreSQL several workers share them, ``SKIP LOCKED``), decodes each one from its stored raw
bytes, extracts the draft with the area's policy profile and saves it as an application linked
to the message. A message the sender got wrong (not an email, no text) is marked ``ignored`` with
the reason; one whose processing fails is marked ``failed`` with the error's type (never its
text, which may quote the message) and is kept for a person or a retry. Nothing is deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from app.extraction import draft_application
from intake.errors import RejectedMessage
from intake.mime import parse_email
from nlp.extract import Extractor
from storage.tables import InboundState
from storage.unit_of_work import UnitOfWorkFactory
from trigger.inbound import InboundChannel
from trigger.profiles import Profile

log = logging.getLogger(__name__)


@dataclass
class DraftingWorker:
    """Turns stored inbound emails into drafts; build one per process (the pipeline is heavy).

    ``unit_of_work`` makes the unit of work each pass runs in (SQL in production, a fake in the
    use-case tests).
    """

    unit_of_work: UnitOfWorkFactory
    profile: Profile
    extractor: Extractor = field(default_factory=Extractor)
    batch: int = 10

    def process_once(self) -> int:
        """Process one batch of waiting messages; return how many were handled."""
        handled = 0
        with self.unit_of_work() as uow:
            for record in uow.inbound.claim(self.batch):
                assert record.id is not None
                handled += 1
                if record.channel != InboundChannel.EMAIL or record.raw is None:
                    uow.inbound.set_state(
                        record.id, InboundState.IGNORED, error="not an email with stored bytes"
                    )
                    continue
                # A savepoint per message: one that fails leaves the others' work intact.
                try:
                    with uow.savepoint():
                        document = parse_email(record.raw)
                        draft = draft_application(
                            self.extractor, document, self.profile, source=f"inbound:{record.id}"
                        )
                        application = uow.applications.save_draft(
                            draft, policy=self.profile.id, inbound_ids=[record.id]
                        )
                except RejectedMessage as exc:
                    uow.inbound.set_state(record.id, InboundState.IGNORED, error=str(exc)[:500])
                    log.info("inbound %d ignored: %s", record.id, exc)
                    continue
                except Exception as exc:  # kept for a person: never lose what arrived
                    uow.inbound.set_state(
                        record.id, InboundState.FAILED, error=exc.__class__.__name__
                    )
                    log.error("inbound %d failed: %s", record.id, exc.__class__.__name__)
                    log.debug("drafting failure detail", exc_info=True)
                    continue
                uow.inbound.set_state(record.id, InboundState.PROCESSED)
                log.info(
                    "inbound %d drafted as application %d (%s)",
                    record.id,
                    application,
                    draft.threshold.status if draft.threshold else "no decision",
                )
        return handled

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Process waiting messages every ``interval`` seconds until ``stop`` is set."""
        while not stop.is_set():
            handled = await asyncio.to_thread(self.process_once)
            if handled:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
