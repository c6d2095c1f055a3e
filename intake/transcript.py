"""Chat transcripts (``.chat.json``) and plain texts (``.txt``) to a Document.

The transcript format is the extract contract's ("Chat transcript"): ``channel``, ``platform``,
``user`` ``{id, name}`` and ``messages`` ``[{at, from, text}]``. The document's text is the
user's messages joined by ``\\n`` (evidence offsets point into it); the bot's messages are not
in it, but each user segment keeps the bot's question just before it as ``prompt``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from intake.errors import RejectedMessage
from intake.segments import segment_own_text
from nlp.document import Document, Person, Segment, SegmentKind

LONDON = ZoneInfo("Europe/London")
_SPEAKERS = ("user", "bot")


def _aware(moment: datetime) -> datetime:
    # Extract contract: relative dates resolve in Europe/London; a naive time is London time.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LONDON)


def _field(container: dict[str, Any], name: str, kind: type | tuple[type, ...], where: str) -> Any:
    if name not in container:
        raise RejectedMessage(f"chat transcript: missing field {where}{name}")
    value = container[name]
    if not isinstance(value, kind):
        raise RejectedMessage(f"chat transcript: field {where}{name} has the wrong type")
    return value


def _message_time(value: str, where: str) -> datetime:
    try:
        return _aware(datetime.fromisoformat(value))
    except ValueError as error:
        raise RejectedMessage(
            f"chat transcript: field {where}at is not an ISO-8601 date-time"
        ) from error


def parse_chat(data: bytes | str) -> Document:
    """Parse a ``.chat.json`` transcript into a Document (channel ``"chat"``).

    One CHAT_USER segment per user message, its reference that message's own time and its
    ``prompt`` the bot message just before it. ``received_at`` is the last user message's time.
    A transcript of the wrong shape raises :class:`RejectedMessage` naming the field.
    """
    try:
        loaded = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise RejectedMessage("chat transcript: not valid JSON") from error
    if not isinstance(loaded, dict):
        raise RejectedMessage("chat transcript: the top level must be an object")
    channel = _field(loaded, "channel", str, "")
    if channel != "chat":
        raise RejectedMessage('chat transcript: field channel must be "chat"')
    _field(loaded, "platform", str, "")
    user = _field(loaded, "user", dict, "")
    name = user.get("name")
    if name is not None and not isinstance(name, str):
        raise RejectedMessage("chat transcript: field user.name has the wrong type")
    messages = _field(loaded, "messages", list, "")

    parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    prompt: str | None = None
    last_user_time: datetime | None = None
    for index, message in enumerate(messages):
        where = f"messages[{index}]."
        if not isinstance(message, dict):
            raise RejectedMessage(f"chat transcript: messages[{index}] must be an object")
        moment = _message_time(_field(message, "at", str, where), where)
        speaker = _field(message, "from", str, where)
        if speaker not in _SPEAKERS:
            raise RejectedMessage(f"chat transcript: field {where}from must be user or bot")
        text = _field(message, "text", str, where).replace("\r\n", "\n").replace("\r", "\n")
        if speaker == "bot":
            prompt = text
            continue
        if parts:
            offset += 1  # the "\n" joining user messages
        if text:
            segments.append(
                Segment(
                    start=offset,
                    end=offset + len(text),
                    kind=SegmentKind.CHAT_USER,
                    reference=moment,
                    author=Person(name=name) if name else None,
                    prompt=prompt,
                )
            )
        parts.append(text)
        offset += len(text)
        last_user_time = moment
        prompt = None
    if last_user_time is None:
        raise RejectedMessage("chat transcript: no messages from the user")
    text = "\n".join(parts)
    if not text.strip():
        raise RejectedMessage("chat transcript: the user's messages have no text")
    return Document(
        channel="chat",
        text=text,
        received_at=last_user_time,
        segments=tuple(segments),
        sender=Person(name=name) if name else None,
    )


def parse_text(text: str, received_at: datetime) -> Document:
    """A plain-text account (``.txt``) received at ``received_at`` (naive = Europe/London).

    One BODY segment, with any closing signature or legal footer split into its own segment.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise RejectedMessage("the text is empty")
    received = _aware(received_at)
    return Document(
        channel="text",
        text=text,
        received_at=received,
        segments=segment_own_text(text, reference=received, author=None),
    )
