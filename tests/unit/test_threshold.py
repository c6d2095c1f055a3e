"""The threshold engine against the exact rules of threshold-rules.md: one incident at a time.

The engine answers with reason codes and their figures; these tests assert those. The routes are
tested in test_threshold_routes.py, the prose the codes render to in test_threshold_explain.py.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.unit.threshold_cases import (
    THREE_QUALIFYING,
    check,
    codes,
    d,
    draft,
    incident,
    outcome_of,
    ref,
)
from trigger.dates import add_months
from trigger.draft import Draft, Incident
from trigger.profiles import get_profile
from trigger.threshold import Outcome, Reason, ReasonCode, decide
from trigger.vocabulary import Agency, Route, Status

# --- one incident: does it qualify? --------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "application", "day", "on", "expected"),
    [
        # Hart: within 30 days means R - I <= 30.
        ("hart", "2026-10-15", "2026-09-01", "2026-10-01", Outcome.QUALIFYING),
        ("hart", "2026-10-15", "2026-09-01", "2026-10-02", Outcome.NOT_QUALIFYING),
        # One calendar month: R <= I + 1 month, with month-end clamping.
        ("dartford", "2026-03-15", "2026-01-31", "2026-02-28", Outcome.QUALIFYING),
        ("dartford", "2026-03-15", "2026-01-31", "2026-03-01", Outcome.NOT_QUALIFYING),
        ("hartlepool", "2028-03-15", "2028-01-31", "2028-02-29", Outcome.QUALIFYING),
        ("hartlepool", "2028-03-15", "2028-01-31", "2028-03-01", Outcome.NOT_QUALIFYING),
        ("dartford", "2026-10-02", "2026-08-31", "2026-09-30", Outcome.QUALIFYING),
        ("leicestershire", "2026-11-02", "2026-09-30", "2026-10-30", Outcome.QUALIFYING),
        ("leicestershire", "2026-11-02", "2026-09-30", "2026-10-31", Outcome.NOT_QUALIFYING),
        # Hart's 30 days is not a month: 31 days in a 31-day month fails.
        ("hart", "2026-11-02", "2026-09-30", "2026-10-31", Outcome.NOT_QUALIFYING),
        # Durham sets no time limit for the report.
        ("durham", "2026-07-01", "2026-01-05", "2026-06-30", Outcome.QUALIFYING),
        # The window: A - 6 calendar months <= R <= A.
        ("hartlepool", "2026-11-10", "2026-05-10", "2026-05-10", Outcome.QUALIFYING),
        ("hartlepool", "2026-11-10", "2026-05-09", "2026-05-09", Outcome.NOT_QUALIFYING),
        ("hartlepool", "2026-11-10", "2026-11-10", "2026-11-10", Outcome.QUALIFYING),
        ("hartlepool", "2026-11-10", "2026-11-09", "2026-11-11", Outcome.NOT_QUALIFYING),
        (
            "hart",
            "2026-08-31",
            "2026-02-27",
            "2026-02-28",
            Outcome.QUALIFYING,
        ),  # 31 Aug - 6 months = 28 Feb
        ("hart", "2026-08-31", "2026-02-26", "2026-02-27", Outcome.NOT_QUALIFYING),
        ("durham", "2026-09-16", "2023-07-14", "2023-07-14", Outcome.NOT_QUALIFYING),
        # An incident dated after the application is a mistake, not a complaint.
        ("hart", "2026-10-15", "2026-10-16", "2026-10-16", Outcome.NOT_QUALIFYING),
    ],
)
def test_report_date_rules(
    policy: str, application: str, day: str, on: str, expected: Outcome
) -> None:
    assert outcome_of(policy, application, incident(day, on)) is expected


@pytest.mark.parametrize(
    ("on", "expected", "code", "days"),
    [
        # 30 days after the range's last day
        ("2026-11-09", Outcome.QUALIFYING, ReasonCode.QUALIFYING_COMPLAINT, 30),
        ("2026-11-10", Outcome.NOT_QUALIFYING, ReasonCode.REPORTED_TOO_LATE, 31),
        # reported during the range
        ("2026-10-05", Outcome.QUALIFYING, ReasonCode.QUALIFYING_COMPLAINT, -5),
    ],
)
def test_range_incident_uses_its_last_day(
    on: str, expected: Outcome, code: ReasonCode, days: int
) -> None:
    case = draft("2026-11-12", incident("2026-10-01", on, end="2026-10-10"))
    decision = check("hart", case)
    assert decision.assessments[0].outcome is expected
    reason = decision.reasons[0]
    assert reason.code is code
    assert reason.incident == ref(0, "2026-10-01", "2026-10-10")
    assert reason.incident.day == d("2026-10-10")
    assert (reason.reported_on, reason.days) == (d(on), days)


def test_report_too_late_names_the_last_day_it_was_in_time() -> None:
    decision = check(
        "hart", draft("2026-11-12", incident("2026-10-01", "2026-11-10", end="2026-10-10"))
    )
    assert decision.reasons[0].latest == d("2026-11-09")


def test_report_before_the_incident_date_still_counts_and_carries_a_negative_delay() -> None:
    decision = check("hart", draft("2026-11-12", incident("2026-10-10", "2026-10-05")))
    assert decision.assessments[0].outcome is Outcome.QUALIFYING
    assert decision.reasons[0].days == -5
    assert decision.reasons[0].incident == ref(0, "2026-10-10")


@pytest.mark.parametrize(
    ("agencies", "expected"),
    [
        (("other",), Outcome.NOT_QUALIFYING),  # an MP, councillor or charity never counts
        (("other", "council"), Outcome.QUALIFYING),
        (("housing",), Outcome.QUALIFYING),
        (("health",), Outcome.QUALIFYING),
        ((), Outcome.POSSIBLE),  # reported to someone unnamed
    ],
)
def test_only_relevant_bodies_make_a_complaint(
    agencies: tuple[str, ...], expected: Outcome
) -> None:
    item = incident("2026-10-01", "2026-10-01", agencies=agencies)
    assert outcome_of("hart", "2026-10-15", item) is expected


def test_reported_flag_missing_but_report_day_given_counts_as_reported() -> None:
    item = incident("2026-10-01", "2026-10-02", reported=None, agencies=("council",))
    assert outcome_of("hart", "2026-10-15", item) is Outcome.QUALIFYING


def test_not_reported_is_not_a_complaint() -> None:
    decision = check("hart", draft("2026-10-15", incident("2026-10-01", reported=False)))
    assert decision.assessments[0].outcome is Outcome.NOT_REPORTED
    assert decision.reasons[0] == Reason(
        code=ReasonCode.NOT_REPORTED, incident=ref(0, "2026-10-01")
    )


# --- the same incident reported to several bodies is one complaint -------------------------------


def test_one_incident_reported_to_two_bodies_is_one_complaint() -> None:
    case = draft(
        "2026-10-08",
        incident("2026-09-12", "2026-09-12", agencies=("council", "police")),
        incident("2026-09-26", "2026-09-26"),
    )
    decision = check("hart", case)
    assert decision.status is Status.NOT_MET
    assert decision.qualifying == [0, 1]
    assert decision.reasons[0].code is ReasonCode.QUALIFYING_COMPLAINT
    assert decision.reasons[0].agencies == (Agency.COUNCIL, Agency.POLICE)
    assert decision.reasons[0].details == (
        Reason(code=ReasonCode.ONE_COMPLAINT_SEVERAL_BODIES, count=2),
    )
    assert decision.reasons[1].details == ()


# --- statuses over whole drafts -----------------------------------------------------------------


@pytest.mark.parametrize("policy", ["hart", "durham", "dartford", "leicestershire", "hartlepool"])
def test_three_qualifying_complaints_meet_the_volume_route_everywhere(policy: str) -> None:
    decision = check(policy, draft("2026-09-14", *THREE_QUALIFYING))
    assert decision.status is Status.MET
    assert decision.routes == [Route.VOLUME]
    assert decision.qualifying == [0, 1, 2]
    assert decision.missing == [] and decision.would_change == []
    volume = decision.route_outcomes[0]
    assert volume.reason == Reason(
        code=ReasonCode.VOLUME_ROUTE_HOLDS, count=3, needed=3, possible=0
    )


@pytest.mark.parametrize("policy", ["hart", "durham", "dartford", "leicestershire", "hartlepool"])
def test_two_qualifying_complaints_do_not(policy: str) -> None:
    decision = check(policy, draft("2026-09-14", *THREE_QUALIFYING[:2]))
    assert decision.status is Status.NOT_MET
    assert decision.routes == []
    assert decision.route_outcomes[0].reason == Reason(
        code=ReasonCode.VOLUME_ROUTE_FAILS, count=2, needed=3, possible=0
    )


@pytest.mark.parametrize(
    ("unknown", "code", "missing"),
    [
        # a missing report date that matters: reported, but too long ago to deduce
        (
            incident("2026-08-01"),
            ReasonCode.REPORT_DAY_UNKNOWN,
            [ReasonCode.MISSING_REPORT_DAY],
        ),
        # a missing agency
        (
            incident("2026-09-10", "2026-09-11", agencies=()),
            ReasonCode.AGENCY_UNKNOWN,
            [ReasonCode.MISSING_AGENCY],
        ),
        # an incident with no date
        (
            incident(None, "2026-09-10"),
            ReasonCode.INCIDENT_DATE_UNKNOWN,
            [ReasonCode.MISSING_INCIDENT_DATE],
        ),
        # whether it was reported at all
        (
            incident("2026-09-10", reported=None, agencies=()),
            ReasonCode.REPORT_DAY_UNKNOWN,
            [ReasonCode.MISSING_WHETHER_REPORTED],
        ),
        # nothing known but that it was reported
        (
            incident(None, agencies=()),
            ReasonCode.REPORT_UNKNOWN_UNDATED,
            [
                ReasonCode.MISSING_INCIDENT_DATE,
                ReasonCode.MISSING_REPORT_DAY,
                ReasonCode.MISSING_AGENCY,
            ],
        ),
    ],
)
def test_each_unknown_that_could_meet_a_route_makes_the_case_incomplete(
    unknown: Incident, code: ReasonCode, missing: list[ReasonCode]
) -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], unknown)
    decision = check("hartlepool", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.reasons[2].code is code
    assert codes(decision.missing) == [(m, 2) for m in missing]
    assert decision.routes == []
    change = decision.would_change[0]
    assert (change.code, change.route) == (ReasonCode.ROUTE_WOULD_HOLD_IF, Route.VOLUME)
    assert change.details == (decision.assessments[2].condition,)
    assert decision.route_outcomes[0].reason == Reason(
        code=ReasonCode.VOLUME_ROUTE_POSSIBLE, count=2, needed=3, possible=1
    )


def test_unknown_report_day_is_deduced_when_every_possible_day_qualifies() -> None:
    # I = 20 Sep, A = 1 Oct: any R in [20 Sep, 1 Oct] is within 30 days and in the window.
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident("2026-09-20"))
    decision = check("hart", case)
    assert decision.status is Status.MET
    assert decision.assessments[2].outcome is Outcome.DEDUCED
    assert decision.reasons[2] == Reason(
        code=ReasonCode.REPORT_DAY_DEDUCED,
        incident=ref(2, "2026-09-20"),
        agencies=(Agency.POLICE,),
        earliest=d("2026-09-20"),
        application=d("2026-10-01"),
    )
    # Counted from the incident: the earliest day the report can have been made.
    assert decision.drop_out[2] == date(2027, 3, 21)


def test_unknown_report_day_that_cannot_qualify_is_not_a_missing_fact() -> None:
    # Reported within one month of 1 March means by 1 April, before the window opens on 1 April?
    # A = 2 October: window starts 2 April; the report had to be made by 1 April.
    case = draft("2026-10-02", incident("2026-03-01"))
    decision = check("hartlepool", case)
    assert decision.assessments[0].outcome is Outcome.NOT_QUALIFYING
    assert decision.status is Status.NOT_MET
    assert decision.missing == []
    reason = decision.reasons[0]
    assert reason.code is ReasonCode.REPORT_TOO_LATE_FOR_WINDOW
    assert (reason.latest, reason.window_start, reason.months) == (
        d("2026-04-01"),
        d("2026-04-02"),
        6,
    )


def test_unknown_reported_flag_on_an_old_incident_cannot_qualify() -> None:
    decision = check(
        "hartlepool", draft("2026-10-02", incident("2026-03-01", reported=None, agencies=()))
    )
    assert decision.assessments[0].outcome is Outcome.NOT_QUALIFYING
    assert decision.reasons[0].code is ReasonCode.REPORT_TOO_LATE_FOR_WINDOW
    assert decision.reasons[0].reported is None


def test_unknown_report_day_and_agency_with_every_day_in_time_needs_only_the_agency() -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident("2026-09-25", agencies=()))
    decision = check("hart", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.reasons[2].code is ReasonCode.REPORT_DAY_AND_AGENCY_UNKNOWN
    assert codes(decision.missing) == [(ReasonCode.MISSING_AGENCY, 2)]
    assert decision.assessments[2].condition == Reason(
        code=ReasonCode.CONDITION_REPORTED_TO_RELEVANT_BODY, incident=ref(2, "2026-09-25")
    )


def test_unknown_report_day_and_agency_both_missing_when_the_day_matters() -> None:
    case = draft("2026-10-20", *THREE_QUALIFYING[1:], incident("2026-09-01", agencies=()))
    decision = check("hart", case)
    assert codes(decision.missing) == [
        (ReasonCode.MISSING_REPORT_DAY, 2),
        (ReasonCode.MISSING_AGENCY, 2),
    ]
    condition = decision.assessments[2].condition
    assert condition is not None and condition.code is ReasonCode.CONDITION_REPORTED_BETWEEN
    assert (condition.earliest, condition.latest, condition.agencies) == (
        d("2026-09-01"),
        d("2026-10-01"),
        (),
    )


def test_undated_incident_with_report_day_and_no_agency_names_both() -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident(None, "2026-09-20", agencies=()))
    decision = check("hart", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.missing == [
        Reason(
            code=ReasonCode.MISSING_INCIDENT_DATE,
            incident=ref(2, None),
            reported_on=d("2026-09-20"),
        ),
        Reason(code=ReasonCode.MISSING_AGENCY, incident=ref(2, None), reported_on=d("2026-09-20")),
    ]
    assert decision.would_change[0].details == (
        Reason(
            code=ReasonCode.CONDITION_HAPPENED_ON_OR_AFTER,
            incident=ref(2, None),
            reported_on=d("2026-09-20"),
            earliest=d("2026-08-21"),
        ),
    )


def test_undated_incident_reported_in_the_window_qualifies_where_there_is_no_time_limit() -> None:
    assert outcome_of("durham", "2026-10-01", incident(None, "2026-09-20")) is Outcome.QUALIFYING


def test_undated_incident_with_no_body_where_there_is_no_time_limit_needs_only_the_body() -> None:
    decision = check("durham", draft("2026-10-01", incident(None, "2026-09-20", agencies=())))
    assert decision.reasons[0].code is ReasonCode.AGENCY_UNKNOWN
    assert decision.reasons[0].days is None
    assert codes(decision.assessments[0].missing) == [(ReasonCode.MISSING_AGENCY, 0)]


def test_undated_incident_reported_before_the_window_does_not_qualify() -> None:
    decision = check("hart", draft("2026-10-01", incident(None, "2026-03-20")))
    assert decision.assessments[0].outcome is Outcome.NOT_QUALIFYING
    assert decision.reasons[0].code is ReasonCode.OUTSIDE_WINDOW
    assert decision.reasons[0].days is None


def test_undated_unknown_report_where_there_is_no_time_limit_needs_only_the_report_day() -> None:
    decision = check(
        "durham", draft("2026-10-01", *THREE_QUALIFYING[1:], incident(None, agencies=("police",)))
    )
    assert codes(decision.missing) == [(ReasonCode.MISSING_REPORT_DAY, 2)]


@pytest.mark.parametrize(
    "day",
    ["2026-01-31", "2026-02-28", "2026-03-30"],
)
def test_undated_incident_earliest_day_respects_month_clamping(day: str) -> None:
    decision = check("dartford", draft("2026-04-15", incident(None, day)))
    condition = decision.assessments[0].condition
    # The earliest incident day I satisfies R <= I + 1 month, and no earlier day does.
    report = d(day)
    candidates = [report - timedelta(days=n) for n in range(40)]
    earliest = min(i for i in candidates if add_months(i, 1) >= report)
    assert condition is not None and condition.earliest == earliest
    assert decision.reasons[0].earliest == earliest


def test_too_few_possible_complaints_is_not_met_and_names_no_missing_fact() -> None:
    case = draft(
        "2026-10-01", THREE_QUALIFYING[2], incident("2026-09-10", "2026-09-11", agencies=())
    )
    decision = check("hartlepool", case)
    assert decision.status is Status.NOT_MET
    assert decision.missing == []


def test_missing_agency_is_not_asked_for_when_the_threshold_is_already_met() -> None:
    case = draft("2026-09-14", *THREE_QUALIFYING, incident("2026-09-10", "2026-09-11", agencies=()))
    decision = check("hart", case)
    assert decision.status is Status.MET
    assert decision.missing == []


def test_report_after_the_application_is_not_counted() -> None:
    decision = check("hart", draft("2026-10-01", incident("2026-09-30", "2026-10-02")))
    assert decision.assessments[0].outcome is Outcome.NOT_QUALIFYING
    assert decision.reasons[0] == Reason(
        code=ReasonCode.REPORTED_AFTER_APPLICATION,
        incident=ref(0, "2026-09-30"),
        agencies=(Agency.POLICE,),
        reported_on=d("2026-10-02"),
        application=d("2026-10-01"),
    )


def test_incident_dated_after_the_application_is_not_counted() -> None:
    decision = check("hart", draft("2026-10-01", incident("2026-10-02", "2026-10-02")))
    assert decision.reasons[0] == Reason(
        code=ReasonCode.DATED_AFTER_APPLICATION,
        incident=ref(0, "2026-10-02"),
        agencies=(Agency.POLICE,),
        application=d("2026-10-01"),
    )


# --- the figures each reason carries ------------------------------------------------------------


def test_reason_carries_the_figures_of_the_rules_page_example() -> None:
    decision = check("hart", draft("2026-04-10", incident("2026-03-03", "2026-04-03")))
    assert decision.reasons[0] == Reason(
        code=ReasonCode.REPORTED_TOO_LATE,
        incident=ref(0, "2026-03-03"),
        agencies=(Agency.POLICE,),
        reported_on=d("2026-04-03"),
        days=31,
        latest=d("2026-04-02"),
    )


@pytest.mark.parametrize(
    ("policy", "item", "code", "details"),
    [
        (
            "hart",
            incident("2026-09-02", "2026-09-02", strands=["race"]),
            ReasonCode.QUALIFYING_COMPLAINT,
            [ReasonCode.HATE_INCIDENT],
        ),
        (
            "dartford",
            incident("2026-09-01", "2026-09-02", agencies=("council",)),
            ReasonCode.QUALIFYING_COMPLAINT,
            [],
        ),
        (
            "durham",
            incident("2026-03-28", "2026-06-02"),
            ReasonCode.QUALIFYING_COMPLAINT,
            [ReasonCode.NO_TIME_LIMIT],
        ),
        ("durham", incident("2026-05-28", "2026-06-28"), ReasonCode.QUALIFYING_COMPLAINT, []),
        ("leicestershire", incident("2026-09-30", "2026-10-31"), ReasonCode.REPORTED_TOO_LATE, []),
        (
            "hartlepool",
            incident("2026-05-08", "2026-05-08", agencies=("council",)),
            ReasonCode.OUTSIDE_WINDOW,
            [],
        ),
        (
            "hart",
            incident("2026-10-01", "2026-10-01", agencies=("other",)),
            ReasonCode.REPORTED_TO_IRRELEVANT_BODY,
            [],
        ),
    ],
)
def test_each_incident_gets_one_reason_code_with_its_qualifiers(
    policy: str, item: Incident, code: ReasonCode, details: list[ReasonCode]
) -> None:
    reason = check(policy, draft("2026-11-10", item)).reasons[0]
    assert reason.code is code
    assert [detail.code for detail in reason.details] == details


def test_application_date_is_the_london_day_of_receipt() -> None:
    # 23:30 UTC on 30 September is 00:30 on 1 October in London (BST).
    late = Draft(
        received_at=datetime(2026, 9, 30, 23, 30, tzinfo=ZoneInfo("UTC")),
        incidents=[incident("2026-09-01", "2026-10-01")],
    )
    decision = decide(late, get_profile("hart"))
    assert decision.application_date == date(2026, 10, 1)
    # Reported on 1 October: in the window only because A is the London day, not the UTC one.
    assert decision.assessments[0].outcome is Outcome.QUALIFYING
