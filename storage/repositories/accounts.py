"""Console accounts and their server-side sessions.

An account is an officer (``officers``) who may sign in to the console: a user name, an
argon2id password hash (hashed by the console, never here), a role and an area. A session row
is keyed by the SHA-256 of the random token in the browser's cookie.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
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
    SignInFailure,
    utc_now,
)


class AccountExists(ValueError):
    """An account with that user name already exists."""


class LastActiveAdmin(ValueError):
    """The change would leave no active admin to manage the accounts."""


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

    @abc.abstractmethod
    def set_active(self, account_id: int, active: bool, *, actor: str = SYSTEM) -> bool:
        """Deactivate (its sessions end at once) or reactivate an account, audited; False when
        it already was so. Raises :class:`LastActiveAdmin` for the last active admin and
        :class:`LookupError` for no such account."""

    @abc.abstractmethod
    def set_role(
        self, account_id: int, role: AccountRole, area: str | None, *, actor: str = SYSTEM
    ) -> None:
        """Change an account's role and area (audited). Raises :class:`LastActiveAdmin` when
        it would demote the last active admin."""

    @abc.abstractmethod
    def live_sessions(self) -> dict[int, int]:
        """How many sessions each account has open, by account id."""

    @abc.abstractmethod
    def purge_sessions(self, *, idle_before: datetime, started_before: datetime) -> int:
        """Delete the sessions last used before ``idle_before`` or opened before
        ``started_before`` (the idle and absolute timeouts); return how many."""

    @abc.abstractmethod
    def record_sign_in_failure(self, key_hashes: Iterable[str], at: datetime) -> None:
        """Count one failed sign-in at ``at`` against each key (a user name, an address)."""

    @abc.abstractmethod
    def sign_in_failures(self, key_hash: str, since: datetime) -> list[datetime]:
        """When a key's failed sign-ins since ``since`` happened, oldest first."""

    @abc.abstractmethod
    def forget_sign_in_failures(self, key_hash: str) -> int:
        """Forget a key's failed sign-ins (it signed in, or an operator unlocked it)."""

    @abc.abstractmethod
    def purge_sign_in_failures(self, before: datetime) -> int:
        """Delete the failed sign-ins older than ``before``; return how many."""


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

    def _account(self, account_id: int) -> ConsoleAccount:
        account = self.db.get(ConsoleAccount, account_id)
        if account is None:
            raise LookupError(f"no account {account_id}")
        return account

    def _check_not_last_admin(self, account: ConsoleAccount) -> None:
        """Raise :class:`LastActiveAdmin` when ``account`` is the only active admin. The
        admins' rows are locked (PostgreSQL) so that two admins demoting each other at once
        cannot both succeed."""
        if not account.active or account.role is not AccountRole.ADMIN:
            return
        admins = self.db.execute(
            select(col(ConsoleAccount.id))
            .where(
                col(ConsoleAccount.active).is_(True),
                col(ConsoleAccount.role) == AccountRole.ADMIN,
            )
            .with_for_update()
        ).all()
        if len(admins) <= 1:
            raise LastActiveAdmin(account.username)

    def set_active(self, account_id: int, active: bool, *, actor: str = SYSTEM) -> bool:
        """Deactivate or reactivate (see :meth:`AccountRepository.set_active`)."""
        account = self._account(account_id)
        if account.active == active:
            return False
        if not active:
            self._check_not_last_admin(account)
            self.db.execute(
                delete(ConsoleSession).where(col(ConsoleSession.account_id) == account_id)
            )
        account.active = active
        self.db.add(account)
        self.db.flush()
        self.audit.append(
            AccountAction.ACCOUNT_REACTIVATED if active else AccountAction.ACCOUNT_DEACTIVATED,
            actor=actor,
            subject_type="account",
            subject_id=account_id,
        )
        return True

    def set_role(
        self, account_id: int, role: AccountRole, area: str | None, *, actor: str = SYSTEM
    ) -> None:
        """Change the role and area (see :meth:`AccountRepository.set_role`)."""
        account = self._account(account_id)
        if role is not AccountRole.ADMIN:
            self._check_not_last_admin(account)
        before = {"role": str(account.role), "area": account.area}
        account.role = role
        account.area = area
        self.db.add(account)
        self.db.flush()
        self.audit.append(
            AccountAction.ROLE_SET,
            actor=actor,
            subject_type="account",
            subject_id=account_id,
            detail={"from": before, "to": {"role": str(role), "area": area}},
        )

    def live_sessions(self) -> dict[int, int]:
        """Open sessions per account id."""
        rows = self.db.execute(
            select(col(ConsoleSession.account_id), func.count()).group_by(
                col(ConsoleSession.account_id)
            )
        ).all()
        return {int(account_id): int(count) for account_id, count in rows}

    def purge_sessions(self, *, idle_before: datetime, started_before: datetime) -> int:
        """Delete the timed-out sessions."""
        result = self.db.execute(
            delete(ConsoleSession).where(
                (col(ConsoleSession.last_seen_at) < idle_before)
                | (col(ConsoleSession.created_at) < started_before)
            )
        )
        self.db.flush()
        return int(getattr(result, "rowcount", 0) or 0)

    def record_sign_in_failure(self, key_hashes: Iterable[str], at: datetime) -> None:
        """One failure per key."""
        self.db.add_all(SignInFailure(key_hash=key, failed_at=at) for key in key_hashes)
        self.db.flush()

    def sign_in_failures(self, key_hash: str, since: datetime) -> list[datetime]:
        """A key's failures since ``since``, oldest first."""
        return list(
            self.db.execute(
                select(col(SignInFailure.failed_at))
                .where(
                    col(SignInFailure.key_hash) == key_hash,
                    col(SignInFailure.failed_at) > since,
                )
                .order_by(col(SignInFailure.failed_at))
            ).scalars()
        )

    def forget_sign_in_failures(self, key_hash: str) -> int:
        """Forget a key's failures."""
        result = self.db.execute(
            delete(SignInFailure).where(col(SignInFailure.key_hash) == key_hash)
        )
        self.db.flush()
        return int(getattr(result, "rowcount", 0) or 0)

    def purge_sign_in_failures(self, before: datetime) -> int:
        """Delete the failures older than ``before``."""
        result = self.db.execute(
            delete(SignInFailure).where(col(SignInFailure.failed_at) <= before)
        )
        self.db.flush()
        return int(getattr(result, "rowcount", 0) or 0)


class AccountAction(StrEnum):
    """What the accounts repository records in the audit log."""

    ACCOUNT_ADDED = "account.added"
    PASSWORD_SET = "account.password_set"
    ACCOUNT_DEACTIVATED = "account.deactivated"
    ACCOUNT_REACTIVATED = "account.reactivated"
    ROLE_SET = "account.role_set"


__all__ = [
    "AccountAction",
    "AccountExists",
    "AccountRepository",
    "LastActiveAdmin",
    "SqlAccountRepository",
    "normal_username",
]
