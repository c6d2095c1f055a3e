"""In-memory fakes of our storage ports: a unit of work and one repository per aggregate.

Use cases (``app/``) take a unit-of-work factory; tests hand them ``FakeStorage().unit_of_work``
and read the outcome back through another fake unit of work, with no database at all::

    storage = FakeStorage()
    inbound_store(storage.unit_of_work)(message)
    with storage.unit_of_work() as uow:
        assert uow.inbound.get(1) is not None

The fakes keep the contract of the SQL repositories that a use case can see: idempotent saves,
audit entries in the same order and hash chain, threshold decisions only when they change,
versions, commit on a normal exit, rollback on an exception, savepoints. They are
single-threaded (no row locks) and do not project parties, incidents or evidence spans (a SQL
concern, tested on real databases in tests/adapters/test_storage.py).
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Self

from storage.audit_chain import GENESIS
from storage.errors import ApplicationNotFound, StaleApplication, StorageError
from storage.repositories.applications import OPEN_STATUSES, ApplicationRepository, StoredDraft
from storage.repositories.audit import SYSTEM, AuditAction, AuditLog, new_entry
from storage.repositories.decisions import DecisionRepository
from storage.repositories.inbound import (
    DEFAULT_MEDIA_TYPES,
    InboundMessageLike,
    InboundRepository,
    evidence_bytes,
    require_aware,
)
from storage.repositories.officers import OfficerRepository, normal_email
from storage.tables import (
    ApplicationStatus,
    AuditEntry,
    DecisionKind,
    DecisionRecord,
    InboundRecord,
    InboundState,
    OfficerRecord,
    utc_now,
)
from storage.unit_of_work import UnitOfWork
from trigger.draft import Draft, ThresholdResult
from trigger.inbound import sha256_hex


@dataclass
class Tables:
    """Everything a fake storage keeps; copied whole for commits, rollbacks and savepoints."""

    inbound: dict[int, InboundRecord] = field(default_factory=dict)
    applications: dict[int, StoredDraft] = field(default_factory=dict)
    decisions: list[DecisionRecord] = field(default_factory=list)
    officers: dict[int, OfficerRecord] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    last_id: dict[str, int] = field(default_factory=dict)

    def next_id(self, table: str) -> int:
        """The next id of ``table`` (ids start at 1, as in the database)."""
        self.last_id[table] = self.last_id.get(table, 0) + 1
        return self.last_id[table]


@dataclass
class FakeStorage:
    """The in-memory "database" that every fake unit of work made from it shares."""

    tables: Tables = field(default_factory=Tables)
    commits: int = 0

    def unit_of_work(self) -> FakeUnitOfWork:
        """A new fake unit of work over this storage: the factory use cases take."""
        return FakeUnitOfWork(self)


class FakeAuditLog(AuditLog):
    """The audit log as a list."""

    def __init__(self, storage: FakeStorage) -> None:
        self.storage = storage

    def append(
        self,
        action: StrEnum,
        *,
        actor: str = SYSTEM,
        subject_type: str | None = None,
        subject_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """Append an entry chained to the last one, as the database's log does; return its id."""
        tables = self.storage.tables
        entry = new_entry(
            tables.audit[-1].hash if tables.audit else GENESIS,
            action,
            actor=actor,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
        )
        entry.id = tables.next_id("audit")
        tables.audit.append(entry)
        return entry.id

    def trail(
        self,
        *,
        subject_type: str | None = None,
        subject_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """Entries, oldest first, optionally about one subject."""
        return [
            copy.deepcopy(entry)
            for entry in self.storage.tables.audit
            if subject_type in (None, entry.subject_type) and subject_id in (None, entry.subject_id)
        ][:limit]

    def entries_after(self, after_id: int, limit: int = 1000) -> list[AuditEntry]:
        """Up to ``limit`` entries with an id above ``after_id``, in id order."""
        return [
            copy.deepcopy(entry)
            for entry in self.storage.tables.audit
            if entry.id is not None and entry.id > after_id
        ][:limit]


class FakeInboundRepository(InboundRepository):
    """Inbound messages in a dict by id."""

    def __init__(self, storage: FakeStorage, audit: AuditLog) -> None:
        self.storage = storage
        self.audit = audit

    def save(
        self,
        message: InboundMessageLike,
        *,
        raw_media_type: str | None = None,
        actor: str = SYSTEM,
    ) -> tuple[int, bool]:
        """Store a message unless (channel, external id) is already stored."""
        require_aware(message.received_at, "received_at")
        evidence = evidence_bytes(message)
        existing = self.find(message.channel, message.external_id)
        if existing is not None:
            assert existing.id is not None
            return existing.id, False
        channel = str(message.channel)
        thread_keys = [str(key) for key in message.thread_keys]
        now = utc_now()
        tables = self.storage.tables
        record = InboundRecord(
            id=tables.next_id("inbound"),
            channel=channel,
            external_id=message.external_id,
            sender=message.sender,
            received_at=message.received_at,
            stored_at=now,
            thread_key=thread_keys[0] if thread_keys else None,
            thread_keys=thread_keys,
            raw=message.raw,
            raw_media_type=raw_media_type or DEFAULT_MEDIA_TYPES.get(channel),
            raw_sha256=sha256_hex(evidence),
            text=message.text,
            state=InboundState.RECEIVED,
            state_changed_at=now,
            attempts=0,
        )
        assert record.id is not None
        tables.inbound[record.id] = record
        self.audit.append(
            AuditAction.INBOUND_STORED,
            actor=actor,
            subject_type="inbound",
            subject_id=record.id,
            detail={"channel": channel, "sha256": record.raw_sha256},
        )
        return record.id, True

    def get(self, inbound_id: int) -> InboundRecord | None:
        """The stored message with this id, or None (a copy: change it through the fake)."""
        record = self.storage.tables.inbound.get(inbound_id)
        return copy.deepcopy(record)

    def find(self, channel: str, external_id: str) -> InboundRecord | None:
        """The stored message with this (channel, external id), or None."""
        for record in self.storage.tables.inbound.values():
            if record.channel == str(channel) and record.external_id == external_id:
                return copy.deepcopy(record)
        return None

    def claim(
        self, limit: int = 10, states: Collection[InboundState] = (InboundState.RECEIVED,)
    ) -> list[InboundRecord]:
        """Up to ``limit`` messages in ``states``, oldest first (nothing to lock here)."""
        waiting = [
            record
            for _, record in sorted(self.storage.tables.inbound.items())
            if record.state in states
        ]
        return copy.deepcopy(waiting[:limit])

    def take(
        self, limit: int, *, lease: timedelta, channels: Collection[str] | None = None
    ) -> list[InboundRecord]:
        """Up to ``limit`` waiting messages (of ``channels``) not leased (or whose lease ran
        out), oldest first: each counts an attempt and is leased for ``lease``."""
        now = utc_now()
        taken: list[InboundRecord] = []
        for _, record in sorted(self.storage.tables.inbound.items()):
            if len(taken) >= limit:
                break
            if record.state is not InboundState.RECEIVED:
                continue
            if channels is not None and str(record.channel) not in {str(c) for c in channels}:
                continue
            if record.claimed_until is not None and record.claimed_until >= now:
                continue
            record.attempts += 1
            record.claimed_until = now + lease
            taken.append(copy.deepcopy(record))
        return taken

    def release(self, inbound_id: int, *, attempts: int) -> bool:
        """Give back a taken message: it waits again, its attempt uncounted."""
        record = self.storage.tables.inbound.get(inbound_id)
        if record is None or record.state is not InboundState.RECEIVED:
            return False
        if record.attempts != attempts or record.claimed_until is None:
            return False
        record.attempts -= 1
        record.claimed_until = None
        return True

    def set_state(
        self,
        inbound_id: int,
        state: InboundState,
        *,
        error: str | None = None,
        actor: str = SYSTEM,
    ) -> None:
        """Record how far a message got (audited)."""
        record = self.storage.tables.inbound.get(inbound_id)
        if record is None:
            raise StorageError(f"no inbound message {inbound_id}")
        previous = record.state
        record.state = state
        record.state_changed_at = utc_now()
        record.error = error
        record.claimed_until = None
        self.audit.append(
            AuditAction.INBOUND_STATE_CHANGED,
            actor=actor,
            subject_type="inbound",
            subject_id=inbound_id,
            detail={"from": str(previous), "to": str(state)},
        )


class FakeDecisionRepository(DecisionRepository):
    """Decisions in a list."""

    def __init__(self, storage: FakeStorage, audit: AuditLog) -> None:
        self.storage = storage
        self.audit = audit

    def record_threshold(self, application_id: int, result: ThresholdResult) -> int | None:
        """Add a threshold decision unless it equals the last one; return its id."""
        body = result.model_dump(mode="json")
        earlier = [
            decision
            for decision in self.storage.tables.decisions
            if decision.application_id == application_id and decision.kind is DecisionKind.THRESHOLD
        ]
        if earlier and earlier[-1].body == body:
            return None
        return self._add(
            DecisionRecord(
                application_id=application_id,
                kind=DecisionKind.THRESHOLD,
                status=str(result.status),
                policy=result.policy,
                body=body,
            )
        )

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
        """Record an officer's decision (audited); return its id."""
        if application_id not in self.storage.tables.applications:
            raise ApplicationNotFound(f"no application {application_id}")
        decision_id = self._add(
            DecisionRecord(
                application_id=application_id,
                kind=DecisionKind.OFFICER,
                status=str(outcome),
                body=dict(body or {}),
                officer_id=officer_id,
                note=note,
                decided_at=decided_at or utc_now(),
            )
        )
        self.audit.append(
            AuditAction.OFFICER_DECIDED,
            actor=f"officer:{officer_id}",
            subject_type="application",
            subject_id=application_id,
            detail={"decision_id": decision_id, "outcome": str(outcome)},
        )
        return decision_id

    def _add(self, decision: DecisionRecord) -> int:
        tables = self.storage.tables
        decision.id = tables.next_id("decisions")
        tables.decisions.append(decision)
        return decision.id

    def for_application(self, application_id: int) -> list[DecisionRecord]:
        """The decisions on an application, oldest first."""
        return [
            copy.deepcopy(decision)
            for decision in self.storage.tables.decisions
            if decision.application_id == application_id
        ]


class FakeApplicationRepository(ApplicationRepository):
    """Applications as :class:`StoredDraft` values in a dict by id."""

    def __init__(
        self, storage: FakeStorage, audit: AuditLog, decisions: DecisionRepository
    ) -> None:
        self.storage = storage
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
        """Create an application from ``draft`` or replace the draft of ``application_id``
        (no evidence rows here: ``evidence_sources`` is not kept)."""
        tables = self.storage.tables
        unknown = set(inbound_ids) - set(tables.inbound)
        if unknown:  # the database's foreign key
            raise StorageError(f"no inbound message {min(unknown)}")
        threshold_status = str(draft.threshold.status) if draft.threshold else None
        now = utc_now()
        if application_id is None:
            stored = StoredDraft(
                id=tables.next_id("applications"),
                status=status or ApplicationStatus.DRAFT,
                policy=policy,
                draft=draft.model_copy(deep=True),
                received_at=draft.received_at,
                created_at=now,
                updated_at=now,
                version=1,
                inbound_ids=tuple(sorted(set(inbound_ids))),
            )
            action = AuditAction.DRAFT_CREATED
        else:
            found = tables.applications.get(application_id)
            if found is None:
                raise ApplicationNotFound(f"no application {application_id}")
            if expected_version is not None and found.version != expected_version:
                raise StaleApplication(
                    f"application {application_id} is at version {found.version}, "
                    f"not {expected_version}"
                )
            stored = replace(
                found,
                status=status or found.status,
                policy=policy,
                draft=draft.model_copy(deep=True),
                received_at=draft.received_at,
                updated_at=now,
                version=found.version + 1,
                inbound_ids=tuple(sorted(set(found.inbound_ids) | set(inbound_ids))),
            )
            action = AuditAction.DRAFT_UPDATED
        tables.applications[stored.id] = stored
        decided = (
            self.decisions.record_threshold(stored.id, draft.threshold)
            if draft.threshold is not None
            else None
        )
        self.audit.append(
            action,
            actor=actor,
            subject_type="application",
            subject_id=stored.id,
            detail={
                "status": str(stored.status),
                "policy": policy,
                "version": stored.version,
                "incidents": len(draft.incidents),
                "threshold_status": threshold_status,
                "inbound_ids": list(stored.inbound_ids),
            },
        )
        if decided is not None:
            self.audit.append(
                AuditAction.THRESHOLD_DECIDED,
                actor=actor,
                subject_type="application",
                subject_id=stored.id,
                detail={"decision_id": decided, "status": threshold_status, "policy": policy},
            )
        return stored.id

    def get(self, application_id: int) -> StoredDraft | None:
        """The stored application with this id, or None."""
        return copy.deepcopy(self.storage.tables.applications.get(application_id))

    def list_drafts(
        self,
        *,
        status: ApplicationStatus | Collection[ApplicationStatus] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoredDraft]:
        """Applications, oldest application date first, then by id."""
        if isinstance(status, str):
            wanted: set[ApplicationStatus] | None = {ApplicationStatus(status)}
        else:
            wanted = None if status is None else {ApplicationStatus(one) for one in status}
        found = sorted(
            (
                stored
                for stored in self.storage.tables.applications.values()
                if wanted is None or stored.status in wanted
            ),
            key=lambda stored: (stored.received_at, stored.id),
        )
        return copy.deepcopy(found[offset : offset + limit])

    def count(self, status: ApplicationStatus | None = None) -> int:
        """How many applications there are (in ``status``, if given)."""
        return sum(
            1
            for stored in self.storage.tables.applications.values()
            if status is None or stored.status is status
        )

    def find_open(self, thread_key: str) -> StoredDraft | None:
        """The newest open application fed by a message of this thread, or None."""
        tables = self.storage.tables
        for application_id in sorted(tables.applications, reverse=True):
            stored = tables.applications[application_id]
            if stored.status in OPEN_STATUSES and any(
                tables.inbound[inbound_id].thread_key == thread_key
                for inbound_id in stored.inbound_ids
            ):
                return copy.deepcopy(stored)
        return None

    def find_open_thread(self, thread_keys: Sequence[str]) -> StoredDraft | None:
        """The newest open application one of whose messages has one of ``thread_keys``."""
        tables = self.storage.tables
        wanted = {key for key in thread_keys if key}
        for application_id in sorted(tables.applications, reverse=True):
            stored = tables.applications[application_id]
            if stored.status in OPEN_STATUSES and any(
                wanted.intersection(tables.inbound[inbound_id].thread_keys)
                for inbound_id in stored.inbound_ids
            ):
                return copy.deepcopy(stored)
        return None

    def find_open_from(self, sender: str, since: datetime) -> list[StoredDraft]:
        """Open applications fed by ``sender`` since ``since``, newest first."""
        tables = self.storage.tables
        found = []
        for application_id in sorted(tables.applications, reverse=True):
            stored = tables.applications[application_id]
            if stored.status in OPEN_STATUSES and any(
                (tables.inbound[inbound_id].sender or "").lower() == sender.lower()
                and tables.inbound[inbound_id].received_at >= since
                for inbound_id in stored.inbound_ids
            ):
                found.append(copy.deepcopy(stored))
        return found

    def set_status(
        self, application_id: int, status: ApplicationStatus, *, actor: str = SYSTEM
    ) -> None:
        """Move an application to ``status`` (audited)."""
        tables = self.storage.tables
        found = tables.applications.get(application_id)
        if found is None:
            raise ApplicationNotFound(f"no application {application_id}")
        stored = replace(found, status=status, updated_at=utc_now(), version=found.version + 1)
        tables.applications[application_id] = stored
        self.audit.append(
            AuditAction.APPLICATION_STATUS_CHANGED,
            actor=actor,
            subject_type="application",
            subject_id=application_id,
            detail={"from": str(found.status), "to": str(status), "version": stored.version},
        )


class FakeOfficerRepository(OfficerRepository):
    """Officers in a dict by id."""

    def __init__(self, storage: FakeStorage, audit: AuditLog) -> None:
        self.storage = storage
        self.audit = audit

    def add(self, email: str, name: str, *, actor: str = SYSTEM) -> int:
        """Register an officer; return the new id."""
        if self.find(email) is not None:  # the database's unique constraint
            raise StorageError("an officer with this email address exists")
        tables = self.storage.tables
        officer = OfficerRecord(id=tables.next_id("officers"), email=normal_email(email), name=name)
        assert officer.id is not None
        tables.officers[officer.id] = officer
        self.audit.append(
            AuditAction.OFFICER_ADDED, actor=actor, subject_type="officer", subject_id=officer.id
        )
        return officer.id

    def find(self, email: str) -> OfficerRecord | None:
        """The officer with this email address, or None."""
        for officer in self.storage.tables.officers.values():
            if officer.email == normal_email(email):
                return copy.deepcopy(officer)
        return None


class FakeUnitOfWork(UnitOfWork):
    """A unit of work over a :class:`FakeStorage`: a rollback puts back the tables as they were
    at the last commit (or at the start), a failed savepoint as they were when it began."""

    def __init__(self, storage: FakeStorage) -> None:
        self.storage = storage
        self.committed = False
        self._begun = Tables()

    def __enter__(self) -> Self:
        self._begun = copy.deepcopy(self.storage.tables)
        self.audit = FakeAuditLog(self.storage)
        self.inbound = FakeInboundRepository(self.storage, self.audit)
        self.decisions = FakeDecisionRepository(self.storage, self.audit)
        self.applications = FakeApplicationRepository(self.storage, self.audit, self.decisions)
        self.officers = FakeOfficerRepository(self.storage, self.audit)
        return super().__enter__()

    def commit(self) -> None:
        """Keep the work so far."""
        self._begun = copy.deepcopy(self.storage.tables)
        self.committed = True
        self.storage.commits += 1

    def rollback(self) -> None:
        """Put the tables back as they were at the last commit."""
        self.storage.tables = copy.deepcopy(self._begun)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Undo the block's changes, and pass its exception on, if it raises."""
        before = copy.deepcopy(self.storage.tables)
        try:
            yield
        except BaseException:
            self.storage.tables = before
            raise
