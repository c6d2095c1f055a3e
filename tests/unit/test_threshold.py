"""The threshold engine against the exact rules of threshold-rules.md, profile by profile.

The engine answers with reason codes and their figures; these tests assert those. The prose the
codes render to is pinned in test_threshold_explain.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from trigger.dates import add_months
from trigger.draft import DateRange, Draft, Incident
from trigger.profiles import get_profile
from trigger.threshold import (
    IncidentRef,
    Outcome,
    Reason,
    ReasonCode,
    RouteState,
    ThresholdDecision,
    decide,
)
from trigger.vocabulary import Agency, Exclusion, HateStrand, RiskFlag, Route, Status

LONDON = ZoneInfo("Europe/London")


def d(text: str) -> date:
    return date.fromisoformat(text)


def incident(
    day: str | None = None,
    on: str | None = None,
    *,
    end: str | None = None,
    reported: bool | None = True,
    agencies: Sequence[str] = ("police",),
    strands: Sequence[str] = (),
) -> Incident:
    """An incident on ``day`` (to ``end`` for a range) reported on ``on``."""
    start = d(day) if day else None
    return Incident(
        occurred=DateRange(start=start, end=d(end) if end else start),
        reported=reported,
        reported_on=d(on) if on else None,
        agencies=[Agency(a) for a in agencies] if reported is not False else [],
        hate_strands=[HateStrand(s) for s in strands],
    )


def draft(
    application: str,
    *incidents: Incident,
    community: int | None = None,
    exclusions: Sequence[str] = (),
    risks: Sequence[str] = (),
    strands: Sequence[str] = (),
) -> Draft:
    received = datetime.combine(d(application), time(12, 0), tzinfo=LONDON)
    return Draft(
        received_at=received,
        incidents=list(incidents),
        community_reporters=community,
        exclusions=[Exclusion(e) for e in exclusions],
        risk_flags=[RiskFlag(r) for r in risks],
        hate_strands=[HateStrand(s) for s in strands],
    )


def check(policy: str, case: Draft) -> ThresholdDecision:
    return decide(case, get_profile(policy))


def outcome_of(policy: str, application: str, item: Incident) -> Outcome:
    return check(policy, draft(application, item)).assessments[0].outcome


def codes(reasons: Sequence[Reason]) -> list[tuple[ReasonCode, int | None]]:
    """Each reason's code and the index of the incident it is about."""
    return [(r.code, r.incident.index if r.incident else None) for r in reasons]


def ref(index: int, day: str | None, end: str | None = None) -> IncidentRef:
    start = d(day) if day else None
    return IncidentRef(index, start, d(end) if end else start)


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


THREE_QUALIFYING = (
    incident("2026-08-31", "2026-08-31"),
    incident("2026-09-08", "2026-09-09", agencies=("council",)),
    incident("2026-09-13", "2026-09-13"),
)


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


# --- exclusions come first ---------------------------------------------------------------------


@pytest.mark.parametrize("exclusion", list(Exclusion))
def test_each_exclusion_excludes_even_a_case_that_meets_the_threshold(exclusion: Exclusion) -> None:
    case = draft(
        "2026-09-14", *THREE_QUALIFYING, exclusions=[exclusion], risks=["vulnerable_adult"]
    )
    decision = check("hart", case)
    assert decision.status is Status.EXCLUDED
    assert decision.routes == []
    assert decision.discretion_suggested is False
    assert decision.reasons[0] == Reason(code=ReasonCode.EXCLUDED, exclusion=exclusion)
    assert decision.would_change == []
    # No route is explained for an excluded request.
    assert not any(
        r.code.startswith(("volume_", "hate_route", "community_")) for r in decision.reasons
    )


# --- hate route ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "strand", "hate_route"),
    [
        ("hart", "race", True),
        ("hart", "transgender_identity", True),
        ("hart", "age", False),  # outside S5: an ordinary complaint
        ("leicestershire", "religion", True),
        ("leicestershire", "pregnancy_maternity", False),
        ("durham", "age", True),  # S9
        ("durham", "marriage_civil_partnership", True),
        ("dartford", "race", False),  # no hate route: counts towards the three
        ("hartlepool", "race", False),
    ],
)
def test_one_qualifying_hate_complaint_meets_the_hate_route_only_for_listed_strands(
    policy: str, strand: str, hate_route: bool
) -> None:
    decision = check(
        policy, draft("2026-10-19", incident("2026-10-14", "2026-10-14", strands=[strand]))
    )
    assert (decision.status is Status.MET) is hate_route
    assert (Route.HATE in decision.routes) is hate_route
    assert decision.qualifying == [0]


def test_hate_strand_outside_the_list_is_explained_as_an_ordinary_complaint() -> None:
    decision = check(
        "hart", draft("2026-10-19", incident("2026-10-14", "2026-10-14", strands=["age"]))
    )
    assert decision.reasons[0].details == (
        Reason(code=ReasonCode.HATE_STRAND_NOT_LISTED, strands=(HateStrand.AGE,)),
    )


def test_hate_incident_in_an_area_without_a_hate_route_counts_towards_volume() -> None:
    case = draft(
        "2026-10-02",
        incident("2026-08-31", "2026-09-30", agencies=("council",)),
        incident("2026-09-15", "2026-09-15", strands=["race"]),
        incident("2026-10-01", "2026-10-01"),
    )
    decision = check("dartford", case)
    assert decision.routes == [Route.VOLUME]
    assert decision.reasons[1].details == (
        Reason(code=ReasonCode.HATE_COUNTS_AS_COMPLAINT, strands=(HateStrand.RACE,)),
    )
    assert decision.route_outcomes[1].reason == Reason(code=ReasonCode.HATE_ROUTE_NOT_OFFERED)


def test_unreported_hate_incident_does_not_open_the_hate_route() -> None:
    decision = check(
        "hart", draft("2026-08-25", incident("2026-08-02", reported=False, strands=["disability"]))
    )
    assert decision.status is Status.NOT_MET


def test_hate_incident_with_unknown_report_day_makes_the_hate_route_depend_on_it() -> None:
    case = draft(
        "2026-10-20",
        incident("2026-09-01", strands=["race"]),
        incident("2026-09-02", agencies=()),  # possible, but irrelevant to the hate route
    )
    decision = check("hart", case)
    assert decision.status is Status.INCOMPLETE
    states = {o.route: o.state for o in decision.route_outcomes}
    assert states[Route.HATE] is RouteState.POSSIBLE
    assert states[Route.VOLUME] is RouteState.FAILS
    assert codes(decision.missing) == [(ReasonCode.MISSING_REPORT_DAY, 0)]
    change = decision.would_change[0]
    assert (change.code, change.route) == (ReasonCode.ROUTE_WOULD_HOLD_IF, Route.HATE)
    assert codes(change.details) == [(ReasonCode.CONDITION_REPORTED_BETWEEN, 0)]
    assert decision.route_outcomes[1].reason.code is ReasonCode.HATE_ROUTE_POSSIBLE


def test_hate_strand_not_tied_to_an_incident_is_flagged_for_an_officer() -> None:
    decision = check(
        "hart", draft("2026-10-19", incident("2026-10-14", "2026-10-14"), strands=["race"])
    )
    assert decision.status is Status.NOT_MET
    assert (
        Reason(code=ReasonCode.HATE_NOT_TIED_TO_INCIDENT, strands=(HateStrand.RACE,))
        in decision.reasons
    )
    assert decision.route_outcomes[1].reason.code is ReasonCode.HATE_ROUTE_FAILS


def test_hate_route_names_the_first_qualifying_hate_complaint() -> None:
    case = draft(
        "2026-10-19",
        incident("2026-10-10", "2026-10-10"),
        incident("2026-10-14", "2026-10-14", strands=["race", "age"]),
    )
    decision = check("hart", case)
    assert decision.route_outcomes[1].reason == Reason(
        code=ReasonCode.HATE_ROUTE_HOLDS,
        incident=ref(1, "2026-10-14"),
        strands=(HateStrand.RACE,),
    )
    assert decision.reasons[1].details == (
        Reason(code=ReasonCode.HATE_INCIDENT, strands=(HateStrand.RACE,)),
    )


# --- community route ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "reporters", "met"),
    [
        ("durham", 5, True),
        ("durham", 4, False),
        ("leicestershire", 3, True),
        ("leicestershire", 2, False),
        ("hartlepool", 5, False),  # no community route
        ("hart", 10, False),
        ("dartford", 7, False),
    ],
)
def test_community_route_needs_the_profiles_count(policy: str, reporters: int, met: bool) -> None:
    decision = check(
        policy, draft("2026-09-10", incident("2026-09-05", "2026-09-05"), community=reporters)
    )
    assert (decision.routes == [Route.COMMUNITY]) is met
    reason = decision.route_outcomes[2].reason
    if policy in ("hartlepool", "hart", "dartford"):
        assert reason == Reason(code=ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED, count=reporters)
    else:
        code = ReasonCode.COMMUNITY_ROUTE_HOLDS if met else ReasonCode.COMMUNITY_ROUTE_FAILS
        assert (reason.code, reason.count) == (code, reporters)


def test_community_route_unknown_count_is_not_a_missing_fact() -> None:
    decision = check("durham", draft("2026-09-10", incident("2026-09-05", "2026-09-05")))
    assert decision.status is Status.NOT_MET
    assert decision.route_outcomes[2].reason == Reason(
        code=ReasonCode.COMMUNITY_COUNT_UNKNOWN, needed=5
    )
    assert (
        Reason(code=ReasonCode.COMMUNITY_REPORTS_NEEDED, needed=5, months=6)
        in decision.would_change
    )


def test_community_count_under_a_profile_without_the_route_is_mentioned() -> None:
    decision = check(
        "hartlepool", draft("2026-08-06", incident("2026-08-01", "2026-08-01"), community=5)
    )
    assert Reason(code=ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED, count=5) in decision.reasons


def test_every_route_that_holds_is_listed() -> None:
    case = draft(
        "2026-09-14",
        *THREE_QUALIFYING[:2],
        incident("2026-09-13", "2026-09-13", strands=["race"]),
        community=6,
    )
    assert check("durham", case).routes == [Route.VOLUME, Route.HATE, Route.COMMUNITY]


# --- discretion ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("incidents", "risks", "suggested"),
    [
        (THREE_QUALIFYING[:1], ["vulnerable_adult"], True),  # not met
        (THREE_QUALIFYING[1:] + (incident("2026-08-01"),), ["self_harm"], True),  # incomplete
        (THREE_QUALIFYING, ["child_at_risk"], False),  # met
        (THREE_QUALIFYING[:1], [], False),
    ],
)
def test_discretion_is_suggested_when_not_met_or_incomplete_and_risk_is_shown(
    incidents: tuple[Incident, ...], risks: list[str], suggested: bool
) -> None:
    decision = check("hart", draft("2026-09-14", *incidents, risks=risks))
    assert decision.discretion_suggested is suggested


def test_discretion_reason_names_who_may_exercise_it() -> None:
    decision = check("hart", draft("2026-09-14", THREE_QUALIFYING[0], risks=["threat_of_violence"]))
    assert decision.reasons[-1] == Reason(
        code=ReasonCode.DISCRETION_SUGGESTED, risks=(RiskFlag.THREAT_OF_VIOLENCE,)
    )
    other = check(
        "durham", draft("2026-09-14", THREE_QUALIFYING[0], risks=["immediate_danger", "self_harm"])
    )
    assert other.reasons[-1] == Reason(
        code=ReasonCode.DISCRETION_NO_ONE_NAMED,
        risks=(RiskFlag.IMMEDIATE_DANGER, RiskFlag.SELF_HARM),
    )


# --- reasons, drop-out dates and what would change ----------------------------------------------


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


def test_drop_out_is_the_first_application_day_outside_the_window() -> None:
    decision = check("hart", draft("2026-09-14", *THREE_QUALIFYING))
    assert decision.drop_out == {0: date(2027, 3, 1), 1: date(2027, 3, 10), 2: date(2027, 3, 14)}


def test_would_change_names_the_last_day_for_one_more_complaint() -> None:
    case = draft(
        "2026-10-01", incident("2026-07-14", "2026-07-14"), incident("2026-09-20", "2026-09-21")
    )
    decision = check("hart", case)
    assert decision.status is Status.NOT_MET
    assert decision.would_change[0] == Reason(
        code=ReasonCode.MORE_COMPLAINTS_BY, count=1, latest=d("2027-01-14")
    )
    assert decision.would_change[1].code is ReasonCode.HATE_COMPLAINT_NEEDED
    assert decision.would_change[1].strands[:2] == (HateStrand.RACE, HateStrand.RELIGION)


def test_would_change_without_any_qualifying_complaint_asks_for_three() -> None:
    decision = check("durham", draft("2026-10-01"))
    assert decision.would_change[0] == Reason(code=ReasonCode.COMPLAINTS_NEEDED, needed=3, months=6)
    assert Reason(code=ReasonCode.NO_INCIDENTS) in decision.reasons


def test_to_result_carries_the_decision_and_fits_in_a_draft() -> None:
    case = draft(
        "2026-10-01", incident("2026-07-14", "2026-07-14"), incident("2026-09-20", "2026-09-21")
    )
    decision = check("hart", case)
    result = decision.to_result()
    assert result.policy == "hart"
    assert result.status is Status.NOT_MET
    assert result.qualifying == [0, 1]
    assert result.profile_version == get_profile("hart").profile_version
    assert [(item.incident, item.on) for item in result.drop_out] == [
        (0, date(2027, 1, 15)),
        (1, date(2027, 3, 22)),
    ]
    text = decision.explain()
    assert result.would_change == text.would_change
    assert result.reasons == text.reasons and all(isinstance(r, str) for r in result.reasons)
    assert result.missing == text.missing == []
    with_threshold = case.model_copy(update={"threshold": result})
    dumped = Draft.model_validate_json(with_threshold.model_dump_json())
    assert dumped.threshold is not None and dumped.threshold.status is Status.NOT_MET


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


def test_undated_incident_reported_to_a_named_body_keeps_the_body_in_what_would_change() -> None:
    case = draft("2026-10-14", *THREE_QUALIFYING[1:], incident(None, agencies=("police",)))
    decision = check("hartlepool", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.would_change[0].details == (
        Reason(
            code=ReasonCode.CONDITION_REPORTED_IN_TIME,
            incident=ref(2, None),
            agencies=(Agency.POLICE,),
            window_start=d("2026-04-14"),
        ),
    )
