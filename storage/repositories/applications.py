"""Applications: the draft as ``trigger extract`` reports it, its workflow status, the messages
that fed it, and (in SQL) the parties, incidents and evidence spans projected out of it."""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlmodel import Session

from storage.errors import ApplicationNotFound, StaleApplication
from storage.repositories.audit import SYSTEM, AuditAction, AuditLog
from storage.repositories.decisions import DecisionRepository
from storage.tables import (
    ApplicationMessageLink,
    ApplicationRecord,
    ApplicationStatus,
    EvidenceSpan,
    InboundRecord,
    IncidentRecord,
    PartyRecord,
    PartyRole,
    utc_now,
)
from trigger.draft import Draft

# The statuses in which an application still takes new messages.
OPEN_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.READY)


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


class ApplicationRepository(abc.ABC):
    """The applications of one unit of work."""

    @abc.abstractmethod
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
        evidence_sources: Mapping[int, int] | None = None,
    ) -> int:
        """Create an application from ``draft`` or replace the draft of ``application_id``.

        The messages in ``inbound_ids`` are linked (links are only ever added).
        ``evidence_sources`` says, by incident position, which message an incident's evidence
        spans point into (a message merged into a thread); other incidents keep the message
        they had, or the first linked one. A threshold
        result in the draft that differs from the last one recorded becomes a new threshold
        decision. With ``expected_version``, raises :class:`StaleApplication` if someone saved
        in between; an unknown ``application_id`` raises :class:`ApplicationNotFound`.
        Audited. Returns the application's id.
        """

    @abc.abstractmethod
    def get(self, application_id: int) -> StoredDraft | None:
        """The stored application with this id, or None."""

    @abc.abstractmethod
    def list_drafts(
        self,
        *,
        status: ApplicationStatus | Collection[ApplicationStatus] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoredDraft]:
        """Applications (in ``status``, one or several), oldest application date first (the
        statutory clock runs from it), then by id."""

    @abc.abstractmethod
    def count(self, status: ApplicationStatus | None = None) -> int:
        """How many applications there are (in ``status``, if given)."""

    @abc.abstractmethod
    def find_open(self, thread_key: str) -> StoredDraft | None:
        """The newest application still open (draft or ready) fed by a message of this thread.

        How a channel finds the application a new message belongs to: a Telegram chat, an
        email thread (the thread key is the first of an inbound message's thread keys).
        """

    @abc.abstractmethod
    def find_open_thread(self, thread_keys: Sequence[str]) -> StoredDraft | None:
        """The newest open application fed by a message of the same email thread: one whose
        thread key, or any of its other thread keys (its own Message-ID, In-Reply-To,
        References), is among ``thread_keys``."""

    @abc.abstractmethod
    def find_open_from(self, sender: str, since: datetime) -> list[StoredDraft]:
        """Open applications fed by a message from ``sender`` (any case) received at or after
        ``since``, newest first."""

    @abc.abstractmethod
    def set_status(
        self, application_id: int, status: ApplicationStatus, *, actor: str = SYSTEM
    ) -> None:
        """Move an application to ``status`` (audited, the version bumped)."""


class SqlApplicationRepository(ApplicationRepository):
    """Applications in the ``applications`` table and the tables projected from the draft."""

    def __init__(self, session: Session, audit: AuditLog, decisions: DecisionRepository) -> None:
        self.session = session
        self.audit = audit
        self.decisions = decisions

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
        evidence_sources: Mapping[int, int] | None = None,
    ) -> int:
        """Create or replace an application (see :meth:`ApplicationRepository.save_draft`);
        the parties, incidents and evidence spans are rebuilt from the draft."""
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
                at_risk=bool(draft.risk_flags),
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
            record.at_risk = bool(draft.risk_flags)
            record.draft = document
            record.updated_at = now
            record.version += 1
            self.session.add(record)
            self.session.flush()
            action = AuditAction.DRAFT_UPDATED
        assert record.id is not None
        linked = self._link_messages(record.id, inbound_ids)
        sources = self._evidence_sources(record.id) if application_id is not None else {}
        sources.update(evidence_sources or {})
        self._replace_projections(record.id, draft, linked[0] if linked else None, sources)
        decided = (
            self.decisions.record_threshold(record.id, draft.threshold)
            if draft.threshold is not None
            else None
        )
        self.audit.append(
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
            self.audit.append(
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

    def _evidence_sources(self, application_id: int) -> dict[int, int]:
        """The message each stored incident's evidence points into, by incident position."""
        rows = self.session.execute(
            select(IncidentRecord.position, EvidenceSpan.inbound_id)  # type: ignore[call-overload]
            .join(EvidenceSpan, EvidenceSpan.incident_id == IncidentRecord.id)
            .where(IncidentRecord.application_id == application_id)
        ).all()
        return {int(position): int(inbound) for position, inbound in rows if inbound is not None}

    def _replace_projections(
        self,
        application_id: int,
        draft: Draft,
        evidence_message: int | None,
        sources: Mapping[int, int],
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
                        inbound_id=sources.get(position, evidence_message),
                        span_start=span.start,
                        span_end=span.end,
                    )
                )
        self.session.flush()

    def get(self, application_id: int) -> StoredDraft | None:
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

    def count(self, status: ApplicationStatus | None = None) -> int:
        """How many applications there are (in ``status``, if given)."""
        statement = select(func.count()).select_from(ApplicationRecord)
        if status is not None:
            statement = statement.where(ApplicationRecord.status == status)  # type: ignore[arg-type]
        return int(self.session.execute(statement).scalar_one())

    def _inbound_ids(self, application_ids: list[int]) -> dict[int, tuple[int, ...]]:
        """The ids of the messages linked to each application, oldest first."""
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
        """The detached view of an application row."""
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

    def find_open(self, thread_key: str) -> StoredDraft | None:
        """The newest open application fed by a message of this thread, or None."""
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        inbound_table = InboundRecord.__table__  # type: ignore[attr-defined]
        statement = (
            select(ApplicationRecord)
            .join(link_table, link_table.c.application_id == ApplicationRecord.id)
            .join(inbound_table, inbound_table.c.id == link_table.c.inbound_id)
            .where(
                inbound_table.c.thread_key == thread_key,
                ApplicationRecord.status.in_(list(OPEN_STATUSES)),  # type: ignore[attr-defined]
            )
            .order_by(ApplicationRecord.id.desc())  # type: ignore[union-attr]
            .limit(1)
        )
        record = self.session.execute(statement).scalar_one_or_none()
        if record is None or record.id is None:
            return None
        return self._stored(record, self._inbound_ids([record.id]).get(record.id, ()))

    def find_open_thread(self, thread_keys: Sequence[str]) -> StoredDraft | None:
        """The newest open application of this email thread; see the abstract method."""
        keys = [key for key in dict.fromkeys(thread_keys) if key]
        if not keys:
            return None
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        inbound_table = InboundRecord.__table__  # type: ignore[attr-defined]
        # Every message of an open application, newest application first: few rows (open
        # applications are a working set), matched on any thread key in Python, since the keys
        # are a JSON list.
        rows = self.session.execute(
            select(link_table.c.application_id, inbound_table.c.thread_keys)
            .join(inbound_table, inbound_table.c.id == link_table.c.inbound_id)
            .join(ApplicationRecord, ApplicationRecord.id == link_table.c.application_id)
            .where(ApplicationRecord.status.in_(list(OPEN_STATUSES)))  # type: ignore[attr-defined]
            .order_by(link_table.c.application_id.desc())
        ).all()
        wanted = set(keys)
        for application_id, stored_keys in rows:
            if wanted.intersection(stored_keys or ()):
                return self.get(int(application_id))
        return None

    def find_open_from(self, sender: str, since: datetime) -> list[StoredDraft]:
        """Open applications fed by ``sender`` since ``since``, newest first."""
        link_table = ApplicationMessageLink.__table__  # type: ignore[attr-defined]
        inbound_table = InboundRecord.__table__  # type: ignore[attr-defined]
        ids = self.session.execute(
            select(link_table.c.application_id)
            .join(inbound_table, inbound_table.c.id == link_table.c.inbound_id)
            .join(ApplicationRecord, ApplicationRecord.id == link_table.c.application_id)
            .where(
                func.lower(inbound_table.c.sender) == sender.lower(),
                inbound_table.c.received_at >= since,
                ApplicationRecord.status.in_(list(OPEN_STATUSES)),  # type: ignore[attr-defined]
            )
            .distinct()
            .order_by(link_table.c.application_id.desc())
        ).scalars()
        found = [self.get(int(application_id)) for application_id in ids]
        return [stored for stored in found if stored is not None]

    def set_status(
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
        self.audit.append(
            AuditAction.APPLICATION_STATUS_CHANGED,
            actor=actor,
            subject_type="application",
            subject_id=application_id,
            detail={"from": str(previous), "to": str(status), "version": record.version},
        )
