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


DECISION_NOT_ASKED_ABOUT = [
    ("I am not asking for the CPS decision to be looked at, he is still harassing us.", set()),
    ("The CPS dropped it. I'm not here to challenge that, the abuse carries on.", set()),
    ("I accept the CPS decision, but he still shouts at us every night.", set()),
    (
        "I've no complaint about the magistrates, they did their job, he just ignores the order.",
        set(),
    ),
    ("I'm not unhappy with the judge, the injunction was the right decision.", set()),
    ("It was a fair sentence. What I want is for the harassment to stop.", set()),
    ("I don't want you to reopen the court case, I want the noise dealt with.", set()),
    ("I understand the CPS decision but it's wrong and I want it reviewed.", {E.CPS_DECISION}),
    ("I'm not happy with the court's decision and I want it looked at again.", {E.COURT_DECISION}),
    ("He was found not guilty and I cannot believe it.", {E.COURT_DECISION}),
]


@pytest.mark.parametrize(("text", "expected"), DECISION_NOT_ASKED_ABOUT)
def test_cps_or_court_decision_the_writer_says_they_are_not_asking_about_is_no_exclusion(
    text: str, expected: set[E]
) -> None:
    assert excluded(text) == {e.value for e in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please keep my name out of this.", {E.ANONYMOUS}),
        ("anonymous please, I'm scared", {E.ANONYMOUS}),
        ("I'd rather the people next door didn't find out, but use my name.", set()),
        (
            "I'm complaining about the sergeant's attitude. The trouble has stopped now.",
            {E.SERVICE_COMPLAINT},
        ),
        (
            "No one from the housing office ever rang me back. They were evicted in May.",
            {E.SERVICE_COMPLAINT},
        ),
        ("No one ever rang me back and they are still racing up and down.", set()),
        ("No one rang me back and I'm still waiting for a visit.", {E.SERVICE_COMPLAINT}),
    ],
)
def test_more_phrasings_of_anonymity_and_service_complaints(text: str, expected: set[E]) -> None:
    assert excluded(text) == {e.value for e in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fine was a joke, but that's not why I'm writing: the parties go on.", set()),
        (
            "The CPS should have charged him, I think. I'm not asking you to look at that though.",
            set(),
        ),
        ("The judge let him off. I want that looked at again.", {E.COURT_DECISION}),
        (
            "The CPS dropped it and I'm not happy. Fine, that's not why I'm writing.",
            set(),
        ),
        # a retraction after the next sentence's own news takes back that news, not the request
        (
            "The magistrates only gave him a fine, which is a joke, and I want it reviewed. "
            "He hasn't been round since the trial, but that is not the point.",
            {E.COURT_DECISION},
        ),
        (
            "I want the CPS decision not to charge her looked at again. "
            "She moved out in May but that's not the issue.",
            {E.CPS_DECISION},
        ),
    ],
)
def test_a_decision_taken_back_in_the_same_or_next_sentence_is_no_exclusion(
    text: str, expected: set[E]
) -> None:
    assert excluded(text) == {e.value for e in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lady at 14 wants to remain anonymous, but I am happy to be named.", set()),
        ("Please let me remain anonymous.", {E.ANONYMOUS}),
    ],
)
def test_anonymity_is_the_applicants_not_a_neighbours(text: str, expected: set[E]) -> None:
    assert excluded(text) == {e.value for e in expected}


def test_behaviour_told_before_it_stopped_is_history_not_persisting() -> None:
    text = (
        "I want to complain about how the housing team dealt with the family upstairs. "
        "I rang them every week about the noise and nobody called back. "
        "They moved out in March and it has been quiet since. It is the way I was treated."
    )
    assert decide_exclusions(find_exclusion_cues(text), has_current_incidents=False) == {
        "service_complaint"
    }
