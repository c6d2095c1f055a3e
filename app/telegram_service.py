"""The Telegram bot as a `trigger serve` service: the bot (``bot/``) over our storage.

Builds the language pipeline (off the event loop, once), the python-telegram-bot application
pointed at ``TRIGGER_TELEGRAM_BASE_URL`` and the chat handling over the unit of work, then runs
polling (the default) or, with ``TRIGGER_TELEGRAM_WEBHOOK_URL`` set, a webhook endpoint.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from app.serve import Service

if TYPE_CHECKING:
    from app.settings import Settings
    from storage.unit_of_work import UnitOfWorkFactory
    from trigger.profiles import Profile

log = logging.getLogger("trigger.serve")


def telegram_service(
    settings: Settings, unit_of_work: UnitOfWorkFactory, profile: Profile
) -> Service:
    """The bot as a service; ``settings.telegram_token`` must be set."""
    assert settings.telegram_token is not None
    token = settings.telegram_token.get_secret_value()
    # httpx logs every request's URL at INFO, and a Bot API URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)

    async def run(stop: asyncio.Event) -> None:
        from bot.dialogue import Context
        from bot.handling import ChatHandling
        from bot.reading import MessageReader
        from bot.telegram import RateLimit, TelegramBot, build_application
        from nlp.extract import Extractor

        extractor = await asyncio.to_thread(Extractor)
        handling = ChatHandling(
            unit_of_work, Context(profile, MessageReader(extractor)), policy=profile.id
        )
        rate = RateLimit(
            burst=settings.telegram_rate_burst, interval=settings.telegram_rate_interval_seconds
        )
        bot = TelegramBot(build_application(token, settings.telegram_base_url), handling, rate=rate)
        if settings.telegram_webhook_url:
            from bot.webhook import run_webhook

            assert settings.telegram_webhook_secret is not None
            log.info(
                "Telegram: webhook on %s:%d%s",
                settings.telegram_webhook_listen,
                settings.telegram_webhook_port,
                settings.telegram_webhook_path,
            )
            await run_webhook(
                bot,
                stop,
                url=settings.telegram_webhook_url,
                secret=settings.telegram_webhook_secret.get_secret_value(),
                host=settings.telegram_webhook_listen,
                port=settings.telegram_webhook_port,
                path=settings.telegram_webhook_path,
            )
        else:
            log.info("Telegram: polling for updates")
            await bot.run(stop)

    return Service("telegram", run)
