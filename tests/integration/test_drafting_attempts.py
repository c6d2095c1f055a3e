"""Taking messages for drafting on a real database (SQLite, PostgreSQL): the attempt is counted
and committed before any drafting, a taken message is leased, a message whose attempts are used
up is failed with the reason and never drafted (issue 6)."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from sqlalchemy import Engine, update

from app.drafting import DraftingWorker
from intake.drop_folder import inbound_from_eml
from storage.tables import InboundRecord, InboundState, utc_now
from storage.unit_of_work import SqlUnitOfWork
from trigger.inbound import InboundChannel, InboundMessage
from trigger.profiles import get_profile

EMAIL = b"""From: Ann Lee <ann.lee@example.net>\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <one@example.net>\r
Subject: Community Trigger\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
"""


def store(engine: Engine) -> int:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(inbound_from_eml(EMAIL))
    return inbound_id


def expire_leases(engine: Engine) -> None:
    """What time does to the lease of a worker that died: it runs out."""
    with engine.begin() as connection:
        connection.execute(
            update(InboundRecord).values(claimed_until=utc_now() - timedelta(seconds=1))
        )


def test_take_counts_and_commits_the_attempt_and_leases_the_message(engine: Engine) -> None:
    inbound_id = store(engine)
    with SqlUnitOfWork(engine) as uow:
        [taken] = uow.inbound.take(5, lease=timedelta(minutes=1))
        assert taken.id == inbound_id and taken.attempts == 1
    with SqlUnitOfWork(engine) as uow:
        assert uow.inbound.take(5, lease=timedelta(minutes=1)) == []  # leased
    expire_leases(engine)
    with SqlUnitOfWork(engine) as uow:
        [again] = uow.inbound.take(5, lease=timedelta(minutes=1))
        assert again.attempts == 2
        assert uow.inbound.release(inbound_id, attempts=1) is False  # not the latest taking
        assert uow.inbound.release(inbound_id, attempts=2) is True
    with SqlUnitOfWork(engine) as uow:
        record = uow.inbound.get(inbound_id)
        assert record is not None
        assert (record.state, record.attempts, record.claimed_until) == (
            InboundState.RECEIVED,
            1,
            None,
        )


def test_drafting_when_the_server_died_on_a_message_three_times_then_it_is_failed(
    engine: Engine,
) -> None:
    inbound_id = store(engine)
    worker = DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"), max_attempts=3)
    for _ in range(3):  # taken, then the server is killed before it records anything
        taken = worker.take()
        assert taken is not None and taken.raw == EMAIL
        expire_leases(engine)
    assert worker.process_once() == 1
    with SqlUnitOfWork(engine) as uow:
        record = uow.inbound.get(inbound_id)
        assert record is not None
        assert (record.state, record.attempts, record.error, record.claimed_until) == (
            InboundState.FAILED,
            4,
            "drafting started 3 times without finishing",
            None,
        )
        assert uow.applications.count() == 0
    assert worker.process_once() == 0  # never retried


def test_take_when_the_bot_stored_an_update_then_drafting_leaves_it_to_the_bot(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        update_id, _ = uow.inbound.save(
            InboundMessage(
                channel=InboundChannel.TELEGRAM,
                external_id="1001",
                received_at=utc_now(),
                raw=b'{"update_id": 1001}',
                thread_keys=("48151623",),
            )
        )
    email_id = store(engine)
    worker = DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"))
    taken = worker.take()
    assert taken is not None and taken.inbound_id == email_id
    assert worker.take() is None  # the update is not the drafting worker's to take
    with SqlUnitOfWork(engine) as uow:
        record = uow.inbound.get(update_id)
        assert record is not None
        assert (record.state, record.attempts) == (InboundState.RECEIVED, 0)
        [mine] = uow.inbound.take(5, lease=timedelta(minutes=1), channels=["telegram"])
        assert mine.id == update_id
