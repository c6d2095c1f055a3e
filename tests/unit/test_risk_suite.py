"""nlp.risk on sentences written for this suite (not from any corpus): natural phrasings of each
risk flag in the voices of victims, relatives, carers, councillors and housing officers, with the
hard negatives next to them (denials, past and resolved, the culprit's or a neighbour's condition,
a pet, hypotheticals, threats the victim made, "scared" without danger, pregnancy, adult
children)."""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags
from trigger.vocabulary import RiskFlag as R

D, S, T, V, C = (
    R.IMMEDIATE_DANGER,
    R.SELF_HARM,
    R.THREAT_OF_VIOLENCE,
    R.VULNERABLE_ADULT,
    R.CHILD_AT_RISK,
)

SUITE: list[tuple[str, set[R]]] = [
    # immediate danger: positives
    ("they are outside my door right now kicking it in pls help", {D}),
    ("Someone is trying to get in through the back window as I type this.", {D}),
    ("hes at the door now screaming he wants to get in", {D}),
    ("I'm locked in the bathroom, he's still in the flat.", {D}),
    ("They said they'll be back tonight to finish the job and I'm terrified.", {D, T}),
    ("I don't feel safe tonight, they know I'm on my own.", {D}),
    ("There's a gang outside my house right now and they're throwing bricks.", {D}),
    ("please send someone now, they're in the garden", {D}),
    ("Mrs Patel is currently barricaded in her bedroom.", {D}),
    ("I'm writing this from upstairs, they're smashing the windows downstairs.", {D}),
    ("He is in the stairwell at the moment shouting and banging on every door.", {D}),
    ("my resident is in danger tonight and needs an urgent response", {D}),
    ("they are banging on the front door as we speak", {D}),
    ("Im hiding upstairs with the lights off they are still out there", {D}),
    ("I've called 999 and they're on their way but he's still here.", {D}),
    ("She is scared of what will happen tonight when he comes home from the pub.", {D}),
    # immediate danger: hard negatives
    ("It's quiet at the moment, they went away on holiday.", set()),
    ("Last night they were banging on the door until 3am.", set()),
    ("I am not in any danger, I just want the noise to stop.", set()),
    ("At the moment I'm waiting for the council to reply.", set()),
    ("Every night they are outside shouting.", set()),
    ("I'm scared the problem will never be sorted.", set()),
    ("The police came and he's been arrested so we're safe now.", set()),
    ("Right now the main issue is the rubbish in the alley.", set()),
    ("I was scared to go out but that was months ago and it's settled.", set()),
    # self-harm: positives
    ("honestly some nights i think everyone would be better off without me", {S}),
    ("I've thought about taking all my tablets.", {S}),
    ("My husband has told the GP he has been having suicidal thoughts.", {S}),
    ("my son who lives with me has started self harming again", {S}),
    ("I just want to go to sleep and never wake up.", {S}),
    ("She said she can't see the point in living any more.", {S}),
    ("I feel like ending it.", {S}),
    ("Her mum took an overdose last month because of the stress.", {S}),
    ("I have been cutting myself since this started.", {S}),
    ("I don't see a way out other than ending my life.", {S}),
    ("there are days I don't want to be here", {S}),
    ("I'm worried he will harm himself, he's been saying goodbye to people.", {S}),
    ("The tenant disclosed thoughts of suicide during the visit.", {S}),
    ("I just want it all to end, I can't cope anymore.", {S}),
    ("My wife tried to take her own life in August.", {S}),
    # self-harm: hard negatives
    ("I would never hurt myself, I have my kids to think about.", set()),
    ("The man at number 4 tried to kill himself last year.", set()),
    ("I want this to end.", set()),
    ("I'm at the end of my tether with the noise.", set()),
    ("I'm not suicidal but I am exhausted.", set()),
    ("The battery in the smoke alarm died.", set()),
    ("I'd rather die than move out of my own home, it's my home.", set()),
    ("It's killing me having to listen to it every night.", set()),
    # threat of violence: positives
    ("He told me he'd slit my throat if I grassed.", {T}),
    ("they said theyd petrol bomb the house", {T}),
    ("One of them had a knife in his waistband and flashed it at me.", {T}),
    ("The woman opposite threatened to have me beaten up.", {T}),
    ("He pulled a machete out in the car park.", {T}),
    ("she keeps telling my daughter she'll get her stabbed", {T, C}),
    ("He said I'd be dead by the weekend.", {T}),
    ("I was punched in the face by the lad from next door.", {T}),
    ("They've threatened to torch my car with me in it.", {T}),
    ("He spat at me and said he'd break my legs.", {T}),
    ("The resident reports that the neighbour has threatened to kill her.", {T}),
    ("he came at me with a screwdriver", {T}),
    ("Their son said he was going to shoot our dog and then me.", {T}),
    ("They shouted 'we're going to get you' every time I walked past.", {T}),
    ("He grabbed me by the throat and pinned me against the wall.", {T}),
    ("He has made threats to kill towards my client.", {T}),
    # threat of violence: hard negatives
    ("Nobody has threatened me, it's just the noise.", set()),
    ("I told him I'd call the police if he did it again.", set()),
    ("I said I would report him to the council.", set()),
    ("He used a hammer to put up shelves at 2am.", set()),
    ("They smashed my car window with a brick.", set()),
    ("He threatened me two years ago but that was sorted in court.", set()),
    ("He's threatening to report me to the landlord.", set()),
    ("They are always fighting with each other.", set()),
    ("The kids next door were playing with a toy gun.", set()),
    # vulnerable adult: positives
    ("I'm registered disabled and can't get out of the flat on my own.", {V}),
    ("My mum who lives with me has dementia.", {V}),
    ("my son (24, autistic) lives with me and the shouting sends him into meltdown", {V}),
    ("I have severe anxiety and I'm on medication.", {V}),
    ("My partner is a wheelchair user.", {V}),
    ("Mr Evans is 87 and lives alone.", {V}),
    ("I have MS and I'm often in a lot of pain.", {V}),
    ("My brother lives with us, he has learning difficulties.", {V}),
    ("i suffer with my mental health and this is making it worse", {V}),
    ("I'm partially sighted.", {V}),
    ("My wife had a stroke last year and can barely walk.", {V}),
    ("The tenant has a diagnosis of schizophrenia.", {V}),
    ("I've got COPD and am on oxygen at home.", {V}),
    ("My dad's 91 and lives with us.", {V}),
    ("I've been diagnosed with PTSD.", {V}),
    ("My husband is blind and relies on routine.", {V}),
    ("I am a carer for my husband who has Parkinson's.", {V}),
    # vulnerable adult: hard negatives
    ("The neighbour says he has mental health problems but that's no excuse.", set()),
    ("His dog is deaf and old.", set()),
    ("The man upstairs is autistic, I know, but it doesn't excuse it.", set()),
    ("My son is 30 and lives in Leeds, he's fine.", set()),
    ("I'm 34, fit and healthy.", set()),
    ("The woman across the road has dementia and wanders about.", set()),
    ("He claims he has ADHD and depression.", set()),
    ("My cat is blind.", set()),
    ("My grandmother had dementia before she passed in 2015.", set()),
    # child at risk: positives
    ("my little boy is petrified of the dog next door", {C}),
    ("Our daughter (7) now sleeps in our bed because she's scared.", {C}),
    ("They swore at my kids and called them little rats.", {C}),
    ("My 10 year old has been getting bullied by their lot.", {C}),
    ("My son was pushed off his bike by one of them.", {C, T}),
    ("The children are too frightened to play in the garden.", {C}),
    ("My granddaughter is terrified when she stays with me.", {C}),
    ("The baby wakes up screaming every time they start.", {C}),
    ("my kids were in the car when they smashed it", {C}),
    ("Their dog went for my little girl on the path.", {C}),
    ("They threatened my daughter on her way home from school.", {C, T}),
    ("Both my children have nightmares now.", {C}),
    ("My teenage son doesn't want to leave the house anymore because of them.", {C}),
    ("The family has three young children who are visibly distressed.", {C}),
    ("Our youngest keeps crying and asking if the bad men are coming back.", {C}),
    # child at risk: hard negatives
    ("My children are grown up and have moved away.", set()),
    ("The kids on the corner shout and swear every night.", set()),
    ("I'm pregnant and the stress is awful.", set()),
    ("Their children are out till midnight screaming.", set()),
    ("My son is 26 and works nights.", set()),
    ("The kids weren't home, thankfully.", set()),
    ("My dog is terrified of the fireworks.", set()),
    ("If I had kids I'd be worried sick.", set()),
    # mixed
    ("I'm 82 and on my own, they're outside right now shouting they'll burn me out.", {V, D, T}),
    (
        "My daughter has autism and she's 19, she lives with us and now she won't leave her room.",
        {V},
    ),
    (
        "He has threatened to stab my husband, who has dementia, and my kids are terrified.",
        {T, V, C},
    ),
    ("I'm not suicidal but my mum who lives with me has severe depression.", {V}),
    ("The police said they would come but nobody came and I feel like ending it all.", {S}),
    ("He's not violent, he's just loud, but my little one is scared of him.", {C}),
]


@pytest.mark.parametrize(("text", "expected"), SUITE)
def test_sentence_gives_exactly_its_flags(text: str, expected: set[R]) -> None:
    assert risk_flags(text) == expected
