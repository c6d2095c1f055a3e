"""What every response and every form carries: security headers, CSRF tokens, session tokens
and sign-in throttling. No I/O beyond the request itself."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from threading import Lock

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


@dataclass
class SignInThrottle:
    """At most ``limit`` failed sign-ins per user name and per client address within
    ``window`` seconds; further attempts are refused until the oldest failure ages out.

    In memory (one process serves the console); a restart forgets, which only ever lets an
    officer in sooner.
    """

    limit: int = 5
    window: float = 900.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: Lock = field(default_factory=Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def retry_after(self, *keys: str) -> int:
        """Seconds until an attempt for these keys is allowed again; 0 when it is now."""
        with self._lock:
            now = self.clock()
            waits = [
                self.window - (now - failures[0])
                for key in keys
                if len(failures := self._recent(key, now)) >= self.limit
            ]
        return int(max(waits)) + 1 if waits else 0

    def failed(self, *keys: str) -> None:
        """Count one failed attempt against each key."""
        with self._lock:
            now = self.clock()
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, key: str) -> None:
        """Forget the failures of a user name that signed in."""
        with self._lock:
            self._failures.pop(key, None)
