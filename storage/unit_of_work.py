"""The unit of work: one transaction, and the repositories of every aggregate over it.

Usage::

    engine = connect(settings.database_url)
    upgrade(engine)
    with SqlUnitOfWork(engine) as uow:
        inbound_id, created = uow.inbound.save(message)
        application_id = uow.applications.save_draft(draft, policy="hart", inbound_ids=[inbound_id])

A unit of work commits when its block ends normally and rolls back when it raises (the
semantics of the ``unit_of_work(engine)`` it replaces, kept so no caller changes behaviour).
:meth:`UnitOfWork.commit` and :meth:`UnitOfWork.rollback` end the work so far early; the block
then goes on in a new transaction. :meth:`UnitOfWork.savepoint` nests a part that may fail
alone. Use cases take a :data:`UnitOfWorkFactory` (``functools.partial(SqlUnitOfWork, engine)``
in production, an in-memory fake in tests) and never see an engine or a session.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session

from storage.errors import AuditLogIsAppendOnly
from storage.repositories.accounts import AccountRepository, SqlAccountRepository
from storage.repositories.applications import ApplicationRepository, SqlApplicationRepository
from storage.repositories.audit import AuditLog, SqlAuditLog
from storage.repositories.casework import CaseQueue, SqlCaseQueue
from storage.repositories.conversations import ConversationRepository, SqlConversationRepository
from storage.repositories.decisions import DecisionRepository, SqlDecisionRepository
from storage.repositories.inbound import InboundRepository, SqlInboundRepository
from storage.repositories.letters import LetterRepository, SqlLetterRepository
from storage.repositories.mail_folders import MailFolderRepository, SqlMailFolderRepository
from storage.repositories.officers import OfficerRepository, SqlOfficerRepository
from storage.repositories.reviews import ReviewRepository, SqlReviewRepository
from storage.tables import AuditEntry


class UnitOfWork(abc.ABC):
    """One transaction over the repositories of every aggregate; use it as a context manager.

    The repositories are there inside the ``with`` block only. The block commits when it ends
    normally and rolls back when it raises.
    """

    inbound: InboundRepository
    applications: ApplicationRepository
    decisions: DecisionRepository
    officers: OfficerRepository
    accounts: AccountRepository
    cases: CaseQueue
    conversations: ConversationRepository
    mail_folders: MailFolderRepository
    reviews: ReviewRepository
    letters: LetterRepository
    audit: AuditLog

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.rollback()
            return
        try:
            self.commit()
        except BaseException:  # a commit that fails keeps nothing either
            self.rollback()
            raise

    @abc.abstractmethod
    def commit(self) -> None:
        """Make the work so far durable."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Undo the work since the last commit."""

    @abc.abstractmethod
    def savepoint(self) -> AbstractContextManager[None]:
        """A nested part of the work: undone alone, and the exception passed on, if its block
        raises; kept (until the unit of work ends) if it ends normally."""


UnitOfWorkFactory = Callable[[], UnitOfWork]
"""What a use case is given: each call returns a new, not yet entered, unit of work."""


class StorageSession(Session):
    """Our session: refuses to flush changes to audit entries."""


@event.listens_for(StorageSession, "before_flush")
def _refuse_audit_changes(
    session: OrmSession, _flush_context: UOWTransaction, _instances: object
) -> None:
    for instance in session.deleted:
        if isinstance(instance, AuditEntry):
            raise AuditLogIsAppendOnly("audit entries cannot be deleted")
    for instance in session.dirty:
        if isinstance(instance, AuditEntry) and session.is_modified(instance):
            raise AuditLogIsAppendOnly("audit entries cannot be changed")


class SqlUnitOfWork(UnitOfWork):
    """A unit of work over a new :class:`StorageSession` of ``engine`` (SQLite or PostgreSQL).

    Objects read inside the block stay readable after it (``expire_on_commit=False``).
    """

    session: StorageSession

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Self:
        self.session = StorageSession(self.engine, expire_on_commit=False)
        self.session.begin()
        self.audit = SqlAuditLog(self.session)
        self.inbound = SqlInboundRepository(self.session, self.audit)
        self.decisions = SqlDecisionRepository(self.session, self.audit)
        self.applications = SqlApplicationRepository(self.session, self.audit, self.decisions)
        self.officers = SqlOfficerRepository(self.session, self.audit)
        self.accounts = SqlAccountRepository(self.session, self.audit)
        self.cases = SqlCaseQueue(self.session)
        self.conversations = SqlConversationRepository(self.session, self.audit)
        self.mail_folders = SqlMailFolderRepository(self.session, self.audit)
        self.reviews = SqlReviewRepository(self.session)
        self.letters = SqlLetterRepository(self.session, self.audit)
        return super().__enter__()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            super().__exit__(exc_type, exc, traceback)
        finally:
            self.session.close()

    def commit(self) -> None:
        """Commit the session's transaction."""
        self.session.commit()

    def rollback(self) -> None:
        """Roll the session's transaction back."""
        self.session.rollback()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A SAVEPOINT: released when the block ends normally, rolled back when it raises."""
        with self.session.begin_nested():
            yield
