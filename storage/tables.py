"""SQLModel tables: what the system keeps.

One table per thing an officer or an auditor would name: inbound messages (the raw evidence,
kept before anything else happens), applications (the draft as ``trigger extract`` reports it,
plus its workflow status), the parties and incidents projected out of the draft so they can be
queried, evidence spans, decisions, officers and an append-only audit log.

Datetimes are aware and stored in UTC (SQLModel's ``UTCDateTime``); statuses are ``StrEnum`` s
stored as short strings (never database enum types, so adding a value needs no migration).
The schema itself is owned by the Alembic migrations in ``storage/migrations``; a test checks
that the migrations and these tables agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import Field, SQLModel

from trigger.vocabulary import ApplicantRole, Consent

E = TypeVar("E", bound=StrEnum)

# JSON documents: JSONB on PostgreSQL (indexable, compact), JSON text elsewhere.
JSONDocument: TypeEngine[Any] = JSON().with_variant(JSONB(), "postgresql")
# Audit ids grow without end: 64-bit on PostgreSQL; SQLite needs INTEGER for its rowid alias.
AuditId: TypeEngine[int] = BigInteger().with_variant(Integer(), "sqlite")


# Constraint names spelled out so the migrations can name them the same way on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Table(SQLModel):
    """Base of our tables: their own metadata (not SQLModel's global one), named constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


class StrEnumType(TypeDecorator[E], Generic[E]):
    """A ``StrEnum`` stored as its value in a VARCHAR column and loaded back as the member."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int = 32) -> None:
        super().__init__(length=length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        """Reject values outside the vocabulary before they reach the database."""
        if value is None:
            return None
        return self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        """Turn the stored string back into the enum member."""
        if value is None:
            return None
        return self.enum(value)


class InboundState(StrEnum):
    """How far an inbound message has been processed."""

    RECEIVED = "received"  # stored, nothing else done yet
    PROCESSED = "processed"  # turned into (or added to) an application
    IGNORED = "ignored"  # auto-reply, duplicate, not an application: kept, not processed
    FAILED = "failed"  # processing raised; kept for a retry or a person


class ApplicationStatus(StrEnum):
    """Where an application is in the officers' workflow."""

    DRAFT = "draft"  # still being assembled (a conversation in progress, facts missing)
    READY = "ready"  # complete enough for an officer's queue
    DECIDED = "decided"  # an officer has made the threshold decision
    WITHDRAWN = "withdrawn"  # the applicant withdrew


class PartyRole(StrEnum):
    """The part a person plays in an application."""

    APPLICANT = "applicant"
    VICTIM = "victim"


class DecisionKind(StrEnum):
    """Who made a decision."""

    THRESHOLD = "threshold"  # the threshold engine's provisional decision
    OFFICER = "officer"  # an officer's decision (approve, correct, refuse, discretion)


class InboundRecord(Table, table=True):
    """One message as it arrived, stored before anything else happens (never lost)."""

    __tablename__ = "inbound_messages"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(sa_type=String(32))
    external_id: str = Field(sa_type=String(512))
    sender: str | None = Field(default=None, sa_type=String(512))
    received_at: datetime
    stored_at: datetime = Field(default_factory=utc_now)
    thread_key: str | None = Field(default=None, sa_type=String(512), index=True)
    thread_keys: list[str] = Field(default_factory=list, sa_type=JSONDocument)
    raw: bytes | None = Field(default=None, sa_type=LargeBinary)
    raw_media_type: str | None = Field(default=None, sa_type=String(128))
    raw_sha256: str = Field(sa_type=String(64), index=True)
    text: str | None = Field(default=None, sa_type=Text)
    state: InboundState = Field(
        default=InboundState.RECEIVED, sa_type=StrEnumType(InboundState), index=True
    )
    state_changed_at: datetime = Field(default_factory=utc_now)
    # How many times drafting has started on it (counted when it is taken, before the work).
    attempts: int = 0
    error: str | None = Field(default=None, sa_type=String(512))
    # While set and in the future, a worker is drafting it and no other takes it; a worker that
    # died leaves it set, and the message waits again once the time has passed.
    claimed_until: datetime | None = None


class ApplicationRecord(Table, table=True):
    """An application: the draft JSON (trigger/draft.py) plus its workflow status."""

    __tablename__ = "applications"
    # The officers' queue reads only these columns to filter, count and order (0006).
    __table_args__ = (
        Index("ix_applications_queue", "status", "at_risk", "received_at", "id", "policy"),
    )

    id: int | None = Field(default=None, primary_key=True)
    status: ApplicationStatus = Field(
        default=ApplicationStatus.DRAFT, sa_type=StrEnumType(ApplicationStatus), index=True
    )
    policy: str = Field(sa_type=String(64))
    channel: str = Field(sa_type=String(16))
    received_at: datetime
    threshold_status: str | None = Field(default=None, sa_type=String(16), index=True)
    # The draft carries a risk flag: such cases come first in the officers' queue (0006).
    at_risk: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})
    draft: dict[str, Any] = Field(sa_type=JSONDocument)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    version: int = 1


class ApplicationMessageLink(Table, table=True):
    """Which inbound messages an application was assembled from."""

    __tablename__ = "application_messages"

    application_id: int = Field(foreign_key="applications.id", primary_key=True, ondelete="CASCADE")
    inbound_id: int = Field(
        foreign_key="inbound_messages.id", primary_key=True, ondelete="RESTRICT", index=True
    )
    linked_at: datetime = Field(default_factory=utc_now)


class PartyRecord(Table, table=True):
    """The applicant or the victim of an application, projected out of the draft."""

    __tablename__ = "parties"
    __table_args__ = (UniqueConstraint("application_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", ondelete="CASCADE", index=True)
    role: PartyRole = Field(sa_type=StrEnumType(PartyRole))
    applicant_role: ApplicantRole | None = Field(default=None, sa_type=StrEnumType(ApplicantRole))
    name: str | None = Field(default=None, sa_type=String(200))
    email: str | None = Field(default=None, sa_type=String(320))
    phone: str | None = Field(default=None, sa_type=String(64))
    address: str | None = Field(default=None, sa_type=Text)
    relationship: str | None = Field(default=None, sa_type=String(200))
    consent: Consent | None = Field(default=None, sa_type=StrEnumType(Consent))


class IncidentRecord(Table, table=True):
    """One incident of an application, projected out of the draft (``position`` = its index)."""

    __tablename__ = "incidents"
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", ondelete="CASCADE", index=True)
    position: int
    occurred_start: date | None = None
    occurred_end: date | None = None
    reported: bool | None = None
    reported_on: date | None = None
    agencies: list[str] = Field(default_factory=list, sa_type=JSONDocument)
    references: list[str] = Field(default_factory=list, sa_type=JSONDocument)
    hate_strands: list[str] = Field(default_factory=list, sa_type=JSONDocument)
    summary: str = Field(default="", sa_type=Text)


class EvidenceSpan(Table, table=True):
    """Where an incident's facts came from: characters [span_start, span_end) of a message."""

    __tablename__ = "evidence_spans"

    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incidents.id", ondelete="CASCADE", index=True)
    inbound_id: int | None = Field(
        default=None, foreign_key="inbound_messages.id", ondelete="RESTRICT"
    )
    span_start: int
    span_end: int


class OfficerRecord(Table, table=True):
    """A Community Safety officer who works the console."""

    __tablename__ = "officers"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_type=String(320), unique=True)
    name: str = Field(sa_type=String(200))
    active: bool = True
    created_at: datetime = Field(default_factory=utc_now)


class DecisionRecord(Table, table=True):
    """A decision on an application: the engine's threshold decision or an officer's."""

    __tablename__ = "decisions"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", ondelete="CASCADE", index=True)
    kind: DecisionKind = Field(sa_type=StrEnumType(DecisionKind))
    status: str = Field(sa_type=String(32))
    policy: str | None = Field(default=None, sa_type=String(64))
    body: dict[str, Any] = Field(default_factory=dict, sa_type=JSONDocument)
    officer_id: int | None = Field(default=None, foreign_key="officers.id", ondelete="RESTRICT")
    note: str | None = Field(default=None, sa_type=Text)
    decided_at: datetime = Field(default_factory=utc_now)


class AuditEntry(Table, table=True):
    """One line of the append-only audit log.

    ``detail`` holds ids, statuses and counts, never message bodies, names or addresses. The
    database itself rejects UPDATE and DELETE on this table (a trigger added by the migration).
    ``prev_hash`` and ``hash`` chain the entries (:mod:`storage.audit_chain`), so that a rewrite
    done behind the application's back is detected by ``trigger audit verify``.
    """

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True, sa_type=AuditId)
    at: datetime = Field(default_factory=utc_now, index=True)
    actor: str = Field(sa_type=String(128))
    action: str = Field(sa_type=String(64), index=True)
    subject_type: str | None = Field(default=None, sa_type=String(32))
    subject_id: int | None = None
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSONDocument)
    prev_hash: str = Field(sa_type=String(64))
    hash: str = Field(sa_type=String(64))


class AccountRole(StrEnum):
    """What a console account may do: officers work cases, managers also use discretion and
    see figures, admins also manage accounts."""

    OFFICER = "officer"
    MANAGER = "manager"
    ADMIN = "admin"


class ConsoleAccount(Table, table=True):
    """A console sign-in: an officer's user name, argon2id password hash, role and area.

    ``area`` is a policy profile's id (the applications' ``policy``); an account without one
    sees every area. ``officer_id`` is the officer the account's decisions are recorded for.
    """

    __tablename__ = "console_accounts"

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officers.id", ondelete="RESTRICT", unique=True)
    username: str = Field(sa_type=String(200), unique=True)
    password_hash: str = Field(sa_type=String(256))
    role: AccountRole = Field(sa_type=StrEnumType(AccountRole, length=16))
    area: str | None = Field(default=None, sa_type=String(64))
    active: bool = True
    # Set for a one-time password: the first sign-in must choose a new one.
    must_change_password: bool = True
    created_at: datetime = Field(default_factory=utc_now)
    password_changed_at: datetime = Field(default_factory=utc_now)


class ConsoleSession(Table, table=True):
    """A signed-in console session, kept server-side; the cookie carries a random token whose
    SHA-256 is ``id`` (a stolen database does not give working cookies)."""

    __tablename__ = "console_sessions"

    id: str = Field(sa_type=String(64), primary_key=True)
    account_id: int = Field(foreign_key="console_accounts.id", ondelete="CASCADE", index=True)
    csrf_token: str = Field(sa_type=String(64))
    created_at: datetime = Field(default_factory=utc_now)
    last_seen_at: datetime = Field(default_factory=utc_now)


class SignInFailure(Table, table=True):
    """One failed console sign-in, counted against a user name and a client address.

    ``key_hash`` is the SHA-256 of ``user:<name>`` or ``client:<address>`` (an address is
    personal data; the hash is enough to count). Kept in the database, not in memory, so the
    lockout holds across processes and restarts; rows older than the throttle's window are
    purged.
    """

    __tablename__ = "console_sign_in_failures"

    id: int | None = Field(default=None, primary_key=True)
    key_hash: str = Field(sa_type=String(64), index=True)
    failed_at: datetime = Field(default_factory=utc_now, index=True)


class TelegramConversation(Table, table=True):
    """What the bot remembers about one Telegram chat (bot/state.py ``Conversation`` as JSON).

    The raw updates themselves are inbound messages (channel ``telegram``, external id the
    update id, thread key the chat id); this row is the dialogue's state between them.
    """

    __tablename__ = "telegram_conversations"

    chat_id: str = Field(sa_type=String(64), primary_key=True)
    state: dict[str, Any] = Field(sa_type=JSONDocument)
    stage: str = Field(sa_type=String(16))
    urgent: bool = False
    risk_level: str | None = Field(default=None, sa_type=String(16))
    application_id: int | None = None
    #: The day a reminder the person asked for is due (None: none asked for, or sent).
    remind_on: date | None = Field(default=None, index=True)
    version: int = 1
    updated_at: datetime = Field(default_factory=utc_now)


class TelegramReply(Table, table=True):
    """A reply to send (the outbox): written with the state it came from, sent after.

    ``(inbound_id, position)`` is unique, so handling the same update twice cannot queue its
    replies twice; ``sent_at`` is set once Telegram has accepted the message.
    """

    __tablename__ = "telegram_replies"
    __table_args__ = (UniqueConstraint("inbound_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: str = Field(sa_type=String(64), index=True)
    inbound_id: int = Field(foreign_key="inbound_messages.id", ondelete="CASCADE", index=True)
    position: int
    text: str = Field(sa_type=Text)
    buttons: list[list[dict[str, str]]] | None = Field(default=None, sa_type=JSONDocument)
    created_at: datetime = Field(default_factory=utc_now)
    sent_at: datetime | None = None


class MailFolderRecord(Table, table=True):
    """What the IMAP intake knows of one folder of one mailbox: its UIDVALIDITY, the highest
    UID it has stored, and whether it is paused (its UIDVALIDITY changed: a person must look)."""

    __tablename__ = "mail_folders"
    __table_args__ = (UniqueConstraint("mailbox", "folder"),)

    id: int | None = Field(default=None, primary_key=True)
    mailbox: str = Field(sa_type=String(512))  # user@host:port
    folder: str = Field(sa_type=String(512))
    uidvalidity: int = Field(sa_type=BigInteger)
    last_uid: int = Field(default=0, sa_type=BigInteger)
    paused_at: datetime | None = None
    # While set, the folder is not read: the UIDVALIDITY the server now gives.
    paused_uidvalidity: int | None = Field(default=None, sa_type=BigInteger)
    updated_at: datetime = Field(default_factory=utc_now)


class VictimVoice(StrEnum):
    """How the victim's voice is heard at the case review (Hart s.11: attending the start of
    the review or a written victim impact statement; or through the SPOC)."""

    ATTENDS = "attends"  # the victim attends the start of the meeting
    STATEMENT = "statement"  # a written victim impact statement is read
    SPOC = "spoc"  # the SPOC puts the victim's views to the meeting
    OTHER = "other"  # as the note says


class ReviewRecord(Table, table=True):
    """The case review of an accepted application (one per application): who runs it, its
    dates, and what it found. ``findings``, ``action_plan`` and ``recommendations`` go to the
    victim in the outcome letter, so officers are told not to name the other party in them."""

    __tablename__ = "case_reviews"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", ondelete="CASCADE", unique=True)
    spoc_name: str | None = Field(default=None, sa_type=String(200))
    spoc_contact: str | None = Field(default=None, sa_type=String(320))
    chair: str | None = Field(default=None, sa_type=String(200))
    victim_contacted_on: date | None = None
    information_requested_on: date | None = None
    # The partners' information came in (0010): ends the clock's partner-responses step.
    information_received_on: date | None = None
    meeting_planned_on: date | None = None
    meeting_held_on: date | None = Field(default=None, index=True)
    victim_voice: VictimVoice | None = Field(default=None, sa_type=StrEnumType(VictimVoice))
    victim_voice_note: str = Field(default="", sa_type=Text)
    findings: str = Field(default="", sa_type=Text)
    action_plan: str = Field(default="", sa_type=Text)
    # None: not said yet; the yearly figures count the reviews held where it is True.
    recommendations_made: bool | None = None
    recommendations: str = Field(default="", sa_type=Text)
    minutes_circulated_on: date | None = None
    action_plan_completed_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    updated_by: str = Field(sa_type=String(128))
    version: int = 1


class LetterChannel(StrEnum):
    """How a letter reaches the applicant: the way they came to us."""

    EMAIL = "email"  # they wrote by email: an email with the PDF attached
    TELEGRAM = "telegram"  # they came by chat: the bot sends the PDF to their chat
    POST = "post"  # assisted intake (phone, letter, in person): printed, posted or handed over


class LetterState(StrEnum):
    """Where a letter is on its way to the applicant."""

    QUEUED = "queued"  # waiting for the mail server or Telegram (retried until it goes)
    SENT = "sent"  # the mail server or Telegram took it; or an officer posted or handed it over
    FAILED = "failed"  # refused for good (the reason says why): an officer must act
    TO_POST = "to_post"  # to be printed and posted or handed over by an officer


class LetterRecord(Table, table=True):
    """A letter to an applicant, kept with its case as it was sent: the HTML it was rendered
    from and the PDF itself (the bytes: the database is the record, backed up and access
    controlled with the case, and a letter commits in the same transaction as its audit entry).

    ``recipient`` is an email address or a Telegram chat id (None for post); like every
    address it is never logged above DEBUG. ``note`` is the short covering text (the email's
    body, the chat's caption); ``reason`` the last error code (a refusal, or the outage a
    queued letter waits out).
    """

    __tablename__ = "letters"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="applications.id", ondelete="CASCADE", index=True)
    kind: str = Field(sa_type=String(32))
    channel: LetterChannel = Field(sa_type=StrEnumType(LetterChannel, length=16))
    recipient: str | None = Field(default=None, sa_type=String(512))
    subject: str = Field(sa_type=String(200))
    note: str = Field(sa_type=Text)
    html: str = Field(sa_type=Text)
    pdf: bytes = Field(sa_type=LargeBinary)
    officer_id: int = Field(foreign_key="officers.id", ondelete="RESTRICT")
    state: LetterState = Field(sa_type=StrEnumType(LetterState, length=16), index=True)
    reason: str | None = Field(default=None, sa_type=String(200))
    attempts: int = 0
    #: A queued letter is not tried before this time (a backoff after an outage).
    next_attempt_at: datetime | None = None
    #: While set and in the future, a worker is sending it and no other takes it.
    claimed_until: datetime | None = None
    created_at: datetime = Field(default_factory=utc_now)
    sent_at: datetime | None = None
