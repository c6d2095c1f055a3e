"""The prose of the reasons about routes, what would change, and the draft as a whole.

One golden sentence per reason code and wording, as in test_threshold_explain.py (the reasons
about incidents); between them every code has one.
"""

from __future__ import annotations

import pytest

from tests.unit.test_threshold_explain import GOLDEN
from tests.unit.threshold_cases import THREE_QUALIFYING, draft, incident, rendered
from trigger.draft import Draft
from trigger.profiles import Profile, get_profile
from trigger.threshold import ReasonCode
from trigger.threshold.explain import renders


def no_strand_list(policy: str) -> Profile:
    """``policy`` with its hate strands' list left unnamed."""
    profile = get_profile(policy)
    hate = profile.routes.hate.model_copy(update={"strand_list": ""})
    return profile.model_copy(update={"routes": profile.routes.model_copy(update={"hate": hate})})


ROUTE_GOLDEN: list[tuple[str, ReasonCode, str | Profile, Draft, str]] = [
    (
        "volume-holds",
        ReasonCode.VOLUME_ROUTE_HOLDS,
        "hart",
        draft("2026-09-14", *THREE_QUALIFYING),
        "Volume route: 3 qualifying complaints (3 needed): holds.",
    ),
    (
        "volume-holds-same-problem",
        ReasonCode.VOLUME_ROUTE_HOLDS,
        "dartford",
        draft("2026-09-14", *THREE_QUALIFYING),
        "Volume route: 3 qualifying complaints (3 needed, about the same problem): holds.",
    ),
    (
        "volume-possible",
        ReasonCode.VOLUME_ROUTE_POSSIBLE,
        "hartlepool",
        draft("2026-10-01", *THREE_QUALIFYING[1:], incident("2026-08-01")),
        "Volume route: 2 qualifying complaints (3 needed), and 1 more that may qualify: depends "
        "on the missing facts.",
    ),
    (
        "volume-fails",
        ReasonCode.VOLUME_ROUTE_FAILS,
        "hart",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "Volume route: 1 qualifying complaint (3 needed): does not hold.",
    ),
    (
        "hate-not-offered",
        ReasonCode.HATE_ROUTE_NOT_OFFERED,
        "hartlepool",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "This area has no separate hate route.",
    ),
    (
        "hate-holds",
        ReasonCode.HATE_ROUTE_HOLDS,
        "hart",
        draft(
            "2026-10-19",
            incident("2026-10-10", "2026-10-10"),
            incident("2026-10-14", "2026-10-14", strands=["race"]),
        ),
        "Hate route: complaint 2 is a hate incident (race): holds.",
    ),
    (
        "hate-possible",
        ReasonCode.HATE_ROUTE_POSSIBLE,
        "hart",
        draft("2026-10-20", incident("2026-09-01", strands=["race"])),
        "Hate route: a hate incident (S5: race, religion, disability, sexual orientation, "
        "transgender identity) may be a qualifying complaint: depends on the missing facts.",
    ),
    (
        "hate-fails",
        ReasonCode.HATE_ROUTE_FAILS,
        "durham",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "Hate route: no qualifying complaint of a hate incident (S9: race, religion, disability, "
        "sexual orientation, transgender identity, age, sex, marriage or civil partnership, "
        "pregnancy or maternity): does not hold.",
    ),
    (
        "hate-fails-unnamed-list",
        ReasonCode.HATE_ROUTE_FAILS,
        no_strand_list("durham"),
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "Hate route: no qualifying complaint of a hate incident (race, religion, disability, "
        "sexual orientation, transgender identity, age, sex, marriage or civil partnership, "
        "pregnancy or maternity): does not hold.",
    ),
    (
        "community-not-offered",
        ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED,
        "hart",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "This area has no community route.",
    ),
    (
        "community-not-offered-count",
        ReasonCode.COMMUNITY_ROUTE_NOT_OFFERED,
        "hartlepool",
        draft("2026-09-14", THREE_QUALIFYING[0], community=5),
        "This area has no community route (the text says 5 people have reported the problem).",
    ),
    (
        "community-count-unknown",
        ReasonCode.COMMUNITY_COUNT_UNKNOWN,
        "durham",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "Community route: the text does not say how many people have complained about the same "
        "problem (5 needed): does not hold.",
    ),
    (
        "community-count-unknown-incident",
        ReasonCode.COMMUNITY_COUNT_UNKNOWN,
        "leicestershire",
        draft("2026-09-14", THREE_QUALIFYING[0]),
        "Community route: the text does not say how many people have complained about the same "
        "incident (3 needed): does not hold.",
    ),
    (
        "community-holds",
        ReasonCode.COMMUNITY_ROUTE_HOLDS,
        "durham",
        draft("2026-09-14", THREE_QUALIFYING[0], community=5),
        "Community route: 5 different people complained about the same problem (5 needed): holds.",
    ),
    (
        "community-fails-one-person",
        ReasonCode.COMMUNITY_ROUTE_FAILS,
        "leicestershire",
        draft("2026-09-14", THREE_QUALIFYING[0], community=1),
        "Community route: 1 different person complained about the same incident (3 needed): does "
        "not hold.",
    ),
    (
        "community-fails",
        ReasonCode.COMMUNITY_ROUTE_FAILS,
        "durham",
        draft("2026-09-14", THREE_QUALIFYING[0], community=4),
        "Community route: 4 different people complained about the same problem (5 needed): does "
        "not hold.",
    ),
    (
        "would-hold-if-volume",
        ReasonCode.ROUTE_WOULD_HOLD_IF,
        "hartlepool",
        draft(
            "2026-10-01",
            THREE_QUALIFYING[1],
            incident("2026-09-10", "2026-09-11", agencies=()),
            incident(None, "2026-09-10"),
        ),
        "The volume route would hold if the 10 September incident was reported to the council, "
        "the police, a social housing provider or the health service and the incident reported to "
        "Cleveland Police on 10 September happened on or after 10 August.",
    ),
    (
        "would-hold-if-hate",
        ReasonCode.ROUTE_WOULD_HOLD_IF,
        "hart",
        draft("2026-10-20", incident("2026-09-01", strands=["race"])),
        "The hate route would hold if the 1 September incident was reported between 1 September "
        "and 1 October.",
    ),
    (
        "more-complaints-one",
        ReasonCode.MORE_COMPLAINTS_BY,
        "hart",
        draft(
            "2026-10-01", incident("2026-07-14", "2026-07-14"), incident("2026-09-20", "2026-09-21")
        ),
        "One more qualifying complaint (an incident reported to a relevant body within 30 days), "
        "reported by 14 January 2027 with the application made by then, would meet the volume "
        "route.",
    ),
    (
        "more-complaints-two",
        ReasonCode.MORE_COMPLAINTS_BY,
        "durham",
        draft("2026-10-01", incident("2026-07-14", "2026-07-14")),
        "Two more qualifying complaints (incidents each reported to a relevant body), reported by "
        "14 January 2027 with the application made by then, would meet the volume route.",
    ),
    (
        "complaints-needed",
        ReasonCode.COMPLAINTS_NEEDED,
        "hart",
        draft("2026-10-01"),
        "Three qualifying complaints (incidents each reported to a relevant body within 30 days) "
        "within 6 months of the application would meet the volume route.",
    ),
    (
        "complaints-needed-no-limit",
        ReasonCode.COMPLAINTS_NEEDED,
        "durham",
        draft("2026-10-01"),
        "Three qualifying complaints (incidents each reported to a relevant body) within 6 months "
        "of the application would meet the volume route.",
    ),
    (
        "hate-complaint-needed",
        ReasonCode.HATE_COMPLAINT_NEEDED,
        "hart",
        draft("2026-10-01"),
        "One qualifying complaint of a hate incident (race, religion, disability, sexual "
        "orientation, transgender identity) would meet the hate route on its own.",
    ),
    (
        "community-reports-needed",
        ReasonCode.COMMUNITY_REPORTS_NEEDED,
        "durham",
        draft("2026-10-01"),
        "If five different people have reported the same problem in the last six months, the "
        "community route would hold.",
    ),
    (
        "community-reports-needed-incident",
        ReasonCode.COMMUNITY_REPORTS_NEEDED,
        "leicestershire",
        draft("2026-10-01"),
        "If three different people have complained separately about the same incident in the last "
        "six months, the community route would hold.",
    ),
    (
        "excluded-anonymous",
        ReasonCode.EXCLUDED,
        "hart",
        draft("2026-10-01", exclusions=["anonymous"]),
        "Not a case review: the applicant wants to stay anonymous, and a case review needs a "
        "two-way process with the victim (Hart s.9).",
    ),
    (
        "excluded-cps",
        ReasonCode.EXCLUDED,
        "hart",
        draft("2026-10-01", exclusions=["cps_decision"]),
        "Not a case review: the request is to review a Crown Prosecution Service decision, which "
        "a case review cannot do (Hart s.9).",
    ),
    (
        "excluded-court",
        ReasonCode.EXCLUDED,
        "hart",
        draft("2026-10-01", exclusions=["court_decision"]),
        "Not a case review: the request is about a court's decision, which a case review cannot "
        "change (Hart s.9).",
    ),
    (
        "excluded-service",
        ReasonCode.EXCLUDED,
        "hart",
        draft("2026-10-01", exclusions=["service_complaint"]),
        "Not a case review: the request is only about the service received, not about behaviour "
        "that persists; it should go to the agency's complaints procedure (Hart s.9).",
    ),
    (
        "no-incidents",
        ReasonCode.NO_INCIDENTS,
        "hart",
        draft("2026-10-01"),
        "The text describes no specific incident.",
    ),
    (
        "hate-not-tied",
        ReasonCode.HATE_NOT_TIED_TO_INCIDENT,
        "hart",
        draft(
            "2026-10-19",
            incident("2026-10-14", "2026-10-14"),
            strands=["race", "transgender_identity"],
        ),
        "The text mentions hate (race, transgender identity) without tying it to a dated "
        "incident: an officer should check which incident it was.",
    ),
    (
        "discretion",
        ReasonCode.DISCRETION_SUGGESTED,
        "hart",
        draft("2026-09-14", THREE_QUALIFYING[0], risks=["threat_of_violence"]),
        "The text shows risk or vulnerability (threats of violence): the Community Safety Manager "
        "or the District Police Inspector may accept the case even though the threshold is not "
        "met (Hart s.5 and s.11: good conscience and professional judgement).",
    ),
    (
        "discretion-no-one-named",
        ReasonCode.DISCRETION_NO_ONE_NAMED,
        "durham",
        draft(
            "2026-09-14",
            THREE_QUALIFYING[0],
            risks=["immediate_danger", "self_harm", "vulnerable_adult", "child_at_risk"],
        ),
        "The text shows risk or vulnerability (immediate danger, risk of self-harm, a vulnerable "
        "adult and a child at risk): a senior officer may still accept the case on professional "
        "judgement, although this area's page names no one for it.",
    ),
]


@pytest.mark.parametrize(
    ("code", "policy", "case", "expected"),
    [case[1:] for case in ROUTE_GOLDEN],
    ids=[case[0] for case in ROUTE_GOLDEN],
)
def test_each_code_renders_to_its_sentence(
    code: ReasonCode, policy: str | Profile, case: Draft, expected: str
) -> None:
    assert rendered(code, policy, case) == expected


def test_every_reason_code_has_a_renderer_and_a_golden_sentence() -> None:
    assert [code for code in ReasonCode if not renders(code)] == []
    assert set(ReasonCode) - {case[1] for case in GOLDEN + ROUTE_GOLDEN} == set()
