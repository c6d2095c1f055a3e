"""The prose of the threshold's reasons about incidents: one golden sentence per code and wording.

The engine's tests (test_threshold.py) assert codes and figures; these pin what each code says
in the letters and in `trigger check`, under the profile that supplies the area's own words.
The reasons about routes and the draft as a whole are in test_threshold_explain_routes.py.
"""

from __future__ import annotations

import pytest

from tests.unit.threshold_cases import THREE_QUALIFYING, draft, incident, rendered
from trigger.draft import Draft
from trigger.profiles import Profile, get_profile
from trigger.threshold import Explainer, ReasonCode, decide

#: (id, code, policy or profile, draft, the sentence its first reason with that code renders to)
GOLDEN: list[tuple[str, ReasonCode, str | Profile, Draft, str]] = [
    (
        "not-reported",
        ReasonCode.NOT_REPORTED,
        "hart",
        draft("2026-10-15", incident("2026-10-01", reported=False)),
        "1 October: not reported to a relevant body: not a complaint",
    ),
    (
        "dated-after-application",
        ReasonCode.DATED_AFTER_APPLICATION,
        "hart",
        draft("2026-10-01", incident("2026-10-02", "2026-10-02")),
        "2 October: dated after the application on 1 October: not counted (check the date)",
    ),
    (
        "irrelevant-body",
        ReasonCode.REPORTED_TO_IRRELEVANT_BODY,
        "hart",
        draft("2026-11-10", incident("2026-10-01", "2026-10-01", agencies=("other",))),
        "1 October: reported only to someone who is not a relevant body (an MP, a councillor, a "
        "private landlord or a charity does not count): not a qualifying complaint",
    ),
    (
        "reported-after-application",
        ReasonCode.REPORTED_AFTER_APPLICATION,
        "hart",
        draft("2026-10-01", incident("2026-09-30", "2026-10-02")),
        "30 September: reported to Hampshire Constabulary on 2 October, after the application on "
        "1 October: not counted (check the dates)",
    ),
    (
        "outside-window",
        ReasonCode.OUTSIDE_WINDOW,
        "hartlepool",
        draft("2026-11-10", incident("2026-05-08", "2026-05-08", agencies=("council",))),
        "8 May: reported to Hartlepool Borough Council the same day: not a qualifying complaint "
        "(reported more than six months before the application on 10 November; the window starts "
        "on 10 May)",
    ),
    (
        "outside-window-last-year",
        ReasonCode.OUTSIDE_WINDOW,
        "hartlepool",
        draft("2026-11-10", incident("2025-12-20", "2025-12-21")),
        "20 December 2025: reported to Cleveland Police on 21 December 2025, 1 day later: not a "
        "qualifying complaint (reported more than six months before the application on 10 "
        "November; the window starts on 10 May)",
    ),
    (
        "too-late-days",
        ReasonCode.REPORTED_TOO_LATE,
        "hart",
        draft("2026-04-10", incident("2026-03-03", "2026-04-03")),
        "3 March: reported to Hampshire Constabulary on 3 April, 31 days later: not a qualifying "
        "complaint (must be reported within 30 days, by 2 April)",
    ),
    (
        "too-late-month",
        ReasonCode.REPORTED_TOO_LATE,
        "leicestershire",
        draft("2026-11-10", incident("2026-09-30", "2026-10-31")),
        "30 September: reported to Leicestershire Police on 31 October, 31 days later: not a "
        "qualifying complaint (must be reported within one calendar month, by 30 October)",
    ),
    (
        "qualifying-same-day",
        ReasonCode.QUALIFYING_COMPLAINT,
        "hart",
        draft("2026-11-10", incident("2026-09-02", "2026-09-02", strands=["race"])),
        "2 September: reported to Hampshire Constabulary the same day: qualifying complaint, a "
        "hate incident (race)",
    ),
    (
        "qualifying-one-day-later",
        ReasonCode.QUALIFYING_COMPLAINT,
        "dartford",
        draft("2026-11-10", incident("2026-09-01", "2026-09-02", agencies=("council",))),
        "1 September: reported to Dartford Borough Council Community Safety Unit on 2 September, "
        "1 day later: qualifying complaint",
    ),
    (
        "qualifying-no-time-limit",
        ReasonCode.QUALIFYING_COMPLAINT,
        "durham",
        draft("2026-11-10", incident("2026-03-28", "2026-06-02")),
        "28 March: reported to the police on 2 June, 66 days later: qualifying complaint (this "
        "area sets no time limit for the report)",
    ),
    (
        "qualifying-within-a-range",
        ReasonCode.QUALIFYING_COMPLAINT,
        "hart",
        draft("2026-11-12", incident("2026-10-01", "2026-10-05", end="2026-10-10")),
        "1-10 October (only a range is known: its last day, 10 October, is used, the reading most "
        "favourable to the victim): reported to Hampshire Constabulary on 5 October, within that "
        "period: qualifying complaint",
    ),
    (
        "qualifying-before-the-incident",
        ReasonCode.QUALIFYING_COMPLAINT,
        "hart",
        draft("2026-11-12", incident("2026-10-10", "2026-10-05")),
        "10 October: reported to Hampshire Constabulary on 5 October, before the date given for "
        "the incident (check the dates): qualifying complaint",
    ),
    (
        "qualifying-two-bodies",
        ReasonCode.QUALIFYING_COMPLAINT,
        "hart",
        draft("2026-10-08", incident("2026-09-12", "2026-09-12", agencies=("council", "police"))),
        "12 September: reported to Hart District Council Community Safety and Hampshire "
        "Constabulary the same day: qualifying complaint (one complaint, although reported to two "
        "bodies; Hart s.5)",
    ),
    (
        "qualifying-undated",
        ReasonCode.QUALIFYING_COMPLAINT,
        "durham",
        draft("2026-10-01", incident(None, "2026-09-20")),
        "Undated incident (number 1): reported to the police on 20 September: qualifying complaint",
    ),
    (
        "agency-unknown",
        ReasonCode.AGENCY_UNKNOWN,
        "hart",
        draft("2026-10-01", incident("2026-09-10", "2026-09-11", agencies=())),
        "10 September: reported on 11 September, 1 day later, but the text does not say to whom: "
        "it qualifies only if that was the council, the police, a social housing provider or the "
        "health service",
    ),
    (
        "incident-date-unknown",
        ReasonCode.INCIDENT_DATE_UNKNOWN,
        "hart",
        draft("2026-10-01", incident(None, "2026-09-20", agencies=())),
        "Undated incident (number 1): reported on 20 September, but the incident's date is not "
        "given: it qualifies only if it happened on or after 21 August (within 30 days before the "
        "report)",
    ),
    (
        "incident-date-unknown-body",
        ReasonCode.INCIDENT_DATE_UNKNOWN,
        "hartlepool",
        draft("2026-10-01", incident(None, "2026-09-10")),
        "Undated incident (number 1): reported to Cleveland Police on 10 September, but the "
        "incident's date is not given: it qualifies only if it happened on or after 10 August "
        "(within one calendar month before the report)",
    ),
    (
        "report-unknown-undated",
        ReasonCode.REPORT_UNKNOWN_UNDATED,
        "hartlepool",
        draft("2026-10-14", incident(None, agencies=("police",))),
        "Undated incident (number 1): reported to Cleveland Police on a day the text does not "
        "give, and the incident's date is not given: it qualifies only if it was reported within "
        "one calendar month of the incident and on or after 14 April",
    ),
    (
        "report-unknown-undated-whether",
        ReasonCode.REPORT_UNKNOWN_UNDATED,
        "durham",
        draft("2026-10-14", incident(None, reported=None, agencies=())),
        "Undated incident (number 1): the text does not say whether this was reported to a "
        "relevant body, and the incident's date is not given: it qualifies only if it was "
        "reported at any time and on or after 14 April",
    ),
    (
        "too-late-for-window",
        ReasonCode.REPORT_TOO_LATE_FOR_WINDOW,
        "hartlepool",
        draft("2026-10-02", incident("2026-03-01")),
        "1 March: reported to Cleveland Police on a day the text does not give; to qualify it had "
        "to be reported within one calendar month, by 1 April, which is before the six-month "
        "window starts on 2 April: not a qualifying complaint",
    ),
    (
        "too-late-for-window-whether",
        ReasonCode.REPORT_TOO_LATE_FOR_WINDOW,
        "hartlepool",
        draft("2026-10-02", incident("2026-03-01", reported=None, agencies=())),
        "1 March: the text does not say whether this was reported to a relevant body; to qualify "
        "it had to be reported within one calendar month, by 1 April, which is before the "
        "six-month window starts on 2 April: not a qualifying complaint",
    ),
    (
        "day-and-agency-unknown",
        ReasonCode.REPORT_DAY_AND_AGENCY_UNKNOWN,
        "hart",
        draft("2026-10-01", incident("2026-09-25", agencies=())),
        "25 September: reported on a day the text does not give, and not to whom; any day between "
        "the incident and the application would be in time, so it qualifies only if it was "
        "reported to the council, the police, a social housing provider or the health service",
    ),
    (
        "day-deduced",
        ReasonCode.REPORT_DAY_DEDUCED,
        "hart",
        draft("2026-10-01", incident("2026-09-20", strands=["race"])),
        "20 September: reported to Hampshire Constabulary on a day the text does not give; it "
        "must have been between 20 September and the application on 1 October, and any day in "
        "that interval qualifies: qualifying complaint (report day deduced), a hate incident "
        "(race)",
    ),
    (
        "day-unknown",
        ReasonCode.REPORT_DAY_UNKNOWN,
        "hart",
        draft("2026-10-20", incident("2026-09-01")),
        "1 September: reported to Hampshire Constabulary on a day the text does not give: it "
        "qualifies only if it was reported between 1 September and 1 October (within 30 days of "
        "the incident and in the six months before the application)",
    ),
    (
        "day-unknown-whether",
        ReasonCode.REPORT_DAY_UNKNOWN,
        "hart",
        draft("2026-10-20", incident("2026-09-01", reported=None, agencies=())),
        "1 September: the text does not say whether this was reported to a relevant body: it "
        "qualifies only if it was reported between 1 September and 1 October (within 30 days of "
        "the incident and in the six months before the application)",
    ),
    (
        "day-unknown-range",
        ReasonCode.REPORT_DAY_UNKNOWN,
        "hart",
        draft("2026-10-20", incident("2026-08-25", end="2026-09-01")),
        "25 August-1 September (only a range is known: its last day, 1 September, is used, the "
        "reading most favourable to the victim): reported to Hampshire Constabulary on a day the "
        "text does not give: it qualifies only if it was reported between 1 September and 1 "
        "October (within 30 days of the incident and in the six months before the application)",
    ),
    (
        "no-time-limit",
        ReasonCode.NO_TIME_LIMIT,
        "durham",
        draft("2026-11-10", incident("2026-03-28", "2026-06-02")),
        " (this area sets no time limit for the report)",
    ),
    (
        "one-complaint-several-bodies",
        ReasonCode.ONE_COMPLAINT_SEVERAL_BODIES,
        "hart",
        draft(
            "2026-10-08",
            incident("2026-09-12", "2026-09-12", agencies=("council", "police", "health")),
        ),
        " (one complaint, although reported to three bodies; Hart s.5)",
    ),
    (
        "hate-incident",
        ReasonCode.HATE_INCIDENT,
        "hart",
        draft(
            "2026-10-19",
            incident("2026-10-14", "2026-10-14", strands=["sexual_orientation", "race"]),
        ),
        ", a hate incident (sexual orientation, race)",
    ),
    (
        "hate-counts-as-complaint",
        ReasonCode.HATE_COUNTS_AS_COMPLAINT,
        "dartford",
        draft("2026-10-02", incident("2026-09-15", "2026-09-15", strands=["race"])),
        "; the hate motivation (race) counts towards the complaints, as this area has no separate "
        "hate route",
    ),
    (
        "hate-strand-not-listed",
        ReasonCode.HATE_STRAND_NOT_LISTED,
        "hart",
        draft(
            "2026-10-19",
            incident("2026-10-14", "2026-10-14", strands=["age", "pregnancy_maternity"]),
        ),
        "; the hate motivation (age, pregnancy or maternity) is not one of this area's hate "
        "strands, so it counts as an ordinary complaint",
    ),
    (
        "missing-incident-date-by-report",
        ReasonCode.MISSING_INCIDENT_DATE,
        "hartlepool",
        draft("2026-10-01", incident(None, "2026-09-10")),
        "The date of the incident reported to Cleveland Police on 10 September is not known.",
    ),
    (
        "missing-incident-date",
        ReasonCode.MISSING_INCIDENT_DATE,
        "hartlepool",
        draft("2026-10-14", incident(None, agencies=("police",))),
        "The date of the undated incident (number 1) is not known.",
    ),
    (
        "missing-whether-reported",
        ReasonCode.MISSING_WHETHER_REPORTED,
        "hart",
        draft("2026-10-01", incident("2026-09-10", reported=None, agencies=())),
        "Whether the 10 September incident was reported to a relevant body, and when, is not "
        "known.",
    ),
    (
        "missing-report-day",
        ReasonCode.MISSING_REPORT_DAY,
        "hart",
        draft("2026-10-20", incident("2026-09-01")),
        "When the 1 September incident was reported is not known.",
    ),
    (
        "missing-report-day-range",
        ReasonCode.MISSING_REPORT_DAY,
        "hart",
        draft("2026-10-20", incident("2026-08-25", end="2026-09-01")),
        "When the 25 August-1 September incident was reported is not known.",
    ),
    (
        "missing-agency",
        ReasonCode.MISSING_AGENCY,
        "hart",
        draft("2026-10-01", incident("2026-09-10", "2026-09-11", agencies=())),
        "Who the 10 September incident was reported to is not known.",
    ),
    (
        "missing-agency-by-report",
        ReasonCode.MISSING_AGENCY,
        "hart",
        draft("2026-10-01", incident(None, "2026-09-20", agencies=())),
        "Who the incident reported on 20 September was reported to is not known.",
    ),
    (
        "condition-in-time-body",
        ReasonCode.CONDITION_REPORTED_IN_TIME,
        "hartlepool",
        draft("2026-10-14", incident(None, agencies=("police",))),
        "the undated incident (number 1) was reported to Cleveland Police within one calendar "
        "month of it, on or after 14 April",
    ),
    (
        "condition-in-time-any-body",
        ReasonCode.CONDITION_REPORTED_IN_TIME,
        "durham",
        draft("2026-10-14", incident(None, agencies=())),
        "the undated incident (number 1) was reported to the council, the police, a social "
        "housing provider or the health service at any time, on or after 14 April",
    ),
    (
        "condition-relevant-body",
        ReasonCode.CONDITION_REPORTED_TO_RELEVANT_BODY,
        "hart",
        draft("2026-10-01", incident("2026-09-10", "2026-09-11", agencies=())),
        "the 10 September incident was reported to the council, the police, a social housing "
        "provider or the health service",
    ),
    (
        "condition-between",
        ReasonCode.CONDITION_REPORTED_BETWEEN,
        "hart",
        draft("2026-10-20", incident("2026-09-01", agencies=())),
        "the 1 September incident was reported between 1 September and 1 October, to the council, "
        "the police, a social housing provider or the health service",
    ),
    (
        "condition-between-whether",
        ReasonCode.CONDITION_REPORTED_BETWEEN,
        "hart",
        draft("2026-10-20", incident("2026-09-01", reported=None, agencies=())),
        "the 1 September incident was reported to a relevant body between 1 September and 1 "
        "October",
    ),
    (
        "condition-on-one-day",
        ReasonCode.CONDITION_REPORTED_BETWEEN,
        "hart",
        draft("2026-10-20", incident("2026-03-21")),
        "the 21 March incident was reported on 20 April",
    ),
    (
        "condition-happened-after",
        ReasonCode.CONDITION_HAPPENED_ON_OR_AFTER,
        "hart",
        draft("2026-10-01", incident(None, "2026-09-20", agencies=())),
        "the incident reported on 20 September happened on or after 21 August and was reported to "
        "the council, the police, a social housing provider or the health service",
    ),
    (
        "condition-happened-after-body",
        ReasonCode.CONDITION_HAPPENED_ON_OR_AFTER,
        "hartlepool",
        draft("2026-10-01", incident(None, "2026-09-10")),
        "the incident reported to Cleveland Police on 10 September happened on or after 10 August",
    ),
]


@pytest.mark.parametrize(
    ("code", "policy", "case", "expected"),
    [case[1:] for case in GOLDEN],
    ids=[case[0] for case in GOLDEN],
)
def test_each_code_renders_to_its_sentence(
    code: ReasonCode, policy: str | Profile, case: Draft, expected: str
) -> None:
    assert rendered(code, policy, case) == expected


def test_a_missing_fact_shared_by_two_incidents_is_written_once() -> None:
    case = draft(
        "2026-10-20", incident("2026-09-01"), incident("2026-09-01"), incident("2026-09-02")
    )
    decision = decide(case, get_profile("hart"))
    assert len(decision.missing) == 3
    assert decision.explain().missing == [
        "When the 1 September incident was reported is not known.",
        "When the 2 September incident was reported is not known.",
    ]
    assert decision.to_result().missing == decision.explain().missing


def test_incidents_are_named_for_the_drop_out_dates() -> None:
    case = draft(
        "2026-10-20",
        incident("2026-10-01", "2026-10-12", end="2026-10-10"),
        incident(None, "2026-10-01"),
        incident("2025-12-30", "2026-01-02"),
    )
    text = decide(case, get_profile("durham")).explain()
    assert text.incident_names == {
        0: "1-10 October incident",
        1: "undated incident (number 2)",
        2: "30 December 2025 incident",
    }


def test_to_result_renders_every_reason_of_the_decision() -> None:
    case = draft("2026-10-01", *THREE_QUALIFYING[1:], incident(None, "2026-09-20", agencies=()))
    decision = decide(case, get_profile("hart"))
    result = decision.to_result()
    explainer = Explainer(get_profile("hart"), decision.application_date)
    assert result.reasons == [explainer.text(r) for r in decision.reasons]
    assert result.missing == [
        "The date of the incident reported on 20 September is not known.",
        "Who the incident reported on 20 September was reported to is not known.",
    ]
    assert result.would_change == [explainer.text(r) for r in decision.would_change]
