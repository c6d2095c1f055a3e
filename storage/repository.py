"""Repositories over one unit of work: the only way the rest of the system reads and writes.

Usage::

    engine = connect(settings.database_url)
    upgrade(engine)
    with unit_of_work(engine) as repo:
        inbound_id, created = repo.save_inbound(message)
        application_id = repo.save_draft(draft, policy="hartlepool", inbound_ids=[inbound_id])

A unit of work commits when its block ends normally and rolls back when it raises. The audit
log has no update or delete here, and a flush that would change or remove an audit entry
raises :class:`AuditLogIsAppendOnly` (the database's own trigger is the second line).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import Engine, Insert, delete, event, func, insert, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session

from storage.tables import (
    ApplicationMessageLink,
    ApplicationRecord,
    ApplicationStatus,
    AuditEntry,
    DecisionKind,
    DecisionRecord,
    EvidenceSpan,
    InboundRecord,
    InboundState,
    IncidentRecord,
    OfficerRecord,
    PartyRecord,
    PartyRole,
    utc_now,
)
from trigger.draft import Draft
from trigger.inbound import InboundChannel, InboundMessage, sha256_hex

NewInbound = InboundMessage  # the name this module used before the domain owned the type

SYSTEM = "system"  # the actor of everything no person did

# What the raw bytes of each channel are, when the caller does not say.
_DEFAULT_MEDIA_TYPES: dict[str, str] = {
    InboundChannel.EMAIL.value: "message/rfc822",
    InboundChannel.TELEGRAM.value: "application/json",
}


class StorageError(Exception):
    """Base of the errors this package raises on purpose."""


class AuditLogIsAppendOnly(StorageError):
    """Something tried to change or delete an audit entry."""


class ApplicationNotFound(StorageError):
    """No application has the given id."""


class StaleApplication(StorageError):
    """The application changed since the caller read it (optimistic concurrency)."""


class AuditAction(StrEnum):
    """What the storage layer itself records in the audit log. Other packages may pass their
    own ``StrEnum`` actions to :meth:`Repository.append_audit`."""

    INBOUND_STORED = "inbound.stored"
    INBOUND_STATE_CHANGED = "inbound.state_changed"
    DRAFT_CREATED = "draft.created"
    DRAFT_UPDATED = "draft.updated"
    THRESHOLD_DECIDED = "threshold.decided"
    APPLICATION_STATUS_CHANGED = "application.status_changed"
    OFFICER_DECIDED = "officer.decided"
    OFFICER_ADDED = "officer.added"


class InboundMessageLike(Protocol):
    """What :meth:`Repository.save_inbound` needs from a channel's inbound message."""

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


@dataclass(frozen=True)
class StoredDraft:
    """An application as stored: its draft plus workflow facts. Detached from any session."""

    id: int
    status: ApplicationStatus
    policy: str
    draft: Draft
    received_at: datetime
    created_at: datetime
    updated_at: datetime
    version: int
    inbound_ids: tuple[int, ...]


class StorageSession(Session):
    """Our session: refuses to flush changes to audit entries."""


@event.listens_for(StorageSession, "before_flush")
def _refuse_audit_changes(
    session: OrmSession, _flush_context: UOWTransaction, _instances: object
) -> None:
    for instance in session.deleted:
        if isinstance(instance, AuditEntry):
            raise AuditLogIsAppendOnly("audit entries cannot be deleted")
    for instance in session.dirty:
        if isinstance(instance, AuditEntry) and session.is_modified(instance):
            raise AuditLogIsAppendOnly("audit entries cannot be changed")


def _require_aware(value: datetime, name: str) -> None:
    if value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")


class Repository:
    """Reads and writes inside one session; see :func:`unit_of_work`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- inbound messages -------------------------------------------------------------------

    def save_inbound(
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
        _require_aware(message.received_at, "received_at")
        if message.raw is not None:
            evidence = message.raw
        elif message.text is not None:
            evidence = message.text.encode("utf-8")
        else:
            raise ValueError("an inbound message needs its raw bytes or its text")
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
            "raw_media_type": raw_media_type or _DEFAULT_MEDIA_TYPES.get(channel),
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
        self.append_audit(
            AuditAction.INBOUND_STORED,
            actor=actor,
            subject_type="inbound",
            subject_id=new_id,
            detail={"channel": channel, "sha256": values["raw_sha256"]},
        )
        return int(new_id), True

    def get_inbound(self, inbound_id: int) -> InboundRecord | None:
        """The stored message with this id, or None."""
        return self.session.get(InboundRecord, inbound_id)

    def find_inbound(self, channel: str, external_id: str) -> InboundRecord | None:
        """The stored message with this (channel, external id), or None."""
        return self.session.execute(
            select(InboundRecord).where(
                InboundRecord.channel == str(channel),  # type: ignore[arg-type]
                InboundRecord.external_id == external_id,  # type: ignore[arg-type]
            )
        ).scalar_one_or_none()

    def claim_inbound(
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

    def set_inbound_state(
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
        if state is InboundState.FAILED:
            record.attempts += 1
        self.session.add(record)
        self.append_audit(
            AuditAction.INBOUND_STATE_CHANGED,
            actor=actor,
            subject_type="inbound",
            subject_id=inbound_id,
            detail={"from": str(previous), "to": str(state)},
        )

    # -- applications (drafts) --------------------------------------------------------------

    def save_draft(
        self,
        draft: Draft,
        *,
        policy: str,
        inbound_ids: Iterable[int] = (),
        application_id: int | None = None,
        status: ApplicationStatus | None = None,
        expected_version: int | None = None,
        actor: str = SYSTEM,
    ) -> int:
        """Create an application from ``draft`` or replace the draft of ``application_id``.

        The parties, incidents and evidence spans are rebuilt from the draft; the messages in
        ``inbound_ids`` are linked (links are only ever added). A threshold result in the draft
        that differs from the last one recorded becomes a new threshold decision. With
        ``expected_version``, raises :class:`StaleApplication` if someone saved in between.
        Returns the application's id.
        """
        document = draft.model_dump(mode="json")
        threshold_status = str(draft.threshold.status) if draft.threshold else None
        now = utc_now()
        if application_id is None:
            record = ApplicationRecord(
                status=status or ApplicationStatus.DRAFT,
                policy=policy,
                channel=str(draft.channel),
                received_at=draft.received_at,
                threshold_status=threshold_status,
                draft=document,
                created_at=now,
                updated_at=now,
            )
            self.session.add(record)
            self.session.flush()
            action = AuditAction.DRAFT_CREATED
        else:
            found = self.session.get(ApplicationRecord, application_id, with_for_update=True)
            if found is None:
                raise ApplicationNotFound(f"no application {application_id}")
            if expected_version is not None and found.version != expected_version:
                raise StaleApplication(
                    f"application {application_id} is at version {found.version}, "
                    f"not {expected_version}"
                )
            record = found
            record.status = status or record.status
            record.policy = policy
            record.channel = str(draft.channel)
            record.received_at = draft.received_at
            record.threshold_status = threshold_status
            record.draft = document
            record.updated_at = now
            record.version += 1
            self.session.add(record)
            self.session.flush()
            action = AuditAction.DRAFT_UPDATED
        assert record.id is not None
        linked = self._link_messages(record.id, inbound_ids)
        evidence_message = linked[0] if linked else None
        self._replace_projections(record.id, draft, evidence_message)
        decided = self._record_threshold(record.id, draft)
        self.append_audit(
            action,
            actor=actor,
            subject_type="application",
            subject_id=record.id,
            detail={
                "status": str(record.status),
                "policy": policy,
                "version": record.version,
                "incidents": len(draft.incidents),
                "threshold_status": threshold_status,
                "inbound_ids": list(linked),
            },
        )
        if decided is not None:
            self.append_audit(
                AuditAction.THRESHOLD_DECIDED,
                actor=actor,
                subject_type="application",
                subject_id=record.id,
                detail={"decision_id": decided, "status": threshold_status, "policy": policy},
            )
        return record.id

    def _link_messages(self, application_id: int, inbound_ids: Iterable[int]) -> list[int]:
        """Add links to messages not yet linked; return every linked id, oldest first."""
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        existing = set(
            self.session.execute(
                select(link_table.c.inbound_id).where(link_table.c.application_id == application_id)
            ).scalars()
        )
        new = sorted(set(inbound_ids) - existing)
        if new:
            now = utc_now()
            self.session.execute(
                insert(link_table),
                [
                    {"application_id": application_id, "inbound_id": inbound_id, "linked_at": now}
                    for inbound_id in new
                ],
            )
        return sorted(existing | set(new))

    def _replace_projections(
        self, application_id: int, draft: Draft, evidence_message: int | None
    ) -> None:
        """Rebuild the parties, incidents and evidence spans of an application from its draft."""
        # Evidence rows go with their incidents (ON DELETE CASCADE, on both databases).
        self.session.execute(
            delete(PartyRecord).where(PartyRecord.application_id == application_id)  # type: ignore[arg-type]
        )
        self.session.execute(
            delete(IncidentRecord).where(IncidentRecord.application_id == application_id)  # type: ignore[arg-type]
        )
        applicant, victim = draft.applicant, draft.victim
        self.session.add(
            PartyRecord(
                application_id=application_id,
                role=PartyRole.APPLICANT,
                applicant_role=applicant.role,
                name=applicant.name,
                email=applicant.email,
                phone=applicant.phone,
                relationship=applicant.relationship,
            )
        )
        self.session.add(
            PartyRecord(
                application_id=application_id,
                role=PartyRole.VICTIM,
                name=victim.name,
                email=victim.email,
                phone=victim.phone,
                address=victim.address,
                consent=draft.consent,
            )
        )
        for position, incident in enumerate(draft.incidents):
            record = IncidentRecord(
                application_id=application_id,
                position=position,
                occurred_start=incident.occurred.start,
                occurred_end=incident.occurred.end,
                reported=incident.reported,
                reported_on=incident.reported_on,
                agencies=[str(agency) for agency in incident.agencies],
                references=list(incident.references),
                hate_strands=[str(strand) for strand in incident.hate_strands],
                summary=incident.summary,
            )
            self.session.add(record)
            self.session.flush()
            assert record.id is not None
            for span in incident.evidence:
                self.session.add(
                    EvidenceSpan(
                        incident_id=record.id,
                        inbound_id=evidence_message,
                        span_start=span.start,
                        span_end=span.end,
                    )
                )
        self.session.flush()

    def _record_threshold(self, application_id: int, draft: Draft) -> int | None:
        """Add a threshold decision if the draft's differs from the last one; return its id."""
        if draft.threshold is None:
            return None
        body = draft.threshold.model_dump(mode="json")
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
            status=str(draft.threshold.status),
            policy=draft.threshold.policy,
            body=body,
        )
        self.session.add(decision)
        self.session.flush()
        return decision.id

    def get_draft(self, application_id: int) -> StoredDraft | None:
        """The stored application with this id, or None."""
        record = self.session.get(ApplicationRecord, application_id)
        if record is None:
            return None
        return self._stored(record, self._inbound_ids([application_id]).get(application_id, ()))

    def list_drafts(
        self,
        *,
        status: ApplicationStatus | Collection[ApplicationStatus] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoredDraft]:
        """Applications, oldest application date first (the statutory clock runs from it)."""
        statement = select(ApplicationRecord)
        if isinstance(status, str):  # one status (a StrEnum is a str, not a collection)
            statement = statement.where(ApplicationRecord.status == ApplicationStatus(status))  # type: ignore[arg-type]
        elif status is not None:
            wanted = [ApplicationStatus(one) for one in status]
            statement = statement.where(ApplicationRecord.status.in_(wanted))  # type: ignore[attr-defined]
        statement = (
            statement.order_by(ApplicationRecord.received_at, ApplicationRecord.id)  # type: ignore[arg-type]
            .limit(limit)
            .offset(offset)
        )
        records = list(self.session.execute(statement).scalars())
        links = self._inbound_ids([record.id for record in records if record.id is not None])
        return [self._stored(record, links.get(record.id or 0, ())) for record in records]

    def count_drafts(self, status: ApplicationStatus | None = None) -> int:
        """How many applications there are (in ``status``, if given)."""
        statement = select(func.count()).select_from(ApplicationRecord)
        if status is not None:
            statement = statement.where(ApplicationRecord.status == status)  # type: ignore[arg-type]
        return int(self.session.execute(statement).scalar_one())

    def _inbound_ids(self, application_ids: list[int]) -> dict[int, tuple[int, ...]]:
        if not application_ids:
            return {}
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        rows = self.session.execute(
            select(link_table.c.application_id, link_table.c.inbound_id)
            .where(link_table.c.application_id.in_(application_ids))
            .order_by(link_table.c.inbound_id)
        ).all()
        result: dict[int, list[int]] = {}
        for application_id, inbound_id in rows:
            result.setdefault(application_id, []).append(inbound_id)
        return {key: tuple(value) for key, value in result.items()}

    @staticmethod
    def _stored(record: ApplicationRecord, inbound_ids: tuple[int, ...]) -> StoredDraft:
        assert record.id is not None
        return StoredDraft(
            id=record.id,
            status=ApplicationStatus(record.status),
            policy=record.policy,
            draft=Draft.model_validate(record.draft),
            received_at=record.received_at,
            created_at=record.created_at,
            updated_at=record.updated_at,
            version=record.version,
            inbound_ids=inbound_ids,
        )

    def find_open_application(self, thread_key: str) -> StoredDraft | None:
        """The newest application still open (draft or ready) fed by a message of this thread.

        How a channel finds the application a new message belongs to: a Telegram chat, an
        email thread (the thread key is the first of an inbound message's thread keys).
        """
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        inbound_table = InboundRecord.__table__  # type: ignore[attr-defined]
        statement = (
            select(ApplicationRecord)
            .join(link_table, link_table.c.application_id == ApplicationRecord.id)
            .join(inbound_table, inbound_table.c.id == link_table.c.inbound_id)
            .where(
                inbound_table.c.thread_key == thread_key,
                ApplicationRecord.status.in_(  # type: ignore[attr-defined]
                    [ApplicationStatus.DRAFT, ApplicationStatus.READY]
                ),
            )
            .order_by(ApplicationRecord.id.desc())  # type: ignore[union-attr]
            .limit(1)
        )
        record = self.session.execute(statement).scalar_one_or_none()
        if record is None or record.id is None:
            return None
        return self._stored(record, self._inbound_ids([record.id]).get(record.id, ()))

    def set_application_status(
        self, application_id: int, status: ApplicationStatus, *, actor: str = SYSTEM
    ) -> None:
        """Move an application to ``status`` (audited)."""
        record = self.session.get(ApplicationRecord, application_id, with_for_update=True)
        if record is None:
            raise ApplicationNotFound(f"no application {application_id}")
        previous = record.status
        record.status = status
        record.updated_at = utc_now()
        record.version += 1
        self.session.add(record)
        self.session.flush()
        self.append_audit(
            AuditAction.APPLICATION_STATUS_CHANGED,
            actor=actor,
            subject_type="application",
            subject_id=application_id,
            detail={"from": str(previous), "to": str(status), "version": record.version},
        )

    def record_officer_decision(
        self,
        application_id: int,
        *,
        officer_id: int,
        outcome: StrEnum,
        body: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> int:
        """Record an officer's decision on an application (audited); return its id.

        ``outcome`` is the officer's verdict (e.g. met, not met, discretion); ``body`` the
        decision as the console shows it; ``note`` the officer's own words.
        """
        if self.session.get(ApplicationRecord, application_id) is None:
            raise ApplicationNotFound(f"no application {application_id}")
        decision = DecisionRecord(
            application_id=application_id,
            kind=DecisionKind.OFFICER,
            status=str(outcome),
            body=dict(body or {}),
            officer_id=officer_id,
            note=note,
        )
        self.session.add(decision)
        self.session.flush()
        assert decision.id is not None
        self.append_audit(
            AuditAction.OFFICER_DECIDED,
            actor=f"officer:{officer_id}",
            subject_type="application",
            subject_id=application_id,
            detail={"decision_id": decision.id, "outcome": str(outcome)},
        )
        return decision.id

    def decisions(self, application_id: int) -> list[DecisionRecord]:
        """The decisions on an application, oldest first."""
        return list(
            self.session.execute(
                select(DecisionRecord)
                .where(DecisionRecord.application_id == application_id)  # type: ignore[arg-type]
                .order_by(DecisionRecord.id)  # type: ignore[arg-type]
            ).scalars()
        )

    # -- officers ---------------------------------------------------------------------------

    def add_officer(self, email: str, name: str, *, actor: str = SYSTEM) -> int:
        """Register an officer; return the new id."""
        officer = OfficerRecord(email=email.strip().lower(), name=name)
        self.session.add(officer)
        self.session.flush()
        assert officer.id is not None
        self.append_audit(
            AuditAction.OFFICER_ADDED, actor=actor, subject_type="officer", subject_id=officer.id
        )
        return officer.id

    def find_officer(self, email: str) -> OfficerRecord | None:
        """The officer with this email address, or None."""
        return self.session.execute(
            select(OfficerRecord).where(OfficerRecord.email == email.strip().lower())  # type: ignore[arg-type]
        ).scalar_one_or_none()

    # -- audit log --------------------------------------------------------------------------

    def append_audit(
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

    def audit_trail(
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


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Repository]:
    """A repository over a new session: commit at the end of the block, roll back on error."""
    with StorageSession(engine, expire_on_commit=False) as session:
        with session.begin():
            yield Repository(session)
