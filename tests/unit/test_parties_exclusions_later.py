"""nlp.exclusions and nlp.parties: causes found on corpora V, W and X, tested on sentences of our
own (each family in several registers: a letter, a caseworker's note, text-speak, voice-to-text),
with controls that must not change.

- A CPS or court decision told in one sentence and disputed a few sentences later by words that
  point back at it ("... but I cannot accept that decision") is the exclusion; a request for the
  case review in general is not.
- The person a letter writes for, named after a comma or a dash ("her constituent, Mrs Eileen
  Thwaite", "my client - Mr Lee Gough"), is the victim.
- "No" to a bot that asks for the name (and says what is shared), with words that keep the
  writer's identity back ("no. i want to stay anonymous"), refuses the name: anonymity (an
  exclusion), not a refusal to share.
- "Please share this with who you need to", "... with the relevant agencies", "... as you see
  fit": consent.
- Reporters listed by first name and house number ("mick hardy at 7, jordan at 11") are counted;
  a count that closes the report's clause ("have all reported it, 5 of us separately") is the
  number of reporters.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import Parties, PartyText, decide_parties_for_texts
from trigger.vocabulary import Consent
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


DISPUTED_LATER = [
    (
        "The CPS wrote to me last week to say they would not charge him. I was shocked. Things "
        "have been quiet since. But I cannot accept that decision and want it looked at again.",
        E.CPS_DECISION,
    ),
    (
        "The Crown Prosecution Service decided to take no further action. My family were "
        "devastated. We can't accept the decision.",
        E.CPS_DECISION,
    ),
    (
        "Mr Hale was told in March that the CPS would not prosecute. He has had no trouble since "
        "then. However, he does not accept that decision and has asked me to raise it.",
        E.CPS_DECISION,
    ),
    (
        "cps wont charge him, had the letter tues. hes been quiet since tbf. cant accept that "
        "decision tho",
        E.CPS_DECISION,
    ),
    (
        "Applicant advised by CPS on 03/10 that the case is discontinued. Applicant distressed. "
        "Applicant wishes the decision to be reviewed.",
        E.CPS_DECISION,
    ),
    (
        "The crown prosecution service said they would not be charging him. We had the footage "
        "the whole time. Honestly. I want somebody to review their decision.",
        E.CPS_DECISION,
    ),
    (
        "The magistrates gave him a fine in September. He moved away after that. I still cannot "
        "accept the ruling and want it reviewed.",
        E.COURT_DECISION,
    ),
    (
        "He got a suspended sentence in September. We were horrified. Nothing has happened "
        "since, but we want the sentence looked at.",
        E.COURT_DECISION,
    ),
    ("He was found not guilty at Crown Court. I don't accept the verdict.", E.COURT_DECISION),
    (
        "The court dismissed the injunction application last month, which I think was wrong.",
        E.COURT_DECISION,
    ),
    (
        "I was told the CPS would not take it further. It's been quiet since, so I'd just like "
        "the decision reviewed.",
        E.CPS_DECISION,
    ),
]


@pytest.mark.parametrize(("text", "exclusion"), DISPUTED_LATER)
def test_a_decision_disputed_a_few_sentences_later_is_the_exclusion(
    text: str, exclusion: E
) -> None:
    assert exclusion in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        # a review of the case in general, not of the decision
        "The CPS decided not to charge him. That was in May. The noise has carried on every "
        "night and I would like a case review.",
        # the decision accepted
        "The CPS decided not to charge him. It was a while ago. Anyway, I accept that decision.",
        # another body's decision
        "The CPS decided not to prosecute last year. Since then he has started again. I want the "
        "council's decision to close my case reviewed.",
        "The CPS dropped the case. He moved out. I would like you to review the way the police "
        "handled my reports.",
        # a decision to charge, and a dispute of nothing
        "The CPS charged him in June. The trial is next year. We are waiting to hear.",
        # a court outcome, then the behaviour or another body judged
        "He was sentenced last week. The noise is still going on every night and I want the ASB "
        "reviewed.",
        "He was fined at court. He's still at it, I don't understand the council's decision.",
        "He went to court for assaulting me, what he did was wrong.",
        "He's due in court next week for the damage, which is wrong of him.",
        "The court gave him an injunction which was the right decision. It's not being enforced.",
    ],
)
def test_no_decision_exclusion_without_a_dispute_that_points_back_at_it(text: str) -> None:
    assert not excluded(text) & {E.CPS_DECISION, E.COURT_DECISION}


_APPLICANT = Person("Sam Reed")


def parties(text: str, sender: Person = _APPLICANT) -> Parties:
    return decide_parties_for_texts([PartyText(text, SegmentKind.BODY)], sender=sender)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I write on behalf of the MP regarding her constituent, Mrs Eileen Marsh of 4 Kiln "
            "Road, who has asked us to contact you.",
            "Eileen Marsh",
        ),
        (
            "I am writing on behalf of my client, Mr Peter Dobbs, about his neighbours.",
            "Peter Dobbs",
        ),
        ("Our tenant, Ms Ruth Orme, has had her windows broken twice.", "Ruth Orme"),
        ("My constituent - Mr Lee Gough - has asked me to raise this.", "Lee Gough"),
        ("I support my client: Mrs Hana Ali of 2 Elm Close.", "Hana Ali"),
    ],
)
def test_the_person_written_for_is_named_after_a_comma_or_a_dash(text: str, want: str) -> None:
    sender = Person("Jo Page", "jo.page@example.org")
    assert want in (parties(text, sender).victim_name or "")


def answered(answer: str, prompt: str) -> Consent:
    parts = [PartyText(answer, SegmentKind.CHAT_USER, prompt=prompt)]
    return decide_parties_for_texts(parts, sender=Person("Sam")).consent


_NAME_AND_SHARING = (
    "Thank you. To go ahead we will need your name and contact details, which we share only "
    "with the agencies involved."
)


@pytest.mark.parametrize(
    "answer",
    [
        "no. i want to stay anonymous",
        "No thanks, I'd rather remain anonymous.",
        "nope not giving my name",
        "No - I don't want to be identified.",
        "nah they'd know it was me",
        "no, I'd rather not say who I am",
        "No. Keep me anon please",
    ],
)
def test_no_to_a_name_request_that_keeps_identity_back_is_no_refusal(answer: str) -> None:
    assert answered(answer, _NAME_AND_SHARING) is Consent.NOT_STATED


@pytest.mark.parametrize(
    ("answer", "prompt"),
    [
        # asked only about sharing: a refusal, whatever the reason
        ("no, I want to stay anonymous", "Are you happy for us to share this with the police?"),
        ("no", "Are you happy for us to share this with the police?"),
        # no words about identity: the "no" still answers the sharing
        ("no, don't share it with anyone", _NAME_AND_SHARING),
    ],
)
def test_no_to_a_sharing_question_is_still_a_refusal(answer: str, prompt: str) -> None:
    assert answered(answer, prompt) is Consent.REFUSED


@pytest.mark.parametrize(
    "text",
    [
        "Please share this with who you need to.",
        "Please pass it on to whom you see fit.",
        "Share this with the relevant agencies.",
        "please send my details to the right people",
        "Please use this information as you see fit.",
        "Feel free to share this as needed.",
        "you can share my details with who you like",
    ],
)
def test_leave_to_share_with_whoever_is_needed_is_consent(text: str) -> None:
    assert parties(text).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "Please don't share this with anyone.",
        "I don't know who you need to share this with.",
        "Please tell me who I need to speak to.",
    ],
)
def test_no_leave_to_share_is_no_consent(text: str) -> None:
    assert parties(text).consent is not Consent.GIVEN


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("me, mick hardy at 7, jordan at 11 and mrs cole at 15 have all reported it", 4),
        ("Me, Dawn at 3 and Bill from 12 have all complained to the council.", 3),
        ("We have all reported it to the police, 5 of us separately.", 5),
        ("rang 101 about it - all four of us.", 4),
        ("The council has had complaints from us, the three of us in total.", 3),
        ("me n jo at 9 both rang the police", 2),
    ],
)
def test_reporters_named_by_house_number_or_counted_after_the_report(text: str, want: int) -> None:
    assert parties(text).community_reporters == want


@pytest.mark.parametrize(
    "text",
    [
        "I rang the police and two of us went out to look.",
        "Me, the people at 12 and jordan at 11 have all complained.",
        "Me, the kids at 40 and the man at 52 have all been out to look.",
    ],
)
def test_no_count_from_a_count_that_is_not_of_reporters(text: str) -> None:
    assert parties(text).community_reporters is None


@pytest.mark.parametrize(
    "text",
    [
        "I give permission for my details to be shared.",
        "I have no problem with you sharing it with the police.",
        "I have no objection to you sharing this with the council.",
        "I don't object to my details being shared.",
        "She understands the information will be shared and is OK with that.",
        "I'm aware my details will be passed to the police and council, that's fine.",
        "Consent obtained from the tenant to share information.",
        "The resident agreed to the referral.",
        "She's agreed for us to refer this on her behalf.",
    ],
)
def test_agreement_said_as_no_objection_or_as_a_fact_is_consent(text: str) -> None:
    assert parties(text).consent is Consent.GIVEN


@pytest.mark.parametrize(
    "text",
    [
        "Can you not tell the council.",
        "nothing to the landlord please.",
        "I object to my information being shared.",
        "Please keep this between you and the police.",
        "Under no circumstances should my landlord be contacted.",
    ],
)
def test_a_limit_on_sharing_said_any_way_is_a_refusal(text: str) -> None:
    assert parties(text).consent is Consent.REFUSED


@pytest.mark.parametrize(
    "text",
    [
        "Consent has not been obtained yet.",
        "I don't have any problem with the lads, it's their parents.",
        "He was given permission to park there.",
        "The police have not given us any problems.",
        "I'm not going to object to the planning application.",
        "The council agreed to a case review last year.",
        "Nothing happened to the council's fence.",
    ],
)
def test_the_same_words_about_other_things_say_nothing_of_consent(text: str) -> None:
    assert parties(text).consent is Consent.NOT_STATED


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("We've all reported it - me, my neighbour Jean and the couple at 14.", 4),
        ("We have all complained to the council: me, Sue at 4 and Mr Khan.", 3),
        ("The residents' association has had complaints from 12 different households.", 12),
        ("My neighbour at 22 also rang 101 that night.", 2),
        ("Both my neighbours have reported it as well.", 3),
        ("Each of the 6 flats on our landing has rung the police.", 6),
        ("All five households have complained to the council.", 5),
        ("It's not just me who has reported it, Dave across the road has too.", 2),
        ("I rang 101 on Friday and mrs jones at 14 did too.", 2),
    ],
)
def test_reporters_counted_however_the_text_counts_them(text: str, want: int) -> None:
    assert parties(text).community_reporters == want


@pytest.mark.parametrize(
    "text",
    [
        "Several neighbours have complained too.",
        "The whole street has complained.",
        "They have all complained, the Smiths, the Khans and me.",
        "We've all been in touch with them - me and my husband.",
        "Both of the dogs have been reported.",
    ],
)
def test_reporters_the_text_does_not_count_stay_unknown(text: str) -> None:
    assert parties(text).community_reporters is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I am contacting you as ward councillor about a resident, Mr Ravi Patel.", "Ravi Patel"),
        (
            "This is Jane from Orbit. One of our tenants, Mr Lee Dunn, has been targeted.",
            "Lee Dunn",
        ),
        (
            "Hi, my grandad is being harassed by his neighbours, his name is Arthur Bell.",
            "Arthur Bell",
        ),
        ("I look after my uncle, Peter Ross, and I'm applying for him.", "Peter Ross"),
        ("We are writing as the residents' committee of Elm Court.", None),
        ("My nan keeps getting picked on by the kids on her street.", None),
    ],
)
def test_a_writer_acting_for_someone_else_is_a_third_party(text: str, name: str | None) -> None:
    found = parties(text, Person("Jo Page", "jo.page@example.org"))
    assert found.role == "third_party"
    if name is not None:
        assert name in (found.victim_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "I'm reporting this for them to be evicted.",
        "I am writing for him to be moved.",
        "My son is being bullied, his name is Jack.",
        "My mum and I are being harassed by the family upstairs.",
        "One of our neighbours has been reported before.",
    ],
)
def test_a_writer_in_the_household_or_asking_for_action_applies_as_the_victim(text: str) -> None:
    assert parties(text).role == "victim"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I am writing on behalf of my client Mrs Ada Lamb. She can be contacted on "
            "ada.lamb@example.net or by phone.",
            "ada.lamb@example.net",
        ),
        ("I support Mr Ken Ford. His email is kford@example.com.", "kford@example.com"),
        (
            "Re: Mr Paul Grey (paul.grey@example.net)\nI am his support worker.",
            "paul.grey@example.net",
        ),
        (
            "I am his carer, Mr Ali Khan. Please email him directly at ak@example.com",
            "ak@example.com",
        ),
        # someone else's address, or the writer's own
        ("On behalf of my neighbour Mrs Vera Moss, her daughter's email is sue@example.com.", None),
        ("I'm writing for my nan. You can email me on jo.page@example.org.", None),
    ],
)
def test_an_address_given_for_the_victim_is_the_victim_email(text: str, want: str | None) -> None:
    found = parties(text, Person("Jo Page", "jo.page@example.org"))
    assert found.role == "third_party"
    assert found.victim_email == want
