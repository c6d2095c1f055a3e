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
    assert "frail" in spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm frightened they will come back tonight.", {R.IMMEDIATE_DANGER}),
        ("they are trying to kick my door in", {R.IMMEDIATE_DANGER}),
        ("please help, they're in the garden now", {R.IMMEDIATE_DANGER}),
        ("some days I feel like there's no point living", {R.SELF_HARM}),
        ("My mum has said she wants to die because of it", {R.SELF_HARM}),
        ("Mr Patel is 91 and lives on his own, he uses a frame", {R.VULNERABLE_ADULT}),
        ("I'm a single mum with three kids and I have depression", {R.VULNERABLE_ADULT}),
        ("my son has autism and is terrified of the noise", {R.CHILD_AT_RISK}),
        ("they pushed my 10 year old off his bike", {R.CHILD_AT_RISK}),
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


THREAT_FAMILIES = [
    ("She told me she'd do me in next time.", {R.THREAT_OF_VIOLENCE}),
    ("He says he is going to sort us out.", {R.THREAT_OF_VIOLENCE}),
    ("The landlord's son said he would put me through the window.", {R.THREAT_OF_VIOLENCE}),
    ("He said he'd give me a good hiding.", {R.THREAT_OF_VIOLENCE}),
    ("She warned me I would end up in hospital.", {R.THREAT_OF_VIOLENCE}),
    ("you'll get hurt if you carry on, he said", {R.THREAT_OF_VIOLENCE}),
    ("They threatened to torch the van.", {R.THREAT_OF_VIOLENCE}),
    ("he said he would kick my bump", {R.THREAT_OF_VIOLENCE}),
    ("He drew his finger across his throat while staring at me.", {R.THREAT_OF_VIOLENCE}),
    ("we know where you live, one of them shouted", {R.THREAT_OF_VIOLENCE}),
    ("He threatened my partner with a spanner.", {R.THREAT_OF_VIOLENCE}),
    ("He lifted his jumper to show me a blade.", {R.THREAT_OF_VIOLENCE}),
    ("She set her dog on me in the car park.", {R.THREAT_OF_VIOLENCE}),
    ("He grabbed a bottle and said he'd throw it at my head.", {R.THREAT_OF_VIOLENCE}),
]


@pytest.mark.parametrize(("text", "expected"), THREAT_FAMILIES)
def test_phrasing_families_of_threats_give_the_threat_flag(text: str, expected: set[R]) -> None:
    assert flags(text) == {r.value for r in expected}


NOT_A_THREAT = [
    "Someone is going to get killed on that junction.",
    "The way he drives he will kill somebody.",
    "I'm worried he'll hurt someone eventually.",
    "No one has ever been threatened, it is the noise.",
    "There have been no threats, just the parties.",
    "He hasn't threatened anyone.",
    "He smashed the shed window with a hammer.",
    "They threw a brick at the car.",
    "He spat at me over the fence.",
    "Somebody kicked her gate off its hinges.",
    "I told him I would ring the police.",
    "My partner keeps a cricket bat under the bed for protection.",
]


@pytest.mark.parametrize("text", NOT_A_THREAT)
def test_worry_denial_property_damage_or_spitting_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE.value not in flags(text)


SELF_HARM_FAMILIES = [
    "Sometimes it would be easier if I wasn't around.",
    "I wish I wasn't here any more.",
    "life isn't worth living like this",
    "My family would be better off without me.",
    "I've had thoughts of ending it.",
    "I took an overdose in the summer.",
]


@pytest.mark.parametrize("text", SELF_HARM_FAMILIES)
def test_phrasing_families_of_self_harm(text: str) -> None:
    assert flags(text) == {R.SELF_HARM.value}


@pytest.mark.parametrize(
    "text",
    ["I'm not going to do anything silly to myself.", "I would never take my own life."],
)
def test_denied_self_harm_gives_no_flag(text: str) -> None:
    assert flags(text) == set()


VULNERABLE = [
    ("I am 81 and walk with a frame.", True),
    ("I'm 76 and I've had several falls.", True),
    ("My husband's dementia is getting worse.", True),
    ("My sister lives with me and has learning difficulties.", True),
    ("I've got a bad heart and can't walk far.", True),
    ("I'm on antidepressants because of all this.", True),
    ("We support Mr Lyle, who has a brain injury.", True),
    ("Our resident is elderly. She is registered blind.", True),
    ("I'm tired, not depressed.", False),
    ("The woman opposite has mental health problems.", False),
    ("The lad upstairs is always drunk. He has bipolar, his mum says.", False),
    ("His brother has dementia.", False),
    ("My grandson is autistic. He has anxiety too.", False),
    ("I'm 70 and still work.", False),
    ("I'm deaf, so I never hear them coming.", True),
    ("I am an old man and can't walk far.", True),
    ("I help my elderly neighbour with her bins.", False),
    ("The council turned a deaf ear to it.", False),
]


@pytest.mark.parametrize(("text", "vulnerable"), VULNERABLE)
def test_vulnerable_adult_is_the_victim_or_household_not_culprit_or_child(
    text: str, vulnerable: bool
) -> None:
    assert (R.VULNERABLE_ADULT.value in flags(text)) is vulnerable


CHILDREN = [
    ("Our grandson was in tears all evening.", True),
    ("The kids are too scared to sleep in their own room.", True),
    ("A young boy was nearly run over by the quad bike.", True),
    ("my 7 year old hid behind the sofa and has been wetting the bed", True),
    ("They shouted at my daughter on the way to school. She was shaking.", True),
    ("It happened in front of my son. He is 9. He came home crying.", True),
    ("They knocked a small girl off her bike.", True),
    ("The girls from the flats threw eggs and I was frightened.", False),
    ("The boys kicked my fence and I was upset.", False),
    ("Thankfully my children were not there.", False),
    ("We don't have any children, it's just me and my wife and we are scared.", False),
    ("My daughter is 30 and she is scared for me.", False),
    ("I'm expecting and she screamed that my baby will be taken off me.", False),
    ("I am pregnant and terrified for my baby.", False),
    ("My son was there. He was fine, just annoyed.", False),
    ("Our daughter wasn't in, but she is frightened to come home now.", True),
    ("They were lobbing stones at our 6 year old.", True),
    ("They threw paint at my van while my daughter slept.", False),
]


@pytest.mark.parametrize(("text", "at_risk"), CHILDREN)
def test_child_at_risk_only_for_a_household_child_harmed_or_frightened(
    text: str, at_risk: bool
) -> None:
    assert (R.CHILD_AT_RISK.value in flags(text)) is at_risk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm dreading tonight, I'm scared to be in the flat by myself tonight.", True),
        ("They said they'd be back later to finish me off.", True),
        ("They were outside last night at 2am banging.", False),
    ],
)
def test_danger_now_or_tonight_not_past_nights(text: str, expected: bool) -> None:
    assert (R.IMMEDIATE_DANGER.value in flags(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They're at my back door at the moment trying to get in.", True),
        ("At the moment I'm too scared to go out at all.", False),
        ("He's currently on bail for the criminal damage.", False),
        ("Currently they're outside shouting every evening.", False),
        ("On Friday they were trying to kick my door in.", False),
        ("She's hammering on my front door as I write this.", True),
        ("Please come quick, they're smashing the windows.", True),
        ("Every Friday they're kicking the door at closing time.", False),
        ("On Saturday he's banging on my door at 3am, as usual.", False),
        ("They're still out there by the gate.", True),
    ],
)
def test_now_words_flag_danger_only_for_what_is_happening_now(text: str, expected: bool) -> None:
    assert (R.IMMEDIATE_DANGER.value in flags(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I told him I'd batter him if he touched my car again.", False),
        ("We said we would kill them if they came back, which was stupid.", False),
        ("I was told he would stab me.", True),
        ("I heard him say he'd kill my husband.", True),
        ("I said nothing but she said she would batter me.", True),
    ],
)
def test_a_threat_the_writer_says_they_made_is_not_a_threat_to_them(
    text: str, expected: bool
) -> None:
    assert (R.THREAT_OF_VIOLENCE.value in flags(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My dad, who lives with us, is 91.", {R.VULNERABLE_ADULT}),
        ("My dad, who lives with us, is 91 and frail.", {R.VULNERABLE_ADULT}),
        ("My gran is 77 and uses a walker.", {R.VULNERABLE_ADULT}),
        ("My friend's mum is 86.", set()),
        ("The man across the road is 90 and frail.", set()),
    ],
)
def test_advanced_age_of_the_household_not_of_others(text: str, expected: set[R]) -> None:
    assert flags(text) == {r.value for r in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lad next door tried to hang himself in the summer.", set()),
        ("My wife says she could hang herself some days.", {R.SELF_HARM}),
        ("The woman upstairs screams at night. She says she wants to die.", set()),
        ("My partner has told me he wants to end it all.", {R.SELF_HARM}),
        ("The man opposite glares at me and some days I want to die.", {R.SELF_HARM}),
    ],
)
def test_self_harm_of_the_writer_or_household_not_of_a_neighbour(
    text: str, expected: set[R]
) -> None:
    assert flags(text) == {r.value for r in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He's never threatened us, but on Friday he pulled a knife on my husband.", True),
        ("Nobody has been attacked so far, though she says she'll batter me.", True),
        ("He has never threatened anyone; he just plays loud music.", False),
    ],
)
def test_a_denial_covers_its_own_clause_not_the_one_after_but(text: str, expected: bool) -> None:
    assert (R.THREAT_OF_VIOLENCE.value in flags(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said he'd glass me if he saw me in the pub again.", {"threat_of_violence"}),
        ("She told us next time she would set us on fire.", {"threat_of_violence"}),
        ("My brother says he doesn't want to be here any more.", {"self_harm"}),
        ("My daughter has started cutting her arms again since it began.", {"self_harm"}),
        ("I won't give my name because they know where I live.", set()),
    ],
)
def test_risk_phrasings_added_from_unseen_accounts(text: str, expected: set[str]) -> None:
    assert {f.label for f in find_risk_flags(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My dad told the nurse he has thought about taking his own life.", {"self_harm"}),
        ("He said he'd put a firework through our letterbox.", {"threat_of_violence"}),
    ],
)
def test_more_risk_phrasings(text: str, expected: set[str]) -> None:
    assert {f.label for f in find_risk_flags(text)} == expected


def test_labels_limit_the_flags_without_changing_them() -> None:
    # A chat's parts are read for their danger-now signs only (nlp.extract): each label's signs
    # must be those of the whole reading, in the same order, for every sentence of the suites.
    from tests.unit.test_risk_suite import SUITE

    texts = [text for text, _ in FLAGGED + SUITE]
    texts.append(" ".join(texts))
    for text in texts:
        whole = find_risk_flags(text)
        for label in R:
            limited = find_risk_flags(text, labels=frozenset({label}))
            assert limited == [f for f in whole if f.label == label.value], (text, label)
