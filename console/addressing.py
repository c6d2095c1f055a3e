"""Where a letter to an applicant goes: the way they came to us.

An email applicant gets an email, a chat applicant a message from the bot, anyone else (a
phone call, a letter, a paper form, in person: assisted intake) a printed letter, posted or
handed over. The console is given how to read the address (:data:`Addressee`); the composition
root gives the email intake's own reading (Reply-To wins, as for the acknowledgement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parseaddr

from storage.tables import LetterChannel


@dataclass(frozen=True)
class Address:
    """How a letter reaches the applicant: the channel and the email address or chat id."""

    channel: LetterChannel
    recipient: str | None = None


# A case's first stored message: (channel, sender, thread key, raw bytes) -> its Address.
Addressee = Callable[[str, str | None, str | None, bytes | None], Address]

EMAIL_CHANNEL = "email"
CHAT_CHANNEL = "telegram"


def plain_addressee(
    channel: str, sender: str | None, thread_key: str | None, raw: bytes | None
) -> Address:
    """The stored sender for email, the chat (the message's thread key) for Telegram, post for
    the rest; post too when the address is missing."""
    if channel == EMAIL_CHANNEL:
        address = parseaddr(sender or "")[1]
        return (
            Address(LetterChannel.EMAIL, address) if "@" in address else Address(LetterChannel.POST)
        )
    if channel == CHAT_CHANNEL and thread_key:
        return Address(LetterChannel.TELEGRAM, thread_key)
    return Address(LetterChannel.POST)
