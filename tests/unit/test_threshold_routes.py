"""The routes of each profile's threshold, exclusions, discretion and what would change the answer.

Like test_threshold.py, these assert reason codes and figures; test_threshold_explain.py pins
the prose.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.threshold_cases import (
    THREE_QUALIFYING,
    check,
    codes,
    d,
    draft,
    incident,
    ref,
)
from trigger.draft import Draft, Incident
from trigger.profiles import get_profile
from trigger.threshold import Reason, ReasonCode, RouteState
from trigger.vocabulary import Agency, Exclusion, HateStrand, RiskFlag, Route, Status

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


# --- drop-out dates and what would change -------------------------------------------------------


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
