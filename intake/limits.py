"""The size limits of one message, in one place: what the intake reads and keeps, and what it
decodes.

A mail server refuses messages over 25 MB: a bigger file or mailbox message is not an email, and
reading it would cost memory for nothing (issue 6), so it is refused before it is read. Anything
under that is kept whole (nothing that arrived is lost); decoding MIME is costlier than keeping
bytes, so a message over :data:`MAX_DECODED_BYTES` is kept but not decoded (the drafting worker
marks it ignored with the reason, for a person to read). Kept in a module of its own so that
``trigger extract`` does not import the drop folder (and its database error handling) to know it.
"""

MAX_MESSAGE_BYTES = 25 * 1024 * 1024
MAX_DECODED_BYTES = 10_000_000
