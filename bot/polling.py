"""Polling Telegram for updates without losing one: an update is confirmed only once committed.

Telegram forgets every update below the ``offset`` a getUpdates call asks for. PTB's Updater
asks for the next offset on its next call whatever became of the update it fetched, so a process
that died before committing it lost it for good. This loop asks for ``last committed update id
+ 1`` only: an update whose commit failed, or which a process fetched and then died holding, is
delivered again by Telegram, and storing it again is harmless (inbound messages are unique per
channel and update id). It starts with no offset, so after a restart Telegram itself says where
we were: the first update it did not hear confirmed.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import TypeVar

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

log = logging.getLogger(__name__)

#: The updates the dialogue answers; Telegram keeps the others to itself.
ALLOWED_UPDATES = ("message", "callback_query")

Receive = Callable[[Update], Awaitable[None]]
T = TypeVar("T")


class Backoff:
    """Waits that double from ``first`` up to ``longest`` while failures go on."""

    def __init__(self, first: float = 0.5, longest: float = 30.0) -> None:
        self.first = first
        self.longest = longest
        self._next = first

    def next(self) -> float:
        """The wait before the next attempt (and double the one after)."""
        wait = self._next
        self._next = min(self._next * 2, self.longest)
        return wait

    def reset(self) -> None:
        """An attempt succeeded: the next failure waits ``first`` again."""
        self._next = self.first


def retry_seconds(error: RetryAfter) -> float:
    """How long Telegram asked us to wait (an int or a timedelta, depending on PTB settings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Poller:
    """Long-polls getUpdates and hands each update to ``receive`` (which commits it), in order;
    the offset moves past an update only after ``receive`` returned for it."""

    def __init__(
        self,
        bot: Bot,
        receive: Receive,
        *,
        timeout: int = 10,
        allowed_updates: Sequence[str] = ALLOWED_UPDATES,
        backoff: Backoff | None = None,
    ) -> None:
        self.bot = bot
        self.receive = receive
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates)
        self.backoff = backoff or Backoff()
        #: The update id Telegram is asked to start from: the last committed one + 1.
        self.offset: int | None = None

    async def run(self) -> None:
        """Poll until cancelled (cancelling drops the long poll at once)."""
        await self._until_done(self._delete_webhook, "removing the webhook")
        while True:
            updates = await self._until_done(self._fetch, "getUpdates")
            if not await self._commit(updates):
                await asyncio.sleep(self.backoff.next())

    async def _delete_webhook(self) -> None:
        # getUpdates answers Conflict while a webhook is set; pending updates are kept.
        await self.bot.delete_webhook(drop_pending_updates=False)

    async def _fetch(self) -> tuple[Update, ...]:
        return await self.bot.get_updates(
            offset=self.offset,
            timeout=timedelta(seconds=self.timeout),
            allowed_updates=self.allowed_updates,
        )

    async def _commit(self, updates: Sequence[Update]) -> bool:
        """Receive ``updates`` in order, confirming each; False when one could not be stored
        (it and the ones after it are fetched again)."""
        for update in updates:
            try:
                await self.receive(update)
            except Exception as error:  # noqa: BLE001 - Telegram keeps it; we try again
                log.warning(
                    "telegram: update %d could not be stored (%s); fetched again later",
                    update.update_id,
                    type(error).__name__,
                )
                return False
            self.offset = update.update_id + 1
        self.backoff.reset()
        return True

    async def _until_done(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        """``call()``, tried again after Telegram's or the network's trouble."""
        while True:
            try:
                result = await call()
            except RetryAfter as error:
                wait = retry_seconds(error)
                log.warning("telegram: %s: asked to wait %.1f s", what, wait)
            except InvalidToken:
                raise  # no wait mends a wrong token
            except Conflict as error:
                wait = self.backoff.next()
                log.error("telegram: %s: conflict (%s); trying again in %g s", what, error, wait)
            except NetworkError as error:  # TimedOut included
                wait = self.backoff.next()
                log.warning("telegram: %s failed (%s); trying again in %g s", what, error, wait)
            except TelegramError as error:
                wait = self.backoff.next()
                log.error("telegram: %s refused (%s); trying again in %g s", what, error, wait)
            else:
                self.backoff.reset()
                return result
            await asyncio.sleep(wait)
