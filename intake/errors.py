"""Intake's own exceptions: adapters translate library errors into these at the boundary.

``RejectedMessage`` is the sender's problem (not an email, too large, no text): it is answered,
never retried. ``MailboxUnavailable`` is operational (the IMAP server is down, a login failed):
the worker retries it later.
"""

from __future__ import annotations


class RejectedMessage(Exception):
    """An inbound message the system cannot take: the reason is safe to show the sender."""


class MailboxUnavailable(Exception):
    """The mailbox could not be reached or used right now; retry later."""
