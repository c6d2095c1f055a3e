"""The case review form's checks (console/review_forms.py): GOV.UK date inputs, required
fields, the order of the dates."""

from __future__ import annotations

from datetime import date

import pytest

from console.review_forms import ReviewForm, check, form_of, posted
from storage.tables import ReviewRecord, VictimVoice

ACCEPTED = date(2026, 11, 23)
TODAY = date(2026, 12, 7)


def form(**values: str) -> ReviewForm:
    base = {"spoc_name": "Sam Okafor", "spoc_contact": "01429 523 100"}
    return posted({**base, **values})


def dated(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def test_a_form_with_only_the_spoc_is_enough_to_start() -> None:
    found = form()
    fields = check(found, accepted=ACCEPTED, today=TODAY)
    assert found.errors == {}
    assert fields["spoc_name"] == "Sam Okafor" and fields["meeting_held_on"] is None
    assert fields["victim_voice"] is None and fields["recommendations_made"] is None


def test_the_spoc_is_required() -> None:
    found = posted({"spoc_name": "  ", "spoc_contact": ""})
    check(found, accepted=ACCEPTED, today=TODAY)
    assert list(found.errors) == ["spoc_name", "spoc_contact"]


@pytest.mark.parametrize(
    ("parts", "anchor", "message"),
    [
        (("", "12", "2026"), "meeting_planned_on-day", "must include a day"),
        (("4", "", "2026"), "meeting_planned_on-month", "must include a month"),
        (("4", "", ""), "meeting_planned_on-month", "must include a month and year"),
        (("4", "12", ""), "meeting_planned_on-year", "must include a year"),
        (("31", "11", "2026"), "meeting_planned_on-day", "must be a real date"),
        (("4", "Dec", "2026"), "meeting_planned_on-day", "must be a real date"),
        (("29", "2", "2027"), "meeting_planned_on-day", "must be a real date"),
        (("4", "12", "26"), "meeting_planned_on-year", "the year must include 4 numbers"),
        (("20", "11", "2026"), "meeting_planned_on-day", "on or after 23 November 2026"),
    ],
)
def test_dates_are_checked_as_the_design_system_words_it(
    parts: tuple[str, str, str], anchor: str, message: str
) -> None:
    found = form(**dated("meeting_planned_on", *parts))
    fields = check(found, accepted=ACCEPTED, today=TODAY)
    assert message in found.errors[anchor]
    assert found.errors[anchor].startswith("The date the meeting is planned for")
    assert fields["meeting_planned_on"] is None or anchor.endswith("-day")


def test_a_planned_meeting_may_be_in_the_future_but_a_held_one_may_not() -> None:
    found = form(
        **dated("meeting_planned_on", "29", "2", "2028"),
        **dated("meeting_held_on", "8", "12", "2026"),
    )
    fields = check(found, accepted=ACCEPTED, today=TODAY)
    assert fields["meeting_planned_on"] == date(2028, 2, 29)
    assert found.errors["meeting_held_on-day"].endswith("must be today or in the past")


def test_a_held_meeting_needs_its_chair_and_the_victims_voice() -> None:
    found = form(**dated("meeting_held_on", "7", "12", "2026"))
    check(found, accepted=ACCEPTED, today=TODAY)
    assert found.errors["chair"] == "Enter the name of the chair of the meeting"
    assert found.errors["victim_voice"] == "Choose how the victim's voice was heard"
    other = form(victim_voice="other")
    check(other, accepted=ACCEPTED, today=TODAY)
    assert other.errors == {"victim_voice_note": "Say how the victim's voice is heard"}


def test_a_completed_action_plan_needs_the_meeting_findings_plan_and_an_answer() -> None:
    found = form(**dated("action_plan_completed_on", "4", "12", "2026"))
    check(found, accepted=ACCEPTED, today=TODAY)
    assert list(found.errors) == [
        "meeting_held_on-day",
        "findings",
        "action_plan",
        "recommendations_made",
    ]
    made = form(recommendations_made="yes")
    check(made, accepted=ACCEPTED, today=TODAY)
    assert made.errors == {"recommendations": "Enter the recommendations the review made"}


def test_minutes_and_the_completed_plan_come_after_the_meeting() -> None:
    found = form(
        chair="A chair",
        victim_voice="attends",
        **dated("meeting_held_on", "4", "12", "2026"),
        **dated("minutes_circulated_on", "3", "12", "2026"),
    )
    check(found, accepted=ACCEPTED, today=TODAY)
    assert list(found.errors) == ["minutes_circulated_on-day"]
    assert "on or after the date the meeting was held" in found.errors["minutes_circulated_on-day"]


def test_errors_follow_the_forms_order_and_link_to_their_fields() -> None:
    found = posted({"spoc_contact": "x", **dated("action_plan_completed_on", "4", "12", "2026")})
    check(found, accepted=ACCEPTED, today=TODAY)
    anchors = [item["href"] for item in found.error_list]
    assert anchors[0] == "#spoc_name" and anchors[-1] == "#recommendations_made"
    assert found.error("meeting_held_on").startswith("Enter the date the meeting was held")


def test_a_stored_review_fills_the_form_and_reads_back_the_same() -> None:
    review = ReviewRecord(
        application_id=1,
        updated_by="officer:1",
        spoc_name="Sam",
        spoc_contact="sam@example.gov.uk",
        chair="Lee",
        meeting_held_on=date(2026, 12, 4),
        victim_voice=VictimVoice.STATEMENT,
        recommendations_made=False,
        version=3,
    )
    filled = form_of(review)
    assert filled.version == "3" and filled.value("meeting_held_on-month") == "12"
    again = posted({**filled.values, "review_version": filled.version})
    fields = check(again, accepted=ACCEPTED, today=TODAY)
    assert again.errors == {} and again.version == "3"
    assert fields["meeting_held_on"] == date(2026, 12, 4)
    assert fields["victim_voice"] is VictimVoice.STATEMENT
    assert fields["recommendations_made"] is False
    assert form_of(None).values == {}


def test_partner_information_received_is_a_checked_date_after_it_was_requested() -> None:
    found = form(
        **dated("information_requested_on", "1", "12", "2026"),
        **dated("information_received_on", "4", "12", "2026"),
    )
    fields = check(found, accepted=ACCEPTED, today=TODAY)
    assert found.errors == {} and fields["information_received_on"] == date(2026, 12, 4)
    early = form(
        **dated("information_requested_on", "4", "12", "2026"),
        **dated("information_received_on", "1", "12", "2026"),
    )
    check(early, accepted=ACCEPTED, today=TODAY)
    assert list(early.errors) == ["information_received_on-day"]
    assert early.errors["information_received_on-day"] == (
        "The date information was received from partners must be on or after the date it was "
        "requested"
    )
    unasked = form(**dated("information_received_on", "4", "12", "2026"))
    check(unasked, accepted=ACCEPTED, today=TODAY)
    assert list(unasked.errors) == ["information_requested_on-day"]
    future = form(
        **dated("information_requested_on", "1", "12", "2026"),
        **dated("information_received_on", "8", "12", "2026"),
    )
    check(future, accepted=ACCEPTED, today=TODAY)
    assert future.error("information_received_on").endswith("must be today or in the past")
    wrong = form(**dated("information_received_on", "31", "11", "2026"))
    check(wrong, accepted=ACCEPTED, today=TODAY)
    assert wrong.error("information_received_on") == (
        "The date information was received from partners must be a real date"
    )


def test_partner_information_received_is_filled_from_a_stored_review() -> None:
    review = ReviewRecord(
        application_id=1,
        updated_by="officer:1",
        spoc_name="Sam",
        spoc_contact="sam@example.gov.uk",
        information_requested_on=date(2026, 12, 1),
        information_received_on=date(2026, 12, 3),
    )
    filled = form_of(review)
    assert filled.value("information_received_on-day") == "3"
    fields = check(posted(filled.values), accepted=ACCEPTED, today=TODAY)
    assert fields["information_received_on"] == date(2026, 12, 3)
