"""The conversation store and reply outbox on real databases (SQLite, PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from storage.repositories.conversations import StaleConversation
from storage.unit_of_work import SqlUnitOfWork
from tests.adapters.test_storage import a_draft
from trigger.inbound import InboundChannel, InboundMessage

AT = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def _update(update_id: int, chat: str, text: str) -> InboundMessage:
    return InboundMessage(
        channel=InboundChannel.TELEGRAM,
        external_id=str(update_id),
        received_at=AT,
        raw=f'{{"update_id": {update_id}}}'.encode(),
        text=text,
        thread_keys=(chat,),
    )


def test_a_conversation_is_saved_with_a_version_and_a_stale_save_is_refused(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        assert uow.conversations.get("77") is None
        version = uow.conversations.save(
            "77",
            {"stage": "story"},
            stage="story",
            urgent=False,
            risk_level=None,
            application_id=None,
            expected_version=None,
        )
    assert version == 1
    with SqlUnitOfWork(engine) as uow:
        assert (
            uow.conversations.save(
                "77",
                {"stage": "questions"},
                stage="questions",
                urgent=True,
                risk_level="high",
                application_id=None,
                expected_version=1,
            )
            == 2
        )
    with pytest.raises(StaleConversation), SqlUnitOfWork(engine) as uow:
        uow.conversations.save(
            "77",
            {"stage": "review"},
            stage="review",
            urgent=False,
            risk_level=None,
            application_id=None,
            expected_version=1,
        )
    with pytest.raises(StaleConversation), SqlUnitOfWork(engine) as uow:
        uow.conversations.save(
            "77",
            {},
            stage="new",
            urgent=False,
            risk_level=None,
            application_id=None,
            expected_version=None,
        )
    with SqlUnitOfWork(engine) as uow:
        stored = uow.conversations.get("77")
        assert stored is not None and stored.state == {"stage": "questions"} and stored.version == 2


def test_replies_are_queued_once_per_update_and_sent_once(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(_update(1, "77", "hello"))
        replies = [("Hello.", None), ("Pick one.", [[{"label": "Yes", "data": "77:1:yes"}]])]
        assert uow.conversations.queue_replies("77", inbound_id, replies) == 2
        assert uow.conversations.queue_replies("77", inbound_id, replies) == 0
    with SqlUnitOfWork(engine) as uow:
        pending = uow.conversations.pending("77")
        assert [p.text for p in pending] == ["Hello.", "Pick one."]
        assert pending[1].buttons == [[{"label": "Yes", "data": "77:1:yes"}]]
        assert uow.conversations.pending("78") == []
        assert uow.conversations.mark_sent(pending[0].id, AT)
        assert not uow.conversations.mark_sent(pending[0].id, AT)
    with SqlUnitOfWork(engine) as uow:
        assert [p.text for p in uow.conversations.pending()] == ["Pick one."]


def test_erase_wipes_the_unsubmitted_words_of_one_chat_only(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        told, _ = uow.inbound.save(_update(1, "77", "my story"))
        submitted, _ = uow.inbound.save(_update(2, "77", "an earlier, submitted story"))
        other, _ = uow.inbound.save(_update(3, "78", "someone else's story"))
        uow.applications.save_draft(a_draft(), policy="hart", inbound_ids=[submitted])
        uow.conversations.save(
            "77",
            {},
            stage="story",
            urgent=False,
            risk_level=None,
            application_id=None,
            expected_version=None,
        )
        uow.conversations.queue_replies("77", told, [("Thanks.", None)])
    with SqlUnitOfWork(engine) as uow:
        assert uow.conversations.erase("77", InboundChannel.TELEGRAM) == 1
    with SqlUnitOfWork(engine) as uow:
        assert uow.conversations.get("77") is None
        assert uow.conversations.pending("77") == []
        wiped = uow.inbound.get(told)
        assert wiped is not None and wiped.text is None and wiped.raw is None
        kept = uow.inbound.get(submitted)
        assert kept is not None and kept.text == "an earlier, submitted story"
        untouched = uow.inbound.get(other)
        assert untouched is not None and untouched.text == "someone else's story"
        assert uow.conversations.unhandled(InboundChannel.TELEGRAM) == [
            (submitted, b'{"update_id": 2}'),
            (other, b'{"update_id": 3}'),
        ]
