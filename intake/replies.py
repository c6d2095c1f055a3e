"""Acknowledgement replies to email applications: whether to send one, and what it says.

Pure: no I/O. :func:`should_acknowledge` refuses to answer anything a machine sent, so that
two autoresponders can never answer each other (RFC 3834 s.2, "no mail loops"), and
:func:`acknowledgement` builds the reply from the stored message and its draft. The reply never
repeats the message body, the other party's details or the hate and risk findings; nothing
read from a header reaches it with a line break in it (header injection).
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Collection
from datetime import date, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from enum import StrEnum

from trigger.draft import Draft
from trigger.profiles import ContactKind, Profile
from trigger.vocabulary import Status
from trigger.workdays import due_date

# The casework step whose deadline the reply promises (trigger/timescales.toml): an officer
# acknowledges the application within 5 working days of receiving it (Hart s.11).
HEAR_BY_STEP = "acknowledge"

# Local parts that belong to mail systems, not people (RFC 5321 s.4.5.1, RFC 3834 s.2).
_SYSTEM_SENDERS = frozenset({"mailer-daemon", "postmaster"})
# RFC 2076 / common practice: Precedence values that mark mail no one should answer.
_NO_REPLY_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
# MS-OXCMAIL 2.2.3.2.14: these X-Auto-Response-Suppress values ask us not to auto-reply.
_SUPPRESS_TOKENS = frozenset({"all", "autoreply", "oof"})
# Line breaks and other control characters never reach an outgoing header.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_REPLY_PREFIX = re.compile(r"^\s*re\s*:\s*", re.IGNORECASE)


class ReplyDecision(StrEnum):
    """Why a message is (or is not) acknowledged; recorded in the audit log as a code."""

    ACKNOWLEDGE = "acknowledge"
    AUTO_SUBMITTED = "auto_submitted"
    RESPONSE_SUPPRESSED = "response_suppressed"
    PRECEDENCE = "precedence"
    MAILING_LIST = "mailing_list"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    NULL_SENDER = "null_sender"
    SYSTEM_SENDER = "system_sender"
    OUR_OWN_MAIL = "our_own_mail"


def parse_headers(raw: bytes | Message) -> Message:
    """The headers of a raw message (the body is not parsed); a parsed message is kept."""
    if isinstance(raw, Message):
        return raw
    return BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)


def clean(value: str) -> str:
    """``value`` on one line: every CR, LF and control character becomes one space."""
    return _CONTROL.sub(" ", value).strip()


def header_text(message: Message, name: str) -> str:
    """A header decoded to text (RFC 2047 words, unknown charsets as replacement characters),
    on one line; "" when absent or unreadable."""
    value = message.get(name)
    if value is None:
        return ""
    text = str(value)
    try:
        text = str(make_header(decode_header(text)))
    except (LookupError, UnicodeError, ValueError, TypeError):
        text = text.encode("ascii", "replace").decode("ascii")
    return clean(text)


def _address(message: Message, name: str) -> str:
    """The bare address of a header (lower-cased), or "" when it has none."""
    value = message.get(name)
    if value is None:
        return ""
    _, address = email.utils.parseaddr(clean(str(value)))
    return clean(address).lower()


def _present(message: Message, name: str) -> bool:
    return message.get(name) is not None


def should_acknowledge(
    raw: bytes | Message, our_addresses: Collection[str]
) -> tuple[bool, ReplyDecision]:
    """Whether an acknowledgement may answer this message, and why (or why not).

    Refuses whatever a machine sent or a person asked not to be auto-answered: RFC 3834
    ``Auto-Submitted`` other than ``no``, ``X-Auto-Response-Suppress`` (All, AutoReply, OOF),
    ``Precedence: bulk|junk|list|auto_reply``, any ``List-*`` header (RFC 2369/2919), a
    ``multipart/report`` (a bounce, RFC 6522), ``X-Autoreply`` / ``X-Autorespond``, a null or
    empty sender (``Return-Path: <>``), MAILER-DAEMON and postmaster, and mail from one of
    ``our_addresses`` (or asking replies to go to one).
    """
    message = parse_headers(raw)
    auto_submitted = header_text(message, "Auto-Submitted").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return False, ReplyDecision.AUTO_SUBMITTED
    suppress = {
        token.strip().lower()
        for token in header_text(message, "X-Auto-Response-Suppress").split(",")
    }
    if suppress & _SUPPRESS_TOKENS:
        return False, ReplyDecision.RESPONSE_SUPPRESSED
    if header_text(message, "Precedence").lower() in _NO_REPLY_PRECEDENCE:
        return False, ReplyDecision.PRECEDENCE
    if any(key.lower().startswith("list-") for key in message.keys()):
        return False, ReplyDecision.MAILING_LIST
    if _present(message, "X-Autoreply") or _present(message, "X-Autorespond"):
        return False, ReplyDecision.AUTO_REPLY
    if message.get_content_type() == "multipart/report":
        return False, ReplyDecision.BOUNCE
    if _present(message, "Return-Path") and not _address(message, "Return-Path"):
        return False, ReplyDecision.NULL_SENDER
    sender = _address(message, "From")
    if not sender or "@" not in sender:
        return False, ReplyDecision.NULL_SENDER
    return_path = _address(message, "Return-Path")
    for address in (sender, return_path):
        if address.partition("@")[0] in _SYSTEM_SENDERS:
            return False, ReplyDecision.SYSTEM_SENDER
    ours = {address.strip().lower() for address in our_addresses if address.strip()}
    if sender in ours or _address(message, "Reply-To") in ours:
        return False, ReplyDecision.OUR_OWN_MAIL
    return True, ReplyDecision.ACKNOWLEDGE


def reply_address(raw: bytes | Message) -> str:
    """Where a reply goes: the Reply-To address if it has one, else the From address."""
    message = parse_headers(raw)
    reply_to = _address(message, "Reply-To")
    if reply_to and "@" in reply_to:
        return reply_to
    return _address(message, "From")


def long_day(day: date) -> str:
    """A day as GOV.UK writes it: "Friday 11 December 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def _contact_lines(profile: Profile) -> list[str]:
    labels = {ContactKind.PHONE: "Phone", ContactKind.EMAIL: "Email"}
    return [
        f"{labels[point.kind]}: {clean(point.value)}"
        for point in profile.contact_points
        if point.kind in labels
    ]


def acknowledgement_text(draft: Draft, profile: Profile) -> str:
    """The body of the acknowledgement: plain English, short sentences (GOV.UK style).

    Says when the email was received, what happens next and by when they will hear (the
    ``acknowledge`` timescale in working days); for an ``incomplete`` draft, lists exactly the
    missing facts (the threshold explainer's sentences). Never the message, names or findings.
    """
    received = draft.application_date
    hear_by = due_date(HEAR_BY_STEP, received)
    lines = [
        "Thank you for your email.",
        "",
        f"We received it on {long_day(received)}. This is an automatic reply.",
        "",
        "What happens next",
        "",
        "An officer will read your email.",
        "They will check if it meets the threshold for an anti-social behaviour case review.",
        f"You will hear from us by {long_day(hear_by)}.",
    ]
    threshold = draft.threshold
    if threshold is not None and threshold.status is Status.INCOMPLETE and threshold.missing:
        lines += [
            "",
            "We need more information",
            "",
            "We cannot decide yet because some facts are missing:",
            "",
            *(f"- {clean(fact)}" for fact in threshold.missing),
            "",
            "Please reply to this email and tell us what you know.",
        ]
    else:
        lines += ["", "You do not need to do anything now."]
    contacts = _contact_lines(profile)
    if contacts:
        lines += ["", "Contact us", "", *contacts]
    lines += [
        "",
        "If you or someone else is in immediate danger, call 999.",
        "",
        clean(profile.administrator),
    ]
    return "\n".join(lines) + "\n"


def reply_subject(raw: bytes | Message) -> str:
    """``Re: <their subject>`` on one line, without a second ``Re:``."""
    subject = _REPLY_PREFIX.sub("", header_text(parse_headers(raw), "Subject"))
    return f"Re: {subject}" if subject else "Re: your email"


def acknowledgement(
    raw: bytes | Message,
    draft: Draft,
    profile: Profile,
    *,
    from_address: str,
    now: datetime,
) -> EmailMessage:
    """The acknowledgement of the message ``raw`` (its stored bytes) drafted as ``draft``.

    To the sender (Reply-To wins), ``Re:`` their subject, threaded on their Message-ID
    (``In-Reply-To``, ``References``), with a Message-ID of ours and ``Auto-Submitted:
    auto-replied`` (RFC 3834 s.5) so that other systems do not answer it in turn.
    """
    reply = _reply_to(parse_headers(raw), from_address=from_address, now=now)
    reply.set_content(acknowledgement_text(draft, profile))
    return reply


def outgoing(
    from_address: str, to: str, subject: str, *, now: datetime, idstring: str
) -> EmailMessage:
    """A new email's headers (From, To, Subject, Date, and a Message-ID on the sender's
    domain), every value cleaned of line breaks."""
    sender = clean(from_address)
    domain = email.utils.parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = clean(to)
    message["Subject"] = clean(subject)
    message["Date"] = email.utils.format_datetime(now)
    message["Message-ID"] = email.utils.make_msgid(idstring=idstring, domain=domain)
    return message


def _reply_to(message: Message, *, from_address: str, now: datetime) -> EmailMessage:
    """The headers of an automatic reply to ``message`` (see :func:`acknowledgement`)."""
    reply = outgoing(
        from_address, reply_address(message), reply_subject(message), now=now, idstring="ack"
    )
    their_id = header_text(message, "Message-ID")
    if their_id:
        match = re.search(r"<[^<>\s]+>", their_id)
        if match:
            reply["In-Reply-To"] = match.group(0)
            references = re.findall(r"<[^<>\s]+>", header_text(message, "References"))
            chain = [ref for ref in references if ref != match.group(0)][-20:]
            reply["References"] = " ".join([*chain, match.group(0)])
    reply["Auto-Submitted"] = "auto-replied"
    reply["Precedence"] = "auto_reply"
    reply["X-Auto-Response-Suppress"] = "All"
    return reply


# --- refusals: mail we could not take, answered so the sender can send it again -----------------


class RefusalKind(StrEnum):
    """Why an email was refused unread; the start of the stored message's error."""

    TOO_LARGE = "too_large"
    ATTACHMENT_TOO_LARGE = "attachment_too_large"


_REFUSAL = re.compile(r"^(too_large|attachment_too_large): .*\(limit (\d+) bytes\)$")


def refusal_error(kind: RefusalKind, limit: int, detail: str) -> str:
    """The error a refused message is kept with: ``<kind>: <detail> (limit <n> bytes)``."""
    return f"{kind}: {clean(detail)} (limit {limit} bytes)"


def read_refusal(error: str | None) -> tuple[RefusalKind, int] | None:
    """The refusal an error records (:func:`refusal_error`), or None for any other error."""
    match = _REFUSAL.match(error or "")
    if match is None:
        return None
    return RefusalKind(match.group(1)), int(match.group(2))


def _megabytes(limit: int) -> str:
    value = limit / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 1 else f"{max(1, round(limit / 1024))} KB"


def refusal_text(kind: RefusalKind, limit: int, profile: Profile) -> str:
    """The body of a refusal: what was too large, the limit, and what to do instead."""
    if kind is RefusalKind.ATTACHMENT_TOO_LARGE:
        what = [
            "We could not accept your email because one of its attachments was too large.",
            f"We accept attachments of up to {_megabytes(limit)} each.",
            "",
            "Please send your email again without that attachment, or with a smaller copy.",
        ]
    else:
        what = [
            "We could not accept your email because it was too large.",
            f"We accept emails of up to {_megabytes(limit)}, attachments included.",
            "",
            "Please send it again with fewer or smaller attachments, or send them in "
            "separate emails.",
        ]
    lines = [
        "Thank you for your email. This is an automatic reply.",
        "",
        *what,
        "We have not read the email you sent.",
    ]
    contacts = _contact_lines(profile)
    if contacts:
        lines += ["", "Contact us", "", *contacts]
    lines += [
        "",
        "If you or someone else is in immediate danger, call 999.",
        "",
        clean(profile.administrator),
    ]
    return "\n".join(lines) + "\n"


def refusal(
    raw: bytes | Message,
    kind: RefusalKind,
    limit: int,
    profile: Profile,
    *,
    from_address: str,
    now: datetime,
) -> EmailMessage:
    """The automatic reply to a message refused unread (``raw``: its headers will do)."""
    reply = _reply_to(parse_headers(raw), from_address=from_address, now=now)
    reply.set_content(refusal_text(kind, limit, profile))
    return reply
