"""nlp.parties and nlp.exclusions: causes found on first-contact text (corpora N, O, P), tested
on sentences of our own.

- A request aimed at a member of staff ("complain about PC Morley", "it's the officer I'm
  complaining about", "how Northgate Housing have treated me") once the behaviour has ended is
  a service complaint; the same words beside persisting behaviour are not.
- A CPS decision the writer says they are "after", or asks someone to look at, is a CPS decision.
- A chat answer to two questions ("no one hurt. yes share it") answers sharing with the sentence
  that speaks of sharing; "no one" / "nobody" is no "no".
- "happy for this to go to the police and council", "happy for the council and the police to
  have her details": consent.
- The victim is named in full where a letter gives the full name (a "Re:" or "Our client:" line).
- Reporters listed ("me, the couple opposite and the man at 52 have all reported it") are counted
  item by item; "his neighbour Mr Ellis at number 46 has also complained" is two.
- A writer who gives their full name ("it's Kim Oduya, 3 Larch Close", "I'm Harpreet Gill, 22
  Mill Road") is named in full where the display name is short ("Kim O", "Harp", "Rob Dunn").
- A spouse who is "her carer" and says "my wife and I have had trouble" applies as a victim.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import PartyText, decide_parties_for_texts
from trigger.vocabulary import Consent
from trigger.vocabulary import Exclusion as E


def exclusions(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain about PC Morley, he was rude to me. The family upstairs moved out in"
        " May so that's over now.",
        "The neighbours have gone since March, it's been quiet. It's the officer I'm complaining"
        " about, not them.",
        "I want to raise how Northgate Housing have treated me. The lads who caused it were"
        " rehoused last year and it has stopped.",
        "They moved away in the spring, it's fine now. Her attitude is what I want looked at.",
        "the lad at 6 got evicted so no more trouble. my problem is the housing officer, she"
        " laughed at me",
    ],
)
def test_a_request_aimed_at_staff_after_the_behaviour_ended_is_a_service_complaint(
    text: str,
) -> None:
    assert E.SERVICE_COMPLAINT in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain about the lads next door, they play music every night and it's still"
        " going on.",
        "How the neighbours have treated me is awful, they still shout at me every day.",
        "I complained about the officer but the noise is still going on every weekend.",
        "My problem is the officer said he would come back and the shouting is still going on"
        " every night.",
    ],
)
def test_staff_words_beside_persisting_behaviour_or_aimed_at_neighbours_are_no_service_complaint(
    text: str,
) -> None:
    assert E.SERVICE_COMPLAINT not in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing has happened since june. its the CPS decision im after",
        "He has kept away. The CPS said no. It is the decision I am asking about.",
        "The Crown Prosecution Service would not charge him and I want someone looking into that"
        " decision.",
    ],
)
def test_a_cps_decision_the_writer_is_after_is_a_cps_decision(text: str) -> None:
    assert E.CPS_DECISION in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "The CPS charged him and he is in court next month. The noise carries on every night.",
        "The police passed it to the CPS. What I am after is for the shouting to stop.",
    ],
)
def test_a_cps_mention_without_a_request_about_its_decision_is_no_exclusion(text: str) -> None:
    assert E.CPS_DECISION not in exclusions(text)


def consent(text: str) -> Consent:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed")
    ).consent


def answered(answer: str, prompt: str) -> Consent:
    return decide_parties_for_texts(
        [PartyText(answer, SegmentKind.CHAT_USER, prompt=prompt)], sender=Person("Sam")
    ).consent


_TWO_QUESTIONS = "Was anyone hurt? And are you happy for us to share this with the police?"


@pytest.mark.parametrize(
    ("answer", "want"),
    [
        ("no one was hurt thank god. yes share it with whoever you need to", Consent.GIVEN),
        ("nobody hurt, just shaken. yes thats fine", Consent.GIVEN),
        ("no-one hurt. and yes pass it on to the police", Consent.GIVEN),
        ("my son got a cut lip. no, please don't share it", Consent.REFUSED),
        ("no", Consent.REFUSED),
        ("yes", Consent.GIVEN),
    ],
)
def test_an_answer_to_two_questions_answers_sharing_with_its_own_words(
    answer: str, want: Consent
) -> None:
    assert answered(answer, _TWO_QUESTIONS) is want


@pytest.mark.parametrize(
    "text",
    [
        "I'm happy for this to go to the police and council.",
        "We are fine for all of this to be passed on to the housing association.",
        "She's happy for the council and the police to have her details.",
        "He is content for the police or the council to have his phone number.",
    ],
)
def test_agreement_that_the_account_goes_to_bodies_is_consent(text: str) -> None:
    assert consent(text) is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "I'm happy for this to stop now, it has gone on long enough.",
        "I'd be happy for it to go away.",
        "The council and the police have her details already.",
    ],
)
def test_happiness_about_other_things_is_no_consent(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED


def victim_name(text: str) -> str | None:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Jo Page", "jo.page@example.org")
    ).victim_name


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Dear Sir\n\nRe: Mr Dennis Okafor, 4 Lime Grove\n\nI write on behalf of my constituent"
            " Mr Okafor, who has been troubled by youths since June.",
            "Mr Dennis Okafor",
        ),
        (
            "Dear Team\n\nOur client: Mrs Priya Nair, 12 Ash Road\n\nWe act for Mrs Nair and write"
            " on her instructions.",
            "Mrs Priya Nair",
        ),
        (
            "Hello\n\nRe: ASB case review request - Ms Carla Joyce, Flat 2\n\nI am the tenancy"
            " officer for Ms Joyce and she has asked me to apply on her behalf.",
            "Ms Carla Joyce",
        ),
        (
            "To whom it may concern\n\nI am writing on behalf of my client Mr Hale. Mr Hale has"
            " asked me to apply for him.",
            "Mr Hale",
        ),
    ],
)
def test_the_victim_is_named_in_full_where_the_letter_gives_the_full_name(
    text: str, want: str
) -> None:
    assert victim_name(text) == want


def test_a_name_on_a_re_line_about_the_culprit_is_not_the_victim() -> None:
    text = (
        "Dear Sir\n\nRe: complaint about Mr Gary Booth at number 9\n\nI write on behalf of my"
        " constituent Mrs Lowe, who lives next to him."
    )
    assert victim_name(text) == "Mrs Lowe"


def test_a_different_surname_does_not_replace_the_victim_name() -> None:
    text = (
        "Re: Mrs Jean Abbott\n\nI am writing on behalf of my client Mrs Abbott. Her son Mr Lee"
        " Abbott-Ward visits on Sundays."
    )
    assert victim_name(text) == "Mrs Jean Abbott"


def reporters(text: str) -> int | None:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed")
    ).community_reporters


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Me, the couple opposite (they both rang) and the man at 52 have all reported it.", 4),
        ("My husband, the lady at 14 and I have all rung the council about it.", 2),
        ("Me, the lady at 14 and the man at 16 have all rung the council about it.", 3),
        ("Me, my wife and the family at 9 have all reported it to the police.", 2),
        ("Mr Ridley and Ms Wark have also complained.", 3),
        ("I, Mr and Mrs Patel and three other neighbours have each complained to the council.", 6),
        ("His neighbour Mr Ellis at number 46 has also complained to the council.", 2),
        ("Her neighbour at number 7 has also reported them.", 2),
        ("Me, Sue next door and Ann opposite have all complained.", 3),
        ("me, dee at no 4 an mr khan at no 8 all rang 101 bout it", 3),
        ("me n the fella upstairs both reported it", 2),
        ("Five of us in Mill Lane, me included, have now complained to the council.", 5),
        ("Three households on the landing, including Mrs Obi's, have complained to us.", 3),
        ("My neighbour Jan Cole has reported them to the council as well.", 2),
    ],
)
def test_people_listed_as_reporting_are_counted_from_what_each_item_says(
    text: str, want: int
) -> None:
    assert reporters(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The police, the council and I have all been in touch with him.",
        "The Tans, the Smiths and I have all complained.",
        "The lad at 40, his brother and his mate have all been reported before.",
        "Me and my wife went to the shops and the man at 52 waved.",
        "Me and my wife have both reported it to the police.",
        "me and the fella upstairs went out for a pint",
    ],
)
def test_a_list_with_an_item_that_says_no_count_or_no_report_counts_nobody(text: str) -> None:
    assert reporters(text) is None


def role(text: str) -> str:
    parts = [PartyText(text, SegmentKind.BODY)]
    return str(decide_parties_for_texts(parts, sender=Person("Ray Pike")).role)


@pytest.mark.parametrize(
    "text",
    [
        "My wife and I have had stones thrown at our windows since May. I'm her carer and I am 80.",
        "Me and my husband are being kept awake every night by the music. I am his carer now.",
        "My partner and I both get abuse from the lads on the corner. As his carer I do the"
        " shopping.",
    ],
)
def test_a_spouse_who_cares_for_the_other_and_is_hit_too_applies_as_a_victim(text: str) -> None:
    assert role(text) == "victim"


@pytest.mark.parametrize(
    "text",
    [
        "I'm her carer. Mrs Dale has had stones thrown at her windows since May.",
        "My wife and I visit her every week. I'm her carer and she is being targeted by the lads.",
    ],
)
def test_a_carer_who_is_not_among_those_hit_is_a_third_party(text: str) -> None:
    assert role(text) == "third_party"


def own_victim_name(text: str, display: str) -> str | None:
    parts = [PartyText(text, SegmentKind.CHAT_USER)]
    return decide_parties_for_texts(parts, sender=Person(display)).victim_name


@pytest.mark.parametrize(
    ("text", "display", "want"),
    [
        (
            "You can have my name for your records, it's Kim Oduya, 3 Larch Close.",
            "Kim O",
            "Kim Oduya",
        ),
        ("yes share it. I'm Harpreet Gill, 22 Mill Road", "Harp", "Harpreet Gill"),
        ("My name is Robert Dunn.", "Rob Dunn", "Robert Dunn"),
    ],
)
def test_a_writer_who_gives_their_full_name_is_named_in_full(
    text: str, display: str, want: str
) -> None:
    assert own_victim_name(text, display) == want


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("It's Mill Road, 22 Mill Road is where they gather.", "Kim Oduya"),
        ("I'm Harpreet, they shout at me most nights.", "Harpreet Gill"),
        ("My name is Robert Dunn.", "Sam Reed"),
    ],
)
def test_a_shorter_or_another_name_does_not_replace_the_display_name(
    text: str, display: str
) -> None:
    assert own_victim_name(text, display) == display


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I can also confirm that four residents of Elm Row, Mrs Dee included, have reported"
            " it.",
            4,
        ),
        ("We also know that three neighbours have complained to the council.", 3),
        ("Three of my neighbours have also reported it.", 4),
        ("Also, two other neighbours have reported them.", 3),
    ],
)
def test_also_adds_the_writer_only_where_it_speaks_of_the_reporting(text: str, want: int) -> None:
    assert reporters(text) == want
