"""Delivering the letters officers send: a `trigger serve` service over the ``letters`` queue.

An officer's "Send letter" keeps the letter with its case as ``queued`` (email, chat). This
worker takes the oldest due one (a lease, so two workers never send the same letter), sends it
(an email with the PDF attached through the acknowledgements' SMTP settings; the PDF as a
document in the applicant's Telegram chat) and marks it ``sent``. A mail server or Telegram
that is down or busy postpones it (30 s, then doubling up to an hour) and the round stops using
that channel; a refusal for good (SMTP 5xx, a bot the person blocked) marks it ``failed`` with
the reason, for an officer to send another way. Letters of a channel not configured here
(no SMTP, no bot token) stay queued until it is. Every outcome is in the audit log.

The one window left: the server takes the letter and the database then fails to record it;
once the lease has passed it is sent again (as SMTP itself allows).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from app.serve import Service, pause, smtp_sender
from bot.letters import ChatUnavailable, DocumentRefused
from intake.letters import letter_email
from intake.smtp import MailRefused, MailUnavailable
from storage.repositories.letters import StoredLetter
from storage.tables import LetterChannel, utc_now
from storage.transient import Outage, is_transient
from storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from email.message import EmailMessage

    from app.settings import Settings

log = logging.getLogger(__name__)


class MailSender(Protocol):
    """Sends one email (:class:`intake.smtp.SmtpSender`)."""

    def send(self, message: EmailMessage) -> None:
        """Send it, or raise :class:`MailUnavailable` / :class:`MailRefused`."""


class ChatSender(Protocol):
    """Sends one document to a chat (:class:`bot.letters.TelegramLetters`)."""

    async def send(self, chat_id: str, *, caption: str, filename: str, pdf: bytes) -> None:
        """Send it, or raise :class:`ChatUnavailable` / :class:`DocumentRefused`."""

    async def stop(self) -> None:
        """Let go of the connection."""


class _Down(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def filename_of(letter: StoredLetter) -> str:
    """The PDF's file name as the applicant sees it: the reference and the kind."""
    from console.letters import letter_file_name

    return letter_file_name(letter.application_id, letter.kind)


@dataclass
class LetterDelivery:
    """Sends queued letters; see the module's docstring."""

    unit_of_work: UnitOfWorkFactory
    mail: MailSender | None = None
    from_address: str = ""
    chat: ChatSender | None = None
    clock: Callable[[], datetime] = utc_now
    lease: timedelta = timedelta(minutes=5)
    first_retry: timedelta = timedelta(seconds=30)
    longest_retry: timedelta = timedelta(hours=1)
    interval: float = 2.0

    @property
    def channels(self) -> frozenset[LetterChannel]:
        """The channels this worker can send by."""
        found = set()
        if self.mail is not None:
            found.add(LetterChannel.EMAIL)
        if self.chat is not None:
            found.add(LetterChannel.TELEGRAM)
        return frozenset(found)

    def _claim(self, channels: frozenset[LetterChannel]) -> StoredLetter | None:
        with self.unit_of_work() as uow:
            return uow.letters.claim_next(self.clock(), self.lease, channels=channels)

    async def deliver_once(self) -> int:
        """Send every due letter (stopping a channel at its first outage); return how many
        went out. Raises database errors."""
        sent = 0
        down: set[LetterChannel] = set()
        while True:
            letter = await asyncio.to_thread(self._claim, self.channels - down)
            if letter is None:
                return sent
            try:
                await self._send(letter)
            except _Down as outage:
                down.add(letter.channel)
                await asyncio.to_thread(self._postpone, letter, outage)
                continue
            except _Refused as refusal:
                log.warning("letter %d: refused for good (%s)", letter.id, refusal.reason)
                await asyncio.to_thread(self._record, "mark_failed", letter.id, refusal.reason)
                continue
            await asyncio.to_thread(self._record, "mark_sent", letter.id, self.clock())
            log.info("letter %d (%s) sent by %s", letter.id, letter.kind, letter.channel)
            log.debug("letter %d went to %s", letter.id, letter.recipient)
            sent += 1

    async def _send(self, letter: StoredLetter) -> None:
        if letter.recipient is None:
            raise _Refused("no_recipient")
        if letter.channel is LetterChannel.EMAIL and self.mail is not None:
            message = letter_email(
                from_address=self.from_address,
                to=letter.recipient,
                subject=letter.subject,
                note=letter.note,
                pdf=letter.pdf,
                filename=filename_of(letter),
                now=self.clock(),
            )
            try:
                await asyncio.to_thread(self.mail.send, message)
            except MailUnavailable as error:
                raise _Down(f"smtp_unavailable:{error}"[:120]) from None
            except MailRefused as error:
                raise _Refused(f"smtp_{error.code}") from None
        elif letter.channel is LetterChannel.TELEGRAM and self.chat is not None:
            try:
                await self.chat.send(
                    letter.recipient,
                    caption=letter.note,
                    filename=filename_of(letter),
                    pdf=letter.pdf,
                )
            except ChatUnavailable as error:
                raise _Down(error.reason, error.wait) from None
            except DocumentRefused as error:
                raise _Refused(error.reason) from None
        else:  # (claimed only for the channels this worker has)
            raise _Down("channel_not_configured")

    def _postpone(self, letter: StoredLetter, outage: _Down) -> None:
        backoff = self.first_retry * (2 ** min(letter.attempts, 16))
        wait = min(backoff, self.longest_retry)
        if outage.wait is not None:
            wait = max(wait, timedelta(seconds=outage.wait))
        log.warning(
            "letter %d: %s unavailable (%s); tried again in %d s",
            letter.id,
            letter.channel,
            outage.reason,
            wait.total_seconds(),
        )
        with self.unit_of_work() as uow:
            uow.letters.postpone(letter.id, outage.reason, self.clock() + wait)

    def _record(self, method: str, letter_id: int, value: object) -> None:
        with self.unit_of_work() as uow:
            getattr(uow.letters, method)(letter_id, value)

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver letters every :attr:`interval` seconds until ``stop`` is set."""
        outage = Outage("letters", log)
        try:
            while not stop.is_set():
                try:
                    await self.deliver_once()
                except Exception as exc:
                    if not is_transient(exc):
                        raise
                    await pause(stop, outage.failed(exc))
                    continue
                outage.recovered()
                await pause(stop, self.interval)
        finally:
            if self.chat is not None:
                await self.chat.stop()


def delivery_services(settings: Settings, unit_of_work: UnitOfWorkFactory) -> list[Service]:
    """The letter sender as a service, over the SMTP settings and the bot's token that are
    configured (none: no service, and letters wait in the queue)."""
    mail: MailSender | None = None
    chat: ChatSender | None = None
    if settings.smtp_configured:
        mail = smtp_sender(settings)
    if settings.telegram_configured:
        from bot.letters import TelegramLetters

        assert settings.telegram_token is not None
        chat = TelegramLetters(
            settings.telegram_token.get_secret_value(), settings.telegram_base_url
        )
    if mail is None and chat is None:
        log.info("letters: no SMTP and no Telegram bot: letters sent from the console wait")
        return []
    worker = LetterDelivery(
        unit_of_work,
        mail=mail,
        from_address=settings.letter_from or settings.smtp_from or "",
        chat=chat,
    )
    log.info(
        "letters: sent by %s; the others wait in the queue",
        " and ".join(str(channel) for channel in sorted(worker.channels)),
    )
    return [Service("letters", worker.run)]
