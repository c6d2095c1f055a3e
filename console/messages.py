"""The original messages of a case as the console shows them: text, never HTML.

How a stored message becomes text is the channel's business: the composition root (``app``)
gives the console a :class:`MessageReader`. Attachments are read from the raw email with the
standard library only, and are only ever offered as downloads.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from typing import Protocol


@dataclass(frozen=True)
class Attachment:
    """One attachment of an email: its name as sent (untrusted text), type and bytes."""

    index: int
    filename: str
    content_type: str
    payload: bytes

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return len(self.payload)


@dataclass(frozen=True)
class MessageView:
    """A stored message as an officer reads it. ``text`` is what evidence spans index."""

    inbound_id: int
    channel: str
    received_at: datetime
    sender: str | None
    subject: str | None
    text: str
    attachments: list[Attachment] = field(default_factory=list)
    problem: str | None = None  # why the text could not be read, if it could not


class MessageReader(Protocol):
    """Turns a stored message into what the console shows."""

    def __call__(
        self,
        inbound_id: int,
        channel: str,
        received_at: datetime,
        sender: str | None,
        raw: bytes | None,
        text: str | None,
    ) -> MessageView: ...


def email_attachments(raw: bytes) -> list[Attachment]:
    """The attachments of a raw email, in order (unreadable mail: none)."""
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # hostile input: the text view reports the problem
        return []
    if not isinstance(message, EmailMessage):
        return []
    found: list[Attachment] = []
    try:
        parts = list(message.iter_attachments())
    except Exception:
        return []
    for index, part in enumerate(parts):
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            payload = None
        found.append(
            Attachment(
                index=index,
                filename=str(part.get_filename() or f"attachment-{index + 1}"),
                content_type=part.get_content_type(),
                payload=payload if isinstance(payload, bytes) else b"",
            )
        )
    return found


def plain_reader(
    inbound_id: int,
    channel: str,
    received_at: datetime,
    sender: str | None,
    raw: bytes | None,
    text: str | None,
) -> MessageView:
    """A reader with the standard library only: the stored text, else an email's plain part."""
    subject: str | None = None
    attachments: list[Attachment] = []
    if raw is not None and channel == "email":
        message = email.message_from_bytes(raw, policy=email.policy.default)
        subject = str(message.get("Subject", "")) or None
        attachments = email_attachments(raw)
        if text is None and isinstance(message, EmailMessage):
            body = message.get_body(preferencelist=("plain",))
            text = str(body.get_content()) if body is not None else None
    return MessageView(
        inbound_id=inbound_id,
        channel=channel,
        received_at=received_at,
        sender=sender,
        subject=subject,
        text=text or "",
        attachments=attachments,
    )
