"""nlp.risk on everyday sentences written for this suite (not from any corpus), each sign next to
its negation or a near miss: danger now, threats, self-harm hints, a child at risk, a vulnerable
adult. Also the families found on the December first-contact corpora: a past assault with no threat
or weapon is no threat flag, a quoted "finish the job" is, a client named earlier owns a condition
told as "she", a bare "Mum"/"Gran" is a subject, an adult child is shown by what they do (drive,
give a lift), picking on a child, text-speak ("cryin", "wont go out")."""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags, risk_flags_of_messages
from trigger.vocabulary import RiskFlag as R

D, S, T, V, C = (
    R.IMMEDIATE_DANGER,
    R.SELF_HARM,
    R.THREAT_OF_VIOLENCE,
    R.VULNERABLE_ADULT,
    R.CHILD_AT_RISK,
)

EVERYDAY: list[tuple[str, set[R]]] = [
    # danger now, and the same words when it is over or habitual
    ("They're outside right now banging on the windows.", {D}),
    ("They were outside banging on the windows most nights last summer.", set()),
    ("He's trying to kick the back door in, please come.", {D}),
    ("He tried to kick the back door in back in March.", set()),
    ("I'm scared for tonight, they said they'll be back.", {D}),
    ("I'm not scared for myself, just fed up with the mess.", set()),
    ("There's a group at my gate as we speak, shouting for me to come out.", {D}),
    ("It's quiet now, they've gone home.", set()),
    ("I don't feel safe in my own flat tonight.", {D}),
    ("I felt safe again once the lights on the path were fixed.", set()),
    ("Somebody is smashing my car right now with a bat.", {D}),  # a bat on a car: no threat
    ("We are in danger, he has a knife and he is in the garden.", {D, T}),
    ("We are not in any danger, it's just the noise.", set()),
    # threats: said, written, gestured; and words that are not threats
    ("He told me he'll break my legs if I call the council again.", {T}),
    ("He told me he'd fix my fence if I paid for the wood.", set()),
    ('She shouted "you\'re dead" at me across the car park.', {T}),
    ("She shouted that the bins were not hers.", set()),
    ('He has said he will "finish the job" when he gets out.', {T}),
    ("The council said they would finish the job on the drains next week.", set()),
    ("They put a note through the door saying they'd burn the house down.", {T}),
    ("They put a note through the door about parking.", set()),
    ("He keeps a machete in his van and showed it to me.", {T}),
    ("He mends lawnmowers and keeps the tools in his van.", set()),
    ("She said she knows where I live and I'd better watch my back.", {T}),
    ("She said she knows where I live because she delivers the post.", set()),
    ("They threatened to stab my husband.", {T}),
    ("Nobody has threatened us, it's the noise that's the problem.", set()),
    ("He has never threatened me, he just plays his music loud.", set()),
    ("The man next door would kill for a parking space like ours.", set()),
    # a past assault with no threat and no weapon is no threat flag; serious violence is
    ("My neighbour punched me in the face in June and was charged.", set()),
    ("He shoved me against the wall on the stairs last month.", set()),
    ("He grabbed me by the throat on the landing.", {T}),
    ("I was stabbed in the leg outside the shop.", {T}),
    ("I got hit with a brick outside the chippy.", {T}),
    ("My husband was knocked unconscious by one of them.", {T}),
    ("He kicked the bins over and pushed them into the road.", set()),
    ("She wrote on my letters and pushed them back through the door.", set()),
    # self-harm hints, and tiredness or figures of speech that are not
    ("Some days I don't want to wake up any more.", {S}),
    ("I don't want to wake up at 3am again because of their music.", set()),
    ("I've started thinking everyone would be better off without me.", {S}),
    ("I've thought about ending it all.", {S}),
    ("I can't sleep and I'm exhausted.", set()),
    ("I can't sleep for the noise.", set()),
    ("I'm at the end of my tether with it.", set()),
    ("I would never hurt myself, but I'm worn out.", set()),
    ("My husband has been self-harming again since it started.", {S}),
    ("I'm not suicidal, I just want it to stop.", set()),
    ("The man upstairs tried to kill himself last year.", set()),
    ("I feel like I can't go on like this.", {S}),
    ("I don't want to live next to them any more, I want a transfer.", set()),
    ("Honestly I don't want to live any more.", {S}),
    ("I can't go on holiday because I'm scared to leave the house empty.", set()),
    # a child at risk, and children who are fine, absent, culprits or grown up
    ("My little boy is terrified to go out the front.", {C}),
    ("My little boy is at his dad's this week, thank goodness.", set()),
    ("They threw eggs at my daughter on her way to school.", {C}),
    ("They threw eggs at my windows while my daughter was at school.", set()),
    ("The kids from the corner house threw eggs at my windows.", set()),
    ("My son was punched by an older lad at the bus stop.", {C}),
    ("My son was driving me to the hospital when they kicked the car.", set()),
    ("My daughter gave me a lift home and they shouted at us, I was shaking.", set()),
    ("My son and his wife came over and heard them shouting.", set()),
    ("They keep picking on my son on the way home from school.", {C}),
    ("They keep picking on my car, it's been keyed twice.", set()),
    ("My girl's 10 and she cries every night now.", {C}),
    ("My girls are grown up and live away.", set()),
    ("my lad come home cryin again, he wont go out now", {C}),
    ("The grandchildren hide upstairs when the shouting starts.", {C}),
    ("We don't have any children living with us.", set()),
    ("My grandson is 25 and was upset about it.", set()),
    ("My daughter is pregnant and worried about the smoke.", set()),
    ("Her toddler was nearly hit by the car they were racing.", {C}),
    ("My kids are fine, they didn't see any of it.", set()),
    ("They said they know where my kids go to school.", {C, T}),
    # a vulnerable adult, and conditions of culprits, pets, the past or a child
    ("I have MS and use a wheelchair.", {V}),
    ("The lad at number 3 is in a wheelchair and shouts at me.", set()),
    ("My wife has dementia and gets very confused by the noise.", {V}),
    ("Their dog has diabetes, they say.", set()),
    ("I'm 84 and live on my own.", {V}),
    ("I'm 48 and live on my own.", set()),
    ("Mum was diagnosed with Parkinson's last year.", {V}),
    ("His mum has Parkinson's, which is why he's stressed, I suppose.", set()),
    ("Gran is housebound since her fall.", {V}),
    ("I used to suffer with depression but I've been fine for years.", set()),
    ("I suffer with anxiety and panic attacks since this started.", {V}),
    ("I'm anxious about the meeting, that's all.", set()),
    ("My husband had a stroke in the spring and can't walk far.", {V}),
    ("The woman opposite had a stroke and her son is the one causing trouble.", set()),
    ("My son has autism and is scared of the fireworks.", {C}),
    ("My son is 30, autistic, and lives with us.", {V}),
    ("I've got no health problems, I'm just sick of it.", set()),
    ("I'm on antidepressants because of all this.", {V}),
    # a professional writing about a client named by name, then "he"/"she"
    ("I support Jo Marsh in her tenancy. Jo asked me to write. She has bipolar disorder.", {V}),
    ("I'm Dan Kerr's key worker (he has a learning disability).", {V}),
    ("I support Dan Kerr. The man next door shouts at him. He has schizophrenia.", set()),
    ("I work with Priya Shah, of Flat 2, 9 Mill Road. Priya is a student. She has epilepsy.", {V}),
    ("My client lives alone. She is registered blind.", {V}),
    ("My client's neighbour is registered blind and says she heard it too.", set()),
    # several flags, and a negation that keeps its own clause
    ("He's never hit me, but last night he said he'd stab me.", {T}),
    ("Nobody was hurt, though my son was in tears for hours.", {C}),
    ("I'm 79 and on oxygen, and they said they'd put a brick through my window.", {V, T}),
    ("They were kicking the door right now and my kids are screaming.", {D, C}),
    ("I'm disabled and I want to end my life because of them.", {V, S}),
    ("My mum is 88 and housebound, she isn't in any danger but the noise upsets her.", {V}),
    ("He threatened me years ago but that was sorted in court in 2019.", set()),
    ("They've moved away now so I feel safe again.", set()),
    ("If he ever threatens me I'll ring 999.", set()),
    # text-speak threats, "need a kicking", "nobody's threatened", frailty denied elsewhere
    ("he said that hed glass me if i said owt", {T}),
    ("theyd told me theyll stab me if i grass", {T}),
    ("They yelled that I need a good kicking.", {T}),
    ("The pitch needs a good cut, the grass is a foot high.", set()),
    ("nobody's threatened us as such, it's just the mess", set()),
    ("Nobody's been round since the police came.", set()),
    ("I'm 83. I'm not frail, I get about fine, I just want it stopped.", set()),
    ("I'm 83 and on a frame. I'm not bothered about the bins, it's the shouting.", {V}),
    ("Mrs Hale asked me to write. She was widowed in May, has depression and lives alone.", {V}),
    ("I'm a single mum with two kids and I have anxiety.", {V}),
    # a son or daughter given an adult age elsewhere in the text is no child
    (
        "My daughter lives with me, she's 27. Last week they swore at my daughter and she cried.",
        set(),
    ),
    ("My son is 8. On Friday they swore at my son and he cried all night.", {C}),
    ("I told him I'd smash his face in if he touched my car.", set()),
    # a threat told as a warning of what will follow ("or you'll get hurt"), or reported in words
    ("She shouted at me to shut my door before I got hurt.", {T}),
    ("He said to move my car or else I'd end up in hospital.", {T}),
    ("There was a threat left on the doorstep to do us in.", {T}),
    ("Get inside before you get wet, I told the kids when it rained.", set()),
    # a child's or a parent's fear of harm is not a threat made
    ("My boy keeps asking me if the man is going to hurt us.", {C}),
    ("I wonder whether they are going to attack the shed next.", set()),
    # thoughts of not being here
    ("Honestly I think everyone would be better off without me.", {S}),
    ("Some nights I feel I'd be better off dead.", {S}),
    ("We'd be better off not here, we want a transfer to another estate.", set()),
    # a wheelchair user, a housebound tenant
    ("My brother is 40 and a wheelchair user since his accident.", {V}),
    ("Mrs Lane is housebound and they shout through her letterbox.", {V}),
    ("The ramp at the shop is for wheelchair users.", set()),
    # the writer is a child; numbers that are not an age
    ("im 13 and they follow me home from school", {C}),
    ("I'm only 12, they keep calling me names at the bus stop.", {C}),
    ("I'm 20 minutes from the flat so I can't get back quickly.", set()),
    ("I'm 6 months into my tenancy here.", set()),
    # plural or unpunctuated possessive of son / daughter
    ("They threw eggs at my sons bedroom window and he was terrified.", {C}),
]


@pytest.mark.parametrize(("text", "expected"), EVERYDAY)
def test_everyday_sentence_gives_exactly_its_flags(text: str, expected: set[R]) -> None:
    assert risk_flags(text) == expected


def test_the_suite_is_large_and_covers_every_flag_both_ways() -> None:
    assert len(EVERYDAY) >= 100
    for flag in R:
        assert any(flag in want for _, want in EVERYDAY), flag
    assert sum(1 for _, want in EVERYDAY if not want) >= 40


CHAT_MESSAGES: list[tuple[list[str], set[R]]] = [
    (["the lads on the corner keep on at my son hes 11", "he come home cryin again tonight"], {C}),
    (
        ["i'm 80 and live alone", "i'm not frail mind, i get about fine", "they shout all night"],
        set(),
    ),
    (["my lad's home, hes 26", "they threw a bottle at my lad earlier, he was shaking"], set()),
    (["they're outside now kicking the door", "please send someone"], {D}),
    (["my daughter is 6", "we had a quiet week thankfully"], set()),
]


@pytest.mark.parametrize(("messages", "expected"), CHAT_MESSAGES)
def test_a_chat_is_read_as_one_account(messages: list[str], expected: set[R]) -> None:
    assert risk_flags_of_messages(messages) == expected


def test_the_extractor_reads_a_chats_risk_signs_across_its_messages() -> None:
    import json

    from intake.transcript import parse_chat
    from nlp.extract import Extractor

    def user(text: str) -> dict[str, str]:
        return {"at": "2026-11-16T20:10:00+00:00", "from": "user", "text": text}

    transcript = {
        "channel": "chat",
        "platform": "telegram",
        "user": {"id": 1, "name": "Test"},
        "messages": [
            user("its me and my daughter in the flat, shes 10"),
            user("on friday she come home cryin and wont go out now"),
        ],
    }
    draft = Extractor().extract(parse_chat(json.dumps(transcript)))
    assert draft.risk_flags == [C]
