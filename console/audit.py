"""What the console writes to the audit log (who: the officer; what: one of these)."""

from __future__ import annotations

from enum import StrEnum


class ConsoleAction(StrEnum):
    """Console actions recorded in the audit log (ids and counts only in their detail)."""

    SIGNED_IN = "console.signed_in"
    SIGN_IN_FAILED = "console.sign_in_failed"
    SIGNED_OUT = "console.signed_out"
    SESSION_EXPIRED = "console.session_expired"
    SESSIONS_PURGED = "console.sessions_purged"
    PASSWORD_CHANGED = "console.password_changed"
    QUEUE_VIEWED = "case.queue_viewed"
    CASE_VIEWED = "case.viewed"
    ATTACHMENT_DOWNLOADED = "case.attachment_downloaded"
    INCIDENT_CORRECTED = "case.incident_corrected"
    INCIDENT_ADDED = "case.incident_added"
    INCIDENT_DELETED = "case.incident_deleted"
    DATE_PROMOTED = "case.date_promoted"
    ACCOUNTS_VIEWED = "console.accounts_viewed"
    ASSISTED_INTAKE = "case.assisted_intake"
    LETTER_PRODUCED = "case.letter_produced"
    REVIEW_RECORDED = "case.review_recorded"
    LETTER_SENT = "case.letter_sent"
    LETTER_DOWNLOADED = "case.letter_downloaded"
    FIGURES_VIEWED = "console.figures_viewed"
    DEADLINES_VIEWED = "console.deadlines_viewed"
