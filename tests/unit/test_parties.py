"""nlp.parties: applicant role and relationship, consent, community reporters, victim identity."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nlp.document import Document, Person, Segment, SegmentKind
from nlp.parties import (
    PartyCue,
    PartyText,
    decide_parties,
    decide_parties_for_texts,
    find_party_cues,
)
from nlp.pipeline import analyse, build_pipeline
from trigger.vocabulary import ApplicantRole, Consent

WHEN = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def cues(text: str, label: PartyCue) -> list[object]:
    return [f.value for f in find_party_cues(text) if f.label == label]


def own(
    text: str, sender: Person | None = None, forwarded: tuple[tuple[str, Person], ...] = ()
) -> object:
    texts = [PartyText(text, SegmentKind.BODY, 0)]
    offset = len(text)
    for body, author in forwarded:
        texts.append(PartyText(body, SegmentKind.FORWARDED, offset, author))
        offset += len(body)
    return decide_parties_for_texts(
        texts, sender=sender, forwarded_authors=[a for _, a in forwarded]
    )


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("I am writing on behalf of my mother, who is 86.", "son/daughter"),
        ("My constituent has been harassed for months.\n\nCllr Jo Bell", "councillor"),
        (
            "I write on behalf of my constituent Mr Lee.\n\nYours,\nAmy Fox\n"
            "Senior Caseworker to Sam Hill MP",
            "MP's caseworker",
        ),
        ("As her support worker I am raising this for her.", "support worker"),
        ("I'm the ward councillor for Elm Park.", "councillor"),
        ("I am a caseworker for Jane Doe MP and write about a constituent.", "MP's caseworker"),
        ("I am the housing officer for Mr Amir Khan.", "housing officer"),
        ("My neighbour asked me to write to you as she has no email.", "neighbour"),
        ("I'm forwarding this from my friend who lives on the estate.", "friend"),
        ("I am her social worker.", "social worker"),
        ("My sister asked me to send this on.\n\nThanks,\nTom Hale (brother)", "brother"),
        ("Please see below from my aunt.\n\nRuth Ames (niece)", "niece"),
        ("I'm Mary Ellen Doyle's carer, four mornings a week.", "carer"),
        ("I am Mr Tom Pryce's support worker and he asked me to write.", "support worker"),
        ("I'm Aisha Khan's daughter and I'm writing about her neighbours.", "daughter"),
        ("Please see below.\n\nKind regards,\nJo Bell\nWard Councillor, Elm Park", "councillor"),
        ("Regards\nKirsty Rowe\nFloating Support Worker\nHeadland Support", "support worker"),
        (
            "hiya, texting about my nan, shes 88 and the kids keep egging her door",
            "grandson/granddaughter",
        ),
    ],
)
def test_third_party_statement_gives_role_and_relationship(text: str, relationship: str) -> None:
    parties = own(text, Person("A Writer", "writer@example.org"))
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert parties.relationship == relationship


def test_a_constituent_says_an_elected_members_office_but_not_which() -> None:
    # MPs and councillors both have constituents: the title says which, not the word
    parties = own("My constituent has been harassed for months.", Person("A Writer", "w@x.org"))
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert parties.relationship is None


@pytest.mark.parametrize(
    "text",
    [
        "My husband and I live at 7 Oak Road and the noise never stops.",
        "My daughter is scared of them.",
        "I'm writing about the youths on the green.",
        "My elderly father lives with us and the shouting upsets him.",
        "I reported it to my housing officer at Wearside Homes the next day.",
        "My floating support worker helped me ring the council.",
        "I contacted Cllr Smith and my ward councillor came round.",
        "I support Arsenal and they hate that, they keep kicking my door.",
    ],
)
def test_writing_about_yourself_or_your_household_is_a_victim_applicant(text: str) -> None:
    assert own(text, Person("A Writer", "writer@example.org")).role is ApplicantRole.VICTIM


def test_forwarded_original_by_someone_else_makes_the_forwarder_a_third_party() -> None:
    sender = Person("Ray Jones", "ray@example.org")
    victim = Person("Ann Lee", "ann.lee@example.net")
    parties = own(
        "See below.\n", sender, (("They smashed my window. Call me on 07700 900 123.", victim),)
    )
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert (parties.victim_name, parties.victim_email) == ("Ann Lee", "ann.lee@example.net")
    assert parties.victim_phone == "07700 900 123"
    assert (parties.applicant_name, parties.applicant_email) == ("Ray Jones", "ray@example.org")


def test_forwarding_your_own_earlier_email_is_not_a_third_party() -> None:
    me = Person("Ann Lee", "Ann.Lee@example.net")
    parties = own(
        "Sending this again.\n",
        me,
        (("They smashed my window.", Person("Ann Lee", "ann.lee@example.net")),),
    )
    assert parties.role is ApplicantRole.VICTIM


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("She has given consent for this application.", Consent.GIVEN),
        ("Mr Smith is happy for me to apply on his behalf.", Consent.GIVEN),
        ("I am happy for my information to be shared with the police.", Consent.GIVEN),
        ("He consents to this application.", Consent.GIVEN),
        ("You can share my details with the housing association.", Consent.GIVEN),
        ("My mum asked me to make the application on her behalf.", Consent.GIVEN),
        ("Please don't tell my landlord about this.", Consent.REFUSED),
        ("Do not share any of this with the council.", Consent.REFUSED),
        ("She doesn't want the housing association involved.", Consent.REFUSED),
        ("I don't consent to my details going to the police.", Consent.REFUSED),
        ("I'm not happy for my details to be shared.", Consent.REFUSED),
        ("Happy to share my details but please do not tell my landlord.", Consent.REFUSED),
        ("The noise goes on all night and I reported it twice.", Consent.NOT_STATED),
        ("yes please", Consent.NOT_STATED),
        # an instruction to pass it on is consent
        ("Please pass this on to anyone who can help.", Consent.GIVEN),
        ("Feel free to forward this email to the police.", Consent.GIVEN),
        ("I never shared this with anyone before now.", Consent.NOT_STATED),
        ("Please don't share this with anyone.", Consent.REFUSED),
    ],
)
def test_consent(text: str, consent: Consent) -> None:
    assert own(text).consent is consent


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Five of us have reported it to the council.", 5),
        ("At least 3 neighbours have complained about the same thing.", 3),
        ("Me and four other residents have all rung the police.", 5),
        ("me and 2 other neighbours reported it, so thats 3 of us", 3),
        ("Seven different households have made complaints.", 7),
        ("Two other people on the street reported it too.", 3),
        ("There are five of us living in the house.", None),
        ("We have had 4 different neighbours ring the police about it.", 4),
        ("Three of my neighbours have also reported it.", 4),
        ("I am one of 6 residents who have complained.", 6),
        ("Two of my other neighbours have reported it too.", 3),
        ("I reported it three times.", None),
    ],
)
def test_community_reporters_count_includes_the_applicant(text: str, count: int | None) -> None:
    assert own(text).community_reporters == count


def test_victim_identity_statement_gives_name_and_address() -> None:
    text = "I am writing on behalf of my mother, Mrs Jean Holt, of 4 Mill Lane, Oakham. She is 90."
    parties = own(text, Person("Tom Holt", "tom@example.com"))
    assert parties.victim_name == "Mrs Jean Holt"
    assert parties.victim_address == "4 Mill Lane, Oakham"
    assert parties.victim_email is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Regards\nJo\n07700 900 311", "07700 900 311"),
        ("Tel: 01252 123456", "01252 123456"),
        ("Mob +44 7700 900311", "+44 7700 900311"),
        ("Crime ref 44260350918", None),
        ("Log 0344 09/11/26", None),
    ],
)
def test_uk_phone_numbers(text: str, phone: str | None) -> None:
    found = cues(text, PartyCue.PHONE)
    assert (found[0] if found else None) == phone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hiya this is Gail Ormerod from the flats, the lads are back", "Gail Ormerod"),
        ("Good evening, it's Tomasz Nowak here. The music started again.", "Tomasz Nowak"),
        ("This is Maple Close again, same problem with the cars", "Sam"),
        ("this is the third time I've written", "Sam"),
        ("Hello, it is Harborough Council's fault for ignoring us", "Sam"),
    ],
)
def test_a_chat_user_who_introduces_themselves_by_full_name_is_named_by_it(
    text: str, name: str
) -> None:
    assert own(text, Person("Sam")).victim_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Re: Mrs Eileen Marsh, 4 Dock Street\nI am her housing officer.", "Mrs Eileen Marsh"),
        ("Regarding: Mr Kwame Mensah Boateng\nI am his support worker.", "Mr Kwame Mensah Boateng"),
        ("Re: Noise Nuisance At Park View\nI am the housing officer for the block.", None),
        ("I write as the key worker of Mr Idris Penn, who lives alone.", "Mr Idris Penn"),
        (
            "Re: Mrs Eileen Jane Marsh\nI am the tenancy officer for Mrs Marsh on her behalf.",
            "Mrs Eileen Jane Marsh",
        ),
        ("I am the tenancy officer at Oak Homes for Mrs Lena Ward.", "Mrs Lena Ward"),
        ("I'm Colin Marsh's support worker and he asked me to write.", "Colin Marsh"),
        ("I am the housing officer for Mill Court and write about a tenant.", None),
    ],
)
def test_a_professional_letter_names_the_client_it_is_about(text: str, name: str | None) -> None:
    assert own(text, Person("An Officer", "officer@example.org")).victim_name == name


def test_chat_user_who_gives_a_full_name_is_named_by_it() -> None:
    parties = own("hello my name is sam okafor and the lads keep kicking my door", Person("Sam"))
    assert parties.victim_name == "Sam Okafor"
    assert parties.role is ApplicantRole.VICTIM


def test_decide_parties_reads_component_spans_and_signature_segments() -> None:
    body = "Please see below an email from my neighbour. She is happy for it to be shared.\n"
    signature = "Jim Bell\n07700 900 777\n"
    original = "They threw eggs at my door again last night.\n"
    text = body + signature + original
    segments = (
        Segment(0, len(body), SegmentKind.BODY, WHEN),
        Segment(len(body), len(body) + len(signature), SegmentKind.SIGNATURE, WHEN),
        Segment(
            len(body) + len(signature),
            len(text),
            SegmentKind.FORWARDED,
            WHEN,
            Person("May Fox", "may@example.net"),
            1,
        ),
    )
    document = Document("email", text, WHEN, segments, sender=Person("Jim Bell", "jim@example.org"))
    nlp = build_pipeline()
    parts = [
        (s, analyse(nlp, document.segment_text(s), WHEN))
        for s in segments
        if s.kind is not SegmentKind.SIGNATURE
    ]
    parties = decide_parties(
        document, parts, sender=document.sender, forwarded_authors=[segments[2].author]
    )
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert parties.relationship == "neighbour"
    assert parties.consent is Consent.GIVEN
    assert parties.victim_name == "May Fox"
    assert parties.applicant_phone == "07700 900 777"
    [consent_evidence] = parties.evidence["consent"]
    assert text[consent_evidence.start : consent_evidence.end].startswith("happy for it")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I'm writing to you about my elderly father, Mr Peter Green, who lives nearby.",
            {"role": ApplicantRole.THIRD_PARTY, "victim_name": "Mr Peter Green"},
        ),
        (
            "I am the social worker for Ms Dana Cole and she has agreed to this referral.",
            {"role": ApplicantRole.THIRD_PARTY, "consent": Consent.GIVEN},
        ),
        (
            "My client has given me permission to make this application.",
            {"role": ApplicantRole.THIRD_PARTY, "consent": Consent.GIVEN},
        ),
        (
            "I'm contacting you on behalf of the Elm Road Residents' Association. "
            "Twelve households have complained.",
            {"role": ApplicantRole.THIRD_PARTY, "community_reporters": 12},
        ),
        ("My neighbour and I have both reported it.", {"community_reporters": 2}),
        ("Several neighbours have complained too.", {"community_reporters": None}),
        ("I'm happy for you to pass my details to the police.", {"consent": Consent.GIVEN}),
        ("Please keep this confidential from my landlord.", {"consent": Consent.REFUSED}),
        ("I am her carer and she asked me to write to you.", {"role": ApplicantRole.THIRD_PARTY}),
        ("My husband asked me to write it all down for you.", {"role": ApplicantRole.VICTIM}),
        ("The police asked me to write to you.", {"role": ApplicantRole.VICTIM}),
    ],
)
def test_everyday_phrasings_about_the_parties(text: str, expected: dict[str, object]) -> None:
    parties = own(text, Person("Sam Writer", "sam@example.org"))
    assert {key: getattr(parties, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("prompt", "answer", "consent"),
    [
        (
            "Are you happy for us to share your details with the police?",
            "yes that's fine",
            Consent.GIVEN,
        ),
        (
            "Can we pass your details on to your housing association?",
            "no please don't",
            Consent.REFUSED,
        ),
        (
            "Would you like us to arrange a call from a support worker?",
            "yes please",
            Consent.NOT_STATED,
        ),
        (
            "Are you happy for us to share your details with the police?",
            "last night",
            Consent.NOT_STATED,
        ),
        (
            "Your details are only shared with the agencies involved. Could you tell me your name?",
            "no way, not giving it",
            Consent.NOT_STATED,
        ),
        (
            "To start an application I need your name and address. Can you share them?",
            "no, I'm not giving it to the council",
            Consent.NOT_STATED,
        ),
        (
            "We would share your account with the police and the council. Is that OK?",
            "no",
            Consent.REFUSED,
        ),
        (None, "yes", Consent.NOT_STATED),
    ],
)
def test_short_chat_answer_to_a_sharing_question(
    prompt: str | None, answer: str, consent: Consent
) -> None:
    part = PartyText(answer, SegmentKind.CHAT_USER, 0, Person("Sam"), prompt)
    assert decide_parties_for_texts([part], sender=Person("Sam")).consent is consent


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("Arthur Pim", "Arthur Pim"),
        ("its mrs jean holt", "Mrs Jean Holt"),
        ("no sorry i want to stay anonymous", None),
        ("why do you", None),
    ],
)
def test_chat_answer_to_the_name_question_names_the_applicant(
    answer: str, name: str | None
) -> None:
    part = PartyText(answer, SegmentKind.CHAT_USER, 0, Person("A"), "Could you tell me your name?")
    parties = decide_parties_for_texts([part], sender=Person("A"))
    assert parties.applicant_name == (name or "A")
    assert parties.victim_name == (name or "A")


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        (
            "I am the Income Recovery Officer for Dale Homes and write about a tenant.",
            "housing officer",
        ),
        ("I'm the estate services manager at Fell Housing.", "housing officer"),
        (
            "Kind regards\nSam Orr\nSenior Neighbourhood Housing Officer\nFell Homes",
            "housing officer",
        ),
        ("I am Mrs Dobson's carer and visit her every morning.", "carer"),
        ("I'm her main carer since her stroke.", "carer"),
        ("Best wishes\nAna Pereira\nSenior Care Worker, Hillside Care", "carer"),
        ("I am her eldest daughter and I help with her post.", "daughter"),
        ("I'm Mr Lowe's son and he asked me to write.", "son"),
        ("Here is an email my dad, Ken Short, sent me last night.", "son/daughter"),
        ("My mother has sent me the message below.", "son/daughter"),
        ("I'm his next-door neighbour and keep an eye on him.", "neighbour"),
        ("I'm Mrs Hale's granddaughter and she asked me to write.", "granddaughter"),
        ("I am the victim's sister.", "sister"),
        ("As his key worker I am raising this with you.", "support worker"),
        ("I'm contacting you on behalf of my son, who is 19.", "parent"),
        ("I'm a Labour councillor for Park ward.", "councillor"),
        ("hi im asking for my nan, she doesnt do computers", "grandson/granddaughter"),
        ("I'm doing this for my mum as she is 90", "son/daughter"),
        ("I am the PCSO for the Hilltop area and am referring Mr Dale.", "pcso"),
        ("We are the solicitors acting for Mrs Vine.", "solicitors"),
        ("Pat next door asked me to send this on for her.", "neighbour"),
        (
            "Below is an email from Ali Noor, who I support through our outreach service.",
            "support worker",
        ),
        ("Best wishes\nLee Moss\nOutreach Support Worker", "support worker"),
        ("I chair the Elm Court Tenants' Association.", "residents' association chair"),
        (
            "I write as chairman of the Mill Lane Residents Group on behalf of members.",
            "residents' association chair",
        ),
        ("Yours\nJo Hart\nChair, Mill Lane Residents' Association", "residents' association chair"),
    ],
)
def test_capacity_stated_in_other_words_gives_the_relationship(
    text: str, relationship: str
) -> None:
    parties = own(text, Person("A Writer", "writer@example.org"))
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert parties.relationship == relationship


@pytest.mark.parametrize(
    "text",
    [
        "My mum wants me to move out because of the noise.",
        "My dad wrote to the council about it years ago.",
        "As his neighbour I have to listen to it every night.",
        "I'm writing about my neighbour at number 12 who plays music all night.",
        "I reported it to my tenancy enforcement officer at Dale Homes.",
        "My carer saw them throw the eggs.",
        "The residents' association chair told me to apply.",
        "He lives at number 12, I'm his neighbour and he plays music all night.",
        "The PCSO came round and said she would look into it.",
        "I rang the PCSO about it on Monday.",
        "I'm his wife and they threatened us both.",
        "As his neighbour I have to listen to it every night, his friend told me.",
    ],
)
def test_a_victim_mentioning_family_neighbours_or_officers_is_not_a_third_party(text: str) -> None:
    assert own(text, Person("A Writer", "writer@example.org")).role is ApplicantRole.VICTIM


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("She is happy for the police to have her details.", Consent.GIVEN),
        ("He's content for Leeds City Council to hold his contact details.", Consent.GIVEN),
        ("Please don't copy my letting agent into any emails.", Consent.REFUSED),
        ("Do not cc the landlord on this please.", Consent.REFUSED),
        # a victim's own contact details given to the council alone are not consent to share
        ("I am happy for you to have my name and number and to contact me.", Consent.NOT_STATED),
        ("I have copied my MP into this email.", Consent.NOT_STATED),
        ("She's given me the go-ahead to apply for her.", Consent.GIVEN),
        ("Mum is OK with the council talking to the police about it.", Consent.GIVEN),
        ("She would prefer her landlord not to be told.", Consent.REFUSED),
        ("I'd rather the police weren't told about this.", Consent.REFUSED),
        ("Please keep my landlord out of this.", Consent.REFUSED),
        ("I'm happy to speak to someone about it.", Consent.NOT_STATED),
        ("I give permission for you to share my details with the police.", Consent.GIVEN),
        ("He agreed that I could apply for him.", Consent.GIVEN),
        ("She doesn't mind the police being told.", Consent.GIVEN),
        # neighbours and culprits are not bodies the application is shared with
        ("I don't want my neighbours to know I complained.", Consent.NOT_STATED),
        ("Please don't tell them next door it was me.", Consent.NOT_STATED),
    ],
)
def test_consent_in_other_words(text: str, consent: Consent) -> None:
    assert own(text).consent is consent


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Me and my two neighbours have each rung 101.", 3),
        ("me and my 3 next-door neighbours all reported it", 4),
        ("Mrs Khan and two of her neighbours have reported them to the police.", 3),
        ("She and four other tenants have complained to the landlord.", 5),
        ("Nine of our members have separately reported the bikes.", 9),
        ("Me and my two kids were in the house when it happened.", None),
        ("My neighbour at number 6 has also reported it to the police.", 2),
        ("The family next door and I have both rung the police.", 2),
        ("My husband and I have both reported it.", None),
        ("My neighbours on both sides have also reported it.", 3),
        ("The police and two neighbours came out to look.", None),
    ],
)
def test_community_reporters_in_other_words(text: str, count: int | None) -> None:
    assert own(text).community_reporters == count


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("Mrs Lane has asked that her details are not shared with the council.", "refused"),
        ("Please don't pass any of this on to anyone.", "refused"),
        ("Yes you can pass it on to the police.", "given"),
        ("I have not asked her yet whether she's happy for her details to be shared.", None),
    ],
)
def test_consent_phrasings(text: str, consent: str | None) -> None:
    labels = {str(f.label) for f in find_party_cues(text) if "consent" in str(f.label)}
    assert labels == ({f"consent_{consent}"} if consent else set())


def test_two_named_neighbours_who_both_reported_make_three_with_the_writer() -> None:
    text = "My neighbours Mr Ahmed and Mrs Cole both phoned the police about it as well."
    assert [f.value for f in find_party_cues(text) if f.label == "community_reporters"] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Cole at number 4 is being targeted. I haven't told her I'm writing to you.",
        "The lads pick on the man across the road. He doesn't know I'm contacting you.",
    ],
)
def test_writing_without_the_victim_knowing_is_a_third_party(text: str) -> None:
    assert own(text, Person("A Writer", "writer@example.org")).role is ApplicantRole.THIRD_PARTY
