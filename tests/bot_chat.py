"""A person chatting with the pure dialogue (no Telegram): sends texts and presses, keeps the
conversation as the database would, and records every reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.dialogue import Context, step, submitted
from bot.state import Conversation, Event, EventKind, Reply, Turn


class Chat:
    """One chat with the dialogue; ``replies`` holds what the bot said to the last event."""

    def __init__(self, ctx: Context, chat_id: str = "1001", at: datetime | None = None) -> None:
        self.ctx = ctx
        self.conversation = Conversation(chat_id=chat_id)
        self.at = at or datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
        self.replies: list[Reply] = []
        self.transcript: list[Reply] = []
        self.turns: list[Turn] = []
        self.submitted_as: str | None = None

    def _run(self, event: Event) -> list[Reply]:
        turn = step(self.conversation, event, self.ctx)
        self.turns.append(turn)
        self.conversation = turn.conversation
        self.replies = list(turn.replies)
        if turn.submit:
            self.submitted_as = f"CT-{len(self.turns):06d}"
            after = submitted(self.conversation, self.submitted_as, len(self.turns), event.at)
            self.conversation = after.conversation
            self.replies += after.replies
        self.transcript += self.replies
        self.at += timedelta(minutes=1)
        return self.replies

    def say(self, text: str) -> list[Reply]:
        kind = EventKind.COMMAND if text.startswith("/") else EventKind.TEXT
        return self._run(Event(kind, text, self.at, self.conversation.chat_id))

    def press(self, label: str) -> list[Reply]:
        for reply in reversed(self.replies):
            for row in reply.buttons:
                for button in row:
                    if button.label == label:
                        return self._run(
                            Event(EventKind.PRESS, button.data, self.at, self.conversation.chat_id)
                        )
        raise AssertionError(f"no button {label!r} in {self.replies}")

    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)
