"""Dates as news and people tell them: a weekday with its day and month read in the year where
they agree nearest the reference day, days a clause puts ahead ("will", "is due to", "until" in
the present, "closes on"), days counted back from another ("the previous evening"), more British
occasions (VE Day, St George's Day), and words that only look like a day ("Carla Munday", "an
ordinary Saturday", "the Christmas market"). Sentences of our own, in Europe/London."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp.dates import DateAnchor, DateMention, find_dates

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)  # Sunday 6 December 2026
WEDNESDAY = datetime(2026, 12, 2, 19, 30, tzinfo=LONDON)  # Wednesday 2 December 2026
SPRING = datetime(2026, 3, 10, 9, 0, tzinfo=LONDON)  # Tuesday 10 March 2026


def one_day(text: str, reference: datetime = SUNDAY) -> str | None:
    """The day of the one date mention in ``text`` (None when it finds none)."""
    mentions = find_dates(text, reference)
    if not mentions:
        return None
    assert len(mentions) == 1, [(m.text, m.explanation) for m in mentions]
    m = mentions[0]
    assert m.start_date is not None and m.start_date == m.end_date, m
    return m.start_date.isoformat()


# A weekday with a day and month: the year where they agree nearest the reference day.
AGREEING = [
    (SUNDAY, "The Christmas market returns on Saturday 12 December.", "2026-12-12"),
    (SUNDAY, "Roadworks start Monday 14 December on Beck Road.", "2026-12-14"),
    (SUNDAY, "hearing is fri 11th dec at the mags", "2026-12-11"),
    (SUNDAY, "Dear Sir, I write regarding Friday, 11 December.", "2026-12-11"),
    (WEDNESDAY, "The new rota begins Monday 4 January.", "2027-01-04"),
    # controls: the agreeing day is past, as before
    (SUNDAY, "On Tuesday 1 December they smashed the window.", "2026-12-01"),
    (SUNDAY, "they were at it again sat 28th nov till 3am", "2026-11-28"),
    (SUNDAY, "Friday 6 November was the worst night.", "2026-11-06"),
    (SUNDAY, "On Thursday 3rd December 2026 he kicked the door.", "2026-12-03"),
    # the nearest agreeing year may be years back: 5 December was last a Monday in 2022
    (SUNDAY, "On Monday 5 December the bins went up in flames.", "2022-12-05"),
]


@pytest.mark.parametrize(("reference", "text", "day"), AGREEING)
def test_weekday_day_month_nearest_agreeing_year(reference: datetime, text: str, day: str) -> None:
    assert one_day(text, reference) == day


# Days the clause puts ahead, and the same words told of the past.
TOLD_AHEAD = [
    (SUNDAY, "The memorial bench will be unveiled on Wednesday.", "2026-12-09"),
    (SUNDAY, "I'll ring the council on Tuesday about the fence.", "2026-12-08"),
    (SUNDAY, "We'll see the housing officer on Friday", "2026-12-11"),
    (SUNDAY, "He is due to be sentenced on 24 January.", "2027-01-24"),
    (SUNDAY, "The hearing is set for 18 January at Ulverby.", "2027-01-18"),
    (SUNDAY, "Nobody may enter the flat until 30 April.", "2027-04-30"),
    (SUNDAY, "He has been bailed until 14 January.", "2027-01-14"),
    (SUNDAY, "The consultation closes on 12 January.", "2027-01-12"),
    (SUNDAY, "Police put a dispersal order in place ahead of New Year's Eve.", "2026-12-31"),
    (SUNDAY, "they r gonna have a party on the 19th", "2026-12-19"),
    (SPRING, "His trial starts on 2 April.", "2026-04-02"),
    (SUNDAY, "They're coming back this coming Friday.", "2026-12-11"),
    (SUNDAY, "The court date is Friday coming.", "2026-12-11"),
    (SUNDAY, "My CPN is coming on Monday and she said to ring you.", "2026-12-07"),
    (SPRING, "The order runs until the Easter bank holiday.", "2026-04-06"),
]


@pytest.mark.parametrize(("reference", "text", "day"), TOLD_AHEAD)
def test_day_told_as_still_to_come(reference: datetime, text: str, day: str) -> None:
    assert one_day(text, reference) == day


TOLD_PAST = [
    (SUNDAY, "I will never forget what they did on Friday.", "2026-12-04"),
    (SUNDAY, "They said they would be back, and on Tuesday they were.", "2026-12-01"),
    (SUNDAY, "He was bailed until 24 September.", "2026-09-24"),
    (SUNDAY, "The noise went on until 30 November.", "2026-11-30"),
    (SUNDAY, "The hearing was due to be on 24 November but it was put off.", "2026-11-24"),
    (SUNDAY, "The party had been planned for the 2nd but was moved.", "2026-12-02"),
    (SUNDAY, "It starts on Friday and goes on all weekend.", "2026-12-04"),
    (SUNDAY, "I will show you the damage they caused on Thursday.", "2026-12-03"),
    (SUNDAY, "They came back on 12 May and smashed the shed.", "2026-05-12"),
    (SUNDAY, "I will be grateful if you could look into the incident on 3 May.", "2026-05-03"),
    (SUNDAY, "I will now set out what happened on 14 November.", "2026-11-14"),
    (SUNDAY, "I'll tell you about Saturday night.", "2026-12-05"),
    (SUNDAY, "My neighbour Will saw them on Friday.", "2026-12-04"),
    (
        SUNDAY,
        "they will not leave us alone on the 26th of november they threw stones",
        "2026-11-26",
    ),
    (SUNDAY, "It will never stop on Saturday they kicked the door", "2026-12-05"),
    (SUNDAY, "They kept coming on Friday night.", "2026-12-04"),
]


@pytest.mark.parametrize(("reference", "text", "day"), TOLD_PAST)
def test_same_words_told_of_the_past_stay_past(reference: datetime, text: str, day: str) -> None:
    assert one_day(text, reference) == day


# Days counted from another day: relative to the incident just described.
COUNTED = [
    ("A second shelter was damaged the following afternoon.", "the following afternoon", 1),
    ("The previous evening, rockets had been fired at a bus.", "The previous evening", -1),
    ("the previous night they'd been banging on the wall", "the previous night", -1),
    ("They had been round the day before as well.", "the day before", -1),
    ("the night before, someone had slashed my tyres", "the night before", -1),
    ("Officers had visited the previous day.", "the previous day", -1),
    ("he came back the next afternoon with his mates", "the next afternoon", 1),
    ("Two lads were seen there the evening before.", "the evening before", -1),
]


@pytest.mark.parametrize(("text", "phrase", "offset"), COUNTED)
def test_days_counted_from_another_day(text: str, phrase: str, offset: int) -> None:
    mentions = find_dates(text, SUNDAY)
    assert [(m.text, m.anchor, m.offset_days) for m in mentions] == [
        (phrase, DateAnchor.INCIDENT, offset)
    ]


def test_the_night_before_last_is_still_two_days_back() -> None:
    assert one_day("they kicked off the night before last") == "2026-12-04"


def test_the_night_before_an_event_is_not_counted_from_the_incident() -> None:
    text = "On 28 November, the night before my son's match, they slashed the tyres."
    assert one_day(text) == "2026-11-28"


def test_a_weekday_told_ahead_keeps_its_agreeing_year() -> None:
    # 26 September 2027 is a Sunday: the festival's Saturday 26 September is 2026's
    assert one_day("The food festival returns on Saturday 26 September.") == "2026-09-26"


OCCASIONS = [
    ("A street party to mark VE Day drew 300 people.", "2026-05-08"),
    ("on ve day they were drunk and shouting", "2026-05-08"),
    ("Flags were torn down on St George's Day.", "2026-04-23"),
    ("st georges day they threw bottles", "2026-04-23"),
    ("The poppy wreath was stolen on Armistice Day.", "2026-11-11"),
    ("On St Andrew's Day the shop window was smashed.", "2026-11-30"),
    ("They set off fireworks on Burns Night.", "2026-01-25"),
    ("The parade on Armed Forces Day was disrupted.", "2026-06-27"),
    ("On VJ Day the memorial was sprayed.", "2026-08-15"),
]


@pytest.mark.parametrize(("text", "day"), OCCASIONS)
def test_more_british_occasions(text: str, day: str) -> None:
    assert one_day(text) == day


NOT_A_DAY = [
    "\"We're devastated,\" said Carla Munday of the residents' association.",
    "Mr Munday from number 4 said he saw nothing.",
    "More calls than on an ordinary Saturday.",
    "It is busier than a typical Friday night.",
    "They can come round any Sunday they like.",
    "Nine arrests were made over the Christmas period.",
    "Crowds packed the square for the Christmas lights switch-on.",
    "Police used dispersal powers over the Easter weekend.",
    "the xmas party at the community centre was loud",
    "During the Easter holidays the kids were out every night.",
]


@pytest.mark.parametrize("text", NOT_A_DAY)
def test_words_that_only_look_like_a_day(text: str) -> None:
    assert find_dates(text, SUNDAY) == []


STILL_A_DAY = [
    ("munday nite they were at it again", "2026-11-30"),
    ("Munday they were back at 2am.", "2026-11-30"),
    ("On Tue they were back at 2am.", "2026-12-01"),
    ("Last Fri the lads were on the wall again.", "2026-12-04"),
    ("It was a Saturday and they smashed the window.", "2026-12-05"),
    ("He was arrested on Saturday evening.", "2026-12-05"),
    ("A man was held for assaulting his neighbour on Christmas Day.", "2025-12-25"),
    ("They threw eggs at Christmas and again at New Year.", "2025-12-25"),
    ("on Easter Sunday they smashed the fence", "2026-04-05"),
]


@pytest.mark.parametrize(("text", "day"), STILL_A_DAY)
def test_controls_that_stay_days(text: str, day: str | None) -> None:
    assert one_day(text) == day


def _texts(mentions: list[DateMention]) -> list[str]:
    return [m.text for m in mentions]


def test_a_news_item_reads_back_and_ahead() -> None:
    text = (
        "A memorial bench has been paid for by friends of a man killed on the night of "
        "14 October last year. The bench will be unveiled on Wednesday, the first anniversary."
    )
    mentions = find_dates(text, datetime(2026, 10, 12, 8, 0, tzinfo=LONDON))
    assert [(m.start_date, m.end_date) for m in mentions][-1][0] is not None
    assert _texts(mentions)[-1] == "on Wednesday"
    assert mentions[-1].start_date is not None
    assert mentions[-1].start_date.isoformat() == "2026-10-14"
