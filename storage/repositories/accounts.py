"""Console accounts and their server-side sessions.

An account is an officer (``officers``) who may sign in to the console: a user name, an
argon2id password hash (hashed by the console, never here), a role and an area. A session row
is keyed by the SHA-256 of the random token in the browser's cookie.
"""

from __future__ import annotations

import abc
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, select
from sqlmodel import Session, col

from storage.repositories.audit import SYSTEM, AuditLog
from storage.repositories.officers import normal_email
from storage.tables import (
    AccountRole,
    ConsoleAccount,
    ConsoleSession,
    OfficerRecord,
    utc_now,
)


class AccountExists(ValueError):
    """An account with that user name already exists."""


def normal_username(username: str) -> str:
    """A user name as kept and looked up: trimmed, lower case."""
    return username.strip().lower()


class AccountRepository(abc.ABC):
    """The console accounts and sessions of one unit of work."""

    @abc.abstractmethod
    def add(
        self,
        username: str,
        password_hash: str,
        *,
        role: AccountRole,
        area: str | None,
        name: str | None = None,
        one_time: bool = True,
        actor: str = SYSTEM,
    ) -> ConsoleAccount:
        """Create an account (``one_time``: its password must be changed at the first sign-in)
        and the officer it stands for (audited); raises
        :class:`AccountExists` for a user name already taken."""

    @abc.abstractmethod
    def find(self, username: str) -> ConsoleAccount | None:
        """The account with this user name (any case), or None."""

    @abc.abstractmethod
    def get(self, account_id: int) -> ConsoleAccount | None:
        """The account with this id, or None."""

    @abc.abstractmethod
    def all(self) -> list[ConsoleAccount]:
        """Every account, by user name."""

    @abc.abstractmethod
    def count(self, role: AccountRole | None = None) -> int:
        """How many active accounts there are (with ``role``, if given)."""

    @abc.abstractmethod
    def set_password(
        self,
        account_id: int,
        password_hash: str,
        *,
        one_time: bool = False,
        keep_session: str | None = None,
        actor: str = SYSTEM,
    ) -> None:
        """Replace an account's password hash (``one_time``: to be changed at the next
        sign-in) and end its sessions but ``keep_session`` (audited)."""

    @abc.abstractmethod
    def open_session(
        self, session_id: str, account_id: int, csrf_token: str, at: datetime | None = None
    ) -> None:
        """Keep a new session opened ``at`` (default now; ``session_id`` is the hash of the
        cookie's token)."""

    @abc.abstractmethod
    def session(self, session_id: str) -> tuple[ConsoleSession, ConsoleAccount] | None:
        """A session and its account, or None."""

    @abc.abstractmethod
    def touch_session(self, session_id: str, at: datetime) -> None:
        """Note that a session was used at ``at`` (its idle timeout starts again)."""

    @abc.abstractmethod
    def close_session(self, session_id: str) -> None:
        """Forget a session (sign-out, timeout)."""


class SqlAccountRepository(AccountRepository):
    """Accounts in ``console_accounts``, sessions in ``console_sessions``."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self.db = session
        self.audit = audit

    def add(
        self,
        username: str,
        password_hash: str,
        *,
        role: AccountRole,
        area: str | None,
        name: str | None = None,
        one_time: bool = True,
        actor: str = SYSTEM,
    ) -> ConsoleAccount:
        """Create an account and its officer (see :meth:`AccountRepository.add`)."""
        username = normal_username(username)
        if self.find(username) is not None:
            raise AccountExists(username)
        officer = self.db.execute(
            select(OfficerRecord).where(col(OfficerRecord.email) == normal_email(username))
        ).scalar_one_or_none()
        if officer is None:
            officer = OfficerRecord(email=normal_email(username), name=name or username)
            self.db.add(officer)
            self.db.flush()
        assert officer.id is not None
        account = ConsoleAccount(
            officer_id=officer.id,
            username=username,
            password_hash=password_hash,
            role=role,
            area=area,
            must_change_password=one_time,
        )
        self.db.add(account)
        self.db.flush()
        assert account.id is not None
        self.audit.append(
            AccountAction.ACCOUNT_ADDED,
            actor=actor,
            subject_type="account",
            subject_id=account.id,
            detail={"role": str(role), "area": area, "officer_id": officer.id},
        )
        return account

    def find(self, username: str) -> ConsoleAccount | None:
        """The account with this user name, or None."""
        return self.db.execute(
            select(ConsoleAccount).where(col(ConsoleAccount.username) == normal_username(username))
        ).scalar_one_or_none()

    def get(self, account_id: int) -> ConsoleAccount | None:
        """The account with this id, or None."""
        return self.db.get(ConsoleAccount, account_id)

    def all(self) -> list[ConsoleAccount]:
        """Every account, by user name."""
        return list(
            self.db.execute(select(ConsoleAccount).order_by(col(ConsoleAccount.username))).scalars()
        )

    def count(self, role: AccountRole | None = None) -> int:
        """How many active accounts there are (with ``role``, if given)."""
        statement = (
            select(func.count())
            .select_from(ConsoleAccount)
            .where(col(ConsoleAccount.active).is_(True))
        )
        if role is not None:
            statement = statement.where(col(ConsoleAccount.role) == role)
        return int(self.db.execute(statement).scalar_one())

    def set_password(
        self,
        account_id: int,
        password_hash: str,
        *,
        one_time: bool = False,
        keep_session: str | None = None,
        actor: str = SYSTEM,
    ) -> None:
        """Replace the hash and end the account's other sessions (audited)."""
        account = self.db.get(ConsoleAccount, account_id)
        if account is None:
            raise LookupError(f"no account {account_id}")
        account.password_hash = password_hash
        account.must_change_password = one_time
        account.password_changed_at = utc_now()
        self.db.add(account)
        self.db.execute(
            delete(ConsoleSession).where(
                col(ConsoleSession.account_id) == account_id,
                col(ConsoleSession.id) != (keep_session or ""),
            )
        )
        self.db.flush()
        self.audit.append(
            AccountAction.PASSWORD_SET,
            actor=actor,
            subject_type="account",
            subject_id=account_id,
            detail={"one_time": one_time},
        )

    def open_session(
        self, session_id: str, account_id: int, csrf_token: str, at: datetime | None = None
    ) -> None:
        """Keep a new session."""
        now = at or utc_now()
        self.db.add(
            ConsoleSession(
                id=session_id,
                account_id=account_id,
                csrf_token=csrf_token,
                created_at=now,
                last_seen_at=now,
            )
        )
        self.db.flush()

    def session(self, session_id: str) -> tuple[ConsoleSession, ConsoleAccount] | None:
        """A session and its account, or None."""
        row = self.db.execute(
            select(ConsoleSession, ConsoleAccount)
            .join(ConsoleAccount, col(ConsoleAccount.id) == col(ConsoleSession.account_id))
            .where(col(ConsoleSession.id) == session_id)
        ).first()
        if row is None:
            return None
        return row[0], row[1]

    def touch_session(self, session_id: str, at: datetime) -> None:
        """Note that a session was used at ``at``."""
        found = self.db.get(ConsoleSession, session_id)
        if found is not None:
            found.last_seen_at = at
            self.db.add(found)
            self.db.flush()

    def close_session(self, session_id: str) -> None:
        """Forget a session."""
        self.db.execute(delete(ConsoleSession).where(col(ConsoleSession.id) == session_id))
        self.db.flush()


class AccountAction(StrEnum):
    """What the accounts repository records in the audit log."""

    ACCOUNT_ADDED = "account.added"
    PASSWORD_SET = "account.password_set"


__all__ = [
    "AccountAction",
    "AccountExists",
    "AccountRepository",
    "SqlAccountRepository",
    "normal_username",
]
