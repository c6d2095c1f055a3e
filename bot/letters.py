"""Letters to a chat applicant: the bot sends the PDF as a document (Bot API ``sendDocument``)
with the covering note as its caption. The only code that sends letters to Telegram.

Telegram's errors are translated here: :class:`ChatUnavailable` (the network, Telegram busy or
asking us to wait, a token that does not work: try again later, the letter stays queued) and
:class:`DocumentRefused` (the person blocked the bot, the chat does not exist: sending again
will not help, an officer must write another way).
"""

from __future__ import annotations

import os

from telegram import Bot
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError

from bot.polling import retry_seconds

#: Telegram's longest caption.
CAPTION_LIMIT = 1024


class ChatUnavailable(Exception):
    """Telegram could not take the document now; ``wait``: how long it asked us to wait."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class DocumentRefused(Exception):
    """Telegram refused the document for good; ``reason`` is a short code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TelegramLetters:
    """Sends letters through the bot ``token`` at ``base_url`` (Telegram's, or a local fake)."""

    def __init__(self, token: str, base_url: str) -> None:
        os.environ.setdefault("PTB_TIMEDELTA", "true")  # as bot.telegram.build_application
        self.bot = Bot(token, base_url=base_url)
        self._ready = False

    async def stop(self) -> None:
        """Close the bot's HTTP client (if a letter opened it)."""
        if self._ready:
            self._ready = False
            await self.bot.shutdown()

    async def send(self, chat_id: str, *, caption: str, filename: str, pdf: bytes) -> None:
        """Send ``pdf`` to the chat as ``filename`` with ``caption``; raise
        :class:`ChatUnavailable` or :class:`DocumentRefused`, never a library error."""
        try:
            if not self._ready:  # at the first letter: Telegram may be down when we start
                await self.bot.initialize()
                self._ready = True
            await self.bot.send_document(
                chat_id=int(chat_id),
                document=pdf,
                filename=filename,
                caption=caption[:CAPTION_LIMIT],
            )
        except RetryAfter as error:
            raise ChatUnavailable("telegram_retry_after", retry_seconds(error)) from None
        except Forbidden:
            raise DocumentRefused("telegram_forbidden") from None
        except BadRequest:  # (a NetworkError in PTB's tree: caught first)
            raise DocumentRefused("telegram_bad_request") from None
        except InvalidToken:
            raise ChatUnavailable("telegram_invalid_token") from None
        except TelegramError as error:  # NetworkError, TimedOut, a 5xx
            raise ChatUnavailable(f"telegram_{type(error).__name__}") from None
        except ValueError:  # not a chat id
            raise DocumentRefused("telegram_no_chat") from None
