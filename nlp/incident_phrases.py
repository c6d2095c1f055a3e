"""Phrases the incident date rules read (:mod:`nlp.incident_candidates`): late report days, dates
the writer says are not incidents, days the people complained of were away, a kind of day, the
rows of a pasted table and the words a chat message that only gives a day may hold."""

from __future__ import annotations

import re

# "on a Sunday", "of an evening", "like any Friday night", "bin day is a Tuesday", "market day's
# always a Saturday", "pay day is usually on a Friday": a kind of day, not one day
ANY_SUCH_DAY = re.compile(
    r"\b(?:(?:on|of|like) (?:a|an|any)|(?:day|night|days|nights)(?: is|'s|’s| are)"
    r"(?: always| usually| normally| generally)?(?: on)? (?:a|an)?) ?$",
    re.I,
)

# A weekday alone ("Tuesday", "on a Friday"): no "last", no day of the month.
WEEKDAY_ONLY = re.compile(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?", re.I)
# "Tuesday is his day centre day", "Thursday's bin day", "Friday is always pay day": a weekday
# named as a kind of day, told after it
SUCH_DAY_AFTER = re.compile(
    r"(?:['’]s|\s+is|\s+are)(?:\s+(?:always|usually|normally|generally))?"
    r"(?:\s+(?:my|his|her|our|their|the|a))?(?:\s+[\w-]+){0,2}\s+day\b",
    re.I,
)

# "but not till Sunday", "but only on 18 November", "though it wasn't until the 9th", "finally on
# the 9th", "eventually, on the 9th": the day a report told in the sentence was made, late.
LATE_REPORT_DAY = re.compile(
    r"\b(?:(?:not|n[o']t|never)\s+(?:\w+\s+)?(?:until|till|til|untill)"
    r"|(?:but|and|though)\s+only(?:\s+(?:on|in|at))?"
    r"|(?:eventually|finally|only)(?:\s+got\s+round\s+to\s+it)?,?\s+(?:on|in)"
    r"|(?:wasn'?t|wasn’t|was\s+not)\s+(?:until|till))\s*$"
)
# "... are not incidents", "wasn't an incident", "not ASB related", "for context only": the writer
# says the dated thing was not an incident.
SAID_NOT_INCIDENT = re.compile(
    r"\b(?:(?:is|are|was|were)\s+not|isn'?t|aren'?t|wasn'?t|weren'?t|isn’t|aren’t|wasn’t"
    r"|weren’t|not|nor|neither)\s+(?:an?\s+|any\s+|themselves\s+|in\s+themselves\s+)?"
    r"(?:asb\s+|actual\s+|separate\s+|further\s+|new\s+)?(?:incidents?|asb[\s-]+related"
    r"|part\s+of\s+(?:this|the\s+(?:asb|problem|complaint|case|behaviour)))\b"
    r"|\bunrelated\s+to\s+(?:this|the\s+(?:asb|problem|complaint|neighbours?|behaviour))\b"
    r"|\b(?:for|as)\s+(?:context|background)\s+only\b|\b(?:only|just)\s+for\s+(?:context|background)\b",
    re.I,
)
# The people complained of away or quiet: "he's at work", "they're away on holiday", "it's been
# quiet", "they were asleep", "he's in prison", "they've gone out", "not in".
AWAY_OR_QUIET = re.compile(
    r"\b(?:(?:is|are|was|were|'s|’s|'re|’re|s|re|been|being)\s+(?:at\s+(?:work|school|college)"
    r"|away|on\s+holiday|in\s+(?:prison|jail|hospital|bed)|asleep|quiet|not\s+(?:in|home|there))"
    r"|(?:hes|shes|theyre|its)\s+(?:at\s+(?:work|school)|away|asleep|quiet|in\s+bed)"
    r"|gone\s+(?:out|away|to\s+bed|to\s+work|quiet)|all\s+quiet|nice\s+and\s+quiet)\b",
    re.I,
)
# A cell separator of a pasted table or log: a tab, or a pipe with spaces.
CELL = re.compile(r"\t|[ \t]\|[ \t]|^\|")


def row_led_by(text: str, start: int) -> tuple[int, int] | None:
    """The line a date phrase leads when that line is a row of cells (tab- or pipe-separated),
    or None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip(" \t|"):
        return None
    line = text[line_start:line_end]
    return (line_start, line_end) if len(CELL.findall(line)) >= 2 else None


# The words a chat message that only gives a day may hold beside its date phrase.
BARE_DATE_WORDS = frozenset(
    "on it was it's its at about around the in and um erm er yes yeah yep no oh so about ish "
    "think i roughly approx approximately night morning evening afternoon".split()
)
