"""A case's statutory clock (trigger/clock.py) under each area's timescales."""

from __future__ import annotations

from datetime import date

import pytest

from trigger.clock import (
    CaseEvents,
    DecisionOutcome,
    LetterKind,
    Step,
    StepState,
    case_clock,
    clock_plan,
    next_step,
)
from trigger.profiles import Profile, ProfileError, load_profiles, parse_profile

PROFILES = load_profiles()
HART = PROFILES["hart"]
DURHAM = PROFILES["durham"]
DARTFORD = PROFILES["dartford"]
HARTLEPOOL = PROFILES["hartlepool"]


def by_id(steps: list[Step]) -> dict[str, Step]:
    return {step.id: step for step in steps}


def step(events: CaseEvents, step_id: str, today: date, profile: Profile = HART) -> Step:
    return by_id(case_clock(events, profile, today))[step_id]


def test_a_new_case_has_only_the_acknowledgement_started_and_everything_else_waiting() -> None:
    steps = case_clock(CaseEvents(received=date(2026, 11, 20)), HART, date(2026, 11, 23))
    assert steps[0].id == "acknowledge" and steps[0].state is StepState.DUE
    assert steps[0].due == date(2026, 11, 27) and steps[0].working_days_left == 4
    assert all(s.state is StepState.WAITING and s.due is None for s in steps[1:])
    assert {s.id for s in steps[1:]} >= {"not_met_letter", "next_steps_letter", "review_meeting"}


@pytest.mark.parametrize(
    ("received", "today", "due", "left", "state"),
    [
        # Christmas: 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan 2027 are skipped.
        (date(2026, 12, 23), date(2026, 12, 23), date(2027, 1, 4), 5, StepState.DUE),
        (date(2026, 12, 23), date(2026, 12, 29), date(2027, 1, 4), 3, StepState.DUE_SOON),
        (date(2026, 12, 23), date(2027, 1, 4), date(2027, 1, 4), 0, StepState.DUE_SOON),
        (date(2026, 12, 23), date(2027, 1, 5), date(2027, 1, 4), -1, StepState.OVERDUE),
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        (date(2026, 4, 1), date(2026, 4, 1), date(2026, 4, 10), 5, StepState.DUE),
        # A month end: Friday 30 October 2026 -> Friday 6 November.
        (date(2026, 10, 30), date(2026, 11, 2), date(2026, 11, 6), 4, StepState.DUE),
        # Received on a Saturday: day 1 is the Monday.
        (date(2026, 11, 21), date(2026, 11, 21), date(2026, 11, 27), 5, StepState.DUE),
        # The Late Summer bank holiday, Monday 31 August 2026, across a month end.
        (date(2026, 8, 27), date(2026, 9, 4), date(2026, 9, 4), 0, StepState.DUE_SOON),
    ],
)
def test_acknowledgement_due_in_working_days_across_bank_holidays_and_month_ends(
    received: date, today: date, due: date, left: int, state: StepState
) -> None:
    found = step(CaseEvents(received=received), "acknowledge", today)
    assert (found.due, found.working_days_left, found.state) == (due, left, state)


def test_acknowledgement_is_done_by_its_letter_or_by_the_decision_letter() -> None:
    received = date(2026, 11, 20)
    ack = CaseEvents(received=received, letters={LetterKind.ACKNOWLEDGEMENT: date(2026, 11, 24)})
    found = step(ack, "acknowledge", date(2026, 12, 7))
    assert found.state is StepState.DONE and found.done_on == date(2026, 11, 24)
    decision = CaseEvents(received=received, letters={LetterKind.DECISION: date(2026, 12, 1)})
    assert step(decision, "acknowledge", date(2026, 12, 7)).state is StepState.DONE
    overdue = step(CaseEvents(received=received), "acknowledge", date(2026, 12, 7))
    assert overdue.state is StepState.OVERDUE and overdue.working_days_left == -6


def refused(**more: object) -> CaseEvents:
    return CaseEvents(
        received=date(2026, 11, 2),
        decided=date(2026, 11, 20),
        outcome=DecisionOutcome.NOT_MET,
        **more,  # type: ignore[arg-type]
    )


def accepted(outcome: DecisionOutcome = DecisionOutcome.MET, **more: object) -> CaseEvents:
    return CaseEvents(
        received=date(2026, 11, 2),
        decided=date(2026, 11, 20),
        outcome=outcome,
        **more,  # type: ignore[arg-type]
    )


def test_a_refused_case_has_the_not_met_letter_and_none_of_the_review_steps() -> None:
    steps = by_id(case_clock(refused(), HART, date(2026, 11, 23)))
    assert steps["not_met_letter"].due == date(2026, 11, 27)
    assert steps["not_met_letter"].state is StepState.DUE
    assert not {"next_steps_letter", "review_meeting", "appeal_window"} & set(steps)
    sent = refused(letters={LetterKind.DECISION: date(2026, 11, 26)})
    assert step(sent, "not_met_letter", date(2026, 12, 7)).state is StepState.DONE


@pytest.mark.parametrize("outcome", [DecisionOutcome.MET, DecisionOutcome.DISCRETION])
def test_an_accepted_case_starts_the_next_steps_letter_spoc_contact_and_review_meeting(
    outcome: DecisionOutcome,
) -> None:
    steps = by_id(case_clock(accepted(outcome), HART, date(2026, 11, 23)))
    assert "not_met_letter" not in steps
    assert steps["next_steps_letter"].due == date(2026, 11, 27)
    assert steps["spoc_contact"].due == date(2026, 11, 27)
    assert steps["review_meeting"].due == date(2026, 12, 4)  # 10 working days from Friday
    assert steps["partner_information"].state is StepState.WAITING
    assert steps["outcome_to_victim"].state is StepState.WAITING


def test_each_review_step_is_done_by_its_own_event() -> None:
    events = accepted(
        letters={
            LetterKind.DECISION: date(2026, 11, 20),
            LetterKind.NEXT_STEPS: date(2026, 11, 23),
            LetterKind.OUTCOME: date(2026, 12, 10),
        },
        victim_contacted=date(2026, 11, 24),
        information_requested=date(2026, 11, 24),
        meeting_planned=date(2026, 12, 3),
        meeting_held=date(2026, 12, 3),
        minutes_circulated=date(2026, 12, 8),
        action_plan_completed=date(2026, 12, 14),
    )
    steps = by_id(case_clock(events, HART, date(2026, 12, 14)))
    done = {
        "acknowledge": date(2026, 11, 20),
        "next_steps_letter": date(2026, 11, 23),
        "spoc_contact": date(2026, 11, 24),
        "partner_information": date(2026, 12, 3),
        "review_meeting": date(2026, 12, 3),
        "outcome_to_victim": date(2026, 12, 10),
        "minutes_to_panel": date(2026, 12, 8),
    }
    for step_id, day in done.items():
        assert (steps[step_id].state, steps[step_id].done_on) == (StepState.DONE, day), step_id
    assert steps["partner_information"].due == date(2026, 12, 8)  # 10 working days
    assert steps["outcome_to_victim"].due == date(2026, 12, 10)  # 5 after the meeting
    window = steps["appeal_window"]
    assert window.due == date(2026, 12, 28) and window.state is StepState.DUE  # 14 days


def test_the_appeal_window_is_never_overdue_and_closes_after_its_last_day() -> None:
    events = accepted(action_plan_completed=date(2026, 12, 14))
    assert step(events, "appeal_window", date(2026, 12, 24)).state is StepState.DUE
    closed = step(events, "appeal_window", date(2026, 12, 29))
    assert closed.state is StepState.DONE and closed.done_on == date(2026, 12, 28)


def test_a_missed_review_meeting_is_overdue_and_shows_its_planned_day() -> None:
    events = accepted(meeting_planned=date(2026, 12, 10))
    meeting = step(events, "review_meeting", date(2026, 12, 7))
    assert meeting.state is StepState.OVERDUE and meeting.working_days_left == -1
    assert meeting.planned == date(2026, 12, 10)


def test_durham_tracks_its_action_plan_step_instead_of_the_outcome_step() -> None:
    events = accepted(meeting_held=date(2026, 12, 3))
    durham = by_id(case_clock(events, DURHAM, date(2026, 12, 4)))
    assert "outcome_to_victim" not in durham
    assert durham["action_plan_to_victim"].due == date(2026, 12, 10)
    assert (
        durham["review_meeting"].own
        and "10 working days" in durham["review_meeting"].timescale.source
    )
    hartlepool = by_id(case_clock(events, HARTLEPOOL, date(2026, 12, 4)))
    assert "action_plan_to_victim" not in hartlepool and "outcome_to_victim" in hartlepool
    assert not hartlepool["review_meeting"].own


def test_dartford_counts_its_findings_letter_from_the_application() -> None:
    steps = by_id(case_clock(accepted(), DARTFORD, date(2026, 12, 7)))
    findings = steps["findings_to_applicant"]
    assert findings.started == date(2026, 11, 2)
    assert findings.due == date(2026, 12, 14)  # 30 working days from Monday 2 November
    assert "outcome_to_victim" not in steps


def test_an_area_can_set_its_own_limit_for_a_step() -> None:
    text = (
        'id = "x"\nname = "X"\nversion = "1"\nadministrator = "X"\n'
        '[qualifying_complaint]\nreport_within = { unit = "none" }\nwindow_months = 6\n'
        'wording = "w"\n[routes.volume]\ncount = 3\nwording = "w"\n'
        "[routes.hate]\navailable = false\n[routes.community]\navailable = false\n"
        "[discretion]\navailable = false\n"
        '[[relevant_bodies]]\nagency = "council"\nname = "the council"\n'
        '[timescales.review_meeting]\nlimit = 15\nsource = "X policy 4.2"\n'
    )
    profile = parse_profile(text, "x.toml")
    meeting = step(accepted(), "review_meeting", date(2026, 11, 23), profile)
    assert meeting.due == date(2026, 12, 11) and meeting.own
    assert meeting.timescale.source == "X policy 4.2"
    with pytest.raises(ProfileError, match="unknown timescale step review_meting"):
        parse_profile(text.replace("review_meeting", "review_meting"), "x.toml")


def test_steps_are_sorted_soonest_first_and_next_step_is_the_first_open_one() -> None:
    events = accepted(
        letters={LetterKind.DECISION: date(2026, 11, 20)},
        victim_contacted=date(2026, 11, 23),
        information_requested=date(2026, 11, 23),
    )
    steps = case_clock(events, HART, date(2026, 11, 24))
    dues = [s.due for s in steps if s.due is not None]
    assert dues == sorted(dues)
    found = next_step(steps)
    assert found is not None and found.id == "next_steps_letter"
    assert next_step([s for s in steps if not s.open]) is None


def test_every_packaged_area_has_a_review_meeting_on_its_clock() -> None:
    for profile in PROFILES.values():
        steps = by_id(case_clock(accepted(), profile, date(2026, 11, 23)))
        assert steps["review_meeting"].due is not None, profile.id


@pytest.mark.parametrize("profile", [HART, DURHAM, DARTFORD, HARTLEPOOL], ids=lambda p: p.id)
def test_a_clock_from_its_profiles_plan_is_the_clock_from_the_profile(profile: Profile) -> None:
    plan = clock_plan(profile)
    today = date(2026, 12, 7)
    for events in (
        CaseEvents(received=date(2026, 11, 20)),
        refused(),
        accepted(),
        accepted(DecisionOutcome.DISCRETION, meeting_held=date(2026, 12, 1)),
    ):
        assert case_clock(events, profile, today, plan) == case_clock(events, profile, today)


def test_cases_with_equal_events_have_equal_keys_and_a_letter_tells_them_apart() -> None:
    first = CaseEvents(
        received=date(2026, 11, 20), letters={LetterKind.DECISION: date(2026, 12, 1)}
    )
    same = CaseEvents(received=date(2026, 11, 20), letters={LetterKind.DECISION: date(2026, 12, 1)})
    assert first.key() == same.key() and hash(first.key()) == hash(same.key())
    assert first.key() != CaseEvents(received=date(2026, 11, 20)).key()


def test_partner_information_is_done_when_received_or_at_the_meeting_at_the_latest() -> None:
    requested = accepted(information_requested=date(2026, 11, 24))
    today = date(2026, 12, 2)  # due on the 8th
    assert step(requested, "partner_information", today).state is StepState.DUE
    received = accepted(
        information_requested=date(2026, 11, 24), information_received=date(2026, 12, 1)
    )
    done = step(received, "partner_information", today)
    assert (done.state, done.done_on) == (StepState.DONE, date(2026, 12, 1))
    assert step(received, "review_meeting", today).state is not StepState.DONE
    # recorded late, after the meeting: the meeting had the information
    late = accepted(
        information_requested=date(2026, 11, 24),
        meeting_held=date(2026, 12, 3),
        information_received=date(2026, 12, 4),
    )
    assert step(late, "partner_information", date(2026, 12, 7)).done_on == date(2026, 12, 3)
    assert received.key() != requested.key()  # cases alike share a clock only if both agree
