"""Round six of issue 7: an undated occurrence told as "there was also a time" or "before also
he ...", a reported occurrence with no day told in the passive ("cars were parked across her
path and she reported that, but cannot recall the date"), and a day pinned to what was just told
in second-language English ("This happen on Wednesday"). Sentences of our own, with controls
that must not change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # Wednesday 2 December 2026
NOV_19 = date(2026, 11, 19)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _rows(nlp: Language, text: str) -> list[tuple[date | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, tuple(sorted(i.agencies))) for i in found]


DATED = "On 19 November they were banging on her ceiling for hours. She rang the police that day.\n"


@pytest.mark.parametrize(
    "text",
    [
        "There was also a time her washing was pulled off the line and cut up. She reported it "
        "to the police but cannot remember when.",
        "There was another time her car tyres were slashed, she told the police, not sure when.",
        "there was also one time they smashed her front window, she rang the police",
        "There is also the time he kicked her door in and she phoned the police about it.",
        "Also one time they threw eggs at her window and she called the police.",
        "there was one time the lads spat at her on the stairs - she told the police",
    ],
)
def test_another_time_is_an_occurrence_with_no_date(nlp: Language, text: str) -> None:
    assert _rows(nlp, DATED + text) == [(NOV_19, ("police",)), (None, ("police",))]


@pytest.mark.parametrize(
    "text",
    [
        "She also tells me cars were parked across her path with engines running and she "
        "reported that to the police, but she cannot recall the date of that one.",
        "Her bins were torched and she reported it to the police, no idea when.",
        "Her garden gate was kicked off its hinges and she rang the police but cant remember "
        "what day that was.",
        "her car got scratched down one side, she told the police but isnt sure of the date",
    ],
)
def test_reported_passive_occurrence_with_unknown_day(nlp: Language, text: str) -> None:
    assert _rows(nlp, DATED + text) == [(NOV_19, ("police",)), (None, ("police",))]


@pytest.mark.parametrize(
    "text",
    [
        # the report of the dated incident, its day not known: no second incident
        "She reported it to the police but cannot remember when.",
        "She was very upset and reported it to the police, not sure when.",
        # nothing reported: the passive alone is no new incident
        "There was a lot of noise, not sure when it stopped.",
    ],
)
def test_report_day_unknown_controls(nlp: Language, text: str) -> None:
    rows = _rows(nlp, DATED + text)
    assert rows[0][0] == NOV_19
    assert len(rows) == 1, rows


@pytest.mark.parametrize(
    "text",
    [
        "Man upstairs he shout at me and my son. This happen on Wednesday.",
        "The man upstairs he swear at me. It happen on Wednesday when I take my son to school.",
        "He throw stone at my window. This happened on Wednesday.",
        "neighbour kick my door. that happend on wednesday",
        "They shout at my wife in the street. It was on Wednesday.",
    ],
)
def test_day_pinned_to_what_was_just_told(nlp: Language, text: str) -> None:
    assert [r[0] for r in _rows(nlp, text)] == [date(2026, 11, 25)]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting happen on Wednesday.",
        "My appointment was on Wednesday.",
    ],
)
def test_day_of_something_else_is_no_incident(nlp: Language, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Before also he put rubbish bag at my door but this I not report.",
        "before that he dumped rubbish at my door, never reported it",
        "Before this they spat at my son on the stairs.",
    ],
)
def test_before_also_is_an_occurrence_with_no_date(nlp: Language, text: str) -> None:
    assert _rows(nlp, text) == [(None, ())]


def test_before_that_with_nothing_done_is_no_incident(nlp: Language) -> None:
    assert _rows(nlp, "Before that the street was quiet and we were happy here.") == []


@pytest.mark.parametrize(
    "text",
    [
        "He has also written to this office twice about the matter, in July and again in "
        "September.",
        "She wrote to her MP in August about it.",
        "I have been writing to the council since June.",
        "Mr Hope has written to the housing association in October and November.",
        "My daughter wrote to the MP on 3 September asking for help.",
        "We have written to our councillor in July, nothing back.",
    ],
)
def test_writing_to_someone_is_no_incident(nlp: Language, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        'On Monday they had written "scum" on my door.',
        "On 3 November they wrote abuse on my car in marker pen.",
        "they wrote on my fence on the 1st",
    ],
)
def test_writing_on_something_is_still_an_incident(nlp: Language, text: str) -> None:
    assert len(_rows(nlp, text)) == 1


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        (
            "Sun 01/11 - bottle thrown at my car as I parked. 101 again, they said they would "
            "pass it on",
            "police",
        ),
        ("01/11 - eggs at the window. 101.", "police"),
        ("Sun 01/11 - lads on the wall shouting; council emailed", "council"),
        ("01/11/2026 - stones thrown at the door. Police informed", "police"),
        ("1/11 - car keyed. Police again, got a ref", "police"),
        ("Sun 01/11 - fireworks at the window. ASB team told", "council"),
    ],
)
def test_log_line_sentence_starting_with_an_agency_is_its_report(
    nlp: Language, line: str, agency: str
) -> None:
    assert _rows(nlp, line) == [(date(2026, 11, 1), (agency,))]


@pytest.mark.parametrize(
    "line",
    [
        "01/11 - eggs at the window. Police are useless round here",
        "01/11 - eggs at the window. The council never does anything",
        "01/11 - eggs at the window. Police have been out before for other things",
    ],
)
def test_log_line_sentence_about_an_agency_is_no_report(nlp: Language, line: str) -> None:
    assert _rows(nlp, line) == [(date(2026, 11, 1), ())]


CHAT_BEFORE = (
    "on saturday they were calling me names at the bus stop. I went home and rang 101 and told "
    "them all about it.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "on the 29th they threw stones at my window. I told the council about that one on the 2nd.",
        "on the 29th they threw stones at my window. I told the council about it on the 2nd when "
        "I went in.",
        "on the 29th they threw stones at my window. I rang the council about that on the 2nd "
        "when I got back.",
        "on the 29th they threw stones at my window. I emailed the council about this one on the "
        "2nd as well.",
    ],
)
def test_report_about_that_one_goes_to_the_incident_just_told(nlp: Language, text: str) -> None:
    rows = _rows(nlp, CHAT_BEFORE + text)
    assert (date(2026, 11, 29), ("council",)) in rows, rows


NOW_REFERENCE = datetime(2026, 12, 4, 22, 10, tzinfo=UTC)


def _now_rows(nlp: Language, text: str) -> list[date | None]:
    doc = analyse(nlp, text, NOW_REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [i.start for i in found]


@pytest.mark.parametrize(
    "text",
    [
        "As I'm typing this there are lads outside his flat kicking his door. He's on the phone "
        "to 999 now.",
        "there are kids outside right now throwing stones at the window, I'm ringing 999",
        "There is a gang at her door now trying to get in, she has called 999.",
        "There are youths in the garden as we speak smashing the fence, I've rung 999.",
    ],
)
def test_there_are_lads_at_the_door_now_is_an_incident_today(nlp: Language, text: str) -> None:
    assert date(2026, 12, 4) in _now_rows(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "There are lads who hang about outside most nights.",
        "there are some nice neighbours on the street too",
    ],
)
def test_there_are_people_without_danger_is_no_incident(nlp: Language, text: str) -> None:
    assert _now_rows(nlp, text) == []


def _log_rows(
    nlp: Language, text: str, writer: str | None = "housing"
) -> list[tuple[date | None, date | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    part = AnalysedSegment(doc=doc, offset=0, recipient_agency=None, writer_agency=writer)
    found = assemble_incidents([part])
    return [(i.start, i.reported_on, tuple(sorted(i.agencies))) for i in found]


@pytest.mark.parametrize(
    "log",
    [
        "Contact date | Type | Note\n"
        "09/10/2026 | Phone in | T reports loud music and shouting until 4am on 08/10/2026.\n"
        "02/11/2026 | Home visit | T reports occupant spat at her on the stairs Sat 31/10/2026.",
        "09/10/2026\tPhone call\tTenant reported loud music from flat 6 on 08/10/2026\n"
        "02/11/2026\tVisit\tTenant reported being spat at on the stairs 31/10/2026",
        "09/10/26 | Call | Resident reports party and shouting till 4am on 08/10/26\n"
        "02/11/26 | Visit | Resident reports neighbour spat at her on 31/10/26",
        "| 09/10/2026 | Phone | Mrs P complained of loud music 08/10/2026 |\n"
        "| 02/11/2026 | Visit | Mrs P complained she was spat at 31/10/2026 |",
        "09.10.2026 | Email in | Customer reported shouting and banging on 08.10.2026\n"
        "02.11.2026 | Home visit | Customer reported being spat at 31.10.2026",
    ],
)
def test_case_log_row_is_the_report_of_the_day_its_note_names(nlp: Language, log: str) -> None:
    assert _log_rows(nlp, log) == [
        (date(2026, 10, 8), date(2026, 10, 9), ("housing",)),
        (date(2026, 10, 31), date(2026, 11, 2), ("housing",)),
    ]


def test_case_log_note_naming_the_police_keeps_them(nlp: Language) -> None:
    log = (
        "24/11/2026 | Phone in | T reports front door kicked 23/11/2026 approx 23:30. Police "
        "attended same night."
    )
    assert _log_rows(nlp, log) == [(date(2026, 11, 23), date(2026, 11, 23), ("housing", "police"))]


@pytest.mark.parametrize(
    ("log", "want"),
    [
        # a diary: the row's own day is the incident, a later cell the report
        (
            "Sat 07/11/2026 | Party till 4am, shouting | rang police 08/11/2026",
            [(date(2026, 11, 7), date(2026, 11, 8), ("police",))],
        ),
        (
            "07/11/2026\tEggs thrown at the window\treported to housing 09/11",
            [(date(2026, 11, 7), date(2026, 11, 9), ("housing",))],
        ),
        # letters and reviews in a log are no incident, whatever their note
        ("16/10/2026 | Letter out | Tenancy warning letter sent to flat 6.", []),
    ],
)
def test_diary_rows_unchanged(
    nlp: Language, log: str, want: list[tuple[date, date, tuple[str, ...]]]
) -> None:
    assert _log_rows(nlp, log) == want


@pytest.mark.parametrize(
    "text",
    [
        "On 20 November they set her bin on fire. She did ring someone about it the next morning "
        "but she cant remember if it was the police or the council.",
        "On 20 November they set her bin on fire. She rang someone the next morning, might have "
        "been the police or the council.",
        "On 20 November they set her bin on fire. mum called somebody about it next morning, not "
        "sure if it was police or council",
        "On 20 November they set her bin on fire. She phoned someone about it the next day.",
    ],
)
def test_rang_someone_about_it_is_a_report_to_a_body_not_known(nlp: Language, text: str) -> None:
    assert _log_rows(nlp, text, None) == [(date(2026, 11, 20), date(2026, 11, 21), ())]


@pytest.mark.parametrize(
    "text",
    [
        "On 20 November they set her bin on fire. I rang someone to come and fix the fence.",
        "On 20 November they set her bin on fire. She rang somebody at the council the next day.",
    ],
)
def test_rang_someone_controls(nlp: Language, text: str) -> None:
    rows = _log_rows(nlp, text, None)
    if "council" in text:
        assert rows == [(date(2026, 11, 20), date(2026, 11, 21), ("council",))]
    else:
        assert rows == [(date(2026, 11, 20), None, ())]


@pytest.mark.parametrize(
    "text",
    [
        "She had her flu jab on 16 November and nothing happened that day.",
        "He had his covid booster on 16 November so there were visitors.",
        "Her vaccination was on 16 November at the surgery.",
        "On 16 November she went for a blood test.",
    ],
)
def test_jabs_and_tests_are_a_medical_matter(nlp: Language, text: str) -> None:
    assert _rows(nlp, text) == []


DIARY = (
    "31/08/2026 - stones thrown at her front room window, crack in the pane. Not reported.\n"
    "14/09/2026 - eggs at the door. Reported to the council that afternoon.\n"
    "08/10/2026 - children banging on the window at 11pm. Not reported yet.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "I did eventually ring Kent Police about the window on 1 October.",
        "I finally reported the window to the police on 1 October.",
        "I told the police about the window on 1 October when I rang about something else.",
    ],
)
def test_report_names_no_incident_begun_after_it(nlp: Language, text: str) -> None:
    rows = _log_rows(nlp, DIARY + text, None)
    assert rows[0] == (date(2026, 8, 31), date(2026, 10, 1), ("police",)), rows
    assert len(rows) == 3, rows


@pytest.mark.parametrize(
    "text",
    [
        "On 20 November someone set fire to my car. I rang 999. Mr Patel opposite and Derek at "
        "number 9 both rang 999 as well.",
        "On 20 November someone set fire to my car. I rang 999. My neighbour and her husband "
        "both called the police too.",
        "On 20 November someone set fire to my car and I rang 999. Mrs Ali and her son both rang "
        "101 as well.",
        "On 20 November someone set fire to my car. I rang 999, and the neighbours both rang too.",
        "On 20 November someone set fire to my car. I called the police. Two neighbours each "
        "rang 999 as well.",
    ],
)
def test_other_people_both_reporting_keeps_the_day(nlp: Language, text: str) -> None:
    assert _log_rows(nlp, text, None) == [(date(2026, 11, 20), date(2026, 11, 20), ("police",))]


def test_both_incidents_reported_is_still_collective(nlp: Language) -> None:
    text = (
        "On 20 November they threw eggs at the window. On 24 November they slashed my tyres. "
        "I reported both to the police."
    )
    assert [r[1] for r in _log_rows(nlp, text, None)] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "On 20 November they were banging on the windows, I did report it to the police but I "
        "cant remember if I rang on the Monday or the Tuesday.",
        "On 20 November they were banging on the windows. She reported it to the police, she "
        "can't remember whether she rang on Saturday or Sunday.",
        "on 20 november they kicked the door in, told the police but not sure if we called on "
        "the 21st or the 22nd",
        "On 20 November they were banging on the windows. Mum phoned the police, she doesnt "
        "know if she rang them on Monday or Tuesday.",
    ],
)
def test_report_day_unsure_between_two_days(nlp: Language, text: str) -> None:
    assert _log_rows(nlp, text, None) == [(date(2026, 11, 20), None, ("police",))]


@pytest.mark.parametrize(
    "text",
    [
        # an incident on one of two days is still an incident
        "They threw eggs on Monday or Tuesday, I'm not sure which.",
        # a report whose day is given, with something else unsure
        "On 20 November they were banging on the windows and I rang the police on the 21st, not "
        "sure if they came or not.",
    ],
)
def test_report_day_unsure_controls(nlp: Language, text: str) -> None:
    rows = _log_rows(nlp, text, None)
    assert rows, rows
    if "21st" in text:
        assert rows == [(date(2026, 11, 20), date(2026, 11, 21), ("police",))]


@pytest.mark.parametrize(
    "text",
    [
        "Last night they threw half a brick at my porch window. I've reported it already.",
        "last night they kicked my door in, already reported it",
        "Last night they smashed the porch light. She has already rang it in.",
        "Last night they threw eggs at the window - reported already.",
    ],
)
def test_reported_already_says_no_day(nlp: Language, text: str) -> None:
    rows = _log_rows(nlp, text, None)
    assert [(r[0], r[1]) for r in rows] == [(date(2026, 12, 1), None)]


@pytest.mark.parametrize(
    "text",
    [
        "On 10 November they put a brick through my window, rang police that night. And in "
        "October they set fire to my bin, reported that 1 as well but cant remember when.",
        "On 10 November they put a brick through my window and I rang the police. In October they "
        "set fire to my bin, I reported it too, no idea when.",
        "On 10 November they put a brick through my window, I told the police. In October they "
        "slashed my tyres and I reported that as well but I dont know what day.",
    ],
)
def test_reported_as_well_is_to_the_same_body(nlp: Language, text: str) -> None:
    rows = _log_rows(nlp, text, None)
    assert rows[0] == (date(2026, 10, 1), None, ("police",)), rows


def test_reported_as_well_with_no_body_before_stays_unknown(nlp: Language) -> None:
    text = "In October they set fire to my bin, I reported that as well but cant remember when."
    assert _log_rows(nlp, text, None) == [(date(2026, 10, 1), None, ())]


@pytest.mark.parametrize(
    "text",
    [
        "When they smashed my window on 4 August I rang 101. I want a proper complaint made "
        "about the both of them.",
        "On 4 August they smashed my window and I rang 101 that night. I want a complaint "
        "against both of them.",
        "They smashed my window on 4 August, I rang 101. Mum wants a formal complaint about all "
        "of them.",
        "On 4 August they smashed my window, rang 101 straight away. I'd like a report on each "
        "of them.",
    ],
)
def test_complaint_wished_for_is_no_report(nlp: Language, text: str) -> None:
    assert _log_rows(nlp, text, None) == [(date(2026, 8, 4), date(2026, 8, 4), ("police",))]


def test_complaint_made_is_still_a_report(nlp: Language) -> None:
    text = "On 4 August they smashed my window. I made a complaint to the council on 6 August."
    assert _log_rows(nlp, text, None) == [(date(2026, 8, 4), date(2026, 8, 6), ("council",))]
