"""nlp.hate: causes found on first-contact text (corpus AA), tested on sentences of our own.

Data only (nlp/patterns/hate_families.json), no mechanism changed:
- A threat to a group the victim belongs to, said or written ("all Muslims on this street will
  get burned out", "every mosque in this county will be blown up"): the group's strand.
- A disabled person told to be caged or kept in ("should be kept in a cage", "things like that
  shouldn't be allowed out") or told people like them belong in homes, when the account names
  the disability.
- Controls: a worry or a plan said of a group, a cage for a pet, a care home the family chose.
"""

from __future__ import annotations

import pytest

from nlp.hate import find_hate_markers
from trigger.vocabulary import HateStrand as H


def strands(text: str) -> set[str]:
    return {f.label for f in find_hate_markers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "We're the Muslim family on the corner. Someone wrote on our car that all muslims on"
        " this street will get burned out.",
        "He shouted that the muslims round here are going to be killed one by one.",
        "a note through the door said all the jews in this town will be gassed",
        'A man told me and my brother "you lot will all be blown up one day, every mosque in'
        ' this county".',
        "he posted that every mosque in the city will be burned down",
        "They said your lot will burn, the synagogue and all of you.",
    ],
)
def test_a_threat_to_a_faith_group(text: str) -> None:
    assert H.RELIGION.value in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son is 9 and autistic. She screamed that he should be kept in a cage because he"
        " was flapping.",
        "My daughter has Down's syndrome and the man next door says things like that"
        " shouldn't be allowed out.",
        "I'm in a wheelchair. She told everyone people like her shouldn't get the ground floor"
        " flats, they should be in homes.",
        "My brother is autistic and they say he should be locked up in an institution.",
        "I have a learning disability and he said people like me belong in a zoo.",
    ],
)
def test_a_disabled_person_told_to_be_caged_or_kept_in(text: str) -> None:
    assert H.DISABILITY.value in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried all the muslims on the street will be blamed for it.",
        "The vicar said the church will be shut for repairs in May.",
        "Our rabbit should be kept in a cage at night because of the foxes.",
        "My mum has dementia and we decided she should be in a home near us.",
        "My son is autistic and his school says he shouldn't be allowed out at break alone"
        " without support.",
        "The forecast says all the roses will die in the frost.",
    ],
)
def test_worries_plans_pets_and_care_choices_are_no_strand(text: str) -> None:
    assert strands(text) & {H.RELIGION.value, H.DISABILITY.value} == set()


@pytest.mark.parametrize(
    "text",
    [
        "On the 16th a pig's head was left on the bonnet of our car.",
        "Yesterday my daughter had her hijab pulled off from behind at the bus stop.",
        "My son's turban was knocked off at the bus stop.",
        "Bacon was smeared on our door handle again.",
        "rashers of bacon were tied to the gate of the mosque",
        "she got her headscarf ripped off by one of the girls",
    ],
)
def test_religious_dress_pulled_off_or_pork_left_told_in_the_passive(text: str) -> None:
    assert H.RELIGION.value in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bacon was left out on the counter by my husband.",
        "I had my scarf pulled off by the wind on the seafront.",
        "Our sausages were thrown on the barbecue.",
        "We had the pork left over from Sunday in the fridge.",
    ],
)
def test_food_and_weather_are_no_strand(text: str) -> None:
    assert H.RELIGION.value not in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        '"stupid cow, women like you shouldn\'t be living on your own"',
        "he told my mum that women like her shouldn't live on her own",
    ],
)
def test_a_woman_told_she_should_not_live_on_her_own(text: str) -> None:
    assert H.SEX.value in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        'Somebody has painted "Pakis out" on the scrapyard wall. We find it disgusting, though'
        " none of us is the target of it.",
        "There's a swastika sprayed on the bus shelter. It isn't aimed at us, but please"
        " remove it.",
        'Someone wrote "gays out" on the park gate. We are not the ones targeted, we just want it'
        " cleaned off.",
    ],
)
def test_hate_the_writer_says_is_not_aimed_at_them_is_no_strand(text: str) -> None:
    assert strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Somebody has painted \"Pakis out\" on our wall. We're Pakistani and it's aimed at us.",
        "They called me a p@ki. I'm not the only target, they do it to the whole street.",
    ],
)
def test_hate_aimed_at_the_writer_stays(text: str) -> None:
    assert H.RACE.value in strands(text)
