"""nlp.risk and nlp.hate: causes found on first-contact text (corpora AL, AM, AN, AJ, AI, T),
each tested as a family of phrasings of our own, with near-misses that must not change.

Risk:
- A child's fear shown by what they will no longer do ("she wouldn't sleep in her own room",
  "he refuses to walk to school", "remains frightened to use the stairs") is a frightened child.
- A child of the victim told of in the third person ("our client's son", "Ms Reid's daughter")
  is the household's child, as "my son" is.
- "I'd be better off not waking up", "thoughts of ending her life": thoughts of not living.
- "Muslims like me should have our throats cut": a threat to the victim's group.
- "My son Theo is 10 and has epilepsy": a child's condition, not a vulnerable adult.
- "Mrs Grant (14 Mill Lane)": a house number in brackets is no child's age.
- A chat's messages are never one sentence: a short message is no hard-wrapped mail line.
- "They're outside again now throwing bricks": happening now.
- "He" is never "the family" or "the people": "the old man at 3, Mr Hale, is picked on by the
  family at 5. He is very frail" is Mr Hale's frailty.
- "Is under our care for severe depression": a named client's mental ill health.
- A child named five sentences back is still the "he" when nobody else of his gender came since.
- "The little lad was terrified": a young child, where "the lads" would be culprits.
"""

from __future__ import annotations

import pytest

from nlp.hate import find_hate_markers
from nlp.risk import risk_flags, risk_flags_of_messages
from trigger.vocabulary import RiskFlag as R


@pytest.mark.parametrize(
    "text",
    [
        "my son saw the whole thing, hes 6, he wouldnt sleep in his own bed after",
        "Our daughter is 9 and she refuses to walk to school now.",
        "My youngest was there when they shouted at us. He now refuses to walk home on his own.",
        "Our client's son remains frightened to use the stairs.",
        "Ms Reid's daughter (8) was very shaken and won't play in the garden now.",
        "Mrs Obi's son is terrified and now sleeps in her room.",
        "A bike nearly hit a little girl on the path. The little lad with her was terrified.",
    ],
)
def test_frightened_children_in_other_words(text: str) -> None:
    assert R.CHILD_AT_RISK in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my son wouldnt eat his tea because he had a cold",
        "Our daughter refuses to tidy her room, typical teenager.",
        "The lads from the flats were terrified when the police came.",
        "Ms Reid's son kicked the ball at our window again.",
        "the neighbour's son was shouting in the street all night",
        "Our client's son is 24 and lives with her.",
    ],
)
def test_children_controls(text: str) -> None:
    assert R.CHILD_AT_RISK not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "some nights i think id be better off not waking up",
        "Honestly I would be better off not being here.",
        "At our last appointment she disclosed thoughts of ending her life.",
        "He has had thoughts of taking his own life since this began.",
    ],
)
def test_thoughts_of_not_living(text: str) -> None:
    assert R.SELF_HARM in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "we'd be better off not living on this estate",
        "I'd be better off not ringing the council at all",
        "you'd be better off not waking the baby",
    ],
)
def test_not_thoughts_of_not_living(text: str) -> None:
    assert R.SELF_HARM not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "he said Muslims like me should have our throats cut",
        "they shouted that people like us will have our throats slit",
        "she wrote that foreigners like you should have your heads cut off",
    ],
)
def test_group_throat_threats(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


def test_having_a_haircut_is_no_threat() -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags("she said girls like us should have our hair cut")


@pytest.mark.parametrize(
    "text",
    [
        "My son Theo is 10 and has epilepsy, he uses a wheelchair.",
        "My daughter Isla is 7 and has cerebral palsy.",
    ],
)
def test_a_named_childs_condition_is_no_vulnerable_adult(text: str) -> None:
    assert R.VULNERABLE_ADULT not in risk_flags(text)


def test_a_named_adults_condition_stays() -> None:
    assert R.VULNERABLE_ADULT in risk_flags("My husband Rob is 52 and has multiple sclerosis.")


def test_a_house_number_in_brackets_is_no_childs_age() -> None:
    text = (
        "Please see below from my constituent Mrs Ruth Grant (14 Mill Lane) and her son. "
        "I have met her and she is very distressed."
    )
    assert R.CHILD_AT_RISK not in risk_flags(text)


def test_a_named_childs_age_in_brackets_stays() -> None:
    assert R.CHILD_AT_RISK in risk_flags("My boy Leo (7) saw it. He is terrified.")


def test_chat_messages_are_not_joined_as_wrapped_lines() -> None:
    messages = [
        "the 9th was my sons birthday and for once it was quiet, we had a party",
        "worst was friday, the dad stood at the gate screaming at my wife for parking there",
    ]
    assert R.CHILD_AT_RISK not in risk_flags_of_messages(messages)


def test_a_child_in_one_message_frightened_in_the_next_stays() -> None:
    messages = ["they kicked the door in front of my son", "he was terrified"]
    assert R.CHILD_AT_RISK in risk_flags_of_messages(messages)


@pytest.mark.parametrize(
    "text",
    [
        "theyre outside again now throwing bricks at the window",
        "They're out there again now banging on the door.",
    ],
)
def test_happening_again_now(text: str) -> None:
    assert R.IMMEDIATE_DANGER in risk_flags(text)


def test_outside_again_last_week_is_not_now() -> None:
    assert R.IMMEDIATE_DANGER not in risk_flags("they were outside again last week throwing eggs")


def test_he_is_never_the_family() -> None:
    text = (
        "The old man at 3 Park Row, Mr Hale, is picked on by the family at no. 5. "
        "He is very frail and can hardly get to the door."
    )
    assert R.VULNERABLE_ADULT in risk_flags(text)


def test_he_is_still_the_neighbour_when_named_last() -> None:
    text = "My mum lives at 3 Park Row. The man at no. 5 shouts at her. He has dementia."
    assert R.VULNERABLE_ADULT not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "One of our patients, Mr Dev Patel, asked me to write. Dev is under our care for "
        "severe anxiety and depression.",
        "I support Ms Lowe. Jan is being treated for depression and the noise is making it worse.",
    ],
)
def test_a_named_client_under_care(text: str) -> None:
    assert R.VULNERABLE_ADULT in risk_flags(text)


def test_the_neighbour_under_care_is_not_the_victim() -> None:
    text = "The man next door is under the care of the mental health team."
    assert R.VULNERABLE_ADULT not in risk_flags(text)


def test_a_child_named_far_back_is_still_he() -> None:
    text = (
        "My son is 10 and autistic. The kids on the street know it. "
        "One of them stood at the gate making noises. I reported that. "
        "On Friday they set off bangers. Last week they egged the car. "
        "He's too scared to walk to school now."
    )
    assert R.CHILD_AT_RISK in risk_flags(text)


def test_a_man_named_between_takes_the_he() -> None:
    text = (
        "My son is 10. The kids on the street know it. I reported that. "
        "On Friday the man at no. 4 set off bangers. Last week they egged the car. "
        "He's too scared to come out now, the coward."
    )
    assert R.CHILD_AT_RISK not in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my brother said he'll sort me out with a lift to the station", R.THREAT_OF_VIOLENCE),
        ("my mate says she'll sort us out with a few quid till payday", R.THREAT_OF_VIOLENCE),
        ("im not on any tablets for anxiety", R.VULNERABLE_ADULT),
        ("I've never been on any medication for depression.", R.VULNERABLE_ADULT),
    ],
)
def test_everyday_help_and_denied_treatment_are_no_risk(text: str, flag: R) -> None:
    assert flag not in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("he said he would sort me out", R.THREAT_OF_VIOLENCE),
        ("he said he will sort you out with a baseball bat", R.THREAT_OF_VIOLENCE),
        ("I'm on tablets for anxiety", R.VULNERABLE_ADULT),
        ("I am not on any medication for my anxiety but I have epilepsy", R.VULNERABLE_ADULT),
    ],
)
def test_threats_and_treatment_still_read(text: str, flag: R) -> None:
    assert flag in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I left the bacon on the side in the kitchen.",
        "we put some pork in the oven for when the kids got home",
    ],
)
def test_pork_in_a_kitchen_is_no_religion_deed(text: str) -> None:
    assert "religion" not in {f.label for f in find_hate_markers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "someone put bacon through our letterbox",
        "they stuck rashers of pork on the windscreen of my car",
    ],
)
def test_pork_left_on_the_victims_home_stays_religion(text: str) -> None:
    assert "religion" in {f.label for f in find_hate_markers(text)}


# Hate:
# - "It was aimed at my faith", "a dig at my religion": the victim's own words point at a strand
#   (perceived motivation), unless denied ("I don't think it was aimed at my religion").
# - Getting along with anyone ("we never had a problem with anyone before they moved in") is no
#   abuse aimed at everybody: a run-on paragraph saying so keeps its racist abuse.


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("Everyone round here knows I go to church, it was aimed at my faith.", "religion"),
        ("The paint on the door was a dig at my religion.", "religion"),
        ("it was clearly directed at us being gay", "sexual_orientation"),
        (
            "we never had a problem with anyone before they moved in, then one of them made "
            "monkey noises at me and said go back to africa",
            "race",
        ),
        ("we get on with everybody on the street, but he called my wife a paki", "race"),
    ],
)
def test_motive_in_the_victims_words(text: str, strand: str) -> None:
    assert strand in {f.label for f in find_hate_markers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I don't think it was aimed at my religion.",
        "it was not aimed at my faith, just at the house",
        "the stone was aimed at my window",
        "the leaflet was aimed at my faith group to invite us to the fete",
        "they shout at everyone, my faith has nothing to do with it",
    ],
)
def test_motive_controls(text: str) -> None:
    assert not find_hate_markers(text)


# - Tyres let down or slashed on a wheelchair or mobility scooter attack the mobility aid.
# - "Women who live on their own are asking for it": a group, however qualified, told it asks for
#   harm.


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        (
            "on the 20th they let the tyres down on my wheelchair while it was charging",
            "disability",
        ),
        ("someone slashed both tyres on her mobility scooter", "disability"),
        ("He said women who live on their own are asking for it.", "sex"),
        ("she told me women who live alone are just asking for it", "sex"),
    ],
)
def test_deeds_and_group_opinions(text: str, strand: str) -> None:
    assert strand in {f.label for f in find_hate_markers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "they let the tyres down on my car again",
        "the tyres on my wheelchair were flat so I bought new ones",
        "he said anyone who parks there is asking for it",
        "the lads who race up the road are asking for it",
    ],
)
def test_deeds_and_group_opinions_controls(text: str) -> None:
    assert not find_hate_markers(text)


# - A motive someone else reckons, answered by the writer's own other reason ("my mate reckons
#   it's cos I'm gay but ... it's cos I complained about the bikes"), is a motive denied.
# - A slur the writer is accused of saying ("he told the police I called him a ...") is no
#   abuse of the writer.


@pytest.mark.parametrize(
    "text",
    [
        "my cousin reckons its cos im gay but i dont think they know, its cos i reported the dog",
        "My husband thinks it's because I'm Jewish but I don't see it, it's about the parking.",
        "He has told the council I called him a dirty paki, which I would never say.",
        "his mum accused me of calling her a dyke in the shop",
    ],
)
def test_motive_denied_and_writer_accused(text: str) -> None:
    assert not find_hate_markers(text)


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        (
            "my cousin reckons its cos im gay and honestly i think she is right",
            "sexual_orientation",
        ),
        ("I told the police he called me a paki", "race"),
        ("He called me a dirty paki and I called the police.", "race"),
    ],
)
def test_motive_and_abuse_kept(text: str, strand: str) -> None:
    assert strand in {f.label for f in find_hate_markers(text)}


def test_the_little_lad_named_after_a_child_takes_his_fear() -> None:
    text = (
        "A car mounted the kerb and only just missed a five-year-old boy with his gran. "
        "The little lad was shaking, his gran says he won't walk that way now."
    )
    assert R.CHILD_AT_RISK in risk_flags(text)


def test_the_young_lad_who_laughs_is_no_child_at_risk() -> None:
    text = "A lad of about 16 rode past on a bike. The young lad was laughing his head off."
    assert R.CHILD_AT_RISK not in risk_flags(text)
