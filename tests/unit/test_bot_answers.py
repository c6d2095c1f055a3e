"""Combined answers read without the dialogue: a report's details, contact with consent, who."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot import answers
from trigger.vocabulary import Agency, ApplicantRole

AT = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def test_report_details_take_who_when_and_the_reference_apart() -> None:
    told = answers.report_details("yes the police on 4 November 2026, ref 4521/26", AT)
    assert told.agencies == [Agency.POLICE]
    assert told.day == date(2026, 11, 4)
    assert told.reference == "4521/26"  # not the year of the date
    assert not told.no_reference


def test_a_date_or_a_phone_number_is_not_a_reference() -> None:
    told = answers.report_details("the council on 12/11/2026, call me on 07700 900123", AT)
    assert told.agencies == [Agency.COUNCIL]
    assert told.day == date(2026, 11, 12)
    assert told.reference is None


@pytest.mark.parametrize(
    "text", ["no reference", "I didn't get a reference", "the council, no crime number"]
)
def test_no_reference_is_understood(text: str) -> None:
    assert answers.report_details(text, AT).no_reference


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("07700 900123, yes that's fine", True),
        ("me@example.org and you can share it", True),
        ("07700 900123 but please don't share it", False),
        ("07700 900123", None),
    ],
)
def test_consent_to_share_is_read_around_the_contact(text: str, consent: bool | None) -> None:
    assert answers.share_consent(text) is consent


@pytest.mark.parametrize(
    ("story", "role"),
    [
        ("They smashed my window on 3 November.", ApplicantRole.VICTIM),
        ("I am writing for my neighbour. Her window was smashed.", ApplicantRole.THIRD_PARTY),
        ("I am writing on behalf of my mum.", ApplicantRole.THIRD_PARTY),
        ("My neighbour smashed my window.", None),  # the neighbour may be the one to blame
        ("The window was smashed on 3 November.", None),
    ],
)
def test_who_is_applying_is_taken_from_a_plain_story(
    story: str, role: ApplicantRole | None
) -> None:
    assert answers.story_applicant(story) is role
