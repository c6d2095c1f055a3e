"""A writer who forwards their own earlier email applies as the victim, and what that older email
says goes on ("last night they ...") does not outweigh their own word that it has stopped."""

from __future__ import annotations

import pytest

from intake.mime import parse_email
from nlp.document import Person, SegmentKind
from nlp.extract import Extractor
from nlp.parties import PartyText, decide_parties_for_texts
from trigger.draft import Draft
from trigger.vocabulary import ApplicantRole, Exclusion

EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global EXTRACTOR
    if EXTRACTOR is None:
        EXTRACTOR = Extractor()
    return EXTRACTOR


def role(text: str) -> ApplicantRole:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed")
    ).role


@pytest.mark.parametrize(
    "text",
    [
        "I'm forwarding the email I sent to your ASB officer in September.",
        "i am forwarding this i sent in august as nobody answered",
        "Forwarding the message we sent the council last month.",
        "I'm forwarding an email I wrote to the housing in July.",
        "I am forwarding on my own complaint from the spring.",
    ],
)
def test_forwarding_ones_own_email_is_no_third_party(text: str) -> None:
    assert role(text) is ApplicantRole.VICTIM


@pytest.mark.parametrize(
    "text",
    [
        "I'm forwarding the email my neighbour sent me.",
        "Forwarding this on behalf of Mrs Lee.",
        "I am forwarding the message below from my mum.",
    ],
)
def test_forwarding_someone_elses_email_still_is(text: str) -> None:
    assert role(text) is ApplicantRole.THIRD_PARTY


EMAIL = """\
From: Jo Lamb <jo.lamb@example.net>
To: asb@example.gov.uk
Subject: Complaint
Date: Thu, 03 Dec 2026 20:05:16 +0000
Content-Type: text/plain; charset=utf-8

I'm forwarding the email I sent to your officer in September, because nobody ever replied.

The family at number 9 were evicted in October and it has been quiet since. What I want looked
at is how I was treated: your officer did not return a single call in eight weeks.

Jo Lamb

---------- Forwarded message ---------
From: Jo Lamb <jo.lamb@example.net>
Date: Mon, 14 Sept 2026 at 08:12
Subject: Noise at number 9
To: <officer@example.gov.uk>

Dear officer,

Last night they had another party until 4am and I rang 101. {tail}

Jo Lamb
"""


def draft_of(tail: str, body_change: tuple[str, str] = ("", "")) -> Draft:
    raw = EMAIL.format(tail=tail)
    if body_change[0]:
        raw = raw.replace(*body_change)
    document = parse_email(raw.encode())
    return extractor().extract(document)


def test_an_older_forward_that_says_it_goes_on_does_not_outweigh_it_stopped() -> None:
    draft = draft_of("They are still at it every weekend.")
    assert draft.applicant.role == ApplicantRole.VICTIM
    assert Exclusion.SERVICE_COMPLAINT in draft.exclusions


def test_without_the_writers_word_that_it_stopped_the_forward_still_counts() -> None:
    draft = draft_of(
        "They are still at it every weekend.",
        ("were evicted in October and it has been quiet since", "are still next door"),
    )
    assert Exclusion.SERVICE_COMPLAINT not in draft.exclusions
