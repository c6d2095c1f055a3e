"""nlp.hate: causes found on first-contact text (corpus X), each tested as a family of phrasings of
our own, with controls that must not change.

- A slur of two words is the same slur hyphenated or closed up ("coffin-dodger", "towelhead").
- "We are the only Polish family in the road" shows the strand when a sentence beside it says the
  victim alone is targeted ("only ours", "nobody else's car", "they leave the others alone"),
  as it already did with a cue after it ("... so don't tell me it's a coincidence").
- "They do not bother the younger people in the street" says the victim alone is targeted.
- Sexist abuse told by its stereotypes: "that's women's work", "back to the sink", "women can't
  park".
- A disclaimer over the whole account: "I don't think any of this is homophobic", "none of this
  is racist".
- A trans person's walk mocked as camp ("if I flounced past again") where the account says trans.
- A trans person's walk mocked as camp ("if I flounced past again"), only where the account says
  the victim is trans.
- A pregnant woman's or new mother's baby things attacked or jeered ("kicked my pram over", a
  sign saying "no more brats", "another one for the benefits"), where the account names the
  pregnancy; an old person jeered for still being alive ("why aren't you dead yet").
"""

from __future__ import annotations

import pytest

from nlp.hate import find_hate_markers, hate_strands
from nlp.hate_deeds import exclusive
from trigger.vocabulary import HateStrand as H


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ('They shouted "come out coffin-dodger" at me.', H.AGE),
        ("they keep calling me a coffindodger when i go past", H.AGE),
        ("He called my dad a towel-head in the shop.", H.RELIGION),
        ("they shouted towelhead at my husband", H.RELIGION),
        ("she called my son a half caste", H.RACE),
        ("he shouted batty-boy at my partner", H.SEXUAL_ORIENTATION),
        ("They called me a bible-basher and spat at the door.", H.RELIGION),
    ],
)
def test_a_two_word_slur_hyphenated_or_closed_up(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "Whether he she or they did it I don't know.",
        "The old-timer who runs the pub is lovely to us.",
        "Our neighbour is a real old-timer, been here fifty years.",
    ],
)
def test_words_that_only_look_like_a_two_word_slur(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        (
            "Every other bin on the road was left standing, only ours, and we are the only "
            "Polish family in the road.",
            H.RACE,
        ),
        ("We're the only Asian family on the street. Nobody else's car gets touched.", H.RACE),
        ("Only our windows get egged, we're the only Muslim household in the block.", H.RELIGION),
        (
            "They leave the others alone. We're the only gay couple in the village.",
            H.SEXUAL_ORIENTATION,
        ),
        ("im the only disabled tenant on the landing and its just mine they do", H.DISABILITY),
        (
            "Every other car in the close was left untouched. I'm the only black woman "
            "living on the close.",
            H.RACE,
        ),
    ],
)
def test_the_only_family_beside_a_sentence_saying_only_us(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are the only Polish family in the road and everyone has been lovely.",
        "We're the only Asian family on the street, and the neighbours have all been kind.",
        "The only Polish shop in the town closed last year.",
        "We're the only gay couple in the village. The pub quiz is on Thursdays.",
    ],
)
def test_the_only_family_with_nothing_about_being_singled_out(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "they do not bother the younger people in the street",
        "They never pick on the other families.",
        "he doesn't touch the students next door",
        "they never say a word to the young couples on the row",
        "Every other house on the road was left alone.",
        "it's just ours they do",
    ],
)
def test_only_the_victim_targeted_said_by_who_is_spared(text: str) -> None:
    assert exclusive(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "they don't bother the police any more",
        "they never bother to turn the music down",
        "Every other week the bins are late.",
    ],
)
def test_sentences_that_spare_nobody(text: str) -> None:
    assert not exclusive(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "they threw rubbish over the fence shouting \"that's women's work, tidy it up\"",
        "he said cleaning is a woman's job so I should get on with it",
        "it's women's work love, get on with it, he shouted",
        "they told me to get back to the sink where I belong",
        "typical woman driver he shouted as I parked",
        "women can't park, get off the road, he yelled at me",
    ],
)
def test_sexist_abuse_told_by_its_stereotypes(text: str) -> None:
    assert H.SEX in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "She wrote a book about women's work in the war.",
        "I run the women's job share scheme at the library.",
        "I went back to the kitchen to put the kettle on.",
    ],
)
def test_words_about_women_that_are_no_abuse(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I'm gay and proud of it. I don't think any of this is homophobic.",
        "They call me a poof but I don't believe any of it is homophobic, they're like it with "
        "everyone.",
        "He's racist to the core, I wouldn't say any of it was racist, mind.",
        "None of this is racist, to be clear, they do it to everyone.",
        "I don't think what they do is homophobic, it's just the noise.",
    ],
)
def test_a_disclaimer_over_the_whole_account(text: str) -> None:
    strands = hate_strands(text)
    assert H.SEXUAL_ORIENTATION not in strands or "poof" in text
    assert H.RACE not in strands


@pytest.mark.parametrize(
    "text",
    [
        "They shout homophobic abuse at us. I don't think any of the neighbours care.",
        "It is racist abuse, none of the others on the street get it.",
    ],
)
def test_a_disclaimer_of_something_else_leaves_the_strand(text: str) -> None:
    assert hate_strands(text) != set()


@pytest.mark.parametrize(
    "text",
    [
        "I'm 7 months pregnant. Another time they kicked my pram over in the hallway.",
        "im pregnant with my second. they put a sign on my door saying 'no more brats'",
        "Since I told them I was expecting, they shout 'another one for the benefits' at me.",
        "I'm pregnant and she said she hopes I lose it.",
        "I'm on maternity leave and someone slashed the tyres on my buggy while I was in.",
        "I'm 20 weeks pregnant and they threw the pushchair down the stairs.",
    ],
)
def test_a_mothers_baby_things_attacked_or_jeered(text: str) -> None:
    assert H.PREGNANCY_MATERNITY in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "They kicked my pram over in the hallway.",
        "I tipped the pram over by accident, I'm pregnant with my second.",
        "The wind knocked the pram over. I'm 6 months pregnant.",
        "We're not having any more babies, I'm pregnant with our last.",
    ],
)
def test_a_pram_or_baby_with_no_pregnancy_or_no_culprit(text: str) -> None:
    assert H.PREGNANCY_MATERNITY not in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 86 and old. They shout \"why aren't you dead yet\" at me.",
        "I am old and they yell shouldn't you be dead by now at me over the fence.",
        "I'm a pensioner. The lads shout haven't you died yet every morning.",
        "they laugh at me because i'm old and shout how are you still alive",
    ],
)
def test_an_old_person_jeered_for_still_being_alive(text: str) -> None:
    rules = [f.explanation for f in find_hate_markers(text)]
    assert any("death or frailty jeered" in r for r in rules), rules


@pytest.mark.parametrize(
    "text",
    [
        "im trans. one of them said he'd knock my teeth out if i 'flounced past' again.",
        'I\'m a trans woman and they shout "stop mincing about, mate" when I go to the shop.',
        "I am trans. One of them prances behind me flapping his hands.",
        "i'm trans n they sashay down the street after me laughing",
    ],
)
def test_a_trans_persons_walk_mocked_as_camp(text: str) -> None:
    assert H.TRANSGENDER_IDENTITY in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "They told me to stop flouncing about, I'd had enough of the noise.",
        "I'm trans. I mince the onions for tea while they shout outside.",
        "I'm trans. My daughter flounced off to her room after the row.",
        "I'm trans. The horse was prancing about in the field.",
    ],
)
def test_camp_words_with_no_trans_victim_or_no_mocking(text: str) -> None:
    assert H.TRANSGENDER_IDENTITY not in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "one other time they spraypainted GO HOME POLISH SCUM on the van.",
        "We're Polish. Someone spray painted 'go home' on our door.",
    ],
)
def test_spray_paint_written_as_one_word_or_two(text: str) -> None:
    assert H.RACE in hate_strands(text)
