"""The named rules that decide whether a date phrase is an incident, and the words they read.

Every date phrase of an account is a *candidate*. The assembler (:mod:`nlp.incidents`) runs the
rules of ``patterns/incident_rules.json`` in their order; the first that decides accepts or rejects
it, and a rejection keeps the rule's name and a plain-English reason (:class:`Rejection`), so an
officer can see why a date did not count.

What the rules read here:

- :func:`date_scope`: the conjuncts of the sentence that belong to one date phrase. A ``clause``
  (:mod:`nlp.clauses`) is cut again before "and" when a new predicate or a date follows ("they
  kicked the door in and on 9 May they ..."), and before subordinators ("while I was at my GP
  appointment"); conjuncts with no date of their own belong to the date before them (the first
  date, when they come before any). An appositive that names the day by something else ("9 May,
  the day of my GP appointment, ...") says when, not what happened: it is left out.
- :func:`clause_veto`: a NOT_INCIDENT word in the date's conjuncts rejects it only when none of
  them tells behaviour without one; a weak veto word ("letter", "sent", "visit") gives way to
  behaviour by a third party in its own conjunct ("they pushed a threatening letter through").
- :func:`has_actor` / :func:`has_strong_event`: a perpetrator is never the writer's own household
  ("my son", "our daughter", and the pronouns after them); words such as "took", "left", "back",
  "again", "window" tell behaviour only beside a perpetrator.

Pure: plain text in, plain values out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from nlp.incident_words import event_lexicon, has_event, lower_words, without_idioms


@dataclass(frozen=True)
class Rejection:
    """A date phrase set aside: where it is (document offsets), the days it names, and why."""

    phrase: str
    start: int
    end: int
    occurred_start: date | None
    occurred_end: date | None
    rule: str
    reason: str


@dataclass(frozen=True)
class VetoTopic:
    """A NOT_INCIDENT topic ("an appointment") and the words that name it."""

    topic: str
    words: frozenset[str]
    weak: bool
    # the names of more than one word ("moved out", "left the street"), or None
    phrases: re.Pattern[str] | None = None

    def named_in(self, words: set[str], piece: str) -> list[str]:
        """The words and phrases of this topic that ``piece`` (its words ``words``) names."""
        found = sorted(self.words & words)
        if self.phrases is not None:
            found += [m.group(0).lower() for m in self.phrases.finditer(piece)]
        return found


@dataclass(frozen=True)
class RuleBook:
    """``patterns/incident_rules.json``: the rules in order, with their reasons, and word lists."""

    reasons: dict[str, str]
    order: tuple[str, ...]
    vetoes: tuple[VetoTopic, ...]
    kin: frozenset[str]
    possessives: frozenset[str]
    kin_pronouns: frozenset[str]  # singular
    kin_plural_pronouns: frozenset[str]
    kin_plural: frozenset[str]
    weak_event: frozenset[str]
    topic_words: frozenset[str]
    conjunct: re.Pattern[str]
    appositive: re.Pattern[str]
    stopped: re.Pattern[str]
    visit: re.Pattern[str]
    official: re.Pattern[str]
    official_subject: re.Pattern[str]
    nothing_done: re.Pattern[str]
    counted_many: re.Pattern[str]


@lru_cache(maxsize=1)
def rule_book() -> RuleBook:
    """The rule book, read on first use."""
    raw = resources.files("nlp").joinpath("patterns", "incident_rules.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    breaks = "|".join(sorted(data["CONJUNCT_BREAKS"], key=len, reverse=True))
    subjects = "|".join(sorted(data["AND_SUBJECTS"], key=len, reverse=True))
    heads = "|".join(data["APPOSITIVE_HEADS"])
    stops = "|".join(re.escape(w) for w in sorted(data["STOPPED"], key=len, reverse=True))
    earlier = "|".join(data["EARLIER_EVENT_SUBJECTS"])
    # not reported speech: "a letter saying they had written to them"
    speech = "".join(
        rf"(?<!\b{re.escape(w)})" for w in [*data["TOPIC_WORDS"], "that", "said", "says", "told"]
    )
    visits = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(data["VISIT"]["phrases"], key=len, reverse=True)
    )
    officials = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(data["VISIT"]["officials"], key=len, reverse=True)
    )
    handlers = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(data["VISIT"]["handling_subjects"], key=len, reverse=True)
    )
    counted = data["COUNTED_MANY"]
    counts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(counted["counts"], key=len, reverse=True)
    )
    return RuleBook(
        reasons={r["name"]: r["reason"] for r in data["rules"]},
        order=tuple(r["name"] for r in data["rules"]),
        vetoes=tuple(
            VetoTopic(
                topic,
                frozenset(w for w in v["words"] if " " not in w),
                bool(v.get("weak", False)),
                _phrases([w for w in v["words"] if " " in w]),
            )
            for topic, v in data["NOT_INCIDENT"].items()
        ),
        kin=frozenset(data["KIN"]),
        possessives=frozenset(data["POSSESSIVES"]),
        kin_pronouns=frozenset(data["KIN_PRONOUNS"]["singular"]),
        kin_plural_pronouns=frozenset(data["KIN_PRONOUNS"]["plural"]),
        kin_plural=frozenset(data["KIN_PLURAL"]),
        weak_event=frozenset(data["WEAK_EVENT"]),
        topic_words=frozenset(data["TOPIC_WORDS"]),
        # Where a conjunct ends: before "and" + a new subject or time, before a subordinator,
        # before a past perfect that tells an earlier event of its own ("the bottles | they had
        # smashed on the 23rd"). Every alternative starts at a space, a comma, ";" or ":", and the
        # reported-speech test runs only before an earlier event's subject: the same matches as
        # without the two look-aheads, in a fifth of the time (most of date_scope's).
        conjunct=re.compile(
            rf"(?=[\s,;:])(?:"
            rf",?\s+and[\s>]+(?=(?:{subjects})\b)|,?\s+(?:{breaks})[\s>]+(?=\w)|\s*,\s*(?=and\b)"
            rf"|\s+but\s+|\s+then\s+|[;:]"
            rf"|(?=\s+(?:{earlier})(?:\s+had|'d|’d)\s+(?!to\b)\w+){speech}\s+)",
            re.I,
        ),
        # ", the day of my GP appointment," / ", which was the morning after the hearing,"
        appositive=re.compile(
            rf",\s*(?:(?:which|that)\s+(?:was|is)\s+)?(?:the|my|our)\s+(?:same\s+|very\s+)?"
            rf"(?:{heads})\s+(?:of|after|before|that|when|i|we|she|he)\b[^,;:.!?]*(?:,|(?=[.;:!?]|$))"
            # unpunctuated ("on the 5th which was the day of my GP appointment they kicked ..."):
            # the relative clause ends where the incident's own subject starts
            rf"|\s+(?:which|that)\s+(?:was|is)\s+(?:the|my|our)\s+(?:same\s+|very\s+)?"
            rf"(?:{heads})\s+(?:of|after|before)\b[^,;:.!?]*?"
            rf"(?=\s+(?:they|he|she|someone|somebody)\s)",
            re.I,
        ),
        # "stopped at the end of July", "it all calmed down in March": the date ends it
        stopped=re.compile(
            rf"\b(?:{stops})\s+(?:(?:at|in|on|by|around|about|after|from|since)\s+)?"
            rf"(?:(?:the|about|around)\s+)?$",
            re.I,
        ),
        visit=re.compile(rf"\b(?:{visits})\b", re.I),
        official=re.compile(rf"\b(?:{officials})\b", re.I),
        # "The PCSO who came out in March was rude": a clause opening with an official as its
        # subject ("the police officer next door shouted at me" is a neighbour, whatever the job)
        official_subject=re.compile(
            r"\s*(?:(?:but|and|also|my\s+complaint\s+is\s+that|the\s+problem\s+is\s+that)\s+)?"
            r"(?:the|your|our|my|their|this|that)\s+(?:[a-z]+\s+){0,2}?"
            rf"({handlers})\b(?!\s*(?:'s|’s))"
            r"(?!\s+(?:next\s+door|upstairs|downstairs|opposite|across|over\s+the|at\s+no|at\s+number"
            r"|who\s+lives|that\s+lives))",
            re.I,
        ),
        nothing_done=re.compile(
            r"\b(?:"
            + "|".join(
                re.escape(w).replace(r"\ ", r"\s+")
                for w in sorted(data["NOTHING_DONE"], key=len, reverse=True)
            )
            + r")\b",
            re.I,
        ),
        # "many times", "a dozen times", "loads of nights": a count of many with no days
        counted_many=re.compile(
            rf"\b(?:{counts})\s+(?:\w+\s+)?(?:{'|'.join(counted['nouns'])})\b|\bover and over\b"
            r"|\bagain and again\b|\btime (?:and|after) time\b",
            re.I,
        ),
    )


def _phrases(names: list[str]) -> re.Pattern[str] | None:
    """One pattern for ``names`` of more than one word, spaces matching any whitespace."""
    if not names:
        return None
    alternatives = "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


# Where a clause ends, for the words told with a date in its own clause.
_CLAUSE_EDGE = re.compile(r"[,;:]|\bbut\b|\band then\b", re.I)


def counted_many_beside(before: str, after: str) -> bool:
    """Whether the clause around a date ("before" it, "after" it in its sentence) counts many
    occurrences with no days ("many times", "a dozen times", "again and again")."""
    own = f"{_CLAUSE_EDGE.split(before)[-1]} {_CLAUSE_EDGE.split(after)[0]}"
    return rule_book().counted_many.search(own) is not None


def reason(rule: str, **values: str) -> str:
    """The plain-English reason of ``rule``, with its placeholders filled in."""
    template = rule_book().reasons[rule]
    return template.format(**values) if values else template


def _words(text: str) -> list[str]:
    return lower_words(text)


def household_words(text: str) -> set[int]:
    """Indexes (into :func:`lower_words`) of words naming the writer's household: a kin word after
    a possessive ("my son", "our little girl"), and the pronouns of their number after them ("he"
    after "my son", "they" after "my kids")."""
    book = rule_book()
    words = _words(text)
    own: set[int] = set()
    pronouns: frozenset[str] = frozenset()
    kin_seen = 0
    for k, word in enumerate(words):
        bare = re.sub(r"['’]s$", "", word)
        if bare in book.kin:
            kin_seen += 1  # "my daughter's friend": two people, "they"
        if word in book.kin and any(
            re.sub(r"['’]s$", "", words[j]) in book.possessives | book.kin
            for j in range(max(0, k - 3), k)
        ):
            own.add(k)
            plural = word in book.kin_plural or kin_seen > 1
            pronouns = pronouns | (book.kin_plural_pronouns if plural else book.kin_pronouns)
        elif word in pronouns:
            own.add(k)
    return own


def has_actor(text: str) -> bool:
    """Whether ``text`` names a perpetrator: a PERPETRATOR word or phrase that is not the
    writer's own household ("my son", "our daughter", "he" after them)."""
    lex = event_lexicon()
    words = _words(text)
    own = household_words(text)
    if own and any(k not in own for k, w in enumerate(words) if w in lex.perpetrator_words):
        return True
    if not own and lex.perpetrator_words.intersection(words):
        return True
    for match in lex.perpetrator_phrases.finditer(text):
        phrase = match.group(0).lower()
        if not (own and any(w in rule_book().kin for w in _words(phrase))):
            return True
    return False


_TOKEN = re.compile(r"[\w'’]+")


def _without_names(text: str) -> str:
    """``text`` without capitalised words that follow a number or another capitalised word: parts
    of names and addresses ("2 Orchard Row", "Bank Parade"), never behaviour."""
    kept: list[str] = []
    previous = ""
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        after_name = previous[:1].isdigit() or (previous[:1].isupper() and previous != "I")
        if not (after_name and word[:1].isupper()):
            kept.append(word)
        previous = word
    return " ".join(kept)


def has_strong_event(text: str) -> bool:
    """Whether ``text`` tells behaviour by words that are not WEAK_EVENT ones ("took", "left"),
    names and addresses aside."""
    book = rule_book()
    lex = event_lexicon()
    return any(
        (w in lex.event_words or w.startswith(lex.event_stems)) and w not in book.weak_event
        for w in _words(_without_names(without_idioms(text)))
    )


def tells_behaviour(text: str) -> bool:
    """Behaviour told: a strong event word, or a perpetrator (with or without a weak one)."""
    return has_strong_event(text) or has_actor(text)


_RELATIVE = re.compile(r",?\s+(?:who|which)[\s>]+", re.I)
# the main clause's verb resuming right after a relative clause's date
_MAIN_VERB = re.compile(r",?\s+(?=(?:was|were|is|are|has|had|got|went)\b)", re.I)
# ... or its subject after a comma: "Last Friday, which was the day my letter came on the 3rd, I
# went out and found ...", "On the 2nd, which was my birthday on ..., they threw eggs"
_MAIN_SUBJECT = re.compile(r",\s+(?=(?:i|we|they|he|she|someone|somebody)\s)", re.I)


def date_scope(clause: str, date_spans: list[tuple[int, int]], own: tuple[int, int]) -> list[str]:
    """The conjuncts of ``clause`` that belong to the date phrase at ``own`` (offsets into
    ``clause``; ``date_spans`` are every date phrase in it), appositives left out."""
    book = rule_book()
    # appositives first (blanked, offsets kept), unless the date itself stands in one
    blanked: list[tuple[int, int]] = []

    def blank(m: re.Match[str]) -> str:
        if m.start() <= own[0] < m.end():
            return m.group(0)
        blanked.append((m.start(), m.end()))
        return " " * len(m.group(0))

    clause = book.appositive.sub(blank, clause)
    # a date inside a left-out appositive ("5 June, the day after the meeting: ...") owns nothing
    inside = {k for k, (s, _e) in enumerate(date_spans) if any(a <= s < b for a, b in blanked)}
    bounds = [0]
    # where a main clause resumes after a relative clause -> where that relative clause opened
    resumes: dict[int, int] = {}
    for match in book.conjunct.finditer(clause):
        if match.start() > bounds[-1]:
            bounds.append(match.end())
            # "the man who assaulted my son on 23 May was in court on 8 October": the relative
            # clause ends at the main verb after its date
            if _RELATIVE.fullmatch(match.group(0)):
                ends = sorted(end for start, end in date_spans if start >= match.end())
                resumed = _MAIN_VERB.match(clause, ends[0]) if ends else None
                if resumed is None and ends:
                    resumed = _MAIN_SUBJECT.search(clause, ends[0], ends[0] + 40)
                if resumed is not None:
                    bounds.append(resumed.end())
                    resumes[resumed.end()] = match.start()
    bounds = sorted(set(bounds))
    bounds.append(len(clause) + 1)
    pieces = [(bounds[k], min(bounds[k + 1], len(clause))) for k in range(len(bounds) - 1)]
    owner: list[set[int]] = []
    for a, b in pieces:
        owner.append({k for k, (s, _e) in enumerate(date_spans) if a <= s < b and k not in inside})
    # dateless conjuncts go to the date(s) before them; those before any date, to the first
    current = next((o for o in owner if o), set())
    assigned: list[set[int]] = []
    for (a, _b), o in zip(pieces, owner, strict=True):
        opened = resumes.get(a)
        if not o and opened is not None:
            # the main clause resumed: its date is the one before the relative clause
            before = [k for k, (p, _q) in enumerate(pieces) if p < opened and owner[k]]
            if before:
                o = owner[before[-1]]
        if o:
            current = o
        assigned.append(current)
    mine = date_spans.index(own) if own in date_spans else None
    scope = [
        clause[a:b] for (a, b), o in zip(pieces, assigned, strict=True) if mine is None or mine in o
    ]
    return scope


_VISIT = VetoTopic("a visit", frozenset(), weak=False)


def visit_by_household_or_official(piece: str) -> str | None:
    """The visit a conjunct tells when who came is the writer's household or an official ("my
    brother came round", "a PCSO came round", "she met her PCSO"), or None."""
    book = rule_book()
    match = book.visit.search(piece)
    if match is None:
        return None
    subject = piece[: match.start()]
    met = " ".join(piece[match.end() :].split()[:4])  # "met her local PCSO", "visited the PCSO"
    if (
        book.official.search(subject)
        or (household_words(subject) and not _stranger(subject))
        or (match.group(0).lower().startswith(("met", "visited")) and book.official.search(met))
    ):
        return match.group(0)
    return None


def _stranger(subject: str) -> bool:
    """Whether a subject names someone outside the household ("my neighbour's son")."""
    lex = event_lexicon()
    words = _words(subject)
    own = household_words(subject)
    return any(k not in own and w in lex.perpetrator_words for k, w in enumerate(words))


def _topic_free(text: str) -> str:
    """``text`` without what follows a topic word ("a letter about the noise" -> "a letter")."""
    words = text.split()
    book = rule_book()
    for k, word in enumerate(words):
        if word.lower().strip(",.") in book.topic_words:
            return " ".join(words[:k])
    return text


# A speech verb after which the words are what was said ("he stood there telling me that ...").
_SPEECH = re.compile(
    r"\b(?:telling|told|tells|tell|saying|said|says|shouting|shouted|yelling|yelled|screaming"
    r"|screamed|calling\s+out|called\s+out)\b",
    re.I,
)


def _unsaid(piece: str) -> str:
    """``piece`` without what a perpetrator said in it: "he was telling me I'd lose my tenancy"
    tells abuse, not a tenancy matter. Words an official or the household said stay."""
    for match in _SPEECH.finditer(piece):
        speaker = piece[: match.start()]
        if has_actor(speaker) and not rule_book().official.search(speaker):
            # what was said ends at a dash, ";" or ":" ("note what he says at the end - I have
            # made a referral"): the words after it are the writer's again
            after = _SAID_END.search(piece, match.end())
            return speaker + (" " + piece[after.end() :] if after else "")
    return piece


# Where what was said ends inside a sentence: a spaced dash, ";" or ":" followed by the writer.
_SAID_END = re.compile(
    r" [-–—] (?=(?:I|we|We)\s+(?:have|had|am|was|were|made|will|would|spoke|rang|called|phoned"
    r"|contacted|emailed)\b)|;\s"
)


# Something of the writer's the incident made them miss or be late for.
_MISSED = re.compile(
    r"\b(?:missed|miss|missing|late\s+for|couldn'?t\s+get\s+to|could\s+not\s+get\s+to"
    r"|had\s+to\s+cancel|cancelled|had\s+to\s+rearrange|never\s+made(?:\s+it\s+to)?)\s+"
    r"(?:my|our|his|her|the)\s+(?:[\w'-]+\s+){0,2}?(?:appointment|appointments|meeting|surgery"
    r"|hearing|interview|visit|operation|shift|work)\b(?:\s+(?:at|with|in)\s+(?:the|my|our)\s+[\w'-]+)?",
    re.I,
)
# What an incident did to someone: "she needed stitches at the vets", "I ended up in hospital",
# "he was taken to A&E".
# Veto words in another sense: "hearing aids", "hard of hearing" (the writer's hearing, not a
# court's); "a case review", "a trigger review" (what the writer asks for, not casework done)
_OTHER_SENSE = re.compile(
    r"\bhearing[\s-]+(?:aids?|loss|impair\w*|dogs?|problems?)\b|\bhard\s+of\s+hearing\b"
    r"|\b(?:case|trigger)[\s-]+reviews?\b",
    re.I,
)
_HURT_BY_IT = re.compile(
    r"\b(?:ended\s+up|was\s+taken|were\s+taken|got\s+taken|had\s+to\s+go|rushed|was\s+kept)\s+"
    r"(?:in|to|into)\s+(?:the\s+)?(?:hospital|a&e|casualty)\b"
    r"|\bneeded\s+(?:\w+\s+)?(?:stitches|treatment|an?\s+x-?ray|the\s+hospital)\b"
    r"(?:\s+(?:at|in|from)\s+(?:the|a)\s+(?:hospital|vets?|a&e|casualty))?",
    re.I,
)
# The writer's own injury or mishap told beside a hospital visit or the like ("where I cut it on
# the glass", "I fell and hurt my back"): not behaviour by anyone complained of.
_OWN_INJURY = re.compile(
    r"\b(?:i|we)\s+(?:had\s+|have\s+|'d\s+)?(?:\w+\s+)?(?:cut|hurt|fell|injured|burnt|burned"
    r"|twisted|sprained|broke\s+my|slipped|tripped)\b",
    re.I,
)


def _official_handling(scope: list[str]) -> str | None:
    """The official a date's clause is about when it opens with one as its subject ("The PCSO who
    came out in March was rude", "the council officer I spoke to in May never rang back", "my
    complaint is that the caseworker closed my case on ..."): how the case was handled, not an
    incident, unless another conjunct tells someone else's behaviour. None otherwise."""
    if not scope:
        return None
    match = rule_book().official_subject.match(scope[0])
    if match is None:
        return None
    for piece in scope[1:]:
        if _OTHER_DOER.match(piece) and has_strong_event(piece):
            return None  # "... came out in March after they smashed the window"
    return match.group(1)


_OTHER_DOER = re.compile(
    r"\W*(?:and\s+|then\s+|after\s+|when\s+)?(?:they|he|she|someone|somebody)\b", re.I
)


def clause_veto(scope: list[str]) -> tuple[str, str] | None:
    """The NOT_INCIDENT topic and words that reject a date whose conjuncts are ``scope``, or None.

    Rejected only when some conjunct has a veto word and none tells behaviour free of one; a weak
    veto gives way to a perpetrator's behaviour in its own conjunct. A clause about how an
    official handled the case is rejected outright (:func:`_official_handling`).
    """
    official = _official_handling(scope)
    if official is not None:
        return ("an official's handling of the case", f"'{official}'")
    book = rule_book()
    vetoed: list[tuple[str, str]] = []
    free_behaviour = False
    for piece in scope:
        piece = book.nothing_done.sub(" ", piece)  # "they left us alone": nothing done
        # "I missed my physio appointment because I couldn't get the car out": what the incident
        # cost the writer, not what the day was about
        piece = _MISSED.sub(" ", piece)
        piece = _HURT_BY_IT.sub(" ", piece)  # "she needed stitches", "I ended up in hospital"
        lowered = piece.lower()
        if "hearing" in lowered or "review" in lowered:
            piece = _OTHER_SENSE.sub(" ", piece)  # "my hearing aids", "a case review about ..."
        unsaid = _unsaid(piece)
        words = set(_words(unsaid))
        hit = [(v, found) for v in book.vetoes if (found := v.named_in(words, unsaid))]
        visit = visit_by_household_or_official(piece)
        if visit is not None:
            hit.insert(0, (_VISIT, [visit]))
        if not hit:
            # a subject alone ("the people [who moved in ...]") tells nothing done
            firm = has_strong_event(piece) or (has_actor(piece) and has_event(piece))
            if firm and not _only_reported(piece) and not _OWN_INJURY.search(piece):
                free_behaviour = True
            continue
        strong = [h for h in hit if not h[0].weak]
        if not strong:
            # what was done besides the weak topic's own words ("the neighbour left the street"
            # tells only the move; "they threw eggs and left the street laughing" tells more)
            doing = _topic_free(piece)
            for weak_topic, _found in hit:
                if weak_topic.phrases is not None:
                    doing = weak_topic.phrases.sub(" ", doing)
            if has_actor(doing) and has_event(doing):
                free_behaviour = True
                continue
        topic, found = (strong or hit)[0]
        vetoed.append((topic.topic, ", ".join(f"'{_named(piece, w)}'" for w in found)))
    if vetoed and not free_behaviour:
        return vetoed[0]
    return None


_DETERMINERS = frozenset("a an the my our his her their your this that i we they he she".split())


def _named(piece: str, word: str) -> str:
    """``word`` as the text names it, with the word before it when that says which ("GP
    appointment", "threatening letter")."""
    match = re.search(rf"(?:\b([\w'’-]+)\s+)?\b{re.escape(word)}\b", piece, re.I)
    if match is None:
        return word
    before = match.group(1)
    if before and before.lower() not in _DETERMINERS and not before.isdigit():
        return f"{before} {word}"
    return word


_REPORT_VERB = re.compile(
    r"\b(?:report\w*|rang|phoned|called|told|emailed|contacted|informed|complained)\b", re.I
)


def _only_reported(piece: str) -> bool:
    """Whether the conjunct's behaviour is only what a report was about ("told her about the
    shouting")."""
    match = _REPORT_VERB.search(piece)
    if match is None:
        return False
    return not tells_behaviour(piece[: match.start()]) and not has_event(
        _topic_free(piece[match.end() :])
    )


# -- words of the rules that read a date phrase in passing --------------------------------
# Words an aside may hold beside its date and still only pin the day of what the sentence tells:
# "they smashed it (on the 5th)", "(Saturday night, about 11)".
PINNING_WORDS = frozenset(
    "on in at the about around roughly approx approximately night morning afternoon evening "
    "am pm i think was it this that".split()
)


def aside(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int] | None:
    """The bracketed aside (inside offsets) of the sentence that holds the date phrase at
    ``start``-``end``, when it says more than the day ("(I was on earlies all of last week)");
    None when the date stands outside brackets or the brackets only give its day."""
    opening = text.rfind("(", s_start, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return None
    closing = text.find(")", end, s_end)
    if closing < 0:
        return None
    rest = lower_words(text[opening + 1 : start] + " " + text[end:closing])
    if not [w for w in rest if w not in PINNING_WORDS]:
        return None
    return opening + 1, closing


# The writer telling someone about what happened: "I told Mr Hill about it", "we mentioned it to
# the landlord", "I showed my neighbour the damage".
TOLD_ABOUT = re.compile(
    r"\b(?:i|we)\s+(?:(?:also|then|finally|only)\s+)?(?:told|mentioned|showed|asked|spoke\s+to"
    r"|talked\s+to|texted|messaged|warned)\b[^.;:!?]*?\babout\s+(?:it|this|that|them|all\s+this"
    r"|all\s+of\s+it|the\s+whole\s+thing)\b"
    r"|\b(?:i|we)\s+(?:(?:also|then|finally|only)\s+)?(?:mentioned|showed)\s+(?:it|this|that)\b",
    re.I,
)
# The behaviour just told, told again: "it was the same", "same again", "more of the same"
SAME_AGAIN = re.compile(
    r"\b(?:it|that|this|things?)\s+(?:was|were|is|has\s+been)\s+(?:just\s+|exactly\s+)?"
    r"(?:the\s+same|more\s+of\s+the\s+same)"
    r"(?!\s+(?:day|night|time|week|weekend|morning|evening|afternoon|date|month|as\s+when))\b"
    r"|\bsame\s+(?:again|thing\s+again|story|as\s+before)\b|\bmore\s+of\s+the\s+same\b",
    re.I,
)
# A clause told in the future: "is coming", "are going to", "will", "we'll be away"
FUTURE = re.compile(
    r"\b(?:is|are|am|i['’]?m|we['’]re|they['’]re)\s+(?:coming|going|visiting|staying|having|moving"
    r"|starting|due|seeing|meeting)\b"
    r"|\b(?:will|shall)\s+(?!have\b)\w+|\w['’]ll\b|\bgoing\s+to\b|\bwe['’]re\s+(?:off|away)\b",
    re.I,
)
# What the future in a clause may belong to instead of the date: words said ("saying he's going
# to stab me", "shouted they'll be back": what follows a verb of saying is what was said), or the
# reader remembering ("you'll remember 3 May when ...", "as you will know").
SAID = re.compile(
    r"\b(?:said|saying|says|shouted|shouting|screamed|screaming|yelled|yelling|threatened"
    r"|threatening|swore|swearing|told\s+(?:me|us|him|her|them)|telling\s+(?:me|us|him|her|them))\b",
    re.I,
)
REMEMBERED = re.compile(
    r"\b(?:\w+['’]ll|will|shall)\s+(?:\w+\s+)?(?:remember|recall|recollect|know|have\s+seen)\b",
    re.I,
)
# A verb in the past in that clause: then it is not only the future
PAST = re.compile(
    r"\b\w{2,}ed\b|\b(?:was|were|had|did|said|told|threw|broke|came|went|got|stood|spat"
    r"|hit|kicked|stole|took)\b",
    re.I,
)
# "that was everyone's fireworks, not her", "it wasn't them that night", "nothing to do with him"
NOT_THEM = re.compile(
    r"\b(?:that|it|this)\s+(?:was|were)\s+(?:\w+['’]s\s+)?(?:everyone|everybody|other\s+people"
    r"|someone\s+else|somebody\s+else)\b[^.!?]*\bnot\s+(?:her|him|them|they|he|she)\b"
    r"|\b(?:it|that|this)\s+(?:wasn['’]?t|was\s+not|weren['’]?t|were\s+not)\s+(?:her|him|them"
    r"|they|he|she)\b|\bnothing\s+to\s+do\s+with\s+(?:her|him|them)\b",
    re.I,
)
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
