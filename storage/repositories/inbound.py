"""Inbound messages: the raw evidence, stored once per (channel, external id) before anything
else happens, then claimed by the drafting worker and moved through their states."""

from __future__ import annotations

import abc
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Insert, select
from sqlmodel import Session

from storage.errors import StorageError
from storage.repositories.audit import SYSTEM, AuditAction, AuditLog
from storage.tables import InboundRecord, InboundState, utc_now
from trigger.inbound import InboundChannel, sha256_hex

# What the raw bytes of each channel are, when the caller does not say.
DEFAULT_MEDIA_TYPES: dict[str, str] = {
    InboundChannel.EMAIL.value: "message/rfc822",
    InboundChannel.TELEGRAM.value: "application/json",
}


class InboundMessageLike(Protocol):
    """What :meth:`InboundRepository.save` needs from a channel's inbound message."""

    @property
    def channel(self) -> str: ...
    @property
    def external_id(self) -> str: ...
    @property
    def sender(self) -> str | None: ...
    @property
    def received_at(self) -> datetime: ...
    @property
    def raw(self) -> bytes | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def thread_keys(self) -> Sequence[str]: ...


def require_aware(value: datetime, name: str) -> None:
    """Refuse a naive datetime: every time we keep is an instant."""
    if value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")


def evidence_bytes(message: InboundMessageLike) -> bytes:
    """What the content hash of a message is taken over: its raw bytes, else its UTF-8 text."""
    if message.raw is not None:
        return message.raw
    if message.text is not None:
        return message.text.encode("utf-8")
    raise ValueError("an inbound message needs its raw bytes or its text")


class InboundRepository(abc.ABC):
    """The inbound messages of one unit of work."""

    @abc.abstractmethod
    def save(
        self,
        message: InboundMessageLike,
        *,
        raw_media_type: str | None = None,
        actor: str = SYSTEM,
    ) -> tuple[int, bool]:
        """Store a message unless (channel, external id) is already stored.

        Returns ``(id, created)``: ``created`` is False when the message was stored before (the
        stored copy is kept as it was). Safe against a concurrent insert of the same message.
        """

    @abc.abstractmethod
    def get(self, inbound_id: int) -> InboundRecord | None:
        """The stored message with this id, or None."""

    @abc.abstractmethod
    def find(self, channel: str, external_id: str) -> InboundRecord | None:
        """The stored message with this (channel, external id), or None."""

    @abc.abstractmethod
    def claim(
        self, limit: int = 10, states: Collection[InboundState] = (InboundState.RECEIVED,)
    ) -> list[InboundRecord]:
        """Lock up to ``limit`` messages waiting in ``states``, oldest first, for this unit of
        work; messages another unit of work holds are skipped."""

    @abc.abstractmethod
    def take(
        self, limit: int, *, lease: timedelta, channels: Collection[str] | None = None
    ) -> list[InboundRecord]:
        """Take up to ``limit`` messages waiting in ``received`` (of ``channels``, when given),
        oldest first, for drafting outside this unit of work: each counts one more attempt and
        is leased for ``lease``. A channel that handles its own messages (the Telegram bot) is
        left out by the drafting worker this way.

        Messages leased to another worker are skipped until their lease has run out (a worker
        that died leaves its lease behind). Commit the unit of work before drafting, so the
        attempt counts even if the drafting kills the process.
        """

    @abc.abstractmethod
    def release(self, inbound_id: int, *, attempts: int) -> bool:
        """Give back a message taken by :meth:`take` without a result (the worker is stopping):
        it waits again, its attempt uncounted. ``attempts`` is what the taking returned; a
        message taken again since (its lease ran out) is left alone. True when released."""

    @abc.abstractmethod
    def set_state(
        self,
        inbound_id: int,
        state: InboundState,
        *,
        error: str | None = None,
        actor: str = SYSTEM,
    ) -> None:
        """Record how far a message got (audited); ends its lease. ``error`` names what failed,
        never the content. Attempts are counted by :meth:`take`, not here."""


class SqlInboundRepository(InboundRepository):
    """Inbound messages in the ``inbound_messages`` table."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def save(
        self,
        message: InboundMessageLike,
        *,
        raw_media_type: str | None = None,
        actor: str = SYSTEM,
    ) -> tuple[int, bool]:
        """Store a message unless (channel, external id) is already stored; see
        :meth:`InboundRepository.save`."""
        require_aware(message.received_at, "received_at")
        evidence = evidence_bytes(message)
        channel = str(message.channel)
        thread_keys = [str(key) for key in message.thread_keys]
        now = utc_now()
        values: dict[str, Any] = {
            "channel": channel,
            "external_id": message.external_id,
            "sender": message.sender,
            "received_at": message.received_at,
            "stored_at": now,
            "thread_key": thread_keys[0] if thread_keys else None,
            "thread_keys": thread_keys,
            "raw": message.raw,
            "raw_media_type": raw_media_type or DEFAULT_MEDIA_TYPES.get(channel),
            "raw_sha256": sha256_hex(evidence),
            "text": message.text,
            "state": InboundState.RECEIVED,
            "state_changed_at": now,
            "attempts": 0,
        }
        table = InboundRecord.__table__  # type: ignore[attr-defined]
        statement: Insert
        # INSERT ... ON CONFLICT DO NOTHING: a concurrent insert of the same message waits for
        # the other transaction and then finds the row, instead of failing.
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            statement = (
                postgresql_insert(table)
                .values(**values)
                .on_conflict_do_nothing(index_elements=["channel", "external_id"])
            )
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            statement = (
                sqlite_insert(table)
                .values(**values)
                .on_conflict_do_nothing(index_elements=["channel", "external_id"])
            )
        new_id = self.session.execute(statement.returning(table.c.id)).scalar_one_or_none()
        if new_id is None:
            existing = self.session.execute(
                select(table.c.id).where(
                    table.c.channel == channel, table.c.external_id == message.external_id
                )
            ).scalar_one()
            return int(existing), False
        self.audit.append(
            AuditAction.INBOUND_STORED,
            actor=actor,
            subject_type="inbound",
            subject_id=new_id,
            detail={"channel": channel, "sha256": values["raw_sha256"]},
        )
        return int(new_id), True

    def get(self, inbound_id: int) -> InboundRecord | None:
        """The stored message with this id, or None."""
        return self.session.get(InboundRecord, inbound_id)

    def find(self, channel: str, external_id: str) -> InboundRecord | None:
        """The stored message with this (channel, external id), or None."""
        return self.session.execute(
            select(InboundRecord).where(
                InboundRecord.channel == str(channel),  # type: ignore[arg-type]
                InboundRecord.external_id == external_id,  # type: ignore[arg-type]
            )
        ).scalar_one_or_none()

    def claim(
        self, limit: int = 10, states: Collection[InboundState] = (InboundState.RECEIVED,)
    ) -> list[InboundRecord]:
        """Lock up to ``limit`` messages waiting in ``states``, oldest first.

        On PostgreSQL rows another worker holds are skipped (``FOR UPDATE SKIP LOCKED``), so
        several processes can share the work; the locks last until the unit of work ends.
        SQLite has one writer at a time and ignores the clause.
        """
        statement = (
            select(InboundRecord)
            .where(InboundRecord.state.in_(list(states)))  # type: ignore[attr-defined]
            .order_by(InboundRecord.id)  # type: ignore[arg-type]
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(self.session.execute(statement).scalars())

    def take(
        self, limit: int, *, lease: timedelta, channels: Collection[str] | None = None
    ) -> list[InboundRecord]:
        """Take up to ``limit`` waiting messages for drafting; see :meth:`InboundRepository.take`.

        On PostgreSQL rows another worker is taking at this moment are skipped (``SKIP
        LOCKED``); the lease keeps them apart once this unit of work commits.
        """
        now = utc_now()
        statement = (
            select(InboundRecord)
            .where(
                InboundRecord.state == InboundState.RECEIVED,  # type: ignore[arg-type]
                (InboundRecord.claimed_until.is_(None))  # type: ignore[union-attr]
                | (InboundRecord.claimed_until < now),  # type: ignore[operator]
            )
            .order_by(InboundRecord.id)  # type: ignore[arg-type]
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if channels is not None:
            statement = statement.where(
                InboundRecord.channel.in_([str(c) for c in channels])  # type: ignore[attr-defined]
            )
        taken = list(self.session.execute(statement).scalars())
        for record in taken:
            record.attempts += 1
            record.claimed_until = now + lease
            self.session.add(record)
        self.session.flush()
        return taken

    def release(self, inbound_id: int, *, attempts: int) -> bool:
        """Give back a message taken without a result; see :meth:`InboundRepository.release`."""
        record = self.session.get(InboundRecord, inbound_id, with_for_update=True)
        if record is None or record.state is not InboundState.RECEIVED:
            return False
        if record.attempts != attempts or record.claimed_until is None:
            return False
        record.attempts -= 1
        record.claimed_until = None
        self.session.add(record)
        return True

    def set_state(
        self,
        inbound_id: int,
        state: InboundState,
        *,
        error: str | None = None,
        actor: str = SYSTEM,
    ) -> None:
        """Record how far a message got. ``error`` names what failed, never the content."""
        record = self.session.get(InboundRecord, inbound_id, with_for_update=True)
        if record is None:
            raise StorageError(f"no inbound message {inbound_id}")
        previous = record.state
        record.state = state
        record.state_changed_at = utc_now()
        record.error = error
        record.claimed_until = None
        self.session.add(record)
        self.audit.append(
            AuditAction.INBOUND_STATE_CHANGED,
            actor=actor,
            subject_type="inbound",
            subject_id=inbound_id,
            detail={"from": str(previous), "to": str(state)},
        )
