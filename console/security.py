"""What every response and every form carries: security headers, CSRF tokens, session tokens
and sign-in throttling. No I/O beyond the request itself."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HSTS = "max-age=63072000; includeSubDomains"


def over_tls(request: Request) -> bool:
    """True when the browser reached us over HTTPS (uvicorn's proxy headers included)."""
    return request.url.scheme == "https"


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """HTTP middleware: the security headers on every response, errors included."""
    response = await call_next(request)
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not request.url.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"
    if over_tls(request):
        headers["Strict-Transport-Security"] = HSTS
    return response


def new_token() -> str:
    """A random token for a cookie or a form (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the server keeps of a session cookie's token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a submitted token with the expected one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def sign_in_keys(username: str, client: str) -> tuple[str, str]:
    """What failed sign-ins are counted against, as kept in the database: the hashes of the
    (normalised) user name and of the client's address."""
    return token_hash(f"user:{username}"), token_hash(f"client:{client}")


@dataclass(frozen=True)
class SignInThrottle:
    """The lockout policy: at most ``limit`` failed sign-ins per user name and per client
    address within ``window``; further attempts are refused until enough failures age out.

    The failures themselves are rows in the database (``console_sign_in_failures``), so the
    lockout holds across processes and restarts; this class only does the arithmetic.
    """

    limit: int = 5
    window: timedelta = timedelta(minutes=15)

    def since(self, now: datetime) -> datetime:
        """The oldest failure time that still counts at ``now``."""
        return now - self.window

    def retry_after(self, failures: Sequence[datetime], now: datetime) -> int:
        """Seconds until one more attempt is allowed for a key whose failures (oldest first)
        are ``failures``; 0 when it is allowed now."""
        recent = [at for at in failures if at > self.since(now)]
        if len(recent) < self.limit:
            return 0
        # Allowed again once fewer than ``limit`` failures remain inside the window.
        ages_out = recent[len(recent) - self.limit] + self.window
        return max(math.ceil((ages_out - now).total_seconds()), 1)
