"""Webhook mode: Telegram posts updates to us (for deployments behind a load balancer).

The ``X-Telegram-Bot-Api-Secret-Token`` header must equal the secret given to ``setWebhook``,
compared in constant time; otherwise the answer is 403 and nothing is stored. An accepted
update is committed to the database before the 200 goes back, so Telegram retries anything we
did not keep.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import Iterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update

from bot.telegram import TelegramBot

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(bot: TelegramBot, secret: str, path: str) -> Starlette:
    """The ASGI app that receives Telegram's posts at ``path``."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            log.warning("telegram webhook: a post without the right secret was refused")
            return Response(status_code=403)
        try:
            data = await request.json()
            update = Update.de_json(data, bot.application.bot)
        except (ValueError, TypeError, KeyError):
            return Response(status_code=400)
        await bot.receive(update)
        return Response(status_code=200)

    return Starlette(routes=[Route(path, receive, methods=["POST"])])


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: `trigger serve` owns the signals."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def run_webhook(
    bot: TelegramBot,
    stop: asyncio.Event,
    *,
    url: str,
    secret: str,
    host: str,
    port: int,
    path: str,
) -> None:
    """Register the webhook with Telegram and serve it until ``stop`` is set."""
    application = bot.application
    await application.initialize()
    await application.start()
    await bot.recover()
    await application.bot.set_webhook(url=url, secret_token=secret)
    config = uvicorn.Config(
        webhook_app(bot, secret, path), host=host, port=port, log_level="warning", lifespan="off"
    )
    server = _Server(config)
    serving = asyncio.create_task(server.serve(), name="telegram webhook")
    try:
        await bot.keep_reminding(stop)
    finally:
        server.should_exit = True
        await serving
        await bot.stop()
