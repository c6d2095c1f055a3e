"""nlp.parties and nlp.exclusions: whom a third party writes for, said the many ways people say it.

Each family is a cause seen in first-contact text (third parties taken for the victim, the victim
named from the writer, consent and exclusions told for someone else), written out in other
registers than the one that showed it, with controls that must not change: victims who mention
their relatives, their household or officers stay victims.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import PartyText, answer_cues, decide_parties_for_texts
from trigger.vocabulary import ApplicantRole, Consent
from trigger.vocabulary import Exclusion as E

WRITER = Person("Sam Writer", "sam@example.org")


def parties(text: str, sender: Person | None = WRITER) -> object:
    return decide_parties_for_texts([PartyText(text, SegmentKind.BODY, 0)], sender=sender)


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


# "for + my <kin>": the kin word is the victim's; the relationship is the writer's, turned round.
@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Hello I am asking for my daughter, she is at work all day.", "parent"),
        ("Hi, I'm messaging for my partner, his English isn't great.", "partner"),
        ("im doing this for my nan cos she cant use a phone", "grandson/granddaughter"),
        ("Writing on behalf of my elderly father, who is 90.", "son/daughter"),
        ("I'm emailing you for my brother who doesn't do email.", "brother/sister"),
        ("Filling this in for my mum as her eyesight is bad.", "son/daughter"),
        ("I'm getting in touch on behalf of my friend, she's too scared to.", "friend"),
        ("reporting this for my uncle, he's deaf and can't use the phone", "niece/nephew"),
        ("just typing this for my grandad, his hands shake", "grandson/granddaughter"),
        ("hi there, texting u for my wife, she is in hospital", "partner"),
    ],
)
def test_writing_for_a_relative_makes_a_third_party_with_the_turned_relationship(
    text: str, relationship: str
) -> None:
    found = parties(text)
    assert found.role is ApplicantRole.THIRD_PARTY
    assert found.relationship == relationship


# He/she/a relative asked the writer to act for them.
@pytest.mark.parametrize(
    "text",
    [
        "He's asked me to sort this out for him as he can't cope.",
        "Mum asked me to get in touch with you about next door.",
        "my nan wants me to report it for her, she's 91",
        "Mrs Hall has asked me to contact you about what's been going on.",
        "she asked me to do the form for her because she can't see the screen",
        "Dad would like me to deal with this, his memory isn't good.",
        "my friend asked me to fill this in, she doesn't have a computer",
        "they have asked me to write on their behalf",
    ],
)
def test_being_asked_to_act_for_someone_makes_a_third_party(text: str) -> None:
    assert parties(text).role is ApplicantRole.THIRD_PARTY


# A sufferer outside the writer's household, whose property is the target.
@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            "The old gentleman at 7 Bitteswell Road, Mr Walter Sedgley, is being tormented by "
            "the family at no. 9. Yesterday they broke every pane of his greenhouse.",
            "Mr Walter Sedgley",
        ),
        (
            "My mother is Mrs Eileen Robson of 12 Wear View. On 4 August a man pushed his way "
            "into her kitchen and shouted at her.",
            "Mrs Eileen Robson",
        ),
        (
            "i want to tell you whats happening to my nan. they kicked her back door in and "
            "threw stones at her windows",
            None,
        ),
        (
            "My dad's neighbours have been awful all year. They smashed his shed window and "
            "let his tyres down.",
            None,
        ),
        (
            "The elderly lady across the road is being targeted by the kids from the flats, they "
            "egg her windows and kick her gate every night.",
            None,
        ),
        (
            "The family over the road have been making his life hell, they put his car windows "
            "through in April.",
            None,
        ),
        (
            "I'm writing about the old lady next door. Kids keep kicking her door and throwing "
            "eggs at her windows.",
            None,
        ),
        (
            "I am really concerned about my elderly neighbour, they smashed his greenhouse and "
            "broke his fence again.",
            None,
        ),
        ("Worried about the elderly man at no 12, they keep throwing stones at his windows.", None),
    ],
)
def test_someone_elses_suffering_told_with_their_property_is_a_third_party(
    text: str, victim: str | None
) -> None:
    found = parties(text)
    assert found.role is ApplicantRole.THIRD_PARTY
    assert found.victim_name == victim


# Controls: victims who mention relatives, their household and officers stay victims.
@pytest.mark.parametrize(
    "text",
    [
        "My husband asked me to write it all down for you.",
        "The police asked me to keep a diary of every incident.",
        "The housing officer asked me to report everything to 101.",
        "He asked me to turn my music down and then kicked my door.",
        "I'm writing about my neighbour who plays music all night.",
        "I am asking for my neighbour to be moved, she screams at me daily.",
        "My son is being bullied by the lads, they smashed my windows and his bike.",
        "My mum is being harassed too, she lives with us. They kicked our door and scratched "
        "my car.",
        "Mr Jones at 4 is being threatened as well, but they smashed my windows and kicked my "
        "door.",
        "My son Jayden is 9 and he is terrified of them.",
        "I'm writing about my neighbour, he keeps parking across my drive and blocking my gate.",
        "I'm writing about the old lady next door, she bangs on my wall and screams at my kids.",
        "My wife wears a headscarf and the man on the corner has made her life a misery, he "
        "stands at his gate and shouts at her outside his house.",
        "My dad George came round and saw them kick my door in.",
    ],
)
def test_victims_who_mention_relatives_household_or_officers_stay_victims(text: str) -> None:
    assert parties(text).role is ApplicantRole.VICTIM


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # the victim's own relation (her neighbour) is a witness, not the victim
        (
            "I am writing on behalf of Mrs Joan Birtles of 3 Welland Close. Three of us rang the "
            "police: Mrs Birtles herself, her neighbour Mr Tony Wragg, and me.",
            "Mrs Joan Birtles",
        ),
        (
            "hi, my dad Raymond Pryor's neighbours have been bad all year. Im his daughter.",
            "Raymond Pryor",
        ),
        (
            "Constituent: Mrs June Ashby, 31 Bitteswell Road\n\nI am writing on behalf of "
            "Graham Whitlow MP about his constituent.",
            "Mrs June Ashby",
        ),
    ],
)
def test_the_victim_is_named_from_the_writers_words_not_a_bystander(text: str, victim: str) -> None:
    assert parties(text).victim_name == victim


@pytest.mark.parametrize(
    ("text", "sender", "name"),
    [
        (
            "my car was damaged again.\n\nJoanne Pike",
            Person("Jo Pike", "j@example.org"),
            "Joanne Pike",
        ),
        (
            "they were at it again.\n\nThanks,\nDevinder Sandhu\n",
            Person("Dev", None),
            "Devinder Sandhu",
        ),
        # a closing, a team, another person's name: not the writer's fuller name
        ("see below.\n\nKind Regards", Person("Jo Pike", None), "Jo Pike"),
        ("it has to stop.\n\nCommunity Safety Team", Person("Jo Pike", None), "Jo Pike"),
        ("Mrs Ord at 19 saw it too.\n\nMrs Ord", Person("Jo Pike", None), "Jo Pike"),
    ],
)
def test_a_sign_off_gives_the_fuller_name_of_the_same_person(
    text: str, sender: Person, name: str
) -> None:
    assert parties(text, sender).victim_name == name


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("he knows im doing this and is fine with it", Consent.GIVEN),
        ("hes ok with you having his details", Consent.GIVEN),
        ("Mum knows I'm writing and she's happy with that.", Consent.GIVEN),
        ("She's fine with me doing this for her.", Consent.GIVEN),
        ("He is OK with the council, the police and Soar Valley seeing it.", Consent.GIVEN),
        ("All six have agreed to their details being shared with Kent Police.", Consent.GIVEN),
        ("Both households have agreed to their names being passed to the council.", Consent.GIVEN),
        ("my nan said yes to me doing this", Consent.GIVEN),
        ("she would like this shared with whoever needs it", Consent.GIVEN),
        ("Mum doesn't want this going any further than the council.", Consent.REFUSED),
        ("he doesnt want his name passed to the housing", Consent.REFUSED),
        # controls
        ("Dad knows I'm writing but he isn't happy with it yet.", Consent.NOT_STATED),
        ("I am happy for you to have my name and number and to contact me.", Consent.NOT_STATED),
        ("I'm fine with the police coming round to see me.", Consent.NOT_STATED),
    ],
)
def test_consent_told_for_the_victim(text: str, consent: Consent) -> None:
    assert parties(text).consent is consent


def test_no_names_answering_a_sharing_prompt_is_anonymity_not_a_refusal() -> None:
    prompt = "To apply the agencies need to know who is applying, but I can pass on what you said."
    assert answer_cues("No names. Just want it stopped", prompt) == []
    assert answer_cues("no, please don't pass it on", prompt)


STOPPED = " He moved out in July and it has been quiet since."


@pytest.mark.parametrize(
    "text",
    [
        "What I want looked at is how she was treated by the call handler." + STOPPED,
        "i want someone to look at how she handled it." + STOPPED,
        "The ASB officer never once returned our calls." + STOPPED,
        "I'd like a review of how her calls were handled and an apology." + STOPPED,
        "The officer promised to ring her back and never did." + STOPPED,
        "no its stopped since he went. its about the service we got",
        "The call handler laughed at her and told her to stop wasting police time." + STOPPED,
        "They closed her case without telling her." + STOPPED,
        "what i want to complain about is the asb officer at the council." + STOPPED,
        "I want the council's handling of his case looked at." + STOPPED,
        "They kept fobbing her off and the case was closed without anyone speaking to her."
        + STOPPED,
        "The police took three weeks to come out to him." + STOPPED,
        "The officer told him he was wasting their time." + STOPPED,
    ],
)
def test_a_service_complaint_told_for_the_victim(text: str) -> None:
    assert E.SERVICE_COMPLAINT in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The officer promised to ring her back and never did, and the lads are still at it "
        "every night.",
        "What I want looked at is how she was treated, and it's still going on every weekend.",
        "The police took three weeks to come out and the lads are still at it every night.",
    ],
)
def test_a_service_grievance_with_persisting_behaviour_is_no_exclusion(text: str) -> None:
    assert E.SERVICE_COMPLAINT not in excluded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("its not about him doing stuff now its about the court letting him off", True),
        (
            "She wants the Community Trigger used to challenge the sentence the magistrates "
            "passed.",
            True,
        ),
        ("The judge let him walk with a fine, it's a disgrace.", True),
        ("I'm not unhappy with the court, it was the right decision.", False),
        ("The magistrates gave him a fine and I accept that.", False),
    ],
)
def test_dissatisfaction_with_a_court_in_other_words(text: str, expected: bool) -> None:
    assert (E.COURT_DECISION in excluded(text)) is expected


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        (
            "Please note we do not want our details passed to our landlord, Longfield Housing.",
            False,
        ),
        ("I don't want my name passed to the letting agent under any circumstances.", False),
        ("I don't want my details passed on to anyone, I want to stay anonymous.", True),
    ],
)
def test_refusing_one_landlord_is_no_anonymity(text: str, anonymous: bool) -> None:
    assert (E.ANONYMOUS in excluded(text)) is anonymous


def forwarded(body: str, original: str, author: Person, sender: Person) -> object:
    texts = [
        PartyText(body, SegmentKind.BODY, 0),
        PartyText(original, SegmentKind.FORWARDED, len(body), author),
    ]
    return decide_parties_for_texts(texts, sender=sender, forwarded_authors=[author])


JANE = Person("Jane Bell", "jane.bell@example.net")


@pytest.mark.parametrize(
    "author",
    [
        Person("ASB Team", "asb@hartlepool.gov.uk"),
        Person("PC John Smith", "john.smith@cleveland.police.uk"),
        Person("Karen Hill", "karen.hill@thirteengroup.co.uk"),  # name alone: a person
        Person("Neighbourhood Officer", "k.hill@example.org"),
        Person("Vivid Homes", "noreply@vividhomes.co.uk"),
        Person("Durham County Council", "customer.services@durham.gov.uk"),
    ],
)
def test_a_victim_forwarding_a_bodys_reply_stays_the_victim(author: Person) -> None:
    body = "See below the reply I got. Nothing has been done about my door being kicked in."
    original = "Dear Ms Bell, thank you for your report, we have logged it."
    found = forwarded(body, original, author, JANE)
    if author.name == "Karen Hill":
        assert found.role is ApplicantRole.THIRD_PARTY  # a person's own account, forwarded
    else:
        assert found.role is ApplicantRole.VICTIM
        assert found.victim_name == "Jane Bell"


def test_a_councillor_forwarding_a_constituents_email_still_applies_for_them() -> None:
    found = forwarded(
        "Please see below from my constituent.",
        "Dear Cllr Bell, they kicked my door in again last night.",
        Person("Ann Lee", "ann.lee@example.net"),
        Person("Cllr Jane Bell", "jane.bell@hartlepool.gov.uk"),
    )
    assert found.role is ApplicantRole.THIRD_PARTY
    assert found.victim_name == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I support Mary Jones, who lives alone at 4 Ash Road.", ApplicantRole.THIRD_PARTY),
        ("I am supporting Mr Bell since his stroke.", ApplicantRole.THIRD_PARTY),
        ("I represent Mrs Khan, who has asked for a review.", ApplicantRole.THIRD_PARTY),
        ("We visit Mrs Ord every day and have seen the damage.", ApplicantRole.THIRD_PARTY),
        ("I work with Dean Cole (aged 19) through the youth service.", ApplicantRole.THIRD_PARTY),
        # controls
        ("I support Leeds United and they hate it, they kick my door.", ApplicantRole.VICTIM),
        ("I look after Jayden three days a week and they scare him.", ApplicantRole.VICTIM),
        ("We look after Mum at weekends, and they shout at us too.", ApplicantRole.VICTIM),
    ],
)
def test_supporting_someone_named(text: str, role: ApplicantRole) -> None:
    assert parties(text).role is role


def test_a_forwarded_victim_known_by_a_short_name_is_named_as_they_sign() -> None:
    found = forwarded(
        "Please see below from my constituent.",
        "Dear Cllr Bell, they kicked my door in again.\n\nMarjorie Ellis",
        Person("Marj", "marj1950@example.net"),
        Person("Cllr Jane Bell", "jane.bell@hartlepool.gov.uk"),
    )
    assert found.victim_name == "Marjorie Ellis"


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        ("Please keep my name out of it when you speak to them.", False),
        ("Keep my name out of it when the police go round to see the family.", False),
        ("my nan doesnt want her name on anything", True),
        ("I don't want my name on anything, they'd burn the house down.", True),
        ("Keep my name out of it please.", True),
    ],
)
def test_anonymity_towards_the_culprits_is_not_anonymity_to_the_agencies(
    text: str, anonymous: bool
) -> None:
    assert (E.ANONYMOUS in excluded(text)) is anonymous


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my husband has MS and is in a wheelchair full time, im his carer", ApplicantRole.VICTIM),
        ("My wife had a stroke last year and I am her full-time carer.", ApplicantRole.VICTIM),
        ("im a carer for Mr Alan Rudd, he has MS and cant type much", ApplicantRole.THIRD_PARTY),
        ("I'm her carer, she lives on her own since her husband died.", ApplicantRole.THIRD_PARTY),
    ],
)
def test_a_spouse_caring_for_the_other_applies_as_a_victim(text: str, role: ApplicantRole) -> None:
    assert parties(text).role is role


def test_an_mp_written_for_is_never_the_victim() -> None:
    text = (
        "I write on behalf of Helen Carstairs MP concerning her constituent Mrs Beverley Nunn "
        "of 9 Kestrel Way."
    )
    assert parties(text).victim_name == "Mrs Beverley Nunn"
