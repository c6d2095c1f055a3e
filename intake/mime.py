"""Raw RFC 5322 bytes to a :class:`nlp.document.Document` (pure: no network, no storage).

mail-parser (SpamScope/mail-parser) decodes whatever MIME a client sends: multipart,
quoted-printable, base64, legacy charsets, RFC 2047 headers, attachments. We take its
``text_plain`` parts (``text_html`` rendered to text when there is no plain part), never its
``body``, which glues both together. The text is then cut into segments by
:func:`intake.segments.segment_message`.

``received_at`` is the ``Date:`` header with its own offset. A missing or unparseable
``Date:`` falls back to the newest ``Received:`` header's timestamp (the time our side of the
relay saw it); with neither, the message is rejected.
"""

from __future__ import annotations

import email.errors
import email.message
import email.parser
import email.policy
import logging
import re
from datetime import datetime
from email.header import decode_header, make_header
from email.utils import parsedate_to_datetime

from intake.errors import RejectedMessage
from intake.forwards import unrun_headers
from intake.headers import display_name as _display_name
from intake.headers import naive_zone
from intake.html_text import html_to_text
from intake.limits import (
    MAX_ADDRESSES,
    MAX_DECODED_BYTES,
    MAX_HEADER_BYTES,
    MAX_MIME_DEPTH,
    MAX_MIME_PARTS,
)
from intake.segments import segment_message
from nlp.document import Document, Person

logger = logging.getLogger(__name__)


class _DemoteToDebug(logging.Filter):
    """mail-parser logs header values (names, addresses) at WARNING/ERROR; house rule: never
    above DEBUG. The filter lowers its records to DEBUG so INFO-level handlers drop them."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


_DEMOTE = _DemoteToDebug()


def _quiet_mailparser() -> None:
    for name in ("mailparser", "mailparser.core", "mailparser.utils"):
        library_logger = logging.getLogger(name)
        if _DEMOTE not in library_logger.filters:
            library_logger.addFilter(_DEMOTE)


_KNOWN_HEADERS = ("from", "date", "received", "message-id", "subject", "to", "mime-version")
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|antw)\s*(?:\[\d+\])?\s*:", re.I)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|wg|tr)\s*(?:\[\d+\])?\s*:", re.I)


def parse_email(raw: bytes, *, max_bytes: int = MAX_DECODED_BYTES) -> Document:
    """Decode one email exactly as received into a Document (channel ``"email"``).

    Raises :class:`RejectedMessage` when the bytes are too large, are not an email, carry no
    usable date or no text.
    """
    if len(raw) > max_bytes:
        raise RejectedMessage(f"message too large ({len(raw)} bytes, limit {max_bytes})")
    # Files saved by some clients start with a UTF-8 BOM or blank lines, which would make the
    # headers look like body text.
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n")
    if not raw.strip():
        raise RejectedMessage("empty message")
    problem = structure_problem(raw)
    if problem is not None:
        raise RejectedMessage(problem)
    import mailparser  # heavy import kept out of module import time

    _quiet_mailparser()

    try:
        mail = mailparser.parse_from_bytes(raw)
        message: email.message.Message = mail.message
        header_names = {name.lower() for name in message.keys()}
    except Exception as error:  # mail-parser raises assorted errors on hostile input
        logger.debug("mail-parser failed: %r", type(error))
        raise RejectedMessage("not a readable email") from error
    if not header_names.intersection(_KNOWN_HEADERS):
        raise RejectedMessage("not an email: no mail headers")
    received_at = _received_at(message)
    text = unrun_headers(_body_text(mail, message))
    if not text.strip():
        raise RejectedMessage("the email has no text")
    sender = _sender(mail)
    subject = _subject(mail)
    attachments = _attachments(mail)
    segments = segment_message(
        text,
        reference=received_at,
        author=sender,
        in_reply=bool(subject and _REPLY_SUBJECT.match(subject)),
        in_forward=bool(subject and _FORWARD_SUBJECT.match(subject)),
    )
    return Document(
        channel="email",
        text=text,
        received_at=received_at,
        segments=segments,
        sender=sender,
        recipient=_recipient(mail),
        subject=subject,
        attachments=attachments,
    )


def unreadable(raw: bytes, *, max_bytes: int | None = None) -> str | None:
    """Why ``raw`` cannot be an email we read, or None when it may be: a quick look at the
    headers only (no body decoded), for the intakes to quarantine what drafting would only
    ignore. The reason is one line, safe to show the sender and to log. A message over
    ``max_bytes`` (when given) is refused too; the intakes keep whatever is under their read
    cap, so they pass none."""
    if max_bytes is not None and len(raw) > max_bytes:
        return f"message too large to read ({len(raw)} bytes, limit {max_bytes})"
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n")
    if not raw.strip():
        return "empty message"
    try:
        headers = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
            raw, headersonly=True
        )
        names = {str(name).lower() for name in headers.keys()}
    except Exception:  # the parser's assorted errors on hostile input
        return "not a readable email"
    if not names.intersection(_KNOWN_HEADERS):
        return "not an email: no mail headers"
    return structure_problem(raw)


_HEADER_END = re.compile(rb"\r?\n\r?\n")
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""", re.I)
_ADDRESS_HEADERS = re.compile(rb"^(?:to|cc|bcc|from|reply-to|sender)\s*:", re.I)


def structure_problem(raw: bytes) -> str | None:
    """Why the shape of ``raw`` is a bomb rather than an email, or None: one linear scan over
    the bytes, before any parser builds a tree (:mod:`intake.limits` has the caps).

    Nesting depth is followed with a stack of the declared boundaries: a delimiter line of an
    open container closes those inside it, one of a new boundary opens a level.
    """
    end = _HEADER_END.search(raw)
    header_end = end.start() if end else len(raw)
    if header_end > MAX_HEADER_BYTES:
        return f"headers too large ({header_end} bytes, limit {MAX_HEADER_BYTES})"
    addresses = 0
    in_address = False
    for line in raw[:header_end].splitlines():
        if line[:1] in (b" ", b"\t"):
            if in_address:
                addresses += line.count(b"@")
            continue
        in_address = bool(_ADDRESS_HEADERS.match(line))
        if in_address:
            addresses += line.count(b"@")
    if addresses > MAX_ADDRESSES:
        return f"too many addresses ({addresses}, limit {MAX_ADDRESSES})"
    boundaries = {match.group(1) or match.group(2) for match in _BOUNDARY.finditer(raw)}
    if not boundaries:
        return None
    if len(boundaries) > MAX_MIME_PARTS:
        return f"too many MIME parts (over {MAX_MIME_PARTS})"
    stack: list[bytes] = []
    deepest = parts = 0
    for line in raw.splitlines():
        if not line.startswith(b"--"):
            continue
        token = line[2:].rstrip()
        closing = token.endswith(b"--") and token[:-2] in boundaries
        name = token[:-2] if closing else token
        if name not in boundaries:
            continue
        parts += 1
        if parts > MAX_MIME_PARTS:
            return f"too many MIME parts (over {MAX_MIME_PARTS})"
        if name in stack:
            del stack[stack.index(name) + 1 :]
            if closing:
                stack.pop()
        elif not closing:
            stack.append(name)
            deepest = max(deepest, len(stack))
            if deepest > MAX_MIME_DEPTH:
                return f"MIME nested too deep (over {MAX_MIME_DEPTH} levels)"
    return None


def header_block(raw: bytes) -> bytes:
    """The top-level header section of ``raw`` with its closing blank line (at most
    :data:`MAX_HEADER_BYTES`): enough to answer a message without keeping its body."""
    end = _HEADER_END.search(raw, 0, MAX_HEADER_BYTES + 4)
    return raw[: end.end()] if end else raw[:MAX_HEADER_BYTES] + b"\r\n\r\n"


def largest_attachment(raw: bytes) -> int:
    """The decoded size (estimated from its encoded length, without decoding) of the largest
    attachment of ``raw``, 0 when it has none. Call only on a message
    :func:`structure_problem` passed: the tree it builds is then bounded."""
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(raw)
    largest = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() != "attachment" and not part.get_filename():
            continue
        payload = part.get_payload()
        if not isinstance(payload, str):
            continue
        encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        size = len(payload) - payload.count("\n") - payload.count("\r")
        if encoding == "base64":
            size = size * 3 // 4
        largest = max(largest, size)
    return largest


def _header_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=naive_zone(str(value)))


def _received_at(message: email.message.Message) -> datetime:
    """The Date: header; else the newest Received: header's timestamp; else reject."""
    try:
        dated = _header_datetime(message.get("Date"))
    except Exception:  # a header object that cannot even be turned into text
        dated = None
    if dated is not None:
        return dated
    received: list[datetime] = []
    for header in message.get_all("Received") or []:
        _, _, stamp = str(header).rpartition(";")
        when = _header_datetime(stamp.strip())
        if when is not None:
            received.append(when)
    if received:
        logger.debug("no usable Date: header, using the newest Received: timestamp")
        return max(received)
    raise RejectedMessage("no usable Date: header")


def _flowed_parts(message: email.message.Message) -> tuple[bool, bool]:
    """(format=flowed, delsp=yes) of the first inline text/plain part."""
    for part in message.walk():
        if part.get_content_type() != "text/plain":
            continue
        if part.get_content_disposition() == "attachment":
            continue
        flowed = str(part.get_param("format", "") or "").lower() == "flowed"
        delsp = str(part.get_param("delsp", "") or "").lower() == "yes"
        return flowed, delsp
    return False, False


def unflow(text: str, *, delsp: bool = False) -> str:
    """Undo RFC 3676 format=flowed: join soft-broken lines (those ending in a space).

    The signature separator "-- " is never joined; space-stuffing (a leading space added to
    lines starting with a space, ">" or "From ") is removed; quoted lines join only with lines
    of the same quote depth.
    """
    output: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for raw in text.split("\n"):
        depth = len(raw) - len(raw.lstrip(">"))
        line = raw[depth:]
        if line.startswith(" "):  # RFC 3676 s.4.4 space-stuffing
            line = line[1:]
        if pending is not None and depth != pending_depth:
            output.append(">" * pending_depth + (" " if pending_depth else "") + pending)
            pending = None
        content = line if pending is None else pending + line
        soft = line.endswith(" ") and line != "-- "
        if soft:
            pending = content[:-1] if delsp else content
            pending_depth = depth
        else:
            output.append(">" * depth + (" " if depth and content else "") + content)
            pending = None
    if pending is not None:
        output.append(">" * pending_depth + (" " if pending_depth else "") + pending)
    return "\n".join(output)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _body_text(mail: object, message: email.message.Message) -> str:
    if any(part.get_content_type() == "message/rfc822" for part in message.walk()):
        return _render_with_attached_messages(message)
    plain = [part for part in getattr(mail, "text_plain", []) or [] if part]
    if any(part.strip() for part in plain):
        text = _newlines("\n\n".join(plain))
        flowed, delsp = _flowed_parts(message)
        if flowed:
            text = unflow(text, delsp=delsp)
        return text
    # No plain part, or an empty one beside the HTML (some webmail clients send that).
    html = [part for part in getattr(mail, "text_html", []) or [] if part]
    if html:
        return html_to_text(_newlines("\n".join(html)))
    return ""


# --- "forward as attachment": message/rfc822 parts ------------------------------------------
# mail-parser folds an attached message's text into ``text_plain`` without its headers, so
# the original's sender and date would be lost. For those messages we walk the tree ourselves
# and show each attached message as a forwarded header block followed by its text, which
# intake.segments then unwraps like any inline forward.


def _header_text(message: email.message.Message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    try:
        return " ".join(str(make_header(decode_header(str(value)))).split())
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
        return " ".join(str(value).split())


def _decoded_payload(part: email.message.Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        text = payload.decode("windows-1252", errors="replace")
    text = _newlines(text)
    if part.get_content_type() == "text/html":
        return html_to_text(text)
    if str(part.get_param("format", "") or "").lower() == "flowed":
        return unflow(text, delsp=str(part.get_param("delsp", "") or "").lower() == "yes")
    return text


def _render_part(part: email.message.Message, depth: int) -> list[str]:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        inner = part.get_payload()
        inner_message = inner[0] if isinstance(inner, list) and inner else None
        if not isinstance(inner_message, email.message.Message) or depth > 5:
            return []
        block = "---------- Forwarded message ---------\n" + "".join(
            f"{name}: {_header_text(inner_message, name)}\n"
            for name in ("From", "Date", "Subject", "To")
            if inner_message.get(name) is not None
        )
        body = "\n\n".join(_render_part(inner_message, depth + 1))
        return [block + "\n" + body]
    if part.get_content_disposition() == "attachment":
        return []
    if part.is_multipart():
        children = [
            child for child in part.get_payload() if isinstance(child, email.message.Message)
        ]
        if content_type == "multipart/alternative":
            plain = [c for c in children if c.get_content_type() == "text/plain"]
            chosen = plain[-1:] or children[-1:]
            return [text for child in chosen for text in _render_part(child, depth)]
        return [text for child in children for text in _render_part(child, depth)]
    if content_type in ("text/plain", "text/html"):
        text = _decoded_payload(part)
        return [text] if text.strip() else []
    return []


def _render_with_attached_messages(message: email.message.Message) -> str:
    return "\n\n".join(_render_part(message, 0))


def _sender(mail: object) -> Person | None:
    addresses = getattr(mail, "from_", None) or []
    if not addresses:
        return None
    name, address = addresses[0]
    name = _display_name(" ".join(str(name or "").split())) or None
    address = str(address or "").strip().lower() or None
    if name is None and address is None:
        return None
    return Person(name=name, email=address)


def _recipient(mail: object) -> Person | None:
    addresses = getattr(mail, "to", None) or []
    if not addresses:
        return None
    name, address = addresses[0]
    address = str(address or "").strip().lower() or None
    name = _display_name(" ".join(str(name or "").split())) or None
    return Person(name=name, email=address) if (name or address) else None


def _subject(mail: object) -> str | None:
    subject = getattr(mail, "subject", None)
    return str(subject).strip() or None if subject else None


def _attachments(mail: object) -> tuple[str, ...]:
    names: list[str] = []
    for attachment in getattr(mail, "attachments", []) or []:
        filename = attachment.get("filename") if isinstance(attachment, dict) else None
        names.append(str(filename) if filename else "unnamed attachment")
    return tuple(names)
