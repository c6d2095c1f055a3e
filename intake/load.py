"""Load one input file of the ``trigger extract`` contract into a Document by its suffix."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from intake.errors import RejectedMessage
from intake.limits import MAX_MESSAGE_BYTES
from intake.mime import parse_email
from intake.transcript import parse_chat, parse_text
from nlp.document import Document


def _decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Plain texts saved on Windows are usually windows-1252; it maps almost every byte.
        return raw.decode("windows-1252", errors="replace")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; a file over ``max_bytes`` is refused before it is read."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise RejectedMessage(
                f"{path.name}: {size} bytes, over the limit of {max_bytes} for one message"
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew, or it is not a regular file
        raise RejectedMessage(f"{path.name}: over the limit of {max_bytes} bytes for one message")
    return data


def load_document(
    path: Path, received: datetime | None = None, *, max_bytes: int = MAX_MESSAGE_BYTES
) -> Document:
    """Read ``path`` (``.eml``, ``.chat.json`` or ``.txt``) into a Document.

    ``received`` is required for ``.txt`` (it has no date of its own) and ignored otherwise.
    Unknown suffixes, files over ``max_bytes`` and unusable contents raise
    :class:`RejectedMessage`; a missing or unreadable file raises the ``OSError`` it caused.
    """
    name = path.name.lower()
    if name.endswith(".chat.json"):
        return parse_chat(read_capped(path, max_bytes))
    if name.endswith(".eml"):
        return parse_email(read_capped(path, max_bytes))
    if name.endswith(".txt"):
        if received is None:
            raise RejectedMessage(
                f"{path.name}: a .txt input has no date of its own; pass --received ISO-8601"
            )
        return parse_text(_decode_text(read_capped(path, max_bytes)), received)
    raise RejectedMessage(f"{path.name}: unknown input type (expected .eml, .chat.json or .txt)")
