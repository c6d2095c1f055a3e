"""From a Document to a draft application: the whole extraction, without I/O.

``Extractor`` holds the spaCy pipeline (built once) and turns each :class:`nlp.document.Document`
into a :class:`trigger.draft.Draft` of what the text tells, with no threshold decision: deciding
is a use case (``app.extraction.draft_application`` applies the area's profile). It never touches
files, the network or a database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from nlp.bounded import bounded_text
from nlp.clauses import Cut, doc_text, segment_text, segmentation
from nlp.document import Document, Person, Segment, SegmentKind
from nlp.exclusions import ExclusionCue, answered_exclusions, decide_exclusions
from nlp.findings import Finding
from nlp.hate import find_hate_markers_in_answer
from nlp.hate_context import ACCOUNT as HATE_ACCOUNT
from nlp.hate_explained import strands_explained_by_another
from nlp.incidents import AnalysedSegment, IncidentFinding, Rejection, assemble
from nlp.parties import Parties, decide_parties
from nlp.party_words import writes_for_a_body
from nlp.pipeline import analyse, build_pipeline, findings
from nlp.report_words import REPORT_QUESTION
from nlp.reports import find_agencies
from nlp.risk import ONLY_LABELS, risk_flags_of_messages
from trigger.draft import Applicant, DateRange, Draft, Incident, RejectedDate, Span, Victim
from trigger.vocabulary import (
    Agency,
    ApplicantRole,
    Channel,
    Consent,
    Exclusion,
    HateStrand,
    RiskFlag,
)

log = logging.getLogger(__name__)

# The parts of a message that hold the account; signatures, footers, quoted unrelated mail and
# forwarded header blocks never hold incidents.
_ACCOUNT_KINDS = frozenset({SegmentKind.BODY, SegmentKind.FORWARDED, SegmentKind.CHAT_USER})

# The risk flags each part of a chat of several messages is read for (the incident assembler's).
_PART_RISKS = frozenset({RiskFlag.IMMEDIATE_DANGER})

# Who "you" is when a forwarded original says "I reported it to you": the forwarder's
# organisation, known from the relationship the forwarder states.
_RECIPIENT_BY_RELATIONSHIP = (
    ("housing", Agency.HOUSING),
    ("tenancy", Agency.HOUSING),
    ("police", Agency.POLICE),
    ("pcso", Agency.POLICE),
    ("council officer", Agency.COUNCIL),
    ("community safety", Agency.COUNCIL),
    ("asb officer", Agency.COUNCIL),
)


@dataclass(frozen=True)
class AnalysedDocument:
    """A document with each account segment analysed (kept for the console and tests)."""

    document: Document
    parts: tuple[tuple[Segment, AnalysedSegment], ...]


# The most account text one document is analysed for. Real accounts are a few thousand
# characters; a megabyte of pasted logs would otherwise cost a minute. The message itself is
# stored whole whatever its size; only the reading stops here (and the log says so).
MAX_ANALYSED_CHARS = 200_000


class Extractor:
    """Turns documents into drafts. Build one and reuse it: the pipeline takes a second."""

    def __init__(self, nlp: Language | None = None, max_chars: int = MAX_ANALYSED_CHARS) -> None:
        self.nlp = nlp if nlp is not None else build_pipeline()
        self.max_chars = max_chars

    def analyse(self, document: Document) -> AnalysedDocument:
        """Run the pipeline over every account segment of ``document``."""
        parts = []
        # The sender's own words are a note on someone's account only when a person's mail is
        # forwarded: under a body's letter ("the email below from the CPS") they are the account.
        accounts = [
            s
            for s in document.segments
            if s.kind is SegmentKind.FORWARDED and not writes_for_a_body(s.author)
        ]
        budget = self.max_chars
        read: list[tuple[Segment, str]] = []
        for segment in document.segments:
            if segment.kind not in _ACCOUNT_KINDS:
                continue
            whole = document.reading_text(segment)
            text = whole[: max(budget, 0)]
            if len(text) < len(whole):
                log.warning(
                    "account text over %d characters: the rest is not analysed", self.max_chars
                )
            if not text:
                break
            budget -= len(text)
            read.append((segment, text))
        # A chat of several messages has its risk flags read from the messages joined (extract);
        # each part needs only its danger-now signs, for the incident assembler.
        chat = sum(1 for s, _ in read if s.kind is SegmentKind.CHAT_USER) > 1
        account = "\n".join(t for s, t in read if s.kind is SegmentKind.CHAT_USER)
        options = {ONLY_LABELS: _PART_RISKS, HATE_ACCOUNT: account} if chat else None
        if not chat and len(read) > 1:  # a forward and its cover note are one account (hate)
            options = {HATE_ACCOUNT: "\n".join(t for _, t in read)}
        for segment, text in read:
            doc = analyse(self.nlp, bounded_text(text), segment.reference, options)
            part = AnalysedSegment(
                doc=doc,
                offset=segment.start,
                chat=segment.kind is SegmentKind.CHAT_USER,
                note=_passes_on(segment, accounts),
                report_answer=bool(segment.prompt and REPORT_QUESTION.search(segment.prompt)),
                landlord_answer=bool(segment.prompt and "landlord" in segment.prompt.lower()),
            )
            parts.append((segment, part))
        return AnalysedDocument(document, tuple(parts))

    def extract(self, document: Document, source: str | None = None) -> Draft:
        """The draft application told by ``document`` (its ``threshold`` is left unset)."""
        analysed = self.analyse(document)
        parties = self._parties(analysed)
        # "I reported it to you": in the message the partnership received, "you" is the
        # partnership (the council's community safety team); in a forwarded original, "you" is
        # whoever forwarded it (a housing officer's "you" is the housing provider).
        forwarder = _forwarder_agency(parties, lambda: self._signature_agency(document))
        # "she reported it to us": an officer writing for her body (depth 0 only: in a forwarded
        # original "us" is its writer's household)
        writer = forwarder.value if forwarder not in (None, Agency.OTHER) else None
        parts = [
            replace(
                part,
                recipient_agency=_you(document, segment, forwarder),
                writer_agency=writer if segment.depth == 0 else None,
            )
            for segment, part in analysed.parts
        ]
        assembly = assemble(parts)
        incidents = [_incident(f) for f in assembly.incidents]

        strands: set[HateStrand] = set()
        risks: set[RiskFlag] = set()
        exclusion_findings: list[Finding] = []
        markers: list[Finding] = []
        for segment, part in analysed.parts:
            own = findings(part.doc, "hate")
            markers.extend(own)
            strands.update(HateStrand(f.label) for f in own)
            if segment.prompt and not own:
                # "yes, my religion" after the bot asked whether they were targeted for who they
                # are (an answer with markers of its own was read by the component already)
                answer = document.segment_text(segment)
                strands.update(
                    HateStrand(f.label)
                    for f in find_hate_markers_in_answer(
                        answer, segment.prompt, own if _read_as_is(part.doc, answer) else None
                    )
                )
            risks.update(RiskFlag(f.label) for f in findings(part.doc, "risk"))
            exclusion_findings.extend(
                f.shifted(part.offset) for f in findings(part.doc, "exclusions")
            )
            if segment.prompt:  # "yes" to "Is it the CPS decision you would like reviewed?"
                exclusion_findings.extend(
                    f.shifted(part.offset)
                    for f in answered_exclusions(document.segment_text(segment), segment.prompt)
                )
        exclusion_findings = _earlier_persisting_dropped(exclusion_findings, analysed.parts)
        chat = [
            document.segment_text(s) for s, _ in analysed.parts if s.kind is SegmentKind.CHAT_USER
        ]
        if len(chat) > 1:  # a chat is one account: its risk signs are read across the messages
            risks = risk_flags_of_messages(chat)
        for incident in incidents:
            strands.update(incident.hate_strands)
        explained = strands_explained_by_another(markers)
        if explained:  # "took my walking stick" from a man picked on "because of my age"
            strands -= explained
            for incident in incidents:
                incident.hate_strands = [s for s in incident.hate_strands if s not in explained]
        received = document.received_at
        recent = _has_recent_incident(incidents, received.date())
        exclusions = decide_exclusions(exclusion_findings, has_current_incidents=recent)

        draft = Draft(
            source=source,
            channel=Channel(document.channel),
            received_at=received,
            applicant=Applicant(
                role=parties.role,
                name=parties.applicant_name,
                email=parties.applicant_email,
                phone=parties.applicant_phone,
                relationship=parties.relationship,
            ),
            victim=Victim(
                name=parties.victim_name,
                email=parties.victim_email,
                phone=parties.victim_phone,
                address=parties.victim_address,
            ),
            consent=Consent(parties.consent),
            incidents=incidents,
            hate_strands=sorted(strands, key=list(HateStrand).index),
            community_reporters=parties.community_reporters,
            exclusions=sorted({Exclusion(e) for e in exclusions}, key=list(Exclusion).index),
            risk_flags=sorted(risks, key=list(RiskFlag).index),
            rejected_dates=[_rejected(r) for r in assembly.rejected],
        )
        log.debug("extracted %d incidents from %s", len(incidents), source)
        return draft

    def _signature_agency(self, document: Document) -> Agency | None:
        """The relevant body a depth-0 signature or footer names (a forwarder's employer)."""
        found: set[str] = set()
        for segment in document.segments:
            if segment.depth == 0 and segment.kind in (SegmentKind.SIGNATURE, SegmentKind.FOOTER):
                doc = self.nlp.make_doc(bounded_text(document.segment_text(segment)))
                found.update(f.label for f in find_agencies(doc))
        for agency in (Agency.HOUSING, Agency.POLICE, Agency.COUNCIL, Agency.HEALTH):
            if agency.value in found:
                return agency
        return None

    def _parties(self, analysed: AnalysedDocument) -> Parties:
        document = analysed.document
        # The innermost original is the victim's own account (a forward of a forward passes
        # through an MP's office or a relative first).
        forwarded = sorted(
            (s for s, _p in analysed.parts if s.kind is SegmentKind.FORWARDED and s.author),
            key=lambda s: -s.depth,
        )
        forwarded_authors: list[Person] = [s.author for s in forwarded if s.author is not None]
        return decide_parties(
            document,
            [(segment, part.doc) for segment, part in analysed.parts],
            sender=document.sender,
            forwarded_authors=forwarded_authors,
        )


def _passes_on(segment: Segment, accounts: list[Segment]) -> bool:
    """Whether ``segment`` is a forwarder's note on an account forwarded below it: the sender's
    own words above a person's forwarded mail, or a forwarder's words in the middle of a chain
    ("Rachel, see below from Liam") above a deeper original."""
    if segment.kind is SegmentKind.BODY:
        return bool(accounts)
    return segment.kind is SegmentKind.FORWARDED and any(
        s.depth > segment.depth and s.start >= segment.end for s in accounts
    )


def _forwarder_agency(parties: Parties, signature: Callable[[], Agency | None]) -> Agency | None:
    """The body a third-party forwarder works for: from the relationship they state, else from
    their signature ("Tenancy Officer | Welland Homes"); an MP's office or a relative is other."""
    if parties.role is not ApplicantRole.THIRD_PARTY:
        return None
    relationship = (parties.relationship or "").lower()
    for word, agency in _RECIPIENT_BY_RELATIONSHIP:
        if word in relationship:
            return agency
    employer = signature()
    if employer is not None:
        return employer
    return Agency.OTHER if relationship else None


def _you(document: Document, segment: Segment, forwarder: Agency | None) -> str | None:
    """Who "you" is in ``segment``: "I reported it to you".

    In the message the partnership received, the partnership (its council team). In a forwarded
    original, whoever it was written to: the forwarder (a housing officer forwarding her tenant's
    email to her), or a colleague at the partnership (same mail domain as our own address).
    """
    if segment.depth == 0:
        return Agency.COUNCIL.value
    header = next(
        (
            s
            for s in reversed(document.segments)
            if s.kind is SegmentKind.HEADER and s.end <= segment.start and s.depth == segment.depth
        ),
        None,
    )
    addressed = (header.addressee or "") if header is not None else ""
    forwarder_email = document.sender.email if document.sender else None
    if "@" not in addressed or addressed == forwarder_email:
        return forwarder.value if forwarder is not None else None
    ours = document.recipient.email if document.recipient and document.recipient.email else None
    if ours and ours.split("@")[-1] == addressed.split("@")[-1]:
        return Agency.COUNCIL.value
    return None


def _incident(finding: IncidentFinding) -> Incident:
    return Incident(
        occurred=DateRange(start=finding.start, end=finding.end),
        reported=finding.reported,
        reported_on=finding.reported_on,
        agencies=[Agency(a) for a in finding.agencies],
        references=list(finding.references),
        hate_strands=[HateStrand(s) for s in finding.hate_strands],
        summary=finding.summary,
        evidence=[Span(start=s, end=e) for s, e in finding.evidence],
    )


def _rejected(rejection: Rejection) -> RejectedDate:
    return RejectedDate(
        phrase=rejection.phrase,
        span=Span(start=rejection.start, end=rejection.end),
        occurred=DateRange(start=rejection.occurred_start, end=rejection.occurred_end),
        rule=rejection.rule,
        reason=rejection.reason,
    )


def _read_as_is(doc: Doc, text: str) -> bool:
    """Whether the pipeline read ``text`` itself, cut into the sentences plain text gets: then
    its hate markers are what :func:`nlp.hate.find_hate_markers` finds in ``text`` (it reads only
    the text and those sentences), and need not be looked for again."""
    return doc_text(doc) == text and segmentation(doc).bounds(Cut.TEXT_SENTENCE) == segment_text(
        text
    ).bounds(Cut.TEXT_SENTENCE)


def _has_recent_incident(incidents: list[Incident], received: date) -> bool:
    """Whether the account tells of behaviour that has not stopped (for service complaints)."""
    return any(
        i.occurred.end is not None and received - i.occurred.end <= timedelta(days=31)
        for i in incidents
    )


def _earlier_persisting_dropped(
    found: list[Finding], parts: tuple[tuple[Segment, AnalysedSegment], ...]
) -> list[Finding]:
    """Exclusion cues without a forwarded original's "it goes on" when the sender's own words say
    the behaviour stopped: the original was written before ("I'm forwarding the email I sent in
    September ... they were evicted in October and it has been quiet since")."""
    forwarded = [
        (part.offset, part.offset + len(part.doc.text))
        for segment, part in parts
        if segment.kind is SegmentKind.FORWARDED or segment.depth > 0
    ]

    def in_forward(f: Finding) -> bool:
        return any(start <= f.start < end for start, end in forwarded)

    stopped_now = any(
        f.label == ExclusionCue.BEHAVIOUR_STOPPED and not in_forward(f) for f in found
    )
    if not forwarded or not stopped_now:
        return found
    return [f for f in found if not (f.label == ExclusionCue.PERSISTING and in_forward(f))]
