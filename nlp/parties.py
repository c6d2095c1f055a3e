"""The parties: who applies (the victim or a third party, and in what capacity), who the victim is,
whether the victim consents, and how many people say they reported the same problem.

:func:`find_party_cues` (and the ``trigger_parties`` component) finds cues in one stretch of text;
:func:`decide_parties` weighs the cues of a whole message with its sender and the authors of any
forwarded originals (extract-contract.md: a forwarded original's author is usually the victim and
the forwarder the applicant, unless they are the same person; the text's own statements win).
Patterns: ``nlp/patterns/parties.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.clauses import Cut, Segmentation, segment_text, unwrapped_bounds
from nlp.document import Document, Person, Segment, SegmentKind
from nlp.findings import Finding
from nlp.lexicon import sentences
from nlp.names import (
    fullest_name,
    names_in,
    same_person_named,
    says_more,
)
from nlp.party_cues import PartyCue, answer_cues
from nlp.party_identity import SIGNS_OFF, filled_relationship, identity_cues
from nlp.party_patterns import PartyPatterns, party_patterns
from nlp.party_reporters import listed_below
from nlp.party_self import applicant_named, self_cues
from nlp.party_words import (
    ANONYMITY,
    CONDITION,
    CONTACT_FROM_AGENCIES,
    IDENTITY_ONLY,
    IT_GOING,
    NAME_FROM_AGENCIES,
    NAMED_BODY,
    NEGATED,
    SPOUSE_AFFECTED,
    SPOUSE_MENTIONED,
    SPOUSES_CARER,
    UNASKED,
    writes_for_a_body,
)
from nlp.pipeline import TextFindingsComponent, doc_text, findings
from nlp.prefilter import PatternFilter, grams
from nlp.reporter_lists import echoed_reports, listed_reporters
from trigger.vocabulary import ApplicantRole, Consent

KEY = "parties"


@dataclass(frozen=True)
class PartyText:
    """One stretch of a message for :func:`decide_parties`: its text, kind, offset and author."""

    text: str
    kind: SegmentKind
    offset: int = 0
    author: Person | None = None
    prompt: str | None = None  # a chat bot's question just before this message


@dataclass(frozen=True)
class Parties:
    """Who is who in an application, each decided field with the findings that support it."""

    role: ApplicantRole = ApplicantRole.VICTIM
    relationship: str | None = None
    consent: Consent = Consent.NOT_STATED
    community_reporters: int | None = None
    victim_name: str | None = None
    victim_email: str | None = None
    victim_phone: str | None = None
    victim_address: str | None = None
    applicant_name: str | None = None
    applicant_email: str | None = None
    applicant_phone: str | None = None
    evidence: dict[str, tuple[Finding, ...]] = field(default_factory=dict)


_ALSO = re.compile(r"\b(?:also|too|as well)\b")


@cache
def _cue_filter() -> PatternFilter:
    """The prefilter of the third-party and community patterns (:mod:`nlp.prefilter`)."""
    compiled = party_patterns()
    return PatternFilter(
        [p for _r, p in compiled.third_party] + [p for _a, _f, p in compiled.community]
    )


def find_party_cues(text: str, cuts: Segmentation | None = None) -> list[Finding]:
    """Cues about the applicant, the victim, consent and other reporters in ``text``.

    ``cuts`` are the text's cuts (``doc._.clauses`` in the pipeline); plain text is cut here.
    """
    compiled = party_patterns()
    result: list[Finding] = []
    anonymous = ANONYMITY.search(text.lower()) is not None
    lowered = text.lower()
    spouse_affected = SPOUSE_AFFECTED.search(lowered) is not None
    spouse_cared_for = SPOUSE_MENTIONED.search(lowered) is not None
    sufferers: list[Finding] = []
    previous = ""
    # a hard-wrapped mail's sentence read whole ("He signed our information-sharing / consent form")
    bounds = (cuts or segment_text(text)).bounds(Cut.TEXT_SENTENCE)
    sents = sentences(text, unwrapped_bounds(text, bounds))
    for sentence in sents:
        canon = sentence.canon
        gates = compiled.gates
        if not sufferers and gates["sufferer"].search(canon):
            said_by = (m for p in compiled.sufferer for m in _matches(p, sentence))
            for match, start, end in list(said_by)[:1]:
                sufferers.append(
                    Finding(
                        PartyCue.THIRD_PARTY,
                        start,
                        end,
                        "parties: writes about someone else's suffering",
                        filled_relationship("{kin}", match),
                    )
                )
        third_party = compiled.third_party if gates["third_party"].search(canon) else ()
        consent = gates["consent"].search(canon) is not None
        community = compiled.community if gates["community"].search(canon) else ()
        # the patterns whose needed strings are in the sentence (nlp.prefilter)
        passing = _cue_filter().passing(canon, grams(canon)) if third_party or community else ()
        for relationship, pattern in third_party:
            if id(pattern) not in passing:
                continue
            for match, start, end in _matches(pattern, sentence):
                said = filled_relationship(relationship, match)
                if (
                    said
                    and said.endswith("carer")
                    and (
                        spouse_affected
                        or (spouse_cared_for and SPOUSES_CARER.search(match.group(0)))
                    )
                ):
                    continue  # "my wife and I have had trouble ... I'm her carer": a victim too
                result.append(
                    Finding(
                        PartyCue.THIRD_PARTY, start, end, "parties: writes for someone else", said
                    )
                )
        for match, start, end in _matches(compiled.refused, sentence) if consent else ():
            tail = canon[match.start() : match.end() + 60]
            if anonymous and IDENTITY_ONLY.search(tail) and not NAMED_BODY.search(tail):
                continue  # "don't pass anything on with my details", writing anonymously
            if NAME_FROM_AGENCIES.search(canon[match.start() :]):
                continue  # "I don't want my name going to the police": anonymity, not a refusal
            if anonymous and CONTACT_FROM_AGENCIES.search(canon[match.start() :]):
                continue  # "do not pass this email address on to the police", anonymous
            if anonymous and ANONYMITY.search(previous) and IT_GOING.search(tail):
                continue  # "I'm not giving my name. I don't want it going to the police"
            result.append(Finding(PartyCue.CONSENT_REFUSED, start, end, "parties: consent refused"))
        for match, start, end in _matches(compiled.given, sentence) if consent else ():
            if UNASKED.search(canon[max(0, match.start() - 60) : match.start()]):
                continue  # "I haven't asked him yet whether he's happy to share": not stated
            if CONDITION.search(canon[match.end() :]):
                continue  # "he might be OK with sharing if it stays out of the papers"
            negated = bool(NEGATED.search(canon[: match.start()]))
            label = PartyCue.CONSENT_REFUSED if negated else PartyCue.CONSENT_GIVEN
            result.append(
                Finding(
                    label,
                    start,
                    end,
                    "parties: consent " + ("refused (negated)" if negated else "given"),
                )
            )
        for add, fixed, pattern in community:
            if id(pattern) not in passing:
                continue
            for match, start, end in _matches(pattern, sentence):
                count = fixed if fixed is not None else _number(match.group("n"), compiled.numbers)
                also = _ALSO.search(canon, match.start()) or _ALSO.match(canon)
                if count is not None and add == 0 and fixed is None and also:
                    # "three of my neighbours have also reported it": they and the writer; not
                    # "I can also confirm that five residents, Mr Pallister included, have ..."
                    if not re.search(r"\bof us\b|\bone of\b|\binclud", match.group(0)):
                        count += 1
                if count is not None and 1 < count + add < 1000:
                    result.append(
                        Finding(
                            PartyCue.COMMUNITY_REPORTERS,
                            start,
                            end,
                            "parties: others reported",
                            count + add,
                        )
                    )
        for echo in echoed_reports(canon, previous) if community else ():
            start, end = sentence.original_span(echo.start, echo.end)
            result.append(
                Finding(PartyCue.COMMUNITY_REPORTERS, start, end, "parties: one more reported", 2)
            )
        previous = canon
        told = [int(f.value) for f in result if f.label == PartyCue.COMMUNITY_REPORTERS]
        for listed in listed_reporters(canon) if community else ():
            if listed.count in told:
                continue  # the sentence's count is found already ("Mr Ahmed and Mrs Cole both")
            start, end = sentence.original_span(listed.start, listed.end)
            result.append(
                Finding(
                    PartyCue.COMMUNITY_REPORTERS,
                    start,
                    end,
                    "parties: a list of people who reported",
                    listed.count,
                )
            )
    for below in listed_below(text, sents) if ":" in text else ():
        result.append(
            Finding(
                PartyCue.COMMUNITY_REPORTERS,
                below.start,
                below.end,
                "parties: the people listed below reported",
                below.count,
            )
        )
    if sufferers and _others_property(text, compiled):
        result.extend(sufferers)
    result.extend(identity_cues(text, compiled))
    result.extend(self_cues(text, compiled.name_stopwords))
    return result


def _others_property(text: str, compiled: PartyPatterns) -> bool:
    """Whether the property the text names is more often his or hers than the writer's, and
    the text names someone outside the writer's household when it names one inside it.

    "they broke his greenhouse ... tipped his bin over his drive": the writer tells another's
    account; "they kicked my door ... my son's bike": the writer's household is the target.
    """
    lowered = text.lower().replace("\u2019", "'")
    if compiled.household.search(lowered) and not compiled.outside.search(lowered):
        return False  # "my wife ... made her life a misery": the writer's household suffers
    theirs = len(compiled.their_property.findall(lowered))
    return theirs > 0 and theirs > len(compiled.own_property.findall(lowered))


def _matches(pattern: re.Pattern[str], sentence: Any) -> list[tuple[re.Match[str], int, int]]:
    out = []
    for match in pattern.finditer(sentence.canon):
        start, end = sentence.original_span(match.start(), match.end())
        out.append((match, start, end))
    return out


def _number(word: str, numbers: dict[str, int]) -> int | None:
    if word.isdigit():
        return int(word)
    return numbers.get(word)


def _same_person(a: Person | None, b: Person | None) -> bool:
    if a is None or b is None:
        return False
    if a.email and b.email:
        return a.email.strip().lower() == b.email.strip().lower()
    if a.name and b.name:
        return " ".join(a.name.lower().split()) == " ".join(b.name.lower().split())
    return False


def _quoted_victim_email(
    victim_name: str, quoted_authors: Sequence[Person], sender: Person | None
) -> str | None:
    """The email address of a quoted mail's author named as the victim, not the sender."""
    return next(
        (
            a.email
            for a in quoted_authors
            if a.email
            and a.name
            and not _same_person(a, sender)
            and not writes_for_a_body(a)
            and same_person_named(a.name, victim_name)
        ),
        None,
    )


def _authors_kin(author: Person, cues: Sequence[Finding]) -> str | None:
    """The relative a forwarded original's author writes for ("the email below from Mrs Sue
    Hale, whose father Mr Len Hale lives alone"), when the cover note says so of that author."""
    for cue in cues:
        who, name = str(cue.value).split("\n", 1)
        if author.name and same_person_named(who, author.name):
            return name
    return None


_OWN_KINDS = frozenset({SegmentKind.BODY, SegmentKind.CHAT_USER, SegmentKind.SIGNATURE})


def decide_parties(
    document: Document,
    parts: Sequence[tuple[Segment, Doc]],
    *,
    sender: Person | None,
    forwarded_authors: Sequence[Person] = (),
) -> Parties:
    """Decide the parties of ``document`` from its analysed account segments.

    ``parts`` pairs each analysed segment with its spaCy doc (whose ``doc.spans["parties"]`` the
    ``trigger_parties`` component filled; cues are recomputed when it did not run). Signature
    segments, which are not analysed, are read here for phone numbers. See
    :func:`decide_parties_from_cues` for how the cues are weighed.
    """
    own: list[Finding] = []
    forwarded: list[Finding] = []
    analysed = set()
    for segment, doc in parts:
        analysed.add((segment.start, segment.end))
        cues = findings(doc, KEY) if KEY in doc.spans else find_party_cues(doc_text(doc))
        cues = cues + answer_cues(doc_text(doc), segment.prompt)
        shifted = [f.shifted(segment.start) for f in cues]
        (own if segment.kind in _OWN_KINDS else forwarded).extend(shifted)
    for segment in document.segments:
        if segment.kind is SegmentKind.SIGNATURE and (segment.start, segment.end) not in analysed:
            cues = [
                f.shifted(segment.start) for f in find_party_cues(document.segment_text(segment))
            ]
            (own if segment.depth == 0 else forwarded).extend(cues)
    return decide_parties_from_cues(
        own,
        forwarded,
        sender=sender,
        forwarded_authors=forwarded_authors,
        also_written=_subject_names(document.subject),
        quoted_authors=_quoted_authors(document),
    )


def _quoted_authors(document: Document) -> list[Person]:
    """The authors of quoted mail ("On 8 Nov, Harjit Sandhu <...> wrote:") below the message."""
    return [
        s.author for s in document.segments if s.kind is SegmentKind.QUOTED and s.author is not None
    ]


def _subject_names(subject: str | None) -> list[str]:
    """Names a subject line gives the victim ("my brother Darren Rand - Owton Manor"): they only
    write out a name the text gives shorter ("my brother Darren"), never name a victim alone."""
    compiled = party_patterns()
    patterns = (compiled.relation_name, compiled.named_victim, compiled.titled_client)
    return names_in(subject or "", patterns, compiled.name_stopwords)


def decide_parties_for_texts(
    texts: Sequence[PartyText],
    *,
    sender: Person | None,
    forwarded_authors: Sequence[Person] = (),
    also_written: Sequence[str] = (),
    quoted_authors: Sequence[Person] = (),
) -> Parties:
    """:func:`decide_parties_from_cues` over plain stretches of text (tests, simple callers)."""
    own: list[Finding] = []
    forwarded: list[Finding] = []
    for part in texts:
        if part.kind in (SegmentKind.FOOTER, SegmentKind.QUOTED, SegmentKind.HEADER):
            continue
        found = find_party_cues(part.text) + answer_cues(part.text, part.prompt)
        cues = [f.shifted(part.offset) for f in found]
        (own if part.kind in _OWN_KINDS else forwarded).extend(cues)
    return decide_parties_from_cues(
        own,
        forwarded,
        sender=sender,
        forwarded_authors=forwarded_authors,
        also_written=also_written,
        quoted_authors=quoted_authors,
    )


def decide_parties_from_cues(
    own: list[Finding],
    forwarded: list[Finding],
    *,
    sender: Person | None,
    forwarded_authors: Sequence[Person] = (),
    also_written: Sequence[str] = (),
    quoted_authors: Sequence[Person] = (),
) -> Parties:
    """Decide role, relationship, consent, community reporters and the two people's details.

    ``own`` are the cues in the sender's own words (body, signature, chat messages), ``forwarded``
    those in forwarded originals, all in document offsets. A forwarded original written by someone
    other than the sender makes the sender a third party and the original's author the victim;
    third-party statements in the sender's own words ("on behalf of my mother", "my constituent")
    do too. Consent: any refusal wins over any agreement; neither is ``not_stated``.
    ``also_written`` are names written elsewhere (a subject line) that only write out the
    victim's name the text gives shorter. ``quoted_authors`` wrote mail quoted below the message:
    one named as the victim gives the victim's email address ("On ..., Harjit Sandhu <...> wrote:"
    below a caseworker's "his constituent Mr Harjit Sandhu").
    """
    everything = own + forwarded

    def pick(label: PartyCue, pool: list[Finding]) -> list[Finding]:
        return [f for f in pool if f.label == label]

    evidence: dict[str, tuple[Finding, ...]] = {}
    other_authors = [
        a for a in forwarded_authors if not _same_person(a, sender) and not writes_for_a_body(a)
    ]
    third_cues = pick(PartyCue.THIRD_PARTY, own)
    role = ApplicantRole.THIRD_PARTY if other_authors or third_cues else ApplicantRole.VICTIM
    evidence["role"] = tuple(third_cues)
    relationship = next((str(f.value) for f in third_cues if f.value), None)

    refused = pick(PartyCue.CONSENT_REFUSED, everything)
    given = pick(PartyCue.CONSENT_GIVEN, everything)
    consent = Consent.REFUSED if refused else Consent.GIVEN if given else Consent.NOT_STATED
    evidence["consent"] = tuple(refused or given)

    counts = pick(PartyCue.COMMUNITY_REPORTERS, everything)
    community = max((int(f.value) for f in counts), default=None)
    evidence["community_reporters"] = tuple(counts)

    applicant_name = sender.name if sender and sender.name else None
    own_names = pick(PartyCue.OWN_NAME, own)
    own_name = next((f for f in own_names if f.explanation != SIGNS_OFF), None) or next(
        (
            f
            for f in own_names
            if applicant_name is None or same_person_named(str(f.value), applicant_name)
        ),
        None,
    )
    phones = pick(PartyCue.PHONE, own)
    forwarded_phones = pick(PartyCue.PHONE, forwarded)
    victim_phones = pick(PartyCue.VICTIM_PHONE, everything)
    # a display name is often a first name only, a household's, or another's account
    introduced = str(own_name.value) if own_name is not None else None
    applicant_name = applicant_named(applicant_name, introduced, own)
    own_emails = pick(PartyCue.OWN_EMAIL, own)
    applicant_email = sender.email if sender and sender.email else None
    if applicant_email is None and own_emails:
        applicant_email = str(own_emails[0].value)  # "my email is ..." in a chat
    applicant_phone = str(phones[0].value) if phones else (sender.phone if sender else None)

    if role is ApplicantRole.VICTIM:
        victim_name, victim_email, victim_phone = applicant_name, applicant_email, applicant_phone
        address = pick(PartyCue.SELF_ADDRESS, own)
        victim_address = str(address[0].value) if address else None
        evidence["victim"] = tuple(address[:1]) + ((own_name,) if own_name else ())
    else:
        victim = other_authors[0] if other_authors else None
        kin = _authors_kin(victim, pick(PartyCue.AUTHORS_KIN, own)) if victim else None
        if kin is not None:
            victim = Person(name=kin, email=None, phone=None)  # "..., whose father Mr Len Hale"
        named = pick(PartyCue.VICTIM_NAME, own) or pick(PartyCue.VICTIM_NAME, forwarded)
        victim_name = (
            victim.name
            if victim and victim.name
            else (
                fullest_name(
                    str(named[0].value),
                    [str(f.value) for f in pick(PartyCue.VICTIM_NAME, everything)]
                    + [str(f.value) for f in pick(PartyCue.NAME_WRITTEN, everything)]
                    + list(also_written),
                )
                if named
                else None
            )
        )
        if victim is not None and victim_name is not None:
            # "Marj" forwarded, signed "Marjorie Ellis": the fuller form of the same person
            victim_name = next(
                (
                    str(f.value)
                    for f in pick(PartyCue.OWN_NAME, forwarded)
                    if same_person_named(str(f.value), victim_name)
                    and says_more(str(f.value), victim_name)
                ),
                victim_name,
            )
        emails = [f for f in pick(PartyCue.VICTIM_EMAIL, everything) if f.value != applicant_email]
        victim_email = victim.email if victim else str(emails[0].value) if emails else None
        if victim_email is None and victim_name is not None:
            victim_email = _quoted_victim_email(victim_name, quoted_authors, sender)
        vphones = victim_phones or forwarded_phones
        victim_phone = str(vphones[0].value) if vphones else (victim.phone if victim else None)
        addresses = pick(PartyCue.VICTIM_ADDRESS, everything) or pick(
            PartyCue.SELF_ADDRESS, forwarded
        )
        victim_address = str(addresses[0].value) if addresses else None
        evidence["victim"] = tuple(named[:1]) + tuple(addresses[:1]) + tuple(vphones[:1])
    evidence["applicant"] = tuple(phones[:1]) + ((own_name,) if own_name else ())
    return Parties(
        role=role,
        relationship=relationship,
        consent=consent,
        community_reporters=community,
        victim_name=victim_name,
        victim_email=victim_email,
        victim_phone=victim_phone,
        victim_address=victim_address,
        applicant_name=applicant_name,
        applicant_email=applicant_email,
        applicant_phone=applicant_phone,
        evidence=evidence,
    )


def parties_for_document(document: Document) -> Parties:
    """The parties of a :class:`Document`, reading its segments' text directly (no pipeline)."""
    texts = [
        PartyText(document.segment_text(s), s.kind, s.start, s.author, s.prompt)
        for s in document.segments
    ]
    authors = [
        s.author
        for s in document.segments
        if s.kind is SegmentKind.FORWARDED and s.author is not None
    ]
    return decide_parties_for_texts(
        texts,
        sender=document.sender,
        forwarded_authors=authors,
        also_written=_subject_names(document.subject),
        quoted_authors=_quoted_authors(document),
    )


@Language.factory("trigger_parties", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_parties_component(nlp: Language, name: str) -> TextFindingsComponent:
    """spaCy factory: party cues into ``doc.spans["parties"]``."""
    return TextFindingsComponent(KEY, find_party_cues)
