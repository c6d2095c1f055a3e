"""What a channel hands the system: one inbound message, stored before anything else happens.

Channels (``intake/`` for email, ``bot/`` for Telegram) build an :class:`InboundMessage` from
what arrived; storage keeps it (raw bytes first, idempotent on channel and external id); the
drafting use case reads it back. Plain values only: no channel or storage code here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class InboundChannel(StrEnum):
    """Where an inbound message came from; part of its idempotency key."""

    EMAIL = "email"  # IMAP or the drop folder: raw RFC 5322 bytes
    TELEGRAM = "telegram"  # a Telegram update: raw JSON bytes


@dataclass(frozen=True)
class InboundMessage:
    """A message as a channel received it, ready to store.

    ``external_id`` is unique per channel (an IMAP ``UIDVALIDITY:UID``, a Message-ID, a
    Telegram ``update_id``); ``thread_keys`` are the keys that tie it to a conversation, the
    first being the main one (a Telegram chat id, the root Message-ID of a mail thread).
    """

    channel: str
    external_id: str
    received_at: datetime
    raw: bytes | None = None
    text: str | None = None
    sender: str | None = None
    thread_keys: tuple[str, ...] = field(default_factory=tuple)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex digits (the content hash kept with raw bytes)."""
    return hashlib.sha256(data).hexdigest()
