"""Officers' passwords: argon2id hashes (argon2-cffi) and one-time passwords.

The parameters are argon2-cffi's RFC 9106 low-memory profile (argon2id, 64 MiB, 3 passes,
4 lanes), stronger than OWASP's minimum (argon2id, 19 MiB, 2 passes, 1 lane).
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY

HASHER = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)
MIN_LENGTH = 12
# Verified against when the user name is unknown, so that both cases take as long.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (PHC string format, salt included)."""
    return HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; None (no such account) costs the
    same time and is False."""
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return HASHER.check_needs_rehash(password_hash)


def one_time_password() -> str:
    """A new random password to be shown once (about 120 bits)."""
    return secrets.token_urlsafe(15)


def password_problem(password: str) -> str | None:
    """Why ``password`` may not be used, or None."""
    if len(password) < MIN_LENGTH:
        return f"Enter a password of at least {MIN_LENGTH} characters"
    return None
