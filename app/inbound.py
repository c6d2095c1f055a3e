"""Storing what the channels receive: the one place a channel's message meets the database
(and where the IMAP worker's memory of its folders is kept)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from intake.drop_folder import StoreInbound, inbound_from_eml
from intake.imap import RefuseInbound
from storage.repositories.mail_folders import MailFolder
from storage.tables import InboundState
from storage.unit_of_work import UnitOfWorkFactory
from trigger.inbound import InboundMessage


def inbound_store(unit_of_work: UnitOfWorkFactory) -> StoreInbound:
    """A callable that stores one inbound message in its own unit of work.

    Returns (the inbound id, whether it was new): storing the same message twice is harmless.
    """

    def store(message: InboundMessage) -> tuple[int, bool]:
        with unit_of_work() as uow:
            return uow.inbound.save(message)

    return store


@dataclass(frozen=True)
class SqlFolderLedger:
    """The IMAP worker's :class:`intake.imap.FolderLedger` over the database: one mailbox's
    folders (``mailbox`` is ``user@host:port``), each call in its own unit of work."""

    unit_of_work: UnitOfWorkFactory
    mailbox: str

    def known(self, folder: str) -> MailFolder | None:
        """The folder as remembered, or None."""
        with self.unit_of_work() as uow:
            return uow.mail_folders.get(self.mailbox, folder)

    def remember(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Remember the folder's UIDVALIDITY and the highest UID stored."""
        with self.unit_of_work() as uow:
            uow.mail_folders.remember(self.mailbox, folder, uidvalidity, last_uid)

    def pause(self, folder: str, found: int) -> bool:
        """Pause the folder (audited once)."""
        with self.unit_of_work() as uow:
            return uow.mail_folders.pause(self.mailbox, folder, found)


def mailbox_name(user: str, host: str, port: int) -> str:
    """How a mailbox is named in the database: ``user@host:port``."""
    return f"{user}@{host}:{port}"


def inbound_refuser(unit_of_work: UnitOfWorkFactory) -> RefuseInbound:
    """A callable keeping the headers of an email refused unread, as an ``ignored`` inbound
    message whose error is the refusal: the acknowledgement worker answers it. Keyed on the
    headers' hash, so a crash before the message left the mailbox keeps (and answers) it once."""

    def refuse(headers: bytes, error: str) -> None:
        message = inbound_from_eml(headers)
        message = replace(message, external_id="headers-" + message.external_id)
        with unit_of_work() as uow:
            inbound_id, created = uow.inbound.save(message, raw_media_type="text/rfc822-headers")
            if created:
                uow.inbound.set_state(inbound_id, InboundState.IGNORED, error=error)

    return refuse
