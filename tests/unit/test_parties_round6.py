"""nlp.parties, sixth round: names written out, the victim asking for the application, a message
"about" a relative; each with other ways of saying it and controls that must not change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nlp.document import Document, Person, Segment, SegmentKind
from nlp.names import fullest_name, says_more
from nlp.parties import Parties, PartyText, decide_parties_for_texts, parties_for_document
from trigger.vocabulary import ApplicantRole, Consent


def parties(text: str, sender: str = "Sam", kind: SegmentKind = SegmentKind.CHAT_USER) -> Parties:
    return decide_parties_for_texts([PartyText(text, kind)], sender=Person(sender))


# A writer introduces themselves with "I am" / "I'm" / "my name" (no "is") after a greeting or
# at a line's start, names with letters beyond ASCII: the full name beats a short display name.
@pytest.mark.parametrize(
    ("text", "sender", "name"),
    [
        ("Hello. I am Gurpreet Kaur, I live on Mill Road.", "Gurpreet", "Gurpreet Kaur"),
        ("Hi, I'm Ana Kovač, from flat 2 above the shop.", "Ana", "Ana Kovač"),
        (
            "hello im Tomasz Wiśniewski and i live at the end of the row",
            "Tomasz",
            "Tomasz Wiśniewski",
        ),
        (
            "Good morning. My name Zofia Dąbrowska. I have problem with neighbour.",
            "Zosia",
            "Zofia Dąbrowska",
        ),
        ("my name: Chloë Ellis\nthe lads are back again", "Chloe", "Chloë Ellis"),
        ("Good evening, I am Mehmet Yılmaz, I am the tenant at no 4.", "Mehmet", "Mehmet Yılmaz"),
        ("I am Siobhán O'Neill, living at the top flat.", "Siobhan", "Siobhán O'Neill"),
        ("Hiya, I'm Dev Sandhu, the music is every night.", "Dev", "Dev Sandhu"),
    ],
)
def test_a_self_introduction_gives_the_full_name(text: str, sender: str, name: str) -> None:
    assert parties(text, sender).victim_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Hello. I am Polish and I live alone.",
        "Hi, I am Sikh, he calls me names.",
        "Hello, I am Mrs Khan's neighbour from across the road.",
        "hello I am not happy with the council at all",
        "My name and number are on the form.",
        "Hello, I'm Council tenant at Fleet Road.",
    ],
)
def test_no_name_in_the_introduction_keeps_the_display_name(text: str) -> None:
    assert parties(text, "Kasia").victim_name == "Kasia"


@pytest.mark.parametrize(
    ("name", "than", "more"),
    [
        ("Mrs B. Okonjo", "Bernadette Okonjo", False),
        ("Mr T Hale", "Thomas Hale", False),
        ("Ms J. K. Rowe", "Jane Rowe", False),
        ("Bernadette Okonjo", "Mrs B. Okonjo", False),  # same words, no prefix: keep what is had
        ("Tom Reilly", "Tom R", True),
        ("Devinder Sandhu", "Dev", True),
        ("Mrs Ivy Shaw", "Raj M", True),
    ],
)
def test_a_title_and_an_initial_say_less_than_a_name(name: str, than: str, more: bool) -> None:
    assert says_more(name, than) is more


def test_a_signature_with_an_initial_keeps_the_full_display_name() -> None:
    text = "The housing officer was rude to me on the phone.\n\nYours sincerely\nMrs B. Okonjo\n"
    got = parties(text, "Bernadette Okonjo", SegmentKind.BODY)
    assert got.victim_name == "Bernadette Okonjo"


@pytest.mark.parametrize(
    ("name", "written", "fullest"),
    [
        ("Darren", ["Darren Rand"], "Darren Rand"),
        ("Mrs Patricia", ["Mrs Patricia Lowe"], "Mrs Patricia Lowe"),
        ("Darren", ["Daniel Rand"], "Darren"),  # another first name: another person
        ("Darren Rand", ["Darren"], "Darren Rand"),
        ("Ivy", ["Ivy"], "Ivy"),
    ],
)
def test_a_lone_first_name_is_written_out_by_a_fuller_form(
    name: str, written: list[str], fullest: str
) -> None:
    assert fullest_name(name, written) == fullest


_SENT = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def _document(subject: str, body: str) -> Document:
    return Document(
        channel="email",
        text=body,
        received_at=_SENT,
        segments=(Segment(0, len(body), SegmentKind.BODY, _SENT),),
        sender=Person("Michelle Rand"),
        subject=subject,
    )


@pytest.mark.parametrize(
    ("subject", "body", "name"),
    [
        (
            "URGENT my brother Darren Rand",
            "I'm writing about my brother Darren, lads keep kicking his door.",
            "Darren Rand",
        ),
        (
            "Re: my mum Joan Tate - Elm Road",
            "I am writing about my mum Joan, she is 88.",
            "Joan Tate",
        ),
        (
            "Community trigger for Mr Alan Bell",
            "I support Mr Bell who lives alone.",
            "Mr Alan Bell",
        ),
        ("my dad Ray Pryor", "on behalf of my dad Ray, he's housebound", "Ray Pryor"),
        # a subject names nobody the body names: the body's name stands
        ("my neighbour Gary Lowe", "I'm writing for my gran Ivy, she is 90.", "Ivy"),
    ],
)
def test_a_subject_line_writes_out_the_victims_name(subject: str, body: str, name: str) -> None:
    assert parties_for_document(_document(subject, body)).victim_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "I am writing about my aunt, Mrs Patricia (Pat) Lowe, who lives alone.",
            "Mrs Patricia Lowe",
        ),
        ("on behalf of my dad, Raymond (Ray) Pryor, who is 91", "Raymond Pryor"),
        ("My client Mr Thomas (Tom) Hale has asked me to write.", "Mr Thomas Hale"),
    ],
)
def test_a_nickname_in_brackets_is_not_the_name(text: str, name: str) -> None:
    assert parties(text, "Sharon Beckett", SegmentKind.BODY).victim_name == name


# "it's about my nan not me": a message about a relative outside the household, and the person
# described in the next sentence by name and age is the victim.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hiya its about my gran not me. Ivy Marsh, shes 91 and lives alone", "Ivy Marsh"),
        ("Hi, this is about my grandad. Walter Pike, he's 88, lives on his own.", "Walter Pike"),
        ("It's about my uncle really. Derek Noon, aged 70, lives at the bottom flat", "Derek Noon"),
        (
            "this message is about my nan\nMrs Edith Cole, she is partially sighted",
            "Mrs Edith Cole",
        ),
        ("its about my sister, not me. Kelly Dunn, who lives on the estate", "Kelly Dunn"),
        ("Its about my mum. Joan Tate, she's very frail", "Joan Tate"),
    ],
)
def test_a_message_about_a_relative_is_a_third_partys(text: str, name: str) -> None:
    got = parties(text, "Kyle")
    assert got.role is ApplicantRole.THIRD_PARTY
    assert got.victim_name == name


@pytest.mark.parametrize(
    "text",
    [
        "It's about my own safety, the lads outside are throwing stones.",
        "its about the noise from next door, every night",
        "This is about me and my kids, we can't sleep.",
        "Gary Lowe, he's the one at number 5, plays music all night.",
    ],
)
def test_about_myself_or_the_behaviour_stays_a_victim(text: str) -> None:
    assert parties(text, "Kyle").role is ApplicantRole.VICTIM


# The victim asks the writer to apply, write or sort it out for them: they agree to the
# application (extract-contract.md: consent given).
@pytest.mark.parametrize(
    "text",
    [
        "shes asked me to sort this out for her and shes happy for me to ring you",
        "Sophie has asked me to write this as she is too upset to do it herself.",
        "Darren knows I'm emailing and wants me to ask for the community trigger for him.",
        "Dad has asked me to deal with all of it for him.",
        "He wants me to fill the form in for him, his eyes are bad.",
        "Agnes would like me to apply as she has no computer.",
        "My gran asked me to get in touch on her behalf.",
        "Kelly wanted us to make the application because she works nights.",
        "hes asked me to handle it for him",
    ],
)
def test_the_victim_asking_for_the_application_is_consent(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "The police asked me to write in about it.",
        "The officer wants me to apply for an injunction.",
        "My husband asked me to write it all down for you.",
        "Our landlord asked me to write this up for the file.",
        "The PCSO would like me to make a complaint to the council.",
        "He asked me to turn my music down and then kicked my door.",
        "Nobody asked me to write this, I just want it stopped.",
        "Gary wants me to move out so he can have the parking space.",
        "She asked me to apply for a transfer but I don't want to move.",
    ],
)
def test_others_asking_the_writer_is_no_consent(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.NOT_STATED


# A victim asks that the account be shared, politely.
@pytest.mark.parametrize(
    "text",
    [
        "I would be grateful if you would share this with whoever needs to see it.",
        "I'd be grateful if you could pass this on to the relevant agencies.",
        "I would appreciate it if you could forward this to the police.",
        "Grateful if you can send this to anyone who can help.",
        "I'd appreciate it if you would share it with the council.",
    ],
)
def test_asking_that_the_account_be_shared_is_consent(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "I would be grateful if you would reply to me by email.",
        "I'd be grateful if you could tell me what happens next.",
        "I would appreciate it if you could keep this to yourselves.",
    ],
)
def test_a_polite_request_that_shares_nothing_is_no_consent(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.NOT_STATED


# A form line, "X here" and "its X" introduce the writer too.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Name: Gurpreet Kaur\nAddress: 4 Elm Road\nThe lads keep kicking my door.",
            "Gurpreet Kaur",
        ),
        ("Full name: Ana Kovač\nthe music is every night", "Ana Kovač"),
        ("Hello, Gurpreet Kaur here, from flat 3. The music is every night.", "Gurpreet Kaur"),
        ("Gurpreet Kaur here. Same again last night.", "Gurpreet Kaur"),
        ("hi, its Gurpreet Kaur from number 4", "Gurpreet Kaur"),
    ],
)
def test_a_form_line_or_name_here_gives_the_writers_name(text: str, name: str) -> None:
    assert parties(text, "Gurpreet").victim_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Victim name: Joan Tate\nThe lads keep kicking my door.",
        "Hi, Fleet Road here is a nightmare at night.",
        "Hi, the Police here are useless.",
        "Name of the neighbour: Gary Lowe",
    ],
)
def test_another_name_or_a_place_is_not_the_writers_name(text: str) -> None:
    assert parties(text, "Gurpreet").victim_name == "Gurpreet"


@pytest.mark.parametrize(
    "text",
    [
        "Nan is aware I am contacting you and is in agreement.",
        "My father is aware of this email and supports it.",
        "She knows about this message and is happy with it.",
        "He knows I'm writing and is all for it.",
        "She has asked me to pass this on to you.",
        "Mum is aware of this application, and is supportive.",
    ],
)
def test_a_victim_aware_and_in_agreement_consents(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "The council is aware of the problem and does nothing.",
        "She knows about the noise and is fed up with it.",
        "He is aware I am writing but has not said either way.",
        "The police know about this email and are looking into it.",
    ],
)
def test_awareness_without_agreement_is_no_consent(text: str) -> None:
    assert parties(text, "Sam", SegmentKind.BODY).consent is Consent.NOT_STATED


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("writing re my elderly mother, Mrs Joan Tate (known as Joanie)", "Mrs Joan Tate"),
        ("Emailing re my dad Ron Pike, who is 84.", "Ron Pike"),
    ],
)
def test_writing_re_a_parent_is_a_third_partys(text: str, name: str) -> None:
    got = parties(text, "Kyle", SegmentKind.BODY)
    assert (got.role, got.victim_name) == (ApplicantRole.THIRD_PARTY, name)


@pytest.mark.parametrize(
    "text",
    [
        "u can share it with the council and the police yeah",
        "yous can pass it all on to whoever",
        "ya can use my details",
        "ok u may share everything",
    ],
)
def test_text_speak_you_can_share_is_consent(text: str) -> None:
    assert parties(text).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "prompt",
    [
        "To apply for a case review we would need a name and contact details. Can you give them?",
        "To make an application I will need a name and contact details. Can you give me those?",
        "Could you tell me your full name?",
    ],
)
def test_a_bare_name_answers_a_request_for_a_name(prompt: str) -> None:
    part = PartyText("Gurpreet Kaur", SegmentKind.CHAT_USER, prompt=prompt)
    assert decide_parties_for_texts([part], sender=Person("G")).victim_name == "Gurpreet Kaur"


def test_a_bare_name_after_another_question_is_not_the_writers() -> None:
    part = PartyText("Gary Lowe", SegmentKind.CHAT_USER, prompt="Who is causing the problem?")
    assert decide_parties_for_texts([part], sender=Person("Priya")).victim_name == "Priya"


# The victim's name after a kin word in brackets, between dashes, after "name is", with an
# initial; "it's for my nan"; "I am the daughter of Mrs ..."; a mother-in-law in apposition.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm writing on behalf of my mum (Joan Tate) who lives alone.", "Joan Tate"),
        ("I am writing on behalf of my mother - Joan Tate - who is 88.", "Joan Tate"),
        ("I'm applying for my dad, Mr R. Pike, who is housebound.", "Mr R. Pike"),
        ("I'm applying for my dad, Mr R Pike, who is housebound.", "Mr R Pike"),
        ("Its for my nan Edith Cole, shes 91", "Edith Cole"),
        ("Hi, messaging for my grandad - name is Bill Hart - hes 90", "Bill Hart"),
        ("I am the daughter of Mrs Ivy Shaw and she is being harassed.", "Mrs Ivy Shaw"),
        ("My mother-in-law, Mrs Ada Kerr, asked me to write to you.", "Mrs Ada Kerr"),
    ],
)
def test_the_victim_named_after_a_kin_word_in_many_ways(text: str, name: str) -> None:
    got = parties(text, "Kyle Dunn", SegmentKind.BODY)
    assert (got.role, got.victim_name) == (ApplicantRole.THIRD_PARTY, name)


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour - Gary Lowe - plays music all night.",
        "my son (Liam) was threatened by the lads",
        "It's for my son's school project, but the lads broke it.",
        "I am a friend of the family next door and they are awful to me.",
        "Mr. Lowe next door is the problem.",
    ],
)
def test_the_writers_own_household_or_the_culprit_named_stays_a_victims(text: str) -> None:
    got = parties(text, "Kyle Dunn", SegmentKind.BODY)
    assert (got.role, got.victim_name) == (ApplicantRole.VICTIM, "Kyle Dunn")
