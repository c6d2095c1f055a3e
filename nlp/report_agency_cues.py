"""Agency phrases that are reports by themselves: a channel ("on the council website"), an agency
that came ("the police came"), the report field of a dated log line ("- 08/09 - bikes revving -
police 101"), and log fields that say nobody was told."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from nlp.findings import Finding
from nlp.pipeline import doc_text
from nlp.report_grammar import _negated, clause_end_token
from nlp.report_matchers import _Matchers
from nlp.report_model import ReportCue

# A dated line of a log ("- 08/09 - what happened - "), a pipe table's row ("| 08/09 | what
# happened | ") or a spreadsheet's pasted row (cells between tabs), up to a later field that
# starts with an agency (after "the", "rang" or one other word: "Leics Police 101"): the date's
# field, at least one field after it, then the agency's.
_FIELD_SEPARATOR = r"(?:[ \t]+[-–][ \t]+|[ \t]*\|[ \t]*|\t[ \t]*)"
_LOG_FIELD = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:[-*•–][ \t]+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    + _FIELD_SEPARATOR
    + r"[^\n]*?"
    + _FIELD_SEPARATOR
    + r"(?:the[ \t]+|rang[ \t]+(?:the[ \t]+)?|(?:[A-Z][\w.&'-]*[ \t]+){1,2})?$",
    re.I | re.M,
)


# A dated log line's later sentence that starts with an agency ("Sun 04/10 - bottle thrown at my
# car. 101 again, they said ..."): a report when a word of reporting or nothing follows the agency
_LOG_SENTENCE = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:[-*•–][ \t]+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    + _FIELD_SEPARATOR
    + r"[^\n]*?\w[^\n]*?[.;!][ \t]+(?:the[ \t]+|rang[ \t]+(?:the[ \t]+)?)?$",
    re.I | re.M,
)
_LOG_SENTENCE_FOLLOWERS = frozenset(
    "again ref reference called rung rang informed told notified emailed contacted and too".split()
    + "as straight same , . ; - –".split()
)


# A later field of a dated log line that says nobody was told ("| nobody - thought it was a one
# off |", "\tdidnt bother", "- not yet", "| No |"): the line's incident was not reported.
_NO_REPORT_FIELD = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:[-*•–][ \t]+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    + _FIELD_SEPARATOR
    + r"[^\n]*?"
    + _FIELD_SEPARATOR
    + r"(nobody|no[ -]?one|none|not yet|never|didn'?t bother|did not bother|no report|no|nope)"
    + r"(?=[ \t]*(?:$|[|\t,.;]|[-–]))",
    re.I | re.M,
)


def _no_report_fields(text: str, cues: list[Finding]) -> list[Finding]:
    """The no-report fields of dated log lines that no cue already covers."""
    out = []
    for match in _NO_REPORT_FIELD.finditer(text):
        start, end = match.span(1)
        if any(c.start < end and start < c.end for c in cues):
            continue
        cue = ReportCue(negated=True, agencies=())
        out.append(Finding("no_report", start, end, "the report field of a log line", cue))
    return out


# Words between an agency and its coming: "the police had to come out", "PCSOs finally came".
_CAME_HELPERS = frozenset("had to finally eventually then soon also actually did".split())


_CAME_AFTER_HELPERS = frozenset("came come attend attended arrived turned showed visited".split())


def _past_helpers(following: list[str]) -> list[str]:
    """The words after an agency with "had to", "finally" and the like left out when a word of
    coming follows them ("the police had to come out" -> "come out")."""
    i = 0
    while i < len(following) - 1 and i < 3 and following[i] in _CAME_HELPERS:
        i += 1
    if i and following[i] in _CAME_AFTER_HELPERS:
        return ["came", *following[i + 1 :]]
    return following


_SENTENCE_END = frozenset(".!?;")
# "understands from the council's website that ...", "according to the police website", "I read
# on the council website": a channel read from, not one a report went through
_READ_FROM = frozenset({"from", "according"})
_READ_ON = frozenset({"on", "in", "at"})
_READ_VERBS = frozenset("read saw seen looked says said found checked".split())
_DETERMINERS = frozenset({"the", "their", "its", "a", "to"})


def _same_sentence(words: list[str]) -> list[str]:
    """``words`` up to the first that ends a sentence ("... to the police or the council. This
    email ...": the next sentence's "email" is no channel of the council's)."""
    for i, word in enumerate(words):
        if word in _SENTENCE_END:
            return words[:i]
    return words


def _read_from(doc: Doc, start: int) -> bool:
    """Whether the agency phrase at token ``start`` follows "from", "according to" or "read
    on"."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _DETERMINERS:
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    return word in _READ_FROM or (word in _READ_ON and i > 0 and doc[i - 1].lower_ in _READ_VERBS)


def _agency_as_cue(
    doc: Doc, matchers: _Matchers, agencies: list[Finding], cues: list[Finding]
) -> list[Finding]:
    """Agency phrases that are reports by themselves: "on the council website", "the police
    came"."""
    out = []
    text = doc_text(doc)
    ordered = sorted(cues, key=lambda c: c.start)
    cue_starts = [c.start for c in ordered]
    for finding in agencies:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is None:
            continue
        following = [t.lower_ for t in doc[span.end : span.end + 6] if t.lower_ not in {"'s", "’s"}]
        if any(w in matchers.channel_words for w in _same_sentence(following[:3])) and not (
            _read_from(doc, span.start)
        ):
            why = "report through an agency's channel"
        elif _LOG_FIELD.search(text, text.rfind("\n", 0, finding.start) + 1, finding.start):
            # "- 08/09 - bikes revving late at night - police 101 that night": the last field of
            # a dated log line says who was told
            why = "the report field of a log line"
        elif (not following or following[0] in _LOG_SENTENCE_FOLLOWERS) and _LOG_SENTENCE.search(
            text, text.rfind("\n", 0, finding.start) + 1, finding.start
        ):
            why = "the report sentence of a log line"
        elif (
            (following := _past_helpers(following))
            and following[0] in matchers.came_words
            and (
                following[0] not in {"were", "was"}
                or (
                    len(following) > 1
                    and following[1] in {"called", "informed", "told", "contacted", "notified"}
                )
            )
        ):
            why = "agency responded to a report"
        else:
            continue
        lo = bisect.bisect_left(cue_starts, finding.start - 200)
        hi = bisect.bisect_right(cue_starts, finding.start)
        if any(
            c.start <= finding.start < c.end + 60
            and c.label != "collective"
            and finding.label in (c.value.agencies if c.value else ())
            for c in ordered[lo:hi]
        ):
            continue  # already named by a report verb's clause
        negated = _negated(doc, span.start)
        # "the fire brigade came out and the police too": the other bodies in the clause came too.
        clause_end = clause_end_token(doc, span.end)
        limit = (
            doc[clause_end].idx
            if clause_end < len(doc)
            else doc[-1].idx + len(doc[-1].text_with_ws)
        )
        named = [finding.label] + [a.label for a in agencies if span.end_char <= a.start < limit]
        cue = ReportCue(negated=negated, agencies=tuple(dict.fromkeys(named)))
        out.append(
            Finding("no_report" if negated else "report", finding.start, finding.end, why, cue)
        )
    return out
