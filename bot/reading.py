"""The language work the dialogue is given: one chat message -> what it tells (no threshold)."""

from __future__ import annotations

from datetime import datetime

from nlp.document import Document, Segment, SegmentKind
from nlp.extract import Extractor
from trigger.draft import Draft


class MessageReader:
    """Reads one chat message with a shared :class:`Extractor` (build it once)."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def __call__(self, text: str, at: datetime, prompt: str | None) -> Draft:
        """What ``text``, sent at ``at`` after the bot asked ``prompt``, tells."""
        segment = Segment(0, len(text), SegmentKind.CHAT_USER, at, prompt=prompt)
        document = Document(channel="chat", text=text, received_at=at, segments=(segment,))
        return self.extractor.extract(document)
