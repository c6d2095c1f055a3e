"""The bot inside `trigger serve`: polling a local fake Bot API, and the webhook endpoint."""

from __future__ import annotations

import asyncio
import signal
import socket
from functools import partial

import httpx
from sqlalchemy import Engine, func, select

from bot.dialogue import Context
from bot.handling import ChatHandling
from bot.reading import MessageReader
from bot.telegram import RateLimit, TelegramBot, build_application
from bot.webhook import SECRET_HEADER, run_webhook
from nlp.extract import Extractor
from storage.tables import InboundRecord
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.conftest import StartServer
from tests.telegram_fake import TOKEN, running_fake
from trigger.profiles import get_profile


def test_serve_runs_the_bot_when_a_token_is_set(serve: StartServer) -> None:
    with running_fake() as api:
        server = serve(TRIGGER_TELEGRAM_TOKEN=TOKEN, TRIGGER_TELEGRAM_BASE_URL=api.base_url)
        server.wait_for("trigger serve ready")
        server.wait_for("Telegram: polling for updates", timeout=120)
        api.say(4242, "/start")
        welcome = api.wait_for_text(4242, "in your own words", timeout=60)
        assert welcome.chat_id == 4242
        status, log = server.stop(signal.SIGINT)
    assert status == 0, log
    assert "Traceback" not in log
    assert TOKEN not in log  # the token is a secret
    assert "/start" not in log  # no message text in the log at INFO


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_webhook_refuses_a_wrong_secret_and_stores_nothing(engine: Engine) -> None:
    port = _free_port()
    secret = "s3cret-token_value"
    update = {
        "update_id": 9001,
        "message": {
            "message_id": 1,
            "date": 1765051200,
            "chat": {"id": 6001, "type": "private"},
            "from": {"id": 6001, "is_bot": False, "first_name": "Person"},
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }

    def stored() -> int:
        with engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(InboundRecord)).scalar_one()
            )

    async def scenario() -> None:
        with running_fake() as api:
            handling = ChatHandling(
                partial(SqlUnitOfWork, engine),
                Context(get_profile("hart"), MessageReader(Extractor())),
                policy="hart",
            )
            bot = TelegramBot(build_application(TOKEN, api.base_url), handling, rate=RateLimit())
            stop = asyncio.Event()
            task = asyncio.create_task(
                run_webhook(
                    bot,
                    stop,
                    url="https://bot.example.org/telegram",
                    secret=secret,
                    host="127.0.0.1",
                    port=port,
                    path="/telegram",
                )
            )
            try:
                url = f"http://127.0.0.1:{port}/telegram"
                async with httpx.AsyncClient() as client:
                    for _ in range(100):
                        try:
                            answer = await client.post(url, json=update)
                            break
                        except httpx.ConnectError:
                            await asyncio.sleep(0.1)
                    assert answer.status_code == 403
                    wrong = await client.post(url, json=update, headers={SECRET_HEADER: "nope"})
                    assert wrong.status_code == 403
                    assert stored() == 0
                    assert api.webhook["secret_token"] == secret
                    right = await client.post(url, json=update, headers={SECRET_HEADER: secret})
                    assert right.status_code == 200
                    assert stored() == 1  # committed before the 200
                await asyncio.to_thread(api.wait_for_text, 6001, "Tell me what happened", 30.0)
            finally:
                stop.set()
                await task

    asyncio.run(scenario())
