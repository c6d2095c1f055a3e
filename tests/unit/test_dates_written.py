"""Dates as people write them: abbreviations with a full stop, the nth weekday of a month, years
ago, parts of a year, British occasions and bank holidays, numbers with spaces or dots, and
possessives ("Friday's incident"). Sentences of our own, resolved in Europe/London."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from nlp.dates import DateMention, find_dates

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)  # Sunday 6 December 2026
WEDNESDAY = datetime(2026, 12, 2, 19, 30, tzinfo=LONDON)  # Wednesday 2 December 2026
CHRISTMAS = datetime(2026, 12, 25, 9, 0, tzinfo=LONDON)  # Friday 25 December 2026
AFTER_BOXING_DAY = datetime(2026, 12, 29, 9, 0, tzinfo=LONDON)  # Tuesday after the substitute day
EASTER_TUESDAY = datetime(2026, 4, 7, 8, 0, tzinfo=LONDON)  # Easter Monday was 6 April 2026
LEAP_DAY = datetime(2028, 2, 29, 12, 0, tzinfo=LONDON)


def the_date(text: str, reference: datetime = SUNDAY) -> DateMention:
    """The one date mention in ``text``."""
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, [(m.text, m.explanation) for m in mentions]
    return mentions[0]


def days(mention: DateMention) -> tuple[str, str]:
    assert mention.start_date is not None and mention.end_date is not None
    return mention.start_date.isoformat(), mention.end_date.isoformat()


# (reference, sentence, the phrase found, first day, last day)
WRITTEN = [
    # an abbreviated month with a full stop before the day, or after it
    (SUNDAY, "They threw eggs at the window on Aug. 7 and ran off.", "on Aug. 7", "2026-08-07"),
    (SUNDAY, "The first letter came Sept. 2, 1998, long before all this.", "Sept. 2, 1998", None),
    (SUNDAY, "We moved in on Dec. 21, 1988 and it was quiet then.", "on Dec. 21, 1988", None),
    (SUNDAY, "It kicked off on Fri. 13 Nov. outside the shop.", "on Fri. 13 Nov", "2026-11-13"),
    (SUNDAY, "Since the Oct. 3rd row they have not spoken to us.", "Oct. 3rd", "2026-10-03"),
    (SUNDAY, "They came round on 5 Feb. and shouted at my son.", "on 5 Feb", "2026-02-05"),
    (SUNDAY, "On Jan. 14 the bin was set alight.", "On Jan. 14", "2026-01-14"),
    (SUNDAY, "Texted the PCSO Aug.7 about the bikes.", "Aug.7", "2026-08-07"),
    # the nth weekday of a month
    (SUNDAY, "It started on the first Monday of last month.", None, "2026-11-02"),
    (SUNDAY, "They smashed the fence the last Friday in October.", None, "2026-10-30"),
    (SUNDAY, "The car was keyed the second Tuesday of September.", None, "2026-09-08"),
    (SUNDAY, "Music until 3am on the first Monday in December.", None, "2025-12-01"),
    (SUNDAY, "It was the last Friday of the month, they were drunk.", None, "2026-11-27"),
    (SUNDAY, "It happened on the third Sunday of March 2024.", None, "2024-03-17"),
    (SUNDAY, "The first Friday of this month they egged the door.", None, "2026-12-04"),
    (SUNDAY, "They had a bonfire the last Sat in June.", "the last Sat in June", "2026-06-27"),
    # years ago
    (SUNDAY, "This all began two years ago when they moved in.", "two years ago", "2024-12-06"),
    (SUNDAY, "A year ago they threatened my husband.", "A year ago", "2025-12-06"),
    (LEAP_DAY, "That was a year ago now.", "a year ago", "2027-02-28"),
    # parts of a year and of a month, the rest of the week
    (SUNDAY, "At the end of 2025 the shouting got worse.", None, "2025-09-01", "2025-12-31"),
    (
        SUNDAY,
        "From the beginning of the year it has been constant.",
        None,
        "2026-01-01",
        "2026-04-30",
    ),
    (SUNDAY, "In the middle of last year they broke the window.", None, "2025-05-01", "2025-08-31"),
    (SUNDAY, "Early 2025 was the worst time.", "Early 2025", "2025-01-01", "2025-04-30"),
    (SUNDAY, "At the start of the month they were at it again.", None, "2026-12-01", "2026-12-10"),
    (SUNDAY, "The end of last month was awful.", None, "2026-11-21", "2026-11-30"),
    (
        WEDNESDAY,
        "I'm staying at my sister's for the rest of the week.",
        None,
        "2026-12-02",
        "2026-12-06",
    ),
    # British occasions: the latest not after the reference day
    (SUNDAY, "On Mothering Sunday they shouted abuse at my mum.", None, "2026-03-15"),
    (SUNDAY, "Father's Day was ruined by their music.", "Father's Day", "2026-06-21"),
    (SUNDAY, "Easter Sunday they threw stones.", "Easter Sunday", "2026-04-05"),
    (SUNDAY, "It was Easter Monday when it started.", "Easter Monday", "2026-04-06"),
    (SUNDAY, "Good Friday they blocked the drive all day.", "Good Friday", "2026-04-03"),
    (SUNDAY, "Christmas Eve they kicked the door.", "Christmas Eve", "2025-12-24"),
    (SUNDAY, "On Christmas Day they were banging on the wall.", None, "2025-12-25"),
    (SUNDAY, "Boxing Day they smashed the bottles.", "Boxing Day", "2025-12-26"),
    (SUNDAY, "New Year's Eve was the worst.", "New Year's Eve", "2025-12-31"),
    (SUNDAY, "On New Year's Day the car was scratched.", None, "2026-01-01"),
    (SUNDAY, "At Halloween they egged the windows.", None, "2026-10-31"),
    (SUNDAY, "On Bonfire Night a firework came through the letterbox.", None, "2026-11-05"),
    (SUNDAY, "They were shouting during the silence on Remembrance Sunday.", None, "2026-11-08"),
    (CHRISTMAS, "Christmas Day they started again at 7am.", "Christmas Day", "2026-12-25"),
    (CHRISTMAS, "On Christmas Eve they shouted at the kids.", None, "2026-12-24"),
    # bank holidays (England)
    (SUNDAY, "The bank holiday Monday they had a party till 5am.", None, "2026-08-31"),
    (SUNDAY, "It got worse after the August bank holiday.", None, "2026-08-31"),
    (SUNDAY, "On the spring bank holiday they fought in the street.", None, "2026-05-25"),
    (SUNDAY, "The early May bank holiday was when it began.", None, "2026-05-04"),
    (
        SUNDAY,
        "Over the bank holiday weekend they were drinking outside.",
        None,
        "2026-08-29",
        "2026-08-31",
    ),
    (
        AFTER_BOXING_DAY,
        "On the bank holiday Monday they kept on.",
        "On the bank holiday Monday",
        "2026-12-28",
    ),
    (EASTER_TUESDAY, "The bank holiday Monday they were out again.", None, "2026-04-06"),
    # numbers with spaces or dots, day first
    (SUNDAY, "They smashed the car on 31 10 2025 about 2am.", "31 10 2025", "2025-10-31"),
    (SUNDAY, "The fire was 3.10.26 in the afternoon.", "3.10.26", "2026-10-03"),
    (SUNDAY, "Letter dated 31.10.2025 from the council.", "31.10.2025", "2025-10-31"),
    # possessives
    (SUNDAY, "Friday's incident was the worst so far.", "Friday", "2026-12-04"),
    (SUNDAY, "After last night's shouting I rang 101.", "last night", "2026-12-05"),
    (SUNDAY, "Saturday's party went on till 4am.", "Saturday", "2026-12-05"),
    (SUNDAY, "Tuesday\u2019s meeting with housing went nowhere.", "Tuesday", "2026-12-01"),
    (SUNDAY, "Since last Friday's fight I have not slept.", None, "2026-12-04", "2026-12-06"),
    (SUNDAY, "Bonfire Night's fireworks were aimed at us.", "Bonfire Night", "2026-11-05"),
    # ordinals said in words, as voice-to-text writes them
    (SUNDAY, "on the twenty third of November they were at it", None, "2026-11-23"),
    (SUNDAY, "on the thirty-first of October they egged us", None, "2026-10-31"),
    (SUNDAY, "and then on the twenty eighth they came back", "on the twenty eighth", "2026-11-28"),
    (SUNDAY, "he was shouting again on the fourth", "on the fourth", "2026-12-04"),
]


@pytest.mark.parametrize("row", WRITTEN, ids=[row[1] for row in WRITTEN])
def test_date_as_people_write_it_resolves(row: tuple[object, ...]) -> None:
    reference, text, phrase, first, *rest = row
    assert isinstance(reference, datetime) and isinstance(text, str)
    mention = the_date(text, reference)
    if phrase is not None:
        assert mention.text == phrase
    if first is None:  # a year written: the phrase says the day
        assert mention.start_date == mention.end_date
        assert mention.start_date is not None and mention.start_date.year < 2000
        return
    last = rest[0] if rest else first
    assert days(mention) == (first, last), mention.explanation


def test_dates_with_a_full_stop_keep_the_day_and_year_written() -> None:
    assert days(the_date("The first letter came Sept. 2, 1998.")) == ("1998-09-02", "1998-09-02")
    assert days(the_date("We moved in on Dec. 21, 1988.")) == ("1988-12-21", "1988-12-21")


def test_since_the_beginning_of_the_year_runs_to_the_reference_day() -> None:
    mention = the_date("It has gone on since the beginning of the year.")
    assert days(mention) == ("2026-01-01", "2026-12-06")


def test_bank_holiday_with_a_year_written_is_that_year() -> None:
    mention = the_date("It started on the August bank holiday 2018.")
    assert days(mention) == ("2018-08-27", "2018-08-27")


@pytest.mark.parametrize(
    "text",
    [
        "I sat. Nobody came to help.",
        "Call me on 0161 496 0000 any time.",
        "My mobile is 07700 900 123.",
        "The ref is 12 10 2025 on the letter.",
        "My reference number is 31 10 2025.",
        "Crime number 12 11 2024 was given.",
        "It cost £3.50 to get the lock fixed.",
        "At 10.30 they were still going.",
        "There were about 15 of them.",
        "Flat 12 3 2025 is empty.",
        "You may want to ring them.",
        "1234",
        "It is the end of year 10 for my son.",
        "Every first Monday of the month they have a barbecue.",
        "Every bank holiday they have a barbecue.",
        "the first of many complaints",
        "They live on the second floor above us.",
        "I only got through on the third attempt.",
        "They said it on the first day we moved in.",
    ],
)
def test_numbers_and_words_that_are_not_dates_give_none(text: str) -> None:
    assert find_dates(text, SUNDAY) == []


def test_a_fifth_weekday_the_month_lacks_gives_no_date() -> None:
    # February 2026 has four Mondays.
    assert find_dates("the fifth Monday of February 2026", SUNDAY) == []


def test_nth_weekday_explains_its_reading() -> None:
    mention = the_date("the last Friday in October")
    assert mention.explanation.startswith("nth_weekday:")
    assert mention.start_date == date(2026, 10, 30)
