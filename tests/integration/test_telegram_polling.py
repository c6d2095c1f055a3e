"""Polling loses nothing: an update is confirmed to Telegram (the offset passes it) only once it
is committed, so a store that fails or a bot stopped between fetch and commit costs a
redelivery, never the update, and a redelivery is stored and answered once.

The real ``Application`` polls the local fake Bot API (tests/telegram_fake.py), which keeps an
update until a getUpdates offset passes it, as Telegram does. The store is made to fail by a
real database condition: the inbound table is renamed away for a moment.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import closing
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from bot.dialogue import Context
from bot.handling import ChatHandling
from bot.reading import MessageReader
from bot.telegram import RateLimit, TelegramBot, build_application
from bot.templates import render
from nlp.extract import Extractor
from storage.tables import InboundRecord, TelegramReply
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.conftest import StartServer
from tests.telegram_fake import TOKEN, FakeBotApi, running_fake
from trigger.profiles import get_profile

POLICY = "hart"
TABLE = InboundRecord.__tablename__
REPLIES = TelegramReply.__tablename__
WELCOME = render("welcome").splitlines()[0][:40]


@pytest.fixture(scope="module")
def reader() -> MessageReader:
    return MessageReader(Extractor())


@contextlib.asynccontextmanager
async def running_bot(
    api: FakeBotApi, engine: Engine, reader: MessageReader
) -> AsyncIterator[TelegramBot]:
    handling = ChatHandling(
        partial(SqlUnitOfWork, engine), Context(get_profile(POLICY), reader), policy=POLICY
    )
    bot = TelegramBot(
        build_application(TOKEN, api.base_url),
        handling,
        rate=RateLimit(burst=1000, interval=0.001),
    )
    await bot.start(poll_timeout=1)
    try:
        yield bot
    finally:
        await bot.stop()


@contextlib.contextmanager
def inbound_table_missing(engine: Engine) -> Iterator[None]:
    """Every store fails (no such table) until the block ends."""
    with engine.begin() as connection:
        connection.execute(text(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_away"))
    try:
        yield
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"ALTER TABLE {TABLE}_away RENAME TO {TABLE}"))


def stored(engine: Engine, update_id: int) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count())
                .select_from(InboundRecord)
                .where(
                    InboundRecord.channel == "telegram",
                    InboundRecord.external_id == str(update_id),
                )
            ).scalar_one()
        )


def welcomes(api: FakeBotApi, chat: int) -> int:
    return sum(WELCOME in sent.text for sent in api.to(chat))


async def until(api: FakeBotApi, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    await asyncio.to_thread(api.wait_for, condition, timeout)


def test_an_update_is_confirmed_only_once_it_is_committed(
    engine: Engine, reader: MessageReader
) -> None:
    async def scenario() -> None:
        with running_fake() as api:
            async with running_bot(api, engine, reader):
                with inbound_table_missing(engine):
                    update_id = api.say(7001, "/start")
                    # Fetched twice while the store fails: Telegram was never told to forget it.
                    await until(api, lambda: api.deliveries.get(update_id, 0) >= 2)
                    assert all(offset is None or offset <= update_id for offset in api.offsets)
                    assert update_id in api.pending()
                await until(api, lambda: welcomes(api, 7001) >= 1)
                await until(api, lambda: update_id not in api.pending())
            assert stored(engine, update_id) == 1
            assert welcomes(api, 7001) == 1
            first_past = next(i for i, o in enumerate(api.offsets) if o and o > update_id)
            assert api.offsets[first_past] == update_id + 1

    asyncio.run(scenario())


def test_a_bot_stopped_between_fetch_and_commit_stores_each_update_once_after_restart(
    engine: Engine, reader: MessageReader
) -> None:
    async def scenario() -> None:
        with running_fake() as api:
            chats = (7101, 7102, 7103)
            with contextlib.ExitStack() as table_back:
                async with running_bot(api, engine, reader):
                    table_back.enter_context(inbound_table_missing(engine))
                    ids = [api.say(chat, "/start") for chat in chats]
                    # Fetched, and fetched again (the poller went back to Telegram unconfirmed).
                    await until(api, lambda: all(api.deliveries.get(i, 0) >= 2 for i in ids))
                # Stopped holding fetched, uncommitted updates: Telegram still keeps them all.
                assert api.pending() == ids
            assert [stored(engine, i) for i in ids] == [0, 0, 0]
            async with running_bot(api, engine, reader):
                await until(api, lambda: all(welcomes(api, chat) >= 1 for chat in chats))
                await until(api, lambda: not api.pending())
            assert [stored(engine, i) for i in ids] == [1, 1, 1]
            assert [welcomes(api, chat) for chat in chats] == [1, 1, 1]

    asyncio.run(scenario())


def test_a_bot_stopped_after_commit_but_before_confirming_answers_each_update_once(
    engine: Engine, reader: MessageReader
) -> None:
    async def scenario() -> None:
        with running_fake() as api:
            chats = (7201, 7202, 7203)
            ids = [api.say(chat, "/start") for chat in chats]
            api.hold_after_delivery = True  # the getUpdates that would confirm them never lands
            async with running_bot(api, engine, reader):
                await until(api, lambda: api.held >= 1)
                await until(api, lambda: all(welcomes(api, chat) >= 1 for chat in chats))
                assert [stored(engine, i) for i in ids] == [1, 1, 1]
            api.release()
            assert api.pending() == ids  # committed, never confirmed: Telegram sends them again
            async with running_bot(api, engine, reader):
                await until(api, lambda: all(api.deliveries.get(i, 0) >= 2 for i in ids))
                await until(api, lambda: not api.pending())
            assert [stored(engine, i) for i in ids] == [1, 1, 1]
            assert [welcomes(api, chat) for chat in chats] == [1, 1, 1]

    asyncio.run(scenario())


def _stored_in(database: Path, update_ids: list[int]) -> list[int]:
    with closing(sqlite3.connect(database)) as connection:
        return [
            connection.execute(
                f"SELECT count(*) FROM {TABLE} WHERE channel = 'telegram' AND external_id = ?",  # noqa: S608 - our table name
                (str(update_id),),
            ).fetchone()[0]
            for update_id in update_ids
        ]


def _unsent_in(database: Path) -> int:
    with closing(sqlite3.connect(database, timeout=30)) as connection:
        query = f"SELECT count(*) FROM {REPLIES} WHERE sent_at IS NULL"  # noqa: S608 - ours
        return int(connection.execute(query).fetchone()[0])


def _rename(database: Path, old: str, new: str) -> None:
    with closing(sqlite3.connect(database, timeout=30)) as connection:
        connection.execute(f"ALTER TABLE {old} RENAME TO {new}")
        connection.commit()


def test_serve_killed_between_fetch_and_commit_stores_each_update_once_after_restart(
    serve: StartServer, tmp_path: Path
) -> None:
    database = tmp_path / "var" / "trigger.sqlite3"
    variables = {"TRIGGER_TELEGRAM_TOKEN": TOKEN}
    with running_fake() as api:
        variables["TRIGGER_TELEGRAM_BASE_URL"] = api.base_url
        server = serve(**variables)
        api.wait_for(lambda: bool(api.offsets), timeout=120)  # polling (recovery done)
        _rename(database, TABLE, f"{TABLE}_away")  # every store fails from now on
        ids = [api.say(chat, "/start") for chat in (7301, 7302)]
        api.wait_for(lambda: all(api.deliveries.get(i, 0) >= 2 for i in ids), timeout=60)
        server.process.kill()  # SIGKILL: no clean stop, nothing confirmed on the way out
        server.finish(timeout=30)
        assert api.pending() == ids
        _rename(database, f"{TABLE}_away", TABLE)
        server = serve(**variables)
        api.wait_for(lambda: not api.pending() and welcomes(api, 7302) >= 1, timeout=120)
        api.wait_for(lambda: welcomes(api, 7301) >= 1, timeout=60)
        status, log = server.stop(signal.SIGINT)
    assert status == 0, log
    assert _stored_in(database, ids) == [1, 1]
    assert [welcomes(api, 7301), welcomes(api, 7302)] == [1, 1]


def test_serve_killed_after_commit_before_confirming_answers_each_update_once(
    serve: StartServer, tmp_path: Path
) -> None:
    database = tmp_path / "var" / "trigger.sqlite3"
    with running_fake() as api:
        variables = {"TRIGGER_TELEGRAM_TOKEN": TOKEN, "TRIGGER_TELEGRAM_BASE_URL": api.base_url}
        ids = [api.say(chat, "/start") for chat in (7401, 7402)]
        api.hold_after_delivery = True
        server = serve(**variables)
        api.wait_for(lambda: api.held >= 1, timeout=120)
        api.wait_for(lambda: welcomes(api, 7401) >= 1 and welcomes(api, 7402) >= 1, timeout=60)
        # Killed once the replies are marked sent (a kill between Telegram accepting a reply
        # and its mark sends that reply again: the outbox's own window, not the inbound one's).
        api.wait_for(lambda: _unsent_in(database) == 0, timeout=60)
        server.process.kill()
        server.finish(timeout=30)
        api.release()
        assert api.pending() == ids  # committed and answered, never confirmed
        server = serve(**variables)
        api.wait_for(lambda: all(api.deliveries.get(i, 0) >= 2 for i in ids), timeout=120)
        api.wait_for(lambda: not api.pending(), timeout=60)
        status, log = server.stop(signal.SIGINT)
    assert status == 0, log
    assert _stored_in(database, ids) == [1, 1]
    assert [welcomes(api, 7401), welcomes(api, 7402)] == [1, 1]
