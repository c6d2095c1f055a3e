"""The unit of work on real databases (SQLite, PostgreSQL): savepoints, a commit inside the
block, and the in-memory fake (tests/fakes.py) keeping the same contract as the SQL one."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from sqlalchemy import Engine

from storage.errors import ApplicationNotFound, StaleApplication
from storage.tables import ApplicationStatus, InboundState
from storage.unit_of_work import SqlUnitOfWork, UnitOfWork
from tests.adapters.test_storage import a_draft, chat, email
from tests.fakes import FakeStorage
from trigger.inbound import InboundChannel
from trigger.vocabulary import Status


def test_savepoint_when_its_block_raises_then_only_its_work_is_undone(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        kept, _ = uow.inbound.save(email("imap:1:1"))
        with pytest.raises(RuntimeError, match="boom"), uow.savepoint():
            uow.inbound.save(email("imap:1:2"))
            uow.applications.save_draft(a_draft(), policy="hart", inbound_ids=[kept])
            raise RuntimeError("boom")
        with uow.savepoint():
            after, _ = uow.inbound.save(email("imap:1:3"))
    with SqlUnitOfWork(engine) as uow:
        assert uow.inbound.find(InboundChannel.EMAIL, "imap:1:2") is None
        assert uow.applications.count() == 0
        assert uow.inbound.get(kept) is not None and uow.inbound.get(after) is not None
        assert [entry.subject_id for entry in uow.audit.trail()] == [kept, after]


def test_commit_inside_the_block_keeps_the_work_so_far_when_it_later_raises(
    engine: Engine,
) -> None:
    with pytest.raises(RuntimeError, match="boom"), SqlUnitOfWork(engine) as uow:
        uow.inbound.save(email("imap:1:1"))
        uow.commit()
        uow.inbound.save(email("imap:1:2"))
        raise RuntimeError("boom")
    with SqlUnitOfWork(engine) as uow:
        assert uow.inbound.find(InboundChannel.EMAIL, "imap:1:1") is not None
        assert uow.inbound.find(InboundChannel.EMAIL, "imap:1:2") is None


# -- the fake unit of work keeps the same contract ----------------------------------------


def scenario(unit_of_work: Callable[[], UnitOfWork]) -> list[object]:
    """What a use case can observe of a run of every repository, as plain values."""
    seen: list[object] = []
    with unit_of_work() as uow:
        first = uow.inbound.save(chat(1, chat_id=7))
        # The same message again last: PostgreSQL spends an id on the refused insert.
        seen += [first, uow.inbound.save(email()), uow.inbound.save(chat(1, chat_id=7))]
        application = uow.applications.save_draft(
            a_draft(threshold=Status.INCOMPLETE), policy="hart", inbound_ids=[first[0]]
        )
        officer = uow.officers.add("SPOC@Council.example", "A. Officer")
    with unit_of_work() as uow:
        for status in (Status.INCOMPLETE, Status.MET):
            uow.applications.save_draft(
                a_draft(threshold=status), policy="hart", application_id=application
            )
        uow.decisions.record_officer(application, officer_id=officer, outcome=Status.MET)
        uow.inbound.set_state(first[0], InboundState.FAILED, error="ParseError")
        seen.append([record.id for record in uow.inbound.claim()])
    with pytest.raises(StaleApplication), unit_of_work() as uow:
        uow.applications.save_draft(
            a_draft(), policy="hart", application_id=application, expected_version=1
        )
    with pytest.raises(ApplicationNotFound), unit_of_work() as uow:
        uow.applications.set_status(999, ApplicationStatus.READY)
    with unit_of_work() as uow:
        found = uow.applications.find_open("chat:7")
        assert found is not None
        seen.append((found.id, found.version, found.inbound_ids, found.draft.threshold))
        seen.append(uow.applications.find_open("chat:8"))
        uow.applications.set_status(application, ApplicationStatus.READY)
        seen.append([(stored.id, stored.status) for stored in uow.applications.list_drafts()])
        seen.append(uow.applications.count(ApplicationStatus.READY))
        seen.append(
            [(d.kind, d.status, d.officer_id) for d in uow.decisions.for_application(application)]
        )
        officer_found = uow.officers.find("spoc@council.EXAMPLE")
        seen.append(officer_found.id if officer_found else None)
        record = uow.inbound.get(first[0])
        assert record is not None
        seen.append((record.state, record.attempts, record.error, record.thread_key))
        seen.append(
            [
                (entry.action, entry.actor, entry.subject_type, entry.subject_id, entry.detail)
                for entry in uow.audit.trail()
            ]
        )
    return seen


def test_the_fake_unit_of_work_behaves_as_the_database_does(engine: Engine) -> None:
    assert scenario(FakeStorage().unit_of_work) == scenario(partial(SqlUnitOfWork, engine))
