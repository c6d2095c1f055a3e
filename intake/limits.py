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

# The shape of one message, checked by a linear scan before any MIME parser builds its tree
# (intake.mime.structure_problem): a message beyond these is not mail a person wrote but a bomb
# (a 2,000-deep multipart makes parsers recurse until they fail; 16,000 addresses in To: make
# header parsing crawl), and is quarantined unparsed.
MAX_MIME_DEPTH = 30  # nested multipart containers
MAX_MIME_PARTS = 1000  # part delimiters in the whole message
MAX_HEADER_BYTES = 256 * 1024  # the top-level header section
MAX_ADDRESSES = 1000  # addresses in To, Cc, Bcc, From, Reply-To together
# An attachment larger than this (decoded) is refused with a reply that says so.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
