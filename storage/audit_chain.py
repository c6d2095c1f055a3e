"""The audit log's hash chain: what an entry's hash covers, and how a walk over the log checks it.

Each entry carries ``prev_hash`` (the ``hash`` of the entry before it; :data:`GENESIS` for the
first) and its own ``hash``: SHA-256 over the previous hash and a canonical serialisation of
what the entry says (``at`` in UTC to the microsecond, actor, action, subject type and id, and
``detail`` as canonical JSON). Changing an entry, removing one or changing the order then
shows: the changed entry's hash no longer matches its content, or the entry after a removed or
re-hashed one no longer points at the hash before it. The chain cannot show entries removed
from the end; an operator who keeps the last hash elsewhere (``trigger audit verify`` reports
the entry count) can.

Pure: no I/O. The serialisation is chosen to round-trip identically through SQLite (JSON text,
ISO timestamps) and PostgreSQL (JSONB, ``timestamptz``): :func:`normal_detail` turns a detail
into exactly what both databases give back, and appends store that normal form.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

GENESIS = "0" * 64  # the prev_hash of the first entry
HASH_LENGTH = 64  # hex digits of a SHA-256


class ChainedEntry(Protocol):
    """What the chain reads of an audit entry (``storage.tables.AuditEntry`` has it)."""

    id: int | None
    at: datetime
    actor: str
    action: str
    subject_type: str | None
    subject_id: int | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def _normal(value: Any) -> Any:
    """``value`` as the JSON value a database gives back (see :func:`normal_detail`)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)  # a StrEnum member: its value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("audit detail: NaN and infinity are not JSON")
        # PostgreSQL's JSONB keeps numbers as numeric: 1e16 comes back as the integer
        # 10000000000000000. An integral float is stored as the integer it is on both engines.
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        normal: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"audit detail: keys must be strings, not {type(key).__name__}")
            normal[str.__str__(key)] = _normal(item)
        return normal
    if isinstance(value, list | tuple):
        return [_normal(item) for item in value]
    raise TypeError(f"audit detail: {type(value).__name__} is not a JSON value")


def normal_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """``detail`` in the form that SQLite's JSON and PostgreSQL's JSONB both give back unchanged:
    string keys, lists for tuples, plain ``str``/``int``/``float``, integral floats as integers.

    Raises ``TypeError``/``ValueError`` for anything JSON cannot hold.
    """
    normal = _normal(dict(detail or {}))
    assert isinstance(normal, dict)
    return normal


def canonical_at(at: datetime) -> str:
    """``at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (a naive value is taken as UTC, as the
    database stores it)."""
    utc = at.replace(tzinfo=UTC) if at.utcoffset() is None else at.astimezone(UTC)
    return utc.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def canonical_content(
    *,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str | None,
    subject_id: int | None,
    detail: Mapping[str, Any],
) -> str:
    """What an entry says, as canonical JSON (sorted keys, no spaces, UTF-8 text)."""
    content = {
        "at": canonical_at(at),
        "actor": str.__str__(actor),
        "action": str.__str__(action),
        "subject_type": None if subject_type is None else str.__str__(subject_type),
        "subject_id": subject_id,
        "detail": normal_detail(detail),
    }
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def chain_hash(prev_hash: str, content: str) -> str:
    """SHA-256 (hex) over the previous entry's hash, a newline and the canonical content."""
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def entry_hash(entry: ChainedEntry, prev_hash: str) -> str:
    """The hash ``entry`` should carry when the entry before it has hash ``prev_hash``."""
    content = canonical_content(
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        subject_type=entry.subject_type,
        subject_id=entry.subject_id,
        detail=entry.detail,
    )
    return chain_hash(prev_hash, content)


class AuditProblem(StrEnum):
    """What is wrong with one entry of the log."""

    CHANGED = "changed"  # its hash does not match its content: changed after it was written
    CHAIN_BROKEN = "chain_broken"  # it does not point at the entry before it: one was removed,
    # inserted or re-hashed


@dataclass(frozen=True)
class AuditFinding:
    """One problem with one entry."""

    entry_id: int
    problem: AuditProblem


@dataclass
class AuditVerification:
    """The outcome of a walk over the audit log, oldest entry first."""

    entries: int = 0
    findings: list[AuditFinding] = field(default_factory=list)
    last_id: int = 0  # the id of the newest entry read (0: none)
    last_hash: str = GENESIS  # the hash of the newest entry read

    @property
    def intact(self) -> bool:
        """True when every entry's hash and link checked out."""
        return not self.findings

    def feed(self, entries: Iterable[ChainedEntry]) -> None:
        """Check the next entries (in id order, continuing where the last call stopped)."""
        for entry in entries:
            assert entry.id is not None
            if entry.hash != entry_hash(entry, entry.prev_hash):
                self.findings.append(AuditFinding(entry.id, AuditProblem.CHANGED))
            if entry.prev_hash != self.last_hash:
                self.findings.append(AuditFinding(entry.id, AuditProblem.CHAIN_BROKEN))
            self.entries += 1
            self.last_id = entry.id
            self.last_hash = entry.hash
