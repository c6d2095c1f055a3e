"""The audit log: entries are appended and read, never changed or deleted.

A flush that would change or remove an entry raises :class:`AuditLogIsAppendOnly` (see
:class:`storage.unit_of_work.StorageSession`); the database's own trigger is the second line.
"""

from __future__ import annotations

import abc
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

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
        """Append one entry to the audit log; return its id (see :meth:`AuditLog.append`)."""
        entry = AuditEntry(
            at=utc_now(),
            actor=actor,
            action=str(action),
            subject_type=subject_type,
            subject_id=subject_id,
            detail=dict(detail or {}),
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
