"""How a report cue's sentence bends it: negated ("didn't report"), only supposed ("if I rang
the police"), a heading ("As for reporting:"), a late report ("not until 2 September"), and who
the agency before a "told her" is."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.clauses import segmentation, sentence_of_token
from nlp.findings import Finding
from nlp.report_fields import field_value_end
from nlp.report_refusal import refused

_NEGATIONS = frozenset(
    "not n't n’t nt never neither nor didnt didn't havent haven't hasnt hasn't wasnt wasn't "
    "werent weren't dont don't "
    # as people type them: "havnt reported that 1 yet", "i aint told no one", "hadnt rung"
    "havnt havn't hav'nt hvnt hadnt hadn't aint ain't didint dint didn isnt isn't arent aren't "
    "no nobody noone none cannot cant can't couldnt couldn't wouldnt wouldn't didnot".split()
)
# A report verb that is also an auxiliary ("did a report", but "didn't ring them")
_AUXILIARIES = frozenset({"did", "do", "does"})
_CLAUSE_MAX = 20  # tokens
_UNTIL = frozenset({"till", "until", "til", "untill"})


_PRONOUNS = frozenset("her him them they 'em em".split())
# "this email", "that call": a report verb's word used as a thing pointed at
_DEMONSTRATIVES = frozenset("this that these those".split())


def _agency_before(doc: Doc, start: int, agency_by_token: dict[int, Finding]) -> Finding | None:
    """The last agency named before token ``start`` in its sentence."""
    sent_start = sentence_of_token(doc)[0][start]
    for j in range(start - 1, sent_start - 1, -1):
        if j in agency_by_token:
            return agency_by_token[j]
    return None


# Words that may stand between an agency and its own verb ("the officer never once rang her"):
# adverbs, negations and auxiliaries, so the agency is the one who rang or told.
_SUBJECT_BRIDGE = frozenset(
    "never once not n't n’t even ever just then also still only did didnt didn't has had have "
    "was were finally eventually actually officer officers".split()
)


def _agency_does_it(doc: Doc, agency: Finding, start: int, end: int) -> bool:
    """Whether the agency named before a "rang/told her" is the one who rang or told ("the PCSO
    then told him to go inside", "housing rang her back"), not the one rung or told ("the PCSO
    came so I told her"): nothing but adverbs between them, or a call "back"."""
    if end + 1 < len(doc) and doc[end + 1].lower_ == "back":
        return True  # "rang her back", "called me back": a return call, never a report
    span = doc.char_span(agency.start, agency.end, alignment_mode="expand")
    if span is None:
        return False
    return all(doc[j].lower_ in _SUBJECT_BRIDGE for j in range(span.end, start))


def _denied(doc: Doc, token_index: int, floor: int, agency_tokens: set[int]) -> bool:
    """Whether a "not"/"nor"/"never" stands just before the agency at ``token_index``."""
    j = token_index - 1
    while j >= floor and token_index - j <= 7:
        word = doc[j].lower_
        if word in {"not", "nor", "never", "n't", "n’t"}:
            return True
        if not (
            word in {"the", "or", "and", ",", "my", "our", "to", "either"} or j in agency_tokens
        ):
            return False
        j -= 1
    return False


def clause_end_token(doc: Doc, end: int) -> int:
    """Index just past the clause that starts at token ``end``: the next ``report_clause`` break
    (:mod:`nlp.clauses`) in its sentence, at most ``_CLAUSE_MAX`` tokens on."""
    field_end = field_value_end(doc, end - 1, end) if end > 0 else None
    if field_end is not None:
        return field_end  # "Reported: Police via 101, the same evening": the field's line
    cuts = segmentation(doc)
    sent_end = cuts.sentence_ends[end - 1]
    limit = min(sent_end, end + _CLAUSE_MAX)
    for j in range(end, limit):
        if j in cuts.report_breaks:
            return j
    return limit


# Words that may stand between a negation and the report verb it negates ("didn't even report").
_NEGATION_BRIDGE = frozenset(
    "yet even ever actually really properly officially bother bothered to been have had be i we it "
    "already formally also get got go went of us them you".split()
)


def _negated(doc: Doc, token_index: int) -> bool:
    """A negation governing the cue: "didn't report", "haven't yet reported", "never told"."""
    if refused(doc, token_index):  # "she wouldn't let me ring anyone": no report made
        return True
    sent_start = sentence_of_token(doc)[0][token_index]
    j = token_index - 1
    steps = 0
    while j >= sent_start and steps < 4:
        word = doc[j].lower_
        if word in _NEGATIONS or word.endswith("n't") or word.endswith("n’t"):
            return True
        if word not in _NEGATION_BRIDGE:
            return False
        j -= 1
        steps += 1
    return False


# A report only supposed, threatened or feared: "if I rang the police", "unless you ring the
# council", "too scared to report it", "daren't call 101", "in case I phone them".
_SUPPOSED = frozenset(
    "if unless whether case scared afraid frightened terrified dare daren't darent "
    # planned, not made: "might ring the council", "I'll report it", "gonna tell the housing"
    # (spaCy splits "gonna" and "wanna" into "gon" + "na", "wan" + "na")
    "might will 'll ’ll shall gonna gon going intend intending plan planning want wanna wan".split()
)
_SUPPOSED_REACH = 3  # tokens before the cue
# Words that make a report only supposed when "to" follows them ("scared to", "going to").
_BEFORE_TO = frozenset(
    "scared afraid frightened terrified going intend intending plan planning want".split()
)


# What may follow a negated "ring/call/phone" with nobody named: "didn't ring, what's the point",
# "never rang because ...", "didnt call anyone".
_BARE_AFTER = frozenset(
    "anyone anybody nobody no one because cos coz as whats what's what it that this about".split()
)


# "As for reporting:", "Regarding reports,", "In terms of reporting -", "Re reporting:": a heading
# over the reports told next, not a report.
_HEADING_BEFORE = re.compile(
    r"(?:as\s+for|as\s+to|regarding|re|about|in\s+terms\s+of|with\s+regard\s+to|on\s+the"
    r"\s+subject\s+of|in\s+respect\s+of)\s*$",
    re.I,
)


def _heading(doc: Doc, start: int, end: int) -> bool:
    """Whether the cue is a heading word ("As for reporting:") over the reports told after it."""
    if doc[start].lower_ not in {"reporting", "reports", "report"} or end >= len(doc):
        return False
    if doc[end].text not in {":", ",", "-", "–"}:
        return False
    sent_start = sentence_of_token(doc)[0][start]
    before = doc[max(sent_start, start - 5) : start].text
    return bool(_HEADING_BEFORE.search(before))


# "thought I'd tell you first", "I would ring them but": "'d"/"would" before a report verb's base
# form is a report wished or planned ("I'd rung them already" is one made: "had")
_WOULD = frozenset("'d ’d would wud id".split())
# "I want a proper complaint made", "she'd like a report logged": a report wished for
_WANTED = frozenset("want wants wanted wanting like need needs".split())
_REPORT_NOUNS = frozenset("complaint complaints report reports".split())
# "can"/"could" before a base form: a report one is able to make ("nothing I can tell you about
# that week", "I could ring the council"); "couldn't ring them" stays a negated report.
_ABLE = frozenset("can could cud".split())
_BASE_FORMS = frozenset("tell ring call phone report email contact let text message".split())


def _hypothetical(doc: Doc, token_index: int) -> bool:
    """Whether the cue is a report only supposed or feared, not one made."""
    if refused(doc, token_index):  # "didn't want me to call the police": refused, none made
        return False
    sent_start = sentence_of_token(doc)[0][token_index]
    for j in range(max(sent_start, token_index - _SUPPOSED_REACH), token_index):
        word = doc[j].lower_
        if word in _WOULD and doc[token_index].lower_ in _BASE_FORMS:
            return True
        if (
            word in _ABLE
            and doc[token_index].lower_ in _BASE_FORMS
            and doc[j + 1].lower_ not in _NEGATIONS
            and not doc[j + 1].lower_.endswith(("n't", "n’t"))
        ):
            return True  # "all I can tell you", "I could ring them": able to, not done
        if word in _WANTED and doc[token_index].lower_ in _REPORT_NOUNS:
            return True  # "I want a proper complaint made about them": wished for, not made
        if word in _SUPPOSED and not (word == "case" and doc[j - 1].lower_ != "in"):
            # "too scared to ring 101", "going to ring"; not "I was scared so I rang 101", "set
            # one going, I reported it"
            if word in _BEFORE_TO and doc[j + 1].lower_ != "to":
                continue
            return True
    return False


def _until_follows(doc: Doc, end: int) -> bool:
    sent_end = sentence_of_token(doc)[1][end - 1]
    # "didnt email the council's environmental health about it till 2 September"
    return any(
        doc[j].lower_ in _UNTIL and not _told_a_private_person(doc, j + 1, sent_end)
        for j in range(end, min(sent_end, end + 12))
    )


_TELL_VERBS = frozenset({"told", "tell", "telling", "mentioned", "said"})
_PRIVATE_PEOPLE = frozenset(
    "me us son daughter mum mam mom dad brother sister husband wife partner family friend".split()
)


def _told_a_private_person(doc: Doc, start: int, sent_end: int) -> bool:
    """Whether "until" goes on to a telling of the writer or family, no body ("she didn't tell
    anybody until she told me on the phone"): still not reported."""
    for j in range(start, min(sent_end, start + 4)):
        if doc[j].lower_ in _TELL_VERBS:
            after = [t.lower_ for t in doc[j + 1 : min(sent_end, j + 4)] if t.lower_ != "it"]
            if after[:1] in (["me"], ["us"]) or (
                after[:1] in (["my"], ["our"]) and after[1:2] and after[1] in _PRIVATE_PEOPLE
            ):
                return True
    return False
