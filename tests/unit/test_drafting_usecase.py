"""The drafting use case and the inbound store on the fake unit of work: no database at all.

The same worker runs on SQLite and PostgreSQL in tests/integration/test_drafting.py; here the
use case's own decisions are checked: what becomes a draft, what is ignored or failed and why,
that one message's failure leaves the others' work, and that a pass commits once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from app.drafting import DraftingWorker
from app.inbound import inbound_store
from intake.drop_folder import inbound_from_eml
from nlp.document import Document
from nlp.extract import Extractor
from storage.repositories.audit import AuditAction
from storage.tables import ApplicationStatus, InboundState
from tests.fakes import FakeApplicationRepository, FakeStorage, FakeUnitOfWork
from trigger.draft import Draft
from trigger.inbound import InboundChannel, InboundMessage
from trigger.profiles import get_profile

EMAIL = b"""From: Ann Lee <ann.lee@example.net>\r
To: communitysafety@example.org\r
Subject: Community Trigger\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <one@example.net>\r
Content-Type: text/plain; charset=utf-8\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
On Monday they kicked my door and I reported it to the council the next day.\r
Yesterday they threw eggs at the house and I rang the police that night.\r
"""
JUNK = b"\x00\x01 this is not mail"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def storage() -> FakeStorage:
    return FakeStorage()


def store(storage: FakeStorage, raw: bytes) -> int:
    inbound_id, created = inbound_store(storage.unit_of_work)(inbound_from_eml(raw))
    assert created
    return inbound_id


def worker(
    extractor: Extractor, unit_of_work: Callable[[], FakeUnitOfWork] | None = None
) -> DraftingWorker:
    return DraftingWorker(
        unit_of_work or FakeStorage().unit_of_work, get_profile("hart"), extractor
    )


def test_inbound_store_when_same_message_twice_then_stored_once_and_audited_once(
    storage: FakeStorage,
) -> None:
    store_one = inbound_store(storage.unit_of_work)
    message = inbound_from_eml(EMAIL)
    first = store_one(message)
    again = store_one(message)
    assert first == (1, True)
    assert again == (1, False)
    with storage.unit_of_work() as uow:
        stored = uow.inbound.get(1)
        actions = [entry.action for entry in uow.audit.trail()]
    assert stored is not None and stored.raw == EMAIL
    assert stored.raw_media_type == "message/rfc822"
    assert actions == [AuditAction.INBOUND_STORED]


def test_drafting_when_email_is_waiting_then_it_becomes_a_draft_linked_to_it(
    storage: FakeStorage, extractor: Extractor
) -> None:
    inbound_id = store(storage, EMAIL)
    drafting = worker(extractor, storage.unit_of_work)
    commits = storage.commits
    assert drafting.process_once() == 1
    # The attempt is committed before the drafting, the draft after it; then nothing waits.
    assert storage.commits == commits + 3
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        [stored] = uow.applications.list_drafts()
        decisions = uow.decisions.for_application(stored.id)
        actions = [entry.action for entry in uow.audit.trail()]
    assert record is not None and record.state is InboundState.PROCESSED
    assert stored.status is ApplicationStatus.DRAFT
    assert stored.policy == "hart"
    assert stored.inbound_ids == (inbound_id,)
    assert stored.draft.source == f"inbound:{inbound_id}"
    assert stored.draft.threshold is not None and stored.draft.threshold.status == "met"
    assert len(stored.draft.incidents) == 3
    assert [decision.status for decision in decisions] == ["met"]
    assert actions == [
        AuditAction.INBOUND_STORED,
        AuditAction.DRAFT_CREATED,
        AuditAction.THRESHOLD_DECIDED,
        AuditAction.INBOUND_STATE_CHANGED,
    ]
    assert drafting.process_once() == 0  # nothing left waiting


def test_drafting_when_bytes_are_not_mail_then_kept_and_ignored_with_the_reason(
    storage: FakeStorage, extractor: Extractor
) -> None:
    good = store(storage, EMAIL)
    junk = store(storage, JUNK)
    assert worker(extractor, storage.unit_of_work).process_once() == 2
    with storage.unit_of_work() as uow:
        junk_record, good_record = uow.inbound.get(junk), uow.inbound.get(good)
        drafts = uow.applications.count()
    assert junk_record is not None and good_record is not None
    assert junk_record.state is InboundState.IGNORED
    assert junk_record.raw == JUNK  # nothing that arrived is lost
    assert junk_record.error
    assert good_record.state is InboundState.PROCESSED
    assert drafts == 1


def test_drafting_when_an_email_has_no_stored_bytes_then_ignored_without_drafting(
    storage: FakeStorage, extractor: Extractor
) -> None:
    note = InboundMessage(
        channel=InboundChannel.EMAIL,
        external_id="note:1",
        received_at=datetime(2026, 10, 14, 9, tzinfo=UTC),
        text="they were shouting again",
    )
    inbound_id, _ = inbound_store(storage.unit_of_work)(note)
    assert worker(extractor, storage.unit_of_work).process_once() == 1
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        drafts = uow.applications.count()
    assert record is not None
    assert (record.state, record.error) == (InboundState.IGNORED, "not an email with stored bytes")
    assert drafts == 0


def test_drafting_when_the_message_is_a_chat_update_then_it_is_left_to_the_bot(
    storage: FakeStorage, extractor: Extractor
) -> None:
    chat = InboundMessage(
        channel=InboundChannel.TELEGRAM,
        external_id="update:1",
        received_at=datetime(2026, 10, 14, 9, tzinfo=UTC),
        text="they were shouting again",
        thread_keys=("chat:7",),
    )
    inbound_id, _ = inbound_store(storage.unit_of_work)(chat)
    assert worker(extractor, storage.unit_of_work).process_once() == 0
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        drafts = uow.applications.count()
    assert record is not None
    assert (record.state, record.error, record.attempts) == (InboundState.RECEIVED, None, 0)
    assert drafts == 0


class BrokenExtractor(Extractor):
    """An extractor whose language pipeline fails (a bug, a missing pattern file)."""

    def __init__(self) -> None:  # no pipeline to build: it fails before using one
        pass

    def extract(self, document: Document, *, source: str | None = None) -> Draft:
        raise LookupError("a pattern file went missing")


def test_drafting_when_extraction_fails_then_failed_with_the_error_type_and_counted(
    storage: FakeStorage,
) -> None:
    inbound_id = store(storage, EMAIL)
    drafting = DraftingWorker(storage.unit_of_work, get_profile("hart"), BrokenExtractor())
    assert drafting.process_once() == 1
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        drafts = uow.applications.count()
    assert record is not None
    assert (record.state, record.error, record.attempts) == (
        InboundState.FAILED,
        "LookupError",  # the type only: the text may quote the message
        1,
    )
    assert drafts == 0
    assert drafting.process_once() == 0  # failed messages wait for a person, not a loop


class SaveThenBreak(FakeApplicationRepository):
    """Saves every draft, then fails on the one drafted from ``broken``: what the savepoint of
    that message must undo."""

    def __init__(self, broken: int, *args: Any) -> None:
        super().__init__(*args)
        self.broken = f"inbound:{broken}"

    def save_draft(self, draft: Draft, **kwargs: Any) -> int:
        application_id = super().save_draft(draft, **kwargs)
        if draft.source == self.broken:
            raise OSError("disk full")
        return application_id


class BreakingUnitOfWork(FakeUnitOfWork):
    """A fake unit of work whose save of one message's draft fails after writing it."""

    def __init__(self, storage: FakeStorage, broken: int) -> None:
        super().__init__(storage)
        self.broken = broken

    def __enter__(self) -> BreakingUnitOfWork:
        super().__enter__()
        self.applications = SaveThenBreak(self.broken, self.storage, self.audit, self.decisions)
        return self


def test_drafting_when_one_message_fails_after_saving_then_only_its_work_is_undone(
    storage: FakeStorage, extractor: Extractor
) -> None:
    first = store(storage, EMAIL)
    # Three senders: three applications (one sender's emails would continue one draft).
    second = store(storage, EMAIL.replace(b"<one@", b"<two@").replace(b"ann.lee@", b"bo@"))
    third = store(storage, EMAIL.replace(b"<one@", b"<three@").replace(b"ann.lee@", b"cy@"))
    drafting = worker(extractor, lambda: BreakingUnitOfWork(storage, broken=second))
    assert drafting.process_once() == 3
    with storage.unit_of_work() as uow:
        states = {key: uow.inbound.get(key) for key in (first, second, third)}
        drafts = uow.applications.list_drafts()
        trail = uow.audit.trail(subject_type="application")
    assert {key: (record.state if record else None) for key, record in states.items()} == {
        first: InboundState.PROCESSED,
        second: InboundState.FAILED,
        third: InboundState.PROCESSED,
    }
    assert [stored.inbound_ids for stored in drafts] == [(first,), (third,)]
    assert all(second not in entry.detail.get("inbound_ids", []) for entry in trail)


def test_drafting_when_the_pass_itself_fails_then_nothing_of_it_is_kept(
    storage: FakeStorage, extractor: Extractor
) -> None:
    class LosesConnection(FakeUnitOfWork):
        def commit(self) -> None:
            raise ConnectionError("server closed the connection")

    inbound_id = store(storage, EMAIL)
    with pytest.raises(ConnectionError):
        worker(extractor, lambda: LosesConnection(storage)).process_once()
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        drafts = uow.applications.count()
    assert record is not None and record.state is InboundState.RECEIVED
    assert drafts == 0
