"""The python-telegram-bot adapter: updates in, replies out. Thin on purpose.

Every update is committed as an inbound message before anything else (:class:`ChatHandling`),
then queued to its chat's worker. Each chat has one worker, so a chat's updates are handled in
order and never two at once, and a per-chat rate limit (:class:`RateLimit`) slows a flood down
without dropping a word: every update is stored and handled, just not faster than the limit.
Replies come from the outbox and go only to the chat the outbox row names (the chat the update
came from); Telegram's 429 ``retry_after`` is waited out and the same reply sent again, and a
reply is marked sent once Telegram accepted it, so it goes out once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import RetryAfter, TelegramError
from telegram.ext import Application

from bot.handling import CHANNEL, ChatHandling
from bot.polling import Poller, retry_seconds
from bot.state import Event, EventKind
from bot.templates import render
from storage.repositories.conversations import Buttons, PendingReply
from trigger.inbound import InboundMessage

log = logging.getLogger(__name__)


def parse_update(update: Update, now: datetime) -> tuple[InboundMessage, Event] | None:
    """The inbound message to store and the dialogue event of an update, or None for an
    update the bot does not answer (an edit, a photo without text, a channel post)."""
    raw = json.dumps(update.to_dict(), sort_keys=True).encode()
    query = update.callback_query
    message = update.message
    sender: str | None
    if query is not None and query.message is not None and query.data:
        chat_id = str(query.message.chat.id)
        kind, text, at = EventKind.PRESS, query.data, now
        sender = str(query.from_user.id)
    elif message is not None and message.text and message.chat.type == "private":
        chat_id = str(message.chat.id)
        text = message.text
        kind = EventKind.COMMAND if text.startswith("/") else EventKind.TEXT
        at = message.date.astimezone(UTC) if message.date else now
        sender = str(message.from_user.id) if message.from_user else None
    else:
        return None
    inbound = InboundMessage(
        channel=CHANNEL,
        external_id=str(update.update_id),
        received_at=at,
        raw=raw,
        text=text if kind is not EventKind.PRESS else None,
        sender=sender,
        thread_keys=(chat_id,),
    )
    return inbound, Event(kind, text, at, chat_id)


def build_application(token: str, base_url: str) -> Application[Any, Any, Any, Any, Any, Any]:
    """The python-telegram-bot application for ``token`` at ``base_url`` (Telegram's, or a
    local fake in tests).

    Opts in to PTB's future time periods (``PTB_TIMEDELTA``): without it, PTB warns each time
    it reads a 429's ``retry_after`` (a deprecation of 22.2), inside its own request code.
    """
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    return Application.builder().token(token).base_url(base_url).build()


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    """An inline keyboard from stored buttons."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b["label"], callback_data=b["data"]) for b in row]
            for row in buttons
        ]
    )


@dataclass
class RateLimit:
    """A token bucket per chat: ``burst`` updates at once, then one every ``interval`` s."""

    burst: int = 5
    interval: float = 1.0
    _tokens: dict[str, tuple[float, float]] = field(default_factory=dict)

    def wait(self, chat_id: str, now: float) -> float:
        """Seconds to wait before handling the chat's next update (0: go), taking a token."""
        tokens, last = self._tokens.get(chat_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) / self.interval)
        if tokens >= 1:
            self._tokens[chat_id] = (tokens - 1, now)
            return 0.0
        delay = (1 - tokens) * self.interval
        self._tokens[chat_id] = (0.0, now + delay)
        return delay


class TelegramBot:
    """Runs the dialogue behind a python-telegram-bot :class:`Application` (polling with
    :class:`~bot.polling.Poller`, or the webhook of :mod:`bot.webhook`)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        handling: ChatHandling,
        *,
        rate: RateLimit | None = None,
        slow_down_backlog: int = 3,
        reminder_seconds: float = 3600.0,
    ) -> None:
        self.application = application
        self.handling = handling
        self.rate = rate or RateLimit()
        self.slow_down_backlog = slow_down_backlog
        self.reminder_seconds = reminder_seconds
        self._queues: dict[str, asyncio.Queue[tuple[int, Event]]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._warned: set[str] = set()
        self._polling: asyncio.Task[None] | None = None

    async def receive(self, update: Update) -> None:
        """Store ``update`` (committed before this returns), then queue it to its chat.

        Raises when it could not be stored: the caller must not confirm it to Telegram (the
        poller asks for it again, the webhook answers an error so Telegram posts it again)."""
        parsed = parse_update(update, datetime.now(UTC))
        if parsed is None:
            return
        inbound, event = parsed
        inbound_id, created = await self._store(inbound)
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer()
        if not created and await asyncio.to_thread(self.handling.is_processed, inbound_id):
            log.info("telegram: update %s seen before; not handled again", inbound.external_id)
            return
        self._enqueue(inbound_id, event)

    async def _store(self, inbound: InboundMessage) -> tuple[int, bool]:
        """Commit the raw update, once: a failure is left to Telegram's redelivery."""
        return await asyncio.to_thread(self.handling.store, inbound)

    def _enqueue(self, inbound_id: int, event: Event) -> None:
        queue = self._queues.get(event.chat_id)
        if queue is None:
            queue = self._queues[event.chat_id] = asyncio.Queue()
            self._workers[event.chat_id] = asyncio.create_task(
                self._work(event.chat_id, queue), name=f"telegram chat worker {event.chat_id}"
            )
        queue.put_nowait((inbound_id, event))

    async def _work(self, chat_id: str, queue: asyncio.Queue[tuple[int, Event]]) -> None:
        while True:
            inbound_id, event = await queue.get()
            try:
                delay = self.rate.wait(chat_id, time.monotonic())
                if delay > 0:
                    if queue.qsize() >= self.slow_down_backlog and chat_id not in self._warned:
                        self._warned.add(chat_id)
                        await self._send(chat_id, render("slow_down"), None)
                    await asyncio.sleep(delay)
                elif queue.empty():
                    self._warned.discard(chat_id)
                await asyncio.to_thread(self.handling.handle, inbound_id, event)
                await self.flush(chat_id)
            except Exception:
                log.exception("telegram: update %d of a chat failed; kept for a retry", inbound_id)
            finally:
                queue.task_done()

    async def flush(self, chat_id: str | None = None) -> int:
        """Send the replies waiting in the outbox (of one chat); returns how many went out."""
        sent = 0
        refused: set[str] = set()
        pending = await asyncio.to_thread(self._pending, chat_id)
        for reply in pending:
            if reply.chat_id in refused:
                continue  # keep the chat's order: its later replies wait with the refused one
            try:
                await self._send(reply.chat_id, reply.text, reply.buttons)
            except TelegramError as error:
                # Blocked by the person, network trouble...: the reply stays queued and goes
                # out with the chat's next flush; other chats are not held up.
                log.warning("telegram: a reply could not be sent (%s)", type(error).__name__)
                refused.add(reply.chat_id)
                continue
            await asyncio.to_thread(self._mark_sent, reply.id)
            sent += 1
        return sent

    def _pending(self, chat_id: str | None) -> list[PendingReply]:
        with self.handling.unit_of_work() as uow:
            return uow.conversations.pending(chat_id, limit=1000)

    def _mark_sent(self, reply_id: int) -> None:
        with self.handling.unit_of_work() as uow:
            uow.conversations.mark_sent(reply_id, datetime.now(UTC))

    async def _send(self, chat_id: str, text: str, buttons: Buttons | None) -> None:
        while True:
            try:
                await self.application.bot.send_message(
                    chat_id=int(chat_id), text=text, reply_markup=keyboard(buttons)
                )
                return
            except RetryAfter as error:
                wait = retry_seconds(error)
                log.warning("telegram: asked to wait %.1f s before sending again", wait)
                await asyncio.sleep(wait)

    async def remind(self) -> int:
        """Send the reminders due today; returns how many went out."""
        today = datetime.now(UTC).date()
        due = await asyncio.to_thread(self.handling.due_reminders, today)
        for chat_id, replies in due:
            for reply in replies:
                await self._send(chat_id, reply.text, None)
        return len(due)

    async def recover(self) -> int:
        """Handle updates stored but never handled (the process stopped in between), then send
        what the outbox still holds. Returns how many updates were handled."""
        records = await asyncio.to_thread(self._unhandled)
        for inbound_id, raw in records:
            update = Update.de_json(json.loads(raw), self.application.bot)
            parsed = parse_update(update, datetime.now(UTC))
            if parsed is not None:
                self._enqueue(inbound_id, parsed[1])
        await self.drain()
        await self.flush()
        return len(records)

    def _unhandled(self) -> list[tuple[int, bytes]]:
        with self.handling.unit_of_work() as uow:
            return uow.conversations.unhandled(CHANNEL)

    async def drain(self) -> None:
        """Wait until every queued update has been handled."""
        for queue in list(self._queues.values()):
            await queue.join()

    async def start(self, *, poll_timeout: int = 10) -> None:
        """Start the application and polling (the caller stops with :meth:`stop`)."""
        await self.application.initialize()
        await self.application.start()
        await self.recover()
        poller = Poller(self.application.bot, self.receive, timeout=poll_timeout)
        self._polling = asyncio.create_task(poller.run(), name="telegram polling")

    async def stop(self) -> None:
        """Stop polling, finish what is queued, stop the application."""
        if self._polling is not None:
            self._polling.cancel()  # the long poll goes at once; nothing fetched is confirmed
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
            self._polling = None
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.drain(), timeout=30)
        for task in self._workers.values():
            task.cancel()
        for task in self._workers.values():
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._workers.clear()
        self._queues.clear()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def run(self, stop: asyncio.Event) -> None:
        """Run until ``stop`` is set (a ``trigger serve`` service)."""
        await self.start()
        try:
            await self.keep_reminding(stop)
        finally:
            await self.stop()

    async def keep_reminding(self, stop: asyncio.Event) -> None:
        """Send due reminders every ``reminder_seconds`` until ``stop`` is set."""
        while not stop.is_set():
            try:
                await self.remind()
            except Exception:
                log.exception("telegram: sending reminders failed; tried again later")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.reminder_seconds)
