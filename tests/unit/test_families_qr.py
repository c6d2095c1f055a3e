"""Hate strands, risk flags, exclusions, consent, the applicant's relationship and community
reporters: causes found on first-contact text (corpora Q and R), each tested as a family of
phrasings of our own (a formal letter, text-speak, voice-to-text, a carer, an officer's note),
with controls that must not change.

- A court outcome judged in a later sentence ("gave him a conditional discharge ... it's a
  joke"), "not about him now, it's about the court letting him off", "challenge the sentence".
- A faith's object prised off or a faith's symbol crossed out is religious hostility; a grabbed
  arm is no sexual abuse; "I'm not going to claim it was antisemitic" gives no strand.
- "OK with the council seeing it", "agreed to their details being shared": consent.
- "My mother is Mrs ...": the writer applies for a relative; the relationship is named from the
  relative ("my brother": brother/sister); a constituent line names the victim, never the MP.
- A beating promised in everyday words ("he'd get a kicking"), "through my own window"; a failing
  heart, a stent; a name given with an age over 75; "I'm ok right now, he's at work".
- "rang 101 that night. so did my neighbour": two reporters.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.hate import hate_strands
from nlp.incident_words import SAME_ABUSE
from nlp.parties import PartyCue, PartyText, decide_parties_for_texts, find_party_cues
from nlp.risk import risk_flags
from trigger.vocabulary import ApplicantRole, Consent, HateStrand, RiskFlag
from trigger.vocabulary import Exclusion as E


def exclusions(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "on 19 november the magistrates gave him a conditional discharge. thats it. no fine"
        " nothing. i want the community trigger to look at that because its a joke",
        "hes moved away now. its not about him doing stuff now its about the court letting him off",
        "He received a conditional discharge at Peterlee Magistrates' Court. Mrs Lowery regards"
        " that outcome as far too lenient.",
        "What she is asking is for the Community Trigger to be used to challenge the sentence the"
        " magistrates passed.",
        "He got a suspended sentence in March. Disgraceful.",
        "The judge let him walk. I want that looked at again.",
        "The magistrates fined him £80, I want the sentence reconsidered.",
        "court gave him community service. slap on the wrist",
        "The bench only fined her. My client considers this an insult to the victims.",
    ],
)
def test_a_court_outcome_judged_is_a_court_decision(text: str) -> None:
    assert exclusions(text) == {E.COURT_DECISION}


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced to six months in May. Since he came out it has started again and I"
        " want it reviewed.",
        "The court case is on 3 March. The noise is a joke.",
        "I'm not unhappy with the court, it was the right decision. The noise is still going on.",
        "He got a conditional discharge at court in June. The noise started again last week and"
        " it's a joke.",
        "The magistrates gave him a community order. He has kept away from us since.",
    ],
)
def test_a_court_mentioned_but_not_judged_is_no_exclusion(text: str) -> None:
    assert E.COURT_DECISION not in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "We're a Jewish family. Someone prised the mezuzah off our front doorframe.",
        "We are Jewish. someone scratched a Star of David into my car bonnet with a line through"
        " it",
        "we're jewish and last night somebody painted a swastika on our front door",
        "As practising Jews we were devastated when the mezuzah was wrenched off the door frame"
        " and a star of david crossed out was drawn on the gate.",
        "I'm Buddhist. Someone pulled down our prayer flags and binned them.",
        "We are Christians and someone yanked the cross off our front door.",
        "my husband is sikh and they chucked his turban in the road",
    ],
)
def test_a_faiths_object_or_symbol_attacked_is_religion(text: str) -> None:
    assert HateStrand.RELIGION in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone drew a cross on the wall of the bus shelter.",
        "He crossed the road and shouted at me.",
        "The kids drew stars on the pavement with chalk.",
        "I'm not going to claim it was antisemitic when I don't know.",
        "I wouldn't say it was racist, I just don't know.",
        "The man grabbed her by the arms and shouted at her about her cat.",
        "He grabbed me by the wrist and pushed me against the wall.",
        "He grabbed her bag and ran.",
    ],
)
def test_controls_give_no_strand(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "He groped her at the bus stop.",
        "One of them grabbed my bum as I walked past.",
        "He touched me up on the landing.",
    ],
)
def test_sexual_touching_is_still_sex(text: str) -> None:
    assert HateStrand.SEX in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "Last Tuesday it happened again: the flags were pulled down.",
        "On the 4th it's happened again.",
        "They did the same thing again on Friday.",
        "the 12th they done it again",
    ],
)
def test_an_act_told_again_carries_the_strand_told_before(text: str) -> None:
    assert SAME_ABUSE.search(text)


@pytest.mark.parametrize(
    "text",
    ["It happened on Friday.", "They did it on the 3rd and again on the 9th, no idea who."],
)
def test_an_act_told_once_carries_nothing(text: str) -> None:
    assert not SAME_ABUSE.search(text)


def consent_of(text: str) -> set[str]:
    return {
        f.label
        for f in find_party_cues(text)
        if f.label in (PartyCue.CONSENT_GIVEN, PartyCue.CONSENT_REFUSED)
    }


@pytest.mark.parametrize(
    "text",
    [
        "He has asked me to send this on and he is OK with the council, the police and Soar"
        " Valley seeing it.",
        "All six have agreed to their details being shared with Kent Police and the Council.",
        "Mum's happy for the police to see this.",
        "she's fine with the council reading all of this",
        "They have all agreed to you contacting them.",
        "she agreed for her details to go to the housing association",
        "im ok with the asb team having a copy",
    ],
)
def test_everyday_consent(text: str) -> None:
    assert consent_of(text) == {PartyCue.CONSENT_GIVEN}


@pytest.mark.parametrize(
    "text",
    [
        "I'd be happy to see the back of them.",
        "I'm not happy with the police seeing this.",
        "The council saw the damage and agreed it was bad.",
    ],
)
def test_consent_controls(text: str) -> None:
    assert PartyCue.CONSENT_GIVEN not in consent_of(text)


def applicant(text: str) -> tuple[ApplicantRole, str | None, str | None]:
    parties = decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY, 0)], sender=Person("A Writer", "writer@example.org")
    )
    return parties.role, parties.relationship, parties.victim_name


@pytest.mark.parametrize(
    ("text", "relationship", "victim"),
    [
        (
            "My mother is Mrs Eileen Robson of 12 Wear View. She is 88.",
            "son/daughter",
            "Mrs Eileen Robson",
        ),
        ("My dad is Mr Tom Hale and he lives alone.", "son/daughter", "Mr Tom Hale"),
        ("My nan, Ivy Cole, of 4 Elm Street has been targeted.", "grandson/granddaughter", None),
        ("I'm writing for my brother Gary Pounder, he doesn't do email.", "brother/sister", None),
        ("hi im messaging about my sister, shes too scared to", "brother/sister", None),
        ("I am contacting you on behalf of my uncle", "niece/nephew", None),
        ("texting for my grandad hes 90", "grandson/granddaughter", None),
    ],
)
def test_a_writer_for_a_relative(text: str, relationship: str, victim: str | None) -> None:
    role, said, name = applicant(text)
    assert role is ApplicantRole.THIRD_PARTY
    assert said == relationship
    if victim is not None:
        assert name == victim


@pytest.mark.parametrize(
    "text",
    [
        "My mum is 88 and lives with me. The lads kick my door.",
        "My brother came round on Saturday and saw them.",
        "My mum, Mrs Jones, saw them do it from her window.",
        "My sister is a nurse and told me to write this down.",
    ],
)
def test_a_relative_mentioned_is_no_third_party(text: str) -> None:
    assert applicant(text)[0] is ApplicantRole.VICTIM


def test_a_constituent_line_names_the_victim_and_never_the_mp() -> None:
    text = (
        "Our ref: GW27118\nConstituent: Mrs June Ashby, 31 Bitteswell Road, Lutterworth\n\n"
        "I am writing on behalf of Graham Whitlow MP, who has been contacted by Mrs Ashby."
    )
    assert applicant(text)[2] == "Mrs June Ashby"


@pytest.mark.parametrize(
    "text",
    [
        'the neighbour\'s son told him he would "get a kicking" if he came past their door again',
        "he said ill get my head kicked in if i call the police again",
        "She shouted that I'd end up in hospital.",
        "he texted my daughter saying shes gonna get battered",
        "They warned us we would get what's coming.",
        "he told me hed put me through my own window if i rang the police on him again",
        "He threatened that my son would get a good hiding.",
    ],
)
def test_a_beating_promised_in_everyday_words(text: str) -> None:
    assert RiskFlag.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I told him he'd get a kicking from the police if he carried on.",
        "The lads said the ball would get kicked over the fence.",
        "The doctor said I'd get better soon.",
        "He said he would be getting a new car.",
    ],
)
def test_no_threat_to_the_victim(text: str) -> None:
    assert RiskFlag.THREAT_OF_VIOLENCE not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my hearts not great, the doctor says i shouldnt get worked up",
        "I've had a pacemaker since 2019.",
        "had a stent put in last year",
        "My chest is bad and the stairs are a struggle.",
        "Dad's heart is weak and he can't take the stress.",
        "My GP has told me I mustn't get stressed.",
        # 75-79 counts beside a condition or living alone (test_risk_fourth.py); 80+ alone
        "hello my names Ron Padgett, 79, i live on my own in the bungalows",
        "Hi, I'm Joan, 82 and live alone",
    ],
)
def test_failing_health_and_age_in_everyday_words(text: str) -> None:
    assert RiskFlag.VULNERABLE_ADULT in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My back's bad from work but I manage.",
        "I'm at number 79, the bungalow.",
        "im in flat 80 , top floor",
        "The lads broke the heart-shaped sign on my gate.",
    ],
)
def test_no_vulnerability(text: str) -> None:
    assert RiskFlag.VULNERABLE_ADULT not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "im ok right now hes at work",
        "we're fine for now, he's gone out",
        "All quiet at the moment.",
        "I'm safe at the moment, they're not here",
    ],
)
def test_danger_denied_now(text: str) -> None:
    assert RiskFlag.IMMEDIATE_DANGER not in risk_flags(text)


def test_danger_now_still_counts() -> None:
    assert RiskFlag.IMMEDIATE_DANGER in risk_flags("he's outside my door right now banging")
    assert RiskFlag.IMMEDIATE_DANGER in risk_flags(
        "They are out there right now, 5 of them, trying the door handle."
    )


def reporters(text: str) -> list[int]:
    return [int(f.value) for f in find_party_cues(text) if f.label == PartyCue.COMMUNITY_REPORTERS]


@pytest.mark.parametrize(
    "text",
    [
        "rang 101 that night. so did my neighbour",
        "I reported it to the council and so did the lady next door.",
        "I phoned the police, my neighbour did too.",
        "i rang 101, the man opposite rang them as well",
        "Me and my neighbour both rang 101.",
        "I emailed the ASB team. As did my neighbour at number 4.",
    ],
)
def test_one_more_reporter(text: str) -> None:
    assert reporters(text) == [2]


@pytest.mark.parametrize(
    "text",
    [
        "I rang 101. So did my husband.",
        "So did my neighbour.",
        "The lads kicked the ball at the window. So did my neighbour's kids.",
    ],
)
def test_no_more_reporters(text: str) -> None:
    assert reporters(text) == []


def test_consent_given_reaches_the_decision() -> None:
    text = (
        "I am Leon's support worker. He has asked me to send this on and he is OK with the"
        " council and the police seeing it."
    )
    parties = decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY, 0)], sender=Person("Jade M", "jade@example.org")
    )
    assert parties.consent is Consent.GIVEN


# The same causes in the older fixture corpora (H, I, M): a strand the victim does not point at,
# hate shown by what was done, a refusal told as a request, a child's condition.


@pytest.mark.parametrize(
    "text",
    [
        "One of them knocked my cap off and laughed.",
        "We have never had any bother about being a gay couple on this street.",
        "No problems because we are gay, honestly, it's the noise.",
        "They were laughing and wobbling along like drunk people.",
    ],
)
def test_no_strand_the_victim_does_not_point_at(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I walk with a stick since my stroke. Three boys followed me down the lane doing a great"
        " exaggerated shuffle behind me.",
        "I have MS and use a stick. The lads wobble along like I do whenever I go past.",
        "my son is autistic and has a stammer, the kids keep putting on a stammer when he talks",
        "She is registered blind. They were pretending to be blind in front of her, laughing.",
        "Dad has Parkinson's. The teenagers copy his shake, twitching like him when he walks by.",
        "my brother has cerebral palsy and they limp behind him like him every day",
    ],
)
def test_a_disabled_persons_walk_or_speech_acted_out(text: str) -> None:
    assert HateStrand.DISABILITY in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        'he shouted "go back to your mosque" at my wife. We are Muslim.',
        "We're Sikh and they told my dad to piss off back to his gurdwara.",
        'as a jewish family we were told to "crawl back to your synagogue"',
        "im catholic and she said get back in your church",
    ],
)
def test_told_to_go_back_to_their_place_of_worship(text: str) -> None:
    assert HateStrand.RELIGION in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "It happened in early September too but we didn't report it then.",
        "this also happened on the 3rd as well",
    ],
)
def test_an_act_that_happened_too_carries_the_strand(text: str) -> None:
    assert SAME_ABUSE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "She is happy for the council to see this, but she has asked that nothing is shared with"
        " the landlord of number 29.",
        "He'd rather nothing goes to the police.",
        "I request that no information is given to my landlord.",
        "she wants nothing passed to the housing association",
    ],
)
def test_a_refusal_told_as_a_request(text: str) -> None:
    assert PartyCue.CONSENT_REFUSED in consent_of(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("hes 12 and has cerebral palsy. hes terrified to go out now", False),
        ("she's 9 and autistic", False),
        ("My husband is 45 and has MS.", True),
        ("I'm 40 and have MS", True),
    ],
)
def test_a_childs_condition_is_no_vulnerable_adult(text: str, flagged: bool) -> None:
    assert (RiskFlag.VULNERABLE_ADULT in risk_flags(text)) is flagged


@pytest.mark.parametrize(
    ("text", "strands"),
    [
        ("they keep calling me n my gf d*kes n lesbo sl*gs", {HateStrand.SEXUAL_ORIENTATION}),
        ("he called me a paki slag", {HateStrand.RACE}),
        ("they shouted gay whore at him", {HateStrand.SEXUAL_ORIENTATION}),
        ("he called me a slag", {HateStrand.SEX}),
        ("she shouted dirty slag at me", {HateStrand.SEX}),
    ],
)
def test_a_sexist_insult_welded_to_another_strands_word_is_that_strand(
    text: str, strands: set[HateStrand]
) -> None:
    assert hate_strands(text) == strands


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            "Community Trigger application: Mr Terence Pallister, 9 Wellfield Terrace\n\nI am the"
            " Neighbourhood Housing Officer for Wearside Homes and write on his behalf.",
            "Mr Terence Pallister",
        ),
        (
            "Case review request: Mrs Ann Lee, 4 Elm Road\nI write on behalf of my client.",
            "Mrs Ann Lee",
        ),
        ("Applicant: Ms Kay Dunn\nI am her support worker.", "Ms Kay Dunn"),
        ("Constituent: Mrs June Ashby\nI write on behalf of Graham Whitlow MP.", "Mrs June Ashby"),
    ],
)
def test_a_heading_line_names_the_victim(text: str, victim: str) -> None:
    assert applicant(text)[2] == victim


def test_a_heading_that_names_the_culprit_makes_no_third_party() -> None:
    text = (
        "Community Trigger application: noise from Mr Tait at number 4\n"
        "I want to complain about my neighbour Mr Tait."
    )
    assert applicant(text)[0] is ApplicantRole.VICTIM


@pytest.mark.parametrize(
    "text",
    [
        "theyve sprayed it on my van AGAIN. F A G G 0 T right across the windscreen",
        "on the 9th it was F@G on the side door in red paint.",
        "they sprayed Q U E 3 R on my door",
        "someone wrote f@g on my car",
        "it was D Y K 3 in big letters on the fence",
    ],
)
def test_a_disguised_word_with_an_innocent_sense_is_the_slur(text: str) -> None:
    assert HateStrand.SEXUAL_ORIENTATION in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "he chucked a f*g end over my fence",
        "can I have a fag",
        "it was a fag end on my doorstep",
        "They left an old bag of rubbish by my door.",
        "the bus was 5 0 1 minutes late",
    ],
)
def test_an_innocent_sense_stays_innocent(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "I drove my son to football on the 8th and popped in to mum's on the way back and"
            " found her in tears.",
            False,
        ),
        ("my son saw it and mum was in tears", False),
        ("my daughter came home and she was in tears", True),
        ("my son came home and he was crying", True),
        ("my kids saw it, she was terrified", True),
        ("my son is scared, and my wife is upset", True),
    ],
)
def test_a_frightened_state_belongs_to_whom_it_is_said_of(text: str, flagged: bool) -> None:
    assert (RiskFlag.CHILD_AT_RISK in risk_flags(text)) is flagged
