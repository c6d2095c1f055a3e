"""Decisions on applications: the threshold engine's (recorded when it changes) and officers'."""

from __future__ import annotations

import abc
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from storage.errors import ApplicationNotFound
from storage.repositories.audit import AuditAction, AuditLog
from storage.tables import ApplicationRecord, DecisionKind, DecisionRecord, utc_now
from trigger.draft import ThresholdResult


class DecisionRepository(abc.ABC):
    """The decisions of one unit of work."""

    @abc.abstractmethod
    def record_threshold(self, application_id: int, result: ThresholdResult) -> int | None:
        """Add the engine's threshold decision unless it equals the last one recorded for the
        application; return the new decision's id, or None when nothing changed."""

    @abc.abstractmethod
    def record_officer(
        self,
        application_id: int,
        *,
        officer_id: int,
        outcome: StrEnum,
        body: dict[str, Any] | None = None,
        note: str | None = None,
        decided_at: datetime | None = None,
    ) -> int:
        """Record an officer's decision on an application (audited); return its id.

        ``outcome`` is the officer's verdict (e.g. met, not met, discretion); ``body`` the
        decision as the console shows it; ``note`` the officer's own words; ``decided_at``
        when (default: now; the console passes its own clock's time). Raises
        :class:`ApplicationNotFound` for an unknown application.
        """

    @abc.abstractmethod
    def for_application(self, application_id: int) -> list[DecisionRecord]:
        """The decisions on an application, oldest first."""


class SqlDecisionRepository(DecisionRepository):
    """Decisions in the ``decisions`` table."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def record_threshold(self, application_id: int, result: ThresholdResult) -> int | None:
        """Add a threshold decision if it differs from the last one; return its id."""
        body = result.model_dump(mode="json")
        last = self.session.execute(
            select(DecisionRecord)
            .where(
                DecisionRecord.application_id == application_id,  # type: ignore[arg-type]
                DecisionRecord.kind == DecisionKind.THRESHOLD,  # type: ignore[arg-type]
            )
            .order_by(DecisionRecord.id.desc())  # type: ignore[union-attr]
            .limit(1)
        ).scalar_one_or_none()
        if last is not None and last.body == body:
            return None
        decision = DecisionRecord(
            application_id=application_id,
            kind=DecisionKind.THRESHOLD,
            status=str(result.status),
            policy=result.policy,
            body=body,
        )
        self.session.add(decision)
        self.session.flush()
        return decision.id

    def record_officer(
        self,
        application_id: int,
        *,
        officer_id: int,
        outcome: StrEnum,
        body: dict[str, Any] | None = None,
        note: str | None = None,
        decided_at: datetime | None = None,
    ) -> int:
        """Record an officer's decision on an application (audited); return its id."""
        if self.session.get(ApplicationRecord, application_id) is None:
            raise ApplicationNotFound(f"no application {application_id}")
        decision = DecisionRecord(
            application_id=application_id,
            kind=DecisionKind.OFFICER,
            status=str(outcome),
            body=dict(body or {}),
            officer_id=officer_id,
            note=note,
            decided_at=decided_at or utc_now(),
        )
        self.session.add(decision)
        self.session.flush()
        assert decision.id is not None
        self.audit.append(
            AuditAction.OFFICER_DECIDED,
            actor=f"officer:{officer_id}",
            subject_type="application",
            subject_id=application_id,
            detail={"decision_id": decision.id, "outcome": str(outcome)},
        )
        return decision.id

    def for_application(self, application_id: int) -> list[DecisionRecord]:
        """The decisions on an application, oldest first."""
        return list(
            self.session.execute(
                select(DecisionRecord)
                .where(DecisionRecord.application_id == application_id)  # type: ignore[arg-type]
                .order_by(DecisionRecord.id)  # type: ignore[arg-type]
            ).scalars()
        )
