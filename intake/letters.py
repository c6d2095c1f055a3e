"""A letter to an applicant as an email: a short plain-text note with the letter's PDF attached.

Pure: builds the message, sends nothing (:mod:`intake.smtp` does). No ``Auto-Submitted``
header: RFC 3834 s.5 reserves ``auto-generated`` and ``auto-replied`` for mail no person chose
to send, and an officer chose to send this letter (the field's absence means ``no``). So an
applicant's own auto-reply may answer it, as it would a letter from the officer's mailbox; our
intake recognises such auto-replies and does not draft them.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from intake.replies import clean, outgoing


def letter_email(
    *,
    from_address: str,
    to: str,
    subject: str,
    note: str,
    pdf: bytes,
    filename: str,
    now: datetime,
) -> EmailMessage:
    """The email of one letter: ``note`` as the body, the PDF attached as ``filename``."""
    message = outgoing(from_address, to, subject, now=now, idstring="letter")
    message.set_content(note)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=clean(filename))
    return message
