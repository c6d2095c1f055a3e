"""The repositories and the unit of work against real databases: every test runs on SQLite and
on PostgreSQL."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from storage.database import connect
from storage.errors import ApplicationNotFound, AuditLogIsAppendOnly, StaleApplication
from storage.migrate import upgrade
from storage.repositories.audit import AuditAction
from storage.tables import (
    ApplicationStatus,
    AuditEntry,
    DecisionKind,
    EvidenceSpan,
    InboundState,
    IncidentRecord,
    PartyRecord,
    PartyRole,
)
from storage.unit_of_work import SqlUnitOfWork
from trigger.draft import Applicant, DateRange, Draft, Incident, Span, ThresholdResult, Victim
from trigger.inbound import InboundChannel, InboundMessage
from trigger.vocabulary import Agency, ApplicantRole, Channel, Consent, Status

RAW_EMAIL = (
    b"From: Jane Example <jane@example.org>\r\nMessage-ID: <m1@example.org>\r\n"
    b"Subject: noise\r\n\r\nThe neighbours played loud music again on 3 March.\r\n"
)
BST = timezone(timedelta(hours=1))


def email(external_id: str = "imap:1:42", raw: bytes = RAW_EMAIL) -> InboundMessage:
    return InboundMessage(
        channel=InboundChannel.EMAIL,
        external_id=external_id,
        received_at=datetime(2025, 4, 1, 9, 30, tzinfo=BST),
        raw=raw,
        sender="jane@example.org",
        thread_keys=("<m1@example.org>",),
    )


def a_draft(*, incidents: int = 2, threshold: Status | None = None) -> Draft:
    return Draft(
        source="m1.eml",
        channel=Channel.EMAIL,
        received_at=datetime(2025, 4, 1, 8, 30, tzinfo=UTC),
        applicant=Applicant(role=ApplicantRole.THIRD_PARTY, name="Sam Carer", relationship="son"),
        victim=Victim(name="Jane Example", address="1 High Street"),
        consent=Consent.GIVEN,
        incidents=[
            Incident(
                occurred=DateRange(start=date(2025, 3, day + 1), end=date(2025, 3, day + 1)),
                reported=True,
                reported_on=date(2025, 3, day + 2),
                agencies=[Agency.POLICE, Agency.COUNCIL],
                references=[f"REF-{day}"],
                summary="loud music",
                evidence=[Span(start=10 * day, end=10 * day + 8), Span(start=100, end=110)],
            )
            for day in range(incidents)
        ],
        threshold=(
            ThresholdResult(policy="hartlepool", status=threshold, qualifying=[0])
            if threshold
            else None
        ),
    )


@pytest.fixture
def postgres_engine(postgres_url: str) -> Iterator[Engine]:
    """An engine on a fresh PostgreSQL database at the newest schema."""
    engine = connect(postgres_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    """An engine on a fresh SQLite file at the newest schema."""
    engine = connect(sqlite_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def count(engine: Engine, table: type) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


# -- inbound messages ---------------------------------------------------------------------


def test_save_inbound_when_same_channel_and_external_id_then_stored_once(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        first = uow.inbound.save(email())
    with SqlUnitOfWork(engine) as uow:
        again = uow.inbound.save(email(raw=RAW_EMAIL + b"changed"))
        stored = uow.inbound.get(first[0])
        assert stored is not None
        assert stored.raw == RAW_EMAIL  # the first copy is kept as it was
    assert first[1] is True
    assert again == (first[0], False)


def test_save_inbound_when_other_channel_has_same_external_id_then_both_stored(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        by_email = uow.inbound.save(email("42"))
        by_telegram = uow.inbound.save(
            InboundMessage(
                channel=InboundChannel.TELEGRAM,
                external_id="42",
                received_at=datetime(2025, 4, 1, tzinfo=UTC),
                raw=b'{"update_id": 42}',
                thread_keys=("chat:7",),
            )
        )
        telegram = uow.inbound.find(InboundChannel.TELEGRAM, "42")
    assert by_email[1] and by_telegram[1]
    assert by_email[0] != by_telegram[0]
    assert telegram is not None
    assert telegram.raw_media_type == "application/json"
    assert telegram.thread_key == "chat:7"


def test_save_inbound_keeps_raw_bytes_hash_and_aware_utc_time(engine: Engine) -> None:
    raw = RAW_EMAIL + bytes(range(256))  # not valid UTF-8: bytes must survive untouched
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(email(raw=raw))
    with SqlUnitOfWork(engine) as uow:
        stored = uow.inbound.get(inbound_id)
        assert stored is not None
        assert stored.raw == raw
        assert stored.raw_sha256 == hashlib.sha256(raw).hexdigest()
        assert stored.raw_media_type == "message/rfc822"
        assert stored.received_at == datetime(2025, 4, 1, 8, 30, tzinfo=UTC)
        assert stored.received_at.utcoffset() == timedelta(0)
        assert stored.stored_at.tzinfo is not None
        assert stored.state is InboundState.RECEIVED
        assert stored.thread_keys == ["<m1@example.org>"]


def test_save_inbound_when_only_text_then_hash_is_of_the_utf8_text(engine: Engine) -> None:
    message = InboundMessage(
        channel=InboundChannel.TELEGRAM,
        external_id="update:9",
        received_at=datetime(2025, 4, 1, tzinfo=UTC),
        text="Ça recommence",
    )
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(message)
        stored = uow.inbound.get(inbound_id)
        assert stored is not None
        assert stored.raw is None
        assert stored.raw_sha256 == hashlib.sha256("Ça recommence".encode()).hexdigest()


@pytest.mark.parametrize(
    ("received_at", "raw", "text_", "error"),
    [
        (datetime(2025, 4, 1, 9, 30), RAW_EMAIL, None, "aware"),  # noqa: DTZ001 - the point
        (datetime(2025, 4, 1, tzinfo=UTC), None, None, "raw bytes or its text"),
    ],
)
def test_save_inbound_when_message_is_invalid_then_refused(
    engine: Engine, received_at: datetime, raw: bytes | None, text_: str | None, error: str
) -> None:
    message = InboundMessage(
        channel=InboundChannel.EMAIL, external_id="x", received_at=received_at, raw=raw, text=text_
    )
    with pytest.raises(ValueError, match=error), SqlUnitOfWork(engine) as uow:
        uow.inbound.save(message)


def test_save_inbound_when_stored_concurrently_then_one_row_and_one_created(
    engine: Engine,
) -> None:
    """Two workers store the same message at once: both get the same id, one says created."""
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def store() -> None:
        try:
            barrier.wait(timeout=10)
            with SqlUnitOfWork(engine) as uow:
                results.append(uow.inbound.save(email("imap:1:99")))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=store) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(created for _, created in results) == [False, True]
    assert len({inbound_id for inbound_id, _ in results}) == 1


def test_save_draft_when_two_workers_update_one_application_at_once_then_both_land(
    engine: Engine,
) -> None:
    """Read-then-write transactions in parallel: serialized by the database, none refused."""
    with SqlUnitOfWork(engine) as uow:
        application_id = uow.applications.save_draft(a_draft(), policy="hart")
    errors: list[BaseException] = []
    rounds, workers = 5, 2

    def update(barrier: threading.Barrier) -> None:
        try:
            barrier.wait(timeout=10)
            with SqlUnitOfWork(engine) as uow:
                uow.applications.get(application_id)  # read first, as the console does
                time.sleep(0.05)  # so that the other worker reads too, if the database lets it
                uow.applications.save_draft(a_draft(), policy="hart", application_id=application_id)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    for _ in range(rounds):
        barrier = threading.Barrier(workers)
        threads = [threading.Thread(target=update, args=(barrier,)) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    with SqlUnitOfWork(engine) as uow:
        stored = uow.applications.get(application_id)
    assert stored is not None and stored.version == 1 + rounds * workers


def test_set_inbound_state_records_the_change(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(email())
    with SqlUnitOfWork(engine) as uow:
        uow.inbound.set_state(inbound_id, InboundState.FAILED, error="ParseError")
    with SqlUnitOfWork(engine) as uow:
        stored = uow.inbound.get(inbound_id)
        assert stored is not None
        assert (stored.state, stored.attempts, stored.error) == (
            InboundState.FAILED,
            0,  # attempts are counted when a worker takes a message, not here
            "ParseError",
        )
        trail = [entry.action for entry in uow.audit.trail(subject_type="inbound")]
    assert trail == [AuditAction.INBOUND_STORED, AuditAction.INBOUND_STATE_CHANGED]


def test_claim_inbound_returns_waiting_messages_oldest_first(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        ids = [uow.inbound.save(email(f"imap:1:{uid}"))[0] for uid in range(3)]
        uow.inbound.set_state(ids[1], InboundState.PROCESSED)
    with SqlUnitOfWork(engine) as uow:
        claimed = [record.id for record in uow.inbound.claim(limit=5)]
    assert claimed == [ids[0], ids[2]]


@pytest.mark.postgres
def test_claim_inbound_when_another_worker_holds_a_message_then_it_is_skipped(
    postgres_engine: Engine,
) -> None:
    engine = postgres_engine
    with SqlUnitOfWork(engine) as uow:
        ids = [uow.inbound.save(email(f"imap:1:{uid}"))[0] for uid in range(3)]
    with SqlUnitOfWork(engine) as first_worker:
        held = [record.id for record in first_worker.inbound.claim(limit=2)]
        with SqlUnitOfWork(engine) as second_worker:
            other = [record.id for record in second_worker.inbound.claim(limit=2)]
    assert held == ids[:2]
    assert other == ids[2:]


# -- drafts -------------------------------------------------------------------------------


def test_save_draft_then_get_draft_returns_the_same_draft_with_its_messages(
    engine: Engine,
) -> None:
    draft = a_draft()
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(email())
        application_id = uow.applications.save_draft(
            draft, policy="hartlepool", inbound_ids=[inbound_id]
        )
    with SqlUnitOfWork(engine) as uow:
        stored = uow.applications.get(application_id)
    assert stored is not None
    assert stored.draft == draft
    assert stored.draft.received_at.tzinfo is not None
    assert (stored.status, stored.policy, stored.version) == (
        ApplicationStatus.DRAFT,
        "hartlepool",
        1,
    )
    assert stored.inbound_ids == (inbound_id,)
    assert stored.created_at.tzinfo is not None


def test_save_draft_projects_parties_incidents_and_evidence(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(email())
        application_id = uow.applications.save_draft(
            a_draft(incidents=2), policy="hart", inbound_ids=[inbound_id]
        )
        parties = {
            party.role: party
            for party in uow.session.execute(
                select(PartyRecord).where(PartyRecord.application_id == application_id)
            ).scalars()
        }
        incidents = list(
            uow.session.execute(select(IncidentRecord).order_by(IncidentRecord.position)).scalars()
        )
        spans = list(uow.session.execute(select(EvidenceSpan)).scalars())
    assert parties[PartyRole.APPLICANT].applicant_role is ApplicantRole.THIRD_PARTY
    assert parties[PartyRole.APPLICANT].relationship == "son"
    assert parties[PartyRole.VICTIM].consent is Consent.GIVEN
    assert [incident.position for incident in incidents] == [0, 1]
    assert incidents[1].occurred_start == date(2025, 3, 2)
    assert incidents[0].agencies == ["police", "council"]
    assert len(spans) == 4
    assert {span.inbound_id for span in spans} == {inbound_id}


def test_save_draft_when_updated_then_projections_are_rebuilt_and_version_bumped(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        first, _ = uow.inbound.save(email("imap:1:1"))
        application_id = uow.applications.save_draft(
            a_draft(incidents=3), policy="hart", inbound_ids=[first]
        )
    with SqlUnitOfWork(engine) as uow:
        second, _ = uow.inbound.save(email("imap:1:2"))
        uow.applications.save_draft(
            a_draft(incidents=1),
            policy="hart",
            application_id=application_id,
            inbound_ids=[second, first],
            status=ApplicationStatus.READY,
            expected_version=1,
        )
        stored = uow.applications.get(application_id)
    assert stored is not None
    assert (stored.version, stored.status) == (2, ApplicationStatus.READY)
    assert stored.inbound_ids == (first, second)
    assert len(stored.draft.incidents) == 1
    assert count(engine, IncidentRecord) == 1
    assert count(engine, EvidenceSpan) == 2  # the old incidents' spans went with them
    assert count(engine, PartyRecord) == 2


def test_save_draft_when_version_is_stale_then_refused_and_nothing_changes(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        application_id = uow.applications.save_draft(a_draft(incidents=2), policy="hart")
    with pytest.raises(StaleApplication), SqlUnitOfWork(engine) as uow:
        uow.applications.save_draft(
            a_draft(incidents=0), policy="hart", application_id=application_id, expected_version=7
        )
    with SqlUnitOfWork(engine) as uow:
        stored = uow.applications.get(application_id)
    assert stored is not None
    assert len(stored.draft.incidents) == 2


def test_save_draft_when_application_is_unknown_then_not_found(engine: Engine) -> None:
    with pytest.raises(ApplicationNotFound), SqlUnitOfWork(engine) as uow:
        uow.applications.save_draft(a_draft(), policy="hart", application_id=12345)


def test_save_draft_records_a_threshold_decision_only_when_it_changes(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        application_id = uow.applications.save_draft(
            a_draft(threshold=Status.INCOMPLETE), policy="hartlepool"
        )
    for status in (Status.INCOMPLETE, Status.MET, Status.MET):
        with SqlUnitOfWork(engine) as uow:
            uow.applications.save_draft(
                a_draft(threshold=status), policy="hartlepool", application_id=application_id
            )
    with SqlUnitOfWork(engine) as uow:
        decisions = uow.decisions.for_application(application_id)
        stored = uow.applications.get(application_id)
    assert [(decision.kind, decision.status) for decision in decisions] == [
        (DecisionKind.THRESHOLD, "incomplete"),
        (DecisionKind.THRESHOLD, "met"),
    ]
    assert decisions[1].body["policy"] == "hartlepool"
    assert stored is not None and stored.draft.threshold is not None
    assert stored.draft.threshold.status is Status.MET


def test_list_drafts_filters_by_status_oldest_application_first(engine: Engine) -> None:
    def received(day: int) -> Draft:
        return a_draft().model_copy(update={"received_at": datetime(2025, 4, day, 12, tzinfo=UTC)})

    with SqlUnitOfWork(engine) as uow:
        late = uow.applications.save_draft(
            received(20), policy="hart", status=ApplicationStatus.READY
        )
        early = uow.applications.save_draft(
            received(2), policy="hart", status=ApplicationStatus.READY
        )
        uow.applications.save_draft(received(1), policy="hart", status=ApplicationStatus.DRAFT)
    with SqlUnitOfWork(engine) as uow:
        ready = [
            stored.id for stored in uow.applications.list_drafts(status=ApplicationStatus.READY)
        ]
        everything = uow.applications.list_drafts()
        both = uow.applications.list_drafts(
            status={ApplicationStatus.READY, ApplicationStatus.DRAFT}, limit=2
        )
        assert uow.applications.count(ApplicationStatus.READY) == 2
    assert ready == [early, late]
    assert len(everything) == 3
    assert [stored.draft.received_at.day for stored in both] == [1, 2]


def chat(update_id: int, chat_id: int) -> InboundMessage:
    return InboundMessage(
        channel=InboundChannel.TELEGRAM,
        external_id=f"update:{update_id}",
        received_at=datetime(2025, 4, 1, tzinfo=UTC),
        text="they were shouting again",
        thread_keys=(f"chat:{chat_id}",),
    )


def test_find_open_application_finds_the_newest_open_one_of_the_thread(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        closed_inbound, _ = uow.inbound.save(chat(1, chat_id=7))
        closed = uow.applications.save_draft(a_draft(), policy="hart", inbound_ids=[closed_inbound])
        uow.applications.set_status(closed, ApplicationStatus.WITHDRAWN)
        open_inbound, _ = uow.inbound.save(chat(2, chat_id=7))
        still_open = uow.applications.save_draft(
            a_draft(), policy="hart", inbound_ids=[open_inbound]
        )
        other_inbound, _ = uow.inbound.save(chat(3, chat_id=8))
        uow.applications.save_draft(a_draft(), policy="hart", inbound_ids=[other_inbound])
    with SqlUnitOfWork(engine) as uow:
        found = uow.applications.find_open("chat:7")
        nothing = uow.applications.find_open("chat:9")
    assert found is not None
    assert (found.id, found.inbound_ids) == (still_open, (open_inbound,))
    assert nothing is None


def test_officer_decision_is_kept_with_the_threshold_decisions_and_audited(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        officer_id = uow.officers.add("spoc@council.example", "A. Officer")
        application_id = uow.applications.save_draft(
            a_draft(threshold=Status.NOT_MET), policy="hart"
        )
        decision_id = uow.decisions.record_officer(
            application_id,
            officer_id=officer_id,
            outcome=Status.MET,
            body={"discretion": True},
            note="Risk to a vulnerable adult: discretion used.",
        )
        uow.applications.set_status(application_id, ApplicationStatus.DECIDED)
    with SqlUnitOfWork(engine) as uow:
        decisions = uow.decisions.for_application(application_id)
        stored = uow.applications.get(application_id)
        actions = [entry.action for entry in uow.audit.trail(subject_type="application")]
    assert [(decision.kind, decision.status) for decision in decisions] == [
        (DecisionKind.THRESHOLD, "not_met"),
        (DecisionKind.OFFICER, "met"),
    ]
    assert decisions[1].id == decision_id and decisions[1].officer_id == officer_id
    assert stored is not None and stored.status is ApplicationStatus.DECIDED
    assert actions[-2:] == [AuditAction.OFFICER_DECIDED, AuditAction.APPLICATION_STATUS_CHANGED]


def test_unit_of_work_when_block_raises_then_nothing_is_kept(engine: Engine) -> None:
    with pytest.raises(RuntimeError, match="boom"), SqlUnitOfWork(engine) as uow:
        uow.inbound.save(email())
        uow.applications.save_draft(a_draft(), policy="hart")
        raise RuntimeError("boom")
    with SqlUnitOfWork(engine) as uow:
        assert uow.inbound.find(InboundChannel.EMAIL, "imap:1:42") is None
        assert uow.applications.list_drafts() == []
        assert uow.audit.trail() == []


def test_linking_a_message_that_does_not_exist_is_refused_by_a_foreign_key(
    engine: Engine,
) -> None:
    with pytest.raises(IntegrityError), SqlUnitOfWork(engine) as uow:
        uow.applications.save_draft(a_draft(), policy="hart", inbound_ids=[999])


def test_officers_are_found_by_email_whatever_its_case(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        officer_id = uow.officers.add("SPOC@Council.example", "A. Officer")
    with SqlUnitOfWork(engine) as uow:
        officer = uow.officers.find("spoc@council.EXAMPLE")
    assert officer is not None and officer.id == officer_id


# -- audit log ----------------------------------------------------------------------------


def test_audit_entries_hold_ids_and_statuses_never_message_content(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(email())
        uow.applications.save_draft(
            a_draft(threshold=Status.MET), policy="hart", inbound_ids=[inbound_id]
        )
        entries = uow.audit.trail()
    assert [entry.action for entry in entries] == [
        AuditAction.INBOUND_STORED,
        AuditAction.DRAFT_CREATED,
        AuditAction.THRESHOLD_DECIDED,
    ]
    written = repr([(entry.actor, entry.detail) for entry in entries])
    for personal in ("jane", "Jane", "Sam Carer", "High Street", "loud music"):
        assert personal not in written
    assert all(entry.at.tzinfo is not None for entry in entries)


@pytest.mark.parametrize("change", ["update", "delete"])
def test_audit_log_when_changed_through_the_session_then_refused(
    engine: Engine, change: str
) -> None:
    with SqlUnitOfWork(engine) as uow:
        entry_id = uow.audit.append(AuditAction.OFFICER_ADDED, actor="officer:1")
    with pytest.raises(AuditLogIsAppendOnly), SqlUnitOfWork(engine) as uow:
        entry = uow.session.get(AuditEntry, entry_id)
        assert entry is not None
        if change == "update":
            entry.actor = "someone else"
            uow.session.add(entry)
        else:
            uow.session.delete(entry)
        uow.session.flush()
    with SqlUnitOfWork(engine) as uow:
        assert [entry.actor for entry in uow.audit.trail()] == ["officer:1"]


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"],
)
def test_audit_log_when_changed_with_sql_then_the_database_refuses(
    engine: Engine, statement: str
) -> None:
    with SqlUnitOfWork(engine) as uow:
        uow.audit.append(AuditAction.OFFICER_ADDED, actor="officer:1")
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    assert count(engine, AuditEntry) == 1


@pytest.mark.postgres
def test_audit_log_when_truncated_then_postgresql_refuses(postgres_engine: Engine) -> None:
    engine = postgres_engine
    with SqlUnitOfWork(engine) as uow:
        uow.audit.append(AuditAction.OFFICER_ADDED, actor="officer:1")
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("TRUNCATE audit_log"))
    assert count(engine, AuditEntry) == 1


def test_sqlite_database_runs_in_wal_mode_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
