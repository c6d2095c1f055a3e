"""Messages that continue a thread are added to the open draft, on a real database.

Ann writes (two incidents, not enough for the threshold); her reply in the same thread tells one
of them again and a new one: the draft holds three incidents, not four, links both messages, and
the threshold is decided again on the whole. A message from the same sender without thread
headers joins within the window, not after it; a closed application takes nothing more.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, select

from app.drafting import DraftingWorker
from intake.drop_folder import inbound_from_eml
from nlp.extract import Extractor
from storage.tables import ApplicationStatus, EvidenceSpan, InboundState, IncidentRecord
from storage.unit_of_work import SqlUnitOfWork
from trigger.profiles import get_profile

FIRST = b"""From: Ann Lee <ann.lee@example.net>\r
To: communitysafety@example.org\r
Subject: Community Trigger\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <one@example.net>\r
Content-Type: text/plain; charset=utf-8\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
On Monday they kicked my door and I reported it to the council the next day.\r
"""
REPLY = b"""From: Ann Lee <ann.lee@example.net>\r
To: communitysafety@example.org\r
Subject: Re: Community Trigger\r
Date: Wed, 21 Oct 2026 09:00:00 +0100\r
Message-ID: <two@example.net>\r
In-Reply-To: <one@example.net>\r
References: <one@example.net>\r
Content-Type: text/plain; charset=utf-8\r
\r
I forgot to say: on 12 October they kicked my door and I reported it to the council the next day.\r
And on 3 October they threw eggs at the house and I rang the police that night.\r
"""
# The same news from the same sender, with no thread headers (a new email, not a reply).
AGAIN = REPLY.replace(b"In-Reply-To: <one@example.net>\r\nReferences: <one@example.net>\r\n", b"")
AGAIN = AGAIN.replace(b"<two@example.net>", b"<three@example.net>")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def store(engine: Engine, raw: bytes) -> int:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, created = uow.inbound.save(inbound_from_eml(raw))
    assert created
    return inbound_id


def worker(engine: Engine, extractor: Extractor, **options: object) -> DraftingWorker:
    return DraftingWorker(
        partial(SqlUnitOfWork, engine),
        get_profile("hartlepool"),
        extractor,
        **options,  # type: ignore[arg-type]
    )


def test_a_reply_in_the_thread_merges_new_incidents_and_not_duplicates(
    engine: Engine, extractor: Extractor
) -> None:
    first = store(engine, FIRST)
    worker(engine, extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        [before] = uow.applications.list_drafts()
    assert len(before.draft.incidents) == 2
    assert before.draft.threshold is not None and before.draft.threshold.status == "not_met"

    reply = store(engine, REPLY)
    worker(engine, extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        [after] = uow.applications.list_drafts()
        record = uow.inbound.get(reply)
        assert record is not None and record.state is InboundState.PROCESSED
    assert after.id == before.id
    assert after.inbound_ids == (first, reply)
    dates = [str(incident.occurred.start) for incident in after.draft.incidents]
    assert dates == ["2026-10-09", "2026-10-12", "2026-10-03"]  # the door once, not twice
    assert after.received_at == before.received_at  # the clock runs from the first message
    assert after.draft.threshold is not None and after.draft.threshold.status == "met"
    assert after.version == before.version + 1
    # Each incident's evidence points into the message that told it.
    with engine.connect() as connection:
        rows = connection.execute(
            select(IncidentRecord.position, EvidenceSpan.inbound_id).join(  # type: ignore[call-overload]
                EvidenceSpan, EvidenceSpan.incident_id == IncidentRecord.id
            )
        ).all()
    assert {position: inbound for position, inbound in rows} == {0: first, 1: first, 2: reply}


def test_the_same_sender_without_thread_headers_joins_within_the_window(
    engine: Engine, extractor: Extractor
) -> None:
    store(engine, FIRST)
    worker(engine, extractor).process_once()
    store(engine, AGAIN)
    worker(engine, extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        [stored] = uow.applications.list_drafts()
    assert len(stored.inbound_ids) == 2
    assert len(stored.draft.incidents) == 3


def test_the_same_sender_after_the_window_starts_a_new_application(
    engine: Engine, extractor: Extractor
) -> None:
    store(engine, FIRST)
    worker(engine, extractor).process_once()
    store(engine, AGAIN)
    # A window of nothing: the first message was received before this one.
    worker(engine, extractor, thread_window=timedelta(0)).process_once()
    with SqlUnitOfWork(engine) as uow:
        assert uow.applications.count() == 2


def test_a_closed_application_takes_no_more_messages(engine: Engine, extractor: Extractor) -> None:
    store(engine, FIRST)
    worker(engine, extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        [held] = uow.applications.list_drafts()
        uow.applications.set_status(held.id, ApplicationStatus.WITHDRAWN)
    store(engine, REPLY)
    worker(engine, extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        assert uow.applications.count() == 2
        assert uow.applications.count(ApplicationStatus.DRAFT) == 1
