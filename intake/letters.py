"""A letter to an applicant as an email: a short plain-text note with the letter's PDF attached.

Pure: builds the message, sends nothing (:mod:`intake.smtp` does). No ``Auto-Submitted``
header: RFC 3834 s.5 reserves ``auto-generated`` and ``auto-replied`` for mail no person chose
to send, and an officer chose to send this letter (the field's absence means ``no``). So an
applicant's own auto-reply may answer it, as it would a letter from the officer's mailbox; our
intake recognises such auto-replies and does not draft them.
"""

from __future__ import annotations

import email.utils
from datetime import datetime
from email.message import EmailMessage

from intake.replies import clean


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
    sender = clean(from_address)
    domain = email.utils.parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = clean(to)
    message["Subject"] = clean(subject)
    message["Date"] = email.utils.format_datetime(now)
    message["Message-ID"] = email.utils.make_msgid(idstring="letter", domain=domain)
    message.set_content(note)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=clean(filename))
    return message
