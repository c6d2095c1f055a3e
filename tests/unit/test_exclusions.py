"""nlp.exclusions: anonymous, CPS or court decision, service complaint (when the ASB stopped)."""

from __future__ import annotations

from datetime import UTC

import pytest

from nlp.exclusions import ExclusionCue, decide_exclusions, find_exclusion_cues, find_exclusions
from nlp.findings import Finding
from trigger.vocabulary import Exclusion as E


def excluded(text: str, persisting: bool | None = None) -> set[str]:
    return {f.label for f in find_exclusions(text, persisting_behaviour=persisting)}


CASES = [
    ("I want to stay anonymous please.", {E.ANONYMOUS}),
    ("I don't want to give my name, I'm scared of them finding out.", {E.ANONYMOUS}),
    ("Can I report this without giving my details?", {E.ANONYMOUS}),
    ("I'd rather not give you my name. The music goes on all night.", {E.ANONYMOUS}),
    ("I don't want to be anonymous, my name is Sue Bell.", set()),
    ("An anonymous caller rang the police about the fight.", set()),
    ("I want you to review the CPS decision not to charge him.", {E.CPS_DECISION}),
    (
        "The Crown Prosecution Service dropped the case and I want that decision looked at again.",
        {E.CPS_DECISION},
    ),
    ("The CPS charged him last week and the trial is in March.", set()),
    ("The magistrates only gave him a fine, it's a joke, I want it reviewed.", {E.COURT_DECISION}),
    ("I am unhappy with the sentence the judge gave him.", {E.COURT_DECISION}),
    ("He is due in court next month for the damage.", set()),
    ("I live at 3 Kingsley Court and the noise is unbearable.", set()),
    (
        "The problem has stopped now but I want to complain about how the council handled it.",
        {E.SERVICE_COMPLAINT},
    ),
    (
        "They moved out in May and it has been quiet since. "
        "The officer who came was rude and dismissive.",
        {E.SERVICE_COMPLAINT},
    ),
    (
        "The officer was rude to me. The parties are still going on every weekend.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_exclusion_from_text_alone(text: str, expected: set[E]) -> None:
    assert excluded(text) == {e.value for e in expected}


def test_rude_officer_is_not_a_service_complaint_when_incidents_are_current() -> None:
    text = "The PCSO was rude and put the phone down on me."
    assert excluded(text, persisting=True) == set()
    assert excluded(text, persisting=False) == {E.SERVICE_COMPLAINT.value}


@pytest.mark.parametrize(
    ("labels", "current", "expected"),
    [
        ({ExclusionCue.SERVICE, ExclusionCue.BEHAVIOUR_STOPPED}, True, {E.SERVICE_COMPLAINT}),
        ({ExclusionCue.SERVICE}, False, {E.SERVICE_COMPLAINT}),
        ({ExclusionCue.SERVICE}, True, set()),
        (
            {ExclusionCue.SERVICE, ExclusionCue.BEHAVIOUR_STOPPED, ExclusionCue.PERSISTING},
            False,
            set(),
        ),
        ({ExclusionCue.BEHAVIOUR_STOPPED}, False, set()),
        ({E.ANONYMOUS, ExclusionCue.PERSISTING}, True, {E.ANONYMOUS}),
        ({E.COURT_DECISION, ExclusionCue.BEHAVIOUR_STOPPED}, False, {E.COURT_DECISION}),
    ],
)
def test_decide_exclusions_weighs_cues_with_current_incidents(
    labels: set[str], current: bool, expected: set[E]
) -> None:
    cues = [Finding(str(label), 0, 1, "test") for label in labels]
    assert decide_exclusions(cues, has_current_incidents=current) == expected


def test_cues_carry_the_words_that_raised_them() -> None:
    text = (
        "It has been quiet since they were evicted. "
        "I want to complain about how my reports were handled."
    )
    cues = {(f.label, text[f.start : f.end]) for f in find_exclusion_cues(text)}
    assert (ExclusionCue.BEHAVIOUR_STOPPED.value, "It has been quiet since") in cues
    assert (ExclusionCue.SERVICE.value, "complain about how") in cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd prefer to remain anonymous if that's ok.", {E.ANONYMOUS}),
        ("I don't want my name on anything.", {E.ANONYMOUS}),
        ("Can I do this anonymously?", {E.ANONYMOUS}),
        ("I'm happy to give my name and address.", set()),
        ("I'd like the CPS decision reviewed.", {E.CPS_DECISION}),
        ("The judge was far too lenient with him.", {E.COURT_DECISION}),
        ("The court granted an injunction in March but he keeps breaking it.", set()),
        (
            "My complaint is about the council officer who never called me back. "
            "The parties have stopped since they were evicted.",
            {E.SERVICE_COMPLAINT},
        ),
        (
            "Nobody from the council ever called me back and they are still dealing drugs.",
            set(),
        ),
    ],
)
def test_everyday_phrasings_of_exclusions(text: str, expected: set[E]) -> None:
    assert excluded(text) == {e.value for e in expected}


def test_component_writes_cues_that_decide_exclusions_weighs() -> None:
    from datetime import datetime

    from nlp.exclusions import KEY
    from nlp.pipeline import analyse, build_pipeline, findings

    nlp = build_pipeline()
    text = "The PCSO was rude to me. The noise has stopped since they moved out."
    doc = analyse(nlp, text, datetime(2026, 10, 1, tzinfo=UTC))
    cues = findings(doc, KEY)
    assert {f.label for f in cues} == {ExclusionCue.SERVICE, ExclusionCue.BEHAVIOUR_STOPPED}
    assert decide_exclusions(cues, has_current_incidents=False) == {E.SERVICE_COMPLAINT}
