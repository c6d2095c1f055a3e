"""nlp.dates against the contract's "Date conventions" table, corpus phrases and distractors."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from nlp.dates import DateAnchor, DateMention, find_corrections, find_dates
from nlp.pipeline import analyse, findings

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=LONDON)  # Friday 20 November 2026
SATURDAY = datetime(2026, 11, 21, 10, 0, tzinfo=LONDON)
SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=LONDON)


def d(text: str) -> date:
    return date.fromisoformat(text)


def only(text: str, reference: datetime = FRIDAY) -> DateMention:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


# (reference, text, expected start, expected end): one row per convention of the contract's
# table, then the phrases of the dev corpus.
TABLE = [
    # today, this morning, tonight, this evening, just now = the reference day
    (FRIDAY, "today", "2026-11-20", "2026-11-20"),
    (FRIDAY, "this morning", "2026-11-20", "2026-11-20"),
    (FRIDAY, "tonight", "2026-11-20", "2026-11-20"),
    (FRIDAY, "this evening", "2026-11-20", "2026-11-20"),
    (FRIDAY, "just now", "2026-11-20", "2026-11-20"),
    # yesterday, last night = the day before
    (FRIDAY, "yesterday", "2026-11-19", "2026-11-19"),
    (FRIDAY, "yday", "2026-11-19", "2026-11-19"),
    (FRIDAY, "last night", "2026-11-19", "2026-11-19"),
    (FRIDAY, "yesterday evening", "2026-11-19", "2026-11-19"),
    # the night before last, the day before yesterday = two days before
    (FRIDAY, "the night before last", "2026-11-18", "2026-11-18"),
    (FRIDAY, "the day before yesterday", "2026-11-18", "2026-11-18"),
    # last Friday, on Friday = the latest Friday strictly before the reference day
    (FRIDAY, "last Friday", "2026-11-13", "2026-11-13"),
    (FRIDAY, "on Friday", "2026-11-13", "2026-11-13"),
    (FRIDAY, "Friday", "2026-11-13", "2026-11-13"),
    (FRIDAY, "friday night", "2026-11-13", "2026-11-13"),
    (FRIDAY, "last Tuesday", "2026-11-17", "2026-11-17"),
    (FRIDAY, "on the sunday", "2026-11-15", "2026-11-15"),
    (FRIDAY, "last thursday", "2026-11-19", "2026-11-19"),
    # "this <weekday>": this week's if not after the reference day, else the one before
    (FRIDAY, "this Monday", "2026-11-16", "2026-11-16"),
    (FRIDAY, "this Saturday", "2026-11-14", "2026-11-14"),
    # N days/weeks ago, a week ago, a fortnight ago
    (FRIDAY, "3 days ago", "2026-11-17", "2026-11-17"),
    (FRIDAY, "two days ago", "2026-11-18", "2026-11-18"),
    (FRIDAY, "2 weeks ago", "2026-11-06", "2026-11-06"),
    (FRIDAY, "a week ago", "2026-11-13", "2026-11-13"),
    (FRIDAY, "a fortnight ago", "2026-11-06", "2026-11-06"),
    (FRIDAY, "a couple of days ago", "2026-11-18", "2026-11-18"),
    # last week = Monday to Sunday of the previous week
    (FRIDAY, "last week", "2026-11-09", "2026-11-15"),
    # last weekend, over the weekend = the Saturday and Sunday just before
    (FRIDAY, "last weekend", "2026-11-14", "2026-11-15"),
    (FRIDAY, "over the weekend", "2026-11-14", "2026-11-15"),
    (FRIDAY, "at the weekend", "2026-11-14", "2026-11-15"),
    # ... on a weekend day: "last weekend" is the one that has ended; "over the weekend" is this one
    (SUNDAY, "last weekend", "2026-11-14", "2026-11-15"),
    (SUNDAY, "over the weekend", "2026-11-21", "2026-11-22"),
    (SATURDAY, "last weekend", "2026-11-14", "2026-11-15"),
    (SATURDAY, "over the weekend", "2026-11-21", "2026-11-21"),
    # last month, in August = that calendar month; a month alone: latest not after the reference
    (FRIDAY, "last month", "2026-10-01", "2026-10-31"),
    (FRIDAY, "in August", "2026-08-01", "2026-08-31"),
    (FRIDAY, "August", "2026-08-01", "2026-08-31"),
    (FRIDAY, "in December", "2025-12-01", "2025-12-31"),
    (FRIDAY, "since September", "2026-09-01", "2026-11-20"),
    # early / mid / late September = 1-10 / 11-20 / 21-end
    (FRIDAY, "early September", "2026-09-01", "2026-09-10"),
    (FRIDAY, "mid September", "2026-09-11", "2026-09-20"),
    (FRIDAY, "mid-September", "2026-09-11", "2026-09-20"),
    (FRIDAY, "late September", "2026-09-21", "2026-09-30"),
    (FRIDAY, "late February", "2026-02-21", "2026-02-28"),
    (FRIDAY, "at the end of June", "2026-06-21", "2026-06-30"),
    # the 5th, on the 12th = that day of the reference month if not after it, else the month before
    (FRIDAY, "the 5th", "2026-11-05", "2026-11-05"),
    (FRIDAY, "on the 12th", "2026-11-12", "2026-11-12"),
    (FRIDAY, "on the 20th", "2026-11-20", "2026-11-20"),
    (FRIDAY, "the 25th", "2026-10-25", "2026-10-25"),
    (datetime(2026, 10, 2, 9, 0, tzinfo=LONDON), "on the 31st", "2026-08-31", "2026-08-31"),
    # spelt and numeric dates, day first; no year: latest not after; a year: as written
    (FRIDAY, "5th of Feb", "2026-02-05", "2026-02-05"),
    (FRIDAY, "the 3rd of October", "2026-10-03", "2026-10-03"),
    (FRIDAY, "3rd October", "2026-10-03", "2026-10-03"),
    (FRIDAY, "October 3rd", "2026-10-03", "2026-10-03"),
    (FRIDAY, "tue 28th july", "2026-07-28", "2026-07-28"),
    (FRIDAY, "Saturday 12 September", "2026-09-12", "2026-09-12"),
    (FRIDAY, "on the 25th july", "2026-07-25", "2026-07-25"),
    (FRIDAY, "21 December", "2025-12-21", "2025-12-21"),
    (FRIDAY, "12/09/2026", "2026-09-12", "2026-09-12"),
    (FRIDAY, "12/09/26", "2026-09-12", "2026-09-12"),
    (FRIDAY, "12.9.26", "2026-09-12", "2026-09-12"),
    (FRIDAY, "8/5/26", "2026-05-08", "2026-05-08"),
    (FRIDAY, "21/08/26", "2026-08-21", "2026-08-21"),
    (FRIDAY, "25/12", "2025-12-25", "2025-12-25"),
    (FRIDAY, "3/4/2027", "2027-04-03", "2027-04-03"),
    (FRIDAY, "Sat 12/09/2026", "2026-09-12", "2026-09-12"),
    (FRIDAY, "Wednesday, 19 August 2026", "2026-08-19", "2026-08-19"),
    (FRIDAY, "2026-09-12", "2026-09-12", "2026-09-12"),
    # ranges of days inside one month
    (FRIDAY, "from 1st to 3rd October", "2026-10-01", "2026-10-03"),
    (FRIDAY, "between the 1st and 3rd of October", "2026-10-01", "2026-10-03"),
    (FRIDAY, "5th-6th September", "2026-09-05", "2026-09-06"),
    (FRIDAY, "July 13-15", "2026-07-13", "2026-07-15"),
    (FRIDAY, "the past fortnight", "2026-11-02", "2026-11-15"),
    (FRIDAY, "from March to June", "2026-03-01", "2026-06-30"),
    (FRIDAY, "the 10th or 11th of October", "2026-10-10", "2026-10-11"),
    (FRIDAY, "in march last year", "2025-03-01", "2025-03-31"),
    (FRIDAY, "5th May last year", "2025-05-05", "2025-05-05"),
    (FRIDAY, "2026/10/05", "2026-10-05", "2026-10-05"),
    (FRIDAY, "between November and February", "2025-11-01", "2026-02-28"),
    # named days: the latest not after the reference day
    (FRIDAY, "Christmas Day", "2025-12-25", "2025-12-25"),
    (FRIDAY, "Boxing Day", "2025-12-26", "2025-12-26"),
    (FRIDAY, "Christmas Eve", "2025-12-24", "2025-12-24"),
    (FRIDAY, "Bonfire Night", "2026-11-05", "2026-11-05"),
    (FRIDAY, "New Year's Eve", "2025-12-31", "2025-12-31"),
    (FRIDAY, "New Year's Day", "2026-01-01", "2026-01-01"),
    (FRIDAY, "Halloween", "2026-10-31", "2026-10-31"),
    (FRIDAY, "Easter Sunday", "2026-04-05", "2026-04-05"),
    (FRIDAY, "Easter Monday", "2026-04-06", "2026-04-06"),
    (FRIDAY, "Good Friday", "2026-04-03", "2026-04-03"),
    (datetime(2026, 11, 5, 21, 0, tzinfo=LONDON), "bonfire night", "2026-11-05", "2026-11-05"),
    (datetime(2026, 11, 4, 21, 0, tzinfo=LONDON), "bonfire night", "2025-11-05", "2025-11-05"),
    # "since": from that day to the reference day
    (FRIDAY, "since Christmas", "2025-12-25", "2026-11-20"),
    (FRIDAY, "ever since easter", "2026-04-05", "2026-11-20"),
    # a time of day qualifies the day, it does not change it
    (FRIDAY, "last Tuesday evening", "2026-11-17", "2026-11-17"),
    (FRIDAY, "sat night", "2026-11-14", "2026-11-14"),
    (FRIDAY, "right now", "2026-11-20", "2026-11-20"),
    (FRIDAY, "23 May", "2026-05-23", "2026-05-23"),
    (FRIDAY, "May 23", "2026-05-23", "2026-05-23"),
    # a bare year only after "in": a year range the assembler ignores
    (FRIDAY, "in 2023", "2023-01-01", "2023-12-31"),
]


@pytest.mark.parametrize(("reference", "text", "start", "end"), TABLE)
def test_phrase_resolves_by_the_contract_conventions(
    reference: datetime, text: str, start: str, end: str
) -> None:
    mention = only(text, reference)
    assert (mention.start_date, mention.end_date) == (d(start), d(end)), mention.explanation
    assert mention.anchor is DateAnchor.REFERENCE
    assert (mention.start, mention.end, mention.text) == (0, len(text), text)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("the next day", 1),
        ("the next morning", 1),
        ("the following morning", 1),
        ("two days later", 2),
        ("a week later", 7),
        ("that night", 0),
        ("straight away", 0),
        ("immediately", 0),
        ("same day", 0),
        ("later that day", 0),
    ],
)
def test_incident_relative_phrase_has_offset_and_no_dates(text: str, offset: int) -> None:
    mention = only(text)
    assert mention.anchor is DateAnchor.INCIDENT
    assert mention.offset_days == offset
    assert (mention.start_date, mention.end_date) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "member since 2019",
        "DOB 03/02/1951",
        "date of birth: 03/02/1951",
        "D.O.B. 3 February 1951",
        "she was born 14/07/1948",
        "they were out till half nine",
        "music till 10",
        "it started at 10pm",
        "my log number is 44260371522",
        "ref ASB-2026-0131",
        "case HA/ASB/5521",
        "crime number 44/123456/26",
        "you may want to ring them",
        "23 may have been there",
        "May I ask what happens next",
        "there were about 15 of them",
        "2 of them had bikes",
        "it was the 3rd time they did it",
        "the night of my daughter's 18th birthday party",
        "on our 25th anniversary",
        "it was his 40th bday",
        "I sat down in the sun",
        "every friday they come back",
        "most weekends",
        "happy new year's resolution",
        "the noise is 24/7",
        "3/4 of them were drunk",
        "it went on for 1/2 an hour",
        "the lads from flat 3/12",
        "",
    ],
)
def test_distractor_gives_no_date(text: str) -> None:
    assert find_dates(text, FRIDAY) == []


def test_time_qualifiers_resolve_to_the_day() -> None:
    text = "Friday morning after 9 they came back, and again at about 11pm on Saturday"
    got = [(m.text, m.start_date) for m in find_dates(text, FRIDAY)]
    assert got == [("Friday morning", d("2026-11-13")), ("on Saturday", d("2026-11-14"))]


def test_phrase_broken_by_an_email_line_wrap_is_still_found() -> None:
    text = "they came back the next\nmorning and on the 3rd of\r\nOctober"
    first, second = find_dates(text, FRIDAY)
    assert (first.text, first.anchor, first.offset_days) == (
        "the next\nmorning",
        DateAnchor.INCIDENT,
        1,
    )
    assert (second.text, second.start_date) == ("on the 3rd of\r\nOctober", d("2026-10-03"))


def test_date_inside_a_cad_reference_is_still_reported() -> None:
    mention = only("CAD 2213 12/09/26")
    assert (mention.text, mention.start_date) == ("12/09/26", d("2026-09-12"))


def test_mentions_come_in_text_order_with_char_offsets() -> None:
    text = "yday and last friday, then Bonfire Night. A fortnight ago too."
    mentions = find_dates(text, FRIDAY)
    assert [m.text for m in mentions] == ["yday", "last friday", "Bonfire Night", "A fortnight ago"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_correction_marks_the_right_and_the_wrong_day() -> None:
    text = "sorry it was the 14th not the 15th"
    right, wrong = find_dates(text, FRIDAY)
    assert (right.start_date, right.corrects, right.negated) == (d("2026-11-14"), True, False)
    assert (wrong.start_date, wrong.corrects, wrong.negated) == (d("2026-11-15"), False, True)
    assert find_corrections(text, FRIDAY) == [(wrong, right)]


def test_correction_not_x_but_y() -> None:
    pairs = find_corrections("not the 15th but the 14th", FRIDAY)
    assert [(w.start_date, r.start_date) for w, r in pairs] == [(d("2026-11-15"), d("2026-11-14"))]


def test_i_meant_marks_the_correcting_date() -> None:
    mention = only("sorry, I meant the 14th")
    assert mention.corrects and not mention.negated


def test_plain_sequence_of_dates_is_not_a_correction() -> None:
    mentions = find_dates("on the 14th, the next morning and on the 15th", FRIDAY)
    assert not any(m.corrects or m.negated for m in mentions)


def test_reference_day_is_the_london_day_of_the_reference() -> None:
    late_utc = datetime(2026, 7, 1, 23, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 on 2 July in London
    assert only("yesterday", late_utc).start_date == d("2026-07-01")


def test_naive_reference_is_taken_as_london_time() -> None:
    assert only("yesterday", datetime(2026, 11, 20, 0, 30)).start_date == d("2026-11-19")  # noqa: DTZ001


def test_range_mentions_say_so() -> None:
    assert only("last week").is_range()
    assert not only("yesterday").is_range()


def test_component_writes_date_findings_on_the_doc() -> None:
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    if not Span.has_extension("finding"):
        Span.set_extension("finding", default=None)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("trigger_dates")
    text = "They smashed my window last night. I rang 101 the next morning."
    doc = analyse(nlp, text, FRIDAY)
    found = findings(doc, "dates")
    assert [(f.label, text[f.start : f.end]) for f in found] == [
        ("date", "last night"),
        ("date", "the next morning"),
    ]
    assert found[0].value == find_dates(text, FRIDAY)[0]
    assert found[0].value.start_date == d("2026-11-19")


def test_component_without_reference_finds_nothing() -> None:
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    nlp = spacy.blank("en")
    nlp.add_pipe("trigger_dates")
    assert findings(nlp("last night"), "dates") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_spans_within_bounds(text: str) -> None:
    for mention in find_dates(text, FRIDAY):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "last",
                "friday",
                "the",
                "5th",
                "of",
                "may",
                "12/09/26",
                "night",
                "since",
                "christmas",
                "2 weeks",
                "ago",
                "not",
                "-",
                ",",
                "weekend",
                "over",
                "mid",
                "july",
                "2026",
                "sat",
                "yday",
                "the next",
                "day",
                "early",
                "in",
                "1999",
                "31st",
                "feb",
                "29th",
                "DOB",
            ]
        ),
        max_size=12,
    ),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
)
def test_date_words_in_any_order_never_fail(words: list[str], reference_day: date) -> None:
    text = " ".join(words)
    reference = datetime(
        reference_day.year, reference_day.month, reference_day.day, 12, tzinfo=LONDON
    )
    for mention in find_dates(text, reference):
        assert text[mention.start : mention.end] == mention.text
        if mention.anchor is DateAnchor.REFERENCE:
            assert mention.start_date is not None and mention.end_date is not None
            assert mention.start_date <= mention.end_date


def test_abbreviated_month_with_a_full_stop_is_found() -> None:
    from datetime import UTC, datetime

    found = find_dates(
        "I emailed the council about it on 9 Nov.", datetime(2026, 11, 17, tzinfo=UTC)
    )
    assert [(m.text, m.start_date.isoformat() if m.start_date else None) for m in found] == [
        ("on 9 Nov", "2026-11-09")
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025\n- 3 February 2025 - the fence was kicked in", "2025-02-03"),
        ("2025\n- 21 Oct 2025 - a brick through the window", "2025-10-21"),
        ("Last year (2025)\n2025\n- 17 June 2025 - eggs at the window", "2025-06-17"),
    ],
)
def test_a_year_heading_does_not_take_the_day_of_the_line_below(text: str, day: str) -> None:
    days = [m.start_date for m in find_dates(text, FRIDAY)]
    assert d(day) in days


def test_numeric_month_and_a_wrapped_date_stay_whole() -> None:
    assert only("it began 2025-04 and never stopped").start_date == d("2025-04-01")
    wrapped = only("they came on 9 April\n2025 at night")
    assert (wrapped.text, wrapped.start_date) == ("on 9 April\n2025", d("2025-04-09"))


@pytest.mark.parametrize(
    "text",
    [
        "- 21 09 2025 - paint thrown at the door",
        "2025\n- 21 09 2025 - paint thrown",
        "21 09 2025 - paint",
    ],
)
def test_a_spaced_numeric_date_set_off_by_a_log_lines_dashes(text: str) -> None:
    assert only(text).start_date == d("2025-09-21")


@pytest.mark.parametrize("text", ["ring 0113 - 21 09 2025", "07700 900 - 21 09 2025 - 4"])
def test_a_spaced_numeric_run_joined_to_a_number_by_a_dash_is_no_date(text: str) -> None:
    assert find_dates(text, FRIDAY) == []
