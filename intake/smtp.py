"""The SMTP adapter: sends one message over smtplib, the only SMTP code.

STARTTLS when configured, LOGIN when a user is set, a timeout on every connection. Library
errors are translated here: :class:`MailUnavailable` (the server is down, busy, or answered 4xx:
try again later) and :class:`MailRefused` (a 5xx answer: sending again will not help).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from intake.errors import MailboxUnavailable


class MailUnavailable(MailboxUnavailable):
    """The mail server could not take the message right now; retry later."""


class MailRefused(Exception):
    """The mail server refused the message for good (a 5xx answer): ``code`` says why."""

    def __init__(self, code: int) -> None:
        super().__init__(f"refused with SMTP code {code}")
        self.code = code


@dataclass(frozen=True)
class SmtpSender:
    """Sends mail through one SMTP server."""

    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0

    def send(self, message: EmailMessage) -> None:
        """Send ``message`` to its ``To`` recipients; raise :class:`MailUnavailable` or
        :class:`MailRefused`, never a library error."""
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as client:
                if self.starttls:
                    client.starttls(context=ssl.create_default_context())
                if self.user:
                    client.login(self.user, self.password or "")
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(code >= 500 for code in codes):
                raise MailRefused(codes[0]) from None
            raise MailUnavailable(type(exc).__name__) from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPAuthenticationError):
                raise MailRefused(exc.smtp_code) from None
            raise MailUnavailable(f"{type(exc).__name__} {exc.smtp_code}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise MailUnavailable(type(exc).__name__) from None
