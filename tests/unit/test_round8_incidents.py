"""Round eight of issue 7: which dated events are incidents. Sentences of our own, each cause
with near-misses that must not change:

- a background word ("since", "between", "moved in") scopes no date past a comma: "we've lived
  here since they moved in, on the 3rd they kicked the door" tells an incident on the 3rd;
- a numeric date with spaces ("30 09 2025") stays a date before a bracketed aside in words, and
  after a table header line ending in "Ref";
- a line longer than any mail wraps at is typed as it stands: its line break ends a report's
  clause ("didnt ring anyone\\nthe 12th ..."); a line headed by a named day and a dash is a
  diary line; a date ending one line and the next line's date are not one day named twice;
  and of two phrases in apposition the single day inside the other's period says which.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Friday 20 November 2026


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _days(nlp: Language, text: str, chat: bool = False) -> list[date | None]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents(
        [AnalysedSegment(doc=doc, offset=0, recipient_agency=None, chat=chat)]
    )
    return [i.start for i in found]


def _reports(nlp: Language, text: str) -> list[tuple[date | None, bool | None]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported) for i in found]


# -- a background word scopes no date past a comma ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we have been in this house since 2012 and had no trouble till the new lot moved in, "
        "on the 3rd they kicked our front door and ran off",
        "Things were calmer for a while. In between, on Tuesday 3 November, he tipped our "
        "recycling all over the drive.",
        "it went quiet from the summer until they came back, on the 3rd they were kicking "
        "the door again",
    ],
)
def test_background_word_before_a_comma_leaves_the_next_date(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == [date(2026, 11, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "They have kicked the door every night since 3 November.",
        "He has been shouting at us from the 3rd, and it has not stopped.",
        "They moved in on 3 November and have been nothing but trouble.",
    ],
)
def test_background_word_right_before_the_date_still_sets_it_aside(
    nlp: Language, text: str
) -> None:
    assert date(2026, 11, 3) not in _days(nlp, text)


# -- numeric dates with spaces -----------------------------------------------------------------


def test_spaced_date_before_an_aside_in_words(nlp: Language) -> None:
    text = "- 30 09 2025 (the year before this one) they smashed the porch glass, rang the police"
    assert _days(nlp, text) == [date(2025, 9, 30)]


def test_spaced_date_under_a_header_ending_in_ref(nlp: Language) -> None:
    text = "When\tWhat\tTold\tRef\n30 09 2025\tPorch glass smashed by them\tpolice\tnone\n"
    assert _days(nlp, text) == [date(2025, 9, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "They threw a bottle at the car, my ref 30 09 2025 for it",
        "Call me on 0161 (30 09 2025) if they start again",
    ],
)
def test_spaced_numbers_after_ref_or_in_a_phone_number_are_not_dates(
    nlp: Language, text: str
) -> None:
    assert date(2025, 9, 30) not in _days(nlp, text)


# -- line breaks, diary lines and apposition ----------------------------------------------


def test_long_typed_line_ends_a_report_clause(nlp: Language) -> None:
    text = (
        "last halloween they threw flour and eggs all over the front of the house and the car. "
        "didnt report it\n"
        "the 12th i was out at work all day and when i got back my shed had been broken into, "
        "i rang the police when i got home\n"
    )
    assert _reports(nlp, text) == [(date(2026, 10, 31), False), (date(2026, 11, 12), True)]


def test_wrapped_mail_line_still_runs_on(nlp: Language) -> None:
    # a line of 60-90 characters wrapped mid-sentence: "on\nthe 12th" is one date in one clause
    text = (
        "On 9 November they kicked my gate in and shouted at me, I rang the police on\n"
        "the 12th about it when I had calmed down.\n"
    )
    assert _days(nlp, text) == [date(2026, 11, 9)]


def test_named_day_heads_a_diary_line(nlp: Language) -> None:
    text = (
        "This year:\n"
        "New Years Eve - bangers set off at my door at 2am, rang the police that night\n"
        "Easter Monday - they pulled my fence panels down. I told the council on 14 April\n"
        "Aug. 9 - party in the lane till 5am\n"
    )
    assert _days(nlp, text) == [date(2025, 12, 31), date(2026, 4, 6), date(2026, 8, 9)]


def test_single_day_inside_a_period_says_which(nlp: Language) -> None:
    text = "Last year on Christmas Eve they put a bin through my fence. I rang 101 that night."
    assert _days(nlp, text) == [date(2025, 12, 24)]


def test_same_day_twice_in_apposition_is_one_incident(nlp: Language) -> None:
    text = "On Monday, 16 November they smashed the porch light. I rang the police."
    assert _days(nlp, text) == [date(2026, 11, 16)]


# -- the future in words said, or in the reader's remembering ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on bonfire night he come to the door drunk kicking it and saying hes going to burn "
        "the place down and hed stab me I rang the police",
        "You'll remember bonfire night when they put the front windows through. I rang 999.",
        "on bonfire night she come round screaming through the letterbox that she will get me "
        "I rang the police that night",
    ],
)
def test_future_said_or_remembered_is_not_the_days_tense(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == [date(2026, 11, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "My sister is coming to stay for bonfire night and I am dreading it.",
        "We are going to my mum's for bonfire night, she said.",
    ],
)
def test_a_day_still_to_come_stays_aside(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == []


# -- a weekday named as a kind of day, and "every single" --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wednesday is her swimming day so she's out, it's worst at weekends when they gather.",
        "Thursday's bin day and they always kick ours over.",
        "Our recycling day is Thursday and every single Thursday night the bins go in the road.",
    ],
)
def test_weekday_as_a_kind_of_day_is_not_an_incident(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == []


def test_weekday_with_behaviour_is_still_an_incident(nlp: Language) -> None:
    text = "Wednesday they kicked our bins over and shouted at my wife. I rang 101."
    assert _days(nlp, text) == [date(2026, 11, 18)]


# -- what is told of the day ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I was in for my hip op on 3 November so I missed a few nights, my wife says they were "
        "quieter then.",
        "He signed the consent form on 3 November so you can talk to the police.",
        "My husband died on 3 November and since then I've been on my own, and they seem to "
        "know it.",
    ],
)
def test_own_life_events_are_not_incidents(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # behaviour in another conjunct of the date's clause still tells an incident
        "My dad's funeral was on 3 November and they had music blaring all afternoon.",
        # "Co-op" names a shop, not an operation
        "On 3 November he followed my son home from the Co-op and threatened him.",
    ],
)
def test_behaviour_beside_a_life_event_stays_an_incident(nlp: Language, text: str) -> None:
    assert _days(nlp, text) == [date(2026, 11, 3)]


def test_met_the_landlord_is_a_visit(nlp: Language) -> None:
    text = (
        "On 4 November they kicked my gate. For what it's worth I met my landlord on 10 November."
    )
    assert _days(nlp, text) == [date(2026, 11, 4)]


def test_nothing_done_that_day(nlp: Language) -> None:
    text = (
        "last Monday they were banging on her windows at night, we had the family round for "
        "her birthday on the 12th and the lads sat on the wall laughing but they didn't do "
        "anything that day, then yesterday they egged her door"
    )
    assert _days(nlp, text) == [date(2026, 11, 16), date(2026, 11, 19)]


def test_next_day_counts_only_what_its_own_stretch_tells(nlp: Language) -> None:
    text = (
        "last Monday they were knocking on her door at night, she rang the police that night "
        "and they sent someone round the next day, on the 18th the lads threw eggs at her door"
    )
    assert _days(nlp, text) == [date(2026, 11, 16), date(2026, 11, 18)]


def test_rave_is_behaviour(nlp: Language) -> None:
    text = "On the 14th an illegal rave was held on the field. I rang the police at 2am."
    assert _days(nlp, text) == [date(2026, 11, 14)]


# -- a report told just after, of "that day" -----------------------------------------------


def test_report_of_that_day_told_after_makes_the_date_an_incident(nlp: Language) -> None:
    text = (
        "On Sunday 15 November a quad bike came across the green and only just missed my "
        "grandson. He was shaking for an hour. I rang 101 the same day."
    )
    assert _reports(nlp, text) == [(date(2026, 11, 15), True)]


@pytest.mark.parametrize(
    "text",
    [
        # a new paragraph tells of something else
        "On Sunday 15 November we went to my sister's for lunch.\n\n"
        "They kicked the gate in that night and I rang 101 the same day.",
        # no report: the day is only an outing
        "On Sunday 15 November we went to my sister's for lunch. It was lovely.",
    ],
)
def test_no_report_of_that_day_leaves_the_date_aside(nlp: Language, text: str) -> None:
    assert date(2026, 11, 15) not in _days(nlp, text)
