"""nlp.hate: hostile markers give a strand; neutral mentions, culprits, disclaimers do not."""

from __future__ import annotations

from datetime import UTC

import pytest

from nlp.hate import KEY, find_hate_markers, find_hate_markers_in_answer, hate_strands
from trigger.vocabulary import HateStrand as H


def strands(text: str) -> set[str]:
    return {f.label for f in find_hate_markers(text)}


HOSTILE = [
    # slurs, including obfuscated and self-censored spellings
    ("He called me a p4ki in the street.", H.RACE),
    ("She shouted n*gger at my son.", H.RACE),
    ("he called me the p-word again", H.RACE),
    ("you dirty p a k i", H.RACE),
    ("They keep calling him a retard.", H.DISABILITY),
    ("they called him a spaz at the bus stop", H.DISABILITY),
    ("You are just a f@g to me.", H.SEXUAL_ORIENTATION),
    ("he screamed faaaggot at us", H.SEXUAL_ORIENTATION),
    ("He wrote 'dyke' on our door.", H.SEXUAL_ORIENTATION),
    ("They keep shouting 'tr*nny' at my daughter.", H.TRANSGENDER_IDENTITY),
    ("He called her a slut in front of the kids.", H.SEX),
    ("he called me a coffin dodger", H.AGE),
    ("She called me a dirty Jew.", H.RELIGION),
    # hostile phrases aimed at the victim
    ("Go back to your own country!", H.RACE),
    ("they shouted go back where you came from", H.RACE),
    ("He said 'speak English or go home'.", H.RACE),
    ("They made monkey noises at my husband.", H.RACE),
    ("He called me a terrorist because I wear a headscarf", H.RELIGION),
    ("They threw bacon at the mosque.", H.RELIGION),
    ("he keeps mimicking my stammer", H.DISABILITY),
    ("he kicked my wheelchair over", H.DISABILITY),
    ("he keeps deadnaming me in front of everyone", H.TRANSGENDER_IDENTITY),
    ("she said I was a man in a dress", H.TRANSGENDER_IDENTITY),
    ("they keep calling my daughter 'it'", H.TRANSGENDER_IDENTITY),
    ("They shouted 'old witch' at me.", H.AGE),
    ("Old people like you should be in a care home", H.AGE),
    ("he said women belong in the kitchen", H.SEX),
    ("She mocked my baby bump and laughed", H.PREGNANCY_MATERNITY),
    (
        "she told me to cover up while breastfeeding, it was disgusting she said",
        H.PREGNANCY_MATERNITY,
    ),
    ("she called me a fat pregnant cow", H.PREGNANCY_MATERNITY),
    ("he said our civil partnership is a joke and a sham", H.MARRIAGE_CIVIL_PARTNERSHIP),
    # identity word welded to an insult
    ("they said I was a black b***h", H.RACE),
    ("he shouted polish scum at my dad", H.RACE),
    # derogation, threats and exclusion aimed at a group
    ("I hate Muslims.", H.RELIGION),
    ("Black people are nothing but animals.", H.RACE),
    ("Disabled people are a burden on society.", H.DISABILITY),
    ("Gay people should all be shot.", H.SEXUAL_ORIENTATION),
    ("Trans people are not real women.", H.TRANSGENDER_IDENTITY),
    ("Women are worthless.", H.SEX),
    ("Immigrants are vermin.", H.RACE),
    ("I'm going to kill every Muslim I see.", H.RELIGION),
    ("We should get rid of all the immigrants.", H.RACE),
    ("Why are all Muslims so disgusting?", H.RELIGION),
    ("no gays round here", H.SEXUAL_ORIENTATION),
    ("I have met many Muslims and I hate every single one of them.", H.RELIGION),
    ("I h4te gays", H.SEXUAL_ORIENTATION),
    ("muslims are d i s g u s t i n g", H.RELIGION),
    ("I'm not racist but I hate immigrants", H.RACE),
    # perceived motivation and labels
    ("I think it's because of my wheelchair", H.DISABILITY),
    ("I'm being targeted because I'm Polish", H.RACE),
    ("It was racially motivated", H.RACE),
    ("He said it's a hate crime because of my religion", H.RELIGION),
    ("they target us because we're a gay couple", H.SEXUAL_ORIENTATION),
    ("They laughed at my son because of his autism", H.DISABILITY),
    ("they pick on me because I'm a woman on my own", H.SEX),
    ("Its cos im gay i know it", H.SEXUAL_ORIENTATION),
    ("they pick on us for being in a civil partnership", H.MARRIAGE_CIVIL_PARTNERSHIP),
    ("it's all about my pregnancy, it started when I began to show", H.PREGNANCY_MATERNITY),
    ("they go for me because I'm old", H.AGE),
    ("The abuse is homophobic.", H.SEXUAL_ORIENTATION),
    ("the police logged it as a transphobic incident", H.TRANSGENDER_IDENTITY),
    ("They said it wasn't homophobic but it obviously was", H.SEXUAL_ORIENTATION),
    ("They call everyone names but they called me a p*ki", H.RACE),
]


@pytest.mark.parametrize(("text", "strand"), HOSTILE)
def test_hostile_marker_gives_its_strand(text: str, strand: H) -> None:
    assert strands(text) == {strand.value}


NO_STRAND = [
    # friendly or neutral identity mentions
    "I'm a Muslim.",
    "My Muslim neighbour helped me carry the shopping.",
    "We're a gay couple and love it here.",
    "I walk past the mosque every day.",
    "My disabled son's carer comes every morning.",
    "I'm 82 and live alone.",
    "I'm pregnant with my second child.",
    "I've been married for forty years.",
    "My daughter is transgender and she's scared to go out.",
    "I am a Christian and go to church on Sundays.",
    "We moved here from Romania in 2015.",
    "I love gay people.",
    "Immigrants are welcome here.",
    "Trans people deserve respect.",
    "I'm a proud queer woman.",
    # the culprit's own characteristics
    "The Muslim lads next door play music all night.",
    "A group of Polish men were drinking on the wall.",
    "He's in a wheelchair himself but he still throws stones.",
    "The Polish family next door shout abuse at me every night.",
    "He is black and he's the one causing the trouble.",
    # disclaimers and negations
    "I don't think it's racist.",
    "It's not because of my religion.",
    "It's nothing to do with race.",
    "It's not a hate thing, they just like the noise.",
    "I'm not sure if it's racially motivated",
    "it isn't racist, he's just a horrible man",
    "He's not racist, he's just a nasty man who hates everyone.",
    "I don't hate Muslims.",
    "Muslims are not disgusting.",
    # indiscriminate abuse
    "They call everyone names, it's not aimed at me.",
    "he shouts abuse at anyone who walks past",
    "they call everyone p*kis round here",
    # homonyms, counter-speech, abuse of no protected group
    "I had this queer feeling in my stomach.",
    "We had faggots and peas for tea.",
    "He smokes a fag at the gate every morning.",
    "Statements like 'Muslims are scum' are deeply hurtful.",
    "You make me sick.",
    "Artists are parasites.",
    "He called me a bastard.",
    "I hate it when they park across my drive.",
    "My black cat was sitting on the wall.",
    "I can't stand the noise from the gay bar.",
    "he said no one wants your sort here",
]


@pytest.mark.parametrize("text", NO_STRAND)
def test_no_hostility_towards_the_victim_gives_no_strand(text: str) -> None:
    assert strands(text) == set()


def test_disclaimer_removes_only_the_strand_it_disclaims() -> None:
    text = (
        "My partner is Black and people asked whether this is racial, "
        "but I don't think it's racist. "
        "He shouted f*ggots at us because we are gay."
    )
    assert hate_strands(text) == {H.SEXUAL_ORIENTATION}


def test_two_strands_in_one_account_are_both_found() -> None:
    text = (
        "He called me a p*ki. "
        "Another time he said my wheelchair should be taken off me because I'm a cripple."
    )
    assert hate_strands(text) == {H.RACE, H.DISABILITY}


def test_finding_span_covers_the_abusive_word_and_explanation_does_not_repeat_it() -> None:
    text = "Last night he called me a p4ki and left."
    [finding] = find_hate_markers(text)
    assert text[finding.start : finding.end] == "p4ki"
    assert "p4ki" not in finding.explanation and "paki" not in finding.explanation
    assert finding.label == H.RACE.value


def test_offsets_point_into_the_original_text_across_lines() -> None:
    text = "Hello,\n\nWe are being targeted by the man \nnext door because we are a gay couple.\n"
    [finding] = find_hate_markers(text)
    assert text[finding.start : finding.end] == "because we are a gay couple"


def test_component_writes_findings_to_doc_spans() -> None:
    from datetime import datetime

    from nlp.pipeline import analyse, build_pipeline, findings

    nlp = build_pipeline()
    assert "trigger_hate" in nlp.pipe_names
    doc = analyse(
        nlp,
        "They told me to go back to my own country.",
        datetime(2026, 10, 1, tzinfo=UTC),
    )
    assert [f.label for f in findings(doc, KEY)] == [H.RACE.value]


def test_soft_wrapped_lines_with_carriage_returns_stay_one_sentence() -> None:
    text = "They pick on us \r\nbecause we are \r\ngay.\r\n"
    assert hate_strands(text) == {H.SEXUAL_ORIENTATION}


# Statements about a whole group, in the manner of functional test suites for hate speech:
# every hostile shape must give the group's strand, every neutral or supportive shape none.
GROUPS = {
    "women": (H.SEX, "a woman"),
    "trans people": (H.TRANSGENDER_IDENTITY, "a trans person"),
    "gay people": (H.SEXUAL_ORIENTATION, "a gay person"),
    "lesbians": (H.SEXUAL_ORIENTATION, "a lesbian"),
    "black people": (H.RACE, "a black person"),
    "immigrants": (H.RACE, "an immigrant"),
    "Pakistanis": (H.RACE, "a Pakistani"),
    "disabled people": (H.DISABILITY, "a disabled person"),
    "Muslims": (H.RELIGION, "a Muslim"),
    "Jews": (H.RELIGION, "a Jew"),
    "old people": (H.AGE, "an old person"),
    "pensioners": (H.AGE, "a pensioner"),
    "pregnant women": (H.PREGNANCY_MATERNITY, "a pregnant woman"),
}
HOSTILE_SHAPES = [
    "I really can't stand {g}.",
    "{G} make me sick.",
    "{G} are nothing but vermin.",
    "{G} belong in a zoo.",
    "The world would be better without {g}.",
    "I am going to shoot the next {n} I see.",
    "We should get rid of {g} once and for all.",
    "Fuck all {g}.",
    "{G} are not human.",
    "Aren't {g} just the worst?",
    "In my opinion {g} are utterly worthless.",
    "Isn't it typical of {s} to be that stupid?",
    "No one wants {g} around here.",
    "I'd rather die than live next to {g}.",
    "I haet {g}.",
]
NEUTRAL_SHAPES = [
    "We are a group of {g}.",
    "I live with two {g}.",
    "{G} are great.",
    "{G} are not disgusting.",
    "No {s} deserves to die.",
    "I don't hate {g}.",
    "You have to stop calling {g} disgusting.",
    "If you say 'I hate {g}', you are a bigot.",
    "{G} should be treated with respect.",
    "My best friend is {s}.",
]


def _fill(shape: str, group: str) -> str:
    one = GROUPS[group][1]
    return shape.format(g=group, G=group[0].upper() + group[1:], s=one, n=one.split(" ", 1)[1])


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("shape", HOSTILE_SHAPES)
def test_hostile_statement_about_a_group_gives_its_strand(shape: str, group: str) -> None:
    assert strands(_fill(shape, group)) == {GROUPS[group][0].value}


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("shape", NEUTRAL_SHAPES)
def test_neutral_or_supportive_statement_about_a_group_gives_no_strand(
    shape: str, group: str
) -> None:
    assert strands(_fill(shape, group)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Muslims are disgsting", {H.RELIGION}),
        ("black people are vremin", {H.RACE}),
        ("he called me a n1gger", {H.RACE}),
        ("they call her a trany", {H.TRANSGENDER_IDENTITY}),
        ("the garage door was smashed again", set()),
        ("he plays heavy metal all night", set()),
        ("they told me to go back to Ukraine", {H.RACE}),
        ("she keeps mocking my accent", {H.RACE}),
        ("he called me a bloody foreigner", {H.RACE}),
        ("I think it's a race thing", {H.RACE}),
        ("I don't know if it's because I'm gay", set()),
        ("I went back to Poland for Christmas", set()),
        ("it is a race to the bottom round here", set()),
    ],
)
def test_slips_of_the_keyboard_and_everyday_homographs(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They called me a terrorist.", {H.RELIGION}),
        ('he shouted that I was a "terrorist"', {H.RELIGION}),
        ("I wear a hijab and they called me a terrorist", {H.RELIGION}),
        ("I am Arab and they called me a terrorist", {H.RACE}),
        ("Mrs Khan, who wears a hijab, has been called a terrorist", {H.RELIGION}),
        ("the police said he was a terrorist sympathiser", set()),
        ("the news said the terrorists were caught", set()),
    ],
)
def test_terrorist_aimed_at_the_victim_is_religion_or_race_by_context(
    text: str, expected: set[H]
) -> None:
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They left an old bag of rubbish by my door.", set()),
        ("he set a trap and called the police", set()),
        ("went on a bender and made noise all night", set()),
        ("I was crippled by the pain in my back", set()),
        ("they called me an old bag", {H.AGE}),
        ("he called her a tart in the street", {H.SEX}),
        ("What is it: the Community Trigger explained", set()),
        ('they shouted "what are you?" at me', {H.TRANSGENDER_IDENTITY}),
    ],
)
def test_words_with_innocent_senses_count_only_as_abuse(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}


TARGETING_QUESTION = (
    "Do you feel you've been targeted because of who you are, for example your race, "
    "religion or a disability?"
)


@pytest.mark.parametrize(
    ("answer", "prompt", "expected"),
    [
        ("yes, my religion", TARGETING_QUESTION, {H.RELIGION}),
        ("yeah im gay", TARGETING_QUESTION, {H.SEXUAL_ORIENTATION}),
        ("yes because I wear a hijab", TARGETING_QUESTION, {H.RELIGION}),
        ("no nothing like that, theyre just a nightmare family", TARGETING_QUESTION, set()),
        ("yes", TARGETING_QUESTION, set()),
        ("yes, my religion", "When did that happen?", set()),
        ("yeah im gay", None, set()),
    ],
)
def test_short_answer_to_the_targeting_question(
    answer: str, prompt: str | None, expected: set[H]
) -> None:
    found = {f.label for f in find_hate_markers_in_answer(answer, prompt)}
    assert found == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("they laughed at me breastfeeding in my own garden", {H.PREGNANCY_MATERNITY}),
        ("he keeps making sexual comments at me when I walk past", {H.SEX}),
        ("the man upstairs groped me on the stairs", {H.SEX}),
        ("I breastfeed my baby in the garden", set()),
        ("the sexual health clinic is next door", set()),
    ],
)
def test_abuse_of_new_mothers_and_sexual_harassment(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}
