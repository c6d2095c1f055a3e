"""Report attachment as discourse (nlp/incident_reports.py, patterns/reports.jsonl and
agencies.jsonl), on sentences of our own: reports of all the incidents told ("the lot", "all of
them", "everything"), counted reports whose days are not given ("a couple of times", "three
times"), reports aimed at one incident by its place ("the earlier one", "the first one"), a report
told in a later sentence or paragraph, diary and log lines each with their own report, bodies named
the way people name them, and community reporters counted from what the text says."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.document import SegmentKind
from nlp.incidents import AnalysedSegment, IncidentFinding, assemble_incidents
from nlp.parties import PartyText, decide_parties_for_texts
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))
TWO = "On 1 June they egged the car. On 3 June they kicked the door. "

Row = tuple[date | None, bool | None, date | None, tuple[str, ...]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


def rows(nlp: Language, text: str) -> list[Row]:
    doc = analyse(nlp, text, WEDNESDAY)
    found: list[IncidentFinding] = assemble_incidents(
        [AnalysedSegment(doc=doc, offset=0, recipient_agency="council")]
    )
    return [(i.start, i.reported, i.reported_on, tuple(sorted(i.agencies))) for i in found]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # collective: one statement, every incident told, on the day it gives
        ("I told 101 about the lot on the 6th.", [(d(1), True, d(6), ("police",))] * 1),
        (
            "I rang the police about all of them on the 6th, when I had finally had enough.",
            [(d(1), True, d(6), ("police",))],
        ),
        (
            "I emailed the council about every one of these on the 7th as my son was upset.",
            [(d(1), True, d(7), ("council",))],
        ),
        ("I rang the police about all of them.", [(d(1), True, None, ("police",))]),
        ("I have reported everything to the council.", [(d(1), True, None, ("council",))]),
        ("I reported all of it to the housing association.", [(d(1), True, None, ("housing",))]),
        ("Every incident has been reported to the police.", [(d(1), True, None, ("police",))]),
        # counted: reports of several incidents, their days not given
        ("I phoned them a couple of times, no idea of the dates.", [(d(1), True, None, ())]),
        ("I've complained to the council three times.", [(d(1), True, None, ("council",))]),
        ("I rang 101 several times.", [(d(1), True, None, ("police",))]),
        ("I've complained to environmental health twice.", [(d(1), True, None, ("council",))]),
    ],
)
def test_one_statement_reports_every_incident_told(
    nlp: Language, said: str, expected: list[Row]
) -> None:
    found = rows(nlp, TWO + said)
    first = expected[0]
    assert found == [first, (d(3), *first[1:])]


@pytest.mark.parametrize(
    ("said", "first", "second"),
    [
        (
            "The earlier one went to the council, the later one I never reported.",
            (True, None, ("council",)),
            (False, None, ()),
        ),
        (
            "I reported the first one to the police.",
            (True, None, ("police",)),
            (None, None, ()),
        ),
        (
            "The first time I rang 101, the second time I didn't report it.",
            (True, None, ("police",)),
            (False, None, ()),
        ),
        (
            "I only reported the last one, to the ASB team.",
            (None, None, ()),
            (True, None, ("council",)),
        ),
    ],
)
def test_a_report_aimed_at_one_incident_by_its_place(
    nlp: Language,
    said: str,
    first: tuple[bool | None, date | None, tuple[str, ...]],
    second: tuple[bool | None, date | None, tuple[str, ...]],
) -> None:
    assert rows(nlp, TWO + said) == [(d(1), *first), (d(3), *second)]


def test_one_incident_reported_more_than_once_is_not_every_incident(nlp: Language) -> None:
    found = rows(nlp, TWO + "I rang the police about it twice.")
    assert found == [(d(1), None, None, ()), (d(3), True, d(3), ("police",))]


def test_both_times_of_one_incident_reported_twice_is_not_both_incidents(nlp: Language) -> None:
    text = (
        "On 1 June they egged the car and I rang 101 straight away. "
        "On 3 June they kicked the door. I reported it twice, both times to the council, "
        "but I can't remember the dates."
    )
    assert rows(nlp, text) == [(d(1), True, d(1), ("police",)), (d(3), True, None, ("council",))]


def test_a_report_told_in_the_next_paragraph(nlp: Language) -> None:
    text = "On 2 June they kicked my door in.\n\nI reported it to the police the next day."
    assert rows(nlp, text) == [(d(2), True, d(3), ("police",))]


def test_a_report_told_after_another_sentence(nlp: Language) -> None:
    text = (
        "On 2 June they kicked my door in. My neighbour saw it all. "
        "I reported it to environmental health on the 4th."
    )
    assert rows(nlp, text) == [(d(2), True, d(4), ("council",))]


def test_each_line_of_a_log_takes_its_own_report(nlp: Language) -> None:
    text = (
        "Log:\n"
        "01/06 | shouting in car park 1am | emailed ASB team\n"
        "02/06 | bins set on fire | rang 101\n"
        "03/06 | music till 4am | not reported\n"
        "05/06 | GP appointment\n"
    )
    assert rows(nlp, text) == [
        (d(1), True, d(1), ("council",)),
        (d(2), True, d(2), ("police",)),
        (d(3), False, None, ()),
    ]


def test_each_item_of_a_list_takes_its_own_report(nlp: Language) -> None:
    text = (
        "- 2/6: lads kicking a ball at my window, told the PCSO\n"
        "- 4/6: my hospital appointment\n"
        "- 6/6: shouting outside till 2am, rang the council's noise team\n"
    )
    assert rows(nlp, text) == [
        (d(2), True, d(2), ("police",)),
        (d(6), True, d(6), ("council",)),
    ]


def test_the_last_field_of_a_dash_log_line_is_its_report(nlp: Language) -> None:
    text = (
        "Each line is date - what happened - who I told.\n"
        "- 01/06 - bins set on fire outside - police 101 that night\n"
        "- 03/06 - eggs at the front door - the council ASB team the next day\n"
        "- 05/06 - a brick through the shed window - didn't tell anyone\n"
    )
    assert rows(nlp, text) == [
        (d(1), True, d(1), ("police",)),
        (d(3), True, d(4), ("council",)),
        (d(5), False, None, ()),
    ]


def test_each_row_of_a_pipe_table_takes_its_own_report(nlp: Language) -> None:
    text = (
        "My diary, with who I told:\n"
        "| Date | What | Who I told |\n"
        "|------|------|------------|\n"
        "| 01/06/2026 | They threw eggs at my front door and laughed about it for ages | "
        "Police online form 02/06 |\n"
        "| 02/06/2026 | Quiet night for once | - |\n"
        "| 04/06/2026 | Shouting and swearing at my kids in the street outside our house | "
        "Sussex Police 101 on 05/06 |\n"
        "| 06/06/2026 | Music till 3am | not reported |\n"
    )
    assert rows(nlp, text) == [
        (d(1), True, d(2), ("police",)),
        (d(4), True, d(5), ("police",)),
        (d(6), False, None, ()),
    ]


def test_each_row_of_a_pasted_spreadsheet_takes_its_own_report(nlp: Language) -> None:
    text = (
        "Date\tWhat\tReported to\tWhen\tRef\n"
        "01/06/2026\tLads kicked my door and broke the letterbox\tPolice 101\t02/06/2026\t4421\n"
        "03/06/2026\tThey kicked my door again\tcouncil ASB team\t?\t-\n"
        "05/06/2026\tDentist\t\t\n"
    )
    assert rows(nlp, text) == [
        (d(1), True, d(2), ("police",)),
        (d(3), True, None, ("council",)),
    ]


@pytest.mark.parametrize(
    "last_cell",
    ["\t02/06/2026", " | 02/06 |", " - 02/06"],
)
def test_a_row_ending_in_its_report_date_keeps_the_next_row_its_own(
    nlp: Language, last_cell: str
) -> None:
    separator = "\t" if last_cell.startswith("\t") else (" | " if "|" in last_cell else " - ")
    lead = "| " if "|" in last_cell else ""
    text = (
        f"{lead}01/06/2026{separator}Lads kicked my door and broke the letterbox{separator}"
        f"Police 101{last_cell}\n"
        f"{lead}03/06/2026{separator}They kicked my door again{separator}not reported\n"
    )
    assert [(start, reported) for start, reported, _, _ in rows(nlp, text)] == [
        (d(1), True),
        (d(3), False),
    ]


@pytest.mark.parametrize(
    "field",
    ["nobody - thought it was a one off", "didnt bother", "not yet", "no one", "None"],
)
def test_a_log_field_saying_nobody_was_told_is_no_report(nlp: Language, field: str) -> None:
    text = (
        "01/06/2026 - they threw eggs at the front door - rang 101\n"
        f"03/06/2026 - music till 4am from next door - {field}\n"
    )
    assert rows(nlp, text) == [(d(1), True, d(1), ("police",)), (d(3), False, None, ())]


def test_nobody_inside_a_log_lines_behaviour_is_not_its_report_field(nlp: Language) -> None:
    text = "03/06/2026 - music till 4am, nobody could sleep - rang 101\n"
    assert rows(nlp, text) == [(d(3), True, d(3), ("police",))]


@pytest.mark.parametrize(
    "said",
    [
        "Me, the couple opposite and the man at 52 have all reported it to the police.",
        "My wife, the lady at 9 and the family upstairs had all reported it to the police.",
    ],
)
def test_listed_reporters_who_have_all_reported_are_not_a_report_of_the_last_incident(
    nlp: Language, said: str
) -> None:
    text = f"On 3 June they kicked my door, I didn't report it. {said}"
    assert rows(nlp, text) == [(d(3), False, None, ())]


@pytest.mark.parametrize(
    "reports",
    [
        "I reported the bin fire to the police on 2 June. The shed one I rang the council about "
        "on the 5th.",
        "The bin fire I reported to the police on 2 June. The shed I reported to the council on "
        "the 5th.",
        "As for reporting: I reported the bin fire to the police on 2 June. The shed fire I "
        "reported to the council on the 5th.",
    ],
)
def test_reports_that_name_their_incident_by_a_compound_or_told_first(
    nlp: Language, reports: str
) -> None:
    text = (
        "- On 1 June they set fire to our wheelie bin.\n"
        "- On 3 June they smashed the shed door and set fire to the shed.\n\n"
        f"{reports}"
    )
    assert rows(nlp, text) == [
        (d(1), True, d(2), ("police",)),
        (d(3), True, d(5), ("council",)),
    ]


def test_an_agency_inside_a_table_row_is_not_its_report_field(nlp: Language) -> None:
    text = "| 01/06/2026 | lads shouting at the police officer outside the shop | |\n"
    assert rows(nlp, text) == [(d(1), None, None, ())]


def test_an_agency_inside_a_log_line_is_not_its_report_field(nlp: Language) -> None:
    text = "- 01/06 - lads shouting at the police officer outside the shop\n"
    assert rows(nlp, text) == [(d(1), None, None, ())]


@pytest.mark.parametrize(
    "said",
    [
        "the first two I reported to the council the day after each one happened "
        "and the last one I never reported",
        "The first two I told the council about the day after each one, the last one I did not "
        "report.",
    ],
)
def test_reports_aimed_at_several_incidents_by_their_place(nlp: Language, said: str) -> None:
    text = (
        "On 1 June they threw bottles over the fence and on the 3rd they kicked the panels in "
        "and on the 5th they sprayed paint on my van. " + said
    )
    assert rows(nlp, text) == [
        (d(1), True, d(2), ("council",)),
        (d(3), True, d(4), ("council",)),
        (d(5), False, None, ()),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "They also smashed the porch light at some point, I reported it to the council the same "
        "day but I can't remember when.",
        "they also smashed the porch light at one point, told the council that night, no idea "
        "what date",
        "One night they smashed the porch light and I told the council the next day.",
    ],
)
def test_an_incident_with_no_day_keeps_its_own_report(nlp: Language, said: str) -> None:
    text = "On 2 June they egged the door. " + said
    assert rows(nlp, text) == [(d(2), None, None, ()), (None, True, None, ("council",))]


def test_who_reports_by_habit_is_not_a_report_of_the_last_incident(nlp: Language) -> None:
    text = (
        "On 3 June they burnt tyres on the green and I didn't tell anyone. "
        "My neighbour and I are the only ones who ever ring it in."
    )
    assert rows(nlp, text) == [(d(3), False, None, ())]


@pytest.mark.parametrize(
    ("told", "reported", "agencies"),
    [
        ("I told the school.", False, ("other",)),
        ("I told my MP.", False, ("other",)),
        ("I told the head teacher and the police.", True, ("other", "police")),
        ("I told a PCSO.", True, ("police",)),
        ("I told the ASB team.", True, ("council",)),
        ("I reported it to environmental health.", True, ("council",)),
        ("I reported it to the community protection team.", True, ("council",)),
        ("I reported it to Greenfields Housing Association.", True, ("housing",)),
        ("I reported it to Riverside.", True, ("housing",)),
        ("I told the residents' association.", False, ("other",)),
        # numbers said in words, as voice-to-text writes them
        ("I rang one oh one that night.", True, ("police",)),
        ("I had to ring nine nine nine.", True, ("police",)),
        ("I reported it on the noise app that night.", True, ("council",)),
        ("I reported it to the dog warden.", True, ("council",)),
    ],
)
def test_bodies_named_the_way_people_name_them(
    nlp: Language, told: str, reported: bool, agencies: tuple[str, ...]
) -> None:
    (found,) = rows(nlp, "On 2 June they threw stones at my windows. " + told)
    assert (found[1], found[3]) == (reported, agencies)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Four households have complained about it.", 4),
        ("Me and 3 neighbours have all reported it.", 4),
        ("My neighbour and I have both reported it.", 2),
        ("Three of us have complained to the council.", 3),
        ("Six different residents have rung 101 about the same car.", 6),
        ("I have reported it a couple of times.", None),
        ("Me and the lady at number 4 are the only two who ever ring it in.", 2),
        ("We are the only three households that have complained.", 3),
        ("My neighbour Mr Shah at number 12 saw it and reported it as well.", 2),
        ("My neighbour across the road complained about it too.", 2),
        ("My neighbour saw it too.", None),
    ],
)
def test_community_reporters_counted_from_the_text(text: str, count: int | None) -> None:
    parties = decide_parties_for_texts([PartyText(text, SegmentKind.BODY, 0)], sender=None)
    assert parties.community_reporters == count


@pytest.mark.parametrize(
    "said",
    [
        # mail hard-wrapped at about 72 characters: the body is on the next line
        "On 3 June they kicked the door, and the damage was still there in the morning. "
        "I rang the\n"
        "council's anti-social behaviour team about it on the 5th.",
        "On 3 June they kicked the door, and the damage was still there in the morning. "
        "I emailed\r\n"
        "Environmental Health about it on the 5th.",
    ],
)
def test_a_wrapped_line_does_not_cut_the_body_off_its_report(nlp: Language, said: str) -> None:
    assert rows(nlp, said) == [(d(3), True, d(5), ("council",))]


def test_a_list_line_still_ends_the_report_clause(nlp: Language) -> None:
    # the body on the next line belongs to the next item, not to this report
    said = "- 3/6: they kicked the door in, I rang the\n- 4/6: police came about the cars"
    found = rows(nlp, said)
    assert found[0][3] != ("police",)


def test_a_report_word_pointed_at_as_a_thing_is_no_report(nlp: Language) -> None:
    said = "On 3 June they kicked the door. Please pass this email to the police if it helps."
    assert rows(nlp, said) == [(d(3), None, None, ())]


@pytest.mark.parametrize(
    "said",
    [
        "On 3 June they kicked the door. I told the council, couldn't tell you what day it was.",
        "On 3 June they kicked the door. She phoned the council, wasn't sure which day she rang.",
        "On 3 June they kicked the door. He reported it to the council, he cannot recall when.",
        "On 3 June they kicked the door and I rang the council, don't know exactly what date.",
        "On 3 June they kicked the door. She told the council but cannot recall on what day.",
    ],
)
def test_a_report_whose_day_the_writer_does_not_know_has_no_day(nlp: Language, said: str) -> None:
    assert rows(nlp, said) == [(d(3), True, None, ("council",))]


def test_not_the_day_it_happened_is_no_unknown_day(nlp: Language) -> None:
    said = "On 3 June they kicked the door. I rang the council on the 5th, not the day it happened."
    assert rows(nlp, said) == [(d(3), True, d(5), ("council",))]


@pytest.mark.parametrize(
    ("said", "writer", "expected"),
    [
        # an officer writing for her body: "to us" is that body
        (
            "On 3 June her fence was kicked in. She reported it to us on the 4th.",
            "housing",
            "housing",
        ),
        ("On 3 June his door was egged. He reported this to us next day.", "housing", "housing"),
        # a resident's "us" names nobody
        ("On 3 June our fence was kicked in. Our son reported it to us on the 4th.", None, None),
    ],
)
def test_to_us_is_the_body_the_writer_works_for(
    nlp: Language, said: str, writer: str | None, expected: str | None
) -> None:
    doc = analyse(nlp, said, WEDNESDAY)
    found = assemble_incidents(
        [AnalysedSegment(doc=doc, offset=0, recipient_agency="council", writer_agency=writer)]
    )
    assert found[0].start == d(3)
    assert tuple(sorted(found[0].agencies)) == ((expected,) if expected else ())


def test_a_collective_report_leaves_out_the_incident_named_as_its_exception(
    nlp: Language,
) -> None:
    said = (
        "On 1 June they sprayed paint on the van. On 3 June they threw bottles at the door. "
        "I reported every one to the police except the paint, which I didn't bother with."
    )
    assert rows(nlp, said) == [(d(1), None, None, ()), (d(3), True, None, ("police",))]


# Two incidents told in one sentence, each with a thing of its own to be named by.
PAIR = "On 1 June they sprayed paint on my van and on 4 June they snapped the wing mirror off. "


@pytest.mark.parametrize(
    ("said", "first", "second"),
    [
        # the verb told once, each item its own body and day
        (
            "I reported the van to the police on the 2nd, "
            "and the mirror to the council on the 8th.",
            (True, d(2), ("police",)),
            (True, d(8), ("council",)),
        ),
        (
            "I reported the mirror to the council the same day and the van to 101 on the 5th.",
            (True, d(5), ("police",)),
            (True, d(4), ("council",)),
        ),
        # one item only: the thing it names says which incident
        (
            "I told the ASB team about the mirror on the 9th.",
            (None, None, ()),
            (True, d(9), ("council",)),
        ),
        (
            "I reported the paint to the police on the 3rd.",
            (True, d(3), ("police",)),
            (None, None, ()),
        ),
        # a negated item
        (
            "I reported the van to the police on the 2nd. I never reported the mirror to anyone.",
            (True, d(2), ("police",)),
            (False, None, ()),
        ),
    ],
)
def test_a_report_that_names_what_it_reports(
    nlp: Language,
    said: str,
    first: tuple[bool | None, date | None, tuple[str, ...]],
    second: tuple[bool | None, date | None, tuple[str, ...]],
) -> None:
    assert rows(nlp, PAIR + said) == [(d(1), *first), (d(4), *second)]


def test_a_thing_both_incidents_share_names_neither(nlp: Language) -> None:
    said = (
        "On 1 June they kicked my car and on 4 June they keyed my car. "
        "I reported the car to the police on the 5th."
    )
    found = rows(nlp, said)
    assert [f[0] for f in found] == [d(1), d(4)]  # the 5th is a report's day either way
