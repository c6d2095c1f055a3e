"""nlp.parties and nlp.exclusions, eighth round: a request passed on for someone named, residents
writing as a group, help asked for a relative, an anonymous writer's own address kept from the
police, a sentence the writer wants looked at, reporters counted in the passive, "of them", "X and
I both" and in a list below; each with other wordings and controls that must not fire."""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import Parties, PartyText, decide_parties_for_texts
from trigger.vocabulary import ApplicantRole, Consent
from trigger.vocabulary import Exclusion as E


def parties(text: str, sender: str = "Sam", kind: SegmentKind = SegmentKind.BODY) -> Parties:
    return decide_parties_for_texts([PartyText(text, kind)], sender=Person(sender))


# A professional passes on a request someone named made: "Mrs X has asked for a Community
# Trigger" makes the writer a third party and names the victim.
@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            "Mrs Irene Pollard (82), 3 Sandpiper Way, has asked for a Community Trigger about "
            "the family at no. 5.",
            "Irene Pollard",
        ),
        (
            "Mr Kwame Asante and his partner have asked for a case review after the latest "
            "damage to their van.",
            "Kwame Asante",
        ),
        ("Following my visit, Ms Rita Vance has asked for an ASB case review.", "Rita Vance"),
    ],
)
def test_a_request_passed_on_for_someone_named(text: str, victim: str) -> None:
    got = parties(text, "PC Dan Oyelaran")
    assert got.role is ApplicantRole.THIRD_PARTY
    assert got.victim_name is not None and victim in got.victim_name


@pytest.mark.parametrize(
    "text",
    [
        "I have asked for a Community Trigger because nothing has changed.",
        "We have asked for a case review twice now.",
        "My neighbour Mrs Greer has asked for a Community Trigger too, she is fed up as well.",
    ],
)
def test_the_writers_own_request_stays_a_victims(text: str) -> None:
    assert parties(text).role is ApplicantRole.VICTIM


# Residents who write as a group or for their association are a third party.
@pytest.mark.parametrize(
    "text",
    [
        "We are a group of residents on Mill Street and we want to apply for a review.",
        "we're a small group of neighbours at the bottom of Kiln Lane",
        "I write as secretary of the Upper Northgate Tenants' and Residents' Association.",
        "I am the treasurer of the Hill Top Residents and Tenants Association, writing to you.",
    ],
)
def test_residents_writing_as_a_group(text: str) -> None:
    assert parties(text).role is ApplicantRole.THIRD_PARTY


@pytest.mark.parametrize(
    "text",
    [
        "We are residents of Mill Street and the noise keeps us awake.",
        "A group of residents were standing outside when it happened.",
        "The residents' association told me to contact you.",
    ],
)
def test_residents_not_writing_as_a_group(text: str) -> None:
    assert parties(text).role is ApplicantRole.VICTIM


# Help asked for a relative or a friend outside the household.
@pytest.mark.parametrize(
    "text",
    [
        "Hi I'm Leah, I'm asking for help for my nan who lives on her own.",
        "I am looking for some advice for my elderly dad, the lads next door won't leave him be.",
        "im trying to get help for my friend Dee, shes scared to go out",
    ],
)
def test_help_asked_for_a_relative(text: str) -> None:
    assert parties(text, "Leah", SegmentKind.CHAT_USER).role is ApplicantRole.THIRD_PARTY


@pytest.mark.parametrize(
    "text",
    [
        "I'm asking for help for myself and my kids.",
        "My mum said I should be asking for help.",
        "I need help, my dad is too scared to answer the door.",
    ],
)
def test_help_asked_for_the_household(text: str) -> None:
    assert parties(text, "Leah", SegmentKind.CHAT_USER).role is ApplicantRole.VICTIM


# An anonymous writer who asks that their own address or number not reach the police keeps
# their identity back: anonymity, not a refusal to share.
@pytest.mark.parametrize(
    "text",
    [
        "I won't give my name. Please do not pass this email address on to the police, I want "
        "to stay anonymous.",
        "I'm staying anonymous, so don't give my phone number to the council.",
    ],
)
def test_an_anonymous_writers_address_kept_from_the_police(text: str) -> None:
    assert parties(text).consent is Consent.NOT_STATED


@pytest.mark.parametrize(
    "text",
    [
        "Please do not pass this email address on to the police, they will come round.",
        "I'm staying anonymous, and please don't pass any of this on to my landlord.",
    ],
)
def test_other_things_kept_from_a_body_are_still_refused(text: str) -> None:
    assert parties(text).consent is Consent.REFUSED


# The sentence or ruling a writer wants looked at.
@pytest.mark.parametrize(
    "text",
    [
        "He was given a conditional discharge at the magistrates. It's the sentence I want "
        "looked at.",
        "The court fined him fifty pounds and the sentence is what we would like reviewed.",
    ],
)
def test_the_sentence_the_writer_wants_looked_at(text: str) -> None:
    assert E.COURT_DECISION in {f.label for f in find_exclusions(text, persisting_behaviour=True)}


@pytest.mark.parametrize(
    "text",
    [
        "He got a suspended sentence last year. It's the noise now I want looked at.",
        "The court case is next month and I want the damage looked at before then.",
    ],
)
def test_no_court_decision_when_something_else_is_to_be_looked_at(text: str) -> None:
    assert E.COURT_DECISION not in {
        f.label for f in find_exclusions(text, persisting_behaviour=True)
    }


# Reporters counted from how people say it.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("This has now been reported by five different households on the row.", 5),
        ("It was logged by four residents, all on the same night.", 4),
        ("mum rang 101 and so did the man next door and his son, so 3 of them reported it", 3),
        ("Tariq and I have both reported it to the council.", 2),
        ("Joan and me have each rung 101 about it.", 2),
        (
            "The following residents have each reported the fires to the police:\n\n"
            "- Ann Blake, 4 Fir Road\n- Tom Hirst, 7 Fir Road\n- myself, 9 Fir Road\n\n"
            "It is getting worse.",
            3,
        ),
        (
            "These neighbours have all complained to the council this year:\n"
            "1. Mr and Mrs Cole\n2. Priya Shah\n3. Dan Eddy\n4. the couple at no. 12\n"
            "Thanks for reading.",
            4,
        ),
    ],
)
def test_reporters_counted(text: str, count: int) -> None:
    assert parties(text).community_reporters == count


@pytest.mark.parametrize(
    "text",
    [
        "The bins were knocked over by five lads and reported by nobody.",
        "It was reported by my neighbour, who saw four people running off.",
        "Two of them were reported, the rest I let go.",
        "The police and I have both tried to speak to him.",
        "The following incidents were reported to the police:\n- 3 May\n- 9 May\n- 12 May\n",
        "These people have caused all the trouble:\n- the lad at 4\n- his mate\n",
    ],
)
def test_no_reporters_counted(text: str) -> None:
    assert parties(text).community_reporters is None


# Agreement to share among several bodies named in a list.
@pytest.mark.parametrize(
    "text",
    [
        "We are happy for the police, the council and the school to share whatever they need.",
        "I'm fine for the housing association, the police or my GP to share information.",
    ],
)
def test_agreement_to_share_among_listed_bodies(text: str) -> None:
    assert parties(text).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "I'm not happy for the police, the council and the school to share anything.",
        "We were happy for the police and the council to come round, nothing more.",
    ],
)
def test_listed_bodies_without_agreement_to_share(text: str) -> None:
    assert parties(text).consent is not Consent.GIVEN


# The victim named by a third party in other ways.
@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("I am writing on behalf of one of my clients, Mr Femi Adeyemi, who lives alone.", "Femi"),
        ("I'm one of Mrs Gwen Lusby's carers and I visit her every morning.", "Gwen Lusby"),
        ("ASB referral - Mrs Olive Pratt, 9 Tern Close\n\nI am her support worker.", "Olive Pratt"),
        ("I live next door to Mr Cyril Mabey and he has asked me to write to you.", "Cyril Mabey"),
    ],
)
def test_the_victim_named_by_a_third_party(text: str, victim: str) -> None:
    got = parties(text, "Anna Kemp")
    assert got.role is ApplicantRole.THIRD_PARTY
    assert got.victim_name is not None and victim in got.victim_name


# A household's display name ("The Fairbairns") is no person's name: the writer's own wins.
def test_a_household_display_name_gives_way_to_the_writers_name() -> None:
    got = parties("Morning, Nadia Fairbairn here. The lads were back last night.", "The Fairbairns")
    assert got.victim_name == "Nadia Fairbairn"


def test_a_display_name_stays_when_the_writer_gives_none() -> None:
    assert parties("The lads were back last night.", "The Fairbairns").victim_name is not None


# A writer on someone else's account names themselves: their name, not the account's.
def test_the_writer_on_someone_elses_account() -> None:
    text = "This is Omar Haddad writing from my wife's account. We live at 2 Elm Row."
    assert parties(text, "Leila Haddad").victim_name == "Omar Haddad"


def test_a_different_name_without_another_account_keeps_the_sender() -> None:
    text = "This is Omar Haddad at number 4, he keeps shouting at us."
    assert parties(text, "Leila Haddad").victim_name == "Leila Haddad"


# A chat writer who gives their full name in lower case, extending the short display name, and
# their own email address.
def test_a_lower_case_full_name_and_own_email_in_a_chat() -> None:
    got = decide_parties_for_texts(
        [
            PartyText("hi this is gill rawlings from the top flats", SegmentKind.CHAT_USER),
            PartyText("my email is gill.r@example.net if you need it", SegmentKind.CHAT_USER, 50),
        ],
        sender=Person("Gill R"),
    )
    assert got.victim_name == "Gill Rawlings"
    assert got.victim_email == "gill.r@example.net"


def test_a_lower_case_name_of_someone_else_is_not_taken() -> None:
    got = parties("hi this is dave from next door again", "Gill R", SegmentKind.CHAT_USER)
    assert got.victim_name == "Gill R"


# A sign-off name above an address: the town under the address is no name; an initial with a
# full stop is written out by the full first name.
def test_the_sign_off_above_an_address_writes_out_a_short_display_name() -> None:
    text = "They were back again last night.\n\nRosalind Threlfall\n14 Kiln Row\nUpper Brailes\n"
    assert parties(text, "Ros Threlfall").victim_name == "Rosalind Threlfall"


def test_a_full_first_name_writes_out_an_initial_with_a_full_stop() -> None:
    text = "They were back again last night.\n\nRegards,\nKemi Balogun\n"
    assert parties(text, "K. Balogun").victim_name == "Kemi Balogun"


def test_a_town_after_the_address_is_not_taken_for_the_writer() -> None:
    text = "They were back again last night.\n\n14 Kiln Row\nUpper Brailes\n"
    assert parties(text, "Ros Threlfall").victim_name == "Ros Threlfall"


# Clients named after a plural ("Our clients: Mr ..."); a titled name that asked the writer to
# apply, written out from where the text gives it in full.
@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Our clients: Mr Idris Vaughan and Mrs Ceri Vaughan, 2 Quarry Lane.", "Idris Vaughan"),
        (
            "A brick went through the window of Mrs Agnes Rudd at no. 4 on Friday.\n"
            "Mrs Rudd has asked me to make this application for her.",
            "Agnes Rudd",
        ),
    ],
)
def test_the_victim_named_in_full_elsewhere(text: str, victim: str) -> None:
    got = parties(text, "Cllr Ben Hale")
    assert got.role is ApplicantRole.THIRD_PARTY
    assert got.victim_name is not None and victim in got.victim_name


def test_a_titled_name_of_someone_else_does_not_write_out_the_victim() -> None:
    text = (
        "Mr Cole has asked me to make this application for him. The lad from Mrs Joan Pike's "
        "house was the one throwing stones."
    )
    assert parties(text, "Cllr Ben Hale").victim_name == "Mr Cole"


@pytest.mark.parametrize(
    "text",
    ["My wife and I have both reported it.", "Our son and I have each rung 101 about it."],
)
def test_the_writers_household_and_the_writer_count_once(text: str) -> None:
    assert parties(text).community_reporters is None


# A greeting line ("Dear Mrs Pryce,") in a short forwarded letter is no sign-off name.
def test_a_greeting_is_no_sign_off_name() -> None:
    letter = "Dear Mrs Pryce,\n\nYour case has been closed.\n\nVictim Care Team\n"
    got = decide_parties_for_texts(
        [
            PartyText("Forwarding this for my resident.", SegmentKind.BODY),
            PartyText(letter, SegmentKind.FORWARDED, 40),
        ],
        sender=Person("Cllr Ben Hale"),
        forwarded_authors=[Person("Carys Pryce", "carys@example.net")],
    )
    assert got.victim_name == "Carys Pryce"


def test_a_sign_off_after_a_greeting_is_still_read() -> None:
    text = "Dear Sir,\n\nThe lads were back again.\n\nCarys Pryce\n"
    assert parties(text, "C Pryce").victim_name == "Carys Pryce"


# A councillor the writer works for is not the victim; the person the application is for is.
def test_the_councillor_the_writer_works_for_is_not_the_victim() -> None:
    text = (
        "I'm the support officer for Cllr Hugh Merton. He has asked me to send an application for "
        "Mrs Dilys Parry of 4 Ash Row, Fleet."
    )
    got = parties(text, "Kim Lowe")
    assert got.victim_name is not None and "Dilys Parry" in got.victim_name


def test_a_tenant_named_after_officer_for_is_still_the_victim() -> None:
    text = "I'm the tenancy officer for Mr Idris Bowen, who has had his windows broken."
    assert parties(text, "Kim Lowe").victim_name == "Mr Idris Bowen"
