"""What the dialogue keeps between messages, and what one turn hands back.

Plain values only (pydantic models so a conversation round-trips through JSON in the database):
no Telegram, no storage. :mod:`bot.dialogue` reads a :class:`Conversation` and an :class:`Event`
and returns a :class:`Turn`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from trigger.draft import Draft


class Stage(StrEnum):
    """Where a conversation is."""

    NEW = "new"  # nothing told yet
    STORY = "story"  # waiting for the person to tell what happened
    QUESTIONS = "questions"  # asking what the threshold still needs
    REVIEW = "review"  # the summary is shown: submit, correct or add
    SUBMITTED = "submitted"  # sent to officers


class Ask(StrEnum):
    """The questions the bot can ask, each about one fact."""

    REJECTED_DATE = "rejected_date"
    WHEN = "when"
    REPORTED = "reported"
    WHO = "who"
    REPORTED_ON = "reported_on"
    REFERENCE = "reference"
    MORE = "more"
    APPLICANT = "applicant"
    THIRD_PARTY_CONSENT = "third_party_consent"
    CONTACT = "contact"
    SHARE = "share"
    RISK = "risk"  # the short harm-centred risk assessment, as one checklist
    SUBMIT = "submit"


#: The risk assessment's items, in the order the checklist numbers them (the names of
#: ``trigger.profiles.RiskAssessment``'s points).
RISK_ITEMS = ("health_sleep", "unsafe_home", "targeted", "children", "vulnerable")


class RiskLevel(StrEnum):
    """The risk assessment's result; medium and high reach an officer first."""

    STANDARD = "standard"
    MEDIUM = "medium"
    HIGH = "high"


class Question(BaseModel):
    """The question now waiting for an answer: its kind and, for incident facts, which one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ask: Ask
    index: int | None = None

    @property
    def key(self) -> str:
        """A stable key ("when:1", "applicant") for what has been asked."""
        return self.ask.value if self.index is None else f"{self.ask.value}:{self.index}"


class Conversation(BaseModel):
    """Everything the bot remembers about one chat."""

    model_config = ConfigDict(extra="forbid")

    chat_id: str
    stage: Stage = Stage.NEW
    draft: Draft | None = None
    #: The question waiting for an answer (None when none is).
    question: Question | None = None
    #: Question keys already answered or skipped ("when:0", "applicant", "risk:children").
    settled: list[str] = Field(default_factory=list)
    #: How many buttons the bot has sent; a button carries the number of its question.
    asked: int = 0
    risk_answers: dict[str, bool] = Field(default_factory=dict)
    risk_level: RiskLevel | None = None
    urgent: bool = False
    contact: str | None = None
    share_consent: bool | None = None
    third_party_consent: bool | None = None
    #: After "add an incident": the next text is a story message.
    adding: bool = False
    #: What the bot asked last, for reading a short answer (nlp's Segment.prompt).
    prompt: str | None = None
    reference: str | None = None
    application_id: int | None = None
    submitted_on: date | None = None
    #: A reminder the person asked for: when to send it, and the day it is about.
    remind_on: date | None = None
    remind_until: date | None = None
    #: The stored inbound messages this draft was told in (linked to the application).
    message_ids: list[int] = Field(default_factory=list)
    updated_at: AwareDatetime | None = None


@dataclass(frozen=True)
class Button:
    """An inline keyboard button: its label and the callback data it sends back."""

    label: str
    data: str


@dataclass(frozen=True)
class Reply:
    """One message to send to the chat the event came from."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


class EventKind(StrEnum):
    """What arrived."""

    TEXT = "text"
    COMMAND = "command"
    PRESS = "press"  # an inline keyboard button


@dataclass(frozen=True)
class Event:
    """One thing the person did: a text, a /command or a button press (``text`` holds the
    message, the command name without the slash, or the button's callback data)."""

    kind: EventKind
    text: str
    at: datetime
    #: The chat the event came from (a press's data is checked against it).
    chat_id: str


@dataclass
class Turn:
    """What one event comes to: the replies, the conversation to store, and what to do."""

    replies: list[Reply]
    conversation: Conversation
    #: Save the draft as an application for officers now (the person submitted).
    submit: bool = False
    #: The draft is flagged urgent: save it for staff now, even unfinished.
    urgent: bool = False
    #: Erase the stored conversation (the person asked for /delete).
    erase: bool = False
    notes: list[str] = field(default_factory=list)
