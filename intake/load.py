"""Load one input file of the ``trigger extract`` contract into a Document by its suffix."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from intake.errors import RejectedMessage
from intake.mime import parse_email
from intake.transcript import parse_chat, parse_text
from nlp.document import Document


def _decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Plain texts saved on Windows are usually windows-1252; it maps almost every byte.
        return raw.decode("windows-1252", errors="replace")


def load_document(path: Path, received: datetime | None = None) -> Document:
    """Read ``path`` (``.eml``, ``.chat.json`` or ``.txt``) into a Document.

    ``received`` is required for ``.txt`` (it has no date of its own) and ignored otherwise.
    Unknown suffixes and unusable contents raise :class:`RejectedMessage`; a missing or
    unreadable file raises the ``OSError`` it caused.
    """
    name = path.name.lower()
    if name.endswith(".chat.json"):
        return parse_chat(path.read_bytes())
    if name.endswith(".eml"):
        return parse_email(path.read_bytes())
    if name.endswith(".txt"):
        if received is None:
            raise RejectedMessage(
                f"{path.name}: a .txt input has no date of its own; pass --received ISO-8601"
            )
        return parse_text(_decode_text(path.read_bytes()), received)
    raise RejectedMessage(f"{path.name}: unknown input type (expected .eml, .chat.json or .txt)")
