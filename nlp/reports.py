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
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.clauses import segmentation, sentence_of_token, unwrapped_text
from nlp.findings import Finding
from nlp.pipeline import doc_text, set_findings, token_texts
from nlp.report_refusal import refused
from nlp.word_matcher import WordMatcher

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
COUNTED_REPORTS = "counted reports of several incidents"
_AGENCY_WINDOW = 5  # tokens after a 'rang/told/called' verb within which the agency must appear


@dataclass(frozen=True)
class ReportCue:
    """What a report cue says: negated or not, and which agencies its clause names."""

    negated: bool
    agencies: tuple[str, ...]
    until: bool = False  # "didn't report it until <date>": reported, late


def _patterns_text(name: str) -> str:
    return resources.files("nlp").joinpath("patterns", name).read_text(encoding="utf-8")


def _jsonl(name: str) -> list[dict[str, Any]]:
    rows = []
    for line in _patterns_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            row = json.loads(line)
            if "_purpose" not in row:
                rows.append(row)
    return rows


@dataclass(frozen=True)
class _Matchers:
    # Speed: spaCy's Matcher gives the same matches at about ten times the cost (see
    # nlp.word_matcher); tests/unit/test_reports.py checks the two agree.
    reports: WordMatcher
    agencies: PhraseMatcher
    references: tuple[tuple[str, re.Pattern[str]], ...]
    channel_words: frozenset[str]
    came_words: frozenset[str]
    anyone_words: frozenset[str]


def report_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """The report patterns of reports.jsonl as (key, spaCy token pattern); the key is the label,
    "#" and the row's number."""
    return [
        (f"{row['label']}#{i}", row["pattern"])
        for i, row in enumerate(_jsonl("reports.jsonl"))
        if "words" not in row
    ]


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> _Matchers:
    reports = WordMatcher()
    for key, pattern in report_patterns():
        reports.add(key, pattern)
    words = {
        row["label"]: frozenset(row["words"]) for row in _jsonl("reports.jsonl") if "words" in row
    }
    agencies = PhraseMatcher(vocab, attr="LOWER")
    for row in _jsonl("agencies.jsonl"):
        agencies.add(row["label"], [_make_doc(vocab, p) for p in row["phrases"]])
    refs = json.loads(_patterns_text("references.json"))["patterns"]
    references = tuple(
        (p["name"], re.compile(p["regex"], re.IGNORECASE if "i" in p.get("flags", "") else 0))
        for p in refs
    )
    return _Matchers(
        reports,
        agencies,
        references,
        channel_words=words.get("AGENCY_CHANNEL", frozenset()),
        came_words=words.get("AGENCY_CAME", frozenset()),
        anyone_words=words.get("ANYONE", frozenset()),
    )


def _report_matches(doc: Doc, matchers: _Matchers) -> list[tuple[str, int, int]]:
    """The report patterns' matches in ``doc``: (key, start token, end token)."""
    return matchers.reports(token_texts(doc))


def _make_doc(vocab: Vocab, text: str) -> Doc:
    doc: Doc = _tokenizer(vocab)(text)
    return doc


@lru_cache(maxsize=4)
def _tokenizer(vocab: Vocab) -> Any:
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer


def find_references(text: str, matchers: _Matchers) -> list[Finding]:
    """Reference numbers in ``text``, longest match first where patterns overlap."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in matchers.references:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = text[start:end].strip()
            if name == "labelled":
                # Keep the number (and any trailing date); the label word stays out of the value
                # unless it is part of the usual written form (CAD, log).
                label_end = m.start(1)
                head = (
                    text[start:label_end].split()[0].lower()
                    if text[start:label_end].split()
                    else ""
                )
                value = text[label_end:end] if head not in {"cad", "log"} else value
                if head not in {"cad", "log"}:
                    start = label_end
            taken.append((start, end))
            found.append(Finding("reference", start, end, f"reference pattern '{name}'", value))
    found.sort(key=lambda f: f.start)
    return found


def find_agencies(doc: Doc) -> list[Finding]:
    """The agencies named in a tokenised Doc (no other component needed)."""
    return _agencies(doc, _matchers(doc.vocab))


def _agencies(doc: Doc, matchers: _Matchers) -> list[Finding]:
    # a hard-wrapped mail splits "community\nsafety team": read the text with its wraps undone
    unwrapped = unwrapped_text(doc_text(doc))
    if unwrapped is not None:
        doc = _make_doc(doc.vocab, unwrapped)
    spans = []
    for match_id, start, end in matchers.agencies(doc):
        spans.append((start, end, doc.vocab.strings[match_id]))
    # Longest match wins ("council housing" over "housing"; "housing association" over "housing").
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, str]] = []
    for s in spans:
        if chosen and s[0] < chosen[-1][1]:
            if s[1] - s[0] > chosen[-1][1] - chosen[-1][0]:
                chosen[-1] = s
            continue
        chosen.append(s)
    out = []
    for start, end, label in chosen:
        span = doc[start:end]
        out.append(
            Finding(label, span.start_char, span.end_char, f"agency phrase for {label}", span.text)
        )
    out.extend(_short_names(doc, chosen))
    # "Dartford BC", "Hart DC", "Leicester CC", "Hartlepool BC's ASB team": a council abbreviated
    text = doc_text(doc)
    if "C" in text:
        taken = [(f.start, f.end) for f in out]
        for m in _COUNCIL_ABBREVIATION.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(
                    Finding("council", m.start(), m.end(), "agency phrase for council", m.group(0))
                )
    out.sort(key=lambda f: f.start)
    return out


# A landlord named in full once ("her landlord Wearvale Housing", "Tees Bay Homes") and later by
# its own name alone ("rang wearvale in the morning"): the name's words before the generic head.
_LANDLORD_HEADS = frozenset({"housing", "homes"})
_NOT_A_NAME = frozenset(
    "the my our her his their your a an social council local private new city county district "
    "borough".split()
)
_NAME_MAX = 3  # words of a landlord's own name


def _short_names(doc: Doc, chosen: list[tuple[int, int, str]]) -> list[Finding]:
    """Later mentions of a housing provider by its own name alone, once named with its head."""
    names: set[tuple[str, ...]] = set()
    taken = {i for start, end, _ in chosen for i in range(start, end)}
    for start, end, label in chosen:
        if label != "housing" or end - start != 1 or doc[start].lower_ not in _LANDLORD_HEADS:
            continue
        if not doc[start].is_title:
            continue
        j = start
        while j > 0 and start - j < _NAME_MAX and doc[j - 1].is_title and j - 1 not in taken:
            j -= 1
        while j < start and doc[j].lower_ in _NOT_A_NAME:
            j += 1
        if j < start and not doc[j].is_sent_start:
            names.add(tuple(t.lower_ for t in doc[j:start]))
    if not names:
        return []
    out = []
    for name in names:
        size = len(name)
        for i in range(len(doc) - size + 1):
            if doc[i].lower_ != name[0] or i in taken:
                continue
            if tuple(t.lower_ for t in doc[i : i + size]) != name or i + size - 1 in taken:
                continue
            if i + size < len(doc) and doc[i + size].lower_ in _LANDLORD_HEADS:
                continue
            span = doc[i : i + size]
            out.append(
                Finding("housing", span.start_char, span.end_char, "agency short name", span.text)
            )
    return out


# A council named by its place and an abbreviation (case as written): "Dartford BC", "Hart DC",
# "Stockton-on-Tees BC", "Leicester CC", "Kirklees MBC".
# Not "Yesterday DC Smith came": a detective constable before a name.
_COUNCIL_ABBREVIATION = re.compile(
    r"\b[A-Z][a-z]+(?:[- ][A-Za-z]+){0,2}\s+(?:BC|DC|CC|MBC|UA)\b(?!\s+[A-Z][a-z])"
)


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
    return any(doc[j].lower_ in _UNTIL for j in range(end, min(sent_end, end + 12)))


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
        clause_end = clause_end_token(doc, end)
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
        negated = _negated(doc, start)
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
        if any(w in matchers.channel_words for w in following[:3]):
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
