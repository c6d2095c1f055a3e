"""The largest message the intake reads: one constant shared by the drop folder and the loader.

A mail server refuses messages over 25 MB; a bigger file is not an email, and reading it would
cost memory for nothing (issue 6). Kept in a module of its own so that ``trigger extract`` does
not import the drop folder (and its database error handling) to know it.
"""

MAX_MESSAGE_BYTES = 25 * 1024 * 1024
