"""Officers: the people who decide, found by their email address whatever its case."""

from __future__ import annotations

import abc

from sqlalchemy import select
from sqlmodel import Session

from storage.repositories.audit import SYSTEM, AuditAction, AuditLog
from storage.tables import OfficerRecord


def normal_email(email: str) -> str:
    """An officer's email address as kept and looked up: trimmed, lower case."""
    return email.strip().lower()


class OfficerRepository(abc.ABC):
    """The officers of one unit of work."""

    @abc.abstractmethod
    def add(self, email: str, name: str, *, actor: str = SYSTEM) -> int:
        """Register an officer (audited); return the new id."""

    @abc.abstractmethod
    def find(self, email: str) -> OfficerRecord | None:
        """The officer with this email address, or None."""


class SqlOfficerRepository(OfficerRepository):
    """Officers in the ``officers`` table."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def add(self, email: str, name: str, *, actor: str = SYSTEM) -> int:
        """Register an officer; return the new id."""
        officer = OfficerRecord(email=normal_email(email), name=name)
        self.session.add(officer)
        self.session.flush()
        assert officer.id is not None
        self.audit.append(
            AuditAction.OFFICER_ADDED, actor=actor, subject_type="officer", subject_id=officer.id
        )
        return officer.id

    def find(self, email: str) -> OfficerRecord | None:
        """The officer with this email address, or None."""
        return self.session.execute(
            select(OfficerRecord).where(OfficerRecord.email == normal_email(email))  # type: ignore[arg-type]
        ).scalar_one_or_none()
