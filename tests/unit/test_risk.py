"""nlp.risk: danger now, self-harm, threats and weapons, vulnerable adults, children at risk."""

from __future__ import annotations

from datetime import UTC

import pytest

from nlp.risk import find_risk_flags, risk_flags
from trigger.vocabulary import RiskFlag as R


def flags(text: str) -> set[str]:
    return {f.label for f in find_risk_flags(text)}


FLAGGED = [
    ("They're outside my flat right now banging on the door.", {R.IMMEDIATE_DANGER}),
    ("I'm scared for tonight, they said they'd be back.", {R.IMMEDIATE_DANGER}),
    ("There is real danger tonight if nobody comes.", {R.IMMEDIATE_DANGER}),
    ("someone is trying to break in as we speak", {R.IMMEDIATE_DANGER}),
    ("I can't go on like this any more.", {R.SELF_HARM}),
    ("Some days I want to end it all.", {R.SELF_HARM}),
    ("I've started to hurt myself again.", {R.SELF_HARM}),
    ("I honestly don't want to be here anymore.", {R.SELF_HARM}),
    ("she has had suicidal thoughts since it started", {R.SELF_HARM}),
    ("He said he'd stab me if I called the police again.", {R.THREAT_OF_VIOLENCE}),
    ("He came at my husband with a knife.", {R.THREAT_OF_VIOLENCE}),
    ("They threatened to burn the house down.", {R.THREAT_OF_VIOLENCE}),
    ("he shouted I'll kill you through the letterbox", {R.THREAT_OF_VIOLENCE}),
    ("she was waving a hammer about on the landing", {R.THREAT_OF_VIOLENCE}),
    ("I'm 88 and housebound.", {R.VULNERABLE_ADULT}),
    ("My husband has dementia and gets very confused.", {R.VULNERABLE_ADULT}),
    ("I suffer from anxiety and depression.", {R.VULNERABLE_ADULT}),
    ("I am a wheelchair user.", {R.VULNERABLE_ADULT}),
    ("Mrs Holt has a learning disability and lives alone.", {R.VULNERABLE_ADULT}),
    ("My kids are terrified to go in the garden.", {R.CHILD_AT_RISK}),
    ("My daughter is scared to go to school past their house.", {R.CHILD_AT_RISK}),
    ("They threatened my son outside the shop.", {R.CHILD_AT_RISK, R.THREAT_OF_VIOLENCE}),
    ("our 4 year old cries every time the banging starts", {R.CHILD_AT_RISK}),
]


@pytest.mark.parametrize(("text", "expected"), FLAGGED)
def test_risk_sign_gives_its_flag(text: str, expected: set[R]) -> None:
    assert flags(text) == {r.value for r in expected}


NOT_FLAGGED = [
    "No weapons were involved.",
    "We are not in danger now, they've gone home.",
    "He never threatened me, he just plays music.",
    "Right now I'm just tired of it all.",
    "I want the council to end it.",
    "I'm 45 and work full time.",
    "The man next door is in a wheelchair himself.",
    "The kids from number 12 kick footballs at my car.",
    "Their children run riot on the green.",
    "My adult son is scared to visit.",
    "I pulled the blind down and went to bed.",
    "I spoke to Ms Jones at the council.",
    "It's a miracle nobody was hurt.",
    "I'm not suicidal, just exhausted.",
    "The council will cut the hedge next week.",
    "I fear for my safety when I walk past their house.",
    "I have two children and they can't sleep because of the noise.",
    "I'm so angry I could kill them, honestly.",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_negated_absent_or_culprit_sign_gives_no_flag(text: str) -> None:
    assert flags(text) == set()


def test_several_flags_in_one_account() -> None:
    text = (
        "Three of them are outside right now smashing the car with a bat. "
        "I'm inside with my two little ones and they're screaming. "
        "One shouted he's going to burn the house down with us in it."
    )
    assert risk_flags(text) == {R.IMMEDIATE_DANGER, R.THREAT_OF_VIOLENCE, R.CHILD_AT_RISK}


def test_finding_points_at_the_words_that_raised_it() -> None:
    text = "Thanks for listening. I am 91 and frail."
    spans = {text[f.start : f.end] for f in find_risk_flags(text)}
    assert "I am 91" in spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm frightened they will come back tonight.", {R.IMMEDIATE_DANGER}),
        ("they are trying to kick my door in", {R.IMMEDIATE_DANGER}),
        ("please help, they're in the garden now", {R.IMMEDIATE_DANGER}),
        ("some days I feel like there's no point living", {R.SELF_HARM}),
        ("My mum has said she wants to die because of it", {R.SELF_HARM}),
        ("Mr Patel is 91 and lives on his own", {R.VULNERABLE_ADULT}),
        ("I'm a single mum with three kids and I have depression", {R.VULNERABLE_ADULT}),
        ("my son has autism and is terrified of the noise", {R.CHILD_AT_RISK}),
        ("they pushed my 10 year old off his bike", {R.CHILD_AT_RISK, R.THREAT_OF_VIOLENCE}),
        ("he was armed with a machete", {R.THREAT_OF_VIOLENCE}),
        ("The noise is making everything worse", set()),
        ("they have a bat which they use to play cricket on the green", set()),
        ("the dog next door barks right now as I'm typing", set()),
        ("My baby keeps getting woken up by the music", set()),
        ("I live alone and I'm 67", set()),
    ],
)
def test_everyday_phrasings_of_risk(text: str, expected: set[R]) -> None:
    assert flags(text) == {r.value for r in expected}


def test_component_writes_risk_findings_to_doc_spans() -> None:
    from datetime import datetime

    from nlp.pipeline import analyse, build_pipeline, findings
    from nlp.risk import KEY

    nlp = build_pipeline()
    doc = analyse(nlp, "He said he'd stab me.", datetime(2026, 10, 1, tzinfo=UTC))
    assert [f.label for f in findings(doc, KEY)] == [R.THREAT_OF_VIOLENCE.value]
