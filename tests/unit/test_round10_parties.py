"""Round 10, parties: causes found on first-contact text (corpora AP, AQ, AT), each tested as a
family of phrasings of our own, with near-misses that must not change.

- "I'm happy to be the contact": a contact person, not consent to be contacted or to share.
- Consent told in a hard-wrapped mail ("signed our data-sharing / consent form"): read whole.
- Consent to the application in everyday words: "asked me to request a case review", "agreed I
  can do this application", "said yes to me doing it", "said I'm allowed to do this for her".
- A role after a named body ("I'm Moorside Homes' tenancy officer"), a police sergeant, a
  referral form ("Client name:", "Referrer: ..., Floating Support Worker"), and "apply for the
  community trigger for my dad".
- "Five of us in Ash Row and Elm Close, my son included, have each reported it": the count.
- The victim's own email quoted below a third party's message gives the victim's address.
- A victim named by the consent they gave ("Mrs Aileen Ward has given consent ..."); a worker
  "here"; the office of a "Member of Parliament"; "my mum, <name>, ... lives on her own at 4 ...";
  "asking for the old lady next door".
- Anonymity is no refusal: "no, I want to stay anonymous" to sharing one's details; "I'm not
  giving my name. I don't want it going to the police"; "pass it on but without my name" is no
  consent either; "do it without my name" is anonymity (nlp.exclusions).
- "I'm not the only one - Pat at number 4 has reported them": two reporters.
- A complaint about staff in other words ("the reason I'm writing is the officer", "look at her
  conduct", "ignored three of my emails", "complain about the police", "a complaint put in about
  that officer"): a service complaint once the behaviour stopped (nlp.exclusions).
- A forwarded original's author "whose father Mr Len Hale lives alone": the relative is the victim.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import PartyText, decide_parties_for_texts, find_party_cues
from nlp.party_cues import PartyCue, answer_cues
from trigger.vocabulary import ApplicantRole, Consent


def _labels(text: str) -> list[PartyCue]:
    return [PartyCue(f.label) for f in find_party_cues(text)]


def _third_party(text: str) -> list[object]:
    return [f.value for f in find_party_cues(text) if f.label == PartyCue.THIRD_PARTY]


@pytest.mark.parametrize(
    "text",
    [
        "I am happy to be the contact for the group.",
        "I'm glad to be the main contact if you need one.",
        "Our chair is willing to be the point of contact.",
    ],
)
def test_a_contact_person_is_no_consent(text: str) -> None:
    assert PartyCue.CONSENT_GIVEN not in _labels(text)


def test_happy_to_be_contacted_is_still_consent() -> None:
    assert PartyCue.CONSENT_GIVEN in _labels("She is happy for you to contact her about it.")


def test_consent_told_over_a_wrapped_line_is_read_whole() -> None:
    text = (
        "I write for my client who lives on Moorside estate. He signed a data-sharing\n"
        "consent form with me last week, covering the council, the police and his landlord.\n"
    )
    assert PartyCue.CONSENT_GIVEN in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Obi has asked me to request a case review on his behalf.",
        "Mrs Kaur asked us to refer her for an ASB case review.",
        "My client has agreed I can do the application for her.",
        "dad's said yes to me doing it",
        "she said im allowed to do this for her",
        "Mum says I'm allowed to write in for her.",
    ],
)
def test_consent_to_the_application_in_everyday_words(text: str) -> None:
    assert PartyCue.CONSENT_GIVEN in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "She asked me to refer her to the GP about her nerves.",
        "The warden said I'm not allowed to park there.",
        "He said yes to a cup of tea.",
        "They agreed I can park on the drive.",
    ],
)
def test_near_misses_of_consent_to_the_application(text: str) -> None:
    assert PartyCue.CONSENT_GIVEN not in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm Moorside Homes' tenancy officer for the Ash Row flats.",
        "I am Riverside Living Group's ASB officer and I write about one of the flats.",
    ],
)
def test_a_role_after_a_named_body(text: str) -> None:
    assert "housing officer" in _third_party(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not sure the housing officer is any use.",
        "I'm sure their housing officer knows about it.",
    ],
)
def test_a_housing_officer_talked_about_is_no_role(text: str) -> None:
    assert _third_party(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I am the neighbourhood sergeant for the Grange ward.",
        "I'm the sergeant covering Low Fell and Windy Nook.",
    ],
)
def test_a_police_sergeant_writes_for_a_resident(text: str) -> None:
    assert "police sergeant" in _third_party(text)


@pytest.mark.parametrize(
    "text",
    [
        "The sergeant said he would ring me back.",
        "I rang the sergeant for our area twice.",
    ],
)
def test_a_sergeant_talked_about_is_no_role(text: str) -> None:
    assert "police sergeant" not in _third_party(text)


def test_a_referral_form_is_filled_in_for_someone_else() -> None:
    text = (
        "REFERRAL FORM\n"
        "Referrer: Amy Holt, Floating Support Worker\n"
        "Client name: Joseph Mensah\n"
        "Address: 4 Ash Row\n"
    )
    parties = decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Referrals Team", "ref@example.org")
    )
    assert parties.role is ApplicantRole.THIRD_PARTY
    assert parties.relationship == "support worker"
    assert parties.victim_name == "Joseph Mensah"


def test_a_name_line_of_ones_own_is_no_client() -> None:
    text = "Name: Joseph Mensah\nAddress: 4 Ash Row\n"
    parties = decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Joseph Mensah", "jm@example.org")
    )
    assert parties.role is ApplicantRole.VICTIM


def test_applying_for_the_trigger_for_a_parent() -> None:
    assert _third_party("I'd like to apply for the community trigger for my dad, Len Moss.")


def test_applying_for_the_trigger_for_oneself() -> None:
    assert _third_party("I'd like to apply for the community trigger for my street.") == []


def test_a_victim_who_wants_to_activate_the_trigger_is_named() -> None:
    text = "Mrs Dina Pope, 3 Elm Close, wants to activate the Community Trigger."
    names = [f.value for f in find_party_cues(text) if f.label == PartyCue.VICTIM_NAME]
    assert "Mrs Dina Pope" in names


def test_a_count_with_a_long_place_before_the_aside() -> None:
    text = (
        "Five of us on Ash Row and Elm Close, my son included, have each reported it to the police."
    )
    counts = [f.value for f in find_party_cues(text) if f.label == PartyCue.COMMUNITY_REPORTERS]
    assert 5 in counts


def test_five_of_us_went_out_is_no_count() -> None:
    text = "Five of us in Ash Row and the top of Elm Close went out to look at the damage."
    assert PartyCue.COMMUNITY_REPORTERS not in _labels(text)


def _with_quote(author: Person) -> object:
    body = "I am writing on behalf of my constituent Mr Tariq Hussain about his neighbours."
    return decide_parties_for_texts(
        [PartyText(body, SegmentKind.BODY)],
        sender=Person("Office of Jo Bell MP", "office@example.org"),
        quoted_authors=[author],
    )


def test_the_victims_quoted_email_gives_the_victims_address() -> None:
    parties = _with_quote(Person("Tariq Hussain", "tariq.h@example.com"))
    assert parties.role is ApplicantRole.THIRD_PARTY  # type: ignore[attr-defined]
    assert parties.victim_email == "tariq.h@example.com"  # type: ignore[attr-defined]


def test_someone_elses_quoted_email_gives_no_victim_address() -> None:
    parties = _with_quote(Person("Gemma Hale", "gemma@example.com"))
    assert parties.victim_email is None  # type: ignore[attr-defined]
    assert parties.consent is Consent.NOT_STATED  # type: ignore[attr-defined]


def test_a_titled_name_that_gave_consent_is_the_victim() -> None:
    text = "I am the family's social worker. Mrs Aileen Ward has given consent for this referral."
    names = [f.value for f in find_party_cues(text) if f.label == PartyCue.VICTIM_NAME]
    assert "Mrs Aileen Ward" in names


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Morning, floating support worker here, writing for my client.", "support worker"),
        ("Hello - outreach worker here, applying for Mr Dale.", "outreach worker"),
        ("On behalf of the Member of Parliament for Seaham, please see below.", "MP's caseworker"),
        ("My mum, Jean Hollis, has dementia and lives on her own at 4 Fern Road.", "son/daughter"),
    ],
)
def test_a_relationship_in_other_words(text: str, relationship: str) -> None:
    assert relationship in _third_party(text)


@pytest.mark.parametrize(
    "text",
    [
        "The support worker here is no help at all.",
        "My mum, Jean Hollis, lives with me at 4 Fern Road.",
        "I'm asking for the old man next door to be rehoused.",
    ],
)
def test_near_misses_of_a_relationship(text: str) -> None:
    assert _third_party(text) == []


def test_asking_for_a_described_neighbour_is_a_third_party() -> None:
    assert _third_party("hi im asking for the old lady next door, she doesnt do computers")


def _answer(prompt: str, answer: str) -> list[PartyCue]:
    return [PartyCue(f.label) for f in answer_cues(answer, prompt)]


def test_no_to_sharing_ones_details_to_stay_anonymous_is_no_refusal() -> None:
    prompt = (
        "The agencies would need to know who you are. Would you be willing to share your details?"
    )
    assert _answer(prompt, "no sorry. i want to stay anonymous") == []


def test_no_to_sharing_the_account_is_still_a_refusal() -> None:
    prompt = "Are you happy for us to share what you have told us with the police?"
    assert _answer(prompt, "no, please don't") == [PartyCue.CONSENT_REFUSED]


def test_it_going_to_the_police_after_keeping_ones_name_is_anonymity() -> None:
    text = "I'm not going to give my name. I don't want it going to the police or anyone."
    assert PartyCue.CONSENT_REFUSED not in _labels(text)


def test_the_account_kept_from_the_police_is_a_refusal() -> None:
    text = "I live on Fern Road. I don't want it going to the police or anyone."
    assert PartyCue.CONSENT_REFUSED in _labels(text)


def test_sharing_only_without_ones_name_is_no_consent() -> None:
    assert PartyCue.CONSENT_GIVEN not in _labels("you can pass it on but without my name")


def test_not_the_only_one_who_reported() -> None:
    text = "I'm not the only one - Pat at number 4 has reported them to the council."
    counts = [f.value for f in find_party_cues(text) if f.label == PartyCue.COMMUNITY_REPORTERS]
    assert counts == [2]


def test_not_the_only_one_who_is_scared_is_no_count() -> None:
    text = "I'm not the only one who's scared of them, I rang the police."
    assert PartyCue.COMMUNITY_REPORTERS not in _labels(text)


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        ("if they find out its me im done. do it without my name or not at all", True),
        ("Please send this on without our names.", True),
        ("please do it without delay", False),
    ],
)
def test_do_it_without_my_name_is_anonymity(text: str, anonymous: bool) -> None:
    assert ("anonymous" in [f.label for f in find_exclusions(text)]) is anonymous


@pytest.mark.parametrize(
    "text",
    [
        "The reason I'm writing is the tenancy officer who handled it. They moved out in May.",
        "We want someone to look at her conduct. The family moved away and it's quiet now.",
        "She has ignored three of my emails. The lads were moved on and it's been quiet since.",
        "can i use this to complain about the police. its all stopped now they got moved",
        "i want a complaint put in about that officer. its all over now",
    ],
)
def test_a_complaint_about_staff_once_the_behaviour_stopped(text: str) -> None:
    assert "service_complaint" in [f.label for f in find_exclusions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The reason I'm writing is the noise from next door, it has not stopped.",
        "I want to complain about the noise to the council.",
        "I complained to the council about the noise.",
    ],
)
def test_near_misses_of_a_complaint_about_staff(text: str) -> None:
    labels = [f.label for f in find_exclusions(text, persisting_behaviour=False)]
    assert "service_complaint" not in labels


def _forwarded(cover: str) -> object:
    return decide_parties_for_texts(
        [
            PartyText(cover, SegmentKind.BODY),
            PartyText("They were at the door again last night.", SegmentKind.FORWARDED, 200),
        ],
        sender=Person("Cllr Amy Rowe", "amy.rowe@example.org"),
        forwarded_authors=[Person("Sue Hale", "sue.hale@example.com")],
    )


def test_a_forwarded_authors_relative_is_the_victim() -> None:
    parties = _forwarded(
        "Please see below from Mrs Sue Hale, whose father Mr Len Hale (90) lives alone on Pit Row."
    )
    assert parties.victim_name == "Mr Len Hale"  # type: ignore[attr-defined]
    assert parties.victim_email is None  # type: ignore[attr-defined]


def test_someone_elses_relative_leaves_the_author_the_victim() -> None:
    parties = _forwarded(
        "Please see below from Mrs Sue Hale. I also met Mrs Ann Bell, whose son Tom Bell helps."
    )
    assert parties.victim_name == "Sue Hale"  # type: ignore[attr-defined]
    assert parties.victim_email == "sue.hale@example.com"  # type: ignore[attr-defined]
