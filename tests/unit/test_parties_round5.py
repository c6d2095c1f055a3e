"""nlp.parties consent and nlp.exclusions anonymity, fifth round: new ways of saying the same."""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import Parties, PartyText, decide_parties_for_texts
from trigger.vocabulary import ApplicantRole, Consent
from trigger.vocabulary import Exclusion as E


def consent(text: str) -> Consent:
    part = PartyText(text, SegmentKind.BODY)
    return decide_parties_for_texts([part], sender=Person("Sam Reed")).consent


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


GIVEN = [
    # a long object between "happy for" / "fine with" and the sharing
    "He is happy for his name and the diary I typed up to be passed to the police.",
    "Mum is fine with you ringing me and with the housing officer sharing what they know.",
    "she's ok for her statement and the photos on my phone to be passed on to the council",
    # "you can tell the police ... all this"
    "you can tell the police and the council all this i dont mind",
    "U can tell the housing everything, I'm not bothered.",
    "You may show the police all of this.",
    # "I agree you share ..."
    "I agree you share this with the police and my landlord.",
    "we agree the council can pass on our details to the police",
    "She agrees they may use her details for the review.",
    # an authority or a consent form
    "Mr Hale has signed a consent form authorising this office to act for him.",
    "Our client has completed our data sharing consent form.",
    "She has authorised us to share her details with the council and police.",
    "The family authorised me to raise this on their behalf.",
]

NOT_GIVEN = [
    "I can provide their contact details with their permission.",
    "we could pass on the residents' names with their consent if you need them",
    "i can get you their phone numbers with their permission",
    "You can tell the police all you like, they never come.",
    "I agree you should have been told sooner.",
    "I don't know if she has signed anything yet.",
    "Nobody authorised him to park there.",
]

REFUSED = [
    "She does NOT want her name or address given to the police or the council.",
    "he doesnt want his name and number passed to his landlord",
    "They don't want their details or phone number shared with housing.",
]


@pytest.mark.parametrize("text", GIVEN)
def test_consent_said_in_other_words_is_given(text: str) -> None:
    assert consent(text) is Consent.GIVEN


@pytest.mark.parametrize("text", NOT_GIVEN)
def test_offers_complaints_and_agreement_about_other_things_are_no_consent(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED


@pytest.mark.parametrize("text", REFUSED)
def test_name_or_address_kept_from_agencies_is_refused(text: str) -> None:
    assert consent(text) is Consent.REFUSED


ANONYMOUS = [
    "We want it done anonymously, on behalf of the residents.",
    "can this be done anonymously please",
    "i want my report logged anonymously as im scared of them",
    "I'd like the complaint handled anonymously.",
    "Could the application be submitted anonymously?",
    "we want it kept anonymously, we have to live here",
]

NOT_ANONYMOUS = [
    "I don't want it done anonymously, you can use my name.",
    "My neighbour wants it done anonymously but I'm happy to be named.",
    "The police had it done anonymously last time.",
]


@pytest.mark.parametrize("text", ANONYMOUS)
def test_asking_for_it_to_be_done_anonymously_is_anonymous(text: str) -> None:
    assert E.ANONYMOUS in excluded(text)


@pytest.mark.parametrize("text", NOT_ANONYMOUS)
def test_refused_anonymity_or_a_neighbours_is_not_anonymous(text: str) -> None:
    assert E.ANONYMOUS not in excluded(text)


def parties_of(text: str, prompt: str | None = None, sender: str = "Sam Reed") -> Parties:
    part = PartyText(text, SegmentKind.BODY, prompt=prompt)
    return decide_parties_for_texts([part], sender=Person(sender))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I have worked with Jo Pike since March and she asked me to apply.", "Jo Pike"),
        ("We have been supporting Mr Dan Hale for two years on behalf of the trust.", "Dan Hale"),
        ("Our team has visited Mrs Ada Kerr weekly; she has asked me to write to you.", "Ada Kerr"),
        ("I've been working with Tariq Aziz, my client, since the summer.", "Tariq Aziz"),
        ("I am writing with the agreement of Ms Lena Fry, whose son is in my class.", "Lena Fry"),
        ("I'm writing at the request of Mr Owen Hart, who cannot use email.", "Owen Hart"),
        ("We are making this referral with the consent of Miss Zoe Tate.", "Zoe Tate"),
    ],
)
def test_the_person_a_worker_acts_for_is_the_victim(text: str, name: str) -> None:
    parties = parties_of(text)
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert name in (parties.victim_name or "")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On behalf of my residents Mr Femi Bello and Mrs Bola Bello I ask for a review.",
            "Femi Bello",
        ),
        ("I write on behalf of my tenants Kim Lowe and Ray Lowe about the noise.", "Kim Lowe"),
        ("my clients Ann Carr and Bill Carr have asked me to apply for them", "Ann Carr"),
    ],
)
def test_the_first_of_several_people_acted_for_is_the_victim(text: str, name: str) -> None:
    assert name in (parties_of(text).victim_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "I have worked with the police on this for a year and nothing changes.",
        "I am writing with the agreement of my husband, we both want it stopped.",
        "I'm writing at the request of the PCSO who came round yesterday.",
    ],
)
def test_a_victim_who_writes_with_others_stays_the_victim(text: str) -> None:
    assert parties_of(text).role is ApplicantRole.VICTIM


ASKED = "Thank you. Can I take your name and the address of the shop?"


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("Rajesh Mistry, Mistry News 118 Fleet Rd. police gave me a number", "Rajesh Mistry"),
        ("Raj Mann, 4 Mill Lane", "Raj Mann"),
        ("Mrs Ivy Shaw, flat 2 Elm Court", "Mrs Ivy Shaw"),
    ],
)
def test_a_name_then_an_address_answers_the_name_question(answer: str, name: str) -> None:
    assert parties_of(answer, ASKED, sender="Raj M").victim_name == name


@pytest.mark.parametrize(
    "answer",
    ["No, I'd rather not", "yes, Fleet Road", "Sorry, rather not say", "Fleet Rd, by the shop"],
)
def test_no_name_before_a_comma_keeps_the_display_name(answer: str) -> None:
    assert parties_of(answer, ASKED, sender="Raj M").victim_name == "Raj M"


@pytest.mark.parametrize(
    "text",
    [
        "My client has PTSD. She wants a case review but she wants to remain anonymous throughout.",
        "I'm writing for my dad, he wants to remain anonymous to the council.",
        "My client is frightened, and she wants to do this anonymously.",
        "I write on her behalf; she would like to remain anonymous to the agencies.",
        "our service user is scared and he wishes to stay anonymous",
        "My constituents are elderly and they want to remain anonymous.",
    ],
)
def test_the_person_a_writer_acts_for_wanting_anonymity_is_anonymous(text: str) -> None:
    assert E.ANONYMOUS in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "My client was there. Her neighbour saw it too but she wants to remain anonymous.",
        "I write for my mum. The lady over the road saw it and she wants to stay anonymous.",
        "she wants to remain anonymous",
        "My client is happy to be named. Her friend rang too and she wants to stay anonymous.",
    ],
)
def test_a_witness_wanting_anonymity_in_a_letter_for_someone_is_not_anonymous(text: str) -> None:
    assert E.ANONYMOUS not in excluded(text)
