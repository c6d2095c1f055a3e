"""The drafting worker on a real database (SQLite, PostgreSQL): stored emails become drafts.

tests/fixtures/mail/forwarded_by_councillor.eml is a copy of the dev corpus's d04.eml (a
councillor forwarding her constituent's account), kept here so the test needs no ../shared.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.drafting import DraftingWorker
from intake.drop_folder import inbound_from_eml
from nlp.extract import Extractor
from storage.tables import InboundState
from storage.unit_of_work import SqlUnitOfWork
from trigger.profiles import get_profile

FORWARDED = (
    Path(__file__).resolve().parents[1] / "fixtures" / "mail" / "forwarded_by_councillor.eml"
)
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


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def store(engine: Engine, raw: bytes) -> int:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, created = uow.inbound.save(inbound_from_eml(raw))
    assert created
    return inbound_id


def test_stored_email_becomes_a_draft_linked_to_it(engine: Engine, extractor: Extractor) -> None:
    inbound_id = store(engine, EMAIL)
    worker = DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"), extractor)
    assert worker.process_once() == 1
    with SqlUnitOfWork(engine) as uow:
        record = uow.inbound.get(inbound_id)
        assert record is not None and record.state is InboundState.PROCESSED
        [stored] = uow.applications.list_drafts()
        assert stored.draft.threshold is not None
        assert stored.draft.threshold.status == "met"
        assert len(stored.draft.incidents) == 3
        assert inbound_id in stored.inbound_ids
    assert worker.process_once() == 0  # nothing left waiting


def test_garbage_is_kept_and_marked_ignored_with_the_reason(
    engine: Engine, extractor: Extractor
) -> None:
    good = store(engine, EMAIL)
    junk = store(engine, b"\x00\x01 this is not mail")
    DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"), extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        junk_record = uow.inbound.get(junk)
        good_record = uow.inbound.get(good)
        assert junk_record is not None and good_record is not None
        assert junk_record.state is InboundState.IGNORED
        assert junk_record.raw == b"\x00\x01 this is not mail"  # nothing that arrived is lost
        assert junk_record.error
        assert good_record.state is InboundState.PROCESSED
        assert uow.applications.count() == 1


def test_forwarded_email_keeps_the_victim_and_applicant(
    engine: Engine, extractor: Extractor
) -> None:
    store(engine, FORWARDED.read_bytes())
    DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"), extractor).process_once()
    with SqlUnitOfWork(engine) as uow:
        [stored] = uow.applications.list_drafts()
    assert stored.draft.applicant.role == "third_party"
    assert stored.draft.victim.email == "rosemary.quinn@example.net"
    assert stored.draft.threshold is not None and stored.draft.threshold.status == "incomplete"
