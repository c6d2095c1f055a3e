"""More families of ways people tell incidents and their reports (nlp/clauses.py,
nlp/dates/corrections.py, nlp/incident_rules.py with patterns/incident_rules.json,
nlp/incident_reports.py, nlp/incidents.py), each written several ways (a diary, a formal letter,
text-speak, voice-to-text, a carer, an officer's note), with controls that must not change.
Sentences of our own, not from any corpus.

- a diary line led by a day in words and a separator ("Yesterday - ...") is a line of its own,
  even after a long line a mail client would wrap;
- a date taken back as it is said ("the 4th, no, ... it was the 5th") is not an incident;
- the household complained of moving away ("left the street", "was rehoused") is when the
  behaviour stopped, not an incident; so is a review or an assessment; "no further incidents
  since" tells nothing done;
- "hearing aids" are no court hearing, "a case review" is what the writer asks for;
- "came home from the hospital to find ..." tells what was found;
- neighbours listed as having each reported ("me, Ian n Carl have each reported") are who
  reported, not a report of the incident just told;
- a body named only as a guess ("it might have been the police website") is not known;
- a late report "until she came into our office" went to the writer's body;
- an incident with no date and a day said to be unknown is one incident, not two.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incident_model import Sentences
from nlp.incidents import AnalysedSegment, assemble
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))

Row = tuple[date | None, bool | None, date | None, tuple[str, ...]]


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def rows(nlp: Language, text: str, writer: str | None = None) -> list[Row]:
    doc = analyse(nlp, text, WEDNESDAY)
    part = AnalysedSegment(doc=doc, offset=0, recipient_agency="council", writer_agency=writer)
    return [
        (i.start, i.reported, i.reported_on, tuple(sorted(i.agencies)))
        for i in assemble([part]).incidents
    ]


def days(nlp: Language, text: str) -> list[date | None]:
    return [row[0] for row in rows(nlp, text)]


# A first line longer than a mail client's wrap, with no full stop at its end.
FIRST_LINE = (
    "02/06/2026 - their dog let loose in my yard and went for my cat - told the council ASB team "
    "the same day\n"
)


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("Yesterday - ", d(9)),
        ("yesterday: ", d(9)),
        ("Last night – ", d(9)),
        ("last Friday - ", d(5)),
        ("5th June - ", d(5)),
        ("June 5 | ", d(5)),
        ("2 days ago - ", d(8)),
        ("This morning - ", d(10)),
    ],
)
def test_a_diary_line_led_by_a_day_in_words_is_its_own_line(
    nlp: Language, lead: str, day: date
) -> None:
    said = FIRST_LINE + lead + "hammering on my front door for 20 mins - rang the police that day"
    assert rows(nlp, said) == [(d(2), True, d(2), ("council",)), (day, True, day, ("police",))]


@pytest.mark.parametrize(
    "said",
    [
        # controls: no separator after the day, so the line break only wraps the sentence
        "On the 2nd they kicked my door in and I have been meaning to tell the council about it\n"
        "so yesterday I finally rang them.",
        "We have had months of this from the people next door and I am at the end of my tether\n"
        "and last night they were at it again.",
    ],
)
def test_a_wrapped_line_of_prose_going_on_with_a_day_is_not_a_diary_line(
    nlp: Language, said: str
) -> None:
    assert len(Sentences(analyse(nlp, said, WEDNESDAY)).starts) == 1


@pytest.mark.parametrize(
    "said",
    [
        "On the 4th, no, checking my diary it was the 5th, they threw eggs at my car.",
        "on the 4th no sorry it was the 5th they threw eggs at my car",
        "The 4th - scratch that - the 5th they threw eggs at my car.",
        "On the 4th or rather the 5th they threw eggs at my car.",
        "On the 4th, actually no, the 5th, they threw eggs at my car.",
        "On the 4th, no wait, the 5th, they threw eggs at my car.",
        "on the 4th nope it was the 5th they threw eggs at my car",
        "On the 4th, sorry, I mean the 5th, they threw eggs at my car.",
    ],
)
def test_a_date_taken_back_as_it_is_said_is_not_an_incident(nlp: Language, said: str) -> None:
    assert days(nlp, said) == [d(5)]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # controls: a "no" that takes nothing back
        ("On the 4th no one came, but on the 5th they threw eggs at my car.", [d(5)]),
        (
            "On the 4th they kicked my door, no damage, and on the 5th they threw eggs.",
            [d(4), d(5)],
        ),
    ],
)
def test_a_no_that_takes_nothing_back_keeps_both_dates(
    nlp: Language, said: str, expected: list[date]
) -> None:
    assert days(nlp, said) == expected


KICKED = "On the 2nd they kicked my door in and I rang the police. "


@pytest.mark.parametrize(
    "said",
    [
        "The neighbour left the street on the 5th and there has been no trouble since.",
        "They were rehoused on the 5th and we have had no bother since.",
        "the family moved out on the 5th, nothing since",
        "He was evicted on the 5th and there have been no further incidents.",
        "The tenants handed the keys back on the 5th.",
        "she went to prison on the 5th, no problems since",
        "On the 5th the household was relocated by the housing association.",
        "His EHCP review was on the 5th and the school have noticed how anxious he is.",
        "My PIP assessment was on the 5th and I was in bits after it.",
        "My court hearing was on the 5th.",
    ],
)
def test_the_day_they_moved_away_or_a_review_is_no_incident(nlp: Language, said: str) -> None:
    assert days(nlp, KICKED + said) == [d(2)]


@pytest.mark.parametrize(
    "said",
    [
        # controls: behaviour told beside the move, the review or the hearing
        "On the 5th they threw eggs at my window and left the street laughing.",
        "On the 5th he smashed my car window before he moved out.",
        "I asked for a case review because on the 5th they smashed my window.",
        "On the 5th the same lads followed me making noises and pointing at my hearing aids.",
        "on the 5th they mocked me for being hard of hearing",
        "On the 5th I came home from a hospital appointment to find my tyres slashed.",
        "I got back from my GP appointment on the 5th and found eggs all over the door.",
        "On the 5th I returned from the hospital to discover the fence kicked in.",
    ],
)
def test_behaviour_told_beside_a_move_a_review_or_an_appointment_stays(
    nlp: Language, said: str
) -> None:
    assert days(nlp, KICKED + said) == [d(2), d(5)]


@pytest.mark.parametrize(
    "listed",
    [
        "Me, Ian at 21 n Carl across the road have each reported this group.",
        "Me, Ian at 21 & Carl across the road have all reported them.",
        "Ian at 21, Carl at 23 and the couple opposite have each complained to the police.",
        "Me and the lady at 9 have both reported it to the council.",
    ],
)
def test_neighbours_listed_as_having_reported_are_no_report_of_this_incident(
    nlp: Language, listed: str
) -> None:
    said = "On the 2nd they kicked my gate but I didn't report it. " + listed
    assert rows(nlp, said) == [(d(2), False, None, ())]


@pytest.mark.parametrize(
    "guess",
    [
        "I think it was the council one but it might have been the police website.",
        "it was either the council or the police, not sure which one.",
        "I rang someone, could have been the council, I forget which it was.",
        "It may have been the police, I honestly don't know which one.",
    ],
)
def test_a_body_named_only_as_a_guess_is_not_known(nlp: Language, guess: str) -> None:
    said = (
        "Last night they threw a bottle at my window. I reported it online straight away, " + guess
    )
    assert rows(nlp, said) == [(d(9), True, d(9), ())]


@pytest.mark.parametrize(
    "said",
    [
        "I reported it to the police straight away.",
        # controls: the day is what the writer cannot say, not the body
        "I reported it to the police but I can't remember which day I rang them.",
        "I rang the police, not sure which night it was.",
    ],
)
def test_a_body_named_for_certain_is_kept(nlp: Language, said: str) -> None:
    said = "Last night they threw a bottle at my window. " + said
    assert [row[3] for row in rows(nlp, said)] == [("police",)]


@pytest.mark.parametrize(
    "late",
    [
        "She did not report this until she came into our office on the 8th.",
        "He didn't report it until he came in to see us on the 8th.",
        "Mrs Ogun did not report this until she rang our team on the 8th.",
    ],
)
def test_a_late_report_to_the_writers_office_went_to_the_writers_body(
    nlp: Language, late: str
) -> None:
    said = "On the 2nd the group kicked her front door repeatedly. " + late
    assert rows(nlp, said, writer="housing") == [(d(2), True, d(8), ("housing",))]


@pytest.mark.parametrize(
    "said",
    [
        "another time they kicked my pram over in the hallway, i told the police but i really "
        "cant remember when that was",
        "There was another time they kicked my gate in, I reported that to the police too but I "
        "honestly can't remember when it was.",
        "One time they smashed the shed window, I rang the police but I don't know when exactly.",
    ],
)
def test_an_undated_incident_whose_day_is_not_known_is_one_incident(
    nlp: Language, said: str
) -> None:
    assert rows(nlp, said) == [(None, True, None, ("police",))]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "n last nite music blarin again til 2 but didnt bother reportin it tbh",
            [(d(9), False, None, ())],
        ),
        (
            "last nite they was kickin the door, been ringin the police",
            [(d(9), True, d(9), ("police",))],
        ),
        (
            "on the 2nd they smashed my window, i was tellin the council about it the next day",
            [(d(2), True, d(3), ("council",))],
        ),
    ],
)
def test_report_words_with_the_g_dropped(nlp: Language, said: str, expected: list[Row]) -> None:
    assert rows(nlp, said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "and at some point i dont know when exactly they put bacon on my door handle, i reported "
        "that to the police",
        "One time they stuck a note on my car, I told the police about it.",
        "At one point they left a dead bird on the step and I reported it to the police.",
    ],
)
def test_an_undated_deed_by_them_that_was_reported_is_an_incident(nlp: Language, said: str) -> None:
    assert rows(nlp, said) == [(None, True, None, ("police",))]


@pytest.mark.parametrize(
    "said",
    [
        "the pcso who came round the next day literally laughed n said its just kids being kids",
        "The housing officer that visited the next day just shrugged and laughed.",
    ],
)
def test_an_official_coming_the_next_day_is_no_incident(nlp: Language, said: str) -> None:
    assert days(nlp, "On the 3rd they kicked my door in. " + said) == [d(3)]


def test_the_next_day_they_came_back_stays(nlp: Language) -> None:
    # control: the perpetrators came the next day
    said = "On the 3rd they kicked my door in. The next day they came round and laughed at me."
    assert days(nlp, said) == [d(3), d(4)]


@pytest.mark.parametrize(
    "said",
    [
        "I know the June one was reported late - I only found out in August that the council has "
        "an ASB team.",
        "The June incident was reported late because I was told in August who to ring.",
        "That June one I reported late, I only learnt in August about the ASB team.",
    ],
)
def test_an_incident_named_by_its_month_and_the_day_the_writer_found_out_add_nothing(
    nlp: Language, said: str
) -> None:
    assert days(nlp, "On 2 June they threw stones at the conservatory. " + said) == [d(2)]


def test_finding_out_what_they_had_done_stays(nlp: Language) -> None:
    # control: what was found out was done by them
    assert days(nlp, "On the 3rd I found out they had scratched my car.") == [d(3)]


@pytest.mark.parametrize(
    "said",
    [
        "Me and my neighbour Mrs Khan both rang the police about it.",
        "My wife and I both reported it to the police.",
        "We each rang the police about it that night.",
        "me n my mate both rang the police",
    ],
)
def test_both_or_each_after_the_people_who_reported_counts_them_not_incidents(
    nlp: Language, said: str
) -> None:
    assert rows(nlp, "Last night they set fire to the bin by my fence. " + said) == [
        (d(9), True, d(9), ("police",))
    ]


def test_both_said_of_the_incidents_still_covers_them(nlp: Language) -> None:
    # control
    said = "On the 2nd they kicked the door and on the 5th they threw eggs. Both were reported to "
    said += "the police."
    assert rows(nlp, said) == [(d(2), True, None, ("police",)), (d(5), True, None, ("police",))]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Haven't reported it yet, thought I'd tell you first.", [(d(10), False, None, ())]),
        ("I would ring the police but they never come.", [(d(10), None, None, ())]),
        # control: "'d" as "had"
        ("I'd rung the police already by then.", [(d(10), True, d(10), ("police",))]),
    ],
)
def test_a_report_wished_with_would_is_none_made(
    nlp: Language, said: str, expected: list[Row]
) -> None:
    assert rows(nlp, "This morning they were kicking the fence panels. " + said) == expected


@pytest.mark.parametrize(
    ("said", "writer", "agencies"),
    [
        (
            "Mr Greaves reported to us on the 8th that on the 2nd the occupants of the flat above "
            "threw a mattress onto his car.",
            "housing",
            ("housing",),
        ),
        (
            "She told the police on the 8th that on the 2nd they smashed her window.",
            None,
            ("police",),
        ),
        (
            "He rang 101 on the 8th to say that on the 2nd the lads kicked his door in.",
            None,
            ("police",),
        ),
        (
            "Mrs Ahmed phoned the council on the 8th, saying on the 2nd they threw eggs at her car",
            None,
            ("council",),
        ),
    ],
)
def test_a_report_dated_before_what_it_said_is_the_reports_day(
    nlp: Language, said: str, writer: str | None, agencies: tuple[str, ...]
) -> None:
    assert rows(nlp, said, writer=writer) == [(d(2), True, d(8), agencies)]


def test_a_report_day_followed_by_when_it_happened_stays_one_incident(nlp: Language) -> None:
    # control: the date after the report verb is the incident's, told through its report
    said = "I rang 101 on the 2nd when they threw eggs at the window."
    assert rows(nlp, said) == [(d(2), True, d(2), ("police",))]
