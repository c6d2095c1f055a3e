"""The audit log: entries are appended and read, never changed or deleted.

A flush that would change or remove an entry raises :class:`AuditLogIsAppendOnly` (see
:class:`storage.unit_of_work.StorageSession`); the database's own triggers are the second line
(and on PostgreSQL the application's role owns no table, so it cannot disable them). Every entry
is chained to the one before it by hash (:mod:`storage.audit_chain`): :meth:`AuditLog.verify`
and :func:`verify_audit_log` find an entry rewritten or removed behind the application's back.
"""

from __future__ import annotations

import abc
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, select, text
from sqlmodel import Session, col

from storage.audit_chain import GENESIS, AuditVerification, canonical_content, chain_hash
from storage.audit_chain import normal_detail as normal_detail
from storage.tables import AuditEntry, utc_now

SYSTEM = "system"  # the actor of everything no person did


class AuditAction(StrEnum):
    """What the storage layer itself records in the audit log. Other packages may pass their
    own ``StrEnum`` actions to :meth:`AuditLog.append`."""

    INBOUND_STORED = "inbound.stored"
    INBOUND_STATE_CHANGED = "inbound.state_changed"
    DRAFT_CREATED = "draft.created"
    DRAFT_UPDATED = "draft.updated"
    THRESHOLD_DECIDED = "threshold.decided"
    APPLICATION_STATUS_CHANGED = "application.status_changed"
    OFFICER_DECIDED = "officer.decided"
    OFFICER_ADDED = "officer.added"
    #: An application's acknowledgement email was sent (subject: the application): its
    #: statutory clock counts the acknowledgement step done that day.
    APPLICATION_ACKNOWLEDGED = "application.acknowledged"


class AuditLog(abc.ABC):
    """The append-only audit log of one unit of work."""

    @abc.abstractmethod
    def append(
        self,
        action: StrEnum,
        *,
        actor: str = SYSTEM,
        subject_type: str | None = None,
        subject_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """Append one entry to the audit log; return its id.

        ``detail`` must hold ids, statuses and counts only: never message bodies, names or
        addresses (the log is kept longer than the personal data it refers to).
        """

    @abc.abstractmethod
    def trail(
        self,
        *,
        subject_type: str | None = None,
        subject_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """Audit entries, oldest first, optionally about one subject."""

    @abc.abstractmethod
    def entries_after(self, after_id: int, limit: int = 1000) -> list[AuditEntry]:
        """Up to ``limit`` entries with an id above ``after_id``, in id order (the order of the
        hash chain)."""

    def verify(self, *, batch_size: int = 1000) -> AuditVerification:
        """Walk the whole log in id order, ``batch_size`` entries at a time, checking every
        entry's hash and its link to the entry before it (within this unit of work)."""
        verification = AuditVerification()
        while batch := self.entries_after(verification.last_id, batch_size):
            verification.feed(batch)
        return verification


def new_entry(
    prev_hash: str,
    action: StrEnum,
    *,
    actor: str,
    subject_type: str | None,
    subject_id: int | None,
    detail: dict[str, Any] | None,
) -> AuditEntry:
    """A new audit entry, stamped now, its detail in normal form, chained to ``prev_hash``."""
    entry = AuditEntry(
        at=utc_now(),
        actor=str.__str__(actor),
        action=str(action),
        subject_type=subject_type,
        subject_id=subject_id,
        detail=normal_detail(detail),
        prev_hash=prev_hash,
        hash=GENESIS,  # replaced below, once the content is fixed
    )
    entry.hash = chain_hash(
        prev_hash,
        canonical_content(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            subject_type=entry.subject_type,
            subject_id=entry.subject_id,
            detail=entry.detail,
        ),
    )
    return entry


# Appends on PostgreSQL take this transaction-level advisory lock before reading the last hash,
# so two transactions cannot both chain to the same entry (a fork). SQLite needs none: every
# transaction there begins IMMEDIATE, holding the database's write lock (storage/database.py).
AUDIT_APPEND_LOCK_KEY = 0x61756469746C6F67  # "auditlog"


class SqlAuditLog(AuditLog):
    """The audit log in the ``audit_log`` table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def append(
        self,
        action: StrEnum,
        *,
        actor: str = SYSTEM,
        subject_type: str | None = None,
        subject_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """Append one entry to the audit log, chained to the last one; return its id (see
        :meth:`AuditLog.append`).

        On PostgreSQL this holds an advisory lock until the transaction ends: appends are
        serialised, as the chain requires.
        """
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_APPEND_LOCK_KEY}
            )
        last = self.session.execute(
            select(col(AuditEntry.hash)).order_by(col(AuditEntry.id).desc()).limit(1)
        ).scalar_one_or_none()
        entry = new_entry(
            last or GENESIS,
            action,
            actor=actor,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
        )
        self.session.add(entry)
        self.session.flush()
        assert entry.id is not None
        return entry.id

    def trail(
        self,
        *,
        subject_type: str | None = None,
        subject_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """Audit entries, oldest first, optionally about one subject."""
        statement = select(AuditEntry)
        if subject_type is not None:
            statement = statement.where(AuditEntry.subject_type == subject_type)  # type: ignore[arg-type]
        if subject_id is not None:
            statement = statement.where(AuditEntry.subject_id == subject_id)  # type: ignore[arg-type]
        statement = statement.order_by(AuditEntry.id).limit(limit)  # type: ignore[arg-type]
        return list(self.session.execute(statement).scalars())

    def entries_after(self, after_id: int, limit: int = 1000) -> list[AuditEntry]:
        """Up to ``limit`` entries with an id above ``after_id``, in id order."""
        statement = (
            select(AuditEntry)
            .where(col(AuditEntry.id) > after_id)
            .order_by(col(AuditEntry.id))
            .limit(limit)
        )
        return list(self.session.execute(statement).scalars())


def verify_audit_log(engine: Engine, *, batch_size: int = 1000) -> AuditVerification:
    """Walk the audit log of ``engine``'s database in id order and check every hash and link.

    Each batch is read in its own short transaction, so a long log never holds SQLite's write
    lock for long; entries appended meanwhile are simply checked too (they only ever extend
    the chain).
    """
    verification = AuditVerification()
    while True:
        with Session(engine) as session:
            batch = SqlAuditLog(session).entries_after(verification.last_id, batch_size)
        if not batch:
            return verification
        verification.feed(batch)
