"""Chat conversations (the bot's state per chat) and the replies waiting to be sent.

A conversation is stored as the JSON the dialogue gives (``bot.state.Conversation``), with a
version so two workers cannot overwrite each other. Replies go to an outbox in the same
transaction as the state they came from, unique per (update, position), so an update handled
twice queues its replies once; a sender sends them and marks them sent.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select, update
from sqlmodel import Session

from storage.errors import StorageError
from storage.repositories.audit import SYSTEM, AuditLog
from storage.tables import (
    ApplicationMessageLink,
    InboundRecord,
    InboundState,
    TelegramConversation,
    TelegramReply,
    utc_now,
)

#: A reply's buttons: rows of {"label": ..., "data": ...}.
Buttons = list[list[dict[str, str]]]


class ConversationAction(StrEnum):
    """What the conversation store records in the audit log (ids and counts only)."""

    ERASED = "conversation.erased"


class StaleConversation(StorageError):
    """Someone saved the conversation in between: read it again and redo the turn."""


@dataclass(frozen=True)
class StoredConversation:
    """A conversation as stored."""

    chat_id: str
    state: dict[str, Any]
    version: int
    application_id: int | None


@dataclass(frozen=True)
class PendingReply:
    """A reply not yet accepted by Telegram."""

    id: int
    chat_id: str
    inbound_id: int
    position: int
    text: str
    buttons: Buttons | None


class ConversationRepository(abc.ABC):
    """The chat conversations of one unit of work."""

    @abc.abstractmethod
    def get(self, chat_id: str) -> StoredConversation | None:
        """The conversation of ``chat_id``, or None."""

    @abc.abstractmethod
    def save(
        self,
        chat_id: str,
        state: dict[str, Any],
        *,
        stage: str,
        urgent: bool,
        risk_level: str | None,
        application_id: int | None,
        expected_version: int | None,
        remind_on: date | None = None,
    ) -> int:
        """Store the conversation; ``expected_version`` None means "new". Returns the new
        version; raises :class:`StaleConversation` if the stored version is not the expected
        one (or a new one already exists)."""

    @abc.abstractmethod
    def erase(self, chat_id: str, channel: str) -> int:
        """Erase what the person told in ``chat_id`` and never submitted: the conversation, the
        replies, and the text and raw bytes of the chat's messages not linked to an
        application. Returns how many messages were blanked."""

    @abc.abstractmethod
    def queue_replies(
        self, chat_id: str, inbound_id: int, replies: list[tuple[str, Buttons | None]]
    ) -> int:
        """Queue the replies to one update, once: a second call for the same update adds
        nothing. Returns how many were added."""

    @abc.abstractmethod
    def pending(self, chat_id: str | None = None, limit: int = 100) -> list[PendingReply]:
        """Replies not yet sent (of one chat, if given), in the order they were queued."""

    @abc.abstractmethod
    def due_reminders(self, today: date) -> list[StoredConversation]:
        """The conversations whose reminder is due on or before ``today``."""

    @abc.abstractmethod
    def unhandled(self, channel: str) -> list[tuple[int, bytes]]:
        """(id, raw bytes) of the channel's stored messages not yet processed, oldest first:
        what a restarted bot still has to handle."""

    @abc.abstractmethod
    def mark_sent(self, reply_id: int, at: datetime) -> bool:
        """Record that Telegram accepted the reply; False if it was already marked."""


class SqlConversationRepository(ConversationRepository):
    """Conversations and replies in ``telegram_conversations`` and ``telegram_replies``."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def get(self, chat_id: str) -> StoredConversation | None:
        """The conversation of ``chat_id``, or None."""
        record = self.session.get(TelegramConversation, chat_id)
        if record is None:
            return None
        return StoredConversation(
            record.chat_id, dict(record.state), record.version, record.application_id
        )

    def save(
        self,
        chat_id: str,
        state: dict[str, Any],
        *,
        stage: str,
        urgent: bool,
        risk_level: str | None,
        application_id: int | None,
        expected_version: int | None,
        remind_on: date | None = None,
    ) -> int:
        """Store the conversation (see :meth:`ConversationRepository.save`)."""
        table = TelegramConversation.__table__  # type: ignore[attr-defined]
        values: dict[str, Any] = {
            "state": state,
            "stage": stage,
            "urgent": urgent,
            "risk_level": risk_level,
            "application_id": application_id,
            "remind_on": remind_on,
            "updated_at": utc_now(),
        }
        if expected_version is None:
            statement = (
                self._insert(table)
                .values(chat_id=chat_id, version=1, **values)
                .on_conflict_do_nothing(index_elements=["chat_id"])
            )
            created = self.session.execute(statement.returning(table.c.chat_id)).first()
            if created is None:
                raise StaleConversation(f"conversation {chat_id} was created meanwhile")
            return 1
        result = self.session.execute(
            update(table)
            .where(table.c.chat_id == chat_id, table.c.version == expected_version)
            .values(version=expected_version + 1, **values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise StaleConversation(f"conversation {chat_id} changed meanwhile")
        return expected_version + 1

    def _insert(self, table: Any) -> Any:
        """An INSERT that can do nothing on conflict (PostgreSQL's or SQLite's dialect)."""
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            return postgresql_insert(table)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)

    def erase(self, chat_id: str, channel: str) -> int:
        """Erase the chat's unsubmitted data (see :meth:`ConversationRepository.erase`)."""
        conversations = TelegramConversation.__table__  # type: ignore[attr-defined]
        replies = TelegramReply.__table__  # type: ignore[attr-defined]
        inbound = InboundRecord.__table__  # type: ignore[attr-defined]
        links = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        self.session.execute(delete(conversations).where(conversations.c.chat_id == chat_id))
        self.session.execute(delete(replies).where(replies.c.chat_id == chat_id))
        linked = select(links.c.inbound_id)
        result = self.session.execute(
            update(inbound)
            .where(
                inbound.c.channel == channel,
                inbound.c.thread_key == chat_id,
                inbound.c.id.not_in(linked),
            )
            .values(text=None, raw=None)
        )
        blanked = int(result.rowcount)  # type: ignore[attr-defined]
        self.audit.append(
            ConversationAction.ERASED,
            actor=SYSTEM,
            subject_type="conversation",
            detail={"channel": channel, "messages_blanked": blanked},
        )
        return blanked

    def queue_replies(
        self, chat_id: str, inbound_id: int, replies: list[tuple[str, Buttons | None]]
    ) -> int:
        """Queue the replies to one update, once (see the abstract method)."""
        table = TelegramReply.__table__  # type: ignore[attr-defined]
        added = 0
        now = utc_now()
        for position, (text, buttons) in enumerate(replies):
            statement = (
                self._insert(table)
                .values(
                    chat_id=chat_id,
                    inbound_id=inbound_id,
                    position=position,
                    text=text,
                    buttons=buttons,
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=["inbound_id", "position"])
            )
            if self.session.execute(statement.returning(table.c.id)).first() is not None:
                added += 1
        return added

    def pending(self, chat_id: str | None = None, limit: int = 100) -> list[PendingReply]:
        """Replies not yet sent, oldest first."""
        table = TelegramReply.__table__  # type: ignore[attr-defined]
        statement = select(table).where(table.c.sent_at.is_(None))
        if chat_id is not None:
            statement = statement.where(table.c.chat_id == chat_id)
        statement = statement.order_by(table.c.id).limit(limit)
        return [
            PendingReply(
                id=int(row.id),
                chat_id=str(row.chat_id),
                inbound_id=int(row.inbound_id),
                position=int(row.position),
                text=str(row.text),
                buttons=row.buttons,
            )
            for row in self.session.execute(statement)
        ]

    def mark_sent(self, reply_id: int, at: datetime) -> bool:
        """Record that Telegram accepted the reply."""
        table = TelegramReply.__table__  # type: ignore[attr-defined]
        result = self.session.execute(
            update(table)
            .where(table.c.id == reply_id, table.c.sent_at.is_(None))
            .values(sent_at=at)
        )
        return int(result.rowcount) == 1  # type: ignore[attr-defined]

    def unhandled(self, channel: str) -> list[tuple[int, bytes]]:
        """The channel's stored messages not yet processed, oldest first."""
        table = InboundRecord.__table__  # type: ignore[attr-defined]
        rows = self.session.execute(
            select(table.c.id, table.c.raw)
            .where(
                table.c.channel == channel,
                table.c.state != InboundState.PROCESSED.value,
                table.c.raw.is_not(None),
            )
            .order_by(table.c.id)
        ).all()
        return [(int(row[0]), bytes(row[1])) for row in rows]

    def due_reminders(self, today: date) -> list[StoredConversation]:
        """The conversations whose reminder is due on or before ``today``."""
        table = TelegramConversation.__table__  # type: ignore[attr-defined]
        rows = self.session.execute(
            select(table.c.chat_id, table.c.state, table.c.version, table.c.application_id)
            .where(table.c.remind_on.is_not(None), table.c.remind_on <= today)
            .order_by(table.c.remind_on, table.c.chat_id)
        ).all()
        return [StoredConversation(str(r[0]), dict(r[1]), int(r[2]), r[3]) for r in rows]
