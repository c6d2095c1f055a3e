"""The bot through python-telegram-bot's own HTTP stack: the real ``Application`` polls a local
fake of the Bot API (tests/telegram_fake.py) and stores everything in a real database."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, func, select
from telegram.ext import Application

from bot.dialogue import Context
from bot.handling import ChatHandling
from bot.reading import MessageReader
from bot.telegram import RateLimit, TelegramBot
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
    application = Application.builder().token(TOKEN).base_url(api.base_url).build()
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
    "reference number": "no",
    "anything else": "no",
    "for yourself": "for me",
    "someone else": "for me",
    "get in touch with you": "07700 900123",
    "share what you tell us": "yes",
    "health or your sleep": "yes",
    "unsafe in your home": "no",
    "who you are": "no",
    "children": "no",
    "health problem or disability": "no",
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
