"""Round 10, layout: how an email's layout is read before the recognisers see it.

- answers typed inline under the ``>``-quoted questions of an Outlook "Original Message" block
  are the writer's own words, written on the reply's day;
- the writer's own earlier mail deep inside a quoted chain is the writer's account again;
- under a forwarded letter from an organisation the writer's own words are the account, not a
  note on someone else's account;
- lines typed in capitals are read as the word lists are written (same length, same offsets).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intake.mime import parse_email
from intake.segments import answered_inline, segment_message
from nlp.document import Document, Person, Segment, SegmentKind, unshouted
from nlp.extract import Extractor

EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global EXTRACTOR
    if EXTRACTOR is None:
        EXTRACTOR = Extractor()
    return EXTRACTOR


def _email(headers: str, body: str) -> bytes:
    return (headers.strip() + "\nContent-Type: text/plain; charset=utf-8\n\n" + body).encode()


REFERENCE = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
ME = Person("Ravi Patel", "ravi.patel@example.org")


def _kinds(text: str, author: Person = ME, in_reply: bool = True) -> list[tuple[str, str]]:
    segments = segment_message(text, reference=REFERENCE, author=author, in_reply=in_reply)
    return [(s.kind.value, text[s.start : s.end]) for s in segments]


# --- inline answers under quoted questions --------------------------------------------------

INLINE = """\
Hi Claire, I've put my answers under your questions.

-----Original Message-----
From: ASB Team <asb@council.example.gov.uk>
Sent: 08 March 2026 14:05
To: Ravi Patel <ravi.patel@example.org>
Subject: Some questions

> What has been happening and when?

Saturday 7 March - the lad from the corner flat threw eggs at my van.
Two weeks ago - my wing mirror was snapped off.

> Did you tell anyone, and when?

The van - I rang the police that afternoon.

Ravi
"""


def test_answers_under_quoted_questions_are_the_writers_own_words() -> None:
    kinds = _kinds(INLINE)
    own = [text for kind, text in kinds if kind == "body"]
    assert any("threw eggs at my van" in text for text in own)
    assert any("rang the police" in text for text in own)
    quoted = [text for kind, text in kinds if kind == "quoted"]
    assert quoted and all("eggs" not in text for text in quoted)


def test_inline_answers_keep_the_replys_own_day() -> None:
    segments = segment_message(INLINE, reference=REFERENCE, author=ME, in_reply=True)
    answer = next(s for s in segments if "eggs" in INLINE[s.start : s.end])
    assert answer.reference == REFERENCE and answer.depth == 0 and answer.author == ME


TOP_POSTED = """\
Thanks, I'll wait to hear.

-----Original Message-----
From: ASB Team <asb@council.example.gov.uk>
Sent: 08 March 2026 14:05
To: Ravi Patel <ravi.patel@example.org>
Subject: Your case

Dear Mr Patel, on 2 March a neighbour's car was damaged. Is that right?
We will write again. Were you in?

> an older line quoted at the end?
> and another?
"""


def test_prompts_ending_in_a_colon_are_answered_too() -> None:
    contents = ["> Dates of each incident:", "", "2 March, 5 March", "> Who you told:", "police"]
    assert answered_inline(contents)


@pytest.mark.parametrize(
    "contents",
    [
        # the quoted mail opens unquoted: an ordinary top-posted reply
        ["Dear Mr Patel,", "> did it happen?", "yes", "> did you report?", "no"],
        # only one question answered
        ["> What happened?", "", "They kicked the door.", "", "> Kind regards"],
        # questions quoted one after another with no answer under them
        ["> What happened?", "> When?", "> Who did you tell?"],
    ],
)
def test_not_inline_answers(contents: list[str]) -> None:
    assert not answered_inline(contents)


def test_a_top_posted_reply_keeps_the_whole_original_quoted() -> None:
    kinds = _kinds(TOP_POSTED)
    quoted = [text for kind, text in kinds if kind == "quoted"]
    assert any("neighbour's car was damaged" in text for text in quoted)
    assert all("damaged" not in text for kind, text in kinds if kind == "body")


# --- the writer's own mail deep in a quoted chain ------------------------------------------

CHAIN = """\
Please take this as a Community Trigger. The reply below is why.

Ravi

________________________________
From: Tom Birch <t.birch@council.example.gov.uk>
Sent: Friday, 6 March 2026 11:00
To: Ravi Patel <ravi.patel@example.org>
Subject: RE: noise

Mr Patel, the case is closed.

________________________________
From: Ravi Patel <ravi.patel@example.org>
Sent: Thursday, 5 March 2026 19:30
To: Tom Birch <t.birch@council.example.gov.uk>
Subject: noise

Tom, they had a party on Sunday 1 March until 4am and I told your team the next day.
"""


def test_own_earlier_mail_inside_a_quoted_reply_is_own_words() -> None:
    segments = segment_message(CHAIN, reference=REFERENCE, author=ME, in_reply=True)
    own = next(s for s in segments if "had a party" in CHAIN[s.start : s.end])
    assert own.kind is SegmentKind.BODY
    assert own.reference.date().isoformat() == "2026-03-05"
    officer = next(s for s in segments if "case is closed" in CHAIN[s.start : s.end])
    assert officer.kind is SegmentKind.QUOTED
    assert "had a party" not in CHAIN[officer.start : officer.end]


def test_someone_elses_mail_deep_in_a_quoted_chain_stays_quoted() -> None:
    other = Person("Ann Lowe", "ann.lowe@example.org")
    segments = segment_message(CHAIN, reference=REFERENCE, author=other, in_reply=True)
    holder = next(s for s in segments if "had a party" in CHAIN[s.start : s.end])
    assert holder.kind is SegmentKind.QUOTED


# --- a forwarded letter from an organisation ------------------------------------------------

LETTER = """\
From: Ravi Patel <ravi.patel@example.org>
To: asb@council.example.gov.uk
Subject: Fwd: Outcome of your complaint
Date: Tue, 10 Mar 2026 09:00:00 +0000
"""

LETTER_BODY = """\
Hello,

See the letter below. On 20 February the man upstairs smashed my kitchen window with a
hammer.

Ravi Patel

---------- Forwarded message ---------
From: Housing Services <housing.services@council.example.gov.uk>
Date: Mon, 9 Mar 2026 at 10:00
Subject: Outcome of your complaint
To: ravi.patel@example.org


Dear Mr Patel,

We have reviewed your complaint and decided to take no further action.

Housing Services
"""

PERSON_BODY = LETTER_BODY.replace(
    "From: Housing Services <housing.services@council.example.gov.uk>",
    "From: Meena Patel <meena.p@example.net>",
)


def _incident_days(raw: bytes) -> list[str | None]:
    draft = extractor().extract(parse_email(raw))
    return [i.occurred.start.isoformat() if i.occurred.start else None for i in draft.incidents]


def test_own_words_above_an_organisations_forwarded_letter_are_the_account() -> None:
    assert _incident_days(_email(LETTER, LETTER_BODY)) == ["2026-02-20"]


def test_a_note_above_a_persons_forwarded_mail_is_still_a_note() -> None:
    # the forwarded original is a person's own mail: the cover note only passes it on
    assert _incident_days(_email(LETTER, PERSON_BODY)) == []


# --- lines typed in capitals ----------------------------------------------------------------


def test_capitals_are_read_in_lower_case_with_offsets_kept() -> None:
    text = "Hi,\nI RANG THE POLICE ON 3 MARCH AND THEY NEVER CAME\nRavi\n"
    read = unshouted(text)
    assert len(read) == len(text)
    assert "I rang the police on 3 march and they never came" in read
    assert read.startswith("Hi,\n") and read.endswith("Ravi\n")


@pytest.mark.parametrize(
    "text",
    [
        "MR RAVI PATEL, 4 HIGH STREET",  # a name and address line: fewer than six words
        "Ravi rang the POLICE AND THE COUNCIL on Monday",  # lower case on the line
        "ASB CSU PCSO",  # acronyms
    ],
)
def test_short_or_mixed_lines_are_read_as_written(text: str) -> None:
    assert unshouted(text) == text


def test_answers_in_capitals_are_read() -> None:
    body = (
        "Answers below in capitals.\n\n"
        "THEY KICKED MY FRONT DOOR IN ON SATURDAY 28 FEBRUARY AT ABOUT MIDNIGHT.\n"
        "I RANG THE POLICE THE SAME NIGHT.\n"
    )
    document = Document(
        channel="email",
        text=body,
        received_at=REFERENCE,
        segments=(Segment(0, len(body), SegmentKind.BODY, REFERENCE, ME),),
        sender=ME,
    )
    assert document.reading_text(document.segments[0]) != body
    draft = extractor().extract(document)
    assert [i.occurred.start.isoformat() for i in draft.incidents if i.occurred.start] == [
        "2026-02-28"
    ]
    assert draft.incidents[0].reported is True


# --- a forwarder's note in the middle of a chain ---------------------------------------------

CHAIN_HEADERS = """\
From: Omar Reid <omar.reid@example.org>
To: asb@council.example.gov.uk
Subject: FW: Fwd: the flat below
Date: Tue, 10 Mar 2026 09:00:00 +0000
"""

THREE_DEEP = """\
Dear team,

Please take the chain below as a Community Trigger application for Ms Lowe.

Omar Reid

________________________________
From: Kate Moss <kate.moss@example.org>
Sent: Monday, 9 March 2026 16:00
To: Omar Reid <omar.reid@example.org>
Subject: Fwd: the flat below

Omar, see below from Ann. I sat with her at the police station this morning while she
gave a statement.

Kate

---------- Forwarded message ---------
From: Ann Lowe <ann.lowe@example.net>
Date: Sun, 8 Mar 2026 at 21:15
Subject: the flat below
To: Kate Moss <kate.moss@example.org>


Kate, tonight the man below kicked my door and shouted at me on the landing.

Ann
"""

TWO_DEEP = """\
Dear team,

Please take the email below as a Community Trigger application for Ms Lowe.

Omar Reid

________________________________
From: Kate Moss <kate.moss@example.org>
Sent: Monday, 9 March 2026 16:00
To: Omar Reid <omar.reid@example.org>
Subject: the flat below

Omar, this morning the man below kicked Ann's door and shouted at her on the landing.

Kate
"""


def test_a_middle_forwarders_note_tells_no_incident_of_its_own() -> None:
    assert _incident_days(_email(CHAIN_HEADERS, THREE_DEEP)) == ["2026-03-08"]


def test_the_innermost_original_of_a_chain_still_tells_its_incident() -> None:
    # two deep: the forwarded original is the account, its own day counts
    assert _incident_days(_email(CHAIN_HEADERS, TWO_DEEP)) == ["2026-03-09"]
