"""Reports to agencies: report cues, the agencies named, and reference numbers.

Three kinds of finding, each with its span (``doc.spans`` keys in brackets):

- ``report`` / ``no_report`` ["reports"]: words saying an incident was (not) reported. A verb such
  as "reported" counts on its own; "rang", "told" or "called" count only when an agency follows
  closely ("rang 101", "told the police"), because "called me names" is abuse, not a report.
  A negation just before the cue ("didn't report", "wouldn't let me ring") makes it
  ``no_report``, unless "till/until <date>" follows, which says when it *was* reported.
- ``collective`` ["reports"]: "both", "all of them", "each time": one statement, several incidents.
- an agency label (``police``, ...) ["agencies"]; ``reference`` ["references"] as written.
Patterns live in ``nlp/patterns/{reports.jsonl,agencies.jsonl,references.json}``.

This module reads the report verbs' cues; beside it: :mod:`nlp.report_matchers` (the patterns
loaded), :mod:`nlp.report_agencies` (agencies and references named), :mod:`nlp.report_grammar`
(negated, supposed, heading, until), :mod:`nlp.report_agency_cues` (an agency that is a report
by itself: a channel, a visit, a log line's field) and :mod:`nlp.report_model` (:class:`ReportCue`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.findings import Finding
from nlp.pipeline import doc_text, set_findings
from nlp.report_agencies import _agencies, find_agencies, find_references
from nlp.report_agency_cues import _agency_as_cue, _no_report_fields
from nlp.report_fields import field_says_no, field_value_end
from nlp.report_grammar import (
    _AUXILIARIES,
    _BARE_AFTER,
    _DEMONSTRATIVES,
    _NEGATIONS,
    _PRONOUNS,
    _agency_before,
    _agency_does_it,
    _denied,
    _heading,
    _hypothetical,
    _negated,
    _until_follows,
    clause_end_token,
)
from nlp.report_matchers import _matchers, _report_matches, report_patterns
from nlp.report_model import COUNTED_REPORTS, ReportCue

__all__ = [
    "COUNTED_REPORTS",
    "ReportCue",
    "_matchers",
    "_report_matches",
    "clause_end_token",
    "find_agencies",
    "find_reports",
    "report_patterns",
]
_REST_WORDS = frozenset({"rest", "others", "remainder"})
_AGENCY_WINDOW = 5  # tokens after a 'rang/told/called' verb within which the agency must appear


def find_reports(doc: Doc) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """Report cues, agencies and references in a processed Doc."""
    matchers = _matchers(doc.vocab)
    agencies = _agencies(doc, matchers)
    agency_by_token: dict[int, Finding] = {}
    for finding in agencies:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is not None:
            agency_by_token[span.start] = finding
    # the token just after each agency phrase -> its label ("police" + "report")
    agency_before_token: dict[int, str] = {}
    for finding in agencies:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is not None:
            agency_before_token[span.end] = finding.label
    cues: list[Finding] = []
    used_tokens: set[int] = set()
    covered: set[int] = set()
    for finding in agencies:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    for key, start, end in sorted(_report_matches(doc, matchers), key=lambda m: (m[1], -m[2])):
        label = key.split("#")[0]
        if start in used_tokens:
            continue
        span = doc[start:end]
        if label in ("COLLECTIVE", "COUNTED"):
            used_tokens.update(range(start, end))
            # "a couple of times", "three times": reports of several incidents, days not given
            why = COUNTED_REPORTS if label == "COUNTED" else "covers several incidents"
            cues.append(Finding("collective", span.start_char, span.end_char, why))
            continue
        # The agencies this cue names: every agency phrase in its clause ("rang the police that
        # night and the council the next day"); a "rang/told/called" cue needs one close by.
        clause_end = _before_the_rest(doc, end, clause_end_token(doc, end))
        field_end = field_value_end(doc, start, end)  # "Reported: No - he did not feel able to"
        # "only told my landlord, not the council or police": a body named after "not" is not one
        # it was reported to.
        named = [
            agency_by_token[j].label
            for j in range(end, clause_end)
            if j in agency_by_token and not _denied(doc, j, end, covered)
        ]
        if label == "REPORT_DIRECT" and start in agency_before_token:
            # "the police report", "my council complaint": the body named as the report's kind
            named = [agency_before_token[start], *named]
        negated = _negated(doc, start) or (
            field_end is not None and field_says_no(doc, end, field_end)
        )
        if _heading(doc, start, end):
            continue  # "As for reporting: I rang ...": what follows says who was told
        if _hypothetical(doc, start):
            continue  # "he'd put me through my window if I rang the police": no report made
        if label == "REPORT_TO" and start > 0 and doc[start - 1].lower_ in _DEMONSTRATIVES:
            continue  # "this email ... shared with the police": a thing named, not a report made
        if (
            label == "REPORT_TO"
            and span.text.lower() in _AUXILIARIES
            and end < len(doc)
            and (doc[end].lower_ in _NEGATIONS or doc[end].lower_.startswith(("n't", "n’t")))
        ):
            continue  # "didnt ring police": the verb after the negation is the cue, negated
        if label == "REPORT_TO":
            first = next((j for j in range(end, clause_end) if j in agency_by_token), None)
            anyone = negated and any(
                doc[j].lower_ in matchers.anyone_words for j in range(end, min(clause_end, end + 3))
            )
            to_you = end < len(doc) and doc[end].lower_ in {"you", "u", "ya"}
            # "didnt ring, whats the point", "never bothered calling": no report, to no one
            bare = (
                negated
                and (end >= len(doc) or doc[end].is_punct or doc[end].lower_ in _BARE_AFTER)
                and span.text.lower() not in _AUXILIARIES
            )
            anyone = anyone or (bare and (first is None or first - end > _AGENCY_WINDOW))
            if (first is None or first - end > _AGENCY_WINDOW) and not anyone and to_you:
                named = []  # "I rang you on Monday": the recipient, known to the assembler
            elif (
                (first is None or first - end > _AGENCY_WINDOW)
                and not negated
                and end + 1 < len(doc)
                and doc[end].lower_ in {"someone", "somebody"}
                and (doc[end + 1].lower_ == "about" or _agency_later(doc, end, agency_by_token))
            ):
                # "she did ring someone about it the next morning but she cant remember if it
                # was the police or the council": a report, to a body not known
                named = []
            elif (first is None or first - end > _AGENCY_WINDOW) and not anyone:
                # "The PCSO was on the street so I told her there and then": a pronoun standing
                # for the agency named just before, in the same sentence.
                before = _agency_before(doc, start, agency_by_token)
                if before is None or end >= len(doc) or doc[end].lower_ not in _PRONOUNS:
                    continue
                if _agency_does_it(doc, before, start, end):
                    continue  # "the housing officer never rang her back": no report to them
                named = [before.label]
        used_tokens.update(range(start, end))
        until = negated and _until_follows(doc, end)
        cue = ReportCue(
            negated=negated and not until, agencies=tuple(dict.fromkeys(named)), until=until
        )
        name = "no_report" if cue.negated else "report"
        cues.append(
            Finding(name, span.start_char, span.end_char, f"report cue ({label.lower()})", cue)
        )
    cues.extend(_agency_as_cue(doc, matchers, agencies, cues))
    cues.extend(_no_report_fields(doc_text(doc), cues))
    cues.sort(key=lambda f: f.start)
    references = find_references(doc_text(doc), matchers)
    return cues, agencies, references


def _before_the_rest(doc: Doc, end: int, clause_end: int) -> int:
    """Where a report's clause ends when "the rest" turns to other incidents in it ("the first
    two I reported like I said, the rest I didnt bother until I rang the police"): a body named
    after it is told of the rest."""
    for j in range(end + 1, clause_end):
        if doc[j].lower_ in _REST_WORDS and doc[j - 1].lower_ == "the":
            return j - 1
    return clause_end


def _agency_later(doc: Doc, end: int, agency_by_token: dict[int, Finding]) -> bool:
    """Whether an agency is named later in the sentence of token ``end``."""
    stop = doc[end].sent.end if doc.has_annotation("SENT_START") else len(doc)
    return any(j in agency_by_token for j in range(end, stop))


@Language.factory("trigger_reports", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_reports_component(nlp: Language, name: str) -> Any:
    """The spaCy component: writes doc.spans['reports'], ['agencies'] and ['references']."""

    def component(doc: Doc) -> Doc:
        cues, agencies, references = find_reports(doc)
        set_findings(doc, "reports", cues)
        set_findings(doc, "agencies", agencies)
        set_findings(doc, "references", references)
        return doc

    return component
