"""nlp.hate: causes found on first-contact text (corpora AE, AF, AG), each tested as a family of
phrasings of our own, with controls that must not change.

- A slur spelt with its first letter and stars ("a dirty P***", sprayed "N****** OUT") is the
  slur, where the words before are abuse or it is quoted; never an everyday swear word masked the
  same way ("f***", "c***", "p***y").
- Counter-speech governs the self-censored slur it names: "I told him to stop calling them the
  n-word" is no strand, while "he called me the n-word" still is.
- A motive guessed and doubted in the words that follow it ("... because we're Polish, but I
  don't think that's it") is no strand.
- Second-language and spoken forms: "he shout at me and my son 'go home' and 'terrorist'",
  "he say this because I wear turban", "because I am woman alone", "women must stay in kitchen".
- A reason whose next sentences say the victim alone gets it ("because I am woman alone. He not
  speak like this to the men") reaches the later deeds aimed at the victim, as one said in its own
  sentence does.
- A phrase wholly inside a group's words takes the group's strand alone ("old codgers like me
  should be put down" attacks age, not disability too).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.hate import hate_strands
from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline
from trigger.vocabulary import HateStrand as H

WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ('He smashed my shop window and called me a "dirty P***" in front of customers.', H.RACE),
        ("someone sprayed N****** OUT on my garage", H.RACE),
        ("he shouted 'n****r' at my husband across the car park", H.RACE),
        ("They keep calling my lad a r****d when he gets off the school bus.", H.DISABILITY),
        ("the note thru the door said 'P***S OUT'", H.RACE),
        ("Dear Sir, my son was called a f****t by the boys next door.", H.SEXUAL_ORIENTATION),
        ("she yelled you t****y at me outside the shop", H.TRANSGENDER_IDENTITY),
    ],
)
def test_a_slur_spelt_with_stars_is_the_slur(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "He called me a f***ing idiot and kicked the gate.",
        "what the f*** is going on with the noise",
        "he shouted 'you c***' at me and drove off",
        "she called me a stupid c*** for not fighting back",
        "they wrote P**S OFF on the door",
        "The price of a loaf went up by 20p*** apparently",
        "He told me I had never once called him a n****r, which is true.",
    ],
)
def test_masked_swear_words_and_denials_are_no_strand(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "it started when i told him to stop calling the family at no 9 the n word",
        "I told him you shouldn't call people the P-word and he laughed at me.",
        "Since I asked him to stop using the r-word about the lad downstairs he has targeted me.",
        "my wife said to him don't call them the n-word, and ever since he bangs on our wall",
        "I said it's wrong to call anyone the f-word. Now he blocks my drive.",
        "we told the kids it is unacceptable to say the n word to anybody",
    ],
)
def test_counter_speech_naming_a_censored_slur_is_no_strand(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("he called me the n word and told me to stop calling the police", H.RACE),
        ("He keeps calling my son the r word", H.DISABILITY),
        ("they shouted the P-word at me again last night", H.RACE),
    ],
)
def test_a_censored_slur_aimed_at_the_victim_still_counts(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour reckons they pick on us because we're Polish but I honestly don't think "
        "that's it, they've done the same to half the road.",
        "they pick on us because we're Polish, but I don't think so",
        "My daughter thinks they target me because I'm disabled but im not sure",
        "they pick on us because we're Muslim though I doubt it",
        "my sister says they pick on me because I'm gay but I'm not convinced",
        "He said they hassle me because I was Polish but I don't believe that's the reason.",
        "people say they bully us because we are gypsies, however I don't think that is it",
    ],
)
def test_a_motive_doubted_in_the_words_after_it_is_no_strand(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("they pick on us because we're Polish but the police won't do anything", H.RACE),
        ("they pick on us because we're Polish but not the others", H.RACE),
        (
            "they pick on us because we are Muslim, but I don't think the police believe me",
            H.RELIGION,
        ),
        ("He targets me because I'm gay but I don't want to make a fuss", H.SEXUAL_ORIENTATION),
    ],
)
def test_a_motive_followed_by_other_complaints_still_counts(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("Man upstairs he shout at me and my son 'take off your hat' and 'terrorist'.", H.RELIGION),
        ("they yell 'go away' and 'terrorist' at my wife when she walks past", H.RELIGION),
        ("he shouts 'bomber' at me every morning", H.RELIGION),
        ('she screamed at me and my daughter "terrorist"', H.RELIGION),
        ("He say this because I wear turban, I am Sikh.", H.RELIGION),
        ("they said that because i wear hijab", H.RELIGION),
        ("He always say bad things to me because I am woman alone.", H.SEX),
        ("he say 'women must stay in kitchen' when I walk past", H.SEX),
        ("He tells me women have to stay at home, not go out to work.", H.SEX),
    ],
)
def test_second_language_and_spoken_forms(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "They shouted 'the terrorist attack on the news was awful' at the telly.",
        "He say this because I park in front of his house.",
        "The men in my building are not like this, they are kind.",
        "I am a woman, I live alone with my cat and my neighbours are lovely.",
        "She said bad things about the council because they lost her file.",
    ],
)
def test_controls_for_second_language_forms(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("he said old codgers like me should be put down", H.AGE),
        ("he told me pensioners like you should be put down", H.AGE),
        ("she shouts that gays like us should be locked away", H.SEXUAL_ORIENTATION),
    ],
)
def test_a_phrase_inside_a_group_takes_the_group_strand_alone(text: str, strand: H) -> None:
    assert hate_strands(text) == {strand}


def test_a_phrase_said_alone_keeps_its_strand() -> None:
    text = "He is disabled and she screamed at him that he should be put down like a dog."
    assert H.DISABILITY in hate_strands(text)


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("and on the 10th they threw a drink over me and shouted terrorist again", H.RELIGION),
        ("group of lads by the shops shout terrorist at me and my sister", H.RELIGION),
        ("The boys were yelling jihadi after me all the way home.", H.RELIGION),
        ("he keeps calling terrorist to my husband when he goes to pray", H.RELIGION),
        ("Then on Wednesday night someone sprayed NO TEMPLES on the garage door.", H.RELIGION),
        ("they wrote NO MOSQUES across our wall", H.RELIGION),
        ("a note saying no more muslims came through the door", H.RELIGION),
        ("someone chalked no gurdwaras on the pavement outside", H.RELIGION),
    ],
)
def test_faith_abuse_told_plainly(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "the news was all about the terrorist attack in London",
        "the sign said no dogs on the grass",
        "the vicar said no churches would close this year",
        "My temples are throbbing from the noise every night.",
        "He shouted terrorist attack drills were a waste of time, at the meeting.",
    ],
)
def test_faith_words_in_other_uses_are_no_strand(text: str) -> None:
    assert H.RELIGION not in hate_strands(text)


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        (
            "My son is autistic. They stood outside doing the hand flapping thing he does, "
            "laughing at him through the window.",
            H.DISABILITY,
        ),
        (
            "my brother has Tourette's and the lads copy his tics when he walks past",
            H.DISABILITY,
        ),
        (
            "She's autistic and the girls at the bus stop were mocking her rocking, every day.",
            H.DISABILITY,
        ),
        (
            "I'm a trans woman. He spat at me and called me a freak in a wig.",
            H.TRANSGENDER_IDENTITY,
        ),
        (
            "she is transgender and they shouted 'look at the thing in a dress' at her",
            H.TRANSGENDER_IDENTITY,
        ),
    ],
)
def test_mockery_read_with_the_accounts_identity(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "The kids were doing the flapping thing at the seagulls on the roof.",
        "They stood outside doing the hand flapping thing, laughing at each other.",
        "He called her a freak in a wig at the fancy dress party.",
        "my nan looked like a thing in a dress from the 1950s in that photo",
    ],
)
def test_mockery_words_without_the_identity_are_no_strand(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _incident_strands(nlp: Language, *messages: str) -> list[tuple[date | None, tuple[str, ...]]]:
    parts = []
    offset = 0
    for text in messages:
        doc = analyse(nlp, text, WEDNESDAY)
        parts.append(AnalysedSegment(doc=doc, offset=offset, chat=True, recipient_agency=""))
        offset += len(text) + 1
    return [(i.start, i.hate_strands) for i in assemble_incidents(parts)]


@pytest.mark.parametrize(
    "overview",
    [
        "My neighbour always say bad things to me because I am woman alone. He say women must "
        "stay in kitchen. He not speak like this to the men in the building.",
        "He has a go at me because I'm a woman on my own. He's polite as anything. He doesn't "
        "talk like that to the men upstairs.",
        "the man downstairs picks on me because im a woman living alone, he doesnt speak that "
        "way to the blokes in the flats",
    ],
)
def test_a_reason_said_to_be_the_victims_alone_in_the_next_sentences_reaches_later_abuse(
    nlp: Language, overview: str
) -> None:
    found = _incident_strands(nlp, overview, "Last Sunday he shouted at me outside my door.")
    assert found == [(date(2026, 6, 7), ("sex",))]


def test_a_reason_with_no_exclusivity_near_it_reaches_no_later_deed(nlp: Language) -> None:
    found = _incident_strands(
        nlp,
        "He has a go at me because I'm a woman on my own. He's polite as anything. The landlord "
        "won't help. I have lived here ten years.",
        "Last Sunday he shouted at me outside my door.",
    )
    assert found == [(date(2026, 6, 7), ())]
