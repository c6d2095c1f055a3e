"""Letters to applicants: kept with their case, queued until the mail server or Telegram takes
them, never lost while either is down.

An officer's "Send letter" writes the letter (HTML, PDF, channel, recipient) with its audit
entry in one transaction: email and chat letters as ``queued``, post as ``to_post``. A worker
claims a due queued letter (a lease in ``claimed_until``, so two workers never send the same
one), sends it and marks it ``sent``; an outage puts it back with a later ``next_attempt_at``;
a refusal for good marks it ``failed`` with the reason. Each outcome is in the audit log.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select, update
from sqlmodel import Session

from storage.repositories.audit import SYSTEM, AuditLog
from storage.tables import LetterChannel, LetterRecord, LetterState, OfficerRecord


class LetterAction(StrEnum):
    """What the letter store records in the audit log (subject: the application; ids, kinds,
    channels and reason codes only, never an address)."""

    DELIVERED = "letter.delivered"
    DELAYED = "letter.delayed"
    FAILED = "letter.failed"
    HANDED_OVER = "letter.handed_over"


@dataclass(frozen=True)
class LetterSummary:
    """A letter as the case page lists it (no HTML or PDF)."""

    id: int
    application_id: int
    kind: str
    channel: LetterChannel
    recipient: str | None
    state: LetterState
    reason: str | None
    officer_id: int
    officer_name: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class StoredLetter:
    """A letter with what it takes to send it."""

    id: int
    application_id: int
    kind: str
    channel: LetterChannel
    recipient: str | None
    subject: str
    note: str
    html: str
    pdf: bytes
    state: LetterState
    attempts: int


class LetterRepository(abc.ABC):
    """The letters of one unit of work."""

    @abc.abstractmethod
    def add(
        self,
        application_id: int,
        *,
        kind: str,
        channel: LetterChannel,
        recipient: str | None,
        subject: str,
        note: str,
        html: str,
        pdf: bytes,
        officer_id: int,
    ) -> int:
        """Keep a letter to send: ``queued`` (email, chat) or ``to_post`` (post). Returns its
        id. The caller audits who asked for it."""

    @abc.abstractmethod
    def for_application(self, application_id: int) -> list[LetterSummary]:
        """The case's letters, oldest first."""

    @abc.abstractmethod
    def get(self, letter_id: int) -> StoredLetter | None:
        """One letter with its HTML and PDF, or None."""

    @abc.abstractmethod
    def claim_next(
        self, now: datetime, lease: timedelta, *, channels: frozenset[LetterChannel]
    ) -> StoredLetter | None:
        """Take the oldest queued letter of ``channels`` that is due and not taken, for
        ``lease``; None when there is none."""

    @abc.abstractmethod
    def mark_sent(self, letter_id: int, at: datetime) -> bool:
        """The mail server or Telegram took it (audited); False if it was not queued."""

    @abc.abstractmethod
    def postpone(self, letter_id: int, reason: str, retry_at: datetime) -> bool:
        """An outage: try again at ``retry_at``, counting the attempt (audited)."""

    @abc.abstractmethod
    def mark_failed(self, letter_id: int, reason: str) -> bool:
        """Refused for good (audited): an officer must send it another way."""

    @abc.abstractmethod
    def mark_handed_over(self, letter_id: int, at: datetime, *, actor: str) -> bool:
        """An officer posted or handed over a letter to post (audited)."""


class SqlLetterRepository(LetterRepository):
    """Letters in the ``letters`` table."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def add(
        self,
        application_id: int,
        *,
        kind: str,
        channel: LetterChannel,
        recipient: str | None,
        subject: str,
        note: str,
        html: str,
        pdf: bytes,
        officer_id: int,
    ) -> int:
        """Keep a letter to send (see :meth:`LetterRepository.add`)."""
        record = LetterRecord(
            application_id=application_id,
            kind=kind,
            channel=channel,
            recipient=None if channel is LetterChannel.POST else recipient,
            subject=subject,
            note=note,
            html=html,
            pdf=pdf,
            officer_id=officer_id,
            state=LetterState.TO_POST if channel is LetterChannel.POST else LetterState.QUEUED,
        )
        self.session.add(record)
        self.session.flush()
        assert record.id is not None
        return record.id

    def for_application(self, application_id: int) -> list[LetterSummary]:
        """The case's letters, oldest first, with the sending officer's name."""
        table = LetterRecord.__table__  # type: ignore[attr-defined]
        officers = OfficerRecord.__table__  # type: ignore[attr-defined]
        rows = self.session.execute(
            select(
                table.c.id,
                table.c.application_id,
                table.c.kind,
                table.c.channel,
                table.c.recipient,
                table.c.state,
                table.c.reason,
                table.c.officer_id,
                officers.c.name,
                table.c.attempts,
                table.c.created_at,
                table.c.sent_at,
            )
            .join(officers, officers.c.id == table.c.officer_id)
            .where(table.c.application_id == application_id)
            .order_by(table.c.id)
        ).all()
        return [
            LetterSummary(
                id=row.id,
                application_id=row.application_id,
                kind=row.kind,
                channel=LetterChannel(row.channel),
                recipient=row.recipient,
                state=LetterState(row.state),
                reason=row.reason,
                officer_id=row.officer_id,
                officer_name=row.name,
                attempts=row.attempts,
                created_at=row.created_at,
                sent_at=row.sent_at,
            )
            for row in rows
        ]

    def get(self, letter_id: int) -> StoredLetter | None:
        """One letter with its HTML and PDF, or None."""
        record = self.session.get(LetterRecord, letter_id)
        return None if record is None else _stored(record)

    def claim_next(
        self, now: datetime, lease: timedelta, *, channels: frozenset[LetterChannel]
    ) -> StoredLetter | None:
        """Take the oldest due queued letter of ``channels`` (see the abstract method)."""
        if not channels:
            return None
        statement = (
            select(LetterRecord)
            .where(
                LetterRecord.state == LetterState.QUEUED,  # type: ignore[arg-type]
                LetterRecord.channel.in_([str(c) for c in channels]),  # type: ignore[attr-defined]
                (LetterRecord.next_attempt_at.is_(None))  # type: ignore[union-attr]
                | (LetterRecord.next_attempt_at <= now),  # type: ignore[operator]
                (LetterRecord.claimed_until.is_(None))  # type: ignore[union-attr]
                | (LetterRecord.claimed_until < now),  # type: ignore[operator]
            )
            .order_by(LetterRecord.id)  # type: ignore[arg-type]
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        record = self.session.execute(statement).scalars().first()
        if record is None or record.id is None:
            return None
        # Taken only if still free when written: on SQLite (no row locks) two workers may both
        # have read it, and only one update can match.
        table = LetterRecord.__table__  # type: ignore[attr-defined]
        taken = self.session.execute(
            update(table)
            .where(
                table.c.id == record.id,
                table.c.state == LetterState.QUEUED.value,
                table.c.claimed_until.is_(None) | (table.c.claimed_until < now),
            )
            .values(claimed_until=now + lease)
        )
        if int(taken.rowcount) != 1:  # type: ignore[attr-defined]
            return None
        return _stored(record)

    def _change(self, letter_id: int, states: tuple[LetterState, ...], **values: object) -> bool:
        table = LetterRecord.__table__  # type: ignore[attr-defined]
        result = self.session.execute(
            update(table)
            .where(table.c.id == letter_id, table.c.state.in_([str(s) for s in states]))
            .values(**values)
        )
        return int(result.rowcount) == 1  # type: ignore[attr-defined]

    def _audit(
        self, action: LetterAction, letter_id: int, detail: dict[str, object], actor: str = SYSTEM
    ) -> None:
        table = LetterRecord.__table__  # type: ignore[attr-defined]
        row = self.session.execute(
            select(table.c.application_id, table.c.kind, table.c.channel).where(
                table.c.id == letter_id
            )
        ).one()
        self.audit.append(
            action,
            actor=actor,
            subject_type="application",
            subject_id=row.application_id,
            detail={"letter_id": letter_id, "kind": row.kind, "channel": row.channel, **detail},
        )

    def mark_sent(self, letter_id: int, at: datetime) -> bool:
        """The mail server or Telegram took it (audited)."""
        changed = self._change(
            letter_id,
            (LetterState.QUEUED,),
            state=LetterState.SENT.value,
            sent_at=at,
            claimed_until=None,
            reason=None,
            attempts=LetterRecord.__table__.c.attempts + 1,  # type: ignore[attr-defined]
        )
        if changed:
            self._audit(LetterAction.DELIVERED, letter_id, {})
        return changed

    def postpone(self, letter_id: int, reason: str, retry_at: datetime) -> bool:
        """An outage: the letter waits until ``retry_at`` (audited with the reason code)."""
        changed = self._change(
            letter_id,
            (LetterState.QUEUED,),
            next_attempt_at=retry_at,
            claimed_until=None,
            reason=reason[:200],
            attempts=LetterRecord.__table__.c.attempts + 1,  # type: ignore[attr-defined]
        )
        if changed:
            self._audit(LetterAction.DELAYED, letter_id, {"reason": reason[:200]})
        return changed

    def mark_failed(self, letter_id: int, reason: str) -> bool:
        """Refused for good (audited with the reason code)."""
        changed = self._change(
            letter_id,
            (LetterState.QUEUED,),
            state=LetterState.FAILED.value,
            claimed_until=None,
            reason=reason[:200],
            attempts=LetterRecord.__table__.c.attempts + 1,  # type: ignore[attr-defined]
        )
        if changed:
            self._audit(LetterAction.FAILED, letter_id, {"reason": reason[:200]})
        return changed

    def mark_handed_over(self, letter_id: int, at: datetime, *, actor: str) -> bool:
        """An officer posted or handed over a letter (audited as them)."""
        changed = self._change(
            letter_id, (LetterState.TO_POST,), state=LetterState.SENT.value, sent_at=at
        )
        if changed:
            self._audit(LetterAction.HANDED_OVER, letter_id, {}, actor=actor)
        return changed


def _stored(record: LetterRecord) -> StoredLetter:
    assert record.id is not None
    return StoredLetter(
        id=record.id,
        application_id=record.application_id,
        kind=record.kind,
        channel=LetterChannel(record.channel),
        recipient=record.recipient,
        subject=record.subject,
        note=record.note,
        html=record.html,
        pdf=bytes(record.pdf),
        state=LetterState(record.state),
        attempts=record.attempts,
    )
