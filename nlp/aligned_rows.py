"""Rows of a table pasted with its columns lined up by spaces ("07/08/2026  Stones thrown at my
window     No - thought it was a one off"): each run of two or more spaces between a row's cells
is read as the tab a pasted table would have had, so the row is read cell by cell, as the rows of
a tab- or pipe-separated table are. The text keeps its length (one space of each run becomes a
tab), so every offset into it still points where it did.
"""

from __future__ import annotations

import re

# A row that opens with a date or a day number ("07/08/2026", "12 Nov", "3rd") and has at least two
# gaps of two or more spaces, neither after a sentence's end (two spaces after a full stop are a
# typist's habit, not a column)
_ROW = re.compile(r"(?m)^[ \t]*\d[^\n]*?(?<![.!?:;,]) {2,}\S[^\n]*?(?<![.!?:;,]) {2,}\S[^\n]*$")
_GAP = re.compile(r"(?<![.!?:;,\s]) {2,}(?=\S)")


def aligned_cells(text: str) -> str:
    """``text`` with each space-aligned table row's column gaps opened by a tab (same length)."""
    if "  " not in text:
        return text
    rows = list(_ROW.finditer(text))
    if len(rows) < 2:
        return text  # one line with wide gaps is no table
    chars = list(text)
    for row in rows:
        for gap in _GAP.finditer(text, row.start(), row.end()):
            chars[gap.start()] = "\t"
    return "".join(chars)
