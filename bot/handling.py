"""One chat update end to end, without Telegram: store it, run the dialogue, keep the result.

1. :meth:`ChatHandling.store` commits the raw update as an inbound message (channel
   ``telegram``, external id the update id, thread key the chat id) before anything else;
   storing it again is a no-op, so a redelivered update is recognised.
2. :meth:`ChatHandling.handle` reads the chat's conversation, runs :func:`bot.dialogue.step`
   outside any transaction, then in one transaction saves the new conversation (version
   checked), queues the replies in the outbox and marks the message processed. An update
   already processed does nothing; a conversation saved meanwhile makes the turn run again.
3. The adapter sends the queued replies and marks each sent.

Submission saves the draft as an application (``channel`` chat, status ready) so officers see
it; an urgent message saves it at once (status draft) so staff see it before it is finished.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.dialogue import Context, reminder, step, submitted
from bot.state import Conversation, Event, Reply, Turn
from storage.repositories.conversations import Buttons, StaleConversation
from storage.tables import ApplicationStatus, InboundState
from storage.unit_of_work import UnitOfWorkFactory
from trigger.inbound import InboundChannel, InboundMessage

log = logging.getLogger(__name__)

CHANNEL = InboundChannel.TELEGRAM.value
_ATTEMPTS = 5


def reference_for(application_id: int) -> str:
    """The reference number a person is given for an application."""
    return f"CT-{application_id:06d}"


def _buttons(reply: Reply) -> Buttons | None:
    if not reply.buttons:
        return None
    return [[{"label": b.label, "data": b.data} for b in row] for row in reply.buttons]


@dataclass(frozen=True)
class Handled:
    """What handling an update came to."""

    inbound_id: int
    duplicate: bool
    replies: int = 0
    urgent: bool = False
    submitted: bool = False


class ChatHandling:
    """Stores and handles chat updates over a unit of work; no Telegram in here."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, ctx: Context, *, policy: str) -> None:
        self.unit_of_work = unit_of_work
        self.ctx = ctx
        self.policy = policy

    def store(self, message: InboundMessage) -> tuple[int, bool]:
        """Commit the raw update first; returns (inbound id, created)."""
        with self.unit_of_work() as uow:
            return uow.inbound.save(message)

    def is_processed(self, inbound_id: int) -> bool:
        """True when the update was handled already (a redelivery)."""
        with self.unit_of_work() as uow:
            record = uow.inbound.get(inbound_id)
            return record is not None and record.state is InboundState.PROCESSED

    def handle(self, inbound_id: int, event: Event) -> Handled:
        """Run the dialogue on one stored update, once."""
        for _ in range(_ATTEMPTS):
            with self.unit_of_work() as uow:
                record = uow.inbound.get(inbound_id)
                if record is None:
                    raise LookupError(f"no inbound message {inbound_id}")
                if record.state is InboundState.PROCESSED:
                    return Handled(inbound_id, duplicate=True)
                stored = uow.conversations.get(event.chat_id)
            conversation = (
                Conversation.model_validate(stored.state)
                if stored is not None
                else Conversation(chat_id=event.chat_id)
            )
            turn = step(conversation, event, self.ctx)
            try:
                return self._keep(inbound_id, event, turn, stored.version if stored else None)
            except StaleConversation:
                log.info("telegram: conversation changed meanwhile; turn run again")
        raise StaleConversation(f"conversation kept changing for update {inbound_id}")

    def _keep(self, inbound_id: int, event: Event, turn: Turn, version: int | None) -> Handled:
        replies = list(turn.replies)
        conversation = turn.conversation
        with self.unit_of_work() as uow:
            record = uow.inbound.get(inbound_id)
            if record is None or record.state is InboundState.PROCESSED:
                return Handled(inbound_id, duplicate=True)
            if turn.erase:
                uow.conversations.erase(event.chat_id, CHANNEL)
                if version is not None:
                    version = None
            else:
                if inbound_id not in conversation.message_ids:
                    conversation.message_ids.append(inbound_id)
                if (turn.submit or turn.urgent) and conversation.draft is not None:
                    application_id = uow.applications.save_draft(
                        conversation.draft,
                        policy=self.policy,
                        inbound_ids=conversation.message_ids,
                        application_id=conversation.application_id,
                        status=ApplicationStatus.READY if turn.submit else ApplicationStatus.DRAFT,
                    )
                    conversation.application_id = application_id
                    if turn.submit:
                        after = submitted(
                            conversation, reference_for(application_id), application_id, event.at
                        )
                        conversation = after.conversation
                        replies += after.replies
                uow.conversations.save(
                    event.chat_id,
                    conversation.model_dump(mode="json"),
                    stage=conversation.stage.value,
                    urgent=conversation.urgent,
                    risk_level=conversation.risk_level.value if conversation.risk_level else None,
                    application_id=conversation.application_id,
                    expected_version=version,
                    remind_on=conversation.remind_on,
                )
            queued = uow.conversations.queue_replies(
                event.chat_id, inbound_id, [(r.text, _buttons(r)) for r in replies]
            )
            uow.inbound.set_state(inbound_id, InboundState.PROCESSED)
        log.debug("telegram: update %d handled, %d replies queued", inbound_id, queued)
        return Handled(
            inbound_id, duplicate=False, replies=queued, urgent=turn.urgent, submitted=turn.submit
        )

    def due_reminders(self, today: date) -> list[tuple[str, list[Reply]]]:
        """Take the reminders due by ``today``: each conversation is saved without it first
        (so a reminder goes out at most once), then its replies are returned for sending."""
        with self.unit_of_work() as uow:
            due = uow.conversations.due_reminders(today)
        out: list[tuple[str, list[Reply]]] = []
        for stored in due:
            turn = reminder(Conversation.model_validate(stored.state))
            conversation = turn.conversation
            try:
                with self.unit_of_work() as uow:
                    uow.conversations.save(
                        stored.chat_id,
                        conversation.model_dump(mode="json"),
                        stage=conversation.stage.value,
                        urgent=conversation.urgent,
                        risk_level=conversation.risk_level.value
                        if conversation.risk_level
                        else None,
                        application_id=conversation.application_id,
                        expected_version=stored.version,
                        remind_on=None,
                    )
            except StaleConversation:
                continue  # the person wrote meanwhile: the next round sees it again
            out.append((stored.chat_id, turn.replies))
        return out
