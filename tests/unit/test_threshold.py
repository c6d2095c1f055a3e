"""The threshold engine against the exact rules of threshold-rules.md, profile by profile."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from trigger.dates import add_months, format_day
from trigger.draft import DateRange, Draft, Incident
from trigger.profiles import get_profile
from trigger.threshold import Outcome, RouteState, ThresholdDecision, decide
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
    ("on", "expected"),
    [
        ("2026-11-09", Outcome.QUALIFYING),  # 30 days after the range's last day
        ("2026-11-10", Outcome.NOT_QUALIFYING),
        ("2026-10-05", Outcome.QUALIFYING),  # reported during the range
    ],
)
def test_range_incident_uses_its_last_day(on: str, expected: Outcome) -> None:
    case = draft("2026-11-12", incident("2026-10-01", on, end="2026-10-10"))
    decision = check("hart", case)
    assert decision.assessments[0].outcome is expected
    assert decision.reasons[0].startswith(
        "1-10 October (only a range is known: its last day, 10 October, is used"
    )


def test_report_within_a_range_says_so() -> None:
    decision = check(
        "hart", draft("2026-11-12", incident("2026-10-01", "2026-10-05", end="2026-10-10"))
    )
    assert "on 5 October, within that period: qualifying complaint" in decision.reasons[0]


def test_report_before_the_incident_date_asks_to_check_the_dates() -> None:
    decision = check("hart", draft("2026-11-12", incident("2026-10-10", "2026-10-05")))
    assert "before the date given for the incident (check the dates)" in decision.reasons[0]


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
    assert decision.reasons[0] == "1 October: not reported to a relevant body: not a complaint"


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
    assert "one complaint, although reported to two bodies; Hart s.5" in decision.reasons[0]


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


@pytest.mark.parametrize("policy", ["hart", "durham", "dartford", "leicestershire", "hartlepool"])
def test_two_qualifying_complaints_do_not(policy: str) -> None:
    decision = check(policy, draft("2026-09-14", *THREE_QUALIFYING[:2]))
    assert decision.status is Status.NOT_MET
    assert decision.routes == []


@pytest.mark.parametrize(
    ("unknown", "missing"),
    [
        # a missing report date that matters: reported, but too long ago to deduce
        (incident("2026-08-01"), "When the 1 August incident was reported is not known."),
        # a missing agency
        (
            incident("2026-09-10", "2026-09-11", agencies=()),
            "Who the 10 September incident was reported to is not known.",
        ),
        # an incident with no date
        (
            incident(None, "2026-09-10"),
            "The date of the incident reported to Cleveland Police on 10 September is not known.",
        ),
        # whether it was reported at all
        (
            incident("2026-09-10", reported=None, agencies=()),
            "Whether the 10 September incident was reported to a relevant body, and when, is not "
            "known.",
        ),
        # nothing known but that it was reported
        (
            incident(None, agencies=()),
            "When the undated incident (number 3) was reported is not known.",
        ),
    ],
)
def test_each_unknown_that_could_meet_a_route_makes_the_case_incomplete(
    unknown: Incident, missing: str
) -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], unknown)
    decision = check("hartlepool", case)
    assert decision.status is Status.INCOMPLETE
    assert missing in decision.missing
    assert decision.routes == []
    assert decision.would_change[0].startswith("The volume route would hold if the ")


def test_unknown_report_day_is_deduced_when_every_possible_day_qualifies() -> None:
    # I = 20 Sep, A = 1 Oct: any R in [20 Sep, 1 Oct] is within 30 days and in the window.
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident("2026-09-20"))
    decision = check("hart", case)
    assert decision.status is Status.MET
    assert decision.assessments[2].outcome is Outcome.DEDUCED
    assert "qualifying complaint (report day deduced)" in decision.reasons[2]
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
    assert "which is before the six-month window starts on 2 April" in decision.reasons[0]


def test_unknown_reported_flag_on_an_old_incident_cannot_qualify() -> None:
    decision = check(
        "hartlepool", draft("2026-10-02", incident("2026-03-01", reported=None, agencies=()))
    )
    assert decision.assessments[0].outcome is Outcome.NOT_QUALIFYING


def test_unknown_report_day_and_agency_with_every_day_in_time_needs_only_the_agency() -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident("2026-09-25", agencies=()))
    decision = check("hart", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.missing == ["Who the 25 September incident was reported to is not known."]


def test_unknown_report_day_and_agency_both_missing_when_the_day_matters() -> None:
    case = draft("2026-10-20", *THREE_QUALIFYING[1:], incident("2026-09-01", agencies=()))
    decision = check("hart", case)
    assert decision.missing == [
        "When the 1 September incident was reported is not known.",
        "Who the 1 September incident was reported to is not known.",
    ]


def test_undated_incident_with_report_day_and_no_agency_names_both() -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident(None, "2026-09-20", agencies=()))
    decision = check("hart", case)
    assert decision.status is Status.INCOMPLETE
    assert decision.missing == [
        "The date of the incident reported on 20 September is not known.",
        "Who the incident reported on 20 September was reported to is not known.",
    ]
    assert "happened on or after 21 August" in decision.would_change[0]


def test_undated_incident_reported_in_the_window_qualifies_where_there_is_no_time_limit() -> None:
    assert outcome_of("durham", "2026-10-01", incident(None, "2026-09-20")) is Outcome.QUALIFYING


def test_undated_incident_reported_before_the_window_does_not_qualify() -> None:
    assert outcome_of("hart", "2026-10-01", incident(None, "2026-03-20")) is Outcome.NOT_QUALIFYING


def test_undated_unknown_report_where_there_is_no_time_limit_needs_only_the_report_day() -> None:
    decision = check(
        "durham", draft("2026-10-01", *THREE_QUALIFYING[1:], incident(None, agencies=("police",)))
    )
    assert decision.missing == ["When the undated incident (number 3) was reported is not known."]


@pytest.mark.parametrize(
    "day",
    ["2026-01-31", "2026-02-28", "2026-03-30"],
)
def test_undated_incident_earliest_day_respects_month_clamping(day: str) -> None:
    decision = check("dartford", draft("2026-04-15", incident(None, day)))
    sentence = decision.assessments[0].condition
    # The earliest incident day I satisfies R <= I + 1 month, and no earlier day does.
    report = d(day)
    candidates = [report - timedelta(days=n) for n in range(40)]
    earliest = min(i for i in candidates if add_months(i, 1) >= report)
    assert f"on or after {format_day(earliest, 2026)}" in sentence


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
    assert "after the application on 1 October" in decision.reasons[0]


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
    assert decision.reasons[0].startswith("Not a case review: ")
    assert decision.would_change == []


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
    assert "the hate motivation (age) is not one of this area's hate strands" in decision.reasons[0]


def test_hate_incident_in_an_area_without_a_hate_route_counts_towards_volume() -> None:
    case = draft(
        "2026-10-02",
        incident("2026-08-31", "2026-09-30", agencies=("council",)),
        incident("2026-09-15", "2026-09-15", strands=["race"]),
        incident("2026-10-01", "2026-10-01"),
    )
    decision = check("dartford", case)
    assert decision.routes == [Route.VOLUME]
    assert (
        "counts towards the complaints, as this area has no separate hate route"
        in decision.reasons[1]
    )


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
    assert decision.missing == ["When the 1 September incident was reported is not known."]
    assert decision.would_change[0].startswith(
        "The hate route would hold if the 1 September incident"
    )


def test_hate_strand_not_tied_to_an_incident_is_flagged_for_an_officer() -> None:
    decision = check(
        "hart", draft("2026-10-19", incident("2026-10-14", "2026-10-14"), strands=["race"])
    )
    assert decision.status is Status.NOT_MET
    assert any("without tying it to a dated incident" in reason for reason in decision.reasons)


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


def test_community_route_unknown_count_is_not_a_missing_fact() -> None:
    decision = check("durham", draft("2026-09-10", incident("2026-09-05", "2026-09-05")))
    assert decision.status is Status.NOT_MET
    assert any(
        "If five different people have reported the same problem" in s
        for s in decision.would_change
    )


def test_community_count_under_a_profile_without_the_route_is_mentioned() -> None:
    decision = check(
        "hartlepool", draft("2026-08-06", incident("2026-08-01", "2026-08-01"), community=5)
    )
    assert (
        "This area has no community route (the text says 5 people have reported the problem)."
        in decision.reasons
    )


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
    assert (
        "the Community Safety Manager or the District Police Inspector may accept the case"
        in decision.reasons[-1]
    )
    other = check(
        "durham", draft("2026-09-14", THREE_QUALIFYING[0], risks=["immediate_danger", "self_harm"])
    )
    assert (
        "(immediate danger and risk of self-harm): a senior officer may still accept"
        in other.reasons[-1]
    )


# --- reasons, drop-out dates and what would change ----------------------------------------------


def test_reason_reads_like_the_rules_page_example() -> None:
    decision = check("hart", draft("2026-04-10", incident("2026-03-03", "2026-04-03")))
    assert decision.reasons[0] == (
        "3 March: reported to Hampshire Constabulary on 3 April, 31 days later: not a qualifying "
        "complaint (must be reported within 30 days, by 2 April)"
    )


@pytest.mark.parametrize(
    ("policy", "item", "reason"),
    [
        (
            "hart",
            incident("2026-09-02", "2026-09-02", strands=["race"]),
            "2 September: reported to Hampshire Constabulary the same day: qualifying complaint, "
            "a hate incident (race)",
        ),
        (
            "dartford",
            incident("2026-09-01", "2026-09-02", agencies=("council",)),
            "1 September: reported to Dartford Borough Council Community Safety Unit on 2 "
            "September, 1 day later: qualifying complaint",
        ),
        (
            "durham",
            incident("2026-03-28", "2026-06-02"),
            "28 March: reported to the police on 2 June, 66 days later: qualifying complaint "
            "(this area sets no time limit for the report)",
        ),
        (
            "leicestershire",
            incident("2026-09-30", "2026-10-31"),
            "30 September: reported to Leicestershire Police on 31 October, 31 days later: not a "
            "qualifying complaint (must be reported within one calendar month, by 30 October)",
        ),
        (
            "hartlepool",
            incident("2026-05-08", "2026-05-08", agencies=("council",)),
            "8 May: reported to Hartlepool Borough Council the same day: not a qualifying "
            "complaint (reported more than six months before the application on 10 November; the "
            "window starts on 10 May)",
        ),
        (
            "hartlepool",
            incident("2025-12-20", "2025-12-21"),
            "20 December 2025: reported to Cleveland Police on 21 December 2025, 1 day later: "
            "not a qualifying complaint (reported more than six months before the application on "
            "10 November; the window starts on 10 May)",
        ),
        (
            "hart",
            incident("2026-10-01", "2026-10-01", agencies=("other",)),
            "1 October: reported only to someone who is not a relevant body (an MP, a "
            "councillor, a private landlord or a charity does not count): not a qualifying "
            "complaint",
        ),
    ],
)
def test_reasons_name_the_incident_by_date_and_the_body_by_name(
    policy: str, item: Incident, reason: str
) -> None:
    assert check(policy, draft("2026-11-10", item)).reasons[0] == reason


def test_drop_out_is_the_first_application_day_outside_the_window() -> None:
    decision = check("hart", draft("2026-09-14", *THREE_QUALIFYING))
    assert decision.drop_out == {0: date(2027, 3, 1), 1: date(2027, 3, 10), 2: date(2027, 3, 14)}


def test_would_change_names_the_last_day_for_one_more_complaint() -> None:
    case = draft(
        "2026-10-01", incident("2026-07-14", "2026-07-14"), incident("2026-09-20", "2026-09-21")
    )
    decision = check("hart", case)
    assert decision.status is Status.NOT_MET
    assert decision.would_change[0] == (
        "One more qualifying complaint (an incident reported to a relevant body within 30 days), "
        "reported by 14 January 2027 with the application made by then, would meet the volume "
        "route."
    )
    assert decision.would_change[1].startswith(
        "One qualifying complaint of a hate incident (race, religion"
    )


def test_would_change_without_any_qualifying_complaint_asks_for_three() -> None:
    decision = check("durham", draft("2026-10-01"))
    assert decision.would_change[0] == (
        "Three qualifying complaints (incidents each reported to a relevant body) within 6 months "
        "of the application would meet the volume route."
    )
    assert "The text describes no specific incident." in decision.reasons


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
    assert result.would_change == decision.would_change
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
    assert decision.would_change[0] == (
        "The volume route would hold if the undated incident (number 3) was reported to "
        "Cleveland Police within one calendar month of it, on or after 14 April."
    )
