"""What the IMAP intake remembers of each folder: UIDVALIDITY, the last UID stored, a pause.

A folder's UIDVALIDITY changes when the server can no longer promise that a UID names the
message it named before (a rebuilt index, a restored backup, a migrated mailbox). Then reading
on could import mail again or, worse, skip mail under UIDs already passed: the folder is
paused instead, the pause audited, until a person resumes it (accepting the new UIDVALIDITY
and starting again from UID 0; stored mail is still recognised by its content hash).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlmodel import Session

from storage.repositories.audit import SYSTEM, AuditLog
from storage.tables import MailFolderRecord, utc_now


class MailFolderAction(StrEnum):
    """What the audit log records about a mail folder (subject: the folder's row)."""

    PAUSED = "mail_folder.paused"
    RESUMED = "mail_folder.resumed"


@dataclass(frozen=True)
class MailFolder:
    """A folder as remembered. ``paused_uidvalidity`` is set while it is paused."""

    mailbox: str
    folder: str
    uidvalidity: int
    last_uid: int
    paused_at: datetime | None = None
    paused_uidvalidity: int | None = None

    @property
    def paused(self) -> bool:
        """True while the folder is not to be read."""
        return self.paused_at is not None


class MailFolderRepository(abc.ABC):
    """The remembered mail folders of one unit of work."""

    @abc.abstractmethod
    def get(self, mailbox: str, folder: str) -> MailFolder | None:
        """The folder as remembered, or None the first time it is read."""

    @abc.abstractmethod
    def remember(self, mailbox: str, folder: str, uidvalidity: int, last_uid: int = 0) -> None:
        """Remember the folder at this UIDVALIDITY with ``last_uid`` as the highest UID stored
        (never lowered). A folder remembered at another UIDVALIDITY is left alone."""

    @abc.abstractmethod
    def pause(self, mailbox: str, folder: str, found: int, *, actor: str = SYSTEM) -> bool:
        """Pause the folder: the server now gives UIDVALIDITY ``found``. Audited once; False
        when it was paused already."""

    @abc.abstractmethod
    def resume(self, mailbox: str, folder: str, *, actor: str = SYSTEM) -> MailFolder | None:
        """Accept the UIDVALIDITY the folder was paused at and read it again from UID 0
        (audited); None when the folder is not paused."""

    @abc.abstractmethod
    def all_folders(self) -> list[MailFolder]:
        """Every remembered folder, by mailbox and folder."""


class SqlMailFolderRepository(MailFolderRepository):
    """Mail folders in the ``mail_folders`` table."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.session = session
        self.audit = audit

    def _record(self, mailbox: str, folder: str, lock: bool = False) -> MailFolderRecord | None:
        statement = select(MailFolderRecord).where(
            MailFolderRecord.mailbox == mailbox,  # type: ignore[arg-type]
            MailFolderRecord.folder == folder,  # type: ignore[arg-type]
        )
        if lock:
            statement = statement.with_for_update()
        return self.session.execute(statement).scalar_one_or_none()

    def get(self, mailbox: str, folder: str) -> MailFolder | None:
        """The folder as remembered, or None."""
        record = self._record(mailbox, folder)
        return _view(record) if record is not None else None

    def remember(self, mailbox: str, folder: str, uidvalidity: int, last_uid: int = 0) -> None:
        """Remember the folder's UIDVALIDITY and highest UID stored (never lowered)."""
        record = self._record(mailbox, folder, lock=True)
        if record is None:
            record = MailFolderRecord(
                mailbox=mailbox, folder=folder, uidvalidity=uidvalidity, last_uid=last_uid
            )
        elif record.uidvalidity != uidvalidity:
            return
        else:
            record.last_uid = max(record.last_uid, last_uid)
            record.updated_at = utc_now()
        self.session.add(record)
        self.session.flush()

    def pause(self, mailbox: str, folder: str, found: int, *, actor: str = SYSTEM) -> bool:
        """Pause the folder (audited once)."""
        record = self._record(mailbox, folder, lock=True)
        if record is None or record.paused_at is not None:
            return False
        record.paused_at = utc_now()
        record.paused_uidvalidity = found
        record.updated_at = record.paused_at
        self.session.add(record)
        self.session.flush()
        self.audit.append(
            MailFolderAction.PAUSED,
            actor=actor,
            subject_type="mail_folder",
            subject_id=record.id,
            detail={
                "folder": folder,
                "uidvalidity": record.uidvalidity,
                "found": found,
                "last_uid": record.last_uid,
            },
        )
        return True

    def resume(self, mailbox: str, folder: str, *, actor: str = SYSTEM) -> MailFolder | None:
        """Accept the new UIDVALIDITY and read the folder again from UID 0 (audited)."""
        record = self._record(mailbox, folder, lock=True)
        if record is None or record.paused_uidvalidity is None:
            return None
        previous = record.uidvalidity
        record.uidvalidity = record.paused_uidvalidity
        record.last_uid = 0
        record.paused_at = None
        record.paused_uidvalidity = None
        record.updated_at = utc_now()
        self.session.add(record)
        self.session.flush()
        self.audit.append(
            MailFolderAction.RESUMED,
            actor=actor,
            subject_type="mail_folder",
            subject_id=record.id,
            detail={"folder": folder, "from": previous, "to": record.uidvalidity},
        )
        return _view(record)

    def all_folders(self) -> list[MailFolder]:
        """Every remembered folder."""
        statement = select(MailFolderRecord).order_by(
            MailFolderRecord.mailbox,
            MailFolderRecord.folder,
        )
        return [_view(record) for record in self.session.execute(statement).scalars()]


def _view(record: MailFolderRecord) -> MailFolder:
    return MailFolder(
        mailbox=record.mailbox,
        folder=record.folder,
        uidvalidity=record.uidvalidity,
        last_uid=record.last_uid,
        paused_at=record.paused_at,
        paused_uidvalidity=record.paused_uidvalidity,
    )
