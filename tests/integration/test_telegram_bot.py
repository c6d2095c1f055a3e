"""The bot through python-telegram-bot's own HTTP stack: the real ``Application`` polls a local
fake of the Bot API (tests/telegram_fake.py) and stores everything in a real database."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, func, select

from bot.dialogue import Context
from bot.handling import ChatHandling
from bot.reading import MessageReader
from bot.telegram import RateLimit, TelegramBot, build_application
from bot.templates import render
from nlp.extract import Extractor
from storage.tables import ApplicationRecord, ApplicationStatus, InboundRecord, TelegramReply
from storage.unit_of_work import SqlUnitOfWork
from tests.telegram_fake import TOKEN, FakeBotApi, Sent, running_fake
from trigger.dates import format_day
from trigger.profiles import get_profile

POLICY = "hart"


@pytest.fixture(scope="module")
def reader() -> MessageReader:
    return MessageReader(Extractor())


def _day(days_ago: int) -> str:
    return format_day(datetime.now(UTC).date() - timedelta(days=days_ago))


@contextlib.asynccontextmanager
async def running_bot(
    api: FakeBotApi, engine: Engine, reader: MessageReader, rate: RateLimit | None = None
) -> AsyncIterator[TelegramBot]:
    application = build_application(TOKEN, api.base_url)
    handling = ChatHandling(
        partial(SqlUnitOfWork, engine), Context(get_profile(POLICY), reader), policy=POLICY
    )
    bot = TelegramBot(application, handling, rate=rate or RateLimit(burst=1000, interval=0.001))
    await bot.start(poll_timeout=1)
    try:
        yield bot
    finally:
        await bot.stop()


async def _wait(api: FakeBotApi, chat: int, needle: str) -> Sent:
    return await asyncio.to_thread(api.wait_for_text, chat, needle, 60.0)


async def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.05)


def _handled(engine: Engine, update_id: int) -> bool:
    """The update is processed and every reply queued so far has been sent."""
    with engine.connect() as connection:
        state = connection.execute(
            select(InboundRecord.state).where(
                InboundRecord.channel == "telegram", InboundRecord.external_id == str(update_id)
            )
        ).scalar_one_or_none()
        unsent = connection.execute(
            select(func.count()).select_from(TelegramReply).where(TelegramReply.sent_at.is_(None))  # type: ignore[union-attr]
        ).scalar_one()
    return state == "processed" and unsent == 0


async def _answer(api: FakeBotApi, engine: Engine, chat: int, text: str) -> Sent:
    """Say ``text`` and wait until the bot has handled it and sent every reply."""
    update_id = api.say(chat, text)
    await _until(lambda: _handled(engine, update_id))
    return api.to(chat)[-1]


async def _press(api: FakeBotApi, engine: Engine, chat: int, data: str) -> Sent:
    update_id = api.press(chat, data)
    await _until(lambda: _handled(engine, update_id))
    return api.to(chat)[-1]


STORY_ANSWERS = {
    "Which of these are true": "1",
    # Questions that ask for more than one thing get an answer with all of it.
    "tell me who, when, and any reference number": "yes the police the same day, no reference",
    "If you have a reference number, send that too": "the same day, no reference",
    "Can we also share": "07700 900123, and yes you can share it",
    "reference number": "no",
    "for yourself": "for me",
    "someone else": "for me",
    "get in touch with you": "07700 900123",
    "share what you tell us": "yes",
    "Does the person you are helping": "yes",
    "When did you report": "same day",
    "When did": "not sure",
    "Did you report": "yes the police",
}


async def _answer_until_summary(
    api: FakeBotApi, engine: Engine, chat: int, overrides: dict[str, str] | None = None
) -> Sent:
    answers = {**(overrides or {}), **STORY_ANSWERS}
    for _ in range(40):
        last = api.to(chat)[-1]
        if "Say 'send' to send it" in last.text:
            return last
        reply = next(a for key, a in answers.items() if key in last.text)
        await _answer(api, engine, chat, reply)
    raise AssertionError("no summary")


def _count(engine: Engine, table: type, *where: object) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
        )


def test_a_whole_application_from_hello_to_submission(
    engine: Engine, reader: MessageReader
) -> None:
    chat = 5001

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(api, engine, chat, "/start")
                assert "in your own words" in api.to(chat)[-1].text
                await _answer(
                    api,
                    engine,
                    chat,
                    f"On {_day(20)} they smashed my window and I rang the police the same day. "
                    f"On {_day(10)} they kicked my door and I told the council the next day. "
                    f"On {_day(3)} they shouted abuse at me and I reported it to the police.",
                )
                summary = await _answer_until_summary(api, engine, chat)
                texts = "\n".join(s.text for s in api.to(chat))
                assert "Can we also share what you tell us" in texts  # asked with the contact
                assert "Are you asking for yourself" not in texts  # "my window": for themselves
                assert "The team will use this to get in touch: 07700900123." in texts
                buttons = dict(summary.buttons())
                assert "Send it" in buttons
                api.press(chat, buttons["Send it"], summary.message_id)
                done = await _wait(api, chat, "Your reference is CT-")
                assert "The team will get in touch by" in done.text
                assert api.callback_answers  # the button press was acknowledged
        assert (
            _count(engine, ApplicationRecord, ApplicationRecord.status == ApplicationStatus.READY)
            == 1
        )
        assert _count(engine, TelegramReply, TelegramReply.sent_at.is_(None)) == 0  # type: ignore[union-attr]

    asyncio.run(scenario())


def _stored_application(engine: Engine) -> dict[str, object]:
    with engine.connect() as connection:
        draft = connection.execute(select(ApplicationRecord.draft)).scalar_one()
    assert isinstance(draft, dict)
    return draft


def test_a_correction_reaches_the_stored_application(engine: Engine, reader: MessageReader) -> None:
    chat = 5002

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(
                    api,
                    engine,
                    chat,
                    f"On {_day(30)} they smashed my window and I rang the police the same day. "
                    f"On {_day(20)} they kicked my door and I rang the police the same day.",
                )
                await _answer_until_summary(api, engine, chat)
                fixed = await _answer(api, engine, chat, f"the second one was the {_ordinal(12)}")
                assert "Say 'send' to send it" in fixed.text
                assert any("I have changed that" in s.text for s in api.to(chat))
                await _answer(api, engine, chat, "send")
                await _wait(api, chat, "Your reference is CT-")
        incidents = _stored_application(engine)["incidents"]
        assert isinstance(incidents, list)
        wanted = (datetime.now(UTC).date() - timedelta(days=12)).isoformat()
        assert incidents[1]["occurred"]["start"] == wanted

    asyncio.run(scenario())


def _ordinal(days_ago: int) -> str:
    day = (datetime.now(UTC).date() - timedelta(days=days_ago)).day
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def test_a_restart_mid_conversation_loses_nothing(engine: Engine, reader: MessageReader) -> None:
    chat = 5003

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(
                    api,
                    engine,
                    chat,
                    f"On {_day(9)} they kicked my door and I rang the police the same day.",
                )
                asked = api.to(chat)[-1].text
            # The bot is down: the person answers anyway.
            api.say(chat, "no")
            async with running_bot(api, engine, reader):
                await _until(lambda: len(api.to(chat)) >= 3 and api.to(chat)[-1].text != asked)
                await _answer_until_summary(api, engine, chat)
                texts = "\n".join(s.text for s in api.to(chat))
                assert "The trouble at your door, and you told the police" in texts
                assert "Here is your request" in texts
        with engine.connect() as connection:
            states = connection.execute(
                select(InboundRecord.state).where(InboundRecord.channel == "telegram")
            ).scalars()
            assert set(states) == {"processed"}

    asyncio.run(scenario())


def test_a_third_party_applies_for_a_neighbour(engine: Engine, reader: MessageReader) -> None:
    chat = 5004

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(
                    api,
                    engine,
                    chat,
                    f"I am writing for my neighbour. On {_day(15)} her windows were smashed and "
                    "she reported it to the police the same day.",
                )
                overrides = {"for yourself": "for my neighbour"}
                answers = {**STORY_ANSWERS, **overrides}
                for _ in range(40):
                    last = api.to(chat)[-1].text
                    if "Say 'send' to send it" in last:
                        break
                    await _answer(
                        api, engine, chat, next(a for k, a in answers.items() if k in last)
                    )
                texts = "\n".join(s.text for s in api.to(chat))
                assert "Does the person you are helping know about this, and agree?" in texts
                assert "Are you asking for yourself" not in texts  # the story said so
                assert "You are asking for someone else." in texts
                await _answer(api, engine, chat, "send")
        applicant = _stored_application(engine)["applicant"]
        assert isinstance(applicant, dict) and applicant["role"] == "third_party"

    asyncio.run(scenario())


def test_a_case_below_the_threshold_is_told_what_would_meet_it(
    engine: Engine, reader: MessageReader
) -> None:
    chat = 5005

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(
                    api,
                    engine,
                    chat,
                    f"On {_day(40)} they kicked my door and I rang the police the same day. "
                    f"On {_day(20)} they played loud music all night and I told the council "
                    "the next day.",
                )
                await _answer_until_summary(api, engine, chat)
                texts = "\n".join(s.text for s in api.to(chat))
                assert "does not meet the rules for a review yet" in texts
                assert "You have 2 reports that count, so you are close." in texts
                assert "counts until" in texts
                assert "senior officer" in texts
                assert "eligible" not in texts.lower()

    asyncio.run(scenario())


def test_immediate_danger_gets_the_numbers_first_and_reaches_staff(
    engine: Engine, reader: MessageReader
) -> None:
    chat = 5006

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(
                    api, engine, chat, "they are outside my door right now trying to break in"
                )
                first = api.to(chat)[0].text
                assert first.startswith("If you are in danger now, call 999.")
                assert "Samaritans free on 116 123" in first
        with engine.connect() as connection:
            row = connection.execute(
                select(ApplicationRecord.status, ApplicationRecord.draft)
            ).one()
        assert row[0] == ApplicationStatus.DRAFT
        assert "immediate_danger" in row[1]["risk_flags"]

    asyncio.run(scenario())


def test_a_thousand_updates_from_fifty_chats_none_lost_or_answered_twice(
    engine: Engine, reader: MessageReader
) -> None:
    chats = [7000 + n for n in range(50)]
    commands = ["/start", "/help", "/status", "/cancel"]

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                ids = [
                    api.say(chat, commands[n % len(commands)]) for n in range(20) for chat in chats
                ]
                # Telegram may deliver an update again: the copies must change nothing.
                for update_id in ids[::50]:
                    api.redeliver(update_id)
                await _until(lambda: all(_handled(engine, i) for i in ids[-50:]), timeout=300)
                await _until(
                    lambda: (
                        _count(engine, InboundRecord, InboundRecord.state == "processed") == 1000
                    ),
                    timeout=300,
                )
                await _until(
                    lambda: _count(engine, TelegramReply, TelegramReply.sent_at.is_(None)) == 0
                )  # type: ignore[union-attr]
            assert _count(engine, InboundRecord) == 1000
            queued = _count(engine, TelegramReply)
            assert len(api.sent) == queued  # every reply sent once, none twice
            with engine.connect() as connection:
                rows = connection.execute(select(TelegramReply.chat_id, TelegramReply.text)).all()
            expected: dict[int, list[str]] = {}
            for chat_id, text in rows:
                expected.setdefault(int(chat_id), []).append(text)
            for chat in chats:
                assert sorted(s.text for s in api.to(chat)) == sorted(expected[chat])
            assert {s.chat_id for s in api.sent} == set(chats)

    asyncio.run(scenario())


def test_a_429_is_waited_out_and_the_reply_goes_out_once(
    engine: Engine, reader: MessageReader
) -> None:
    chat = 5007

    async def scenario() -> None:
        with running_fake() as api:
            api.refuse_sends = 2
            api.retry_after = 1
            async with running_bot(api, engine, reader):
                await _answer(api, engine, chat, "/help")
            assert api.refused == 2
            helps = [s for s in api.to(chat) if s.text.startswith("Tell me what happened")]
            assert len(helps) == 1

    asyncio.run(scenario())


def test_a_button_pointing_at_another_chats_draft_is_refused(
    engine: Engine, reader: MessageReader
) -> None:
    owner, intruder = 5008, 5009

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                question = await _answer(api, engine, owner, f"On {_day(9)} they kicked my door.")
                data = question.buttons()[0][1]
                assert data.startswith(f"{owner}:")
                before = len(api.to(owner))
                await _press(api, engine, intruder, data)
                assert api.to(intruder)[-1].text == "Sorry, that button is not for this chat."
                assert len(api.to(owner)) == before  # nothing went to the owner's chat
                # The owner's draft did not move: the same question is still waiting.
                again = await _answer(api, engine, owner, "/status")
                assert again.text == question.text

    asyncio.run(scenario())


def test_a_flood_is_slowed_down_without_dropping_a_word(
    engine: Engine, reader: MessageReader
) -> None:
    chat, other = 5010, 5011

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader, rate=RateLimit(burst=2, interval=0.3)):
                api.say(chat, "/start")
                ids = [
                    api.say(chat, f"On {_day(10 + n)} they smashed my window again.")
                    for n in range(8)
                ]
                other_id = api.say(other, "/help")
                await _until(lambda: _handled(engine, other_id) or _handled(engine, ids[-1]))
                await _until(lambda: all(_handled(engine, i) for i in ids), timeout=120)
                texts = [s.text for s in api.to(chat)]
                assert texts.count(render("slow_down")) == 1
                status = await _answer(api, engine, chat, "/status")
                assert status.text  # answered
                told = [s.text for s in api.to(chat) if s.text.startswith("You have told me about")]
                assert told[-1].startswith("You have told me about 8 things so far.")
                assert api.to(other)  # the other chat was answered too

    asyncio.run(scenario())


def test_a_reminder_asked_for_goes_out_once_when_due(engine: Engine, reader: MessageReader) -> None:
    chat = 5012

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader) as bot:
                await _answer(
                    api,
                    engine,
                    chat,
                    f"On {_day(150)} they kicked my door and I rang the police the same day. "
                    f"On {_day(20)} they played loud music all night and I told the council "
                    "the next day.",
                )
                await _answer_until_summary(api, engine, chat)
                await _answer(api, engine, chat, "remind me please")
                assert "OK. I will remind you on" in "\n".join(s.text for s in api.to(chat))
                assert await bot.remind() == 0  # not due yet
                with SqlUnitOfWork(engine) as uow:
                    stored = uow.conversations.get(str(chat))
                    assert stored is not None
                    uow.conversations.save(
                        str(chat),
                        stored.state,
                        stage="review",
                        urgent=False,
                        risk_level=None,
                        application_id=None,
                        expected_version=stored.version,
                        remind_on=datetime.now(UTC).date(),
                    )
                assert await bot.remind() == 1
                assert await bot.remind() == 0
                reminders = [s for s in api.to(chat) if "This is the reminder" in s.text]
                assert len(reminders) == 1

    asyncio.run(scenario())


def test_a_chat_that_blocked_the_bot_holds_up_no_one_else(
    engine: Engine, reader: MessageReader
) -> None:
    blocked, other = 5013, 5014

    async def scenario() -> None:
        with running_fake() as api:
            api.blocked.add(blocked)
            async with running_bot(api, engine, reader) as bot:
                api.say(blocked, "/help")
                api.say(other, "/help")
                await asyncio.to_thread(api.wait_for_text, other, "Tell me what happened", 30.0)
                await bot.drain()
                assert await bot.flush() == 0  # still refused; no error escapes
            assert api.to(blocked) == []
            with SqlUnitOfWork(engine) as uow:
                waiting = uow.conversations.pending()
            assert {reply.chat_id for reply in waiting} == {str(blocked)}

    asyncio.run(scenario())


def test_delete_wipes_what_the_person_told(engine: Engine, reader: MessageReader) -> None:
    chat = 5015

    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                await _answer(api, engine, chat, f"On {_day(9)} they kicked my door.")
                done = await _answer(api, engine, chat, "/delete")
                assert done.text.startswith("Done. I have wiped what you told me.")
                status = await _answer(api, engine, chat, "/status")
                assert status.text.startswith("You have not started yet.")
        with engine.connect() as connection:
            texts = connection.execute(
                select(InboundRecord.text, InboundRecord.raw).where(
                    InboundRecord.thread_key == str(chat)
                )
            ).all()
        assert texts[:2] == [(None, None), (None, None)]  # the story and the /delete itself
        assert _count(engine, ApplicationRecord) == 0

    asyncio.run(scenario())
